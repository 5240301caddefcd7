/**
 * The web manifest that makes the course installable, and the theme colours it shares with the
 * pages' <meta name="theme-color">, read from the `--color-bg` pair in styles/tokens.css so the
 * installed window's frame matches the page in either theme.
 */

/** The page background in the light and the dark theme, as `--color-bg: light-dark(#…, #…)` in `tokensCss` gives it. */
export function backgroundColours(tokensCss: string): { light: string; dark: string } {
  const pair = /--color-bg:\s*light-dark\(\s*(#[0-9a-f]{3,8})\s*,\s*(#[0-9a-f]{3,8})\s*\)/i.exec(tokensCss);
  if (!pair) throw new Error('styles/tokens.css has no --color-bg: light-dark(#…, #…)');
  return { light: pair[1], dark: pair[2] };
}

/** The icons the manifest names, in public/ (rendered once from favicon.svg; see CONTRIBUTING). */
export const MANIFEST_ICONS = [
  { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
  { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
  { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
] as const;

/** The manifest's JSON for a site built for `base` ("/" or "/course/"), every address under it. */
export function webManifest(base: string, description: string, tokensCss: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const { light } = backgroundColours(tokensCss);
  return JSON.stringify({
    name: 'Activation & Loss',
    // A home screen shows about 12 characters under the icon.
    short_name: 'Act. & Loss',
    description,
    lang: 'en-GB',
    id: prefix,
    start_url: prefix,
    scope: prefix,
    display: 'standalone',
    theme_color: light,
    background_color: light,
    icons: MANIFEST_ICONS.map((icon) => ({ ...icon, src: prefix + icon.src })),
  }, null, 2);
}
