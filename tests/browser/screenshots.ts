/**
 * Screenshots of every page of the built site, light and dark, wide and narrow, for a person
 * to look at: `npm run build && npm run screenshots` writes PNGs to screenshots/ (ignored by
 * git). The pages are found from dist/ (every index.html, plus the 404 page), so a new lesson
 * is never skipped; paths given on the command line (e.g. `lessons/09-lab-two-moons/`) narrow it.
 */
import { mkdir } from 'node:fs/promises';
import { builtPages } from './built-pages.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const asked = process.argv.slice(2);
const pages = asked.length > 0 ? asked : await builtPages('dist');
const site = await serveStatic('dist');
const browser = await launchChromium();
await mkdir('screenshots', { recursive: true });
for (const path of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(site.url + path);
      // Scrolling through wakes every lazy widget; the lab trains nothing until asked.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(800);
      await page.evaluate(() => window.scrollTo(0, 0));
      const name = `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${colorScheme}-${width}.png`;
      await page.screenshot({ path: `screenshots/${name}`, fullPage: true });
      // Full pages are too tall to read at once, so each is also cut into screen-sized tiles.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const tile = width > 600 ? 1000 : 1400;
      for (let top = 0, index = 1; top < height; top += tile, index++) {
        const clip = { x: 0, y: top, width, height: Math.min(tile, height - top) };
        await page.screenshot({ path: `screenshots/${name.replace('.png', `-${index}.png`)}`, clip, fullPage: true });
      }
      console.log(`screenshots/${name} (${Math.ceil(height / tile)} tiles)`);
      await page.close();
    }
  }
}
await browser.close();
await site.close();
