import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { zeroOneJumps, dataOf } from '../../../src/widgets/loss-descent/model.ts';
import { makeLineData } from '../../../src/widgets/loss-descent/classifier.ts';
import { SCHEMA } from '../../../src/widgets/loss-descent/state.ts';
import { cellOf, run, tableNumbers } from './lesson-cells-harness.ts';

// What lesson 5's prose says about its cells "The staircase, and its slope", "Rosenblatt's rule,
// run until it stops" and "Four losses against the margin", read back from each cell's own run;
// the cells rebuild the widget's data by hand, so they are also checked against the widget's
// model. lesson-cells.test.ts runs every cell, and the graded one against its check.

const LESSON = '05-what-a-loss-measures.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');
/** Asserts the lesson says `text`, word for word. */
const says = (text: string) => expect(source, `the lesson says "${text}"`).toContain(text);

describe('lesson 5, cell "The staircase, and its slope"', () => {
  test('19 jumps, the first at −2.400, the same as the widget’s; slopes 0 at w = −2, 0 and 1 (loss 0.9, 0.5, 0.2), −25,000 at the eleventh jump, w ≈ 0.606', async () => {
    const { error, output } = await run(cellOf(LESSON, 'staircase').code);
    expect(error).toBeUndefined();
    const text = output.find((entry) => entry.kind === 'text');
    expect(text).toMatchObject({ text: '19 jumps between w = -5 and 5, the first at -2.400' });
    const jumps = zeroOneJumps(dataOf(defaultState(SCHEMA)), 1, -5, 5);
    expect(jumps).toHaveLength(19);
    const rows = tableNumbers(output, 0).map((row) => row.slice(1));
    expect(rows.slice(0, 3)).toEqual([[-2, 0.9, 0], [0, 0.5, 0], [1, 0.2, 0]]);
    const [w, , slope] = rows[3];
    expect(w).toBeCloseTo(jumps[10], 5);
    expect(jumps[10].toFixed(3)).toBe('0.606');
    expect(slope).toBeCloseTo(-25000, 3);
    expect(-0.05 / 2e-6).toBeCloseTo(-25000, 6);
    expect(output.some((entry) => entry.kind === 'plot')).toBe(true);
    says('At $w = -2$, 0 and 1 the slope is 0: the loss is 0.9, 0.5 and 0.2 there');
    says('At the eleventh jump, $w \\approx 0.606$, it reads −25,000');
    says('the jump of $-0.05$ divided by $2h = 2 \\times 10^{-6}$');
  });
});

describe('lesson 5, cell "Rosenblatt\'s rule, run until it stops"', () => {
  test('the cell’s data is the widget’s, point for point, at 60 points (and so at 20, its first 20)', async () => {
    const cell = cellOf(LESSON, 'perceptron-rule').code;
    expect(cell).toContain('table([perceptron(20, 100), perceptron(60, 100)]);');
    const code = cell.replace('table([perceptron(20, 100), perceptron(60, 100)]);', 'table(lineData(60, 1));');
    const { error, output } = await run(code);
    expect(error).toBeUndefined();
    const widget = makeLineData(60, 1);
    tableNumbers(output, 0).forEach(([, x, y], i) => {
      expect(x).toBeCloseTo(widget.x[i], 5);
      expect(y).toBe(widget.labels[i] === 1 ? 1 : -1);
    });
  });

  test('20 points: 4 epochs, 5 updates, w = 1.48, b = 1, boundary −0.675; 60 points: 100 epochs, 400 updates, never fewer than 4 mistakes a pass', async () => {
    const { error, output } = await run(cellOf(LESSON, 'perceptron-rule').code);
    expect(error).toBeUndefined();
    const [twenty, sixty] = tableNumbers(output, 0).map((row) => row.slice(1));
    const [points, epochs, updates, w, b, boundary, fewest, last] = twenty;
    expect([points, epochs, updates, b, fewest, last]).toEqual([20, 4, 5, 1, 0, 0]);
    expect(w.toFixed(2)).toBe('1.48');
    expect(boundary.toFixed(3)).toBe('-0.675');
    expect(sixty.slice(0, 3)).toEqual([60, 100, 400]);
    expect(sixty[6]).toBe(4);
    expect(sixty[7]).toBeGreaterThanOrEqual(4);
    // 400 updates in 100 passes, none with fewer than 4: exactly 4 in every pass.
    expect(sixty[2]).toBe(4 * sixty[1]);
    says('the rule makes 5 updates in three epochs, and the fourth pass finds no mistake');
    says('it stops at $w = 1.48$, $b = 1$, a boundary at $x = -0.675$');
    says('after 100 epochs and 400 updates it is still making 4 mistakes in every pass');
  });
});

describe('lesson 5, cell "Four losses against the margin"', () => {
  test('smallest gaps: perceptron −1, hinge 0, logistic in nats −0.307 (1 − ln 2), logistic in bits 0', async () => {
    const { error, output } = await run(cellOf(LESSON, 'surrogates').code);
    expect(error).toBeUndefined();
    const gaps = tableNumbers(output, 0).map((row) => row[2]);
    expect(gaps[0]).toBe(-1);
    expect(gaps[1]).toBe(0);
    expect(gaps[2]).toBeCloseTo(Math.LN2 - 1, 5);
    expect(gaps[3]).toBeCloseTo(0, 12);
    expect(output.some((entry) => entry.kind === 'plot')).toBe(true);
  });
});
