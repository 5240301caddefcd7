import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { JSDOM } from 'jsdom';
import remarkMath from 'remark-math';
import remarkCodeCells, { parseCellOptions } from '../../../src/build/remark-code-cells.ts';
import { CHECK_NAMES } from '../../../src/cells/checks/names.ts';

// The same remark plugins, in the same order, and the same Shiki themes as astro.config.mjs.
const processor = await createMarkdownProcessor({
  remarkPlugins: [remarkMath, remarkCodeCells],
  shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false },
});
const render = async (markdown: string) =>
  (await processor.render(markdown, { fileURL: new URL('file:///course/content/lessons/07-example.mdx') })).code;
const parse = (html: string) => new JSDOM(`<body>${html}</body>`).window.document;
const fence = (meta: string, code: string, language = 'ts') => `\`\`\`${language} ${meta}\n${code}\n\`\`\``;
const renderError = (markdown: string) => render(markdown).then(() => undefined, (reason: unknown) => String(reason));

const source = [
  "import { activation } from 'course';",
  '',
  'const values: number[] = [1, 2 < 3 ? 4 : 5];',
  "show(`a & b <tag> ${'quoted \"x\"'}`);   // trailing spaces kept  ",
  '\ttabbed();',
].join('\n');

describe('a cell fence', () => {
  test('becomes <al-code-cell> with its options as attributes and Shiki-highlighted code inside', async () => {
    const document = parse(await render(fence('cell id=collapse title="Two linear layers are one" limit=5', source)));
    const cell = document.querySelector('al-code-cell');
    expect(cell).not.toBeNull();
    expect(cell?.id).toBe('cell-collapse');
    expect(cell?.getAttribute('data-cell-id')).toBe('collapse');
    expect(cell?.getAttribute('data-lesson')).toBe('07-example');
    expect(cell?.getAttribute('data-limit')).toBe('5');
    expect(cell?.getAttribute('data-title')).toBe('Two linear layers are one');
    expect(cell?.hasAttribute('data-check')).toBe(false);
    expect(cell?.querySelector(':scope > p.cell-title')?.textContent).toBe('Two linear layers are one');
    const pre = cell?.querySelector(':scope > pre');
    expect(pre?.classList.contains('astro-code')).toBe(true);
    expect(pre?.querySelectorAll('span[style*="--shiki-light"]').length).toBeGreaterThan(5);
    expect(cell?.querySelector('details')).toBeNull();
  });

  test("the highlighted code's textContent is the source, character for character", async () => {
    const document = parse(await render(fence('cell id=exact', source)));
    expect(document.querySelector('al-code-cell > pre')?.textContent).toBe(source);
  });

  test('without options beyond the id: limit 3, no title, no check', async () => {
    const document = parse(await render(fence('cell id=plain', 'show(1);')));
    const cell = document.querySelector('al-code-cell');
    expect(cell?.getAttribute('data-limit')).toBe('3');
    expect(cell?.hasAttribute('data-title')).toBe(false);
    expect(cell?.querySelector('.cell-title')).toBeNull();
  });

  test('with check= and a solution right after: the solution is inside the cell, behind a summary', async () => {
    const markdown = `Before.\n\n${fence('cell id=leaky check=leaky-relu title="Write Leaky ReLU"', 'export const x = 0;')}\n\n${fence('solution', 'export const x = 1;')}\n\nAfter.`;
    const document = parse(await render(markdown));
    const cell = document.querySelector('al-code-cell');
    expect(cell?.getAttribute('data-check')).toBe('leaky-relu');
    const details = cell?.querySelector(':scope > details.cell-solution');
    expect(details?.querySelector('summary')?.textContent).toBe('Show a solution');
    expect(details?.querySelector('pre.astro-code')?.textContent).toBe('export const x = 1;');
    expect(cell?.querySelector(':scope > pre')?.textContent).toBe('export const x = 0;');
    expect(document.querySelectorAll('pre').length).toBe(2);
    expect(document.body.textContent).toContain('After.');
  });

  test('inside a list item or a blockquote too; plain fences stay plain', async () => {
    const markdown = `- item\n\n  ${fence('cell id=in-list', 'show(2);').replaceAll('\n', '\n  ')}\n\n> ${fence('cell id=quoted', 'show(3);').replaceAll('\n', '\n> ')}\n\n${fence('', 'plain();')}`;
    const document = parse(await render(markdown));
    expect([...document.querySelectorAll('al-code-cell')].map((cell) => cell.id)).toEqual(['cell-in-list', 'cell-quoted']);
    expect(document.querySelectorAll('pre').length).toBe(3);
  });
});

