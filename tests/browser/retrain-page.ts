/**
 * What the browser tests of "Retrain on every change" share (gradient depth, dying ReLU, the
 * pairing lab): switching the setting from the keyboard, fast key presses on a slider, and
 * recording what the live region says and how long the main thread's tasks take meanwhile.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Moves the keyboard's focus to the checkbox `#id` by Tab from the widget's Reset button, and presses Space. */
export async function toggleRetrainByKeyboard(page: Page, widget: string, id: string): Promise<void> {
  await page.locator(widget).getByRole('button', { name: 'Reset', exact: true }).focus();
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (let i = 0; i < 6 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
  expect(await focusedId()).toBe(id);
  await page.keyboard.press('Space');
}

/** Presses `key` `times` times on the slider `#id`, as fast as the keyboard sends them. */
export async function pressOnSlider(page: Page, id: string, key: string, times: number): Promise<void> {
  await page.locator(`#${id}`).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** From now on, every text the live region `selector` shows is kept (read back by `announcements`), and every long task. */
export async function recordPage(page: Page, selector: string): Promise<void> {
  await page.evaluate((live) => {
    const record = { said: [] as string[], longTasks: [] as number[] };
    (window as unknown as { retrainRecord: typeof record }).retrainRecord = record;
    const region = document.querySelector(live)!;
    new MutationObserver(() => record.said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => record.longTasks.push(entry.duration))).observe({ type: 'longtask' });
  }, selector);
}

/** What `recordPage` kept: the live region's texts in order, and the long tasks' durations (ms). */
export async function recorded(page: Page): Promise<{ said: string[]; longTasks: number[] }> {
  return page.evaluate(() => (window as unknown as { retrainRecord: { said: string[]; longTasks: number[] } }).retrainRecord);
}
