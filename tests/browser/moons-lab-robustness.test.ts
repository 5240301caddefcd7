/**
 * The lab under races and bad input (issue 7, section 5): late reports from a superseded run,
 * a rejected setting, the gradient check on the largest network, divergence and failed runs,
 * stale notices and wording. Everything is read back from the page.
 */
import { expect, test } from 'vitest';
import { useChromium } from './harness.ts';
import type { Page } from 'playwright-core';
import { LAB, button, epochOf, isRunning, openLab as openLabIn, statusOf, trainThenPause, waitForEpoch } from './lab-page.ts';

const browser = useChromium();

const openLab = (query = '') => openLabIn(browser(), query);
const LARGEST = '?lab.hidden=64-64-64-64-64&lab.points=5000';

/**
 * Notes the run the figures show now, and returns a wait for the next run's figures: a new run
 * is drawn (`data-shown-run`) once the worker has answered every request sent before it, so
 * whatever the old run still had to say has reached the page by then. (The boundary chart
 * itself is drawn again only when the points change.)
 */
async function nextRunDrawn(page: Page): Promise<() => Promise<void>> {
  const before = await page.locator(LAB).getAttribute('data-shown-run');
  return async () => {
    await expect.poll(() => page.locator(LAB).getAttribute('data-shown-run'), { timeout: 20_000 }).not.toBe(before);
    // Whatever is still in flight is at most one frame's drawing behind.
    await page.waitForTimeout(300);
  };
}

/** Clicks the buttons named, in order, within one task: as fast as a reader could, and before any answer can arrive. */
async function clickTogether(page: Page, names: readonly string[]): Promise<void> {
  await page.locator(LAB).evaluate((lab, labels) => {
    const buttons = [...lab.querySelectorAll('button')];
    for (const label of labels) buttons.find((candidate) => candidate.textContent === label)!.click();
  }, names);
}

/** Starts recording the highest epoch the lab shows from now on. */
async function watchHighestEpoch(page: Page): Promise<() => Promise<number>> {
  await page.locator(LAB).evaluate((lab) => {
    const record = () => (lab.dataset.highestEpoch = String(Math.max(Number(lab.dataset.highestEpoch ?? 0), Number(lab.dataset.epoch))));
    lab.dataset.highestEpoch = lab.dataset.epoch;
    new MutationObserver(record).observe(lab, { attributes: true, attributeFilter: ['data-epoch'] });
  });
  return async () => Number(await page.locator(LAB).getAttribute('data-highest-epoch'));
}