describe('a mistake in a cell fence fails the build, naming the file and the line', () => {
  // Astro's processor also logs the error it rethrows; the assertions below read the error itself.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  const where = (line: number) => `/course/content/lessons/07-example.mdx:${line}:`;

  test('an unknown option', async () => {
    const error = await renderError(`Text.\n\n${fence('cell id=a colour=red', 'x')}`);
    expect(error).toContain(`${where(3)} unknown option "colour"`);
  });

  test('a stray word', async () => {
    expect(await renderError(fence('cell id=a quick', 'x'))).toContain(`${where(1)} unknown option "quick"`);
  });

  test('a missing id', async () => {
    expect(await renderError(fence('cell title="No id"', 'x'))).toContain(`${where(1)} a cell needs an id`);
  });

  test('a badly formed id', async () => {
    expect(await renderError(fence('cell id=Big_One', 'x'))).toContain(`${where(1)} cell id "Big_One" must be lowercase`);
  });

  test('a duplicate id, with the line of its first use', async () => {
    const error = await renderError(`${fence('cell id=twice', 'x')}\n\n${fence('cell id=twice', 'y')}`);
    expect(error).toContain(`${where(5)} duplicate cell id "twice" (first used on line 1)`);
  });

  test.each(['0.4', '31', 'ten', '-1', '2s'])('a bad limit (%s)', async (limit) => {
    expect(await renderError(fence(`cell id=a limit=${limit}`, 'x'))).toContain(
      `${where(1)} limit=${limit} must be a number of seconds from 0.5 to 30`,
    );
  });

  test('an unknown check, listing the known ones', async () => {
    expect(await renderError(fence('cell id=a check=nope', 'x'))).toContain(`${where(1)} unknown check "nope" (known: leaky-relu`);
  });

  test('an orphan solution: alone, after a cell without check=, or not directly after the cell', async () => {
    expect(await renderError(fence('solution', 'x'))).toContain(`${where(1)} a \`\`\`ts solution fence must directly follow`);
    const afterUnchecked = await renderError(`${fence('cell id=a', 'x')}\n\n${fence('solution', 'y')}`);
    expect(afterUnchecked).toContain(`${where(5)} a \`\`\`ts solution fence must directly follow`);
    const notDirect = await renderError(`${fence('cell id=a check=leaky-relu', 'x')}\n\nWords between.\n\n${fence('solution', 'y')}`);
    expect(notDirect).toContain(`${where(7)} a \`\`\`ts solution fence must directly follow`);
  });

  test('a second solution for one cell', async () => {
    const markdown = `${fence('cell id=a check=leaky-relu', 'x')}\n\n${fence('solution', 'y')}\n\n${fence('solution', 'z')}`;
    expect(await renderError(markdown)).toContain(`${where(9)} this cell already has a solution`);
  });

  test('a cell in another language', async () => {
    expect(await renderError(fence('cell id=a', 'x', 'py'))).toContain(`${where(1)} code cells run TypeScript`);
  });

  test('an unclosed quote', async () => {
    expect(await renderError(fence('cell id=a title="open', 'x'))).toContain(`${where(1)} cannot read the cell fence's option title="open: a quote is not closed`);
  });

  test('every mistake in the file is listed at once', async () => {
    const error = await renderError(`${fence('cell id=a limit=99', 'x')}\n\n${fence('cell check=nope', 'y')}`);
    expect(error).toContain(where(1));
    expect(error).toContain(`${where(5)} a cell needs an id`);
    expect(error).toContain(`${where(5)} unknown check "nope"`);
  });
});

describe('parseCellOptions', () => {
  const parseAll = (meta: string) => {
    const problems: string[] = [];
    return { options: parseCellOptions(meta, (what) => problems.push(what)), problems };
  };

  test('reads bare, double- and single-quoted values; keeps = and spaces inside quotes', () => {
    expect(parseAll(`cell id=x-1 title="a = b, c" limit=0.5 check=leaky-relu`)).toEqual({
      options: { id: 'x-1', title: 'a = b, c', limit: 0.5, check: 'leaky-relu' },
      problems: [],
    });
    expect(parseAll(`cell title='It\u2019s "quoted"' id=y limit=30`).options).toEqual({ id: 'y', title: 'It\u2019s "quoted"', limit: 30 });
  });

  test('an option given twice and an empty title are mistakes', () => {
    expect(parseAll('cell id=a id=b').problems).toEqual(['option "id" is given twice']);
    expect(parseAll('cell id=a title=""').problems[0]).toContain('title="" is empty');
  });

  test('CHECK_NAMES holds the sample check', () => {
    expect(CHECK_NAMES).toContain('leaky-relu');
  });
});
