/**
 * The header's search as a reader uses it: "/" opens it, a word finds the lesson and heading
 * that teach it, the keyboard reaches the result, and Enter opens the lesson at that heading;
 * the same under a sub-path. The index is the one the build wrote (src/build/search-index.ts).
 */
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';
import { SUB_PATH } from './global-setup.ts';

const browser = useChromium();

/** Types `query` into the search opened with "/" and waits for its status line to report pages. */
async function searchFor(page: Page, query: string): Promise<string> {
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search the course' });
  await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
  await box.fill(query);
  const status = page.locator('[data-search-status]');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`mention.*${query}`));
  return (await status.textContent()) ?? '';
}

describe.each([
  ['at the root', () => inject('siteUrl'), '/'],
  ['under a sub-path', () => inject('subPathSiteUrl'), SUB_PATH],
])('search %s', (_where, siteUrl, base) => {
  test('"Huber" lists the regression lesson with its heading, and Enter on it opens that lesson there', async () => {
    const { page, problems } = await openPage(browser(), `${siteUrl()}lessons/01-why-activation-functions/`);
    const status = await searchFor(page, 'Huber');
    expect(status).toMatch(/^\d+ pages? mentions? “Huber”\.$/);
    const results = page.locator('[data-search-results] a');
    const where = await results.locator('.search-where').allTextContents();
    // A section of the lesson, named by lesson and heading.
    const regression = where.findIndex((text) => text.startsWith('Regression losses: MSE, MAE and Huber › '));
    expect(regression, where.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(await results.nth(regression).locator('mark').first().textContent()).toMatch(/huber/i);
    // From the box: Down to the first result, Down again to the next, and Enter follows it.
    await page.keyboard.press('ArrowDown');
    for (let step = 0; step < regression; step++) await page.keyboard.press('ArrowDown');
    const target = await results.nth(regression).getAttribute('href');
    expect(target).toMatch(new RegExp(`^${base}lessons/06-regression-losses/#`));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${target}`);
    expect(await page.locator('h1').textContent()).toMatch(/^Regression losses/);
    expect(await page.locator(decodeURIComponent(new URL(page.url()).hash)).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

test('the dialog is labelled, passes axe, closes with Escape and gives focus back; "/" in a field is only text', async () => {
  const { page, problems } = await openPage(browser(), inject('siteUrl'));
  const opener = page.getByRole('button', { name: 'Search' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await page.keyboard.type('softmax');
  await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/^\d+ pages mention “softmax”\.$/);
  expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(2);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible()).toBe(false);
  expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
  // "/" typed into a field is text, not a shortcut.
  await page.goto(`${inject('siteUrl')}lessons/01-why-activation-functions/`);
  await page.locator('al-network-explorer').scrollIntoViewIfNeeded();
  await page.waitForSelector('al-network-explorer[data-ready]');
  await page.getByLabel('Hidden activation f').focus();
  await page.keyboard.press('/');
  expect(await page.getByRole('dialog', { name: 'Search the course' }).isVisible()).toBe(false);
  expect(problems).toEqual([]);
  await page.context().close();
});
