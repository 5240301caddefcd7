import { describe, expect, test } from 'vitest';
import { stableSoftmax } from '../../../../src/cells/checks/stable-softmax.ts';

// Lesson 4's graded exercise: a softmax that subtracts the largest logit passes; each typical
// mistake fails with the message that says what to change, named at a vector the reader can try.

function stable(z: number[]): number[] {
  const max = Math.max(...z);
  const exponentials = z.map((v) => Math.exp(v - max));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => e / sum);
}

function naive(z: number[]): number[] {
  const exponentials = z.map(Math.exp);
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => e / sum);
}

function failures(exports: Record<string, unknown>): string {
  return stableSoftmax(exports)
    .filter((result) => !result.passed)
    .map((result) => `${result.name}: ${result.message}`)
    .join('\n');
}

describe('stable-softmax', () => {
  test('subtracting the largest logit passes all three checks', () => {
    const results = stableSoftmax({ softmax: stable });
    expect(results.map((result) => result.passed)).toEqual([true, true, true]);
    expect(results[0].message).toMatch(/^All 203 vectors agree to 1e-12 and sum to 1/);
    expect(results[1].message).toMatch(/^All 5 vectors agree/);
  });

  test("the lesson's starter (every probability 0) fails at the first simple vector, and the tails wait", () => {
    const results = stableSoftmax({ softmax: (z: number[]) => z.map(() => 0) });
    expect(results[0].passed).toBe(false);
    expect(results[0].message).toContain('At z = [2, 1, 0.1, -1] you return [0, 0, 0, 0]');
    expect(results[0].message).toContain('your code still returns 0 for every class');
    expect(results[1].message).toContain('Not checked yet: first make "softmax on 3 simple vectors');
  });

  test('the naive formula passes the body and fails at ±1000 with "subtract the largest logit first"', () => {
    const results = stableSoftmax({ softmax: naive });
    expect(results.map((result) => result.passed)).toEqual([true, false, true]);
    expect(results[1].message).toContain('At z = [1000, 999, -1000] you return [NaN, NaN, 0]');
    expect(results[1].message).toContain('e^1000 overflows to Infinity, and Infinity / Infinity is NaN: subtract the largest logit first');
  });

  test('a naive formula that survives overflow still fails on underflow, and says so', () => {
    // Clipping the logits at 700 avoids e^1000 but not e^-1000 = 0 for every class.
    const clipped = (z: number[]) => naive(z.map((v) => Math.min(v, 700)));
    expect(failures({ softmax: clipped })).toMatch(/At z = \[1000, 999, -1000\]|underflows to 0/);
    const onlyUnderflow = (z: number[]) => (Math.max(...z) > 709 ? stable(z) : naive(z));
    expect(failures({ softmax: onlyUnderflow })).toContain('e^-1000 underflows to 0 for every logit, and 0 / 0 is NaN');
  });

  test('subtracting the smallest logit is named as such', () => {
    const byMinimum = (z: number[]) => naive(z.map((v) => v - Math.min(...z)));
    const message = failures({ softmax: byMinimum });
    expect(message).toContain('At z = [1000, 999, -1000]');
    expect(message).toContain('you seem to subtract the smallest logit');
    expect(message).toContain('subtract the largest logit instead');
  });

  test('forgetting to normalise, returning e^z, a flipped sign and a wrong length are named', () => {
    expect(failures({ softmax: (z: number[]) => z.map(Math.exp) })).toContain('those are the exponentials e^z themselves: divide each by their sum');
    const unnormalised = (z: number[]) => z.map((v) => Math.exp(v - Math.max(...z)));
    expect(failures({ softmax: unnormalised })).toContain('not yet divided by their sum');
    expect(failures({ softmax: (z: number[]) => stable(z.map((v) => -v)) })).toContain('the sign is flipped');
    expect(failures({ softmax: (z: number[]) => stable(z).slice(1) })).toContain('you return 3 numbers for 4 logits');
    expect(failures({ softmax: (z: number[]) => stable(z).map((p) => 2 * p) })).toContain('sum to 2, not 1');
  });

  test('a softmax that works in place is right but told that it changed its input', () => {
    const inPlace = (z: number[]) => {
      const max = Math.max(...z);
      let sum = 0;
      for (let i = 0; i < z.length; i++) {
        z[i] = Math.exp(z[i] - max);
        sum += z[i];
      }
      for (let i = 0; i < z.length; i++) z[i] /= sum;
      return z;
    };
    const results = stableSoftmax({ softmax: inPlace });
    expect(results.map((result) => result.passed)).toEqual([true, true, false]);
    expect(results[2].message).toContain('at z = [2, 1, 0.1, -1], z[0] was 2 and is now 0.638066');
    expect(results[2].message).toContain('compute into a new array');
  });

  test('a throw, a non-array and an async function are reported as such', () => {
    expect(failures({ softmax: () => { throw new Error('boom'); } })).toContain('threw Error: boom');
    expect(failures({ softmax: () => 0.5 })).toContain('you return number, not an array of 4 probabilities');
    expect(failures({ softmax: async (z: number[]) => stable(z) })).toContain('write softmax without async');
  });

  test('a Float64Array result is accepted', () => {
    const typed = (z: number[]) => Float64Array.from(stable(z));
    expect(stableSoftmax({ softmax: typed }).every((result) => result.passed)).toBe(true);
  });

  test('a missing export is named', () => {
    const results = stableSoftmax({});
    expect(results).toHaveLength(1);
    expect(results[0].message).toContain('Export a function named softmax');
    expect(stableSoftmax({ softmax: 3 })[0].message).toContain('your softmax is number, not a function');
  });
});
