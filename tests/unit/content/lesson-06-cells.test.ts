import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loss } from '../../../src/lib/index.ts';
import { cellOf, cellsOf, run, tableNumbers } from './lesson-cells-harness.ts';

// The numbers lesson 6 states about its code cells, read back from the cells' own runs (the
// tables parsed as the reader sees them), and the self-checks' arithmetic. Every cell also runs
// in lesson-cells.test.ts; the graded one's check is unit-tested in cells/checks/huber.test.ts.

const LESSON = '06-regression-losses.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

/** The first table of a run of `code`, as numbers (column 0 is the row index the table shows). */
async function firstTable(code: string): Promise<number[][]> {
  const { error, output } = await run(code);
  expect(error).toBeUndefined();
  return tableNumbers(output, 0);
}

describe('lesson 6, cell "One outlier, three gradients"', () => {
  test('values 12.932, 1.92, 1.566; the outlier pulls −3.2, −0.2, −0.2, its share 83%, 20%, 38%', async () => {
    const rows = await firstTable(cellOf(LESSON, 'one-outlier').code);
    expect(rows.map((row) => row[2])).toEqual([12.932, 1.92, 1.566]);
    expect(rows.map((row) => row[4])).toEqual([-3.2, -0.2, -0.2]);
    expect(rows.map((row) => Math.round(100 * row[5]))).toEqual([83, 20, 38]);
    stated('$2 \\cdot (-8)/5 = -3.2$, and it supplies 83%');
    stated('$-\\delta/5 = -0.2$, 38%');
    stated('$-1/5 = -0.2$, the same as every other point');
  });

  test('the residuals, prediction minus target, are −0.5, 0.4, −0.4, 0.3 and −8', () => {
    const code = cellOf(LESSON, 'one-outlier').code;
    const numbers = (name: string) => JSON.parse(code.match(new RegExp(`const ${name} = (\\[[^\\]]*\\])`))![1]) as number[];
    const residuals = numbers('predictions').map((p, i) => Number((p - numbers('targets')[i]).toFixed(10)));
    expect(residuals).toEqual([-0.5, 0.4, -0.4, 0.3, -8]);
    stated('The residuals are $-0.5$, $0.4$, $-0.4$, $0.3$ and $-8$');
  });

  test("a target of 103: MSE's pull on it grows to −39.2; MAE's and Huber's stay at −0.2", async () => {
    const code = cellOf(LESSON, 'one-outlier').code.replace('3.7, 13]', '3.7, 103]');
    expect(code).not.toBe(cellOf(LESSON, 'one-outlier').code);
    const rows = await firstTable(code);
    expect(rows.map((row) => row[4])).toEqual([-39.2, -0.2, -0.2]);
    stated("MSE's pull on that one prediction grows to $-39.2$; MAE's and Huber's stay at $-0.2$");
  });
});

describe('lesson 6, cell "The best constant, and δ’s units"', () => {
  test('mean 21.43, median 15, Huber δ = 1 min 15.33, δ = 10 min 16.67; in hours δ = 1 gives 21.43, δ = 1/60 gives 15.33', async () => {
    const rows = await firstTable(cellOf(LESSON, 'best-constant').code);
    expect(rows.map((row) => row[3].toFixed(2))).toEqual(['21.43', '15.00', '15.33', '16.67', '21.43', '15.33']);
    stated('The mean is 21.43 minutes');
    stated('the median is 15');
    stated('Huber with $\\delta = 1$ minute gives 15.33, close to the median, and with $\\delta = 10$ minutes 16.67');
    stated('Huber returns the mean, 21.43 minutes');
  });

  test('the exercise: the mean is 150/7, the farthest target 38.57 from it, and δ = 40 gives the mean', async () => {
    const minutes = [12, 14, 15, 15, 16, 18, 60];
    const mean = minutes.reduce((a, b) => a + b, 0) / minutes.length;
    expect(mean).toBeCloseTo(150 / 7, 12);
    expect((60 - mean).toFixed(2)).toBe('38.57');
    const code = cellOf(LESSON, 'best-constant').code.replace("bestConstant(minutes, 'huber', 10)", "bestConstant(minutes, 'huber', 40)");
    const rows = await firstTable(code);
    expect(rows[3][3].toFixed(2)).toBe('21.43');
    expect(60 - mean).toBeCloseTo(270 / 7, 12);
    stated('every $\\delta$ of at least $270/7 \\approx 38.57$');
    stated('($\\delta = 40$ gives 21.43)');
  });

  test('the exercise: for 3.6 ≤ δ ≤ 270/7 the constant is (90 + δ)/6, where Huber’s slope sums to 0; not below 3.6', () => {
    const minutes = [12, 14, 15, 15, 16, 18, 60];
    const slopeSum = (c: number, delta: number) => minutes.reduce((sum, y) => sum + Math.min(delta, Math.max(-delta, c - y)), 0);
    for (const delta of [3.6, 5, 10, 20, 38, 270 / 7]) expect(slopeSum((90 + delta) / 6, delta)).toBeCloseTo(0, 12);
    expect(Math.abs(slopeSum((90 + 3.5) / 6, 3.5))).toBeGreaterThan(0.01);
    expect(((90 + 10) / 6).toFixed(2)).toBe('16.67');
    stated('For $3.6 \\le \\delta \\le 270/7$ only the 60-minute delivery is outside the band at the minimum, so $6c - 90 - \\delta = 0$ and $c = (90 + \\delta)/6$: 16.67 at $\\delta = 10$');
  });
});

