import { expect, inject, test } from 'vitest';
import { openPage, useChromium } from './harness.ts';
import { SUB_PATH, SUB_PATH_SITE } from './global-setup.ts';

const siteUrl = inject('subPathSiteUrl');

const browser = useChromium();

test('under a sub-path every link and asset stays under it, and a reader can go from home to the widget', async () => {
  const { page, problems } = await openPage(browser(), siteUrl);
  const origin = new URL(siteUrl).origin;
  const addresses = await page.evaluate(() =>
    [...document.querySelectorAll('[href]:not([rel="canonical"]), [src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src')!),
  );
  // The canonical link is the one absolute address: where the site says it is hosted (SITE_URL).
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${SUB_PATH_SITE}${SUB_PATH}`);
  for (const address of addresses.filter((value) => !value.startsWith('#'))) {
    expect(new URL(address, page.url()).href.startsWith(origin + SUB_PATH), address).toBe(true);
  }
  await page.getByRole('link', { name: /Start with lesson 1/ }).click();
  await page.waitForURL(`**${SUB_PATH}lessons/01-why-activation-functions/`);
  await page.locator('al-network-explorer').scrollIntoViewIfNeeded();
  await page.waitForSelector('al-network-explorer[data-ready]');
  await page.getByLabel('Hidden activation f').selectOption('relu');
  expect(new URL(page.url()).pathname).toBe(`${SUB_PATH}lessons/01-why-activation-functions/`);
  const fonts = await page.evaluate(() => document.fonts.check('16px KaTeX_Main'));
  expect(fonts).toBe(true);
  await page.getByRole('link', { name: 'Activation & Loss' }).first().click();
  await page.waitForURL(siteUrl);
  expect(problems).toEqual([]);
  await page.context().close();
});
