import { describe, expect, test } from 'vitest';
import { sigmoidAndSlope } from '../../../../src/cells/checks/sigmoid-and-slope.ts';

// Lesson 1's graded exercise: a right answer passes every check, and each typical mistake
// fails with the message that says what to change.

const stable = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const naive = (z: number) => 1 / (1 + Math.exp(-z));
const right = { sigmoid: stable, sigmoidSlope: (z: number) => stable(z) * (1 - stable(z)) };

/** The messages of the failed checks, joined, for matching. */
function failures(exports: Record<string, unknown>): string {
  return sigmoidAndSlope(exports)
    .filter((result) => !result.passed)
    .map((result) => `${result.name}: ${result.message}`)
    .join('\n');
}

describe('sigmoid-and-slope', () => {
  test('a right answer passes all four checks, and says how close it came', () => {
    const results = sigmoidAndSlope(right);
    expect(results).toHaveLength(4);
    expect(results.every((result) => result.passed)).toBe(true);
    expect(results[0].message).toMatch(/^All 1,004 agree to 1e-9 \(the largest difference is/);
  });

  test('the plain 1 / (1 + e^-z) passes too: at z = -1000, 1 / Infinity is 0, which is right', () => {
    expect(failures({ ...right, sigmoid: naive })).toBe('');
  });

  test('missing exports are named, with the signature to write', () => {
    const results = sigmoidAndSlope({});
    expect(results).toHaveLength(2);
    expect(results.every((result) => !result.passed)).toBe(true);
    expect(results[0].message).toBe('Export a function named sigmoid: write export function sigmoid(...) { ... }.');
    expect(results[1].message).toContain('Export a function named sigmoidSlope');
    expect(sigmoidAndSlope({ sigmoid: 0.5, sigmoidSlope: right.sigmoidSlope })[0].message).toContain('(your sigmoid is number, not a function)');
  });

  test("the lesson's starter code (both return 0) fails, pointing at the step's slope", () => {
    const message = failures({ sigmoid: () => 0, sigmoidSlope: () => 0 });
    expect(message).toContain('At z = 2 you return 0, expected 0.880797: your code still returns 0.');
    expect(message).toContain("At z = 2 you return 0, expected 0.104994: your code still returns 0 (the step function's slope); the sigmoid's is σ(z) · (1 − σ(z)).");
    // The tails would pass a stub that returns 0 everywhere; they wait for the body instead.
    expect(sigmoidAndSlope({ sigmoid: () => 0, sigmoidSlope: () => 0 }).filter((result) => result.passed)).toEqual([]);
    expect(message).toContain('Not checked yet: first make "sigmoidSlope(z) at z = 2, −1, 0.5, 0 and 1,000 random z in [−20, 20]" pass.');
  });

  test('a flipped sign in the exponent is named as σ(−z)', () => {
    expect(failures({ ...right, sigmoid: (z: number) => 1 / (1 + Math.exp(z)) })).toContain('that is σ(−z)');
  });

  test('the quotient-rule slope is right on [-20, 20] but NaN at z = -1000, and the check says why', () => {
    const quotient = (z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2;
    const results = sigmoidAndSlope({ ...right, sigmoidSlope: quotient });
    expect(results[2].passed).toBe(true);
    expect(results[3].passed).toBe(false);
    expect(results[3].message).toMatch(/^At z = -1000 you return NaN, expected 0: e\^\(−z\) overflows to Infinity/);
  });

  test('e^z / (1 + e^z) overflows at z = 1000 and fails the tail check', () => {
    const overflowing = (z: number) => Math.exp(z) / (1 + Math.exp(z));
    const results = sigmoidAndSlope({ ...right, sigmoid: overflowing });
    expect(results[1].passed).toBe(false);
    expect(results[1].message).toBe(
      'At z = 1000 you return NaN, expected 1: e to a large power overflows to Infinity; for z ≥ 0 write 1 / (1 + e^(−z)), ' +
        'and for z < 0 write e^z / (1 + e^z), so that e is only ever raised to a power of 0 or less.',
    );
  });

  test("a slope built on that sigmoid waits for the sigmoid's tails instead of blaming the slope", () => {
    const overflowing = (z: number) => Math.exp(z) / (1 + Math.exp(z));
    const results = sigmoidAndSlope({ sigmoid: overflowing, sigmoidSlope: (z: number) => overflowing(z) * (1 - overflowing(z)) });
    expect(results.map((result) => result.passed)).toEqual([true, false, true, false]);
    expect(results[3].message).toBe('Not checked yet: first make "sigmoid(z) at z = ±1000, where e^z overflows" pass; your slope probably calls it.');
  });

  test('a slope of its own that overflows at z = 1000 is told about e^z at large positive z', () => {
    const slope = (z: number) => Math.exp(z) / (1 + Math.exp(z)) ** 2;
    const results = sigmoidAndSlope({ ...right, sigmoidSlope: slope });
    expect(results[2].passed).toBe(true);
    expect(results[3].message).toMatch(/^At z = 1000 you return NaN, expected 0: e\^z overflows to Infinity at large positive z, and Infinity \/ Infinity is NaN; write the slope from your sigmoid/);
  });

  test('the slope with the wrong sign, σ itself, or 1 − σ each get their own hint', () => {
    expect(failures({ ...right, sigmoidSlope: (z: number) => -right.sigmoidSlope(z) })).toContain('the sign is flipped');
    expect(failures({ ...right, sigmoidSlope: stable })).toContain('that is σ(z) itself, not its slope');
    expect(failures({ ...right, sigmoidSlope: (z: number) => 1 - stable(z) })).toContain('that is 1 − σ(z)');
  });

  test('a function that throws or returns a string is reported, not thrown', () => {
    const throwing = () => {
      throw new Error('not yet');
    };
    expect(failures({ ...right, sigmoid: throwing })).toMatch(/At z = ([-0-9.e]+): sigmoid\(\1\) threw Error: not yet\.$/m);
    expect(failures({ ...right, sigmoidSlope: () => '0.25' })).toContain('At z = 2 you return the string "0.25", expected the number 0.104994.');
  });

  test('an async function, an object with valueOf and nothing say what came back', () => {
    expect(failures({ ...right, sigmoid: async (z: number) => stable(z) })).toContain('At z = 2 you return a Promise: write sigmoid without async.');
    expect(failures({ ...right, sigmoid: () => ({ valueOf: () => 0.5 }) })).toContain('At z = 2 you return an object { valueOf: [function valueOf] }, expected the number 0.880797.');
    expect(failures({ ...right, sigmoid: () => undefined })).toContain('At z = 2 you return nothing (undefined), expected the number 0.880797.');
  });
});
