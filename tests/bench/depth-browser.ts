/**
 * The gradient-depth widget in the browser: its default state (sigmoid/Xavier against
 * ReLU/He, 10 layers of 32, 100 epochs each) in headless Chromium, from the click on Train
 * until both runs are done and drawn, and the longest main-thread task meanwhile. Run with
 * `npm run bench:depth` (which builds the site first); `--runs N` sets the timed runs (default 5).
 */
import { launchChromium } from '../browser/chromium.ts';
import { serveStatic } from '../browser/static-server.ts';

const WIDGET = 'al-gradient-depth[data-key="depth"]';
const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 5;
const site = await serveStatic('dist');
const browser = await launchChromium();
const times: number[] = [];
const longest: number[] = [];
for (let run = 0; run <= runs; run++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.url}lessons/02-sigmoid-and-tanh/`);
  await page.locator(WIDGET).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-ready][data-started="true"]`);
  await page.evaluate(() => {
    const tasks: number[] = ((window as unknown as { tasks: number[] }).tasks = []);
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask' });
  });
  const start = performance.now();
  await page.locator(WIDGET).getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForSelector(`${WIDGET}[data-finished="true"][data-running="false"]`, { timeout: 60_000 });
  // Done means drawn: the last charts are drawn in tasks of their own after the final report.
  await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve)), 0)));
  const elapsed = performance.now() - start;
  const tasks = await page.evaluate(() => (window as unknown as { tasks: number[] }).tasks);
  // The first run warms up the JIT and the worker's module cache; it is not counted.
  if (run > 0) {
    times.push(elapsed);
    longest.push(Math.max(0, ...tasks));
  }
  await page.close();
}
await browser.close();
await site.close();
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
console.log(`Gradient depth in Chromium, default state (2 runs × 100 epochs, 10 layers of 32) with drawing: median ${(median / 1000).toFixed(2)} s over ${runs} runs`);
console.log(`runs (s): ${times.map((t) => (t / 1000).toFixed(2)).join(' ')}`);
console.log(`longest main-thread task per run (ms): ${longest.map((t) => t.toFixed(0)).join(' ')}`);
