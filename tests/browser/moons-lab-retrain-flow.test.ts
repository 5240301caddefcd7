/**
 * "Retrain on every change" in the lab, driven by the keyboard in Chromium: a retrain's float32
 * preview and the float64 run that confirms it, a run that blows up, a refused value, and the
 * setting switched off. Nothing here times the main thread or depends on how fast a run is (those
 * tests are in moons-lab-retrain.test.ts), so this file runs alongside the others.
 */
import { expect, test } from 'vitest';
import { useChromium } from './harness.ts';
import { LAB, button, epochOf, openLab as openLabIn, statusOf } from './lab-page.ts';
import { FINISHED, lossDescription, seen, setting, settled, watch } from './lab-retrain-page.ts';

const browser = useChromium();
const openLab = (query = '') => openLabIn(browser(), query);

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
