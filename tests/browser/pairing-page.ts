/**
 * What the pairing lab's browser tests share (lesson 8's <al-pairing-lab>): opening a lab by its
 * key, its buttons and parts, waiting for a run or a retrain to end, reading its finals back, and
 * checking that no formatting slip shows.
 */
import { expect, inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { openPage, type WatchedPage } from './harness.ts';

/** Lesson 8, which holds the pairing labs. */
export const lessonUrl = () => `${inject('siteUrl')}lessons/08-pairing-activations-and-losses/`;

/** The live lab `key`. */
export const widget = (key: string) => `al-pairing-lab[data-key="${key}"]`;

/** The first percentage in a table row's text. */
export const accuracy = (row: string) => Number(/([\d.]+)%/.exec(row)![1]);

/** Opens lesson 8 (plus `query`), scrolls to the lab `key` and waits until it is live with an untrained run. */
export async function openWidget(browser: Browser, key: string, query = '', options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const opened = await openPage(browser, lessonUrl() + query, options);
  await opened.page.locator(widget(key)).scrollIntoViewIfNeeded();
  await opened.page.waitForSelector(`${widget(key)}[data-ready="true"][data-epoch-b="0"]`);
  return opened;
}

/** A button of the lab `key`, by its exact accessible name. */
export const button = (page: Page, key: string, name: string) => page.locator(widget(key)).getByRole('button', { name, exact: true });

/** The text of the lab's part `name` (status, live, legend, …). */
export const partText = (page: Page, key: string, name: string) => page.locator(`${widget(key)} [data-part="${name}"]`).textContent();

/** Waits until the lab `key` has trained run B to `epochs` epochs and stopped. */
export async function trainedTo(page: Page, key: string, epochs: number): Promise<void> {
  await page.waitForSelector(`${widget(key)}[data-epoch-b="${epochs}"][data-running="false"]`, { timeout: 30_000 });
}

/** Text a reader must never see from a formatting slip, in the widget and its charts. */
export async function expectCleanText(page: Page, key: string): Promise<void> {
  const shown = (await page.locator(widget(key)).innerText()) + (await page.locator(`${widget(key)} svg`).allTextContents()).join(' ');
  expect(shown).not.toMatch(/NaN|undefined|Infinity|null/);
}

/** The caption over the finals table, which names the epochs and seed of the run shown. */
export const caption = (page: Page, key: string) => page.locator(`${widget(key)} caption`).textContent();

/** Waits until no retrain is in flight or waiting and the figures show `epochs` epochs of both runs. */
export async function retrainedTo(page: Page, key: string, epochs: number): Promise<void> {
  await page.waitForSelector(`${widget(key)}[data-retraining="false"][data-epoch-a="${epochs}"][data-epoch-b="${epochs}"][data-running="false"]`, { timeout: 30_000 });
}

/** A final table's rows as cells: [run, loss, score, first gradient, last gradient], numbers parsed where they are numbers. */
export async function finals(page: Page, key: string): Promise<{ run: string; loss: number; score: number }[]> {
  const rows = await page.locator(`${widget(key)} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
  return rows.map(([run, loss, score]) => ({ run, loss: Number(loss), score: Number.parseFloat(score) }));
}
