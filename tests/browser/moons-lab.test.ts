/**
 * The lab with the main thread and the clock watched: the article's setup trained to the end with
 * no task over FREEZE_MS, and how often the charts redraw with and without reduced motion. They
 * run last and alone (vitest.browser.config.ts); the lab's controls are in moons-lab-controls.test.ts.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { FREEZE_MS, openPage, useChromium } from './harness.ts';
import { LAB, button, labUrl as labAddress, openLab as openLabIn, waitForEpoch, waitForFirstRun } from './lab-page.ts';

const labUrl = labAddress();

const browser = useChromium();

const openLab = (query = '') => openLabIn(browser(), query);

test('the article setup trains to at least 95% test accuracy, with the main thread never frozen', async () => {
  const { page, problems } = await openLab();
  expect(await button(page, 'Evaluate on the test set').isDisabled()).toBe(true);
  await page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))).observe({ type: 'longtask' });
  });
  // Keyboard: the Train button is a native button, so Space starts the run.
  await button(page, 'Train').focus();
  await page.keyboard.press('Space');
  await page.waitForSelector(`${LAB}[data-epoch="500"][data-running="false"]`, { timeout: 30_000 });
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(longTasks.filter((duration) => duration > FREEZE_MS)).toEqual([]);
  expect(await page.locator(`${LAB} [data-part="status"]`).textContent()).toBe('Finished 500 epochs.');
  await button(page, 'Evaluate on the test set').click();
  const result = page.locator(`${LAB} .al-result`);
  await result.waitFor();
  const accuracy = Number((await result.textContent())!.match(/Test accuracy ([\d.]+)%/)![1]);
  expect(accuracy).toBeGreaterThanOrEqual(95);
  const cells = await page.locator(`${LAB} .al-table tbody td`).allTextContents();
  expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(300);
  expect(problems).toEqual([]);
  await page.context().close();
});

/** How many times the loss chart is redrawn in `ms` of training. */
async function lossRedraws(page: Page, ms: number): Promise<number> {
  return page.evaluate(async (wait) => {
    let count = 0;
    const observer = new MutationObserver(() => count++);
    observer.observe(document.querySelector('al-moons-lab [data-part="loss"]')!, { childList: true });
    await new Promise((resolve) => setTimeout(resolve, wait));
    observer.disconnect();
    return count;
  }, ms);
}

test('with reduced motion the charts redraw at most once a second while training', async () => {
  for (const [reducedMotion, check] of [
    ['reduce', (redraws: number) => expect(redraws).toBeLessThanOrEqual(3)],
    ['no-preference', (redraws: number) => expect(redraws).toBeGreaterThanOrEqual(4)],
  ] as const) {
    const opened = await openPage(browser(), `${labUrl}?lab.epochs=2000&lab.hidden=64-64-64`, { reducedMotion });
    const { page } = opened;
    await page.locator(LAB).scrollIntoViewIfNeeded();
    await waitForFirstRun(page);
    await button(page, 'Train').click();
    await waitForEpoch(page, (epoch) => epoch > 0);
    check(await lossRedraws(page, 2000));
    await button(page, 'Pause').click();
    await page.context().close();
  }
});
