import type { Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * Turns KaTeX's soft errors into a failed build.
 *
 * rehype-katex reports a formula it cannot parse as a message on the file and renders it as
 * red `.katex-error` text, which would ship a broken lesson. Placed after rehype-katex, this
 * plugin throws instead, naming the file, the line and the formula, so the author fixes it.
 */
export default function rehypeFailOnMathErrors() {
  return (_tree: Root, file: VFile) => {
    const problems = file.messages.filter((message) => message.source === 'rehype-katex');
    if (problems.length === 0) return;
    const lines = problems.map((message) => {
      const formula = textOf(message.ancestors?.at(-1));
      const where = `${file.path}:${message.line ?? '?'}`;
      return `${where}: KaTeX cannot typeset $${formula}$: ${message.cause instanceof Error ? message.cause.message : message.reason}`;
    });
    throw new Error(`Formula errors:\n${lines.join('\n')}`);
  };
}

interface TextNode {
  value?: unknown;
  children?: unknown[];
}

function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { value, children } = node as TextNode;
  if (typeof value === 'string') return value;
  return Array.isArray(children) ? children.map(textOf).join('') : '';
}
