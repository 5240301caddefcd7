/** "Retrain on every change" in the lab, driven by the keyboard in Chromium, with the main thread watched. */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { FREEZE_MS, useChromium } from './harness.ts';
import { LAB, button, epochOf, openLab as openLabIn, statusOf } from './lab-page.ts';

const browser = useChromium();
const openLab = (query = '') => openLabIn(browser(), query);

const FINISHED = 'Finished 500 epochs.';
const setting = (page: Page) => page.getByLabel('Retrain on every change');
const lossDescription = (page: Page) => page.locator(`${LAB} [data-part="loss"] svg`).getAttribute('aria-description');

/** Records long tasks, every loss chart the page shows (by its description) and every live-region announcement. */
async function watch(page: Page): Promise<void> {
  await page.evaluate((tag) => {
    const seen = { tasks: [] as number[], losses: [] as string[], said: [] as string[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.tasks.push(entry.duration))).observe({ type: 'longtask' });
    const loss = document.querySelector(`${tag} [data-part="loss"]`)!;
    new MutationObserver(() => seen.losses.push(loss.querySelector('svg')?.getAttribute('aria-description') ?? '')).observe(loss, { childList: true });
    const live = document.querySelector(`${tag} [data-part="live"]`)!;
    new MutationObserver(() => seen.said.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
  }, LAB);
}
const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: { tasks: number[]; losses: string[]; said: string[] } }).seen);

/** Waits until no retrain is on its way and the lab shows a finished 500-epoch run. */
async function settled(page: Page): Promise<void> {
  await expect.poll(async () => [await page.locator(LAB).getAttribute('data-retraining'), await statusOf(page).textContent(), await epochOf(page)], { timeout: 30_000, interval: 50 }).toEqual(['false', FINISHED, 500]);
}

/** The loss chart's description after a normal Train of the article's setup at `query`. */
async function trainedDescription(query: string): Promise<string | null> {
  const { page } = await openLab(query);
  await button(page, 'Train').focus();
  await page.keyboard.press('Space');
  await settled(page);
  const description = await lossDescription(page);
  await page.context().close();
  return description;
}

test('quick key presses on the learning rate show exactly the last setting, finished, with the run before it faint, and the page never freezes', async () => {
  const { page, problems } = await openLab();
  // Nothing measured yet in this fresh browser: off, and it says why.
  expect(await setting(page).isChecked()).toBe(false);
  expect(await page.locator(`${LAB} .al-retrain`).textContent()).toContain('Off until a first full run (press Train) shows how long a run takes here.');
  await watch(page);
  await setting(page).focus();
  await page.keyboard.press('Space');
  // Switched on over an untrained run: it retrains that at once.
  await settled(page);
  const first = await lossDescription(page);
  expect(first).toMatch(/^After epoch 500: /);

  const rate = page.locator('#lab-lr');
  await rate.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  expect(await statusOf(page).textContent()).toBe('Retraining…');
  const lr = new URL(page.url()).searchParams.get('lab.lr')!;
  expect(Number(lr)).toBeGreaterThan(0.05);
  await settled(page);
  const last = await lossDescription(page);
  // Nothing stale arrives after the last setting's run.
  await page.waitForTimeout(1500);
  const record = await seen(page);
  expect(await lossDescription(page)).toBe(last);
  expect(record.losses.at(-1)).toBe(last);
  expect(record.tasks.filter((duration) => duration > FREEZE_MS)).toEqual([]);
  // Announced once the reader stopped, not on every step: the last result, and fewer announcements than key presses.
  const retrained = record.said.filter((text) => text.startsWith('Retrained.'));
  expect(retrained.at(-1)).toMatch(/^Retrained\. Finished 500 epochs\. Validation accuracy \d+\.\d%\.$/);
  expect(retrained.length).toBeLessThanOrEqual(2);
  // The run before the last one stays behind as four faint lines (training and validation, loss and accuracy).
  expect(await page.locator(`${LAB} g[stroke-opacity="0.35"] path`).count()).toBe(4);
  expect(await button(page, 'Train').isDisabled()).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();

  // What is shown is the last setting's own run: a normal Train at that rate draws the same curves, to the digit.
  expect(await trainedDescription(`?lab.lr=${lr}`)).toBe(last);
  expect(last).not.toBe(first);
});

