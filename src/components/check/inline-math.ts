/**
 * Inline maths in a component prop: `$\sigma'(0)$` in question="..." or feedback="..." typeset
 * by KaTeX at build time, as remark-math does for lesson text (strict, so a bad formula fails
 * the build). Everything outside the dollars is escaped text.
 */
import katex from 'katex';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML for `text`, with each `$...$` typeset; `where` names the prop in a build error. */
export function renderInlineMath(text: string, where: string): string {
  return text
    .split(/(\$[^$]+\$)/)
    .map((part) => {
      if (part.length < 3 || !part.startsWith('$') || !part.endsWith('$')) return escapeHtml(part);
      try {
        return katex.renderToString(part.slice(1, -1), { strict: 'error', throwOnError: true });
      } catch (error) {
        throw new Error(`${where}: the formula ${part} does not typeset: ${(error as Error).message}`);
      }
    })
    .join('');
}
