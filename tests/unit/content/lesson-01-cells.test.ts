import { describe, expect, test } from 'vitest';
import { activation, createRandom } from '../../../src/lib/index.ts';
import { cellOf, run, tableNumbers } from './lesson-cells-harness.ts';

// What lesson 1's prose says about its code cells "Two linear layers are one" and "Which slope
// can a gradient follow?", computed here as the cells compute it (same seed, same helpers), so
// the text cannot drift from what a reader's Run shows. lesson-cells.test.ts runs the cells themselves.

type Matrix = number[][];
const matVec = (m: Matrix, v: number[]) => m.map((row) => row.reduce((sum, w, j) => sum + w * v[j], 0));
const matMul = (a: Matrix, b: Matrix) => a.map((row) => b[0].map((_, k) => row.reduce((sum, w, j) => sum + w * b[j][k], 0)));
const add = (u: number[], v: number[]) => u.map((value, i) => value + v[i]);

/** The cell's random network for a seed: 3 inputs, 4 hidden units, 2 outputs, and its input. */
function network(seed: number) {
  const random = createRandom(seed);
  const matrix = (rows: number, columns: number) => Array.from({ length: rows }, () => Array.from({ length: columns }, () => random.normal()));
  const vector = (size: number) => Array.from({ length: size }, () => random.normal());
  const W1 = matrix(4, 3), b1 = vector(4);
  const W2 = matrix(2, 4), b2 = vector(2);
  const x = vector(3);
  const hidden = add(matVec(W1, x), b1);
  const twoLayers = add(matVec(W2, hidden), b2);
  const oneLayer = add(matVec(matMul(W2, W1), x), add(matVec(W2, b1), b2));
  const relu = activation('relu');
  const withRelu = add(matVec(W2, hidden.map((z) => relu.f(z))), b2);
  return { hidden, twoLayers, oneLayer, withRelu };
}

const LESSON = '01-why-activation-functions.mdx';

describe('lesson 1, cell "Two linear layers are one"', () => {
  test('the cell itself shows W = (5), b = (2), two equal columns, a different ReLU column and a largest difference of rounding only', async () => {
    const { error, output } = await run(cellOf(LESSON, 'collapse').code);
    expect(error).toBeUndefined();
    expect(tableNumbers(output, 0)).toEqual([[0, 5]]);
    expect(tableNumbers(output, 1)).toEqual([[0, 2]]);
    for (const [, , two, one, relu] of tableNumbers(output, 2)) {
      expect(two).toBe(one);
      expect(relu).not.toBeCloseTo(two, 1);
    }
    const last = output.at(-1);
    expect(last?.kind).toBe('text');
    expect(Number(last?.kind === 'text' ? last.text : NaN)).toBeLessThan(1e-15 * 5);
  });

  test("the lesson's small example collapses to W = (5) and b = (2)", () => {
    expect(matMul([[3, 1]], [[2], [-1]])).toEqual([[5]]);
    expect(add(matVec([[3, 1]], [1, 3]), [-4])).toEqual([2]);
  });

  test('the three sizes at the top are the only place to change: other sizes give equal columns too, with as many rows as outputs', async () => {
    const code = cellOf(LESSON, 'collapse').code;
    const sizes = 'const inputs = 3, hiddenUnits = 4, outputs = 2;';
    expect(code).toContain(sizes);
    const { error, output } = await run(code.replace(sizes, 'const inputs = 5, hiddenUnits = 6, outputs = 3;'));
    expect(error).toBeUndefined();
    const rows = tableNumbers(output, 2);
    expect(rows).toHaveLength(3);
    for (const [, , two, one] of rows) expect(Math.abs(two - one)).toBeLessThan(1e-14);
  });

  test('"0, or a tiny number such as 4.4e-16 or 1.8e-15": the printed largest difference over seeds 0 to 59', () => {
    const printed = Array.from({ length: 60 }, (_, seed) => {
      const { twoLayers, oneLayer } = network(seed);
      return Math.max(...twoLayers.map((value, i) => Math.abs(value - oneLayer[i])));
    });
    expect(printed).toContain(0);
    const nonzero = printed.filter((value) => value > 0).map((value) => value.toExponential(1));
    expect(nonzero).toContain('4.4e-16');
    expect(nonzero).toContain('1.8e-15');
    expect(Math.min(...printed.filter((value) => value > 0))).toBeGreaterThanOrEqual(1.1e-16);
    expect(Math.max(...printed)).toBeLessThan(1.9e-15);
  });

  test('the largest difference is 0 or a few units in the sixteenth digit, whatever the seed', () => {
    const largest = (seed: number) => {
      const { twoLayers, oneLayer } = network(seed);
      return Math.max(...twoLayers.map((value, i) => Math.abs(value - oneLayer[i]) / Math.max(1, Math.abs(value))));
    };
    for (let seed = 0; seed <= 30; seed++) expect(largest(seed)).toBeLessThan(1e-15);
    expect(largest(1)).toBeGreaterThan(0);
  });

  test('with seed 0 the ReLU column is a different function (a hidden value is negative)', () => {
    const { hidden, twoLayers, withRelu } = network(0);
    expect(hidden.some((z) => z < 0)).toBe(true);
    expect(Math.max(...withRelu.map((value, i) => Math.abs(value - twoLayers[i])))).toBeGreaterThan(0.1);
  });

  test('the answer: of seeds 0 to 59, the ReLU column agrees for 11, 13, 18, 24, 30 and 54, where all four hidden values are positive', () => {
    const seeds = Array.from({ length: 60 }, (_, seed) => seed);
    const agreeing = seeds.filter((seed) => {
      const { twoLayers, withRelu } = network(seed);
      return withRelu.every((value, i) => value === twoLayers[i]);
    });
    expect(agreeing).toEqual([11, 13, 18, 24, 30, 54]);
    expect(seeds.filter((seed) => network(seed).hidden.every((z) => z > 0))).toEqual(agreeing);
  });
});

