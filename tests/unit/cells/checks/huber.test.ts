import { describe, expect, test } from 'vitest';
import { checkHuber } from '../../../../src/cells/checks/huber.ts';
import { runCheck } from '../../../../src/cells/checks/index.ts';

// Lesson 6's graded exercise: Huber's value and gradient as PyTorch's HuberLoss defines them pass
// all four checks; each typical mistake fails with the hint that says what to change, named at
// a simple case the reader can try by hand, and the random cases wait for the simple ones.

const right = {
  huber: (r: number, delta: number) => (Math.abs(r) < delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta)),
  huberGradient: (r: number, delta: number) => Math.min(delta, Math.max(-delta, r)),
};

function failures(exports: Record<string, unknown>): string {
  return checkHuber(exports)
    .filter((result) => !result.passed)
    .map((result) => `${result.name}: ${result.message}`)
    .join('\n');
}

describe('huber', () => {
  test('the right value and gradient pass all four checks, and the check is registered under its name', async () => {
    const results = checkHuber(right);
    expect(results).toHaveLength(4);
    expect(results.filter((result) => !result.passed)).toEqual([]);
    expect(results[0].message).toMatch(/^All 14 agree to 1e-9/);
    expect(results[1].message).toMatch(/^All 1,000 agree to 1e-9/);
    expect((await runCheck('huber', right)).every((result) => result.passed)).toBe(true);
  });

  test('the branch test may be |r| <= delta: at ±delta both branches give the same value and slope', () => {
    const closed = {
      huber: (r: number, delta: number) => (Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta)),
      huberGradient: (r: number, delta: number) => (Math.abs(r) <= delta ? r : delta * Math.sign(r)),
    };
    expect(failures(closed)).toBe('');
  });

  test("the lesson's starter (both return 0) fails at the first simple case, and the random cases wait", () => {
    const zero = () => 0;
    const results = checkHuber({ huber: zero, huberGradient: zero });
    expect(results.filter((result) => result.passed)).toEqual([]);
    expect(results[0].message).toContain('At residual = 0.5, delta = 1 you return 0, expected 0.125: your code still returns 0');
    expect(results[1].message).toContain('Not checked yet');
    expect(results[3].message).toContain('Not checked yet');
  });

  test('a missing function is asked for by name', () => {
    expect(failures({ huber: right.huber })).toContain('Export a function named huberGradient');
  });

  test('the value: ½r² everywhere, r² inside, δ|r| outside, a missing |r| and SmoothL1 are each named', () => {
    expect(failures({ ...right, huber: (r: number) => 0.5 * r * r })).toContain('At residual = 3, delta = 1 you return 4.5, expected 2.5: that is ½r² everywhere');
    expect(failures({ ...right, huber: (r: number, d: number) => (Math.abs(r) < d ? r * r : d * (Math.abs(r) - 0.5 * d)) })).toContain('the quadratic branch is ½r², not r²');
    expect(failures({ ...right, huber: (r: number, d: number) => (Math.abs(r) < d ? 0.5 * r * r : d * Math.abs(r)) })).toContain('without the −½δ² the loss jumps');
    expect(failures({ ...right, huber: (r: number, d: number) => (Math.abs(r) < d ? 0.5 * r * r : d * (r - 0.5 * d)) })).toContain('At residual = -3, delta = 1');
    const smoothL1 = (r: number, d: number) => (Math.abs(r) < d ? (0.5 * r * r) / d : Math.abs(r) - 0.5 * d);
    // At delta = 1 the two losses are the same, so the first difference is at delta = 0.5.
    expect(failures({ ...right, huber: smoothL1 })).toContain("At residual = 0.2, delta = 0.5 you return 0.04, expected 0.02: that is PyTorch's SmoothL1Loss");
  });

  test('the gradient: unclipped r, 2r, sign(r) outside, a flipped sign and NaN at 0 are each named', () => {
    expect(failures({ ...right, huberGradient: (r: number) => r })).toContain('At residual = 3, delta = 1 you return 3, expected 1: that is r everywhere');
    expect(failures({ ...right, huberGradient: (r: number, d: number) => 2 * Math.min(d, Math.max(-d, r)) })).toContain('not 2r');
    expect(failures({ ...right, huberGradient: (r: number, d: number) => (Math.abs(r) < d ? r : Math.sign(r)) })).toContain('At residual = 2, delta = 0.5 you return 1, expected 0.5');
    expect(failures({ ...right, huberGradient: (r: number, d: number) => -Math.min(d, Math.max(-d, r)) })).toContain('the sign is flipped');
    // A sign written as r / |r| on both branches: NaN at r = 0.
    const bySign = (r: number, d: number) => (r / Math.abs(r)) * Math.min(d, Math.abs(r));
    expect(failures({ ...right, huberGradient: bySign })).toContain('At residual = 0, delta = 1 you return NaN');
    expect(failures({ ...right, huberGradient: bySign })).toContain('0 / 0, which is NaN');
  });

  test('a right answer at the simple cases but wrong elsewhere fails the random cases, naming one', () => {
    const wrongFar = (r: number, d: number) => (r > 6 && r < 6.5 ? 0 : right.huber(r, d));
    const results = checkHuber({ ...right, huber: wrongFar });
    expect(results[0].passed).toBe(true);
    expect(results[1].passed).toBe(false);
    expect(results[1].message).toMatch(/^At residual = 6\.\d+, delta = /);
  });
});
