import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { backgroundColours, webManifest } from '../../../src/utils/web-manifest.ts';

const tokens = readFileSync(new URL('../../../src/styles/tokens.css', import.meta.url), 'utf8');

test("the theme colours are the site's own page background, light and dark", () => {
  expect(backgroundColours(tokens)).toEqual({ light: '#fcfcfd', dark: '#14161b' });
  expect(() => backgroundColours(':root { --color-bg: white; }')).toThrow('--color-bg');
});

test('under a sub-path, the start page, scope, id and every icon carry the base', () => {
  const manifest = JSON.parse(webManifest('/course/', 'A course.', tokens));
  expect(manifest).toMatchObject({ name: 'Activation & Loss', start_url: '/course/', scope: '/course/', id: '/course/', display: 'standalone', theme_color: '#fcfcfd', background_color: '#fcfcfd' });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.icons.map((icon: { src: string; sizes: string }) => `${icon.src} ${icon.sizes}`)).toEqual([
    '/course/favicon.svg any', '/course/icon-192.png 192x192', '/course/icon-512.png 512x512',
  ]);
  expect(JSON.parse(webManifest('/', 'A course.', tokens)).start_url).toBe('/');
});
