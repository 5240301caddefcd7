import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import katexFonts, { KATEX_CSS, inlineAsset, rewriteKatexCss } from '../../../src/build/vite-katex-fonts.ts';

const katexCss = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const fontFaces = (css: string) => css.match(/@font-face\s*{[^}]*}/g) ?? [];

test("every one of KaTeX's own @font-face rules swaps and names only its woff2 file", () => {
  const before = fontFaces(katexCss);
  expect(before.length).toBeGreaterThan(10);
  expect(before.every((rule) => rule.includes('font-display:block'))).toBe(true);
  const after = fontFaces(rewriteKatexCss(katexCss));
  expect(after).toHaveLength(before.length);
  for (const rule of after) {
    expect(rule).toContain('font-display:swap');
    expect(rule).not.toContain('font-display:block');
    expect(rule.match(/url\(/g)).toHaveLength(1);
    expect(rule).toMatch(/src:url\(fonts\/KaTeX_[\w-]+\.woff2\) format\("woff2"\)/);
  }
  // The rest of the stylesheet is untouched.
  expect(rewriteKatexCss(katexCss).replace(/@font-face\s*{[^}]*}/g, '')).toBe(katexCss.replace(/@font-face\s*{[^}]*}/g, ''));
});

test('a rule without font-display gets swap; a rule without a woff2 source, or a stylesheet without fonts, fails the build', () => {
  expect(rewriteKatexCss('@font-face{font-family:X;src:url(x.woff2) format("woff2"),url(x.ttf) format("truetype")}')).toBe('@font-face{font-display:swap;font-family:X;src:url(x.woff2) format("woff2")}');
  expect(() => rewriteKatexCss('@font-face{font-family:X;src:url(x.ttf) format("truetype")}')).toThrow(/without a woff2 source/);
  expect(() => rewriteKatexCss('.katex{color:red}')).toThrow(/no @font-face/);
});

test('the plugin rewrites only KaTeX\'s stylesheet, Windows paths and queries included', () => {
  type Hook = (this: unknown, code: string, id: string) => { code: string } | undefined;
  const transform = katexFonts().transform as Hook;
  expect(KATEX_CSS.test('C:\\site\\node_modules\\katex\\dist\\katex.min.css')).toBe(true);
  expect(transform.call({}, katexCss, '/site/node_modules/katex/dist/katex.min.css?direct')?.code).toContain('font-display:swap');
  expect(transform.call({}, '@font-face{font-display:block}', '/site/src/styles/base.css')).toBeUndefined();
});

test('fonts are never inlined into a stylesheet; other assets keep Vite\'s rule', () => {
  expect(inlineAsset('/site/node_modules/katex/dist/fonts/KaTeX_Size3-Regular.woff2')).toBe(false);
  expect(inlineAsset('/site/public/favicon.svg')).toBeUndefined();
});
