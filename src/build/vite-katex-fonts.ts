/**
 * KaTeX's stylesheet as the site serves it: its fonts swap in (`font-display: swap`, where KaTeX
 * ships `block`, which hides a formula's text for up to three seconds on a slow connection) and
 * only the WOFF2 files are referenced (every browser the site supports reads them; the WOFF and
 * TrueType fallbacks were 40 more files in the build and a third of each @font-face rule).
 * No font is inlined into the stylesheet: Vite inlines assets under 4 KB as base64, which put
 * KaTeX_Size3 (3.6 KB, used by few formulas) into every page's CSS, uncompressible, half the
 * gzipped stylesheet. A Vite plugin, so the change follows KaTeX's own CSS as it is updated; if
 * KaTeX ever writes its rules differently the build fails here rather than shipping the old
 * behaviour silently.
 */
import type { Plugin } from 'vite';

/** The stylesheet this plugin rewrites. */
export const KATEX_CSS = /[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css(\?.*)?$/;

/** Every @font-face rule (used only with replace, which resets a global pattern's position itself). */
const FONT_FACE = /@font-face\s*{[^}]*}/g;

/** One @font-face rule with swap for block and only its woff2 source; throws if it has no woff2 source. */
function rewriteFontFace(rule: string): string {
  const woff2 = rule.match(/url\([^)]*\.woff2\)\s*format\(["']woff2["']\)/);
  if (!woff2) throw new Error(`vite-katex-fonts: a KaTeX @font-face rule without a woff2 source: ${rule.slice(0, 120)}`);
  const swapped = /font-display\s*:/.test(rule) ? rule.replace(/font-display\s*:\s*[a-z]+/, 'font-display:swap') : rule.replace('{', '{font-display:swap;');
  return swapped.replace(/src\s*:[^;}]*/, `src:${woff2[0]}`);
}

/** KaTeX's CSS text with every @font-face rule rewritten; throws if there is none. */
export function rewriteKatexCss(css: string): string {
  if (!css.includes('@font-face')) throw new Error('vite-katex-fonts: no @font-face rule found in KaTeX\'s CSS');
  return css.replace(FONT_FACE, rewriteFontFace);
}

/** Vite's inlining rule for an asset: never a font, the default for everything else. */
export function inlineAsset(file: string): false | undefined {
  return /\.(woff2?|ttf|otf)$/.test(file) ? false : undefined;
}

/** The Vite plugin: runs before Vite's own CSS handling, so the dropped font files are never emitted. */
export default function katexFonts(): Plugin {
  return {
    name: 'al-katex-fonts',
    enforce: 'pre',
    config: () => ({ build: { assetsInlineLimit: inlineAsset } }),
    transform(code, id) {
      return KATEX_CSS.test(id) ? { code: rewriteKatexCss(code), map: null } : undefined;
    },
  };
}
