/**
 * Presenter mode and "Copy link to this setup", as a teacher uses them: from the keyboard on
 * lesson 2's gradient-depth widget, from a bookmarked address, and the copied link on lesson 4's
 * softmax widget.
 */
import { expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const browser = useChromium();
const lessonTwo = () => `${inject('siteUrl')}lessons/02-sigmoid-and-tanh/`;
const lessonFour = () => `${inject('siteUrl')}lessons/04-softmax/`;
const DEPTH = 'figure.al-widget:has(> al-gradient-depth[data-key="depth"])';
const SOFTMAX = 'figure.al-widget:has(> al-softmax[data-key="softmax"])';

/** What has focus: which figure holds it (by its widget's key, or "outside") and its text or tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const figure = element?.closest('figure.al-widget');
    const key = figure?.querySelector('[data-key]')?.getAttribute('data-key') ?? 'outside';
    return { key, what: element === figure ? 'the figure' : (element?.textContent?.trim() || element?.tagName || 'nothing') };
  });
/** The page's own address, read in the page: Playwright's page.url() learns of replaceState a moment later. */
const param = (page: Page, name: string) => page.evaluate((key) => new URLSearchParams(location.search).get(key), name);
const present = (page: Page) => param(page, 'present');
const isPresenting = (page: Page, figure: string) => page.locator(figure).evaluate((element) => element.hasAttribute('data-presenting'));

/** Whatever the reader sees at a grid of points over the viewport belongs to `figure`. */
const coversScreen = (page: Page, figure: string) =>
  page.locator(figure).evaluate((element) => {
    const points = [0.02, 0.5, 0.98].flatMap((x) => [0.02, 0.5, 0.98].map((y) => [x * innerWidth, y * innerHeight]));
    return points.every(([x, y]) => element.contains(document.elementFromPoint(x, y)));
  });

/** Opens lesson 2 with `query`, with its depth widget live. */
async function openDepth(query = '', options: BrowserContextOptions = {}) {
  const opened = await openPage(browser(), lessonTwo() + query, options);
  await opened.page.locator(DEPTH).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${DEPTH} al-gradient-depth[data-ready] [data-part="gradient"] svg`);
  return opened;
}

test('Tab reaches Present, Enter presents the widget alone with its keys, Tab stays inside, Escape leaves', async () => {
  const { page, problems } = await openDepth('?depth.epochs=20');
  const chartWidth = () => page.locator(`${DEPTH} [data-part="gradient"] svg[role="img"]`).evaluate((svg) => svg.getBoundingClientRect().width);
  const widthOnPage = await chartWidth();
  // Start where a reader would: on the paragraph before the widget, then Tab.
  await page.locator(DEPTH).evaluate((figure) => {
    const before = figure.previousElementSibling as HTMLElement;
    before.tabIndex = -1;
    before.focus();
  });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toEqual({ key: 'depth', what: 'Present' });
  await page.keyboard.press('Enter');

  expect(await isPresenting(page, DEPTH)).toBe(true);
  expect(await coversScreen(page, DEPTH)).toBe(true);
  expect(await present(page)).toBe('depth');
  expect(await param(page, 'depth.epochs')).toBe('20');
  expect(await focused(page)).toEqual({ key: 'depth', what: 'the figure' });
  const keys = page.locator(`${DEPTH} [data-part="shortcuts"]`);
  expect(await keys.isVisible()).toBe(true);
  expect(await keys.locator('li').allInnerTexts()).toEqual([
    'Space trains or pauses (focus in the widget, not in a field)',
    'R resets both networks',
    'Tab moves between controls (Shift + Tab goes back)',
    'Escape leaves presenter mode',
  ]);
  expect(await page.getByRole('button', { name: 'Leave presenter mode' }).isVisible()).toBe(true);
  // The page behind is inert, and its own keys stay quiet: "/" opens no search over the widget.
  expect(await page.locator('.site-header').evaluate((header) => header.closest('[inert]') !== null)).toBe(true);
  expect(await page.locator('main p').first().evaluate((text) => text.closest('[inert]') !== null)).toBe(true);
  await page.keyboard.press('/');
  expect(await page.locator('dialog[data-search]').evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(false);
  // The charts are drawn again for the wider screen.
  await expect.poll(chartWidth).toBeGreaterThan(widthOnPage * 1.3);

  // Sixty presses go round the widget's controls more than once and never leave it.
  const seen: string[] = [];
  for (let press = 0; press < 60; press++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.key).toBe('depth');
    seen.push(now.what);
  }
  expect(seen).toContain('Leave presenter mode');
  expect(seen).toContain('Train');
  expect(seen.filter((what) => what === 'Leave presenter mode').length).toBeGreaterThan(1);

  await page.keyboard.press('Escape');
  expect(await isPresenting(page, DEPTH)).toBe(false);
  expect(await present(page)).toBeNull();
  expect(await param(page, 'depth.epochs')).toBe('20');
  expect(await focused(page)).toEqual({ key: 'depth', what: 'Present' });
  expect(await page.locator('[inert]').count()).toBe(0);
  expect(await keys.isVisible()).toBe(false);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the Leave button leaves too, and the address gained no history entry', async () => {
  const { page, problems } = await openDepth();
  const entries = await page.evaluate(() => history.length);
  await page.locator(DEPTH).getByRole('button', { name: 'Present', exact: true }).click();
  expect(await isPresenting(page, DEPTH)).toBe(true);
  await page.getByRole('button', { name: 'Leave presenter mode' }).click();
  expect(await isPresenting(page, DEPTH)).toBe(false);
  expect(await present(page)).toBeNull();
  expect(await page.evaluate(() => history.length)).toBe(entries);
  expect(await focused(page)).toEqual({ key: 'depth', what: 'Present' });
  expect(problems).toEqual([]);
  await page.context().close();
});

test('Full screen, asked for from inside, and left the browser’s way, ends presenter mode with it', async () => {
  const { page, problems } = await openDepth('?present=depth');
  const fullscreenTag = () => page.evaluate(() => document.fullscreenElement?.tagName ?? null);
  expect(await fullscreenTag()).toBeNull();
  await page.locator(DEPTH).getByRole('button', { name: 'Full screen' }).click();
  // This Chromium grants full screen on a click; the button then goes, and focus stays inside.
  await expect.poll(fullscreenTag).toBe('FIGURE');
  expect(await page.locator(DEPTH).getByRole('button', { name: 'Full screen' }).isVisible()).toBe(false);
  expect((await focused(page)).key).toBe('depth');
  // The browser's own Escape ends full screen without a key event reaching the page.
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => isPresenting(page, DEPTH)).toBe(false);
  expect(await present(page)).toBeNull();
  expect(await focused(page)).toEqual({ key: 'depth', what: 'Present' });
  expect(problems).toEqual([]);
  await page.context().close();
});

test('an address with present=<id> opens that widget presented, with its settings; a tampered one is ignored', async () => {
  const { page, problems } = await openPage(browser(), `${lessonTwo()}?depth.depth=4&present=depth`);
  await page.waitForSelector(`${DEPTH}[data-presenting] al-gradient-depth[data-ready]`);
  expect(await coversScreen(page, DEPTH)).toBe(true);
  expect(await focused(page)).toEqual({ key: 'depth', what: 'the figure' });
  expect(await page.locator(`${DEPTH} [data-part="shortcuts"]`).isVisible()).toBe(true);
  // Without a click the browser grants no full screen, so the button inside offers it.
  expect(await page.locator(DEPTH).getByRole('button', { name: 'Full screen' }).isVisible()).toBe(true);
  await page.keyboard.press('Escape');
  expect(await present(page)).toBeNull();
  expect(await param(page, 'depth.depth')).toBe('4');
  expect(problems).toEqual([]);
  await page.context().close();

  for (const tampered of ['nonsense', '', 'depth.depth', '<script>']) {
    const opened = await openPage(browser(), `${lessonTwo()}?present=${encodeURIComponent(tampered)}`);
    await opened.page.waitForSelector(`${DEPTH} .al-tools`);
    expect(await opened.page.locator('[data-presenting], [inert]').count()).toBe(0);
    expect(await opened.page.locator('[data-part="shortcuts"]:visible').count()).toBe(0);
    expect(opened.problems).toEqual([]);
    await opened.page.context().close();
  }
});

test('axe finds no serious or critical violation with presenter mode open, light and dark, wide and narrow', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 375]) {
      const { page, problems } = await openDepth('?present=depth', { colorScheme, viewport: { width, height: 800 } });
      expect(await isPresenting(page, DEPTH)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing sideways: the presented widget fits the screen's width.
      expect(await page.locator(DEPTH).evaluate((figure) => figure.scrollWidth <= figure.clientWidth)).toBe(true);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  }
}, 120_000);

/** Opens lesson 4 with its softmax widget live, in a context that may use the clipboard. */
async function openSoftmax(query = '') {
  const opened = await openPage(browser(), lessonFour() + query, { permissions: ['clipboard-read', 'clipboard-write'] });
  await opened.page.locator(SOFTMAX).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${SOFTMAX} al-softmax[data-ready]`);
  return opened;
}

