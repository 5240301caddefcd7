/**
 * What the browser tests of "Retrain on every change" in the lab share: the setting, the loss
 * chart's description, a record of what the page shows and says (and its long tasks), and a wait
 * for a finished 500-epoch run with no retrain on its way.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { LAB, epochOf, statusOf } from './lab-page.ts';

/** The status line after a full run of the article's 500 epochs. */
export const FINISHED = 'Finished 500 epochs.';

/** The "Retrain on every change" checkbox. */
export const setting = (page: Page) => page.getByLabel('Retrain on every change');

/** The loss chart's description, which names the epoch and the figures it shows. */
export const lossDescription = (page: Page) => page.locator(`${LAB} [data-part="loss"] svg`).getAttribute('aria-description');

/** Records long tasks, every loss chart the page shows (by its description) and every live-region announcement. */
export async function watch(page: Page): Promise<void> {
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

/** What `watch` has recorded so far: long tasks' durations (ms), loss chart descriptions and announcements, in order. */
export const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: { tasks: number[]; losses: string[]; said: string[] } }).seen);

/** Waits until no retrain is on its way and the lab shows a finished 500-epoch run. */
export async function settled(page: Page): Promise<void> {
  await expect.poll(async () => [await page.locator(LAB).getAttribute('data-retraining'), await statusOf(page).textContent(), await epochOf(page)], { timeout: 30_000, interval: 50 }).toEqual(['false', FINISHED, 500]);
}
