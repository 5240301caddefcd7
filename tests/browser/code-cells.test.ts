/**
 * Code cells on the scratchpad with the main thread watched: a first Run that loads no editor, a
 * loop stopped at its limit, and a thousand outputs drawn in batches, none with a task over
 * FREEZE_MS (the loop also within its time). They run last and alone (vitest.browser.config.ts);
 * the cells' other behaviour is in code-cells-runs.test.ts.
 */
import { expect, inject, test } from 'vitest';
import { FREEZE_MS, useChromium } from './harness.ts';
import { cellButton, editorContent, editorLines, expectNextRunWorks, focusEditor, longTasks, openScratchpad, output, typeCode, waitForStatus, watchLongTasks } from './cell-page.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();

test('Run on a cell the reader never touched runs its code without loading the editor, and without freezing the page', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await watchLongTasks(page);
  await cellButton(page, 'first', 'Run').click();
  await waitForStatus(page, 'first', /^Done\.$/);
  expect(await output(page, 'first').textContent()).toBe('2');
  // CodeMirror (about 130 KB gzipped) and its EditorView were the first run's long task.
  expect(requested.filter((url) => /\/editor\.[\w-]+\.js$/.test(url))).toEqual([]);
  expect(await editorContent(page, 'first').count()).toBe(0);
  expect((await longTasks(page)).filter((duration) => duration > FREEZE_MS)).toEqual([]);
  // The still code is still the way in: a click brings the editor, holding the code that ran.
  await focusEditor(page, 'first');
  expect(await editorLines(page, 'first')).toEqual(['show(1 + 1);']);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('while (true) {} is stopped at its limit without blocking the page, and the next run works', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', 'while (true) {}');
  await watchLongTasks(page);
  const started = Date.now();
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, 'blank', /Stopped after 3 s\. Does a loop never end\?/, 8000);
  expect(Date.now() - started).toBeLessThan(6000);
  expect(await output(page, 'blank').textContent()).toContain('Stopped after 3 s. Does a loop never end?');
  expect(await cellButton(page, 'blank', 'Stop').isDisabled()).toBe(true);
  expect((await longTasks(page)).filter((duration) => duration > FREEZE_MS)).toEqual([]);
  await expectNextRunWorks(page, 'blank');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a thousand outputs are drawn in frame-sized batches, without freezing the page, and capped with a note', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', 'for (let i = 0; i < 1500; i++) show([i, i + 1, i + 2]);');
  await watchLongTasks(page);
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, 'blank', /^Done\.$/, 15_000);
  const region = output(page, 'blank');
  expect(await region.locator('table').count()).toBe(1000);
  expect(await region.locator(':scope > .cell-note').last().textContent()).toMatch(/^Output stopped after/);
  expect((await longTasks(page)).filter((duration) => duration > FREEZE_MS)).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});
