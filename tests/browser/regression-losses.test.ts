import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const lessonUrl = `${inject('siteUrl')}lessons/06-regression-losses/`;
const WIDGET = 'al-regression-losses[data-key="regression"]';
const LOSSES = ['mse', 'mae', 'huber'] as const;

const browser = useChromium();

/** Opens the lesson, scrolls to the widget and waits until it is live. */
async function openWidget(query = '', options = {}): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser(), lessonUrl + query, options);
  await opened.page.locator(WIDGET).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${WIDGET}[data-ready]`);
  return opened;
}

/** The three slopes as the readout shows them. */
async function slopes(page: Page): Promise<Record<(typeof LOSSES)[number], number>> {
  const read = async (loss: string) => Number(await page.locator(`${WIDGET} [data-value="slope-${loss}"]`).textContent());
  return { mse: await read('mse'), mae: await read('mae'), huber: await read('huber') };
}

/** The ringed (selected) point's box, after scrolling the chart to the middle of the viewport so a drag stays on screen. */
async function selectedPointBox(page: Page) {
  const ring = page.locator(`${WIDGET} [data-chart="scatter"] circle[r="10"]`);
  await ring.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
  return (await ring.boundingBox())!;
}

/** Nothing the reader sees says NaN, Infinity or a failed number. */
async function expectNoBadNumbers(page: Page): Promise<void> {
  expect(await page.locator(WIDGET).innerText()).not.toMatch(/NaN|Infinity|not a number|infinite|undefined/);
}

const DEFAULT_SLOPES = { mse: 1.9213, mae: 1.9496, huber: 1.9958 };

for (const colorScheme of ['light', 'dark'] as const) {
  test(`wakes near the viewport with the default fits, and passes axe (${colorScheme})`, async () => {
    const { page, problems } = await openWidget('', { colorScheme });
    expect(await page.locator(`${WIDGET} .al-static`).count()).toBe(0);
    await expect.poll(() => page.locator(`${WIDGET} svg[role="img"]`).count()).toBe(3);
    expect(await slopes(page)).toEqual(DEFAULT_SLOPES);
    expect(await page.locator(`${WIDGET} [data-part="convergence"]`).textContent()).toMatch(/MSE ended .* from its exact fit; MAE ended/);
    await expectNoBadNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
}

test('dragging the largest outlier up with the mouse moves the MSE slope far more than MAE’s', async () => {
  const { page, problems } = await openWidget();
  // The largest pull on MSE's slope is selected at the start: point 24, ringed on the chart.
  expect(await page.getByLabel('Selected point', { exact: true }).inputValue()).toBe('23');
  const box = await selectedPointBox(page);
  const before = await slopes(page);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(x, y - 12 * step);
  // The fits follow while the button is still down.
  await expect.poll(async () => (await slopes(page)).mse).toBeLessThan(before.mse - 0.03);
  await page.mouse.up();
  const after = await slopes(page);
  const change = { mse: after.mse - before.mse, mae: after.mae - before.mae, huber: after.huber - before.huber };
  expect(change.mse).toBeLessThan(-0.05);
  expect(Math.abs(change.mae)).toBeLessThan(Math.abs(change.mse) / 10);
  expect(Math.abs(change.huber)).toBeLessThan(Math.abs(change.mse) / 10);
  expect(new URL(page.url()).searchParams.get('regression.edits')).toMatch(/^m23:-2\.0\d:\d+\.\d+$/);
  await expect.poll(() => page.locator(`${WIDGET} [data-part="live"]`).textContent()).toMatch(/Point 24, outlier at .*Slopes: MSE/);
  await expectNoBadNumbers(page);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('from the keyboard alone: select a point, move it with the arrow keys, remove it with Delete', async () => {
  const { page, problems } = await openWidget();
  const selector = page.getByLabel('Selected point', { exact: true });
  await selector.focus();
  await page.keyboard.press('Tab');
  // Tab from the selector goes on to the buttons; the chart is one Tab back from it.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-chart'))).toBe('scatter');
  await page.keyboard.press('PageDown');
  expect(await selector.inputValue()).toBe('24');
  await page.keyboard.press('PageUp');
  expect(await selector.inputValue()).toBe('23');
  const before = await slopes(page);
  for (let press = 0; press < 5; press++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  expect(await selector.locator('option:checked').textContent()).toBe('Point 24, outlier (−2.06, 8.16)');
  expect(new URL(page.url()).searchParams.get('regression.edits')).toBe('m23:-2.06:8.16');
  const after = await slopes(page);
  expect(after.mse).toBeLessThan(before.mse);
  expect(Math.abs(after.mae - before.mae)).toBeLessThan(1e-4);
  await expect.poll(() => page.locator(`${WIDGET} [data-part="live"]`).textContent()).toBe(
    `Point 24, outlier at (−2.06, 8.16). Slopes: MSE ${after.mse.toFixed(2)}, MAE ${after.mae.toFixed(2)}, Huber ${after.huber.toFixed(2)}.` +
      ` Its pull on the MSE slope: ${/MSE ([\d.]+%)/.exec((await page.locator(`${WIDGET} [data-value="pull"]`).textContent()) ?? '')?.[1]}.`,
  );
  await page.keyboard.press('Delete');
  expect(new URL(page.url()).searchParams.get('regression.edits')).toBe('r23');
  expect(await page.locator(`${WIDGET} .al-rl-details summary`).textContent()).toContain('Every point (39)');
  await expect.poll(() => page.locator(`${WIDGET} [data-part="live"]`).textContent()).toMatch(/^Removed point 24\./);
  // Reset brings the generated points back and clears the address.
  await page.getByRole('button', { name: 'Reset to the lesson' }).press('Enter');
  expect(await slopes(page)).toEqual(DEFAULT_SLOPES);
  expect(new URL(page.url()).searchParams.has('regression.edits')).toBe(false);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('with a small network per loss on the curved target, the curves refit when the dragged point is let go', async () => {
  const { page, problems } = await openWidget('?regression.target=curve');
  await page.getByLabel('Fitted model').selectOption('network');
  const scatter = page.locator(`${WIDGET} [data-chart="scatter"] svg[role="img"]`);
  await expect.poll(() => scatter.getAttribute('aria-description')).toContain('Network fits drawn as curves');
  expect(await page.locator(`${WIDGET} [data-part="solved"]`).textContent()).toContain('they refit when you let go of a point');
  expect(new URL(page.url()).searchParams.get('regression.fit')).toBe('network');
  // Each fit is one path; a network's is sampled along x, so it has far more than a line's two points.
  const mseCurve = () => page.locator(`${WIDGET} [data-chart="scatter"] g[stroke="var(--series-1)"] path`).first().getAttribute('d');
  const before = (await mseCurve())!;
  expect(before.split(/[LC]/).length).toBeGreaterThan(50);
  const box = await selectedPointBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 80, { steps: 5 });
  // While the button is down the networks wait; once let go they refit.
  expect(await mseCurve()).toBe(before);
  await page.mouse.up();
  await expect.poll(mseCurve).not.toBe(before);
  await expectNoBadNumbers(page);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a tampered address is refused with a notice, and the widget runs on its defaults', async () => {
  const { page, problems } = await openWidget('?regression.delta=abc&regression.edits=m999:1:1');
  const notice = page.locator(`${WIDGET} [data-part="notice"]`);
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toContain('Huber delta: "abc" is not allowed');
  expect(await notice.textContent()).toContain('Your edits to the points: "m999:1:1" are not allowed');
  expect(await slopes(page)).toEqual(DEFAULT_SLOPES);
  expect(new URL(page.url()).searchParams.has('regression.delta')).toBe(false);
  expect(new URL(page.url()).searchParams.has('regression.edits')).toBe(false);
  await expectNoBadNumbers(page);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('coordinates of 1e6 are refused; the extremes the address allows, ±1000, give finite fits', async () => {
  const refused = await openWidget('?regression.edits=m23:1000000:5');
  expect(await refused.page.locator(`${WIDGET} [data-part="notice"]`).textContent()).toContain('coordinates from -1000 to 1000');
  expect(await slopes(refused.page)).toEqual(DEFAULT_SLOPES);
  await refused.page.context().close();

  const { page, problems } = await openWidget('?regression.edits=m23:-1000:1000~a1000:-1000');
  expect(await page.locator(`${WIDGET} [data-part="notice"]`).isHidden()).toBe(true);
  const fitted = await slopes(page);
  expect(Object.values(fitted).every(Number.isFinite)).toBe(true);
  // Gradient descent at 0.1 on coordinates of 1000 diverges, and says so instead of drawing nonsense.
  expect(await page.locator(`${WIDGET} [data-part="convergence"]`).textContent()).toMatch(/MSE diverged at step \d+/);
  await expectNoBadNumbers(page);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('fifty points stacked on one spot give finite fits; a fifty-first edit is refused', async () => {
  const stacked = Array.from({ length: 50 }, () => 'a2:50').join('~');
  const { page, problems } = await openWidget(`?regression.edits=${stacked}`);
  expect(await page.locator(`${WIDGET} [data-part="notice"]`).isHidden()).toBe(true);
  expect(await page.locator(`${WIDGET} .al-rl-details summary`).textContent()).toContain('Every point (90)');
  const fitted = await slopes(page);
  expect(Object.values(fitted).every(Number.isFinite)).toBe(true);
  await expectNoBadNumbers(page);
  // The edits are full: one more point is refused with a message, and the address keeps fifty.
  await page.getByRole('button', { name: 'Add point' }).click();
  expect(await page.locator(`${WIDGET} [data-part="message"]`).textContent()).toContain('You can make up to 50 changes');
  expect(new URL(page.url()).searchParams.get('regression.edits')?.split('~')).toHaveLength(50);
  await page.context().close();

  const tooMany = await openWidget(`?regression.edits=${stacked}~a2:50`);
  expect(await tooMany.page.locator(`${WIDGET} [data-part="notice"]`).textContent()).toContain('up to 50 items');
  await tooMany.page.context().close();
  expect(problems).toEqual([]);
});

test('without JavaScript, the build-time figure shows the points, the fits, the constants and the top rows', async () => {
  const { page, problems } = await openPage(browser(), lessonUrl, { javaScriptEnabled: false });
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  expect(await page.locator(`${WIDGET} .al-static svg[role="img"]`).count()).toBe(3);
  expect(await page.locator(`${WIDGET} .al-static-note`).isVisible()).toBe(true);
  expect(await slopes(page)).toEqual(DEFAULT_SLOPES);
  expect(await page.locator(`${WIDGET} svg[aria-label^="The 40 points"]`).getAttribute('aria-description')).toContain('Best constants: mean 2.04, median 2.49');
  expect(await page.locator(`${WIDGET} [data-part="table"] thead th[data-selected]`).first().textContent()).toBe('Point 24, outlier (selected)');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('nothing scrolls sideways at 375 px', async () => {
  const { page } = await openWidget('', { viewport: { width: 375, height: 800 } });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.context().close();
});
