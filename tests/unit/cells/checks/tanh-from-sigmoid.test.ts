import { describe, expect, test } from 'vitest';
import { tanhFromSigmoid } from '../../../../src/cells/checks/tanh-from-sigmoid.ts';

// Lesson 2's graded exercise: tanh through the sigmoid passes; each typical mistake fails with
// the message that says what to change; Math.tanh itself is told to take the sigmoid's route.

const stable = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const naiveSigmoid = (z: number) => Math.exp(z) / (1 + Math.exp(z));
const tanh = (z: number) => 2 * stable(2 * z) - 1;
const right = { tanh, tanhSlope: (z: number) => 1 - tanh(z) ** 2 };

function failures(exports: Record<string, unknown>): string {
  return tanhFromSigmoid(exports)
    .filter((result) => !result.passed)
    .map((result) => `${result.name}: ${result.message}`)
    .join('\n');
}

describe('tanh-from-sigmoid', () => {
  test('2σ(2z) − 1 with a stable sigmoid, and 1 − tanh², pass all four checks', () => {
    const results = tanhFromSigmoid(right);
    expect(results).toHaveLength(4);
    expect(results.map((result) => result.passed)).toEqual([true, true, true, true]);
    expect(results[0].message).toMatch(/^All 1,004 agree to 1e-9/);
  });

  test("the lesson's starter code (both return 0) fails everything, and the tails wait for the body", () => {
    const results = tanhFromSigmoid({ tanh: () => 0, tanhSlope: () => 0 });
    expect(results.filter((result) => result.passed)).toEqual([]);
    const message = failures({ tanh: () => 0, tanhSlope: () => 0 });
    expect(message).toContain('At z = 0.5 you return 0, expected 0.462117: your code still returns 0.');
    expect(message).toContain('Not checked yet: first make "tanh(z) at z = 0.5');
  });

  test('Math.tanh passes every value but fails the exercise, with the route to take', () => {
    const message = failures({ tanh: Math.tanh, tanhSlope: right.tanhSlope });
    expect(message).toContain('agrees with Math.tanh bit for bit');
    expect(message).toContain('2 * sigmoid(2 * z) - 1');
  });

  test('typical slips are named: σ at z instead of 2z, no shift, no stretch, a flipped sign', () => {
    expect(failures({ ...right, tanh: (z: number) => 2 * stable(z) - 1 })).toContain('the sigmoid must be taken at 2z');
    expect(failures({ ...right, tanh: (z: number) => stable(2 * z) })).toContain('stretch it to (−1, 1)');
    expect(failures({ ...right, tanh: (z: number) => 2 * stable(2 * z) })).toContain('subtract 1');
    expect(failures({ ...right, tanh: (z: number) => 1 - 2 * stable(2 * z) })).toContain('the sign is flipped');
    expect(failures({ ...right, tanhSlope: (z: number) => 1 - tanh(z) })).toContain('the slope squares it');
    expect(failures({ ...right, tanhSlope: (z: number) => tanh(z) ** 2 })).toContain('the slope is 1 minus it');
  });

  test('the textbook exponential form and a naive sigmoid fail only in the tails, saying why', () => {
    const textbook = (z: number) => (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z));
    const textbookResults = tanhFromSigmoid({ ...right, tanh: textbook });
    // The slope's tails wait for tanh's, as a slope written from the reader's tanh would fail there for tanh's reason.
    expect(textbookResults.map((result) => result.passed)).toEqual([true, false, true, false]);
    expect(textbookResults[1].message).toContain('Infinity / Infinity is NaN');
    expect(textbookResults[3].message).toContain('Not checked yet: first make "tanh(z) at z = ±1000');
    const naive = (z: number) => 2 * naiveSigmoid(2 * z) - 1;
    expect(tanhFromSigmoid({ ...right, tanh: naive })[1].message).toMatch(/At z = 1,?000/);
  });

  test('a slope that calls a tanh that fails in the tails is not blamed for it', () => {
    const textbook = (z: number) => (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z));
    const results = tanhFromSigmoid({ tanh: textbook, tanhSlope: (z: number) => 1 - textbook(z) ** 2 });
    expect(results[3].message).toContain('your slope probably calls it');
  });

  test('missing exports are named', () => {
    const results = tanhFromSigmoid({});
    expect(results).toHaveLength(2);
    expect(results[0].message).toContain('Export a function named tanh');
    expect(results[1].message).toContain('Export a function named tanhSlope');
  });
});