/** Every piece of text the lab shows or gives assistive technology. */
async function everythingSaid(page: Page): Promise<string> {
  return page.locator(LAB).evaluate((lab) => {
    const attributes = [...lab.querySelectorAll('[aria-label], [aria-description], [aria-valuetext]')].flatMap((element) =>
      ['aria-label', 'aria-description', 'aria-valuetext'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [lab.textContent ?? '', ...attributes].join('\n');
  });
}

test('Step then Reset on a slow epoch: the new run is not taken over by the old one', async () => {
  const { page, problems } = await openLab(`${LARGEST}&lab.batch=1&lab.epochs=1`);
  const drawn = await nextRunDrawn(page);
  await button(page, 'Step one epoch').click();
  await button(page, 'Reset').click();
  await drawn();
  expect(await epochOf(page)).toBe(0);
  expect(await statusOf(page).textContent()).not.toMatch(/Finished/);
  expect(await button(page, 'Train').isEnabled()).toBe(true);
  expect(await button(page, 'Step one epoch').isEnabled()).toBe(true);
  // And the new run finishes as it should, in the singular.
  await button(page, 'Step one epoch').click();
  await waitForEpoch(page, (epoch) => epoch === 1);
  await expect.poll(() => statusOf(page).textContent()).toBe('Finished 1 epoch.');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('Pause then Reset, or Pause then Article defaults, in quick succession: no stale "Paused" on the new run', async () => {
  const { page } = await openLab('?lab.batch=1&lab.epochs=2000');
  for (const restart of ['Reset', 'Article defaults']) {
    await button(page, 'Train').click();
    await waitForEpoch(page, (epoch) => epoch >= 2);
    const drawn = await nextRunDrawn(page);
    await clickTogether(page, ['Pause', restart]);
    await drawn();
    expect(await statusOf(page).textContent(), restart).not.toMatch(/Paused/);
    expect(await epochOf(page)).toBe(0);
    expect(await isRunning(page)).toBe(false);
    expect(await button(page, 'Train').isEnabled()).toBe(true);
  }
  await page.context().close();
});

test('a refused setting leaves nothing to train, and says so', async () => {
  const { page } = await openLab('?lab.epochs=2000');
  const paused = await trainThenPause(page, 5);
  const highest = await watchHighestEpoch(page);
  const points = page.getByLabel('Points, exact value');
  await points.fill('100.5');
  await points.press('Enter');
  await points.press('Tab');
  const train = page.locator(`${LAB} [data-part="play"]`);
  if (await train.isEnabled()) await train.click();
  await page.waitForTimeout(1500);
  expect(await highest()).toBeLessThanOrEqual(paused);
  const messages = page.locator(`${LAB} .al-notice:visible, ${LAB} .al-control-error:visible`);
  expect(await messages.count()).toBeGreaterThan(0);
  expect(await train.isDisabled()).toBe(true);
  await page.context().close();
});

test('while a control reports a refused value, training and checks are off and the status says why', async () => {
  const { page } = await openLab();
  const seed = page.getByLabel('Seed, exact value');
  // The Seed box refuses 7.5 (its control then reports itself invalid) and takes 42 again.
  const validity = async (valid: boolean) => {
    await seed.fill(valid ? '42' : '7.5');
    await seed.press('Enter');
  };
  await validity(false);
  for (const name of ['Train', 'Step one epoch', 'Check the gradients', 'Evaluate on the test set']) {
    await expect.poll(() => button(page, name).isDisabled(), { message: name }).toBe(true);
  }
  expect(await statusOf(page).textContent()).toMatch(/setting/i);
  await validity(true);
  await expect.poll(() => button(page, 'Train').isEnabled()).toBe(true);
  expect(await button(page, 'Check the gradients').isEnabled()).toBe(true);
  expect(await statusOf(page).textContent()).toBe('');
  await page.context().close();
});

test('the gradient check on the largest network says it is checking, answers in seconds, and never holds up training', async () => {
  const { page } = await openLab(LARGEST);
  const check = button(page, 'Check the gradients');
  const table = page.locator(`${LAB} [data-part="gradient-table"]`);
  const started = Date.now();
  await check.click();
  expect(await check.isDisabled()).toBe(true);
  await expect.poll(() => table.textContent()).toMatch(/Checking…/);
  await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(6);
  const seconds = (Date.now() - started) / 1000;
  console.log(`gradient check, 2-64-64-64-64-64-1 on 32 rows: ${seconds.toFixed(2)} s in the browser`);
  expect(seconds).toBeLessThan(6);
  expect(await table.textContent()).toMatch(/of 4,160/);
  await expect.poll(() => check.isEnabled()).toBe(true);

  // Train while a check runs: training starts at once and the check gives way.
  await check.click();
  await button(page, 'Train').click();
  await waitForEpoch(page, (epoch) => epoch >= 1, 5_000);
  expect(await table.textContent()).not.toMatch(/Checking…/);
  await button(page, 'Pause').click();
  await page.context().close();
});

for (const query of ['?lab.lr=10&lab.activation=leaky_relu', '?lab.lr=10&lab.activation=elu']) {
  test(`after a divergence (${query}) nothing reads NaN, and what cannot be computed says so`, async () => {
    const { page } = await openLab(query);
    await button(page, 'Train').click();
    await expect.poll(() => statusOf(page).textContent(), { timeout: 20_000 }).toMatch(/^Training stopped/);
    const evaluate = button(page, 'Evaluate on the test set');
    if (await evaluate.isEnabled()) {
      await evaluate.click();
      await expect.poll(() => page.locator(`${LAB} [data-part="evaluation"]`).textContent()).toMatch(/cannot be computed/);
    }
    await button(page, 'Check the gradients').click();
    await expect.poll(() => page.locator(`${LAB} [data-part="gradient-table"]`).textContent()).toMatch(/cannot be (computed|checked)/);
    await page.waitForTimeout(500);
    expect(await everythingSaid(page)).not.toMatch(/NaN|undefined|Infinity/);
    await page.context().close();
  });
}

test('a run that fails without diverging gets a warning with advice, and the loss chart shows its curve', async () => {
  const { page } = await openLab('?lab.lr=10&lab.activation=elu&lab.optimizer=momentum&lab.epochs=300');
  await button(page, 'Train').click();
  await page.waitForSelector(`${LAB}[data-epoch="300"][data-running="false"]`, { timeout: 30_000 });
  const warning = page.locator(`${LAB} [data-part="warning"]`);
  await expect.poll(() => warning.isVisible()).toBe(true);
  expect(await warning.textContent()).toMatch(/lower the learning rate/i);
  await expect.poll(() => page.locator(`${LAB} [data-part="live"]`).textContent()).toMatch(/failed/);
  // Every point of the loss curves lies inside the chart.
  const loss = page.locator(`${LAB} [data-part="loss"] svg`);
  const height = Number(await loss.getAttribute('height'));
  const paths = await loss.locator('path[d^="M"]').evaluateAll((list) => list.map((path) => path.getAttribute('d') ?? ''));
  const lines = paths.filter((d) => d.includes('L'));
  expect(lines.length).toBeGreaterThanOrEqual(2);
  const ys = lines.flatMap((d) => [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((match) => Number(match[2])));
  expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...ys)).toBeLessThanOrEqual(height);
  // Its weights have blown up to ~1e21: the check says it cannot measure, never "wrong".
  await button(page, 'Check the gradients').click();
  const table = page.locator(`${LAB} [data-part="gradient-table"]`);
  await expect.poll(() => table.textContent()).toMatch(/cannot be checked: the weights have grown to about/);
  expect(await table.textContent()).not.toMatch(/wrong/);
  expect(await everythingSaid(page)).not.toMatch(/NaN|undefined|Infinity/);
  await page.context().close();
});

test('a dead-unit stop names the activation it happened to', async () => {
  const { page } = await openLab('?lab.lr=10&lab.activation=swish');
  await button(page, 'Train').click();
  await expect.poll(() => statusOf(page).textContent(), { timeout: 20_000 }).toMatch(/^Training stopped/);
  const status = await statusOf(page).textContent();
  expect(status).toMatch(/Swish/);
  expect(status).not.toMatch(/ReLU/);
  await page.context().close();
});

test('a point added after a refused one clears the old notice; Article defaults clears your points and says so', async () => {
  const { page } = await openLab();
  const notice = page.locator(`${LAB} .al-notice`);
  const yours = page.locator(`${LAB} g.al-your-points path`);
  await page.getByLabel('x', { exact: true }).fill('0.5');
  await button(page, 'Add point').click();
  expect(await notice.textContent()).toMatch(/^A new point needs/);
  await page.getByLabel('y', { exact: true }).fill('-0.5');
  await button(page, 'Add point').click();
  await expect.poll(() => yours.count()).toBe(1);
  expect(await notice.isVisible()).toBe(false);
  await button(page, 'Article defaults').click();
  await expect.poll(() => yours.count()).toBe(0);
  expect(new URL(page.url()).searchParams.get('lab.mine')).toBeNull();
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/your 1 point was cleared/i);
  await page.context().close();
});

test('a run that finishes under the keyboard keeps focus in the lab, on Reset', async () => {
  const { page } = await openLab('?lab.epochs=5');
  await button(page, 'Train').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${LAB}[data-epoch="5"][data-running="false"]`);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reset');
  // Five epochs take milliseconds on any machine, so "Retrain on every change" is now on by
  // default, and Reset retrains: a new run, finished, and focus still on Reset.
  expect(await page.getByLabel('Retrain on every change').isChecked()).toBe(true);
  const drawn = await nextRunDrawn(page);
  await page.keyboard.press('Enter');
  await drawn();
  expect(await statusOf(page).textContent()).toBe('Finished 5 epochs.');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset');
  await page.context().close();
});

test('printed, the lab keeps its results and drops the buttons that make them', async () => {
  const { page } = await openLab('?lab.epochs=5');
  await button(page, 'Train').click();
  await page.waitForSelector(`${LAB}[data-epoch="5"][data-running="false"]`);
  await button(page, 'Check the gradients').click();
  await page.waitForSelector(`${LAB} [data-part="gradient-table"] table`);
  await page.emulateMedia({ media: 'print' });
  const visible = (selector: string) => page.locator(`${LAB} ${selector}`).isVisible();
  expect(await visible('[data-part="gradient-table"] table')).toBe(true);
  expect(await visible('[data-part="gradients"]')).toBe(false);
  expect(await visible('[data-part="evaluate"]')).toBe(false);
  // The test set was never touched, so its section has nothing to print.
  expect(await page.locator(`${LAB} .al-lab-results > section`).first().isVisible()).toBe(false);
  await page.context().close();
});
