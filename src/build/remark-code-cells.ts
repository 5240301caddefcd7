import type { Code, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { CHECK_NAMES } from '../cells/checks/names.ts';

/**
 * Turns a ```` ```ts cell id=NAME ```` fence into a runnable code cell, and a ```` ```ts solution ````
 * fence right after a graded cell into that cell's "Show a solution".
 *
 * The fence's `code` node is kept and wrapped (mdast-util-to-hast turns a node with `data.hName`
 * into that element), so Shiki still highlights it at the rehype stage and, without JavaScript,
 * the cell reads exactly as a plain fence. Every mistake in the file is collected and the build
 * fails once, naming the file, the line and what is wrong, as rehype-fail-on-math-errors does.
 */
export default function remarkCodeCells() {
  return (tree: Root, file: VFile) => {
    const problems: string[] = [];
    const lesson = lessonName(file.path);
    const seenIds = new Map<string, number>();
    transformChildren(tree, { lesson, seenIds, report: (line, what) => problems.push(`${file.path}:${line}: ${what}`) });
    if (problems.length > 0) throw new Error(`Code cell errors:\n${problems.join('\n')}`);
  };
}

/** What a cell's fence says, once its options are parsed and checked. */
export interface CellOptions {
  id: string;
  title?: string;
  limit: number;
  check?: string;
}

/** The time limit of a cell when its fence gives none, in seconds. */
export const DEFAULT_LIMIT = 3;
const LIMIT_RANGE = { min: 0.5, max: 30 } as const;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KNOWN_OPTIONS = new Set(['id', 'title', 'limit', 'check']);
const CELL_LANGUAGES = new Set(['ts', 'typescript']);

// Node types of our own: mdast-util-to-hast turns an unknown node with children into the element
// its `data.hName` names, and no other plugin mistakes them for a blockquote or a list.
const CELL_TYPE = 'codeCell';
const SOLUTION_TYPE = 'codeCellSolution';

interface CellNode {
  type: typeof CELL_TYPE;
  data: { hName: 'al-code-cell'; hProperties: Record<string, string> };
  children: RootContent[];
}

interface SolutionNode {
  type: typeof SOLUTION_TYPE;
  data: { hName: 'details'; hProperties: { className: string[] } };
  children: RootContent[];
}

/** A node's type as a plain string, so our own types compare without mdast's union objecting. */
function typeOf(node: { type: string } | undefined): string | undefined {
  return node?.type;
}

interface Context {
  lesson: string;
  seenIds: Map<string, number>;
  report: (line: number | string, what: string) => void;
}

/** `99-example` for `/any/where/99-example.mdx`. */
function lessonName(path: string | undefined): string {
  const base = (path ?? '').split(/[\\/]/).at(-1) ?? '';
  return base.replace(/\.[^.]*$/, '');
}

function firstWord(meta: string | null | undefined): string {
  return (meta ?? '').trim().split(/\s+/, 1)[0] ?? '';
}

function isCellFence(node: RootContent): node is Code {
  return node.type === 'code' && firstWord(node.meta) === 'cell';
}

function isSolutionFence(node: RootContent): node is Code {
  return node.type === 'code' && firstWord(node.meta) === 'solution';
}

function transformChildren(parent: Parent, context: Context): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    const previous = children.at(-1);
    if (isSolutionFence(child)) {
      const line = child.position?.start.line ?? '?';
      const cell = typeOf(previous) === CELL_TYPE ? (previous as unknown as CellNode) : undefined;
      if (!cell?.data.hProperties.dataCheck) {
        context.report(line, 'a ```ts solution fence must directly follow a ```ts cell fence that has check=NAME');
      } else if ((child.meta ?? '').trim() !== 'solution') {
        context.report(line, `a solution fence takes no options; found "${(child.meta ?? '').trim()}"`);
      } else if (cell.children.some((node) => typeOf(node) === SOLUTION_TYPE)) {
        context.report(line, 'this cell already has a solution');
      } else {
        cell.children.push(solutionNode(child) as unknown as RootContent);
      }
      continue;
    }
    if (isCellFence(child)) {
      children.push(cellNode(child, context) ?? child);
      continue;
    }
    if ('children' in child) transformChildren(child, context);
    children.push(child);
  }
  parent.children = children;
}

