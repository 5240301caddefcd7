import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSoftmax, softmax } from '../../../../src/lib/index.ts';

describe('softmax and logSoftmax', () => {
  it('match known values (torch.softmax(torch.tensor([1., 2., 3.]), 0))', () => {
    const p = softmax([1, 2, 3]);
    [0.09003057317038046, 0.24472847105479764, 0.6652409557748219].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 15));
  });

  it('stay finite and exact for logits of ±1000', () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    expect(softmax([-1000, 0])).toEqual([0, 1]);
    expect(softmax([1000, -1000])).toEqual([1, 0]);
    expect(logSoftmax([-1000, 0])).toEqual([-1000, 0]);
    expect(logSoftmax([1000, 1000])).toEqual([-Math.LN2, -Math.LN2]);
    expect(softmax([-Infinity, 0])).toEqual([0, 1]);
  });

  it('softmax sums to 1, is shift invariant and agrees with exp(logSoftmax)', () => {
    const logits = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(logits, fc.double({ min: -100, max: 100, noNaN: true }), (z, shift) => {
        const p = softmax(z);
        const logP = logSoftmax(z);
        expect(p).toHaveLength(z.length);
        expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        const shifted = softmax(z.map((v) => v + shift));
        p.forEach((v, i) => {
          expect(Math.abs(v - shifted[i])).toBeLessThan(1e-12);
          expect(Math.abs(v - Math.exp(logP[i]))).toBeLessThan(1e-12);
        });
      }),
    );
  });

  it('throws for empty, NaN or +Infinity logits', () => {
    expect(() => softmax([])).toThrow(/softmax: expected a non-empty array of logits/);
    expect(() => logSoftmax([1, Number.NaN])).toThrow(/logSoftmax: logit 1 must be a number below \+Infinity, got NaN/);
    expect(() => softmax([Infinity])).toThrow(/logit 0/);
    expect(() => softmax([-Infinity, -Infinity])).toThrow(/at least one logit must be finite/);
  });
});
