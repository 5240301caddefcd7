/**
 * A cell's code is untrusted (it may come from a link): whatever it prints or posts, nothing of
 * it may become markup or script in the page, which the worker exists to keep it away from.
 */
import { expect, inject, test } from 'vitest';
import { useChromium } from './harness.ts';
import { cellButton, openScratchpad, output, typeCode, waitForStatus } from './cell-page.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();

/** A row whose field is a script address, and a mark option that would make it a link. */
const SCRIPT_ROW = "{ a: 1, b: 2, u: 'javascript:void(document.title=`script ran`)' }";

test("plot() refuses an option that would make a mark a link (href), with a message", async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', `plot({ marks: [{ mark: 'dot', data: [${SCRIPT_ROW}], x: 'a', y: 'b', r: 30, href: 'u' }] });`);
  await cellButton(page, 'blank', 'Run').click();
  const status = await waitForStatus(page, 'blank', /unknown option "href"/);
  expect(status).toMatch(/line 1/);
  expect(await output(page, 'blank').locator('a').count()).toBe(0);
  await page.context().close();
});

test('a chart the code posts itself, past plot(), draws no link and runs no script when clicked', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  const entry = `{ kind: 'plot', marks: [{ mark: 'dot', data: [${SCRIPT_ROW}], options: { x: 'a', y: 'b', r: 30, href: 'u' } }] }`;
  // The first run of a fresh cell has run id 1: the code can guess it.
  await typeCode(page, 'blank', `self.postMessage({ type: 'output', runId: 1, entry: ${entry} });\nshow('posted');`);
  await cellButton(page, 'blank', 'Run').click();
  await waitForStatus(page, 'blank', /^Done\.$/);
  const chart = output(page, 'blank').locator('svg[role="img"]');
  await chart.waitFor();
  expect(await output(page, 'blank').locator('a').count()).toBe(0);
  await chart.locator('circle').first().click({ force: true });
  await page.waitForTimeout(200);
  expect(await page.title()).not.toBe('script ran');
  await page.context().close();
});

test('an output entry of a shape the page does not know is explained, and what follows it is still drawn', async () => {
  const { page, problems } = await openScratchpad(browser(), siteUrl);
  const bad = "self.postMessage({ type: 'output', runId: 1, entry: { kind: 'table', columns: 5, rows: 7 } });";
  const odd = "self.postMessage({ type: 'output', runId: 1, entry: { kind: 'weird' } });";
  await typeCode(page, 'blank', `${bad}\n${odd}\nshow('after');`);
  await cellButton(page, 'blank', 'Run').click();
  await waitForStatus(page, 'blank', /^Done\.$/);
  const blocks = await output(page, 'blank').locator(':scope > *').allTextContents();
  expect(blocks).toEqual(['An output the code sent could not be shown.', 'An output the code sent could not be shown.', 'after']);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('on a phone a wide table scrolls rather than breaking a number across lines', async () => {
  const { page } = await openScratchpad(browser(), siteUrl, '', { viewport: { width: 375, height: 800 } });
  await typeCode(page, 'blank', 'show([[1.123456789, 2, 3, 4, 5, 6, 7, 8], [4, 5, 6, 7, 8, 9, 10, 1e-9]]);');
  await cellButton(page, 'blank', 'Run').click();
  await waitForStatus(page, 'blank', /^Done\.$/);
  const lines = await output(page, 'blank').locator('td').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
  );
  expect(lines.every((count) => count <= 1)).toBe(true);
  await page.context().close();
});

test('a thrown value that cannot even be written out still ends the run at once, not at the limit', async () => {
  const { page } = await openScratchpad(browser(), siteUrl);
  await typeCode(page, 'blank', 'throw new Proxy({}, { getPrototypeOf() { throw { toString() { throw 1; } }; } });');
  await cellButton(page, 'blank', 'Run').click();
  const status = await waitForStatus(page, 'blank', /cannot be read|runtime failed|Stopped/, 6000);
  expect(status).toBe('Thrown value: The code threw a value that cannot be read: reading it throws.');
  await page.context().close();
});
