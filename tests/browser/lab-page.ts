/** What the lab's browser tests share: opening the lab on the built site and reading its state back from the page. */
import { expect, inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { openPage, type WatchedPage } from './harness.ts';

/** The lab's custom element. */
export const LAB = 'al-moons-lab';

/** The lesson page that holds the lab. */
export function labUrl(): string {
  return `${inject('siteUrl')}lessons/09-lab-two-moons/`;
}

/** Opens the lab with `query` and waits for its first, untrained run. */
export async function openLab(browser: Browser, query = '', options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const opened = await openPage(browser, labUrl() + query, options);
  await opened.page.locator(LAB).scrollIntoViewIfNeeded();
  await waitForFirstRun(opened.page);
  return opened;
}

/** Waits until the lab has drawn its first, untrained run (the boundary chart is its costliest draw). */
export async function waitForFirstRun(page: Page): Promise<void> {
  await page.waitForSelector(`${LAB}[data-ready][data-epoch="0"] [data-part="boundary"] svg`);
}

/** The epoch the lab shows. */
export const epochOf = async (page: Page): Promise<number> => Number(await page.locator(LAB).getAttribute('data-epoch'));

/** Whether the lab says it is training. */
export const isRunning = async (page: Page): Promise<boolean> => (await page.locator(LAB).getAttribute('data-running')) === 'true';

/** Waits until the shown epoch satisfies `done`. */
export async function waitForEpoch(page: Page, done: (epoch: number) => boolean, timeout = 30_000): Promise<void> {
  await expect.poll(() => epochOf(page), { timeout, interval: 50 }).toSatisfy(done);
}

/** A button by its accessible name (exact when a string). */
export const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });

/** The lab's status line. */
export const statusOf = (page: Page) => page.locator(`${LAB} [data-part="status"]`);

/** Trains until at least epoch `atLeast`, pauses, waits for the pause to land and returns the epoch it stopped at. */
export async function trainThenPause(page: Page, atLeast: number): Promise<number> {
  await button(page, 'Train').click();
  await waitForEpoch(page, (epoch) => epoch >= atLeast);
  await button(page, 'Pause').click();
  await expect.poll(() => isRunning(page)).toBe(false);
  return epochOf(page);
}
