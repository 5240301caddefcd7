import { expect, inject, test } from 'vitest';
import { openPage, seriousViolations, useChromium } from './harness.ts';

// The reference page as a reader meets it: reached from the header and the home page, clean in
// both themes and on a phone, every link into the course alive (widget links open their widget
// configured, with no notice of a refused value), and two A4 pages when printed.

const siteUrl = inject('siteUrl');
const PAGE = 'reference/';
const browser = useChromium();

test.each(['light', 'dark'] as const)('loads cleanly with no serious accessibility problem in %s mode', async (colorScheme) => {
  const { page, problems } = await openPage(browser(), siteUrl + PAGE, { colorScheme });
  expect(await page.locator('h1').textContent()).toBe('Every function at a glance');
  expect(await page.locator('.katex').count()).toBeGreaterThan(60);
  expect(await page.locator('.katex-error').count()).toBe(0);
  expect(await page.locator('body').textContent()).not.toMatch(/NaN|undefined|Infinity/);
  expect(await seriousViolations(page, colorScheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined)).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('fits a 360 px screen without sideways scrolling, as does a lesson page with the header’s new link', async () => {
  for (const path of [PAGE, 'lessons/03-relu-family/']) {
    const { page } = await openPage(browser(), siteUrl + path, { viewport: { width: 360, height: 780 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, ['scrollable-region-focusable']), path).toEqual([]);
    await page.context().close();
  }
});

test('the header and the home page link to it', async () => {
  const { page } = await openPage(browser(), siteUrl);
  expect(await page.locator('main a[href$="/reference/"]').count()).toBe(1);
  await page.locator('.site-header').getByRole('link', { name: 'Reference' }).click();
  await page.waitForURL(`**/${PAGE}`);
  expect(await page.locator('.site-header a[aria-current="page"]').textContent()).toBe('Reference');
  await page.context().close();
});

test('every internal link on the page resolves in the build, down to its heading', async () => {
  const { page } = await openPage(browser(), siteUrl + PAGE);
  const hrefs = await page.$$eval('main a[href]', (links) => [...new Set(links.map((link) => (link as HTMLAnchorElement).href))]);
  expect(hrefs.length).toBeGreaterThan(30);
  const origin = new URL(siteUrl).origin;
  for (const href of hrefs) {
    const url = new URL(href);
    expect(url.origin, href).toBe(origin);
    const response = await page.request.get(url.origin + url.pathname);
    expect(response.status(), href).toBe(200);
    if (url.hash) expect(await response.text(), href).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
  }
  await page.context().close();
});

test('each widget link opens its widget configured, with no notice of a refused value', async () => {
  const { page, problems } = await openPage(browser(), siteUrl + PAGE);
  const hrefs = await page.$$eval('a[data-widget-link]', (links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThanOrEqual(15);
  // Every query is checked against its widget's state table in tests/unit/components/reference;
  // here one link per widget instance is opened, to see that the page really takes it.
  const links = hrefs.map((href) => {
    const url = new URL(href);
    return { href, key: [...url.searchParams.keys()][0]?.split('.')[0], hash: url.hash, pathname: url.pathname };
  });
  const perWidget = new Map(links.map((link) => [`${link.pathname} ${link.key ?? link.hash}`, link]));
  expect(perWidget.size).toBeGreaterThanOrEqual(8);
  for (const { href, key, hash } of perWidget.values()) {
    await page.goto(href);
    const widget = key ? page.locator(`[data-key="${key}"]`) : page.locator(`#${hash.slice(1)}`);
    await widget.first().scrollIntoViewIfNeeded();
    if (key) {
      await page.waitForSelector(`[data-key="${key}"][data-ready]`);
      expect(await widget.locator('.al-notice:not([hidden])').count(), href).toBe(0);
    }
  }
  expect(problems).toEqual([]);
  await page.context().close();
}, 240_000);

test('prints on at most two landscape A4 pages, with no link words or controls', async () => {
  const { page } = await openPage(browser(), siteUrl + PAGE);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('a[data-widget-link]').first().isVisible()).toBe(false);
  expect(await page.locator('.site-header').isVisible()).toBe(false);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);
  // A4 landscape is 842 × 595 points.
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  expect(Math.round(Number(box?.[1]))).toBe(842);
  expect(Math.round(Number(box?.[2]))).toBe(595);
  await page.context().close();
});
