/**
 * The lab's controls as a reader uses them: pause, resume, step and reset, divergence, shared and
 * tampered addresses, hidden layers, points added by click and by form, the gradient check, the
 * still figure without JavaScript, and the theme. Nothing here times the main thread or counts
 * redraws (those tests are in moons-lab.test.ts), so this file runs alongside the others.
 */
import { expect, test } from 'vitest';
import { openPage, useChromium } from './harness.ts';
import { LAB, button, epochOf, isRunning, labUrl as labAddress, openLab as openLabIn, trainThenPause, waitForEpoch } from './lab-page.ts';

const labUrl = labAddress();

const browser = useChromium();

const openLab = (query = '') => openLabIn(browser(), query);

test('pause, resume, step and reset do what they say, and the previous run stays as a faint line', async () => {
  const { page } = await openLab('?lab.epochs=2000');
  const paused = await trainThenPause(page, 20);
  await page.waitForTimeout(400);
  expect(await epochOf(page)).toBe(paused);
  expect(await page.locator(`${LAB} [data-part="status"]`).textContent()).toBe(`Paused after epoch ${paused}.`);
  await button(page, 'Step one epoch').click();
  await waitForEpoch(page, (epoch) => epoch === paused + 1);
  await page.waitForTimeout(200);
  expect(await epochOf(page)).toBe(paused + 1);
  await button(page, 'Resume').click();
  await waitForEpoch(page, (epoch) => epoch > paused + 10);
  await button(page, 'Pause').click();
  await expect.poll(() => isRunning(page)).toBe(false);
  await button(page, 'Reset').click();
  await waitForEpoch(page, (epoch) => epoch === 0);
  // Four faint lines (training and validation, loss and accuracy) from the run before the reset.
  await expect.poll(() => page.locator(`${LAB} g[stroke-opacity="0.35"] path`).count()).toBe(4);
  await page.context().close();
});

test('a diverging run stops with a message and a suggestion, and the page stays usable', async () => {
  const { page } = await openLab();
  const rate = page.getByLabel('Learning rate, exact value');
  await rate.fill('10');
  await rate.press('Enter');
  expect(new URL(page.url()).searchParams.get('lab.lr')).toBe('10');
  await button(page, 'Train').click();
  const status = page.locator(`${LAB} [data-part="status"]`);
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Training stopped in epoch \d+: .*try 0\.5 and press Reset\.$/);
  expect(await button(page, 'Train').isDisabled()).toBe(true);
  await rate.fill('0.05');
  await rate.press('Enter');
  await waitForEpoch(page, (epoch) => epoch === 0);
  expect(await page.locator(`${LAB} [data-part="status"]`).textContent()).toBe('');
  await button(page, 'Step one epoch').click();
  await waitForEpoch(page, (epoch) => epoch === 1);
  await page.context().close();
});

test('a shared address restores the configuration; a tampered one falls back with a notice', async () => {
  const shared = await openLab('?lab.data=circles&lab.hidden=4-6&lab.lr=0.3&lab.activation=tanh&lab.optimizer=adam&lab.backward=article');
  const { page } = shared;
  expect(await page.getByLabel('Data set').inputValue()).toBe('circles');
  expect(await page.getByLabel('Hidden activation').inputValue()).toBe('tanh');
  expect(await page.getByLabel('Optimiser').inputValue()).toBe('adam');
  expect(await page.getByLabel('Backward pass', { exact: true }).inputValue()).toBe('article');
  expect(await page.getByLabel('Learning rate, exact value').inputValue()).toBe('0.3');
  expect(await page.getByLabel('Layer 1 units').inputValue()).toBe('4');
  expect(await page.getByLabel('Layer 2 units').inputValue()).toBe('6');
  expect(await page.getByLabel('Layer 3 units').count()).toBe(0);
  await page.context().close();

  const tampered = await openLab('?lab.lr=-1&lab.hidden=999&lab.data=mnist&lab.points=5&lab.mine=1:2:3');
  const notice = tampered.page.locator(`${LAB} .al-notice`);
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/Data set.*Points.*Hidden layers.*Learning rate.*Your points/);
  expect(await tampered.page.getByLabel('Learning rate, exact value').inputValue()).toBe('0.05');
  expect(await tampered.page.getByLabel('Layer 3 units').inputValue()).toBe('8');
  expect(tampered.problems).toEqual([]);
  await button(tampered.page, 'Article defaults').click();
  expect(new URL(tampered.page.url()).search).toBe('');
  await tampered.page.context().close();
});

