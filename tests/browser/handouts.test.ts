/**
 * Handouts as a reader prints them: Chromium's own PDF of lesson 3, read back as text with
 * pdfjs-dist. No navigation; answers only when asked, and then after the lesson's last section;
 * teacher notes only when shown; an untouched widget as its build-time figure, a changed one as
 * it stands.
 */
import { readdirSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPage, useChromium } from './harness.ts';

const LESSON_3 = 'lessons/03-relu-family/';
/** Every lesson the build made (global setup builds dist/ before any test file loads). */
const LESSONS = readdirSync('dist/lessons').map((slug) => `lessons/${slug}/`);
const siteUrl = inject('siteUrl');
const browser = useChromium();
/** A4's width less print.css's 18 mm margins, in CSS pixels (174 mm at 96 per inch is 657.6, rounded up: a formula may end at 657.5). */
const A4_TEXT_WIDTH = 658;

/** Words of the page's frame: the skip link, the header's brand, other lessons' titles in the sidebar. */
const NAVIGATION = ['Skip to content', 'Activation & Loss', 'Softmax: from scores to probabilities', 'Regression losses: MSE, MAE and Huber'];
/** From the answer of exercise 2 ("A dead unit of the first layer, under plain SGD"). */
const ANSWER = 'is an average of these zeros';
/** From a teacher note. */
const NOTE = 'Sparse is not dead';
/** The dying-ReLU widget's build-time note, which its live view does not show. */
const STILL = 'The histogram shows run A, layer 1';

/** The page printed to an A4 PDF, as its text with runs of white space made one space. */
async function printedText(page: Page): Promise<string> {
  const loading = getDocument({ data: new Uint8Array(await page.pdf({ format: 'A4' })) });
  const pdf = await loading.promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await loading.destroy();
  return pages.join(' ').replace(/\s+/g, ' ');
}

/** Wakes the widget `selector` as scrolling to it would. */
async function wake(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.locator(`${selector}[data-ready]`).waitFor();
}

/** Replaces the print dialog with a record of the answers mode it would have printed in. */
async function recordPrints(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.dataset.printedModes = '';
    window.print = () => {
      document.body.dataset.printedModes += `${document.documentElement.dataset.printAnswers ?? 'none'};`;
    };
  });
}

test('printed with the browser’s own Print, a lesson has no navigation, no answers, no teacher notes, and its untouched widget’s still figure', async () => {
  const { page, problems } = await openPage(browser(), siteUrl + LESSON_3);
  await wake(page, 'al-dying-relu');
  await wake(page, 'al-activation-explorer[data-key="explorer"]');
  const text = await printedText(page);
  for (const words of NAVIGATION) expect(text).not.toContain(words);
  expect(text).not.toContain('Print with answers');
  // (Chromium's PDF splits the ligature "fi" off, so the words checked avoid it.)
  expect(text).toContain('EXERCISE 2 A dead unit of the');
  expect(text).not.toContain(ANSWER);
  expect(text).not.toContain('Show answer');
  expect(text).not.toContain(NOTE);
  expect(text).toContain(STILL);
  expect(text).not.toContain('Settings:');
  expect(problems).toEqual([]);
  await page.context().close();
});

test.each(LESSONS)('on paper nothing in %s is wider than the page (else Chromium shrinks every page to fit)', async (lesson) => {
  const { page } = await openPage(browser(), siteUrl + lesson);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_TEXT_WIDTH, height: 1123 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_TEXT_WIDTH);
  await page.context().close();
});

