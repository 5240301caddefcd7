/**
 * What the built site tells crawlers and link previews, read from the two builds the global
 * setup made: the root build knows no address of its own (no SITE_URL), the sub-path build is
 * told it is hosted at SUB_PATH_SITE. No browser is needed: these are the files a host serves.
 */
import { readFileSync, existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SUB_PATH, SUB_PATH_SITE } from './global-setup.ts';

const LESSON = 'lessons/04-softmax/index.html';

/** The content of each `<meta property|name="key" content>` and `<link rel="canonical">` in an HTML file. */
function headTags(file: string): Record<string, string> {
  const html = readFileSync(file, 'utf8');
  const tags: Record<string, string> = {};
  for (const [, key, value] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) tags[key] = value;
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html);
  if (canonical) tags.canonical = canonical[1];
  return tags;
}

test('every lesson page carries Open Graph and Twitter tags with its own title and description', () => {
  const tags = headTags(`dist/${LESSON}`);
  expect(tags['og:type']).toBe('article');
  expect(tags['og:title']).toBe('Softmax: from scores to probabilities · Activation &amp; Loss');
  expect(tags['og:description']).toBe(tags.description);
  expect(tags['twitter:card']).toBe('summary');
  expect(tags['twitter:title']).toBe(tags['og:title']);
  expect(headTags('dist/index.html')['og:type']).toBe('website');
});

test('without SITE_URL the build invents no address: no canonical link, no og:url, no sitemap, and robots.txt allows everything', () => {
  const tags = headTags(`dist/${LESSON}`);
  expect(tags.canonical).toBeUndefined();
  expect(tags['og:url']).toBeUndefined();
  expect(existsSync('dist/sitemap-index.xml')).toBe(false);
  expect(readFileSync('dist/robots.txt', 'utf8')).toBe('User-agent: *\nAllow: /\n');
});

test('with SITE_URL every page names its canonical address under the sub-path, and the sitemap lists every page but the 404', () => {
  const tags = headTags(`dist-subpath/${LESSON}`);
  expect(tags.canonical).toBe(`${SUB_PATH_SITE}${SUB_PATH}lessons/04-softmax/`);
  expect(tags['og:url']).toBe(tags.canonical);
  const robots = readFileSync('dist-subpath/robots.txt', 'utf8');
  expect(robots).toContain(`Sitemap: ${SUB_PATH_SITE}${SUB_PATH}sitemap-index.xml`);
  const index = readFileSync('dist-subpath/sitemap-index.xml', 'utf8');
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc);
  expect(parts.length).toBeGreaterThan(0);
  const pages = parts.flatMap((part) => {
    const xml = readFileSync(`dist-subpath/${part.slice(`${SUB_PATH_SITE}${SUB_PATH}`.length)}`, 'utf8');
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc.slice(`${SUB_PATH_SITE}${SUB_PATH}`.length));
  });
  expect(pages).toContain('');
  expect(pages).toContain('lessons/01-why-activation-functions/');
  expect(pages).toContain('lessons/09-lab-two-moons/');
  expect(pages).toContain('reference/');
  expect(pages.some((page) => page.startsWith('404'))).toBe(false);
  // The 404 page answers any address, so it asks not to be indexed and names no canonical one.
  const missing = headTags('dist-subpath/404.html');
  expect(missing.robots).toBe('noindex');
  expect(missing.canonical).toBeUndefined();
});
