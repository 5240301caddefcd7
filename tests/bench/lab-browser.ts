/**
 * The lab in the browser: the article's 500-epoch run in headless Chromium, from the click on
 * Train until the page shows epoch 500 stopped, drawing included. Run with `npm run bench:lab`
 * (which builds the site first); `--runs N` sets the number of timed runs (default 5).
 */
import { launchChromium } from '../browser/chromium.ts';
import { serveStatic } from '../browser/static-server.ts';

const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 5;
const site = await serveStatic('dist');
const browser = await launchChromium();
const times: number[] = [];
const longest: number[] = [];
for (let run = 0; run <= runs; run++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.url}lessons/09-lab-two-moons/`);
  await page.locator('al-moons-lab').scrollIntoViewIfNeeded();
  await page.waitForSelector('al-moons-lab[data-ready][data-epoch="0"]');
  await page.evaluate(() => {
    const tasks: number[] = ((window as unknown as { tasks: number[] }).tasks = []);
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask' });
  });
  const start = performance.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForSelector('al-moons-lab[data-epoch="500"][data-running="false"]', { timeout: 60_000 });
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
console.log(`Lab in Chromium, 500 epochs with drawing: median ${(median / 1000).toFixed(2)} s over ${runs} runs`);
console.log(`runs (s): ${times.map((t) => (t / 1000).toFixed(2)).join(' ')}`);
console.log(`longest main-thread task per run (ms): ${longest.map((t) => t.toFixed(0)).join(' ')}`);