test('Copy link copies the changed setup, with the section anchor, and says so', async () => {
  const { page, problems } = await openSoftmax('?teacher=1');
  const box = page.getByLabel('Logit z1, exact value');
  await box.fill('3.5');
  await box.press('Enter');
  await page.locator(SOFTMAX).getByRole('button', { name: 'Copy link to this setup' }).click();
  const live = page.locator(`${SOFTMAX} [data-tools-live]`);
  await expect.poll(() => live.textContent()).toBe('Link copied to the clipboard.');
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.pathname).toBe(new URL(lessonFour()).pathname);
  expect(copied.searchParams.get('softmax.z1')).toBe('3.5');
  // The teacher's own switch is not part of the widget's setup.
  expect(copied.searchParams.has('teacher')).toBe(false);
  expect(copied.hash).toBe('#see-it-for-yourself');

  // Copied while presenting, the link opens presenter mode too, and it does.
  await page.locator(SOFTMAX).getByRole('button', { name: 'Present', exact: true }).click();
  await page.locator(SOFTMAX).getByRole('button', { name: 'Copy link to this setup' }).click();
  const presented = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(presented).searchParams.get('present')).toBe('softmax');
  await page.goto(presented);
  await page.waitForSelector(`${SOFTMAX}[data-presenting] al-softmax[data-ready]`);
  expect(await page.getByLabel('Logit z1, exact value').inputValue()).toBe('3.50');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('where the clipboard is refused, the link is selected in a read-only box beside the button', async () => {
  const { page, problems } = await openSoftmax();
  await page.getByLabel('Temperature T, exact value').fill('2');
  await page.getByLabel('Temperature T, exact value').press('Enter');
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.locator(SOFTMAX).getByRole('button', { name: 'Copy link to this setup' }).click();
  const field = page.locator(SOFTMAX).getByLabel('Link to this setup, selected for you to copy');
  expect(await field.isVisible()).toBe(true);
  expect(await field.getAttribute('readonly')).toBe('');
  expect(new URL(await field.inputValue()).searchParams.get('softmax.t')).toBe('2');
  expect(await field.evaluate((input: HTMLInputElement) => document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length)).toBe(true);
  await expect.poll(() => page.locator(`${SOFTMAX} [data-tools-live]`).textContent()).toContain('the link is selected in the box');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('without JavaScript there are no buttons, and in print the toolbar is hidden', async () => {
  const noScript = await openPage(browser(), lessonTwo(), { javaScriptEnabled: false });
  expect(await noScript.page.locator(`${DEPTH} .al-static`).count()).toBe(1);
  expect(await noScript.page.locator('[data-tool], .al-tools').count()).toBe(0);
  await noScript.page.context().close();

  const { page } = await openDepth();
  expect(await page.locator(`${DEPTH} .al-tools`).isVisible()).toBe(true);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator(`${DEPTH} .al-tools`).isVisible()).toBe(false);
  await page.context().close();
});