describe('lesson 6, cell "SmoothL1 is Huber divided by β"', () => {
  test('huber / beta equals SmoothL1 in every row; at r = −4: 3.75 and 3, Huber 1.875 and 6', async () => {
    const rows = await firstTable(cellOf(LESSON, 'smooth-l1').code);
    expect(rows).toHaveLength(9);
    for (const [, , , huber, smooth, ratio] of rows) {
      expect(ratio).toBeCloseTo(smooth, 5);
      expect(huber).toBeGreaterThanOrEqual(0);
    }
    const atMinusFour = rows.filter((row) => row[2] === -4);
    expect(atMinusFour.map((row) => [row[1], row[3], row[4]])).toEqual([[0.5, 1.875, 3.75], [1, 3.5, 3.5], [2, 6, 3]]);
    stated('At $r = -4$ SmoothL1 gives 3.75 for $\\beta = 0.5$ and 3 for $\\beta = 2$');
    stated('Huber gives 1.875 and 6');
  });
});

describe('lesson 6, the graded cell and the self-checks', () => {
  test('the lesson has three plain cells and one graded one', () => {
    const cells = cellsOf(LESSON);
    expect(cells.filter((cell) => cell.check === undefined).map((cell) => cell.id)).toEqual(['one-outlier', 'best-constant', 'smooth-l1']);
    expect(cells.filter((cell) => cell.check !== undefined).map((cell) => cell.check)).toEqual(['huber']);
  });

  test('the solution passes the huber check, and the starter fails it', async () => {
    const cell = cellOf(LESSON, 'huber');
    expect(cell.check).toBe('huber');
    expect((await run(cell.solution ?? '', 'huber')).checks?.every((check) => check.passed)).toBe(true);
    expect((await run(cell.code, 'huber')).checks?.some((check) => !check.passed)).toBe(true);
    stated('first at 14 cases');
    const names = ((await run(cell.solution ?? '', 'huber')).checks ?? []).map((check) => check.name).join(' | ');
    expect(names).toContain('at 14 simple cases');
    expect(names).toContain('at 1,000 random residuals in [−10, 10], delta in [0.1, 5]');
    expect(readFileSync(new URL('../../../src/cells/checks/huber.ts', import.meta.url), 'utf8')).toContain('const TOLERANCE = 1e-9;');
    stated('then at 1,000 seeded random residuals in $[-10, 10]$ with $\\delta$ between 0.1 and 5, to within $10^{-9}$');
  });

  test('MSE of misses 1, −2, 3 is 14/3 ≈ 4.667, RMSE 2.160, MAE 2; Huber of −3 at δ = 1 is 2.5', () => {
    expect(loss('mse').value([0, 0, 0], [1, -2, 3]).toFixed(3)).toBe('4.667');
    expect(Math.sqrt(loss('mse').value([0, 0, 0], [1, -2, 3])).toFixed(3)).toBe('2.160');
    expect(loss('mae').value([0, 0, 0], [1, -2, 3])).toBe(2);
    expect(loss('huber', { delta: 1 }).value([0], [-3])).toBe(2.5);
    expect([loss('mse').value([0], [-3]), loss('huber', { delta: 1 }).grad([0], [-3])[0]]).toEqual([9, -1]);
    stated("MSE’s per-sample loss would be 9, and the slope there is $-\\delta = -1$");
    stated('answer={4.667}');
    stated('answer={2.5}');
  });

  test('MAE at n = 40: a miss of 0.1 and one of 100 both give −0.025 (MSE: −0.005 and −5)', () => {
    const targets = [0.1, 100, ...Array(38).fill(0)];
    const predictions = Array(40).fill(0);
    const gradient = loss('mae').grad(targets, predictions);
    expect([gradient[0], gradient[1]]).toEqual([-0.025, -0.025]);
    const squared = loss('mse').grad(targets, predictions);
    expect([squared[0], squared[1]].map((v) => Number(v.toPrecision(6)))).toEqual([-0.005, -5]);
    stated('They are equal, $-0.025$ each');
    stated('so $-0.005$ and $-5$');
  });

  test('tails at 10 standard deviations: Gaussian e^-50 of its peak, Laplace (sd √2·s) e^-10√2 ≈ e^-14', () => {
    // Gaussian density relative to its peak at 10σ, and Laplace's at 10 standard deviations, 10·√2·s.
    expect(-(10 ** 2) / 2).toBe(-50);
    expect(Math.round(10 * Math.SQRT2)).toBe(14);
    stated('a miss of 10 noise widths essentially impossible (the density there is $e^{-50}$ times its value at 0)');
    stated('at 10 of them it is $e^{-10\\sqrt2} \\approx e^{-14}$ times its peak');
  });
});
