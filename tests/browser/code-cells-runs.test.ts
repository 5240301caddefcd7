/**
 * Code cells on the scratchpad as a reader runs them: typed code and its output in order, plots in
 * the site's theme, errors that name the line, a worker that dies, Stop, a graded cell, the editor's
 * name and Tab, and axe in light and dark. Nothing here times the main thread (those tests are in
 * code-cells.test.ts), so this file runs alongside the others.
 */
import { expect, inject, test } from 'vitest';
import { seriousViolations, useChromium } from './harness.ts';
import { cell, cellButton, editorContent, editorLines, expectNextRunWorks, focusEditor, openScratchpad, output, typeCode, waitForStatus } from './cell-page.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();

test('typed code runs with Ctrl+Enter: show, table and console output appear in order', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', "show(1 + 1);\nshow([10, 20, 30]);\nconsole.warn('careful');\nshow('done');");
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, 'blank', /^Done\.$/);
  const region = output(page, 'blank');
  const blocks = region.locator(':scope > *');
  expect(await blocks.count()).toBe(4);
  expect(await blocks.nth(0).textContent()).toBe('2');
  const rows = blocks.nth(1).locator('tbody tr');
  expect(await rows.count()).toBe(3);
  expect(await rows.nth(2).locator('td').last().textContent()).toBe('30');
  expect(await blocks.nth(1).locator('thead th[scope="col"]').count()).toBeGreaterThan(0);
  // The level is said in words, not only in colour.
  expect(await blocks.nth(2).textContent()).toBe('warningcareful');
  expect(await blocks.nth(3).textContent()).toBe('done');
  expect(problems).toEqual([]);
  await page.context().close();
});

test("plot output is drawn with the site's theme, a dash per series and a legend", async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  await cellButton(page, 'activations', 'Run').click();
  const chart = output(page, 'activations').locator('svg[role="img"]');
  await chart.waitFor();
  expect(await chart.getAttribute('aria-label')).toBe('Four activations');
  const legend = await output(page, 'activations').locator('.cell-legend li').allTextContents();
  expect(legend).toHaveLength(4);
  const dashes = await chart.locator('[stroke-dasharray]').evaluateAll((paths) => paths.map((path) => path.getAttribute('stroke-dasharray')));
  expect(new Set(dashes).size).toBeGreaterThanOrEqual(3);

  // A log axis reads in plain numbers, not SI prefixes ("700m" for 0.7).
  await typeCode(page, 'blank', "plot({ x: [1, 2, 3, 4], y: [0.7, 0.2, 0.05, 0.01], yType: 'log', yLabel: 'loss' });");
  await page.keyboard.press('Control+Enter');
  const logChart = output(page, 'blank').locator('svg[role="img"]');
  await logChart.waitFor();
  const ticks = await logChart.locator('text').allTextContents();
  expect(ticks.length).toBeGreaterThan(4);
  expect(ticks.join(' ')).not.toMatch(/[mµ]/);
  expect(ticks).toContain('0.1');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('a syntax error and a runtime error name the line in the reader’s code, and the editor marks it', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', 'const a = 1;\nconst b = ;\nshow(a);');
  await page.keyboard.press('Control+Enter');
  const syntax = await waitForStatus(page, 'blank', /Syntax error/);
  expect(syntax).toMatch(/line 2/);
  expect(await output(page, 'blank').locator('.cell-error').textContent()).toMatch(/line 2/);
  const lines = cell(page, 'blank').locator('.cm-line');
  expect(await lines.nth(1).getAttribute('class')).toContain('cm-error-line');
  expect(await cell(page, 'blank').locator('.cm-error-line').count()).toBe(1);

  await typeCode(page, 'blank', 'const a = 1;\nconst b = a + 1;\nnoSuchFunction(b);');
  // Editing clears the old mark at once.
  expect(await cell(page, 'blank').locator('.cm-error-line').count()).toBe(0);
  await page.keyboard.press('Control+Enter');
  const runtime = await waitForStatus(page, 'blank', /line 3/);
  expect(runtime).toMatch(/noSuchFunction/);
  expect(await lines.nth(2).getAttribute('class')).toContain('cm-error-line');
  await page.context().close();
});

