/** What the classification-losses tests share: lesson 7's three embeds of the widget, each opened by its key. */
import { inject } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { openPage, type WatchedPage } from './harness.ts';

/** Lesson 7 embeds the widget three times, one per mode: id "binary", "multiclass" (mode multi) and "calibration". */
export type Key = 'binary' | 'multiclass' | 'calibration';

/** The lesson that holds the three embeds. */
export function lessonUrl(): string {
  return `${inject('siteUrl')}lessons/07-classification-losses/`;
}

/** The custom element of the embed `key`. */
export const widget = (key: Key) => `al-classification-losses[data-key="${key}"]`;

/** Opens the lesson (plus `query`), scrolls to the embed `key` and waits until it is live. */
export async function openWidget(browser: Browser, key: Key, query = '', options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const opened = await openPage(browser, lessonUrl() + query, options);
  await opened.page.locator(widget(key)).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${widget(key)}[data-ready]`);
  return opened;
}
