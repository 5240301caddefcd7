/**
 * "Retrain on every change" in the lab, driven by the keyboard and the pointer in Chromium, with
 * the main thread and the clock watched: quick key presses and a slow drag with no task over
 * FREEZE_MS (the drag showing finished runs while it goes on), and the default that follows how
 * long a full run took here. They run last and alone (vitest.browser.config.ts); the setting's
 * other behaviour is in moons-lab-retrain-flow.test.ts.
 */
import { expect, test } from 'vitest';
import { FREEZE_MS, useChromium } from './harness.ts';
import { LAB, button, epochOf, openLab as openLabIn, statusOf } from './lab-page.ts';
import { lossDescription, seen, setting, settled, watch } from './lab-retrain-page.ts';

const browser = useChromium();
const openLab = (query = '') => openLabIn(browser(), query);

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
