/**
 * The code cells' budget, measured in headless Chromium on the built site (`npm run bench:cells`
 * builds it first; `--runs N` sets the timed runs, default 5; `--baseline COMMIT` the commit
 * before cells, default 9395866, which is built in a temporary clone for comparison):
 *
 * - gzipped bytes a page loads before any cell is touched: lesson 1 here and at the baseline,
 *   and what a page with cells (the scratchpad) loads beyond what every page loads (the home page);
 * - gzipped bytes the first run of an untouched cell brings (runner, output view, worker,
 *   sucrase, the course library; not the editor, which loads only when the code is focused,
 *   edited, restored or linked, or an error's line is to be marked);
 * - time from the click on Run to the first output of a `show(1 + 1)` cell, cold (a fresh
 *   context, nothing loaded yet) and warm (the same cell again), medians.
 *
 * Bytes are each requested file of dist/ gzipped (level 9), as a static host would send it; the
 * first run is also given brotli-compressed, which many hosts send instead.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { serveStatic, type StaticSite } from '../browser/static-server.ts';

const argument = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const runs = Number(argument('--runs', '5'));
const baseline = argument('--baseline', '9395866');
const LESSON = 'lessons/01-why-activation-functions/';

/** The compressed size (gzip level 9 unless `compress` says otherwise) of the files behind `urls` in the site served from `root`. */
function gzippedBytes(root: string, siteUrl: string, urls: Iterable<string>, compress = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length): number {
  let total = 0;
  for (const url of new Set(urls)) {
    if (!url.startsWith(siteUrl)) continue;
    let path = join(root, decodeURIComponent(new URL(url).pathname));
    if (path.endsWith('/')) path = join(path, 'index.html');
    if (existsSync(path)) total += compress(readFileSync(path));
  }
  return total;
}

/**
 * Every URL the site served while `act` ran in a fresh context, counted by the server itself, so
 * what a worker imports is counted too (a page's request events do not see a worker's imports).
 */
async function requestsDuring(browser: Browser, site: StaticSite, act: (page: Page) => Promise<void>): Promise<string[]> {
  // No service worker: its precache of the whole site, after load, is not what a page costs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const start = site.served.length;
  await act(page);
  await context.close();
  return site.served.slice(start);
}

/** What a page loads with no interaction: everything up to network idle. */
async function firstLoad(browser: Browser, site: StaticSite, url: string): Promise<string[]> {
  return requestsDuring(browser, site, async (page) => {
    await page.goto(url, { waitUntil: 'networkidle' });
  });
}

