import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useChromium } from './harness.ts';

const lessonUrl = `${inject('siteUrl')}lessons/01-why-activation-functions/`;
const WIDGET = 'al-network-explorer';

const browser = useChromium();

/** Opens the lesson, scrolls to the explorer and waits until it is live. */
async function openExplorer(query = ''): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser(), lessonUrl + query);
  await opened.page.locator(WIDGET).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${WIDGET}[data-ready]`);
  return opened;
}

/** The points of a chart's line, read back from the SVG path Plot drew. */
async function linePoints(page: Page, chart: 'output' | 'derivative'): Promise<[number, number][]> {
  const d = await page.locator(`${WIDGET} [data-chart="${chart}"] path[d^="M"]`).last().getAttribute('d');
  const numbers = (d ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i < numbers.length; i += 2) points.push([numbers[i], numbers[i + 1]]);
  return points;
}

/** The largest distance, in pixels, of any drawn point from the straight line through the first and last. */
function bendInPixels(points: [number, number][]): number {
  const [[x0, y0], [x1, y1]] = [points[0], points.at(-1)!];
  const length = Math.hypot(x1 - x0, y1 - y0);
  return Math.max(...points.map(([x, y]) => Math.abs((y1 - y0) * x - (x1 - x0) * y + x1 * y0 - y1 * x0) / length));
}

const slider = (page: Page, name: RegExp) => page.getByRole('slider', { name });
const activationSelect = (page: Page) => page.getByLabel('Hidden activation f');

test('does no work until the reader scrolls near it, then replaces the still figure', async () => {
  const { page, problems } = await openPage(browser(), lessonUrl);
  await page.waitForTimeout(300);
  expect(await page.locator(`${WIDGET}[data-ready]`).count()).toBe(0);
  expect(await page.locator(`${WIDGET} .al-static svg`).count()).toBe(2);
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-ready]`);
  expect(await page.locator(`${WIDGET} .al-static`).count()).toBe(0);
  expect(await page.locator(`${WIDGET} svg[role="img"]`).count()).toBe(2);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('with no activation the output stays a straight line however the weights move', async () => {
  const { page } = await openExplorer();
  expect(bendInPixels(await linePoints(page, 'output'))).toBeLessThan(0.5);
  for (const name of [/^w₁/, /^b₂/, /^v₃/]) {
    await slider(page, name).focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    expect(bendInPixels(await linePoints(page, 'output'))).toBeLessThan(0.5);
  }
  await page.context().close();
});

test('choosing ReLU with the keyboard bends the line and puts the choice in the address', async () => {
  const { page } = await openExplorer();
  const before = await linePoints(page, 'output');
  await activationSelect(page).focus();
  await page.keyboard.press('ArrowDown'); // none → step
  await page.keyboard.press('ArrowDown'); // step → ReLU
  expect(await activationSelect(page).inputValue()).toBe('relu');
  const after = await linePoints(page, 'output');
  expect(bendInPixels(before)).toBeLessThan(0.5);
  expect(bendInPixels(after)).toBeGreaterThan(10);
  expect(new URL(page.url()).searchParams.get('explorer.f')).toBe('relu');
  await page.context().close();
});

test('a slider moves by its step from the keyboard and by a click of the mouse', async () => {
  const { page } = await openExplorer();
  const w1 = slider(page, /^w₁/);
  const box = page.getByLabel('w₁ (input → unit 1), exact value');
  await w1.focus();
  await page.keyboard.press('ArrowRight');
  expect(await box.inputValue()).toBe('1.6');
  expect(new URL(page.url()).searchParams.get('explorer.w1')).toBe('1.6');
  const track = (await w1.boundingBox())!;
  await page.mouse.click(track.x + 2, track.y + track.height / 2);
  expect(Number(await box.inputValue())).toBeLessThan(-2.5);
  await page.context().close();
});

test('with the step function the derivative is flat zero, and the live region says so', async () => {
  const { page } = await openExplorer();
  await activationSelect(page).selectOption('step');
  const derivative = await linePoints(page, 'derivative');
  expect(new Set(derivative.map(([, y]) => y.toFixed(3))).size).toBe(1);
  await expect.poll(() => page.locator(`${WIDGET} [data-live]`).textContent()).toContain('zero everywhere');
  await activationSelect(page).selectOption('sigmoid');
  expect(new Set((await linePoints(page, 'derivative')).map(([, y]) => y.toFixed(3))).size).toBeGreaterThan(10);
  await page.context().close();
});

