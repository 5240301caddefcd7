import { describe, expect, test } from 'vitest';
import { isPrecached, precacheList, urlOf } from '../../../src/build/precache-list.ts';

const file = (path: string, text = path) => ({ path, contents: new TextEncoder().encode(text) });

describe('which built files the service worker caches', () => {
  test('pages, scripts, styles, woff2 fonts, the search index and the programs', () => {
    for (const path of ['index.html', 'lessons/04-softmax/index.html', '404.html', '_astro/lab.worker-B.js', '_astro/BaseLayout.B.css',
      '_astro/KaTeX_Main-Regular.B.woff2', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind',
      'pagefind/index/en_1.pf_index', 'pagefind/fragment/en_2.pf_fragment', 'code/moons_classifier.py', 'favicon.svg',
      'icon-192.png', 'manifest.webmanifest']) {
      expect(isPrecached(path), path).toBe(true);
    }
  });

  test('not the worker itself, crawler and host files, fonts no such browser takes, or Pagefind interfaces the site does not use', () => {
    for (const path of ['sw.js', '_headers', 'robots.txt', 'sitemap-index.xml', 'sitemap-0.xml', '_astro/KaTeX_Main-Regular.B.woff',
      '_astro/KaTeX_Main-Regular.B.ttf', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-component-ui.js',
      'pagefind/pagefind-modular-ui.css', 'pagefind/pagefind-highlight.js']) {
      expect(isPrecached(path), path).toBe(false);
    }
  });
});

describe('the URL of a built file', () => {
  test('pages by their directory, as links name them, at the root and under a sub-path', () => {
    expect(urlOf('index.html', '/')).toBe('/');
    expect(urlOf('lessons/04-softmax/index.html', '/')).toBe('/lessons/04-softmax/');
    expect(urlOf('lessons/04-softmax/index.html', '/course/')).toBe('/course/lessons/04-softmax/');
    expect(urlOf('index.html', '/course')).toBe('/course/');
    expect(urlOf('404.html', '/course/')).toBe('/course/404.html');
    expect(urlOf('_astro/a.js', '/course/')).toBe('/course/_astro/a.js');
  });
});

describe('the precache list and its version', () => {
  const site = [file('index.html'), file('_astro/a.js'), file('sw.js', 'old worker'), file('robots.txt')];

  test('lists the kept files in a fixed order, whatever order the folder was read in', () => {
    const list = precacheList(site, '/course/');
    expect(list.urls).toEqual(['/course/_astro/a.js', '/course/']);
    expect(precacheList([...site].reverse(), '/course/')).toEqual(list);
    expect(list.bytes).toBe('index.html'.length + '_astro/a.js'.length);
  });

  test('changes when a kept file changes, is added or is renamed, and not for a file it leaves out', () => {
    const { version } = precacheList(site, '/');
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheList([file('index.html', 'new text'), ...site.slice(1)], '/').version).not.toBe(version);
    expect(precacheList([...site, file('code/new.py')], '/').version).not.toBe(version);
    expect(precacheList([file('home.html', 'index.html'), ...site.slice(1)], '/').version).not.toBe(version);
    expect(precacheList([...site.slice(0, 2), file('sw.js', 'another worker'), file('robots.txt', 'changed')], '/').version).toBe(version);
  });
});
