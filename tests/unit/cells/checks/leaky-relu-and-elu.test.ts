import { describe, expect, test } from 'vitest';
import { leakyReluAndElu } from '../../../../src/cells/checks/leaky-relu-and-elu.ts';

// Lesson 3's graded exercise: right answers pass all eight checks; each typical mistake fails
// with the hint that says what to change; the slope at 0 follows PyTorch (alpha for both).

const right = {
  leakyRelu: (z: number, alpha: number) => (z > 0 ? z : alpha * z),
  leakyReluSlope: (z: number, alpha: number) => (z > 0 ? 1 : alpha),
  elu: (z: number, alpha: number) => (z > 0 ? z : alpha * Math.expm1(z)),
  eluSlope: (z: number, alpha: number) => (z > 0 ? 1 : alpha * Math.exp(z)),
};

function failures(exports: Record<string, unknown>): string {
  return leakyReluAndElu(exports)
    .filter((result) => !result.passed)
    .map((result) => `${result.name}: ${result.message}`)
    .join('\n');
}

describe('leaky-relu-and-elu', () => {
  test('the right four functions pass all eight checks', () => {
    const results = leakyReluAndElu(right);
    expect(results).toHaveLength(8);
    expect(results.filter((result) => !result.passed)).toEqual([]);
  });

  test("the starter code (all return 0) fails everything, and no tail passes before its body", () => {
    const zero = () => 0;
    const results = leakyReluAndElu({ leakyRelu: zero, leakyReluSlope: zero, elu: zero, eluSlope: zero });
    expect(results.filter((result) => result.passed)).toEqual([]);
    expect(failures({ leakyRelu: zero, leakyReluSlope: zero, elu: zero, eluSlope: zero })).toContain('At z = 2, alpha = 0.1 you return 0, expected 2');
  });

  test('plain ReLU, swapped sides and ReLU slopes are named', () => {
    expect(failures({ ...right, leakyRelu: (z: number) => Math.max(0, z) })).toContain('that is plain ReLU');
    expect(failures({ ...right, leakyReluSlope: (z: number) => (z > 0 ? 1 : 0) })).toContain("that is ReLU's slope");
  });

  test("the slope at 0 is PyTorch's: z >= 0 for the positive side fails at z = 0 with that convention named", () => {
    const message = failures({ ...right, leakyReluSlope: (z: number, alpha: number) => (z >= 0 ? 1 : alpha), eluSlope: (z: number, alpha: number) => (z >= 0 ? 1 : alpha * Math.exp(z)) });
    expect(message).toContain('At z = 0, alpha = 0.1 you return 1, expected 0.1');
    expect(message).toContain('follows PyTorch');
  });

  test("ELU written with e^z on both sides overflows at z = 1000, and the hint says where exp belongs", () => {
    // NumPy's habit, masks instead of branches: right everywhere but in the tail, where Infinity · 0 is NaN.
    const overflowing = (z: number, alpha: number) => (z <= 0 ? 1 : 0) * alpha * (Math.exp(z) - 1) + (z > 0 ? z : 0);
    const results = leakyReluAndElu({ ...right, elu: overflowing });
    expect(results[4].passed).toBe(true);
    expect(results[5].passed).toBe(false);
    expect(results[5].message).toContain('compute e^z only on the negative side');
    // The slope's tails wait for the value's.
    expect(results[7].message).toContain('Not checked yet');
  });

  test("ELU's missing alpha or missing − 1 is named, and so is its value given as its slope", () => {
    expect(failures({ ...right, elu: (z: number) => (z > 0 ? z : Math.exp(z) - 1) })).toContain('multiply by alpha');
    expect(failures({ ...right, elu: (z: number, alpha: number) => (z > 0 ? z : alpha * Math.exp(z)) })).toContain('subtract 1 inside');
    expect(failures({ ...right, eluSlope: (z: number, alpha: number) => (z > 0 ? 1 : alpha * (Math.exp(z) - 1)) })).toContain("that is ELU's value");
  });

  test('missing exports are named', () => {
    const results = leakyReluAndElu({});
    expect(results).toHaveLength(4);
    expect(results.map((result) => result.message)).toEqual([
      expect.stringContaining('Export a function named leakyRelu'),
      expect.stringContaining('Export a function named leakyReluSlope'),
      expect.stringContaining('Export a function named elu'),
      expect.stringContaining('Export a function named eluSlope'),
    ]);
  });
});