test('without JavaScript the browser’s Print gives the same clean handout: no buttons, no answers, the still figures', async () => {
  const { page, problems } = await openPage(browser(), siteUrl + LESSON_3, { javaScriptEnabled: false });
  const text = await printedText(page);
  for (const words of NAVIGATION) expect(text).not.toContain(words);
  expect(text).not.toContain('Print with answers');
  expect(text).not.toContain(ANSWER);
  expect(text).not.toContain('a solution');
  expect(text).toContain(STILL);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('"Print with answers" puts every answer after the lesson’s last section, numbered; the mode ends with the printing', async () => {
  const { page, problems } = await openPage(browser(), `${siteUrl}${LESSON_3}?teacher=1`);
  await recordPrints(page);
  await page.getByRole('button', { name: 'Print with answers' }).click();
  expect(await page.evaluate(() => document.body.dataset.printedModes)).toBe('with;');
  const withAnswers = await printedText(page);
  const lastSection = withAnswers.lastIndexOf('What comes next');
  const answers = withAnswers.indexOf('Answers Self-check 1');
  expect(lastSection).toBeGreaterThan(0);
  expect(answers).toBeGreaterThan(lastSection);
  expect(withAnswers.indexOf('Exercise 2: A dead unit of the')).toBeGreaterThan(answers);
  expect(withAnswers.indexOf(ANSWER)).toBeGreaterThan(answers);
  expect(withAnswers.split(ANSWER)).toHaveLength(2);
  expect(withAnswers.indexOf('Exercise: Leaky ReLU and ELU: a solution')).toBeGreaterThan(answers);
  expect(withAnswers).toContain(NOTE);

  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  expect(await page.evaluate(() => document.documentElement.dataset.printAnswers)).toBeUndefined();
  await page.getByRole('button', { name: 'Print without answers' }).click();
  expect(await page.evaluate(() => document.body.dataset.printedModes)).toBe('with;without;');
  const withoutAnswers = await printedText(page);
  expect(withoutAnswers).not.toContain(ANSWER);
  expect(withoutAnswers).not.toContain('a solution');
  expect(withoutAnswers).toContain(NOTE);
  expect(problems).toEqual([]);
  await page.context().close();
});

test.each(LESSONS)('%s as served holds no Answers section: it is built from the page only while it prints with answers', async (lesson) => {
  const html = await (await fetch(siteUrl + lesson)).text();
  // The section's own code may name its class; the page's markup must not.
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  expect(markup).toContain('Print with answers');
  expect(markup).not.toContain('handout-answers');
  expect(markup).not.toContain('data-handout-answers');
});

test('printing with answers builds the section between the lesson and the pager, with no id twice, and takes it out afterwards', async () => {
  const { page, problems } = await openPage(browser(), siteUrl + LESSON_3);
  const section = page.locator('[data-handout-answers]');
  expect(await section.count()).toBe(0);
  await recordPrints(page);
  await page.getByRole('button', { name: 'Print with answers' }).click();
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  expect(await section.count()).toBe(1);
  expect(await section.locator('h2').textContent()).toBe('Answers');
  expect(await section.locator('h3').first().textContent()).toBe('Self-check 1');
  expect(await section.locator('h3').allTextContents()).toContain('Exercise 2: A dead unit of the first layer, under plain SGD');
  // Inside the lesson's text, after its last section and before the end-of-lesson mark (and the pager after it).
  expect(await page.evaluate(() => document.querySelector('[data-handout-answers]')?.nextElementSibling?.matches('[data-progress-end]'))).toBe(true);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
  expect(ids.length - new Set(ids).size).toBe(0);
  // Never on screen, even while the print dialog is open.
  expect(await section.isVisible()).toBe(false);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  expect(await section.count()).toBe(0);

  // A headless PDF fires both events itself: printed with answers, the page holds no section afterwards.
  await page.getByRole('button', { name: 'Print with answers' }).click();
  expect(await printedText(page)).toContain('Answers Self-check 1');
  expect(await section.count()).toBe(0);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a widget the reader changed prints as it stands, its settings in words, and no control', async () => {
  const { page, problems } = await openPage(browser(), siteUrl + LESSON_3);
  const explorer = page.locator('al-activation-explorer[data-key="explorer"]');
  const sheet = page.locator('al-activation-explorer[data-key="sheet"]');
  await wake(page, 'al-activation-explorer[data-key="explorer"]');
  await wake(page, 'al-activation-explorer[data-key="sheet"]');
  const probe = explorer.getByLabel('Probe z, exact value');
  await probe.fill('1.25');
  await probe.press('Enter');
  expect(await printedText(page)).toContain('Probe z: 1.25');
  // Outside printing the kept figure is not in the page, so nothing on screen is there twice.
  expect(await page.locator('.al-print-still').count()).toBe(0);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  expect(await explorer.getAttribute('data-print-as')).toBe('live');
  expect(await explorer.locator('.al-print-still').count()).toBe(0);
  const shownControls = explorer.locator('select, input, button').evaluateAll((controls) => controls.filter((control) => (control as HTMLElement).offsetParent !== null).length);
  expect(await shownControls).toBe(0);
  // Untouched, the cheat sheet's explorer on the same page prints its build-time figure, not its live view.
  expect(await sheet.getAttribute('data-print-as')).toBe('still');
  expect(await sheet.locator('.al-print-still').isVisible()).toBe(true);
  expect(await sheet.locator('.al-widget-body').isVisible()).toBe(false);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  expect(await page.locator('.al-print-still').count()).toBe(0);
  expect(problems).toEqual([]);
  await page.context().close();
});