/** The cell element around the fence's code, or undefined (after reporting why) for a bad fence. */
function cellNode(code: Code, context: Context): RootContent | undefined {
  const line = code.position?.start.line ?? '?';
  if (!CELL_LANGUAGES.has(code.lang ?? '')) {
    context.report(line, `code cells run TypeScript: write \`\`\`ts cell, not \`\`\`${code.lang ?? ''} cell`);
    return undefined;
  }
  const options = parseCellOptions(code.meta ?? '', (what) => context.report(line, what));
  if (!options) return undefined;
  const firstLine = context.seenIds.get(options.id);
  if (firstLine !== undefined) {
    context.report(line, `duplicate cell id "${options.id}" (first used on line ${firstLine})`);
    return undefined;
  }
  context.seenIds.set(options.id, typeof line === 'number' ? line : 0);
  const properties: Record<string, string> = {
    id: `cell-${options.id}`,
    dataCellId: options.id,
    dataLesson: context.lesson,
    dataLimit: String(options.limit),
  };
  if (options.check) properties.dataCheck = options.check;
  if (options.title) properties.dataTitle = options.title;
  const children: RootContent[] = [];
  if (options.title) {
    children.push({
      type: 'paragraph',
      data: { hProperties: { className: ['cell-title'] } },
      children: [{ type: 'text', value: options.title }],
    });
  }
  // The options are the cell's, not Shiki's: a highlighter must not read `title=` or `limit=`.
  children.push({ ...code, meta: null });
  const cell: CellNode = { type: CELL_TYPE, data: { hName: 'al-code-cell', hProperties: properties }, children };
  return cell as unknown as RootContent;
}

function solutionNode(code: Code): SolutionNode {
  return {
    type: SOLUTION_TYPE,
    data: { hName: 'details', hProperties: { className: ['cell-solution'] } },
    children: [
      { type: 'paragraph', data: { hName: 'summary' }, children: [{ type: 'text', value: 'Show a solution' }] },
      { ...code, meta: null },
    ],
  };
}

/**
 * Parses `cell id=NAME title="..." limit=SECONDS check=NAME`; reports each mistake through
 * `report` and returns undefined if there was any.
 */
export function parseCellOptions(meta: string, report: (what: string) => void): CellOptions | undefined {
  const rest = meta.trim().replace(/^cell\b/, '');
  const values = new Map<string, string>();
  let failed = false;
  const fail = (what: string) => {
    failed = true;
    report(what);
  };
  const token = /\s*(?:([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))|(\S+))/gy;
  let readUpTo = 0;
  for (let match = token.exec(rest); match; match = token.exec(rest)) {
    readUpTo = token.lastIndex;
    const [, key, doubleQuoted, singleQuoted, bare, stray] = match;
    if (stray !== undefined && /["']/.test(stray)) {
      fail(`cannot read the cell fence's option ${stray}: a quote is not closed`);
      continue;
    }
    if (stray !== undefined || key === undefined) {
      fail(`unknown option "${stray}" in the cell fence (options: id=, title=, limit=, check=)`);
      continue;
    }
    if (!KNOWN_OPTIONS.has(key)) {
      fail(`unknown option "${key}" in the cell fence (options: id=, title=, limit=, check=)`);
      continue;
    }
    if (values.has(key)) fail(`option "${key}" is given twice`);
    values.set(key, doubleQuoted ?? singleQuoted ?? bare ?? '');
  }
  // A failed match resets lastIndex, so where reading stopped is kept apart (e.g. at an unclosed quote).
  const unread = rest.slice(readUpTo).trim();
  if (unread !== '') fail(`cannot read the cell fence's options from ${unread}`);
  const id = values.get('id');
  if (id === undefined) fail('a cell needs an id, e.g. ```ts cell id=first-try');
  else if (!ID_PATTERN.test(id)) fail(`cell id "${id}" must be lowercase letters, digits and single dashes`);
  const limitText = values.get('limit');
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (limitText !== undefined && !(/^\d+(\.\d+)?$/.test(limitText) && limit >= LIMIT_RANGE.min && limit <= LIMIT_RANGE.max)) {
    fail(`limit=${limitText} must be a number of seconds from ${LIMIT_RANGE.min} to ${LIMIT_RANGE.max}`);
  }
  const check = values.get('check');
  if (check !== undefined && !(CHECK_NAMES as readonly string[]).includes(check)) {
    fail(`unknown check "${check}" (known: ${CHECK_NAMES.join(', ')}; add new ones to src/cells/checks/names.ts)`);
  }
  const title = values.get('title');
  if (title !== undefined && title.trim() === '') fail('title="" is empty: leave it out or say what the cell does');
  if (failed || id === undefined) return undefined;
  return { id, limit, ...(title ? { title } : {}), ...(check ? { check } : {}) };
}
