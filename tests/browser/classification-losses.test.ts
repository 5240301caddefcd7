/**
 * Lesson 7's classification-losses widget while calibration trains at its largest: the one test
 * here watches the main thread's long tasks, so this file runs last and alone (vitest.browser.config.ts).
 * Everything else about the widget is in classification-losses-modes.test.ts.
 */
import { expect, test } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { FREEZE_MS, useChromium } from './harness.ts';
import { type Key, openWidget as openWidgetIn } from './classification-page.ts';

const browser = useChromium();
const openWidget = (key: Key, query = '', options: BrowserContextOptions = {}) => openWidgetIn(browser(), key, query, options);

test('calibration at its largest (4000 points, 200 epochs) trains in slices: the page never freezes', async () => {
  const { page, problems } = await openWidget('calibration', '?calibration.points=4000&calibration.epochs=200');
  const longest = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let most = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((entry) => (most = Math.max(most, entry.duration)))).observe({ type: 'longtask', buffered: false });
        const wait = () => (document.querySelector('al-classification-losses[data-key="calibration"]')?.getAttribute('data-calibrated') === 'true' ? setTimeout(() => resolve(most), 100) : setTimeout(wait, 20));
        wait();
      }),
  );
  console.log(`calibration 4000 × 200: longest main-thread task ${longest.toFixed(0)} ms (0 = none over 50 ms)`);
  expect(longest).toBeLessThanOrEqual(FREEZE_MS);
  expect(problems).toEqual([]);
  await page.context().close();
});
