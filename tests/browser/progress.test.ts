/**
 * Reading progress as a reader meets it: a lesson read to its end is marked in the sidebar and
 * counted on the home page; a self-check answered right is counted; export, reset and import
 * restore it; a bad file is refused and nothing saved is lost; the panel works by keyboard and
 * passes axe in light and dark.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { openPage, seriousViolations, useChromium } from './harness.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();
const LESSON_1 = 'lessons/01-why-activation-functions/';

test('read, answered, exported, reset, imported and refused, by keyboard, with axe', async () => {
  const { page, problems } = await openPage(browser(), siteUrl + LESSON_1);
  const numeric = page.locator('al-check[data-kind="numeric"]').first();
  await numeric.getByLabel('Your answer').fill('1/4');
  await numeric.getByLabel('Your answer').press('Enter');
  await expect.poll(() => numeric.getByRole('status').textContent()).toBe('Right: 1/4 is the answer.');
  await page.locator('[data-progress-end]').scrollIntoViewIfNeeded();
  await expect.poll(() => page.locator('[data-progress-toggle]').textContent()).toBe('Read ✓ — mark as not read');

  await page.reload();
  const mark = page.locator('#lesson-nav a[data-lesson-slug="01-why-activation-functions"]');
  await expect.poll(() => mark.textContent()).toContain(', read');
  expect(await page.locator('#lesson-nav a[data-lesson-slug="02-sigmoid-and-tanh"]').textContent()).toContain(', not started');

  await page.goto(siteUrl);
  const panel = page.locator('[data-progress-panel]');
  const message = panel.locator('[data-progress-message]');
  await expect.poll(() => panel.locator('[data-progress-summary]').textContent()).toMatch(/^1 of \d+ lessons read\.$/);
  const item = page.locator('[data-lesson-progress="01-why-activation-functions"]');
  expect(await item.textContent()).toMatch(/^read · 1 of 4 self-checks, 0 of 1 graded cell$/);
  expect(await panel.getByRole('link', { name: /Continue where you left off/ }).getAttribute('href')).toContain(LESSON_1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page)).toEqual([]);
  }

  // Export by keyboard.
  await panel.getByRole('button', { name: 'Export my progress' }).focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = join(tmpdir(), `progress-${process.pid}.json`);
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'activation-loss-progress', version: 1, lessons: { '01-why-activation-functions': { read: true } } });

  // Reset by keyboard, through the dialog: Escape keeps, Reset forgets.
  await panel.getByRole('button', { name: 'Reset my progress' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-progress-confirm]').getAttribute('open')).not.toBeNull();
  await page.keyboard.press('Escape');
  expect(await panel.locator('[data-progress-summary]').textContent()).toMatch(/^1 of/);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Reset', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => panel.locator('[data-progress-summary]').textContent()).toMatch(/^0 of/);
  expect(await message.textContent()).toBe('Your progress was reset.');

  // Import the export: restored.
  await panel.locator('[data-progress-import]').setInputFiles(file);
  await expect.poll(() => panel.locator('[data-progress-summary]').textContent()).toMatch(/^1 of/);
  expect(await message.textContent()).toMatch(/imported/);

  // A newer version and a non-JSON file are refused; what is saved stays.
  const bad = join(tmpdir(), `progress-bad-${process.pid}.json`);
  await writeFile(bad, JSON.stringify({ ...exported, version: 2 }));
  await panel.locator('[data-progress-import]').setInputFiles(bad);
  await expect.poll(() => message.textContent()).toMatch(/^Not imported: .*newer version.*unchanged\.$/);
  await writeFile(bad, 'not json');
  await panel.locator('[data-progress-import]').setInputFiles(bad);
  await expect.poll(() => message.textContent()).toMatch(/not JSON/);
  await page.reload();
  await expect.poll(() => panel.locator('[data-progress-summary]').textContent()).toMatch(/^1 of/);
  expect(problems).toEqual([]);
  await page.context().close();
  await Promise.all([rm(file), rm(bad)]);
});

test('with localStorage refused, the home page and a lesson say progress cannot be saved, with no error', async () => {
  const context = await browser().newContext();
  await context.addInitScript({ content: `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(siteUrl);
  await expect.poll(() => page.locator('[data-progress-message]').textContent()).toMatch(/cannot be saved in this browser/);
  await page.goto(siteUrl + LESSON_1);
  await expect.poll(() => page.locator('[data-progress-note]').textContent()).toMatch(/cannot be saved in this browser/);
  expect(errors).toEqual([]);
  await context.close();
});