describe('lesson 1, cell "Which slope can a gradient follow?"', () => {
  test("the cell itself shows the step's 0s and 500,000, and the sigmoid's 0.235, 0.25 and 0.045", async () => {
    const { error, output } = await run(cellOf(LESSON, 'slopes').code);
    expect(error).toBeUndefined();
    const rows = tableNumbers(output, 0).map(([, z, step, sigmoid]) => ({ z, step, sigmoid }));
    expect(rows.map((row) => row.step)).toEqual([0, 0, 0, 500000, 0, 0]);
    expect(rows.find((row) => row.z === -0.5)?.sigmoid).toBeCloseTo(0.235, 3);
    expect(rows.find((row) => row.z === 0)?.sigmoid).toBe(0.25);
    expect(rows.filter((row) => Math.abs(row.z) === 3).map((row) => row.sigmoid.toFixed(3))).toEqual(['0.045', '0.045']);
    expect(output.some((entry) => entry.kind === 'plot')).toBe(true);
  });

  const step = (z: number) => (z >= 0 ? 1 : 0);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const h = 1e-6;
  const slope = (f: (z: number) => number, z: number) => (f(z + h) - f(z - h)) / (2 * h);

  test("the step's central difference is 0 away from the threshold and 500,000 at z = 0, doubling when h halves", () => {
    for (const z of [-3, -0.5, -0.49, 0.5, 3]) expect(slope(step, z)).toBe(0);
    expect(slope(step, 0)).toBeCloseTo(500000, 3);
    expect((step(h / 2) - step(-h / 2)) / h).toBeCloseTo(1000000, 3);
  });

  test('the plotted points miss z = 0, so the step line lies flat on the axis', () => {
    const zs = Array.from({ length: 120 }, (_, i) => -5.95 + 0.1 * i);
    expect(zs.every((z) => slope(step, z) === 0)).toBe(true);
    expect(zs[0]).toBeCloseTo(-5.95, 12);
    expect(zs.at(-1)).toBeCloseTo(5.95, 12);
  });

  test("the sigmoid's slope: about 0.235 at -0.5, 0.25 at 0 (the numeric self-check's answer), about 0.045 at ±3", () => {
    expect(activation('sigmoid').df(0)).toBe(0.25);
    expect(slope(sigmoid, -0.5)).toBeCloseTo(0.235, 3);
    expect(slope(sigmoid, 0)).toBeCloseTo(0.25, 6);
    expect(slope(sigmoid, 3)).toBeCloseTo(0.045, 3);
    expect(slope(sigmoid, -3)).toBeCloseTo(0.045, 3);
  });

  test('1 / (1 + e^1000) is 0, and the quotient-rule slope e^1000 / (1 + e^1000)^2 is NaN: the trap the exercise names', () => {
    expect(Math.exp(1000)).toBe(Infinity);
    expect(sigmoid(-1000)).toBe(0);
    expect(Math.exp(1000) / (1 + Math.exp(1000)) ** 2).toBeNaN();
    // "so does the sigmoid written as e^z / (1 + e^z), at z = 1000"
    expect(Math.exp(1000) / (1 + Math.exp(1000))).toBeNaN();
  });

  test('"the error is smallest near h = 10^-5 and grows again below it", at every z of the table', () => {
    const exact = (z: number) => sigmoid(z) * (1 - sigmoid(z));
    const error = (z: number, k: number) => Math.abs((sigmoid(z + 10 ** -k) - sigmoid(z - 10 ** -k)) / (2 * 10 ** -k) - exact(z));
    for (const z of [-3, -0.5, -0.49, 0, 0.5, 3]) {
      const errors = Array.from({ length: 10 }, (_, i) => error(z, i + 1));
      expect(errors.indexOf(Math.min(...errors)) + 1).toBe(5);
      expect(error(z, 8)).toBeGreaterThan(error(z, 6));
    }
  });
});
