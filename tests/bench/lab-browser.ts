/**
 * The lab in the browser: the article's 500-epoch run in headless Chromium, from the click on
 * Train until the page shows epoch 500 finished, drawing included; then, with "Retrain on every
 * change" on, from a key press on the learning-rate slider until the retrained run's figures
 * are shown. Run with `npm run bench:lab` (which builds the site first); `--runs N` sets the
 * number of timed runs (default 5).
 *
 * Both are timed inside the page, from the input event's timestamp to the task after the frame
 * in which the lab shows the finished run. Timing from Node instead (as before) added
 * Playwright's own cost: its click's actionability checks, and a waitForSelector that polls at
 * 100 to 500 ms intervals, so a page that had finished waited for the next poll. That figure is
 * printed too ("as Playwright sees it").
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { serveStatic } from '../browser/static-server.ts';

const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 5;
const LAB = 'al-moons-lab';

/** What the page records: the input's timestamp, the long tasks since, and when the lab showed the finished run. */
type Probe = { inputAt: number; tasks: number[] };

/** Starts recording long tasks and the next `event` anywhere in the page. */
async function arm(page: Page, event: 'click' | 'keydown'): Promise<void> {
  await page.evaluate((type) => {
    const probe: Probe = ((window as unknown as { probe: Probe }).probe = { inputAt: Number.NaN, tasks: [] });
    document.addEventListener(type, (e) => (probe.inputAt = e.timeStamp), { capture: true, once: true });
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => probe.tasks.push(entry.duration))).observe({ type: 'longtask' });
  }, event);
}

/**
 * Resolves, in the page, once the lab shows a finished 500-epoch run with no retrain on its way,
 * after the frame that drew it: ms from the armed input, and the longest task since.
 */
async function finished(page: Page): Promise<{ ms: number; longest: number }> {
  return page.evaluate(
    (tag) =>
      new Promise<{ ms: number; longest: number }>((resolve) => {
        const lab = document.querySelector<HTMLElement>(tag)!;
        const probe = (window as unknown as { probe: Probe }).probe;
        const done = () =>
          lab.dataset.epoch === '500' && lab.dataset.running === 'false' && lab.dataset.retraining === 'false' && lab.querySelector('[data-part="status"]')?.textContent === 'Finished 500 epochs.';
        const check = () => {
          if (!done() || Number.isNaN(probe.inputAt)) return;
          observer.disconnect();
          // After the frame: the accuracy chart is drawn in a task of its own, queued before this one.
          requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - probe.inputAt, longest: Math.max(0, ...probe.tasks) })));
        };
        const observer = new MutationObserver(check);
        observer.observe(lab, { attributes: true, subtree: true, childList: true, characterData: true });
      }),
    LAB,
  );
}

const site = await serveStatic('dist');
const browser = await launchChromium();
const results = { train: [] as number[], trainLongest: [] as number[], playwright: [] as number[], retrain: [] as number[], retrainLongest: [] as number[] };
for (let run = 0; run <= runs; run++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.url}lessons/09-lab-two-moons/`);
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${LAB}[data-ready][data-epoch="0"] [data-part="boundary"] svg`);
  await arm(page, 'click');
  const trained = finished(page);
  const start = performance.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForSelector(`${LAB}[data-epoch="500"][data-running="false"]`, { timeout: 60_000 });
  const seen = performance.now() - start;
  const train = await trained;

  // Retrain: switch the setting on (which retrains what is shown, a finished run: nothing), then one key on the slider.
  await page.getByLabel('Retrain on every change').check();
  await page.waitForSelector(`${LAB}[data-retraining="false"]`);
  await arm(page, 'keydown');
  const retrained = finished(page);
  await page.locator(`#lab-lr`).press('ArrowRight');
  const retrain = await retrained;
  // The first run warms up the JIT and the worker's module cache; it is not counted.
  if (run > 0) {
    results.train.push(train.ms);
    results.trainLongest.push(train.longest);
    results.playwright.push(seen);
    results.retrain.push(retrain.ms);
    results.retrainLongest.push(retrain.longest);
  }
  await page.close();
}
await browser.close();
await site.close();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (values: number[]) => values.map((t) => (t / 1000).toFixed(2)).join(' ');
const ms = (values: number[]) => values.map((t) => t.toFixed(0)).join(' ');
console.log(`Lab in Chromium, 500 epochs with drawing, click on Train to finished: median ${(median(results.train) / 1000).toFixed(2)} s over ${runs} runs`);
console.log(`  runs (s): ${seconds(results.train)}; as Playwright sees it (s): ${seconds(results.playwright)}`);
console.log(`  longest main-thread task per run (ms): ${ms(results.trainLongest)}`);
console.log(`Retrain on every change, key on the learning-rate slider to the retrained run shown: median ${(median(results.retrain) / 1000).toFixed(2)} s`);
console.log(`  runs (s): ${seconds(results.retrain)}`);
console.log(`  longest main-thread task per run (ms): ${ms(results.retrainLongest)}`);
