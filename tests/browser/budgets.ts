/**
 * Page weights, as a reader's browser loads them from the built site: for every page, gzipped
 * (level 9, as a static host sends it), the HTML, the CSS it loads, the JavaScript it loads
 * before any widget wakes, at the top of the page without scrolling, and once every widget on
 * it has woken. `tests/browser/budgets.test.ts` holds these under limits; run this file after a
 * build to print the table: `node tests/browser/budgets.ts [dist]` (`npm run budgets` builds first).
 *
 * Each page gets its own static server, so the bytes are counted by the server: what a Worker
 * imports is counted too (a page's request events do not see a worker's imports).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { builtPages } from './built-pages.ts';
import { launchChromium } from './chromium.ts';
import { resolveFile, serveStatic } from './static-server.ts';

/** One page's weights in gzipped bytes. */
export interface PageWeight {
  /** Relative to the site's root: '' is the home page, 'no-such-page/' the 404 page. */
  path: string;
  html: number;
  css: number;
  /** Scripts loaded while no widget may wake (the page's own cost). */
  scriptsBeforeWidgets: number;
  /** Scripts loaded at the top of the page without scrolling: the widgets within a screen wake. */
  scriptsAtTop: number;
  /** Scripts (and the workers' imports) once every widget on the page has woken. */
  scriptsAllAwake: number;
  /** How many widgets and code cells the page has. */
  widgets: number;
}

/** Widgets wake through IntersectionObserver (common/lazy.ts); this one never reports, so none does. */
const HOLD_WIDGETS = `globalThis.IntersectionObserver = class {
  observe() {} unobserve() {} disconnect() {} takeRecords() { return []; }
};`;

/**
 * Every widget on the page: the lazy elements (<al-…>, carrying their URL prefix as data-key;
 * a still figure that is not yet a custom element carries one too, and does not count) and the
 * code cells. Passed into the page as source, so it runs there.
 */
const WIDGETS = `[...document.querySelectorAll('al-code-cell, [data-key]')].filter((element) => element.localName.startsWith('al-'))`;

/** The gzipped size of what the server at `base` served from `root` for each of `urls` (each once). */
async function gzippedBytes(root: string, origin: string, base: string, urls: Iterable<string>): Promise<number> {
  let total = 0;
  for (const url of new Set(urls)) {
    const path = decodeURIComponent(new URL(url, origin).pathname);
    if (!path.startsWith(base)) continue;
    // A missing page is answered with 404.html, as the server does.
    const file = (await resolveFile(root, path.slice(base.length))) ?? join(root, '404.html');
    total += gzipSync(await readFile(file), { level: 9 }).length;
  }
  return total;
}

const isScript = (url: string) => /\.m?js$/.test(new URL(url).pathname);
const isStyle = (url: string) => /\.css$/.test(new URL(url).pathname);

/**
 * Scrolls a screen at a time to the bottom, so every widget comes near the viewport, then brings
 * each one still asleep to the middle of the screen until it is live (a widget above it that
 * changes height on waking can carry it past the viewport between two frames). `errors` are the
 * page's errors so far, quoted if a widget never wakes.
 */
async function wakeEveryWidget(page: Page, errors: readonly string[]): Promise<void> {
  await page.evaluate(async () => {
    for (let top = 0; top < document.documentElement.scrollHeight; top += innerHeight) {
      scrollTo(0, top);
      // Two frames: intersections are computed after a frame's animation callbacks, so scrolling on
      // from the first callback would move the page before the observers ever saw it here.
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const asleep = (await page.evaluate(`${WIDGETS}.flatMap((widget, i) => (widget.hasAttribute('data-ready') ? [] : [i]))`)) as number[];
    if (asleep.length === 0) break;
    if (Date.now() > deadline) {
      const names = await page.evaluate(`${WIDGETS}.filter((widget) => !widget.hasAttribute('data-ready')).map((widget) => widget.localName + ' ' + (widget.dataset.key ?? widget.dataset.cellId))`);
      throw new Error(`${page.url()}: these widgets never woke: ${String(names)}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    }
    await page.evaluate(`${WIDGETS}[${asleep[0]}].scrollIntoView({ block: 'center' })`);
    await page.waitForTimeout(200);
  }
  // Live widgets start their workers and charts after data-ready; let those requests finish.
  await page.waitForLoadState('networkidle');
}

/** Measures one page of the site built in `root`, hosted at `base` ('/' or a sub-path). */
export async function measurePage(browser: Browser, root: string, path: string, base = '/'): Promise<PageWeight> {
  const site = await serveStatic(root, base);
  const origin = new URL(site.url).origin;
  const bytes = (urls: string[]) => gzippedBytes(root, origin, base, urls);
  try {
    const held = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await held.addInitScript(HOLD_WIDGETS);
    await (await held.newPage()).goto(site.url + path, { waitUntil: 'networkidle' });
    await held.close();
    const before = site.served.splice(0);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.url + path, { waitUntil: 'networkidle' });
    const atTop = [...site.served];
    const widgets = Number(await page.evaluate(`${WIDGETS}.length`));
    await wakeEveryWidget(page, errors);
    await context.close();
    const all = site.served;
    return {
      path,
      html: await bytes([site.url + path]),
      css: await bytes(before.filter(isStyle)),
      scriptsBeforeWidgets: await bytes(before.filter(isScript)),
      scriptsAtTop: await bytes(atTop.filter(isScript)),
      scriptsAllAwake: await bytes(all.filter(isScript)),
      widgets,
    };
  } finally {
    await site.close();
  }
}

/** Measures every page of the site built in `root`, two at a time (a page is mostly waiting on the network to fall idle). */
export async function measureSite(browser: Browser, root: string): Promise<PageWeight[]> {
  const pages = await builtPages(root);
  const results: PageWeight[] = [];
  const queue = [...pages];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) results.push(await measurePage(browser, root, path));
  };
  await Promise.all([worker(), worker()]);
  return results.sort((a, b) => pages.indexOf(a.path) - pages.indexOf(b.path));
}

/** Kilobytes (1,024 bytes) to one decimal. */
export const kilobytes = (bytes: number): string => (bytes / 1024).toFixed(1);

/** The weights as a Markdown table, in KB gzipped. */
export function weightTable(weights: readonly PageWeight[]): string {
  const rows = weights.map((weight) =>
    [`/${weight.path}`, kilobytes(weight.html), kilobytes(weight.css), kilobytes(weight.scriptsBeforeWidgets), kilobytes(weight.scriptsAtTop), kilobytes(weight.scriptsAllAwake), String(weight.widgets)].join(' | '),
  );
  return [
    '| page | HTML | CSS | JS before widgets | JS at top | JS all awake | widgets |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

if (import.meta.filename === process.argv[1]) {
  const root = process.argv[2] ?? 'dist';
  const browser = await launchChromium();
  try {
    console.log(`Gzipped KB per page of ${root}/ (level 9):\n`);
    console.log(weightTable(await measureSite(browser, root)));
  } finally {
    await browser.close();
  }
}
