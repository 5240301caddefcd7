/**
 * The state table's input rules as a reader meets them on the lab's page: values off a field's
 * step, log sliders, and echoed input. The lab's own behaviour is tested in moons-lab.test.ts and
 * moons-lab-controls.test.ts.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './harness.ts';
import { LAB, openLab as openLabIn } from './lab-page.ts';

const browser = useChromium();
const openLab = (query = '') => openLabIn(browser(), query);

/** What a number field shows: its box, and its slider's spoken value. */
async function shown(page: Page, label: string) {
  const box = await page.getByLabel(`${label}, exact value`).inputValue();
  const slider = await page.getByRole('slider', { name: label, exact: true }).getAttribute('aria-valuetext');
  return { box, slider };
}

const notice = (page: Page) => page.locator(`${LAB} .al-notice`);

test('address values off their step are refused with a notice, and box, slider and run agree', async () => {
  const { page, problems } = await openLab('?lab.noise=0.005&lab.seed=42.5&lab.batch=2.5&lab.points=100.5&lab.epochs=1.5');
  expect(await notice(page).textContent()).toMatch(/Noise: "0.005" is not allowed.*Points: "100.5".*Seed: "42.5".*Batch size: "2.5".*Epochs: "1.5"/);
  expect(await shown(page, 'Noise')).toEqual({ box: '0.20', slider: '0.20' });
  expect(await shown(page, 'Points')).toEqual({ box: '2000', slider: '2000' });
  expect(await shown(page, 'Seed')).toEqual({ box: '42', slider: '42' });
  expect(await shown(page, 'Batch size')).toEqual({ box: '64', slider: '64' });
  expect(await shown(page, 'Epochs')).toEqual({ box: '500', slider: '500' });
  // The address is written from the state the worker trains on: nothing but defaults.
  expect(new URL(page.url()).search).toBe('');
  expect(await page.locator(`${LAB} [data-part="epoch"]`).textContent()).toBe('Epoch 0 of 500');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a typed value off the step is refused, says so, and reports the control invalid until a good one', async () => {
  const { page } = await openLab();
  await page.evaluate(() => {
    const events: boolean[] = [];
    (window as unknown as { validity: boolean[] }).validity = events;
    document.addEventListener('al-validity', (event) => events.push((event as CustomEvent<{ valid: boolean }>).detail.valid));
  });
  const seed = page.getByLabel('Seed, exact value');
  await seed.fill('7.5');
  await seed.press('Enter');
  expect(await seed.inputValue()).toBe('7.5');
  expect(await seed.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator(`${LAB} .al-control-error:not([hidden])`).textContent()).toBe('"7.5" is not allowed (a whole number from 0 to 9999).');
  expect(new URL(page.url()).searchParams.get('lab.seed')).toBeNull();
  await seed.fill('7');
  await seed.press('Enter');
  expect(await shown(page, 'Seed')).toEqual({ box: '7', slider: '7' });
  expect(new URL(page.url()).searchParams.get('lab.seed')).toBe('7');
  expect(await page.evaluate(() => (window as unknown as { validity: boolean[] }).validity)).toEqual([false, true]);
  await page.context().close();
});

test('log sliders step to a new value on every key press and reach both ends', async () => {
  const { page } = await openLab('?lab.batch=1');
  const batch = page.getByRole('slider', { name: 'Batch size', exact: true });
  await batch.focus();
  const seen = [(await shown(page, 'Batch size')).box];
  for (let press = 0; press < 13; press++) {
    await page.keyboard.press('ArrowRight');
    const { box, slider } = await shown(page, 'Batch size');
    expect(slider).toBe(box);
    seen.push(box);
  }
  expect(seen).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
  await page.keyboard.press('End');
  expect(await shown(page, 'Batch size')).toEqual({ box: '1024', slider: '1024' });
  expect(new URL(page.url()).searchParams.get('lab.batch')).toBe('1024');
  await page.keyboard.press('ArrowLeft');
  expect(Number((await shown(page, 'Batch size')).box)).toBeLessThan(1024);
  await page.keyboard.press('Home');
  expect(await shown(page, 'Batch size')).toEqual({ box: '1', slider: '1' });

  // A typed value between the slider's stops: the slider says it exactly and moves on from it.
  const box = page.getByLabel('Batch size, exact value');
  await box.fill('128');
  await box.press('Enter');
  expect(await shown(page, 'Batch size')).toEqual({ box: '128', slider: '128' });
  await batch.focus();
  await page.keyboard.press('ArrowRight');
  expect(Number((await shown(page, 'Batch size')).box)).toBeGreaterThan(128);

  const rate = page.getByRole('slider', { name: 'Learning rate', exact: true });
  await rate.focus();
  await page.keyboard.press('Home');
  expect(await shown(page, 'Learning rate')).toEqual({ box: '0.0001', slider: '0.0001' });
  await page.keyboard.press('ArrowRight');
  expect(Number((await shown(page, 'Learning rate')).box)).toBeGreaterThan(0.0001);
  await page.keyboard.press('End');
  expect(await shown(page, 'Learning rate')).toEqual({ box: '10', slider: '10' });
  await page.context().close();
});

test('rejected address text is echoed short and cannot reverse the notice', async () => {
  const { page } = await openLab(`?lab.data=%E2%80%AEabc&lab.activation=${'x'.repeat(10_000)}&lab.mine=%E2%80%AE${'y'.repeat(5_000)}`);
  const text = (await notice(page).textContent())!;
  expect(text).toContain('Data set: "abc" is not allowed');
  expect(text).toContain('Your points: "yyy');
  expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect(text.length).toBeLessThan(600);
  expect((await notice(page).boundingBox())!.height).toBeLessThan(200);
  await page.context().close();
});