/** Clicks Run on the cell `id` from inside the page and resolves with the ms until its first output. */
function timeToFirstOutput(page: Page, id: string): Promise<number> {
  return page.evaluate(
    (cellId) =>
      new Promise<number>((resolve) => {
        const cell = document.querySelector(`al-code-cell[data-cell-id="${cellId}"]`)!;
        const region = cell.querySelector('[data-part="output"]')!;
        const run = [...cell.querySelectorAll('button')].find((button) => button.textContent === 'Run')!;
        region.replaceChildren();
        const observer = new MutationObserver(() => {
          if (region.childElementCount === 0) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(region, { childList: true });
        const start = performance.now();
        run.click();
      }),
    id,
  );
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds the baseline commit in a temporary clone and returns its dist/ folder. */
function buildBaseline(commit: string): { dist: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'cells-baseline-'));
  execFileSync('git', ['clone', '--quiet', '--shared', '--no-checkout', '.', folder]);
  execFileSync('git', ['-C', folder, 'checkout', '--quiet', commit]);
  symlinkSync(resolve('node_modules'), join(folder, 'node_modules'));
  execFileSync(join(resolve('node_modules'), '.bin', 'astro'), ['build', '--silent'], { cwd: folder, stdio: 'inherit' });
  return { dist: join(folder, 'dist'), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

const base = buildBaseline(baseline);
const browser = await launchChromium();
const here: StaticSite = await serveStatic('dist');
const before: StaticSite = await serveStatic(base.dist);

const lessonHereUrls = await firstLoad(browser, here, here.url + LESSON);
const lessonBeforeUrls = await firstLoad(browser, before, before.url + LESSON);
const lessonHere = gzippedBytes('dist', here.url, lessonHereUrls);
const lessonBefore = gzippedBytes(base.dist, before.url, lessonBeforeUrls);

/** The gzipped bytes of `urls` split by kind of file: the page itself, scripts, styles, the rest. */
function byKind(root: string, siteUrl: string, urls: string[]): string {
  const kinds: [string, (path: string) => boolean][] = [
    ['HTML', (path) => path.endsWith('/') || path.endsWith('.html')],
    ['JS', (path) => path.endsWith('.js')],
    ['CSS', (path) => path.endsWith('.css')],
  ];
  const rest = urls.filter((url) => !kinds.some(([, test]) => test(new URL(url).pathname)));
  const parts = kinds.map(([name, test]) => `${name} ${kilobytes(gzippedBytes(root, siteUrl, urls.filter((url) => test(new URL(url).pathname))))}`);
  return [...parts, `other ${kilobytes(gzippedBytes(root, siteUrl, rest))}`].join(', ');
}
const homeUrls = new Set(await firstLoad(browser, here, here.url));
const scratchpadUrls = await firstLoad(browser, here, `${here.url}scratchpad/`);
const cellAssets = scratchpadUrls.filter((url) => !homeUrls.has(url) && !url.endsWith('/scratchpad/'));
const cellOverhead = gzippedBytes('dist', here.url, cellAssets);

// The first run: everything requested from the click on Run until the cell has finished.
let firstRunUrls: string[] = [];
const cold: number[] = [];
const warm: number[] = [];
for (let run = 0; run < runs; run++) {
  const urls = await requestsDuring(browser, here, async (page) => {
    await page.goto(`${here.url}scratchpad/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('al-code-cell[data-cell-id="first"][data-ready]');
    const start = here.served.length;
    cold.push(await timeToFirstOutput(page, 'first'));
    await page.waitForSelector('al-code-cell[data-cell-id="first"]:not([data-running])');
    await page.waitForLoadState('networkidle');
    for (let again = 0; again < 5; again++) {
      warm.push(await timeToFirstOutput(page, 'first'));
      await page.waitForSelector('al-code-cell[data-cell-id="first"]:not([data-running])');
    }
    if (run === 0) firstRunUrls = here.served.slice(start);
  });
  if (run === 0 && urls.length === 0) throw new Error('no requests recorded');
}
const firstRun = gzippedBytes('dist', here.url, firstRunUrls);
const firstRunBrotli = gzippedBytes('dist', here.url, firstRunUrls, (bytes) => brotliCompressSync(bytes).length);

/**
 * Everything the first Run of the cell `id` on `path` requests, until it has finished; with
 * `edit`, the reader first types into the code (which brings the editor), as a graded exercise needs.
 */
async function firstRunOf(path: string, id: string, edit = false): Promise<string[]> {
  let loaded: string[] = [];
  await requestsDuring(browser, here, async (page) => {
    await page.goto(here.url + path, { waitUntil: 'networkidle' });
    const cell = `al-code-cell[data-cell-id="${id}"]`;
    await page.locator(cell).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${cell}[data-ready]`);
    await page.waitForLoadState('networkidle');
    const start = here.served.length;
    if (edit) {
      await page.locator(`${cell} pre`).first().click();
      await page.locator(`${cell} .cm-content`).waitFor();
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
    }
    await page.locator(cell).getByRole('button', { name: 'Run', exact: true }).click();
    // Done: something is in the output and the cell no longer runs (it may not have started yet at the click).
    await page.waitForFunction(
      (selector) => {
        const element = document.querySelector(selector)!;
        return element.querySelector('[data-part="output"]')!.childElementCount > 0 && !element.hasAttribute('data-running');
      },
      cell,
      { timeout: 60_000 },
    );
    await page.waitForLoadState('networkidle');
    loaded = here.served.slice(start);
  });
  return loaded;
}
// A cell that imports the course (lesson 1's collapse) also loads the library; a graded one its checks.
const courseRunUrls = await firstRunOf(LESSON, 'collapse');
const courseRun = gzippedBytes('dist', here.url, courseRunUrls);
const gradedRun = gzippedBytes('dist', here.url, await firstRunOf(LESSON, 'sigmoid-and-slope'));
const editedGradedRun = gzippedBytes('dist', here.url, await firstRunOf(LESSON, 'sigmoid-and-slope', true));

const lessonKinds = `  here: ${byKind('dist', here.url, lessonHereUrls)}; at ${baseline}: ${byKind(base.dist, before.url, lessonBeforeUrls)}`;
await here.close();
await before.close();
await browser.close();
base.remove();

console.log(`Lesson 1, first load (gzipped): ${kilobytes(lessonHere)} here, ${kilobytes(lessonBefore)} at ${baseline} (${lessonHere - lessonBefore >= 0 ? '+' : ''}${lessonHere - lessonBefore} bytes)`);
console.log(lessonKinds);
console.log(`A page with cells loads beyond every page's own files: ${kilobytes(cellOverhead)} gzipped (${cellAssets.map((url) => new URL(url).pathname.split('/').pop()).join(', ')})`);
console.log(`First run of a cell loads: ${kilobytes(firstRun)} gzipped, ${kilobytes(firstRunBrotli)} brotli (target under 200 KB): ${firstRunUrls.map((url) => new URL(url).pathname.split('/').pop()).join(', ')}`);
console.log(`First run of a cell that imports 'course' (lesson 1, collapse): ${kilobytes(courseRun)} gzipped (${courseRunUrls.map((url) => new URL(url).pathname.split('/').pop()).join(', ')}); of a graded cell (lesson 1, sigmoid-and-slope): ${kilobytes(gradedRun)} gzipped, ${kilobytes(editedGradedRun)} when the reader edits it first (the editor included)`);
console.log(`Click on Run to first output, show(1 + 1): cold median ${median(cold).toFixed(0)} ms (${cold.map((t) => t.toFixed(0)).join(' ')}), warm median ${median(warm).toFixed(0)} ms over ${warm.length} runs`);
