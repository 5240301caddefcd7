import { expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';
import { pressOnSlider, recordPage, recorded, toggleRetrainByKeyboard } from './retrain-page.ts';

/** The widget on lesson 2's page. */
const WIDGET = 'al-gradient-depth[data-key="depth"]';
/** A short run, so a test trains to the end in a second or two. */
const SHORT = '?depth.depth=4&depth.width=16&depth.epochs=20';
/**
 * The configuration that diverges (pinned in tests/unit/widgets/gradient-depth-session.test.ts):
 * run B with ReLU and N(0, 1) weights, 20 layers of 64: its first layer's gradient overflows in epoch 1.
 */
const DIVERGING = '?depth.initB=normal&depth.depth=20&depth.width=64&depth.epochs=10';
/** Text that must never reach a reader. */
const RAW_NUMBERS = /NaN|undefined|Infinity/;

const browser = useChromium();
const lessonUrl = () => `${inject('siteUrl')}lessons/02-sigmoid-and-tanh/`;

/** Opens the lesson with `query` and waits until both networks are built at initialisation. */
async function openWidget(query = '', options: BrowserContextOptions = {}) {
  const opened = await openPage(browser(), lessonUrl() + query, options);
  await opened.page.locator(WIDGET).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${WIDGET}[data-ready][data-started="true"] [data-part="gradient"] svg`);
  return opened;
}

const button = (page: Page, name: string) => page.locator(WIDGET).getByRole('button', { name, exact: true });
const epochsOf = async (page: Page) => {
  const widget = page.locator(WIDGET);
  return [Number(await widget.getAttribute('data-epoch-a')), Number(await widget.getAttribute('data-epoch-b'))];
};
const isRunning = async (page: Page) => (await page.locator(WIDGET).getAttribute('data-running')) === 'true';
const waitFinished = (page: Page, timeout = 20_000) => page.waitForSelector(`${WIDGET}[data-finished="true"][data-running="false"]`, { timeout });

/** Everything in the widget a reader or a screen reader meets: its text and every attribute value. */
const readerText = (page: Page) =>
  page.locator(WIDGET).evaluate((element) => {
    const attributes = [...element.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((attribute) => attribute.value));
    return `${(element as HTMLElement).innerText}\n${attributes.join('\n')}`;
  });

test('plays to the end: both runs done, their curves, heatmaps and distances drawn, and the result announced', async () => {
  const { page, problems } = await openWidget(SHORT);
  await button(page, 'Train').click();
  await waitFinished(page);
  expect(await epochsOf(page)).toEqual([20, 20]);
  const widget = page.locator(WIDGET);
  expect(await widget.locator('[data-part="progress"]').textContent()).toBe('Run A: done, 20 epochs · Run B: done, 20 epochs');
  await expect.poll(() => widget.locator('[data-part="loss"] svg g[stroke-dasharray] path').count()).toBeGreaterThan(0);
  await expect.poll(() => widget.locator('[data-part="heatmap-B"] svg rect').count()).toBeGreaterThan(20 * 5);
  await expect
    .poll(() => widget.locator('[data-part="live"]').textContent(), { timeout: 3000 })
    .toMatch(/^Training done\. Run A \(sigmoid, Xavier\/Glorot\) ended at loss \d\.\d{3} after 20 epochs; Run B \(ReLU, He\) ended at loss \d\.\d{3} after 20 epochs\.$/);
  expect(await button(page, 'Train').isDisabled()).toBe(true);
  expect(await readerText(page)).not.toMatch(RAW_NUMBERS);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('pause stops both runs, step trains one epoch of each, reset returns to initialisation', async () => {
  const { page, problems } = await openWidget('?depth.epochs=500');
  await button(page, 'Train').click();
  await expect.poll(() => epochsOf(page), { timeout: 15_000 }).toSatisfy(([a, b]: number[]) => a >= 3 && b >= 3);
  await button(page, 'Pause').click();
  await expect.poll(() => isRunning(page)).toBe(false);
  const [a, b] = await epochsOf(page);
  await page.waitForTimeout(300);
  expect(await epochsOf(page)).toEqual([a, b]);
  await button(page, 'Step one epoch').click();
  await expect.poll(() => epochsOf(page)).toEqual([a + 1, b + 1]);
  expect(await button(page, 'Resume').isEnabled()).toBe(true);
  await button(page, 'Reset').click();
  await page.waitForSelector(`${WIDGET}[data-started="true"][data-epoch-a="0"][data-epoch-b="0"]`);
  expect(await button(page, 'Train').isEnabled()).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();
});

/** Waits until no retrain is in flight or waiting and both runs are done with `epochs` epochs. */
const retrainedTo = (page: Page, epochs: number) =>
  page.waitForSelector(`${WIDGET}[data-retraining="false"][data-finished="true"][data-epoch-a="${epochs}"][data-epoch-b="${epochs}"]`, { timeout: 30_000 });

/** What the finished runs say: the progress line, and the descriptions of the gradient chart at initialisation, the loss and both heatmaps. */
const readBack = (page: Page) =>
  page.locator(WIDGET).evaluate((element) => [
    element.querySelector('[data-part="progress"]')?.textContent ?? '',
    ...['gradient', 'loss', 'heatmap-A', 'heatmap-B'].map((name) => (element.querySelector(`[data-part="${name}"] svg[role="img"]`)?.getAttribute('aria-description') ?? '').replace(/ The runs shown before the last change are drawn faint\.$/, '')),
    String(element.querySelectorAll('[data-part="heatmap-A"] svg rect').length),
  ]);

test('Retrain on every change, by keyboard: fast presses on the depth slider show only the last depth, both runs trained to the end, the runs before faint in the loss chart; off again, a change waits for Train', async () => {
  const { page, problems } = await openWidget(SHORT);
  const box = page.locator('#depth-retrain');
  expect(await box.isChecked()).toBe(false);
  await toggleRetrainByKeyboard(page, WIDGET, 'depth-retrain');
  expect(await box.isChecked()).toBe(true);
  await retrainedTo(page, 20);
  await expect.poll(() => page.locator(`${WIDGET} [data-part="live"]`).textContent()).toMatch(/^Retrained\. Training done\. Run A \(sigmoid, Xavier\/Glorot\) ended at loss \d\.\d{3} after 20 epochs; Run B/);
  console.log(`gradient depth, 4 layers of 16, 20 epochs: ${await page.locator('#depth-retrain-hint').textContent()}`);

  await recordPage(page, `${WIDGET} [data-part="live"]`);
  await pressOnSlider(page, 'depth-depth', 'ArrowRight', 5);
  expect(await page.getByLabel('Hidden layers, exact value').inputValue()).toBe('9');
  await retrainedTo(page, 20);
  // Every chart has had its turn (each is drawn in a task of its own).
  await expect.poll(() => page.locator(`${WIDGET} [data-part="heatmap-B"] svg[role="img"]`).getAttribute('aria-description')).toMatch(/After epoch 20/);
  await page.waitForTimeout(300);
  const shown = await readBack(page);
  expect(shown[0]).toBe('Run A: done, 20 epochs · Run B: done, 20 epochs');
  // Nine hidden layers and the output: 200 cells (and the colour legend's few rects); four layers would give 100.
  expect(Number(shown[5])).toBeGreaterThanOrEqual(20 * 10);
  await page.waitForTimeout(800);
  expect(await readBack(page)).toEqual(shown);
  await page.waitForTimeout(1200);
  // Long tasks are watched in the timed project's files only (pairing-lab.test.ts): run two at a time, this one could see another's stall.
  const { said } = await recorded(page);
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(/^Retrained\. Training done\. Run A \(sigmoid, Xavier\/Glorot\) ended at loss \d\.\d{3} after 20 epochs; Run B \(ReLU, He\) ended at loss \d\.\d{3} after 20 epochs\.$/);
  expect(await page.locator(`${WIDGET} [data-part="loss"] .al-depth-previous`).count()).toBe(2);
  expect(await page.locator(`${WIDGET} [data-part="loss"] svg[role="img"]`).getAttribute('aria-description')).toMatch(/drawn faint/);
  expect(await readerText(page)).not.toMatch(RAW_NUMBERS);

  // The retrained runs are those an ordinary run of the same setting ends with.
  const ordinary = await openWidget('?depth.depth=9&depth.width=16&depth.epochs=20');
  await button(ordinary.page, 'Train').click();
  await waitFinished(ordinary.page);
  await expect.poll(() => ordinary.page.locator(`${WIDGET} [data-part="heatmap-B"] svg[role="img"]`).getAttribute('aria-description')).toMatch(/After epoch 20/);
  await ordinary.page.waitForTimeout(300);
  expect(await readBack(ordinary.page)).toEqual(shown);
  expect(ordinary.problems).toEqual([]);
  await ordinary.page.context().close();

  // Off again, from the keyboard: a change now gives an untrained run that waits for Train.
  await toggleRetrainByKeyboard(page, WIDGET, 'depth-retrain');
  expect(await box.isChecked()).toBe(false);
  await pressOnSlider(page, 'depth-depth', 'ArrowLeft', 1);
  await page.waitForSelector(`${WIDGET}[data-started="true"][data-epoch-a="0"][data-epoch-b="0"][data-retraining="false"]`);
  expect(await button(page, 'Train').isEnabled()).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a tampered address falls back to the defaults with a notice, and the address is rewritten', async () => {
  const { page, problems } = await openWidget('?depth.depth=99&depth.activationA=bogus&depth.width=32');
  const notice = page.locator(`${WIDGET} .al-notice`);
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/^Some settings in the address could not be used\. Run A hidden activation: "bogus" is not allowed .* Hidden layers: "99" is not allowed \(a whole number from 1 to 30\), so the default is used\.$/);
  expect(await page.getByLabel('Run A hidden activation').inputValue()).toBe('sigmoid');
  expect(await page.getByLabel('Hidden layers, exact value').inputValue()).toBe('10');
  expect(new URL(page.url()).search).toBe('');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('works from the keyboard alone: Tab to Train, Enter starts, Space pauses, R resets inside the widget, a setting changes with the arrows', async () => {
  const { page, problems } = await openWidget('?depth.epochs=500&depth.depth=4');
  const focused = () => page.evaluate(() => `${document.activeElement?.closest('al-gradient-depth') ? 'widget:' : ''}${document.activeElement?.textContent ?? ''}`);
  for (let presses = 0; presses < 300 && (await focused()) !== 'widget:Train'; presses++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('widget:Train');
  await page.keyboard.press('Enter');
  await expect.poll(() => epochsOf(page), { timeout: 15_000 }).toSatisfy(([a]: number[]) => a >= 2);
  expect(await focused()).toBe('widget:Pause');
  await page.keyboard.press('Space');
  await expect.poll(() => isRunning(page)).toBe(false);
  // After a click in the widget (not on a control), R resets and Space trains: only there.
  await page.locator(`${WIDGET} [data-part="gradient"] svg`).click();
  await page.keyboard.press('r');
  await page.waitForSelector(`${WIDGET}[data-started="true"][data-epoch-a="0"]`);
  await page.keyboard.press('Space');
  await expect.poll(() => epochsOf(page), { timeout: 15_000 }).toSatisfy(([a]: number[]) => a >= 1);
  await page.keyboard.press('Space');
  await expect.poll(() => isRunning(page)).toBe(false);
  // A select answers the arrow keys: the next initialisation rebuilds both networks at once.
  await page.getByLabel('Run B initialisation').focus();
  await page.keyboard.press('ArrowDown');
  expect(await page.getByLabel('Run B initialisation').inputValue()).toBe('normal');
  expect(new URL(page.url()).searchParams.get('depth.initB')).toBe('normal');
  await page.waitForSelector(`${WIDGET}[data-started="true"][data-epoch-a="0"]`);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a diverging run stops on its first Infinity with a message and a suggestion, while the other run trains on', async () => {
  const { page, problems } = await openWidget(DIVERGING);
  await button(page, 'Train').click();
  await waitFinished(page, 30_000);
  const status = page.locator(`${WIDGET} [data-part="status"]`);
  expect(await status.textContent()).toBe(
    'Run B (ReLU, N(0, 1)) stopped: its gradient in hidden layer 1 became infinite in epoch 1. Use Xavier or He initialisation, fewer layers, or a smaller learning rate.',
  );
  expect(await epochsOf(page)).toEqual([10, 0]);
  expect(await page.locator(`${WIDGET} [data-part="progress"]`).textContent()).toBe('Run A: done, 10 epochs · Run B: stopped in epoch 1');
  expect(await readerText(page)).not.toMatch(RAW_NUMBERS);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('without JavaScript the build-time figures are there: every chart, at initialisation and trained, with its description', async () => {
  const { page, problems } = await openPage(browser(), lessonUrl(), { javaScriptEnabled: false });
  const charts = page.locator(`${WIDGET} .al-static svg[role="img"]`);
  expect(await charts.count()).toBe(8);
  for (const description of await charts.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-description') ?? ''))) expect(description.length).toBeGreaterThan(20);
  expect(await page.locator(`${WIDGET} .al-static-note`).textContent()).toMatch(/Run A \(sigmoid, Xavier\/Glorot\) ended at loss 0\.69\d after 100 epochs; Run B \(ReLU, He\) ended at loss 0\.0\d\d/);
  expect(await readerText(page)).not.toMatch(RAW_NUMBERS);
  expect(problems).toEqual([]);
  await page.context().close();
});

test.each(['light', 'dark'] as const)('no serious accessibility problem after a run, and nothing overflows at 375 px (%s)', async (colorScheme) => {
  const { page, problems } = await openWidget(SHORT, { colorScheme, viewport: { width: 375, height: 800 } });
  await button(page, 'Train').click();
  await waitFinished(page);
  // The setting on, and one retrain shown, with the runs before faint.
  await page.locator('#depth-retrain').check();
  await pressOnSlider(page, 'depth-seed', 'ArrowRight', 1);
  await retrainedTo(page, 20);
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});
