import { describe, expect, test } from 'vitest';
import { cellsOf, lessonFiles, run } from './lesson-cells-harness.ts';

// Every ```ts cell in every lesson, run in Node by the same executeCell the page's worker uses,
// so lesson code and the library stay in step: a plain cell runs without error and shows
// something; a graded cell's starter code runs but FAILS its check (there is something left to
// do), and its ```ts solution PASSES it. The numbers the prose states about these runs are
// pinned in lesson-01-cells and lesson-09-cells; the entries checked here are the cells' own.

const all = lessonFiles.flatMap(cellsOf);
const plain = all.filter((cell) => cell.check === undefined);
const graded = all.filter((cell) => cell.check !== undefined);

describe('every plain cell runs without error and shows something', () => {
  test.runIf(plain.length > 0).each(plain.map((cell) => [`${cell.file} #${cell.id} (line ${cell.line})`, cell] as const))('%s', async (_, cell) => {
    const { error, output } = await run(cell.code);
    expect(error).toBeUndefined();
    expect(output.length).toBeGreaterThan(0);
    expect(output.filter((entry) => entry.kind === 'console' && entry.level !== 'log')).toEqual([]);
    expect(cell.solution, 'only graded cells have a solution').toBeUndefined();
  }, 30_000);
});

describe("every graded cell: the lesson's code fails its check, the solution passes it", () => {
  test.runIf(graded.length > 0).each(graded.map((cell) => [`${cell.file} #${cell.id} check=${cell.check}`, cell] as const))('%s', async (_, cell) => {
    const starter = await run(cell.code, cell.check);
    expect(starter.error, 'the starter code runs').toBeUndefined();
    expect(starter.checks?.length).toBeGreaterThan(0);
    expect(starter.checks?.some((result) => !result.passed), 'the starter code leaves something to do').toBe(true);

    expect(cell.solution, 'a graded cell has a solution').toBeDefined();
    const solved = await run(cell.solution!, cell.check);
    expect(solved.error).toBeUndefined();
    expect(solved.checks?.filter((result) => !result.passed)).toEqual([]);
  }, 30_000);
});

describe('lessons 1 and 9 are made of cells', () => {
  test.each(['01-why-activation-functions.mdx', '09-lab-two-moons.mdx'])('%s has at least two plain cells and a graded one', (file) => {
    const cells = cellsOf(file);
    expect(cells.filter((cell) => cell.check === undefined).length).toBeGreaterThanOrEqual(2);
    expect(cells.filter((cell) => cell.check !== undefined).length).toBeGreaterThanOrEqual(1);
  });
});

