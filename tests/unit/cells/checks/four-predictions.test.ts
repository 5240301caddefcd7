import { describe, expect, test } from 'vitest';
import { fourPredictions } from '../../../../src/cells/checks/four-predictions.ts';

// Lesson 5's graded exercise: the three losses with PyTorch's clamp pass; the starter code, a
// threshold of p >= 0.5, |p − y| for 0-1 loss, cross-entropy without the clamp, with the wrong
// sign, in bits or with one term only, and squared error halved or unsquared fail with a hint.

const zeroOne = (p: number, y: number) => ((p > 0.5 ? 1 : 0) === y ? 0 : 1);
const crossEntropy = (p: number, y: number) => -(y * Math.max(Math.log(p), -100) + (1 - y) * Math.max(Math.log(1 - p), -100));
const squaredError = (p: number, y: number) => (p - y) ** 2;
const right = { zeroOne, crossEntropy, squaredError };

/** The messages of the failed checks, joined, for matching. */
function failures(exports: Record<string, unknown>): string {
  return fourPredictions({ ...right, ...exports })
    .filter((result) => !result.passed)
    .map((result) => result.message)
    .join('\n');
}

describe('four-predictions', () => {
  test('the three right functions pass all four checks', () => {
    const results = fourPredictions(right);
    expect(results.map((result) => result.passed)).toEqual([true, true, true, true]);
    expect(results[0].message).toMatch(/^All 1,010 agree to 1e-9/);
    expect(results[1].message).toMatch(/^All 1,004 agree/);
    expect(results[2].message).toMatch(/^All 4 agree/);
  });

  test("the lesson's starter code (return 0 three times) fails every check, each at a prediction of the table", () => {
    const zero = () => 0;
    const results = fourPredictions({ zeroOne: zero, crossEntropy: zero, squaredError: zero });
    expect(results.every((result) => !result.passed)).toBe(true);
    expect(results[0].message).toMatch(/^At p = 0\.49, y = 1 you return 0, expected 1: p = 0\.49 predicts class 0 and the label is 1, so the cost is 1/);
    expect(results[1].message).toMatch(/^At p = 0\.49, y = 1 .*your code still returns 0/);
    expect(results[2].message).toMatch(/^Not checked yet/);
    expect(results[3].message).toMatch(/your code still returns 0/);
  });

  test('a missing export is named, and the other two are still graded', () => {
    const results = fourPredictions({ zeroOne, squaredError });
    expect(results).toHaveLength(3);
    expect(results[1]).toMatchObject({ passed: false, message: 'Export a function named crossEntropy: write export function crossEntropy(...) { ... }.' });
    expect(results[0].passed && results[2].passed).toBe(true);
  });

  test('p >= 0.5 is named at the threshold', () => {
    expect(failures({ zeroOne: (p: number, y: number) => ((p >= 0.5 ? 1 : 0) === y ? 0 : 1) })).toMatch(/At p = 0\.5, y = 1 .*write p > 0\.5, not p >= 0\.5/);
  });

  test('|p − y| for 0-1 loss is recognised', () => {
    expect(failures({ zeroOne: (p: number, y: number) => Math.abs(p - y) })).toContain('that is |p − y|');
  });

  test('cross-entropy without the clamp passes inside (0, 1) and fails at p = 0 with the clamp named', () => {
    const unclamped = (p: number, y: number) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    const results = fourPredictions({ ...right, crossEntropy: unclamped });
    expect(results[1].passed).toBe(true);
    expect(results[2].passed).toBe(false);
    expect(results[2].message).toMatch(/^At p = 0, y = 1 you return Infinity, expected 100: .*clamp each logarithm at −100/);
  });

  test('the one-term cross-entropy −ln p is named at the first y = 0; at p = 0, y = 0, NaN gets its reason', () => {
    expect(failures({ crossEntropy: (p: number) => -Math.log(p) })).toContain('for y = 0 the cost is −ln(1 − p)');
    const branch = (p: number, y: number) => (y === 1 ? -Math.log(p) : -Math.log(1 - p));
    expect(failures({ crossEntropy: branch })).toMatch(/At p = 0, y = 1 you return Infinity/);
    const naiveProduct = (p: number, y: number) => -(y * Math.max(Math.log(p), -100) + (1 - y) * Math.log(1 - p));
    expect(failures({ crossEntropy: naiveProduct })).toMatch(/At p = 1, y = 1 you return NaN, expected 0: .*0 · \(−Infinity\) is NaN|At p = 1, y = 0 you return Infinity/);
  });

  test('cross-entropy with the wrong sign or in bits is named', () => {
    expect(failures({ crossEntropy: (p: number, y: number) => -crossEntropy(p, y) })).toContain('the sign is flipped');
    expect(failures({ crossEntropy: (p: number, y: number) => crossEntropy(p, y) / Math.LN2 })).toContain('that is in bits');
  });

  test('squared error halved, unsquared or absolute is named', () => {
    expect(failures({ squaredError: (p: number, y: number) => (p - y) ** 2 / 2 })).toContain('half the squared error');
    expect(failures({ squaredError: (p: number, y: number) => p - y })).toContain('the difference itself');
    expect(failures({ squaredError: (p: number, y: number) => Math.abs(p - y) })).toContain('the absolute error');
  });
});
