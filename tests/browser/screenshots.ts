/**
 * Screenshots of every page, light and dark, wide and narrow, for a person to look at:
 * `npm run build && npm run screenshots` writes PNGs to screenshots/ (ignored by git).
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['', 'lessons/01-why-activation-functions/', 'no-such-page/'];
const site = await serveStatic('dist');
const browser = await launchChromium();
await mkdir('screenshots', { recursive: true });
for (const path of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 375]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(site.url + path);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(400);
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
