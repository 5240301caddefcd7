import { expect, inject, test } from 'vitest';
import { openPage, useChromium } from './harness.ts';
import { cell, cellButton, editorContent, editorLines, focusEditor, openScratchpad, output, scratchpadUrl, typeCode, waitForStatus } from './cell-page.ts';
import { encodeCode } from '../../src/cells/link.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();

/** The heavy chunks a cell loads on demand: none may come with the page itself. */
const ON_DEMAND = /\/(editor|runner|output-view|plot-view|plot-theme|cell\.worker)[.-][\w-]+\.js$/;

test('the first load brings no editor, runner, worker or transpiler; focusing the code brings the editor', async () => {
  const context = await browser().newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(scratchpadUrl(siteUrl), { waitUntil: 'networkidle' });
  await page.waitForSelector('al-code-cell[data-ready]');
  expect(requested.filter((url) => ON_DEMAND.test(url))).toEqual([]);
  expect(requested.some((url) => /sucrase|codemirror/i.test(url))).toBe(false);
  await cell(page, 'blank').locator(':scope > pre').focus();
  await editorContent(page, 'blank').waitFor();
  expect(requested.some((url) => /\/editor\.[\w-]+\.js$/.test(url))).toBe(true);
  // A page without cells loads none of the cells' module.
  requested.length = 0;
  await page.goto(siteUrl, { waitUntil: 'networkidle' });
  expect(requested.filter((url) => /CodeCells|element/.test(url))).toEqual([]);
  await context.close();
});

test('edits survive a reload and are not run; reset restores the lesson’s code and forgets the edit', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  const original = (await cell(page, 'blank').locator(':scope > pre').textContent())!.trim();
  expect(await cellButton(page, 'blank', "Reset to the lesson's code").count()).toBe(0);
  await typeCode(page, 'blank', "show('edited');");
  expect(await cell(page, 'blank').locator('.cell-edited').isVisible()).toBe(true);
  await page.waitForTimeout(700); // past the save's debounce
  await page.reload();
  await page.waitForSelector('al-code-cell[data-cell-id="blank"][data-ready]');
  await editorContent(page, 'blank').waitFor();
  expect(await editorLines(page, 'blank')).toEqual(["show('edited');"]);
  expect(await cell(page, 'blank').locator('.cell-edited').isVisible()).toBe(true);
  await page.waitForTimeout(500);
  expect(await output(page, 'blank').textContent()).toBe('');

  await cellButton(page, 'blank', "Reset to the lesson's code").click();
  expect((await editorLines(page, 'blank')).join('\n').trim()).toBe(original);
  expect(await cell(page, 'blank').locator('.cell-edited').isVisible()).toBe(false);
  expect(await cellButton(page, 'blank', "Reset to the lesson's code").isVisible()).toBe(false);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('al-code-cell[data-cell-id="blank"][data-ready]');
  await page.waitForTimeout(300);
  expect(await editorContent(page, 'blank').count()).toBe(0);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a copied link opens the code in its cell with a notice, and never runs it', async () => {
  const { page } = await openScratchpad(browser(), siteUrl, '', { permissions: ['clipboard-read', 'clipboard-write'] });
  await typeCode(page, 'blank', "show('from a link');");
  await cellButton(page, 'blank', 'Copy link').click();
  await waitForStatus(page, 'blank', /Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.hash).toBe('#cell-blank');
  expect(url.searchParams.get('cell.blank')).toMatch(/^[\w-]+$/);
  await page.context().close();

  const opened = await openPage(browser(), link);
  await opened.page.waitForSelector('al-code-cell[data-cell-id="blank"][data-ready]');
  await editorContent(opened.page, 'blank').waitFor();
  expect(await editorLines(opened.page, 'blank')).toEqual(["show('from a link');"]);
  expect(await cell(opened.page, 'blank').locator('.cell-notice').textContent()).toBe('This code came from a link. Read it before you press Run.');
  await opened.page.waitForTimeout(800);
  expect(await output(opened.page, 'blank').textContent()).toBe('');
  expect(await cell(opened.page, 'blank').locator('.cell-status').textContent()).toBe('');
  // Only the reader's click runs it.
  await cellButton(opened.page, 'blank', 'Run').click();
  await output(opened.page, 'blank').getByText('from a link').waitFor();
  expect(opened.problems).toEqual([]);
  await opened.page.context().close();
});

