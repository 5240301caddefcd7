import { describe, expect, inject, test } from 'vitest';
import katex from 'katex';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const siteUrl = inject('siteUrl');
const LESSON_1 = 'lessons/01-why-activation-functions/';
const LAB = 'lessons/09-lab-two-moons/';
const PAGES = ['', LESSON_1, 'lessons/02-sigmoid-and-tanh/', 'lessons/03-relu-family/', 'lessons/04-softmax/', 'lessons/05-what-a-loss-measures/', 'lessons/06-regression-losses/', 'lessons/07-classification-losses/', 'lessons/08-pairing-activations-and-losses/', LAB, 'no-such-page/'];

const browser = useChromium();

/**
 * What a colour scheme can change, for the dark-mode pass: contrast, and links told apart from
 * text by colour. Light mode runs every rule; the rest do not depend on the scheme.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** What a narrow screen can change: regions that overflow and scroll must take keyboard focus. */
const NARROW_RULES = ['scrollable-region-focusable'];

describe.each(PAGES)('page "/%s"', (path) => {
  test('loads cleanly in light mode at 1280 px: no KaTeX error, no console problem, no serious accessibility problem', async () => {
    const { page, problems } = await openPage(browser(), siteUrl + path, { colorScheme: 'light' });
    // Scrolling through the page wakes every widget, so their own requests and errors count too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  // One load for what a colour scheme and what a width can change (light mode ran every rule):
  // dark mode on a 360 px phone, where wide formulas and tables must scroll inside the column and
  // take keyboard focus, and the page itself never scrolls sideways.
  test('in dark mode on a 360 px screen: no sideways scrolling, contrast holds, every region that scrolls is reachable by keyboard', async () => {
    const { page, problems } = await openPage(browser(), siteUrl + path, { colorScheme: 'dark', viewport: { width: 360, height: 780 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    expect(await seriousViolations(page, [...COLOUR_RULES, ...NARROW_RULES])).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

test('the home page lists every lesson with its time and links to the first', async () => {
  const { page } = await openPage(browser(), siteUrl);
  const items = page.locator('.lesson-list li');
  expect(await items.count()).toBeGreaterThanOrEqual(1);
  await expect.poll(() => items.first().textContent()).toMatch(/Why a network needs activation functions[\s\S]*\d+ min/);
  await page.getByRole('link', { name: /Start with lesson 1/ }).click();
  await page.waitForURL(`**/${LESSON_1}`);
  expect(await page.locator('h1').textContent()).toBe('Why a network needs activation functions');
  await page.context().close();
});

test('a lesson typesets its formulas, marks itself in the sidebar and links its table of contents', async () => {
  const { page } = await openPage(browser(), siteUrl + LESSON_1);
  expect(await page.locator('.katex').count()).toBeGreaterThan(10);
  expect(await page.locator('.katex-display').count()).toBeGreaterThan(2);
  const current = page.locator('.sidebar a[aria-current="page"]');
  expect(await current.textContent()).toContain('Why a network needs activation functions');
  const targets = await page.locator('.toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(targets.length).toBeGreaterThan(3);
  for (const target of targets) expect(await page.locator(target).count(), target).toBe(1);
  expect(await page.locator('pre.astro-code[data-language="python"] span').count()).toBeGreaterThan(5);
  await page.context().close();
});

test('KaTeX draws fractions and square roots at full size', async () => {
  const { page } = await openPage(browser(), siteUrl + LESSON_1);
  // Lesson 1 has fractions. A root sign is KaTeX's stretchy SVG, which a global "svg { height: auto }"
  // would collapse, so one is typeset by the same KaTeX and placed in the lesson, under the site's styles.
  const root = katex.renderToString('\\sqrt{x^2 + 1}', { displayMode: true });
  const sizes = await page.evaluate((html) => {
    const probe = document.createElement('div');
    probe.innerHTML = html;
    document.querySelector('.prose')!.append(probe);
    return {
      fraction: document.querySelector('.katex .frac-line')!.getBoundingClientRect().toJSON() as DOMRect,
      root: probe.querySelector('.sqrt svg')!.getBoundingClientRect().height,
    };
  }, root);
  expect(sizes.fraction.width).toBeGreaterThan(5);
  expect(sizes.fraction.height).toBeGreaterThan(0);
  expect(sizes.root).toBeGreaterThan(10);
  await page.context().close();
});

test('the theme can be set to dark or light, and the choice survives a reload', async () => {
  const { page } = await openPage(browser(), siteUrl + LESSON_1, { colorScheme: 'light' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByLabel('Theme').selectOption('dark');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.reload();
  expect(await background()).toBe(dark);
  await page.getByLabel('Theme').selectOption('auto');
  expect(await background()).toBe(light);
  await page.context().close();
});

test('the automatic theme follows the operating system', async () => {
  const { page } = await openPage(browser(), siteUrl, { colorScheme: 'dark' });
  const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 22, 27)');
  expect(scheme).toContain('dark');
  await page.context().close();
});

test('printing a lesson gives a handout: no navigation, light colours, the figures kept', async () => {
  const { page } = await openPage(browser(), siteUrl + LESSON_1, { colorScheme: 'dark' });
  await page.emulateMedia({ media: 'print' });
  const visible = (selector: string) => page.locator(selector).first().isVisible();
  expect(await visible('.site-header')).toBe(false);
  expect(await visible('.lesson-sidebar')).toBe(false);
  expect(await visible('.pager')).toBe(false);
  expect(await visible('figure.al-widget svg')).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.context().close();
});

test('an unknown address shows the 404 page with a way back', async () => {
  const { page } = await openPage(browser(), siteUrl + 'no-such-page/');
  expect(await page.locator('h1').textContent()).toContain('not part of the course');
  await page.getByRole('link', { name: /course overview/ }).click();
  await page.waitForURL(siteUrl);
  await page.context().close();
});

test('the lab offers its corrected script as a file to download, highlighted on the page', async () => {
  const { page } = await openPage(browser(), siteUrl + LAB);
  const link = page.getByRole('link', { name: 'Download' });
  const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(response.status()).toBe(200);
  const script = await response.text();
  expect(script).toMatch(/^"""Two moons/);
  expect(await page.locator('.code-file pre.astro-code').textContent()).toBe(script.replace(/\n$/, ''));
  await page.context().close();
});