test('hidden layers can be added and removed, and the address follows', async () => {
  const { page } = await openLab();
  await button(page, 'Add layer').click();
  expect(new URL(page.url()).searchParams.get('lab.hidden')).toBe('32-16-8-8');
  await page.getByRole('button', { name: 'Remove layer 1' }).click();
  expect(new URL(page.url()).searchParams.get('lab.hidden')).toBe('16-8-8');
  const size = page.getByLabel('Layer 1 units');
  await size.fill('70');
  await size.press('Enter');
  expect(await page.locator(`${LAB} .al-list-control .al-control-error`).textContent()).toMatch(/whole number from 1 to 64/);
  expect(new URL(page.url()).searchParams.get('lab.hidden')).toBe('16-8-8');
  await page.context().close();
});

test('clicking the chart adds a training point of the chosen class; the form adds one too', async () => {
  const { page } = await openLab();
  const yours = page.locator(`${LAB} g.al-your-points path`);
  expect(await yours.count()).toBe(0);
  await page.getByLabel('Class', { exact: true }).selectOption('1');
  const svg = page.locator(`${LAB} [data-part="boundary"] svg`);
  await svg.scrollIntoViewIfNeeded();
  const chart = (await svg.boundingBox())!;
  await page.mouse.click(chart.x + chart.width * 0.3, chart.y + chart.height * 0.5);
  await expect.poll(() => yours.count()).toBe(1);
  expect(await yours.first().getAttribute('fill')).toBe('var(--series-2)');
  await page.getByLabel('x', { exact: true }).fill('0.5');
  await button(page, 'Add point').click();
  expect(await page.locator(`${LAB} .al-notice`).textContent()).toMatch(/^A new point needs x from -?\d\.\d to \d\.\d and y from/);
  await page.getByLabel('y', { exact: true }).fill('-0.5');
  await button(page, 'Add point').click();
  await expect.poll(() => yours.count()).toBe(2);
  const shared = new URL(page.url()).searchParams.get('lab.mine')!;
  expect(shared).toMatch(/^-?\d+\.\d\d:-?\d+\.\d\d:1~0\.50:-0\.50:1$/);
  await button(page, 'Clear my points').click();
  await expect.poll(() => yours.count()).toBe(0);
  expect(new URL(page.url()).searchParams.get('lab.mine')).toBeNull();
  await page.context().close();

  // A teacher's link brings the points with it.
  const opened = await openLab(`?lab.mine=${encodeURIComponent(shared)}`);
  await expect.poll(() => opened.page.locator(`${LAB} g.al-your-points path`).count()).toBe(2);
  await opened.page.context().close();
});

test('the gradient check passes the corrected backward pass and flags the article one', async () => {
  const { page } = await openLab();
  await button(page, 'Check the gradients').click();
  const rows = page.locator(`${LAB} [data-part="gradient-table"] tbody tr`);
  await expect.poll(() => rows.count()).toBe(4);
  for (const row of await rows.all()) {
    const [corrected, article] = await row.locator('td').allTextContents();
    expect(corrected).toMatch(/agrees$/);
    expect(article).toMatch(/wrong$/);
  }
  await page.context().close();
});

test('without JavaScript the lab shows a trained boundary and its curves', async () => {
  const { page } = await openPage(browser(), labUrl, { javaScriptEnabled: false });
  expect(await page.locator(`${LAB} .al-static svg`).count()).toBe(3);
  expect(await page.locator(`${LAB} .al-static-note`).textContent()).toMatch(/test accuracy 9\d\.\d%/);
  await page.context().close();
});

test('switching the theme repaints the heatmap in the new colours', async () => {
  const { page } = await openLab();
  await button(page, 'Step one epoch').click();
  await waitForEpoch(page, (epoch) => epoch === 1);
  const image = page.locator(`${LAB} [data-part="boundary"] image`);
  const before = await image.getAttribute('href');
  await page.getByLabel('Theme').selectOption('dark');
  await expect.poll(() => image.getAttribute('href')).not.toBe(before);
  await page.context().close();
});
