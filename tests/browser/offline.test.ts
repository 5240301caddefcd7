/**
 * The course offline, as a reader gets it: after one visit the service worker has cached the
 * site, and with the network cut another lesson opens, with its formulas, fonts and a widget
 * that runs in a Web Worker, and search still finds "Huber"; at the root and under a sub-path.
 * Then the installable manifest, and the update notice when a newer version is deployed. The
 * builds are the global setup's; this file serves them itself, so it can count what the server
 * sends and deploy a "new" sw.js.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';
import { SUB_PATH } from './global-setup.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

const browser = useChromium();

/** Whether the root site's server sends sw.js as a newer deploy would (another version), and how often it was asked for it. */
const deploy = { newer: false, asked: 0 };
const sites: Record<string, StaticSite> = {};

beforeAll(async () => {
  sites['/'] = await serveStatic('dist', '/', (path, body) => {
    if (path === 'sw.js') deploy.asked++;
    return path === 'sw.js' && deploy.newer ? Buffer.from(body.toString('utf8').replace(/"version":"([0-9a-f]+)"/, '"version":"$1-next"')) : body;
  });
  sites[SUB_PATH] = await serveStatic('dist-subpath', SUB_PATH);
});

afterAll(async () => {
  await Promise.all(Object.values(sites).map((site) => site.close()));
});

/** Opens `path` with service workers allowed and waits until the worker controls the page with its cache filled. */
async function visit(base: string, path: string) {
  const opened = await openPage(browser(), sites[base].url + path, { serviceWorkers: 'allow' });
  const worker = await opened.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    // The first page is claimed once the worker activates, which is after its install (the precache) is done.
    while (!navigator.serviceWorker.controller) await new Promise((resolve) => setTimeout(resolve, 50));
    const names = await caches.keys();
    const cached = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).length));
    return { scope: registration.scope, script: registration.active?.scriptURL, names, cached };
  });
  return { ...opened, worker };
}

/** Opens the search with "/", types `query` and returns the addresses of the results. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search the course' }).fill(query);
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`mentions? “${query}”`));
  return page.locator('[data-search-results] a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** The page's background colour as #rrggbb. */
function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => {
    const channels = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).slice(0, 3);
    return `#${channels.map((channel) => Number(channel).toString(16).padStart(2, '0')).join('')}`;
  });
}

describe.each([['at the root', '/'], ['under a sub-path', SUB_PATH]])('offline %s', (_where, base) => {
  test('after one visit, with the network cut, other lessons open with their formulas and widgets, and search works', async () => {
    const { page, problems, worker } = await visit(base, 'lessons/01-why-activation-functions/');
    const origin = new URL(sites[base].url).origin;
    expect(worker.scope).toBe(sites[base].url);
    expect(worker.script).toBe(`${sites[base].url}sw.js`);
    expect(worker.names).toEqual([expect.stringMatching(new RegExp(`^al-offline:${base}:[0-9a-f]{16}$`))]);
    expect(worker.cached[0]).toBeGreaterThan(50);

    await page.context().setOffline(true);
    const sent = sites[base].served.length;
    await page.goto(`${sites[base].url}lessons/06-regression-losses/?loss=huber`);
    expect(await page.locator('h1').textContent()).toMatch(/^Regression losses/);
    expect(await page.locator('.katex').count()).toBeGreaterThan(10);
    // KaTeX's fonts came from the cache too: a missing one would leave the formulas in a fallback face.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.family.startsWith('KaTeX')).map((font) => `${font.family} ${font.status}`);
    });
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.endsWith('loaded'))).toEqual([]);
    const results = await search(page, 'Huber');
    expect(results.some((href) => href.startsWith(`${base}lessons/06-regression-losses/#`)), results.join(' ')).toBe(true);
    await page.keyboard.press('Escape');

    // The lab trains in a Web Worker, whose script the page's worker serves from the cache as well.
    await page.goto(`${sites[base].url}lessons/09-lab-two-moons/`);
    await page.locator('al-moons-lab').scrollIntoViewIfNeeded();
    await page.waitForSelector('al-moons-lab[data-ready][data-epoch="0"] [data-part="boundary"] svg');
    // The programs a lesson offers as downloads.
    const program = await page.evaluate(async (address) => (await fetch(address)).text(), `${base}code/moons_classifier.py`);
    expect(program).toMatch(/^import |\nimport /);
    // The network really was cut, for the service worker's fetches too: the server sent nothing
    // but sw.js, which the browser itself asks for on each navigation, beyond Playwright's reach.
    expect(sites[base].served.slice(sent).filter((url) => !url.endsWith(`${base}sw.js`))).toEqual([]);
    expect(problems).toEqual([]);

    // A page the build does not have: the cached 404 page, not the browser's offline error.
    const missing = await page.goto(`${origin}${base}lessons/99-no-such-lesson/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('This page is not part of the course');
    await page.context().close();
  });

  test('the manifest installs the course where it is hosted: start page, scope and icons under the base', async () => {
    const { page, problems } = await openPage(browser(), sites[base].url);
    const link = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(link).toBe(`${base}manifest.webmanifest`);
    const manifest = await page.evaluate(async (address) => {
      const response = await fetch(address);
      return { type: response.headers.get('content-type'), body: await response.json() };
    }, link ?? '');
    expect(manifest.type).toBe('application/manifest+json');
    expect(manifest.body).toMatchObject({ name: 'Activation & Loss', start_url: base, scope: base, display: 'standalone' });
    // The frame's colour is the page's background, in the theme the reader forces too.
    const frame = () => page.locator('meta[name="theme-color"]').evaluateAll((metas) =>
      (metas as HTMLMetaElement[]).filter((meta) => matchMedia(meta.media).matches).map((meta) => meta.content));
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await frame()).toEqual([manifest.body.theme_color]);
    expect(await frame()).toEqual([await pageBackground(page)]);
    await page.getByLabel('Theme').selectOption('dark');
    expect(await frame()).toEqual([await pageBackground(page)]);
    expect(await frame()).not.toEqual([manifest.body.theme_color]);
    const icons = await page.evaluate(async (list: { src: string; sizes: string }[]) =>
      Promise.all(list.map(async ({ src, sizes }) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${sizes} ${sizes === 'any' ? 'any' : `${image.naturalWidth}x${image.naturalHeight}`}`;
      })), manifest.body.icons);
    expect(icons).toEqual(['any any', '192x192 192x192', '512x512 512x512']);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

const updateNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'A newer version of the course is available.' });

test('a page left open hears of a newer deploy within the hour, with no navigation', async () => {
  deploy.newer = false;
  const { page, problems } = await visit('/', 'lessons/04-softmax/');
  // A second page, its clock under the test's control from before it loads, controlled by the worker installed.
  const open = await page.context().newPage();
  await open.clock.install();
  const before = deploy.asked;
  await open.goto(`${sites['/'].url}lessons/05-what-a-loss-measures/`);
  await open.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The browser's own check after a navigation comes a moment later: only once it has been made is the newer version deployed.
  await expect.poll(() => deploy.asked, { timeout: 15_000 }).toBeGreaterThan(before);
  deploy.newer = true;
  const deployedAt = deploy.asked;
  // Half an hour on, nothing has asked (neither the page nor a late check of the browser's own, which would pass this test wrongly).
  await open.clock.fastForward('30:00');
  await open.waitForTimeout(1000);
  expect(deploy.asked).toBe(deployedAt);
  expect(await updateNotice(open).count()).toBe(0);
  // The hour comes round: the page asks, the newer worker installs and waits, and the notice says so.
  await open.clock.fastForward('30:01');
  await expect.poll(() => updateNotice(open).isVisible(), { timeout: 20_000 }).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();
}, 90_000);

test('a tab shown again after an hour away asks for a newer deploy at once', async () => {
  deploy.newer = false;
  const { page, problems } = await visit('/', 'lessons/04-softmax/');
  deploy.newer = true;
  const deployedAt = deploy.asked;
  await page.clock.install();
  // Shown again within the hour: nothing asks.
  await page.clock.fastForward('10:00');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForTimeout(1000);
  expect(deploy.asked).toBe(deployedAt);
  expect(await updateNotice(page).count()).toBe(0);
  // After an hour away it asks when shown (a hidden tab's timers may not have run at all).
  await page.clock.fastForward('50:01');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect.poll(() => updateNotice(page).isVisible(), { timeout: 20_000 }).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();
}, 90_000);

test('a newer deploy shows a notice; Dismiss hides it until the next page, and Reload switches to the new version', async () => {
  deploy.newer = false;
  const { page, problems, worker } = await visit('/', 'lessons/04-softmax/');
  const notice = page.getByRole('status').filter({ hasText: 'A newer version of the course is available.' });
  expect(await notice.count()).toBe(0);

  deploy.newer = true;
  // The browser looks for a new sw.js on every navigation; the new worker installs and waits.
  await page.reload();
  await expect.poll(() => notice.isVisible(), { timeout: 20_000 }).toBe(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 700 });
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await dismiss.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => notice.count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Reload' }).isVisible()).toBe(false);

  // Still waiting on the next page, so it is offered again there.
  await page.goto(`${sites['/'].url}lessons/05-what-a-loss-measures/`);
  await expect.poll(() => notice.isVisible(), { timeout: 20_000 }).toBe(true);
  await page.getByRole('button', { name: 'Reload' }).focus();
  const reloaded = page.waitForEvent('load');
  await page.keyboard.press('Enter');
  await reloaded;
  const after = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { waiting: registration.waiting !== null, names: await caches.keys() };
  });
  // The new version controls the page, and the old version's cache is gone.
  expect(after).toEqual({ waiting: false, names: [`${worker.names[0]}-next`] });
  expect(await page.locator('h1').textContent()).toMatch(/loss/i);
  expect(await notice.count()).toBe(0);
  expect(problems).toEqual([]);
  await page.context().close();
  // Two workers install here, the first caching the whole site: more than the default 30 s on a busy 2-core machine.
}, 90_000);