test('a typed value out of range is refused with a message and changes nothing', async () => {
  const { page } = await openExplorer();
  const box = page.getByLabel('b₁ (bias of unit 1), exact value');
  const before = await linePoints(page, 'output');
  await box.fill('9');
  await box.press('Enter');
  const error = page.locator(`${WIDGET} .al-control-error:not([hidden])`);
  expect(await error.textContent()).toBe('"9" is not allowed (a number from -3 to 3 in steps of 0.1).');
  expect(await box.getAttribute('aria-invalid')).toBe('true');
  expect(await linePoints(page, 'output')).toEqual(before);
  await box.fill('-2');
  await box.press('Enter');
  expect(await error.count()).toBe(0);
  expect(await slider(page, /^b₁/).inputValue()).toBe('-2');
  await page.context().close();
});

test('a shared address restores the configuration, and reset returns to the lesson values', async () => {
  const { page } = await openExplorer('?explorer.f=tanh&explorer.w1=2.5&explorer.wrt=w2');
  expect(await activationSelect(page).inputValue()).toBe('tanh');
  expect(await slider(page, /^w₁/).inputValue()).toBe('2.5');
  expect(await page.getByLabel('Derivative with respect to').inputValue()).toBe('w2');
  await page.getByRole('button', { name: /Reset/ }).click();
  expect(await activationSelect(page).inputValue()).toBe('none');
  expect(await slider(page, /^w₁/).inputValue()).toBe('1.5');
  expect(new URL(page.url()).search).toBe('');
  await page.context().close();
});

test('a tampered address falls back to defaults with a visible notice', async () => {
  const { page, problems } = await openExplorer('?explorer.f=<script>&explorer.w1=99&explorer.b1=abc&explorer.v2=0.5');
  const notice = page.locator(`${WIDGET} .al-notice`);
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/Hidden activation f[\s\S]*w₁[\s\S]*b₁/);
  expect(await activationSelect(page).inputValue()).toBe('none');
  expect(await slider(page, /^w₁/).inputValue()).toBe('1.5');
  expect(await slider(page, /^v₂/).inputValue()).toBe('0.5');
  // The address keeps only what the widget uses: the good v₂, none of the refused values.
  expect(new URL(page.url()).search).toBe('?explorer.v2=0.5');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('an address value off the step is refused, and the box, the slider and the chart all use the default', async () => {
  const reference = await openExplorer();
  const expected = await linePoints(reference.page, 'output');
  await reference.page.context().close();
  const { page } = await openExplorer('?explorer.w1=0.15&explorer.b1=2.99');
  expect(await page.locator(`${WIDGET} .al-notice`).textContent()).toMatch(/w₁ .*"0.15" is not allowed \(a number from -3 to 3 in steps of 0.1\).*b₁ .*"2.99"/);
  expect(await page.getByLabel('w₁ (input → unit 1), exact value').inputValue()).toBe('1.5');
  expect(await slider(page, /^w₁/).inputValue()).toBe('1.5');
  expect(await page.getByLabel('b₁ (bias of unit 1), exact value').inputValue()).toBe('0.5');
  expect(await slider(page, /^b₁/).inputValue()).toBe('0.5');
  expect(await linePoints(page, 'output')).toEqual(expected);
  await page.context().close();
});

test('a value that rounds to zero is described without a minus sign', async () => {
  const { page } = await openExplorer('?explorer.f=tanh&explorer.w1=-3&explorer.b1=3');
  const description = await page.locator(`${WIDGET} [data-chart="derivative"] svg[role="img"]`).getAttribute('aria-description');
  expect(description).toMatch(/ranges from 0\.00 to \d\.\d\d\.$/);
  expect(description).not.toMatch(/-0\.00|NaN|undefined/);
  await page.context().close();
});

test('a very long rejected value gives a notice of a few lines', async () => {
  const { page } = await openExplorer(`?explorer.w1=${'x'.repeat(10_000)}`);
  const notice = page.locator(`${WIDGET} .al-notice`);
  expect(await notice.textContent()).toMatch(/w₁ .*"x+…" is not allowed/);
  expect((await notice.boundingBox())!.height).toBeLessThan(200);
  await page.context().close();
});

test('without JavaScript the reader sees the still figure', async () => {
  const { page } = await openPage(browser(), lessonUrl, { javaScriptEnabled: false });
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  expect(await page.locator(`${WIDGET} .al-static svg`).count()).toBe(2);
  expect(await page.locator(`${WIDGET} .al-static-note`).isVisible()).toBe(true);
  expect(await page.locator(`${WIDGET} svg[aria-label="Network output ŷ against input x"]`).isVisible()).toBe(true);
  await page.context().close();
});