test('editing linked code clears its notice and takes the link out of the address, so a reload keeps the edit', async () => {
  const value = await encodeCode("show('from a link');");
  const { page, problems } = await openScratchpad(browser(), siteUrl, `?keep=1&cell.blank=${value}#cell-blank`);
  const notice = cell(page, 'blank').locator('.cell-notice');
  await editorContent(page, 'blank').waitFor();
  expect(await notice.isVisible()).toBe(true);
  await focusEditor(page, 'blank');
  await page.keyboard.press('End');
  await page.keyboard.type(' // mine');
  expect(await notice.isVisible()).toBe(false);
  const address = new URL(page.url());
  expect(address.searchParams.has('cell.blank')).toBe(false);
  expect(address.searchParams.get('keep')).toBe('1');
  expect(address.hash).toBe('#cell-blank');
  await page.waitForTimeout(700); // past the save's debounce
  await page.reload();
  await page.waitForSelector('al-code-cell[data-cell-id="blank"][data-ready]');
  await editorContent(page, 'blank').waitFor();
  expect(await editorLines(page, 'blank')).toEqual(["show('from a link'); // mine"]);
  expect(await notice.isVisible()).toBe(false);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('code too long to keep says so, is not stored, and the cell goes on working', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  await focusEditor(page, 'blank');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(`show(1);\n// ${'x'.repeat(100_000)}`);
  const notice = cell(page, 'blank').locator('.cell-notice');
  await notice.filter({ hasText: 'too long to keep in this browser (over 100,000 characters)' }).waitFor();
  await page.waitForTimeout(700);
  expect(await page.evaluate(() => localStorage.getItem('al-cell:scratchpad/blank'))).toBeNull();
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, 'blank', /^Done\.$/);
  expect(await output(page, 'blank').textContent()).toBe('1');
  await typeCode(page, 'blank', 'show(2);');
  expect(await notice.isVisible()).toBe(false);
  await page.waitForTimeout(700);
  expect(await page.evaluate(() => localStorage.getItem('al-cell:scratchpad/blank'))).toBe('show(2);');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a malformed link says so and keeps the lesson’s code', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl, '?cell.blank=%E2%80%AEnot*base64#cell-blank');
  const notice = cell(page, 'blank').locator('.cell-notice');
  expect(await notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toMatch(/could not be read/);
  expect(await cell(page, 'blank').locator(':scope > pre').textContent()).toContain('Math.exp(-z)');
  expect(await output(page, 'blank').textContent()).toBe('');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('without JavaScript a cell reads as its highlighted code, with no controls', async () => {
  const { page } = await openPage(browser(), scratchpadUrl(siteUrl), { javaScriptEnabled: false });
  const pre = cell(page, 'activations').locator(':scope > pre.astro-code');
  expect(await pre.textContent()).toContain("import { activation } from 'course';");
  expect(await pre.locator('span[style*="--shiki-light"]').count()).toBeGreaterThan(10);
  expect(await page.getByRole('button', { name: 'Run' }).count()).toBe(0);
  expect(await cell(page, 'leaky').locator('details.cell-solution pre').textContent()).toContain('alpha * z');
  await page.context().close();
});

test('in print the toolbar is hidden, the output already shown is kept and long lines wrap', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', `const long = ${"'word '.repeat(3) + ".repeat(12)}'end';\nshow(42);`);
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, 'blank', /^Done\.$/);
  await page.emulateMedia({ media: 'print' });
  expect(await cell(page, 'blank').locator('.cell-toolbar').isVisible()).toBe(false);
  expect(await output(page, 'blank').isVisible()).toBe(true);
  expect(await output(page, 'blank').textContent()).toBe('42');
  // The edited code wraps on paper instead of running off the page's edge.
  const overflow = await cell(page, 'blank').locator('.cm-content').evaluate((content) => content.scrollWidth - content.parentElement!.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.context().close();
});

test('under a sub-path the cell finds its editor, runner and worker and runs', async () => {
  const { page, problems } = await openScratchpad(browser(), inject('subPathSiteUrl'));
  await cellButton(page, 'first', 'Run').click();
  await waitForStatus(page, 'first', /^Done\.$/);
  expect(await output(page, 'first').textContent()).toBe('2');
  expect(problems).toEqual([]);
  await page.context().close();
});
