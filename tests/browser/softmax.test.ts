import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const lessonUrl = `${inject('siteUrl')}lessons/04-softmax/`;
const WIDGET = 'al-softmax[data-key="softmax"]';

const browser = useChromium();

/** Opens the lesson, scrolls to the widget and waits until it is live. */
async function openSoftmax(query = '', options = {}): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser(), lessonUrl + query, options);
  await opened.page.locator(WIDGET).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${WIDGET}[data-ready]`);
  return opened;
}

/** A column of the per-class table, as shown: 2 z, 3 z/T, 4 e^(z/T − max), 5 p, 6 naive e^(z/T), 7 naive p. */
async function column(page: Page, child: number): Promise<string[]> {
  return page.locator(`${WIDGET} [data-part="readout"] tbody td:nth-child(${child})`).allTextContents();
}

const stableProbabilities = async (page: Page) => (await column(page, 5)).map(Number);
const logitBox = (page: Page, index: number) => page.getByLabel(`Logit z${index}, exact value`);
const liveRegion = (page: Page) => page.locator(`${WIDGET} [data-live]`);

test('wakes near the viewport, replaces the still figures, and passes axe in light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, problems } = await openSoftmax('', { colorScheme });
    expect(await page.locator(`${WIDGET} .al-static`).count()).toBe(0);
    expect(await page.locator(`${WIDGET} svg[role="img"]`).count()).toBe(5);
    expect(await stableProbabilities(page)).toEqual([0.638, 0.235, 0.095, 0.032]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

test('a typed logit of 1000 breaks the naive side (NaN, with the reason) while the stable side stays exact', async () => {
  const { page, problems } = await openSoftmax();
  await logitBox(page, 1).fill('1000');
  await logitBox(page, 1).press('Enter');
  const naive = page.locator(`${WIDGET} [data-chart="naive"]`);
  await expect.poll(() => naive.locator('text', { hasText: /^NaN$/ }).count()).toBe(1);
  expect(await naive.locator('svg').getAttribute('aria-description')).toMatch(/class 1 NaN.*NaN, not a number/);
  const explanation = await page.locator(`${WIDGET} [data-part="explanation"]`).textContent();
  expect(explanation).toContain('e1000 is larger than the largest float64 number, 1.8 × 10308, so it becomes Infinity, and Infinity / Infinity is NaN');
  expect(explanation).toContain('subtracting the largest logit first makes every exponent ≤ 0');
  expect((await column(page, 6))[0]).toBe('Infinity');
  expect((await column(page, 7))[0]).toBe('NaN');
  expect(await stableProbabilities(page)).toEqual([1, 0, 0, 0]);
  expect(await page.locator(`${WIDGET} [data-value="sum"]`).textContent()).toBe('1.000');
  // Only the naive side names NaN and Infinity: the stable chart, the summary and the live region never do.
  for (const selector of ['[data-chart="stable"]', '.al-softmax-summary', '[data-chart="gradient"]', '[data-chart="jacobian"]']) {
    expect(await page.locator(`${WIDGET} ${selector}`).innerText()).not.toMatch(/NaN|Infinity|not a number/);
  }
  await expect.poll(() => liveRegion(page).textContent()).toContain('class 1 1.000');
  expect(await liveRegion(page).textContent()).toContain('The naive formula gives NaN for class 1.');
  expect(new URL(page.url()).searchParams.get('softmax.z1')).toBe('1000');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('709 still works on the naive side and 710 does not', async () => {
  const { page } = await openSoftmax('?softmax.z1=709');
  expect((await column(page, 7))[0]).toBe('1.000');
  await logitBox(page, 1).fill('710');
  await logitBox(page, 1).press('Enter');
  expect((await column(page, 7))[0]).toBe('NaN');
  await page.context().close();
});

test('the temperature at its minimum gives one-hot on the largest logit, at its maximum nearly uniform', async () => {
  const { page } = await openSoftmax();
  const slider = page.getByRole('slider', { name: 'Temperature T' });
  await slider.focus();
  await page.keyboard.press('Home');
  expect(await page.getByLabel('Temperature T, exact value').inputValue()).toBe('0.01');
  expect(await stableProbabilities(page)).toEqual([1, 0, 0, 0]);
  expect(await page.locator(`${WIDGET} [data-value="entropy"]`).textContent()).toMatch(/^0\.000 nats/);
  await page.keyboard.press('End');
  expect(await page.getByLabel('Temperature T, exact value').inputValue()).toBe('100');
  for (const p of await stableProbabilities(page)) expect(Math.abs(p - 0.25)).toBeLessThan(0.005);
  expect(await page.locator(`${WIDGET} [data-value="entropy"]`).textContent()).toMatch(/^1\.386 nats/);
  await page.context().close();
});

test('keyboard only: Tab to a logit slider, arrow keys move it, the readout and the live region follow', async () => {
  const { page } = await openSoftmax();
  // From the top of the page, through the header, the lesson list and the widget's first controls.
  let focused = '';
  for (let i = 0; i < 80 && focused !== 'softmax-z1'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  expect(focused).toBe('softmax-z1');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  expect(await logitBox(page, 1).inputValue()).toBe('2.50');
  const p = await stableProbabilities(page);
  expect(p[0]).toBeGreaterThan(0.638);
  await expect.poll(() => liveRegion(page).textContent()).toContain(`class 1 ${p[0].toFixed(3)}`);
  await page.keyboard.press('PageDown');
  expect(Number(await logitBox(page, 1).inputValue())).toBeLessThan(2.5);
  await page.context().close();
});

test('dragging a logit bar with the mouse sets its logit, and fewer or more classes redraw the bars', async () => {
  const { page } = await openSoftmax();
  const chart = page.locator(`${WIDGET} [data-chart="logits"] svg`);
  // The live view is taller than the still figure it replaced: bring the chart itself into view
  // before reading where it is, or the pointer lands on whatever the page scrolled there instead.
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  // Class 2's bar is the second of four bands across the plot; drag from near 0 up towards 10.
  const x = box.x + 52 + ((box.width - 52 - 20) * 1.5) / 4;
  await page.mouse.move(x, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * 0.2, { steps: 5 });
  await page.mouse.up();
  const z2 = Number(await logitBox(page, 2).inputValue());
  expect(z2).toBeGreaterThan(4);
  expect(await logitBox(page, 1).inputValue()).toBe('2.00');
  expect(new URL(page.url()).searchParams.get('softmax.z2')).toBe(String(z2));
  const count = page.getByLabel('Number of classes, exact value');
  await count.fill('6');
  await count.press('Enter');
  expect(await column(page, 5)).toHaveLength(6);
  expect(await page.getByLabel('True class y').locator('option').count()).toBe(6);
  await page.getByLabel('True class y').selectOption('5');
  await count.fill('3');
  await count.press('Enter');
  // The true class 5 is gone with classes 4 to 6: the last class, 3, takes its place.
  expect(await page.getByLabel('True class y').inputValue()).toBe('3');
  expect(await page.locator(`${WIDGET} [data-value="cross-entropy"]`).textContent()).toMatch(/^−log p3 = /);
  await page.getByRole('button', { name: /Reset/ }).click();
  expect(await column(page, 5)).toHaveLength(4);
  expect(new URL(page.url()).search).toBe('');
  await page.context().close();
});

test('a tampered address falls back to the defaults with a notice, and no page error', async () => {
  const { page, problems } = await openSoftmax('?softmax.count=99&softmax.z1=abc&softmax.t=0');
  const notice = page.locator(`${WIDGET} .al-notice`);
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/Number of classes: "99" is not allowed[\s\S]*Logit z1: "abc" is not allowed[\s\S]*Temperature T: "0"/);
  expect(await page.getByLabel('Number of classes, exact value').inputValue()).toBe('4');
  expect(await logitBox(page, 1).inputValue()).toBe('2.00');
  expect(await stableProbabilities(page)).toEqual([0.638, 0.235, 0.095, 0.032]);
  expect(new URL(page.url()).search).toBe('');
  expect(problems).toEqual([]);
  await page.context().close();
  const second = await openSoftmax('?softmax.count=3&softmax.y=7');
  expect(await second.page.locator(`${WIDGET} .al-notice`).textContent()).toMatch(/class 7 is not one of the 3 classes/);
  expect(await second.page.getByLabel('True class y').inputValue()).toBe('1');
  expect(second.problems).toEqual([]);
  await second.page.context().close();
});

test('without JavaScript the reader sees the still figures and the readout', async () => {
  const { page } = await openPage(browser(), lessonUrl, { javaScriptEnabled: false });
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  expect(await page.locator(`${WIDGET} .al-static svg[role="img"]`).count()).toBe(5);
  expect(await page.locator(`${WIDGET} .al-static-note`).isVisible()).toBe(true);
  expect(await page.locator(`${WIDGET} svg[aria-label^="Probabilities from the stable formula"]`).isVisible()).toBe(true);
  expect(await page.locator(`${WIDGET} [data-value="sum"]`).textContent()).toBe('1.000');
  expect(await stableProbabilities(page)).toEqual([0.638, 0.235, 0.095, 0.032]);
  await page.context().close();
});

test('nothing scrolls sideways at 360 px, ten classes and an overflow included', async () => {
  const { page } = await openSoftmax('?softmax.count=10&softmax.z1=1000', { viewport: { width: 360, height: 800 } });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.context().close();
});
