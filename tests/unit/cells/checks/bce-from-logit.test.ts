import { describe, expect, test } from 'vitest';
import { bceFromLogit } from '../../../../src/cells/checks/bce-from-logit.ts';

// Lesson 7's graded exercise: softplus(z) − y·z passes; the naive −ln σ(z) passes the body and
// fails at ±40 and ±1000 with the reason; PyTorch's clamp and Keras's clip, a flipped sign, the
// label ignored, the gradient instead of the loss and a missing export are each named.

const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const stable = (z: number, y: number) => softplus(z) - y * z;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const naive = (z: number, y: number) => -(y * Math.log(sigmoid(z)) + (1 - y) * Math.log(1 - sigmoid(z)));
const byLabel = (z: number, y: number) => (y === 1 ? -Math.log(sigmoid(z)) : -Math.log(1 - sigmoid(z)));

function failures(fn: unknown): string {
  return bceFromLogit({ binaryCrossEntropy: fn })
    .filter((result) => !result.passed)
    .map((result) => `${result.name}: ${result.message}`)
    .join('\n');
}

describe('bce-from-logit', () => {
  test('softplus(z) − y·z passes both checks, and so does y·softplus(−z) + (1 − y)·softplus(z)', () => {
    const results = bceFromLogit({ binaryCrossEntropy: stable });
    expect(results.map((result) => result.passed)).toEqual([true, true]);
    expect(results[0].message).toMatch(/^All 1,006 agree to 1e-9/);
    expect(results[1].message).toMatch(/^All 8 agree/);
    const symmetric = (z: number, y: number) => y * softplus(-z) + (1 - y) * softplus(z);
    expect(bceFromLogit({ binaryCrossEntropy: symmetric }).every((result) => result.passed)).toBe(true);
  });

  test('a missing export is named', () => {
    const results = bceFromLogit({ crossEntropy: () => 0 });
    expect(results).toHaveLength(1);
    expect(results[0].message).toContain('Export a function named binaryCrossEntropy');
  });

  test("the lesson's starter (return 0) fails at the first simple case, and the tails wait", () => {
    const results = bceFromLogit({ binaryCrossEntropy: () => 0 });
    expect(results[0].message).toContain('At logit = 0, target = 1 you return 0, expected 0.693147');
    expect(results[0].message).toContain('your code still returns 0');
    expect(results[1].message).toContain('Not checked yet: first make "binaryCrossEntropy at 6 simple cases');
  });

  test('the naive formula through σ(z) passes the body and fails at z = 40, and the check says why', () => {
    const results = bceFromLogit({ binaryCrossEntropy: naive });
    expect(results.map((result) => result.passed)).toEqual([true, false]);
    expect(results[1].message).toContain('At logit = 40, target = 0 you return Infinity');
    expect(results[1].message).toContain('σ(40) rounds to exactly 1');
    expect(results[1].message).toContain('never form σ(z)');
  });

  test('the naive formula with the target-1 case first meets 0 · (−Infinity) = NaN, and is told so', () => {
    const message = failures((z: number, y: number) => (z > 39 && y === 1 ? naive(z, y) : stable(z, y)));
    expect(message).toContain('At logit = 40, target = 1 you return NaN');
    expect(message).toContain('multiplied by a label of 0 that is NaN');
    expect(failures(byLabel)).toContain('ln 0 = −Infinity');
  });

  test('the missing ln(1 + e^(−|z|)) is named, even at z = 0', () => {
    expect(failures((z: number, y: number) => Math.max(z, 0) - y * z)).toContain('leaves out a term');
    expect(failures((z: number, y: number) => (z === 0 ? stable(z, y) : Math.max(z, 0) - y * z))).toContain('you left out the last term');
  });

  test("PyTorch's clamp at −100 and Keras's clip to [1e-7, 1 − 1e-7] are named in the tails", () => {
    const clamped = (z: number, y: number) => {
      const p = sigmoid(z);
      return -(y * Math.max(Math.log(p), -100) + (1 - y) * Math.max(Math.log(1 - p), -100));
    };
    expect(failures(clamped)).toContain('as PyTorch’s BCELoss does');
    expect(failures(clamped)).toContain('costs 40, not 100');
    const clipped = (z: number, y: number) => {
      const p = Math.min(Math.max(sigmoid(z), 1e-7), 1 - 1e-7);
      return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    };
    expect(failures(clipped)).toContain('clips σ(z) to [1e-7, 1 − 1e-7] as Keras does');
  });

  test('a flipped sign, bits, the gradient and the label ignored are named', () => {
    expect(failures((z: number, y: number) => -stable(z, y))).toContain('the sign is flipped');
    expect(failures((z: number, y: number) => stable(z, y) / Math.LN2)).toContain('that is in bits');
    expect(failures((z: number, y: number) => 1 / (1 + Math.exp(-z)) - y)).toContain('that is the gradient σ(z) − y');
    expect(failures((z: number) => stable(z, 1))).toContain('you take −ln σ(z) whatever the label');
  });

  test('a throw and a non-number are reported with the call', () => {
    expect(failures(() => {
      throw new Error('boom');
    })).toContain('binaryCrossEntropy(0, 1) threw Error: boom');
    expect(failures(() => '0.69')).toContain('the string "0.69", expected the number 0.693147');
  });
});
