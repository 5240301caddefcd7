import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, seriousViolations, useChromium } from './harness.ts';
import { SUB_PATH } from './global-setup.ts';

const LESSON_1 = 'lessons/01-why-activation-functions/';
const siteUrl = inject('siteUrl');
const subPathSiteUrl = inject('subPathSiteUrl');

const browser = useChromium();

/** Lesson 1's self-checks, found by kind so the lesson can add more. */
function checks(page: Page) {
  return {
    single: page.locator('al-check[data-kind="single"]').first(),
    numeric: page.locator('al-check[data-kind="numeric"]').first(),
    predict: page.locator('al-check[data-kind="predict"]').first(),
  };
}

describe('self-checks', () => {
  test('a choice check is answered from the keyboard: feedback beside the choice, with a text mark, and announced', async () => {
    const { page, problems } = await openPage(browser(), siteUrl + LESSON_1);
    const { single } = checks(page);
    const status = single.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await single.locator('details').isVisible()).toBe(false);
    const radios = single.getByRole('radio');
    const correctIndex = await single.locator('[data-part="options"] li').evaluateAll((items) => items.findIndex((item) => item.getAttribute('data-correct') === 'true'));
    const wrongIndex = correctIndex === 0 ? 1 : 0;
    await radios.nth(0).focus();
    // Space picks the focused radio; arrows move through the group, as in any native radio group.
    await page.keyboard.press('Space');
    for (let index = 0; index < wrongIndex; index += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^Not quite: /);
    const wrongItem = single.locator('[data-part="options"] li').nth(wrongIndex);
    expect(await wrongItem.locator('.choice-feedback').isVisible()).toBe(true);
    expect(await wrongItem.locator('.choice-feedback').textContent()).toMatch(/^Not quite: \S/);
    expect(await single.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    expect(await single.locator('details').isVisible()).toBe(true);

    await page.keyboard.press('Shift+Tab');
    const steps = correctIndex - wrongIndex;
    for (let index = 0; index < Math.abs(steps); index += 1) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
    // Changing the answer withdraws the old verdict.
    await expect.poll(() => status.textContent()).toBe('');
    expect(await wrongItem.locator('.choice-feedback').isVisible()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^Right: /);
    expect(await single.locator('[data-part="options"] li').nth(correctIndex).locator('.choice-feedback').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('a numeric check refuses garbage with a message, says which way a wrong answer is off, and accepts 1/4', async () => {
    const { page, problems } = await openPage(browser(), siteUrl + LESSON_1);
    const { numeric } = checks(page);
    const box = numeric.getByLabel('Your answer');
    const status = numeric.getByRole('status');
    await box.fill('abc');
    await box.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/not a number. Type a decimal such as 0.25/);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await numeric.locator('details').isVisible()).toBe(false);
    await box.fill('');
    await box.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Type a number first.');
    await box.fill('0.3');
    await numeric.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => status.textContent()).toBe('Not quite: 0.3 is too high. Try again, or open the answer below.');
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    await box.fill('1/4');
    await box.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Right: 1/4 is the answer.');
    expect(await numeric.locator('details').getAttribute('open')).not.toBeNull();
    // No self-check ever shows NaN (the lesson's prose may name it on purpose).
    for (const text of await page.locator('al-check').allTextContents()) expect(text).not.toMatch(/NaN/);

    // The answers survive a reload, marked as given before, and Try again clears them.
    await page.reload();
    await expect.poll(() => numeric.getByRole('status').textContent()).toBe('You answered this before. Right: 1/4 is the answer.');
    expect(await box.inputValue()).toBe('1/4');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('al-progress') ?? '{}'));
    expect(saved.answers['01-why-activation-functions/sigmoid-slope-at-zero']).toMatchObject({ answer: ['1/4'], correct: true });
    await numeric.getByRole('button', { name: 'Try again' }).click();
    expect(await box.inputValue()).toBe('');
    expect(await status.textContent()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('text');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('a chosen option is restored after a reload', async () => {
    const { page } = await openPage(browser(), siteUrl + LESSON_1);
    const { single } = checks(page);
    await single.getByRole('radio').nth(2).check();
    await single.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => single.getByRole('status').textContent()).not.toBe('');
    await page.reload();
    await expect.poll(() => single.getByRole('radio').nth(2).isChecked()).toBe(true);
    expect(await single.getByRole('status').textContent()).toMatch(/^You answered this before\. /);
    await page.context().close();
  });

  test('without JavaScript a check is its question, its options and the answer behind a summary; notes stay hidden', async () => {
    const { page, problems } = await openPage(browser(), `${siteUrl}${LESSON_1}?teacher=1`, { javaScriptEnabled: false });
    const { single, numeric } = checks(page);
    expect(await single.locator('.check-question').textContent()).toMatch(/what can they draw/);
    expect(await single.locator('[data-part="options"] li').count()).toBe(3);
    expect(await single.locator('[data-part="options"] .choice-feedback').first().isVisible()).toBe(false);
    expect(await single.getByRole('button', { name: 'Check' }).isVisible()).toBe(false);
    const summary = single.locator('details summary');
    expect(await summary.textContent()).toBe('Answer');
    await summary.click();
    const answers = single.locator('details li');
    expect(await answers.count()).toBe(3);
    for (const text of await answers.locator('.choice-feedback').allTextContents()) expect(text).toMatch(/^(Right|Not quite): \S/);
    expect(await numeric.locator('details').textContent()).toContain('0.25');
    expect(await numeric.getByLabel('Your answer').isVisible()).toBe(false);
    expect(await page.locator('.teacher-note').first().isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('under a base path the predict link appears once the reader commits, and opens the explorer configured', async () => {
    const { page, problems } = await openPage(browser(), subPathSiteUrl + LESSON_1);
    const { predict } = checks(page);
    const link = predict.locator('[data-part="see"] a');
    expect(await link.isVisible()).toBe(false);
    await predict.getByRole('radio').nth(1).check();
    await predict.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => predict.getByRole('status').textContent()).toMatch(/Now follow the link below/);
    await link.click();
    await page.waitForURL(/explorer\.f=step/);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`${SUB_PATH}${LESSON_1}`);
    await page.locator('al-network-explorer').scrollIntoViewIfNeeded();
    await page.waitForSelector('al-network-explorer[data-ready]');
    expect(await page.getByLabel('Hidden activation f').inputValue()).toBe('step');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('teacher notes', () => {
  test('the header toggle shows and hides notes, announces it, and is remembered', async () => {
    const { page, problems } = await openPage(browser(), siteUrl + LESSON_1);
    const note = page.locator('.teacher-note').first();
    const toggle = page.getByRole('button', { name: 'Teacher notes' });
    expect(await note.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await note.isVisible()).toBe(true);
    await expect.poll(() => page.locator('[data-teacher-status]').textContent()).toMatch(/^Teacher notes shown: \d+ on this page\.$/);
    await page.reload();
    expect(await note.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Teacher notes' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Teacher notes' }).click();
    expect(await note.isVisible()).toBe(false);
    expect(await page.locator('[data-teacher-status]').textContent()).toBe('Teacher notes hidden.');
    await page.reload();
    expect(await note.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('?teacher=1 shows notes before the first paint and remembers; ?teacher=0 hides them', async () => {
    const { page } = await openPage(browser(), `${siteUrl}${LESSON_1}?teacher=1`);
    const note = page.locator('.teacher-note').first();
    expect(await note.isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('al-teacher-notes'))).toBe('on');
    // Before the body exists, the saved choice is already on the root: nothing paints without it.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.body) return;
        (window as unknown as { notesAtBody: boolean }).notesAtBody = document.documentElement.hasAttribute('data-teacher-notes');
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(siteUrl + LESSON_1);
    expect(await page.evaluate(() => (window as unknown as { notesAtBody: boolean }).notesAtBody)).toBe(true);
    expect(await note.isVisible()).toBe(true);
    await page.goto(`${siteUrl}${LESSON_1}?teacher=0`);
    expect(await note.isVisible()).toBe(false);
    await page.goto(siteUrl + LESSON_1);
    expect(await note.isVisible()).toBe(false);
    await page.context().close();
  });

  test('notes print only when shown; a check prints its question, not its answer (that waits for "Print with answers")', async () => {
    const { page } = await openPage(browser(), siteUrl + LESSON_1);
    await page.emulateMedia({ media: 'print' });
    const note = page.locator('.teacher-note').first();
    expect(await note.isVisible()).toBe(false);
    expect(await checks(page).single.locator('.check-question').isVisible()).toBe(true);
    expect(await checks(page).single.locator('details summary').isVisible()).toBe(false);
    expect(await checks(page).single.getByRole('button', { name: 'Check' }).isVisible()).toBe(false);
    await page.goto(`${siteUrl}${LESSON_1}?teacher=1`);
    expect(await note.isVisible()).toBe(true);
    await page.context().close();
  });

  test.each(['light', 'dark'] as const)('a page with notes shown and checks answered has no serious accessibility problem (%s)', async (colorScheme) => {
    const { page, problems } = await openPage(browser(), `${siteUrl}${LESSON_1}?teacher=1`, { colorScheme });
    const { single, numeric } = checks(page);
    await single.getByRole('radio').first().check();
    await single.getByRole('button', { name: 'Check' }).click();
    await numeric.getByLabel('Your answer').fill('abc');
    await numeric.getByLabel('Your answer').press('Enter');
    await expect.poll(() => numeric.getByRole('status').textContent()).not.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
