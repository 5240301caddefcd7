import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeFailOnMathErrors from '../../../src/build/rehype-fail-on-math-errors.ts';

// The same plugins, in the same order, as astro.config.mjs gives the lessons.
const processor = await createMarkdownProcessor({
  remarkPlugins: [remarkMath],
  rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeFailOnMathErrors],
  syntaxHighlight: false,
});
const render = (markdown: string) => processor.render(markdown, { fileURL: new URL('file:///course/content/lessons/99-example.mdx') });

describe('a formula KaTeX cannot typeset', () => {
  // Astro's processor also logs the error it rethrows; the assertions below read the error itself.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  test('fails the build, naming the file, the line and the formula', async () => {
    await expect(render('Fine: $x^2$.\n\nBroken: $\\frac{1}{$ here.')).rejects.toThrow(
      '99-example.mdx:3: KaTeX cannot typeset $\\frac{1}{$',
    );
  });

  test('in display maths too, and every bad formula is listed', async () => {
    const error = await render('$$\n\\sqrt{x\n$$\n\nand $\\notacommand$').catch((reason: Error) => reason);
    expect(String(error)).toContain('KaTeX cannot typeset $\\sqrt{x$');
    expect(String(error)).toContain('KaTeX cannot typeset $\\notacommand$');
  });

  test('good formulas render as KaTeX, with no error marker', async () => {
    const { code } = await render('Inline $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ and\n\n$$\n\\sqrt{x^2 + 1}\n$$');
    expect(code).toContain('class="katex"');
    expect(code).toContain('katex-display');
    expect(code).not.toContain('katex-error');
  });
});
