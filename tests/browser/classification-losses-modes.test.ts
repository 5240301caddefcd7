/**
 * Lesson 7's classification-losses widget as a reader meets it, in each of its three modes: the
 * probe, keyboard-only use, both multi-class routes with extreme logits, calibration and a new seed,
 * switching modes, tampered addresses, the still figure without JavaScript, 375 px, and axe in light
 * and dark. Nothing here times the main thread (that test, calibration at its largest, is in
 * classification-losses.test.ts), so this file runs alongside the others.
 */
import { expect, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';
import { type Key, lessonUrl as lessonAddress, openWidget as openWidgetIn, widget } from './classification-page.ts';

// Lesson 7 embeds the widget three times, one per mode: id "binary", "multiclass" (mode multi)
// and "calibration". Each test drives the embed of the mode it tests, by its key.
const lessonUrl = lessonAddress();

const browser = useChromium();
const openWidget = (key: Key, query = '', options: BrowserContextOptions = {}) => openWidgetIn(browser(), key, query, options);

const text = (page: Page, key: Key, name: string) => page.locator(`${widget(key)} [data-value="${name}"]`).textContent();
const probeRow = (page: Page, loss: string) => page.locator(`${widget('binary')} [data-part="probe"] tr[data-loss="${loss}"] td`).allTextContents();
const liveRegion = (page: Page, key: Key) => page.locator(`${widget(key)} [data-part="live"]`);
const visibleCharts = (page: Page, key: Key) => page.locator(`${widget(key)} section:not([hidden]) svg[role="img"]`).count();
const NOTHING_BROKEN = /NaN|Infinity|undefined|not a number|infinite/;

test('binary mode wakes near the viewport with the probe at p = 0.01, and passes axe in light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, problems } = await openWidget('binary', '', { colorScheme });
    expect(await page.locator(`${widget('binary')} .al-static`).count()).toBe(0);
    expect(await visibleCharts(page, 'binary')).toBe(2);
    expect(await probeRow(page, 'bce')).toEqual(['4.605', '-0.990']);
    expect(await probeRow(page, 'squared')).toEqual(['0.980', '-0.020']);
    expect(await text(page, 'binary', 'probe')).toContain('50.5 times smaller');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

test('keyboard only: Tab to the probe slider, arrow keys move p, the readout, live region and address follow', async () => {
  const { page, problems } = await openWidget('binary');
  // Start from the widget's first control (the mode select), then keyboard only.
  await page.locator('#binary-mode').focus();
  let focused = '';
  for (let i = 0; i < 80 && focused !== 'binary-p'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  expect(focused).toBe('binary-p');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  expect(await page.locator(widget('binary')).getByLabel('Probe: true class 1, predicted p, exact value').inputValue()).toBe('0.019');
  await page.keyboard.press('End');
  expect(new URL(page.url()).searchParams.get('binary.p')).toBe('0.999');
  expect(await probeRow(page, 'zero_one')).toEqual(['0.000', '0.000']);
  await expect.poll(() => liveRegion(page, 'binary').textContent()).toMatch(/^p = 0\.999: cross-entropy from logits 0\.001/);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('multi-class mode: the same loss by both routes, and logits of ±1000 give finite numbers, no NaN', async () => {
  const { page, problems } = await openWidget('multiclass');
  expect(await visibleCharts(page, 'multiclass')).toBe(2);
  expect(await text(page, 'multiclass', 'categorical')).toBe('0.449');
  expect(await text(page, 'multiclass', 'sparse')).toBe('0.449');
  const routes = await page.locator(`${widget('multiclass')} .al-cls-routes`).innerText();
  for (const name of ['nn.CrossEntropyLoss', 'CategoricalCrossentropy(from_logits=True)', 'SparseCategoricalCrossentropy(from_logits=True)', 'sparse_cce']) expect(routes).toContain(name);
  expect(await text(page, 'multiclass', 'memory')).toContain('200 GB as float32 one-hot rows');
  expect(await text(page, 'multiclass', 'memory')).toContain('8 MB as int64 class indices');
  // Type ±1000 into the number boxes, as a reader would.
  for (const [label, value] of [['Logit z1', '1000'], ['Logit z2', '-1000']] as const) {
    const box = page.locator(widget('multiclass')).getByLabel(`${label}, exact value`);
    await box.fill(value);
    await box.press('Enter');
  }
  await page.locator(`${widget('multiclass')} #multiclass-target`).selectOption('2');
  expect(await text(page, 'multiclass', 'categorical')).toBe('2000.000');
  expect(await text(page, 'multiclass', 'sparse')).toBe('2000.000');
  expect(await text(page, 'multiclass', 'clamped')).toBe('100.000');
  expect(await page.locator(widget('multiclass')).innerText()).not.toMatch(NOTHING_BROKEN);
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('calibration mode trains both models in the page and shows each ECE', async () => {
  const { page, problems } = await openWidget('calibration');
  await page.waitForSelector(`${widget('calibration')}[data-calibrated="true"]`);
  expect(await visibleCharts(page, 'calibration')).toBe(1);
  const ece = await page.locator(`${widget('calibration')} tr[data-model] td:first-of-type`).allTextContents();
  expect(ece.map(Number)[0]).toBeLessThan(ece.map(Number)[1]);
  expect(await text(page, 'calibration', 'calibration')).toMatch(/expected calibration errors are 0\.0\d\d and 0\.0\d\d/);
  // A new seed retrains and redraws.
  const box = page.locator(widget('calibration')).getByLabel('Seed, exact value');
  await box.fill('7');
  await box.press('Enter');
  await page.waitForSelector(`${widget('calibration')}[data-calibrated="true"]`);
  expect(new URL(page.url()).searchParams.get('calibration.seed')).toBe('7');
  expect(await page.locator(widget('calibration')).innerText()).not.toMatch(NOTHING_BROKEN);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('switching modes with the select shows that mode, writes it to the address, and passes axe in dark', async () => {
  const { page, problems } = await openWidget('binary', '', { colorScheme: 'dark' });
  await page.locator(`${widget('binary')} #binary-mode`).selectOption('multi');
  expect(await visibleCharts(page, 'binary')).toBe(2);
  expect(await page.locator(`${widget('binary')} section[data-mode="binary"]`).isHidden()).toBe(true);
  expect(new URL(page.url()).searchParams.get('binary.mode')).toBe('multi');
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator(`${widget('binary')} #binary-mode`).selectOption('calibration');
  await page.waitForSelector(`${widget('binary')}[data-calibrated="true"]`);
  expect(await visibleCharts(page, 'binary')).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator(`${widget('binary')} [data-part="reset"]`).click();
  expect(new URL(page.url()).searchParams.get('binary.mode')).toBeNull();
  expect(await visibleCharts(page, 'binary')).toBe(2);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a tampered address falls back to the defaults with a notice naming each value', async () => {
  const { page, problems } = await openWidget('multiclass', '?multiclass.z1=NaN&multiclass.k=3&multiclass.target=6&multiclass.rows=-5');
  const notice = await page.locator(`${widget('multiclass')} [data-part="notice"]`).textContent();
  expect(notice).toContain('Logit z1: "NaN" is not allowed');
  expect(notice).toContain('Targets in the data set: "-5" is not allowed');
  expect(notice).toContain('class 6 is not one of the 3 classes, so class 1 is used');
  expect(await text(page, 'multiclass', 'categorical')).toBe(await text(page, 'multiclass', 'sparse'));
  expect(await page.locator(`${widget('multiclass')} [data-part="multi"]`).innerText()).not.toMatch(NOTHING_BROKEN);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('without JavaScript the still figure shows the charts and the probe', async () => {
  const { page } = await openPage(browser(), lessonUrl, { javaScriptEnabled: false });
  expect(await page.locator(`${widget('binary')} .al-static svg[role="img"]`).count()).toBe(2);
  expect(await page.locator(`${widget('binary')} [data-part="probe"] tr[data-loss="bce"] td`).allTextContents()).toEqual(['4.605', '-0.990']);
  await page.context().close();
});

test('nothing scrolls sideways at 375 px, in any mode', async () => {
  for (const key of ['binary', 'multiclass', 'calibration'] as const) {
    const { page } = await openWidget(key, '', { viewport: { width: 375, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  }
});
