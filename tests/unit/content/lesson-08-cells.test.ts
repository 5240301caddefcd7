import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cellOf, cellsOf, run } from './lesson-cells-harness.ts';

// Lesson 8's code cells run as a reader's Run runs them: the plain cell's table gives the
// numbers the prose states, the graded cell's solution passes and its starter fails. Every cell
// also runs in lesson-cells.test.ts; the check is unit-tested in cells/checks/output-gradients.test.ts.

const LESSON = '08-pairing-activations-and-losses.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

describe('lesson 8, its cells', () => {
  test('one plain cell and one graded one, output-gradients', () => {
    const cells = cellsOf(LESSON);
    expect(cells.filter((cell) => cell.check === undefined).map((cell) => cell.id)).toEqual(['softmax-mse-gradient']);
    expect(cells.filter((cell) => cell.check !== undefined).map((cell) => cell.check)).toEqual(['output-gradients']);
  });

  test('"Softmax: cross-entropy against squared error" shows the worked example, the third class pushed up', async () => {
    const { error, output } = await run(cellOf(LESSON, 'softmax-mse-gradient').code);
    expect(error).toBeUndefined();
    const table = output.find((entry) => entry.kind === 'table');
    if (!table || table.kind !== 'table') throw new Error('no table');
    const column = (name: string) => table.rows.map((row) => Number(row[table.columns.indexOf(name)]).toFixed(3));
    expect(column('crossEntropy')).toEqual(['0.844', '-0.886', '0.042']);
    expect(column('squaredError')).toEqual(['0.195', '-0.171', '-0.024']);
    stated('its third component has the wrong sign');
  });

  test('the solution passes all three parts, the starter fails', async () => {
    const cell = cellOf(LESSON, 'output-gradients');
    const solved = await run(cell.solution ?? '', 'output-gradients');
    expect(solved.error).toBeUndefined();
    expect((solved.checks ?? []).map((check) => check.passed)).toEqual([true, true, true]);
    const starter = await run(cell.code, 'output-gradients');
    expect(starter.checks?.[0]).toMatchObject({ passed: false });
    expect(starter.checks?.[0].message).toContain('your code still returns 0');
    stated('compares each with a finite difference of the loss');
  });
});
