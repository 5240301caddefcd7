/**
 * A browser that refuses site data (blocked cookies and storage, a sandboxed frame) throws as
 * soon as a script names localStorage: cells and self-checks must still work, unsaved.
 */
import { expect, inject, test } from 'vitest';
import { openPage, useChromium } from './harness.ts';
import { cellButton, scratchpadUrl, typeCode, waitForStatus } from './cell-page.ts';

const siteUrl = inject('siteUrl');
const browser = useChromium();

const REFUSE_STORAGE = `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The access is denied for this document.', 'SecurityError'); } });`;

test('with localStorage refused, a cell still becomes live, runs and grades', async () => {
  const context = await browser().newContext();
  await context.addInitScript({ content: REFUSE_STORAGE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(scratchpadUrl(siteUrl));
  await page.waitForFunction(() => [...document.querySelectorAll('al-code-cell')].every((cell) => cell.hasAttribute('data-ready')), null, { timeout: 10_000 });
  await typeCode(page, 'blank', 'show(6 * 7);');
  await cellButton(page, 'blank', 'Run').click();
  await waitForStatus(page, 'blank', /^Done\.$/);
  await typeCode(page, 'leaky', 'export function leakyRelu(z: number, alpha: number): number { return z >= 0 ? z : alpha * z; }');
  await cellButton(page, 'leaky', 'Run').click();
  await waitForStatus(page, 'leaky', /checks passed/);
  expect(errors).toEqual([]);
  await context.close();
});

test('with localStorage refused, a lesson page has no uncaught error (its self-checks read saved answers)', async () => {
  const { page, problems } = await openPage(browser(), `${siteUrl}lessons/01-why-activation-functions/`);
  await page.context().close();
  const context = await browser().newContext();
  await context.addInitScript({ content: REFUSE_STORAGE });
  const refused = await context.newPage();
  const errors: string[] = [];
  refused.on('pageerror', (error) => errors.push(error.message));
  await refused.goto(`${siteUrl}lessons/01-why-activation-functions/`);
  await refused.waitForTimeout(1000);
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