test('a retrain shows its float32 preview first, labelled as one, then the float64 run that confirms it', async () => {
  const { page, problems } = await openLab();
  await watch(page);
  await setting(page).check();
  await settled(page);
  // The first retrain is announced once the reader has paused; start counting after it.
  await expect.poll(async () => (await seen(page)).said.some((text) => text.startsWith('Retrained.')), { timeout: 10_000, interval: 100 }).toBe(true);
  await page.evaluate(() => ((window as unknown as { seen: { said: string[] } }).seen.said.length = 0));
  // Every state the status line passes through, with the precision hook and the Evaluate button.
  await page.evaluate((tag) => {
    const lab = document.querySelector<HTMLElement>(tag)!;
    const states: string[] = [];
    (window as unknown as { states: string[] }).states = states;
    const status = lab.querySelector('[data-part="status"]')!;
    const evaluate = lab.querySelector<HTMLButtonElement>('[data-part="evaluate"]')!;
    new MutationObserver(() => states.push(`${status.textContent} | ${lab.dataset.precision} | evaluate ${evaluate.disabled ? 'off' : 'on'}`)).observe(lab, { attributes: true, subtree: true, childList: true, characterData: true });
  }, LAB);
  await page.locator('#lab-lr').focus();
  await page.keyboard.press('ArrowRight');
  await settled(page);
  await page.waitForTimeout(1500);
  const states = await page.evaluate(() => (window as unknown as { states: string[] }).states);
  const preview = 'Preview (float32) of 500 epochs: confirming in float64… | float32 | evaluate off';
  expect(states).toContain(preview);
  // The preview comes before the confirmed run, which ends it: nothing of the preview is left.
  expect(states.lastIndexOf(preview)).toBeLessThan(states.findIndex((state) => state.startsWith(`${FINISHED} | float64`)));
  expect(states.at(-1)).toMatch(/^Finished 500 epochs\. \| float64 \| evaluate on$/);
  // Only the confirmed run is announced.
  expect((await seen(page)).said.filter((text) => text.startsWith('Retrained.'))).toHaveLength(1);
  // Evaluate on the retrained run shows the test figures and says them, as after a Train.
  await button(page, 'Evaluate on the test set').click();
  await expect.poll(async () => (await seen(page)).said.at(-1), { timeout: 10_000, interval: 100 }).toMatch(/^Test accuracy [\d.]+%, test loss \d\.\d{4}\.$/);
  expect(await page.locator(`${LAB} [data-part="evaluation"]`).textContent()).toMatch(/Test accuracy/);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('dragging the slider with the pointer shows finished runs while the drag goes on, and the last one once it ends', async () => {
  const { page } = await openLab();
  await setting(page).check();
  await settled(page);
  await watch(page);
  const before = (await seen(page)).losses.length;
  await page.locator('#lab-lr').scrollIntoViewIfNeeded();
  const slider = (await page.locator('#lab-lr').boundingBox())!;
  const y = slider.y + slider.height / 2;
  // The article's rate sits near the middle of the log slider; drag a little to the left, slowly, for about three seconds.
  const thumb = await page.locator('#lab-lr').evaluate((input: HTMLInputElement) => (Number(input.value) - Number(input.min)) / (Number(input.max) - Number(input.min)));
  const startX = slider.x + 8 + thumb * (slider.width - 16);
  await page.mouse.move(startX, y);
  await page.mouse.down();
  for (let step = 1; step <= 20; step++) {
    await page.mouse.move(startX - step * 3, y);
    await page.waitForTimeout(150);
  }
  const duringDrag = (await seen(page)).losses.slice(before);
  await page.mouse.up();
  expect(duringDrag.filter((text) => text.startsWith('After epoch 500:')).length).toBeGreaterThanOrEqual(1);
  await settled(page);
  const last = await lossDescription(page);
  await page.waitForTimeout(1500);
  expect(await lossDescription(page)).toBe(last);
  expect((await seen(page)).tasks.filter((duration) => duration > FREEZE_MS)).toEqual([]);
  expect(Number(new URL(page.url()).searchParams.get('lab.lr'))).toBeLessThan(0.05);
  await page.context().close();
});

test('a run that blows up says so; a refused value does not retrain; switching the setting off brings back the Train button', async () => {
  const { page } = await openLab();
  await setting(page).focus();
  await page.keyboard.press('Space');
  await settled(page);

  const box = page.getByLabel('Learning rate, exact value');
  await box.focus();
  // A run that blows up says so as it does without the setting, with its advice.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect.poll(() => statusOf(page).textContent(), { timeout: 30_000 }).toMatch(/^Training stopped in epoch \d+: .*try 0\.5 and press Reset\.$/);
  expect(await page.locator(LAB).getAttribute('data-retraining')).toBe('false');
  const before = await lossDescription(page);
  const epochBefore = await epochOf(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  expect(await statusOf(page).textContent()).toMatch(/^Training is off while a setting shows a value it cannot use/);
  await page.waitForTimeout(800);
  expect(await page.locator(LAB).getAttribute('data-retraining')).toBe('false');
  expect(await lossDescription(page)).toBe(before);
  expect(await epochOf(page)).toBe(epochBefore);

  // A usable value retrains at once.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('0.1');
  await page.keyboard.press('Enter');
  await settled(page);
  expect(await lossDescription(page)).not.toBe(before);

  // Off: a change gives a fresh untrained run again, and Train trains it.
  await setting(page).focus();
  await page.keyboard.press('Space');
  expect(await setting(page).isChecked()).toBe(false);
  await page.locator('#lab-lr').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => epochOf(page)).toBe(0);
  expect(await statusOf(page).textContent()).toBe('');
  await page.waitForTimeout(800);
  expect(await epochOf(page)).toBe(0);
  await button(page, 'Train').focus();
  await page.keyboard.press('Space');
  await settled(page);
  await page.context().close();
});

test('the default follows the last full run on this device, and says how long it took', async () => {
  const { page } = await openLab();
  await button(page, 'Train').focus();
  await page.keyboard.press('Space');
  await settled(page);
  const measured = Number(await page.evaluate(() => localStorage.getItem('al-retrain-ms:lab')));
  expect(measured).toBeGreaterThan(0);
  const hint = page.locator(`${LAB} .al-retrain .al-hint`);
  const fast = measured <= 500;
  await expect.poll(() => setting(page).isChecked()).toBe(fast);
  expect(await hint.textContent()).toMatch(fast ? /^A full run takes about \d+\.\d s here\.$/ : /^Off: a full run takes \d+(\.\d)? s on this device\.$/);
  // The next visit starts from that measurement.
  await page.reload();
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${LAB}[data-ready]`);
  expect(await setting(page).isChecked()).toBe(fast);
  expect(await epochOf(page)).toBe(0);
  await page.context().close();
});
