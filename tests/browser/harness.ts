/**
 * What every browser test needs: a page that records what a reader would never want to see
 * (console errors, uncaught exceptions, failed requests), and axe-core run inside the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/**
 * One Chromium for the calling test file: started before its first test, closed after its
 * last. Returns the running browser (call it inside tests and hooks).
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useChromium: the browser is used before its beforeAll hook ran');
    return browser;
  };
}

/**
 * The longest main-thread task (ms) a browser test accepts while a widget trains or a cell
 * prints. Work that is not sliced at all takes far longer (the lab's 500 epochs on the main
 * thread, or calibration's 4000 x 200, are seconds), so this still catches it; the 50 ms
 * target itself depends on the machine and is measured by `npm run bench:lab`, not asserted
 * here, where a busy 2-core CI machine stretches a 25 ms slice past 50 ms.
 */
export const FREEZE_MS = 200;

/** A page and the problems it has run into so far. */
export interface WatchedPage {
  page: Page;
  problems: string[];
}

/**
 * Opens `url` in a new context and records every console error, page error and failed request.
 * The service worker is blocked unless `options` allow it (offline.test.ts does): otherwise every
 * page would precache the whole site after load, and the worker, not the server, would answer.
 */
export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // "Failed to load resource" repeats what the network handlers below record with the URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    // The 404 page itself is meant to answer 404; anything else that does is a broken link or asset.
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds on the page, one line each:
 * every rule, or only `rules` (for a second look at what a colour scheme or a width can change).
 */
export async function seriousViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (only) => {
    type Result = { violations: { id: string; impact?: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: unknown, options?: unknown): Promise<Result> } }).axe;
    const result = only ? await axe.run(document, { runOnly: { type: 'rule', values: only } }) : await axe.run();
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => String(node.target)).join(', ')}`);
  }, rules ? [...rules] : null);
  return violations;
}
