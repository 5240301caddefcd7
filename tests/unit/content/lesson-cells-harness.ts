/**
 * The code cells of the lessons, read from their MDX as the remark plugin reads them, and a Run
 * in Node through the worker's own executeCell: shared by the content tests of the cells.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseCellOptions, type CellOptions } from '../../../src/build/remark-code-cells.ts';
import { executeCell } from '../../../src/cells/execute.ts';
import type { OutputEntry } from '../../../src/cells/protocol.ts';

/** One ```ts cell of a lesson: its fence options, where it is, its code and its solution. */
export interface LessonCell extends CellOptions {
  file: string;
  line: number;
  code: string;
  solution?: string;
}

const directory = new URL('../../../content/lessons/', import.meta.url);
/** Every lesson's MDX file name. */
export const lessonFiles = readdirSync(directory).filter((name) => name.endsWith('.mdx'));

/** The cells of one lesson, read from its fences as the remark plugin reads them (options by its own parser). */
export function cellsOf(file: string): LessonCell[] {
  const lines = readFileSync(new URL(file, directory), 'utf8').split('\n');
  const cells: LessonCell[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(?:ts|typescript) (cell\b.*|solution)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`${file}:${i + 1}: a fence that never closes`);
    const code = lines.slice(i + 1, end).join('\n');
    if (fence[1] === 'solution') {
      const owner = cells.at(-1);
      if (!owner || owner.solution !== undefined) throw new Error(`${file}:${i + 1}: a solution with no cell before it`);
      owner.solution = code;
    } else {
      const problems: string[] = [];
      const options = parseCellOptions(fence[1], (what) => problems.push(what));
      if (!options) throw new Error(`${file}:${i + 1}: ${problems.join('; ')}`);
      cells.push({ ...options, file, line: i + 1, code });
    }
    i = end;
  }
  return cells;
}

/** Runs code as a reader's Run does, collecting what it shows. */
export async function run(code: string, check?: string) {
  const output: OutputEntry[] = [];
  const result = await executeCell(code, { check, emit: (entry) => output.push(entry) });
  return { ...result, output };
}


/** The cell `id` of lesson `file`; throws if there is none, so a renamed cell fails its test loudly. */
export function cellOf(file: string, id: string): LessonCell {
  const cell = cellsOf(file).find((candidate) => candidate.id === id);
  if (!cell) throw new Error(`${file} has no cell with id=${id}`);
  return cell;
}

/** The rows of the `index`-th table a run showed, as numbers (the serialiser's text parsed back). */
export function tableNumbers(output: readonly OutputEntry[], index: number): number[][] {
  const tables = output.filter((entry) => entry.kind === 'table');
  const table = tables[index];
  if (!table) throw new Error(`the run showed ${tables.length} tables, not ${index + 1}`);
  return table.rows.map((row) => row.map(Number));
}
