import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const lessonUrl = `${inject('siteUrl')}lessons/05-what-a-loss-measures/`;
const WIDGET = 'al-loss-descent[data-key="descent"]';
const ZERO_ONE_STUCK = '0-1 loss has gradient 0 wherever it is defined, so gradient descent does not move.';

const browser = useChromium();

/** Opens the lesson, scrolls to the widget and waits until it is live. */
async function openDescent(query = '', options = {}): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser(), lessonUrl + query, options);
  await opened.page.locator(WIDGET).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${WIDGET}[data-ready]`);
  return opened;
}

const box = (page: Page, label: string) => page.getByLabel(`${label}, exact value`);
const summary = (page: Page) => page.locator(`${WIDGET} [data-value="summary"]`).textContent();
const status = (page: Page) => page.locator(`${WIDGET} [data-part="status"]`).textContent();
const liveRegion = (page: Page) => page.locator(`${WIDGET} [data-part="live"]`);
/** The readout's row for a loss: value, ∂L/∂w, ∂L/∂b as shown. */
const readoutRow = (page: Page, loss: string) => page.locator(`${WIDGET} [data-part="readout"] tr[data-loss="${loss}"] td`).allTextContents();
const descendButton = (page: Page) => page.locator(`${WIDGET} [data-part="descend"]`);

test('wakes near the viewport, replaces the still figure, and passes axe in light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, problems } = await openDescent('', { colorScheme });
    expect(await page.locator(`${WIDGET} .al-static`).count()).toBe(0);
    expect(await page.locator(`${WIDGET} svg[role="img"]`).count()).toBe(5);
    expect(await summary(page)).toBe('At w = -2.00, b = 1.00: 2 of 20 points right (10.0%); boundary at x = 0.50, class 1 to its left.');
    expect(await readoutRow(page, 'bce')).toEqual(['2.535', '-1.050', '0.119']);
    expect(await readoutRow(page, 'zero_one')).toEqual(['0.900', '0.000', '0.000']);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

test('keyboard only: Tab to the w slider, arrow keys move w, the readouts, the live region and the address follow', async () => {
  const { page, problems } = await openDescent();
  let focused = '';
  for (let i = 0; i < 80 && focused !== 'descent-w'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  expect(focused).toBe('descent-w');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  expect(await box(page, 'Weight w').inputValue()).toBe('-1.90');
  expect((await readoutRow(page, 'bce'))[0]).not.toBe('2.535');
  expect(await summary(page)).toMatch(/^At w = -1\.90, b = 1\.00: /);
  await expect.poll(() => liveRegion(page).textContent()).toMatch(/^w = -1\.90, b = 1\.00: .*Binary cross-entropy \d\.\d{3}\./);
  expect(new URL(page.url()).searchParams.get('descent.w')).toBe('-1.9');
  // The button is reached by Tab too, and Enter presses it.
  for (let i = 0; i < 30 && focused !== 'descend'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.part ?? '');
  }
  expect(focused).toBe('descend');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('under 0-1 loss, "Gradient descent from here" leaves w and b where they are and says why', async () => {
  const { page, problems } = await openDescent();
  await page.getByLabel('Loss for gradient descent').selectOption('zero_one');
  await descendButton(page).click();
  expect(await status(page)).toBe(`${ZERO_ONE_STUCK} After 100 steps w and b are still -2.00 and 1.00, and 18 of 20 points are still wrong.`);
  await expect.poll(() => liveRegion(page).textContent()).toContain(ZERO_ONE_STUCK);
  expect(await box(page, 'Weight w').inputValue()).toBe('-2.00');
  expect(await box(page, 'Bias b').inputValue()).toBe('1.00');
  expect(await summary(page)).toMatch(/2 of 20 points right/);
  const chart = page.locator(`${WIDGET} [data-chart="zero-one"] svg`);
  expect(await chart.getAttribute('aria-description')).toMatch(/It is flat between its jumps, so its slope is 0 wherever it has one/);
  const url = new URL(page.url());
  expect(url.searchParams.get('descent.loss')).toBe('zero_one');
  expect(url.searchParams.has('descent.w')).toBe(false);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('under binary cross-entropy, descent from the defaults puts every point right (reduced motion: straight to the end)', async () => {
  const { page, problems } = await openDescent('', { reducedMotion: 'reduce' });
  await descendButton(page).click();
  expect(await status(page)).toBe(
    '100 steps of gradient descent under Binary cross-entropy: the loss went from 2.535 to 0.064, and 20 of 20 points right (100.0%). Now w = 3.62 and b = 0.61 (the sliders round to 0.01).',
  );
  expect(await summary(page)).toBe('At w = 3.62, b = 0.61: 20 of 20 points right (100.0%); boundary at x = -0.17, class 1 to its right.');
  expect(await box(page, 'Weight w').inputValue()).toBe('3.62');
  const url = new URL(page.url());
  expect([url.searchParams.get('descent.w'), url.searchParams.get('descent.b')]).toEqual(['3.62', '0.61']);
  expect(await page.locator(`${WIDGET} [data-chart="loss"] svg`).getAttribute('aria-description')).toContain('The dotted trail is gradient descent so far, 100 of 100 steps');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the animated descent moves the boundary step by step, and Stop ends it where it is', async () => {
  const { page, problems } = await openDescent();
  const title = page.locator(`${WIDGET} [data-part="steps-title"]`);
  await descendButton(page).click();
  expect(await descendButton(page).textContent()).toBe('Stop');
  await expect.poll(async () => Number(/step (\d+) of 100/.exec((await title.textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThanOrEqual(5);
  await descendButton(page).click();
  expect(await descendButton(page).textContent()).toBe('Gradient descent from here');
  const stopped = (await status(page)) ?? '';
  const reached = Number(/^Stopped after (\d+) of 100 steps/.exec(stopped)?.[1]);
  expect(reached).toBeGreaterThanOrEqual(5);
  expect(reached).toBeLessThan(100);
  expect(await box(page, 'Weight w').inputValue()).not.toBe('-2.00');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a descent that leaves the sliders’ range ends held at its edge, and says so', async () => {
  const { page, problems } = await openDescent('?descent.w=5&descent.b=-5&descent.lr=10&descent.loss=hinge', { reducedMotion: 'reduce' });
  await descendButton(page).click();
  expect(await status(page)).toMatch(/^100 steps of gradient descent under Hinge loss: the loss went from 0\.728 to 0\.000, and 20 of 20 points right \(100\.0%\), at w = \d+\.\d\d, b = 2\.00\. That is outside the sliders’ range, so w and b are held at its edge: w = 5\.00, b = 2\.00\.$/);
  expect(await box(page, 'Weight w').inputValue()).toBe('5.00');
  expect(await summary(page)).toMatch(/^At w = 5\.00, b = 2\.00: /);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('dragging on the data chart moves the boundary: b changes, w stays', async () => {
  const { page, problems } = await openDescent();
  const chart = page.locator(`${WIDGET} [data-chart="data"] svg`);
  await chart.scrollIntoViewIfNeeded();
  const area = (await chart.boundingBox())!;
  await page.mouse.move(area.x + area.width * 0.75, area.y + area.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.8, area.y + area.height * 0.5, { steps: 4 });
  await page.mouse.up();
  const b = Number(await box(page, 'Bias b').inputValue());
  expect(b).toBeGreaterThan(2);
  expect(await box(page, 'Weight w').inputValue()).toBe('-2.00');
  expect(new URL(page.url()).searchParams.get('descent.b')).toBe(String(b));
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a tampered address falls back to the defaults with a notice, and nothing on the page reads NaN', async () => {
  const { page, problems } = await openDescent('?descent.w=abc&descent.lr=1e9&descent.loss=nope&descent.size=7');
  const notice = page.locator(`${WIDGET} .al-notice`);
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/Weight w: "abc" is not allowed[\s\S]*Loss for gradient descent: "nope" is not allowed[\s\S]*Learning rate: "1e9" is not allowed[\s\S]*Data points: "7" is not allowed/);
  expect(await box(page, 'Weight w').inputValue()).toBe('-2.00');
  expect(await box(page, 'Learning rate').inputValue()).toBe('0.5');
  expect(await page.getByLabel('Loss for gradient descent').inputValue()).toBe('bce');
  expect(new URL(page.url()).search).toBe('');
  expect(await page.locator(WIDGET).innerText()).not.toMatch(/NaN|Infinity|undefined|not a number/);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('at w = 0 and b = 0 every score is 0: no boundary, and 0-1 and the perceptron loss say they have no derivative', async () => {
  const { page, problems } = await openDescent('?descent.w=0&descent.b=0');
  expect(await summary(page)).toMatch(/no boundary \(w = 0\)/);
  expect((await readoutRow(page, 'zero_one')).slice(1)).toEqual(['not defined here', 'not defined here']);
  expect((await readoutRow(page, 'perceptron')).slice(1)).toEqual(['not defined here', 'not defined here']);
  expect(await page.locator(`${WIDGET} [data-part="undefined-notes"]`).textContent()).toMatch(/0-1 loss: a point lies exactly on the boundary/);
  expect(await page.locator(WIDGET).innerText()).not.toMatch(/NaN|Infinity|undefined|not a number/);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('without JavaScript the reader sees the still figure and the article’s example table', async () => {
  const { page } = await openPage(browser(), lessonUrl, { javaScriptEnabled: false });
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  expect(await page.locator(`${WIDGET} .al-static svg[role="img"]`).count()).toBe(5);
  expect(await page.locator(`${WIDGET} .al-static-note`).isVisible()).toBe(true);
  const table = page.locator(`${WIDGET} [data-part="example-table"]`);
  expect(await table.locator('caption').textContent()).toMatch(/four predicted probabilities p for one point whose true class is 1/);
  expect(await table.locator('tbody th').allTextContents()).toEqual(['0.49', '0.51', '0.01', '0.99']);
  expect(await table.locator('tbody td:nth-child(3)').allTextContents()).toEqual(['1', '0', '1', '0']);
  expect(await table.locator('tbody td:nth-child(4)').allTextContents()).toEqual(['0.713', '0.673', '4.605', '0.010']);
  expect(await summary(page)).toMatch(/2 of 20 points right/);
  // The still figure says nothing of dragging, which it cannot do.
  expect(await page.locator(`${WIDGET} [data-chart="data"] svg`).getAttribute('aria-description')).not.toContain('Drag');
  await page.context().close();
});

test('nothing scrolls sideways at 375 px', async () => {
  const { page } = await openDescent('', { viewport: { width: 375, height: 800 } });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.context().close();
});
