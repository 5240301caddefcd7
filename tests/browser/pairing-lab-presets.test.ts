/**
 * Lesson 8's pairing labs as a reader meets them: the build-time figure without JavaScript (both
 * runs' finals and curves, the refusal, no NaN), and the live <al-pairing-lab>: every other
 * pairing trained to the end with the ordering the lesson states, the refused pair, keyboard-only
 * use, a double press, a refused typed value with the retrain setting on, a 360 px phone, tampered
 * addresses, presets kept over a reload, and no serious accessibility violations, light and dark.
 * Nothing here times the main thread (those tests are in pairing-lab.test.ts), so this file runs
 * alongside the others.
 */
import { expect, test } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';
import { pressOnSlider } from './retrain-page.ts';
import { accuracy, button, caption, expectCleanText, finals, lessonUrl, openWidget as openWidgetIn, partText, retrainedTo, trainedTo, widget } from './pairing-page.ts';

const browser = useChromium();
const figure = (key: string) => `figure.al-pairing-figure[data-key="${key}"]`;
const KEYS = ['softmax', 'sigmoid', 'regression', 'double', 'multilabel', 'refused'];
const openWidget = (key: string, query = '', options: BrowserContextOptions = {}) => openWidgetIn(browser(), key, query, options);

test('without JavaScript the softmax figure shows both finals, A above B, and three charts; the refused one shows its message and no NaN', async () => {
  const { page, problems } = await openPage(browser(), lessonUrl(), { javaScriptEnabled: false });
  const rows = await page.locator(`${figure('softmax')} tbody tr`).allInnerTexts();
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatch(/^A: softmax \+ categorical cross-entropy/);
  expect(rows[1]).toMatch(/^B: softmax \+ MSE/);
  expect(accuracy(rows[0])).toBe(100);
  expect(accuracy(rows[1])).toBe(82.2);
  expect(await page.locator(`${figure('softmax')} thead`).innerText()).toMatch(/Validation accuracy/);
  expect(await page.locator(`${figure('regression')} thead`).innerText()).toMatch(/Validation RMSE/);
  const refused = await page.locator(figure('refused')).innerText();
  expect(refused).toMatch(/refused/);
  expect(refused).toMatch(/BCEWithLogitsLoss/);
  for (const key of KEYS) {
    expect(await page.locator(`${figure(key)} svg[role="img"]`).count()).toBe(3);
    expect(await page.locator(figure(key)).innerText()).not.toMatch(/NaN|Infinity|null|undefined/);
  }
  // The softmax figure's curves: a solid and a dashed line in each chart.
  for (const chart of await page.locator(`${figure('softmax')} svg[role="img"]`).all()) {
    expect(await chart.locator('[stroke-dasharray="6 3"] path, path[stroke-dasharray="6 3"]').count()).toBeGreaterThan(0);
  }
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the refused preset names run A refused and why, trains run B alone, and never shows NaN or undefined', async () => {
  const { page, problems } = await openWidget('refused');
  const refusal = page.locator(`${widget('refused')} [data-part="refusals"] .al-pairing-refusal`);
  expect(await refusal.innerText()).toMatch(/^Run A: linear output \+ binary cross-entropy is refused\. A linear output cannot feed .*BCEWithLogitsLoss/);
  expect(await partText(page, 'refused', 'legend')).toMatch(/A: linear output \+ binary cross-entropy \(refused, not drawn\)/);
  await button(page, 'refused', 'Train').click();
  await trainedTo(page, 'refused', 50);
  expect(await page.locator(widget('refused')).getAttribute('data-epoch-a')).toBe('0');
  const rows = await page.locator(`${widget('refused')} tbody tr`).allInnerTexts();
  expect(rows[0]).toMatch(/^A: linear output \+ binary cross-entropy\s+–\s+refused/);
  expect(accuracy(rows[1])).toBeGreaterThan(80);
  await expect.poll(() => partText(page, 'refused', 'live')).toMatch(/^Finished 50 epochs\. A was refused, B: [\d.]+% validation accuracy\./);
  expect(await refusal.isVisible()).toBe(true);
  await expectCleanText(page, 'refused');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('keyboard only: Tab reaches Train, Space starts both runs; Step by Enter; Space pauses mid-run and resumes; a typed learning rate and Enter restart; Reset returns to the lesson’s values', async () => {
  const { page, problems } = await openWidget('softmax', '?softmax.epochs=200');
  // Start from the paragraph just before the widget, as a reader tabbing on from the text would.
  await page.locator(widget('softmax')).evaluate((element) => {
    const before = element.closest('figure')!.previousElementSibling as HTMLElement;
    before.tabIndex = -1;
    before.focus();
  });
  const focused = () => page.evaluate(() => document.activeElement?.textContent);
  const epochA = async () => Number(await page.locator(widget('softmax')).getAttribute('data-epoch-a'));
  for (let i = 0; i < 10 && (await focused()) !== 'Train'; i++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('Train');
  // Step first: one epoch, then paused, offering to resume.
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Step one epoch');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${widget('softmax')}[data-epoch-a="1"][data-epoch-b="1"][data-running="false"]`);
  expect(await partText(page, 'softmax', 'status')).toBe('Paused at epoch 1 of 200.');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('Resume');
  // Pause mid-run: Space resumes and, at once, Space again pauses.
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  // The pause is announced (Step's pause above was not: it never ran).
  await page.waitForFunction((selector) => /Paused at epoch/.test(document.querySelector(`${selector} [data-part="live"]`)?.textContent ?? ''), widget('softmax'));
  await page.waitForSelector(`${widget('softmax')}[data-running="false"]`);
  const pausedAt = await epochA();
  expect(pausedAt).toBeGreaterThanOrEqual(1);
  expect(pausedAt).toBeLessThan(200);
  expect(await partText(page, 'softmax', 'status')).toBe(`Paused at epoch ${pausedAt} of 200.`);
  expect(await focused()).toBe('Resume');
  // Paused means paused: nothing trains on.
  await page.waitForTimeout(300);
  expect(await epochA()).toBe(pausedAt);
  await page.keyboard.press('Space');
  await page.waitForFunction(([selector, from]) => Number(document.querySelector(selector)?.getAttribute('data-epoch-a')) > from, [widget('softmax'), pausedAt] as const);
  // The toggle keeps the focus: Pause while training, Train again once all 200 epochs are done.
  expect(['Pause', 'Train again']).toContain(await focused());
  await trainedTo(page, 'softmax', 200);
  expect(await epochA()).toBe(200);

  // On by Tab to the learning rate's box (past Reset, the table's region, and the seed's and epochs' controls).
  const lr = page.locator(widget('softmax')).getByLabel('Learning rate, exact value');
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  for (let i = 0; i < 12 && (await focusedLabel()) !== 'Learning rate, exact value'; i++) await page.keyboard.press('Tab');
  expect(await focusedLabel()).toBe('Learning rate, exact value');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('0.05');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${widget('softmax')}[data-epoch-a="0"][data-running="false"]`);
  expect(new URL(page.url()).searchParams.get('softmax.lr')).toBe('0.05');
  expect(await button(page, 'softmax', 'Train').isVisible()).toBe(true);

  for (let i = 0; i < 12 && (await focused()) !== 'Reset'; i++) await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('Reset');
  await page.keyboard.press('Enter');
  expect(await lr.inputValue()).toBe('0.1');
  expect(await page.locator(widget('softmax')).getByLabel('Epochs, exact value').inputValue()).toBe('50');
  expect(new URL(page.url()).searchParams.get('softmax.lr')).toBeNull();
  expect(new URL(page.url()).searchParams.get('softmax.epochs')).toBeNull();
  expect(problems).toEqual([]);
  await page.context().close();
});

test('Train pressed twice within one task pauses: the run is running from the first press, before the worker says so', async () => {
  const { page, problems } = await openWidget('softmax', '?softmax.epochs=200');
  await page.locator(widget('softmax')).evaluate((element) => {
    const train = [...element.querySelectorAll('button')].find((b) => b.textContent === 'Train')!;
    train.click();
    train.click();
  });
  await page.waitForFunction((selector) => /Paused at epoch/.test(document.querySelector(`${selector} [data-part="live"]`)?.textContent ?? ''), widget('softmax'), { timeout: 10_000 });
  const pausedAt = Number(await page.locator(widget('softmax')).getAttribute('data-epoch-a'));
  expect(pausedAt).toBeLessThan(200);
  // Paused before its first epoch, or after a few: either way not training, and it stays so.
  await page.waitForSelector(`${widget('softmax')}[data-running="false"]`);
  expect(['Train', 'Resume']).toContain(await page.locator(`${widget('softmax')} [data-part="play"]`).textContent());
  await page.waitForTimeout(300);
  expect(Number(await page.locator(widget('softmax')).getAttribute('data-epoch-a'))).toBe(pausedAt);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('with the setting on, a refused typed value retrains nothing; a good value retrains', async () => {
  const { page, problems } = await openWidget('softmax');
  await page.locator('#softmax-retrain').check();
  await retrainedTo(page, 'softmax', 50);
  const epochsBox = page.locator(widget('softmax')).getByLabel('Epochs, exact value');
  await epochsBox.fill('7');
  await epochsBox.press('Enter');
  expect(await partText(page, 'softmax', 'status')).toMatch(/^Training is off while a setting shows a value it cannot use/);
  // Another change while the box is refused: nothing retrains, the run waits untrained.
  await pressOnSlider(page, 'softmax-seed', 'ArrowRight', 1);
  await page.waitForSelector(`${widget('softmax')}[data-epoch-a="0"][data-retraining="false"]`);
  await page.waitForTimeout(500);
  expect(await page.locator(widget('softmax')).getAttribute('data-epoch-a')).toBe('0');
  await epochsBox.fill('10');
  await epochsBox.press('Enter');
  await retrainedTo(page, 'softmax', 10);
  expect(await caption(page, 'softmax')).toBe('Figures after 10 of 10 epochs (seed 43)');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('on a 360 px phone every pairing name fits in its select, which cannot wrap', async () => {
  const { page, problems } = await openWidget('softmax', '', { viewport: { width: 360, height: 800 } });
  const cut = await page.evaluate(async (tag) => {
    // Measured in the page's own font, once it has loaded, not a fallback.
    await document.fonts.ready;
    const select = document.querySelector<HTMLSelectElement>(`${tag} select`)!;
    const style = getComputedStyle(select);
    const text = document.createElement('canvas').getContext('2d')!;
    text.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // The content box less room for the drop-down arrow, which the text must not run under.
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 12;
    return [...select.options].filter((option) => text.measureText(option.text).width > room).map((option) => option.text);
  }, widget('softmax'));
  expect(cut).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a tampered address (softmax.lr=banana, softmax.preset=evil) shows a notice naming both and runs the default', async () => {
  const { page, problems } = await openWidget('softmax', '?softmax.lr=banana&softmax.preset=evil');
  const notice = page.locator(`${widget('softmax')} [data-part="notice"]`);
  expect(await notice.isVisible()).toBe(true);
  const said = await notice.textContent();
  expect(said).toMatch(/Pairing: "evil" is not allowed/);
  expect(said).toMatch(/Learning rate: "banana" is not allowed/);
  expect(await page.locator(widget('softmax')).getByLabel('Learning rate, exact value').inputValue()).toBe('0.1');
  expect(await page.locator(widget('softmax')).getByLabel('Pairing').inputValue()).toBe('softmax');
  expect(new URL(page.url()).search).toBe('');
  await button(page, 'softmax', 'Train').click();
  await trainedTo(page, 'softmax', 50);
  const rows = await page.locator(`${widget('softmax')} tbody tr`).allInnerTexts();
  expect(accuracy(rows[0]) - accuracy(rows[1])).toBeGreaterThan(10);
  await button(page, 'softmax', 'Reset').click();
  expect(await notice.isHidden()).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a lab the lesson starts on another preset writes nothing on opening; a preset the reader picks survives a reload', async () => {
  const { page, problems } = await openWidget('sigmoid');
  expect(new URL(page.url()).search).toBe('');
  // Softmax is the table's default, so only a diff against the lesson's values keeps it in the link.
  await page.locator(widget('sigmoid')).getByLabel('Pairing').selectOption('softmax');
  expect(new URL(page.url()).searchParams.get('sigmoid.preset')).toBe('softmax');
  await page.reload();
  await page.locator(widget('sigmoid')).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${widget('sigmoid')}[data-ready="true"]`);
  expect(await page.locator(widget('sigmoid')).getByLabel('Pairing').inputValue()).toBe('softmax');
  expect(await page.locator(`${widget('sigmoid')} [data-part="legend"]`).innerText()).toMatch(/A: softmax \+ categorical cross-entropy/);
  expect(problems).toEqual([]);
  await page.context().close();
});

test.each(['light', 'dark'] as const)('every lab live, the softmax one trained: no serious accessibility violations in %s', async (colorScheme) => {
  const { page, problems } = await openWidget('softmax', '?softmax.epochs=10', { colorScheme });
  await button(page, 'softmax', 'Train').click();
  await trainedTo(page, 'softmax', 10);
  // The setting on and one retrain shown, with the run before it faint.
  await page.locator('#softmax-retrain').check();
  await pressOnSlider(page, 'softmax-epochs', 'ArrowRight', 1);
  await retrainedTo(page, 'softmax', 15);
  for (const key of KEYS) {
    await page.locator(widget(key)).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${widget(key)}[data-ready="true"]`);
  }
  expect(await seriousViolations(page)).toEqual([]);
  for (const key of KEYS) await expectCleanText(page, key);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('every other pairing trains side by side in the page and ends as the lesson says', async () => {
  const { page, problems } = await openPage(browser(), lessonUrl());
  const results: Record<string, { run: string; loss: number; score: number }[]> = {};
  for (const key of ['sigmoid', 'regression', 'double', 'multilabel']) {
    await page.locator(widget(key)).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${widget(key)}[data-ready="true"]`);
    await button(page, key, 'Train').click();
    await trainedTo(page, key, 50);
    expect(await page.locator(widget(key)).getAttribute('data-epoch-a')).toBe('50');
    results[key] = await finals(page, key);
    await expectCleanText(page, key);
  }
  const { sigmoid, regression, double, multilabel } = results;
  // Sigmoid on moons: BCE 88.9% against MSE 80.0% in Node's build.
  expect(sigmoid[0].score - sigmoid[1].score).toBeGreaterThan(3);
  // Regression: the linear output's RMSE below the sigmoid's, which stays above the clipping floor 1.329.
  expect(regression[0].score).toBeLessThan(regression[1].score);
  expect(regression[1].score).toBeGreaterThan(1.329);
  // Double softmax: its cross-entropy never below ln(1 + 2/e) = 0.5514, the logits run far lower and more accurate.
  expect(double[0].loss).toBeGreaterThan(0.5514);
  expect(double[1].loss).toBeLessThan(double[0].loss);
  expect(double[1].score).toBeGreaterThan(double[0].score);
  // Multi-label: sigmoids with BCE 92.8% of labels against softmax's 62.2%.
  expect(multilabel[0].score - multilabel[1].score).toBeGreaterThan(20);
  expect(problems).toEqual([]);
  await page.context().close();
}, 120_000);
