/**
 * What the code-cell tests share: open the scratchpad, find a cell by
 * its id, type into its editor as a reader would, and read back what the reader sees.
 */
import { expect } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { openPage, type WatchedPage } from './harness.ts';

/** The scratchpad's address on the site the tests run against. */
export function scratchpadUrl(siteUrl: string): string {
  return `${siteUrl}scratchpad/`;
}

/** Opens the scratchpad (plus `query`) and waits until every cell is live. */
export async function openScratchpad(browser: Browser, siteUrl: string, query = '', options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const opened = await openPage(browser, scratchpadUrl(siteUrl) + query, options);
  await opened.page.waitForFunction(() => {
    const cells = document.querySelectorAll('al-code-cell');
    return cells.length > 0 && [...cells].every((cell) => cell.hasAttribute('data-ready'));
  });
  return opened;
}

/** The cell whose fence says id=`id`. */
export function cell(page: Page, id: string): Locator {
  return page.locator(`al-code-cell[data-cell-id="${id}"]`);
}

/** The cell's output region. */
export function output(page: Page, id: string): Locator {
  return cell(page, id).locator('[data-part="output"]');
}

/** A button of the cell, by its accessible name. */
export function cellButton(page: Page, id: string, name: string): Locator {
  return cell(page, id).getByRole('button', { name, exact: true });
}

/** The editor's content (CodeMirror's textbox), once the editor has loaded. */
export function editorContent(page: Page, id: string): Locator {
  return cell(page, id).locator('.cm-content');
}

/** Clicks the still code so the editor loads, and waits until the editor has focus. */
export async function focusEditor(page: Page, id: string): Promise<void> {
  const content = editorContent(page, id);
  if ((await content.count()) === 0) await cell(page, id).locator(':scope > pre').click();
  await content.waitFor();
  await content.focus();
}

/**
 * Replaces the cell's code by typing `code` (one statement per line, no indentation: the editor
 * indents new lines itself) with the keyboard.
 */
export async function typeCode(page: Page, id: string, code: string): Promise<void> {
  await focusEditor(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(code);
}

/** The code in the cell's editor as the reader sees it, line by line. */
export async function editorLines(page: Page, id: string): Promise<string[]> {
  return cell(page, id).locator('.cm-line').allTextContents();
}

/** Waits until the cell's status line says something matching `pattern`, and returns it. */
/** After a stopped or crashed run: the cell takes new code and runs it (a fresh worker if need be). */
export async function expectNextRunWorks(page: Page, id: string): Promise<void> {
  await typeCode(page, id, 'show(1 + 1);');
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, id, /^Done\.$/);
  expect(await output(page, id).textContent()).toBe('2');
}

export async function waitForStatus(page: Page, id: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  const status = cell(page, id).locator('.cell-status');
  await status.filter({ hasText: pattern }).waitFor({ timeout });
  return (await status.textContent()) ?? '';
}

/** Starts recording main-thread long tasks; `longTasks(page)` reads their durations back. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))).observe({ type: 'longtask' });
  });
}

/** The durations (ms) of the long tasks since `watchLongTasks`. */
export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}