test('an error that kills the worker (thrown in a timer) is said in the cell, and the next run works', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', "setTimeout(() => { throw new Error('late'); }, 0);\nawait new Promise((resolve) => setTimeout(resolve, 500));");
  await page.keyboard.press('Control+Enter');
  const status = await waitForStatus(page, 'blank', /worker stopped/);
  expect(status).toMatch(/^The cell's worker stopped: .*late/);
  await expectNextRunWorks(page, 'blank');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('Stop ends a run at once; Stop is off unless a run is going', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  expect(await cellButton(page, 'blank', 'Stop').isDisabled()).toBe(true);
  await typeCode(page, 'blank', "console.log('started');\nwhile (true) {}");
  await cellButton(page, 'blank', 'Run').click();
  await output(page, 'blank').getByText('started').waitFor();
  const stop = cellButton(page, 'blank', 'Stop');
  expect(await stop.isDisabled()).toBe(false);
  await stop.click();
  await waitForStatus(page, 'blank', /^Stopped\.$/, 2000);
  expect(await stop.isDisabled()).toBe(true);
  // Focus does not fall to the page when Stop turns itself off.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run');
  await cellButton(page, 'blank', 'Run').click();
  await output(page, 'blank').getByText('started').waitFor();
  await stop.click();
  await waitForStatus(page, 'blank', /^Stopped\.$/, 2000);
  await page.context().close();
});

test('a graded cell fails with helpful messages, then passes with the solution and is recorded', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  await cellButton(page, 'leaky', 'Run').click();
  const failed = await waitForStatus(page, 'leaky', /failed/);
  expect(failed).toMatch(/^\d+ of \d+ checks? failed\.$/);
  const failures = output(page, 'leaky').locator('.cell-check-fail');
  expect(await failures.count()).toBeGreaterThan(0);
  expect(await failures.first().textContent()).toMatch(/^✗ Failed/);
  expect(await failures.first().locator('.cell-check-message').textContent()).toMatch(/expected/);

  // The solution stays as the build made it; the button puts it in the editor.
  await cell(page, 'leaky').locator('details.cell-solution summary').click();
  await cellButton(page, 'leaky', 'Load this solution into the editor').click();
  // Run no longer loads the editor for the lesson's own code, so it may only now be loading.
  await cell(page, 'leaky').locator('.cm-line', { hasText: 'alpha * z' }).first().waitFor();
  expect((await editorLines(page, 'leaky')).join('\n')).toContain('alpha * z');
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, 'leaky', /passed/);
  expect(await output(page, 'leaky').locator('.cell-check-fail').count()).toBe(0);
  expect(await output(page, 'leaky').locator('.cell-check-pass').first().textContent()).toMatch(/^✓ Passed/);
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('al-progress') ?? '{}'));
  expect(progress.exercises['scratchpad/leaky'].passed).toBe(true);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the editor has an accessible name and Tab leaves it for the toolbar', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  // Before it loads, the still code block stands in, with the same name.
  await page.getByRole('textbox', { name: 'Code editor: Your own code' }).focus();
  await editorContent(page, 'blank').waitFor();
  expect(await editorContent(page, 'blank').getAttribute('aria-label')).toBe('Code editor: Your own code');
  await focusEditor(page, 'blank');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violation on a page with run cells (${colorScheme})`, async () => {
    const { page } = await openScratchpad(browser(), siteUrl, '', { colorScheme });
    await cellButton(page, 'activations', 'Run').click();
    await output(page, 'activations').locator('svg[role="img"]').waitFor();
    await typeCode(page, 'blank', 'show([1, 2, 3]);\nconsole.error(4);\nnope();');
    await page.keyboard.press('Control+Enter');
    await waitForStatus(page, 'blank', /line 3/);
    await cellButton(page, 'leaky', 'Run').click();
    await waitForStatus(page, 'leaky', /failed/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
}
