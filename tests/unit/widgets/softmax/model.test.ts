import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import {
  OVERFLOW_EXPONENT,
  UNDERFLOW_EXPONENT,
  coldLimit,
  computeSoftmax,
  entropy,
  hotLimit,
  naiveSoftmax,
  softmaxJacobian,
} from '../../../../src/widgets/softmax/model.ts';
import { SCHEMA, logitName, type SoftmaxState } from '../../../../src/widgets/softmax/state.ts';
import { softmax } from '../../../../src/lib/index.ts';

/** An independent log-sum-exp: sorted descending, so the sum starts from the largest term. */
function referenceLogSoftmax(z: readonly number[]): number[] {
  const max = z.reduce((a, b) => Math.max(a, b), -Infinity);
  const terms = z.map((value) => Math.exp(value - max)).sort((a, b) => b - a);
  const logSum = Math.log(terms.reduce((a, b) => a + b, 0));
  // (z − max) − log Σ, not z − (max + log Σ): with |z/T| up to 10^5 the latter loses 10^−11.
  return z.map((value) => value - max - logSum);
}

/** A state with these logits, temperature and true class (1-based). */
function stateWith(logits: readonly number[], t = 1, y = 1): SoftmaxState {
  const state: SoftmaxState = { ...defaultState(SCHEMA), count: logits.length, t, y: String(y) };
  logits.forEach((z, index) => (state[logitName(index)] = z));
  return state;
}

const logitLists = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 10 });
const temperatures = fc.double({ min: 0.01, max: 100, noNaN: true });

describe('the stable side', () => {
  test('matches an independent log-sum-exp for any logits and temperature, ±1000 included', () => {
    fc.assert(
      fc.property(logitLists, temperatures, (logits, t) => {
        const result = computeSoftmax(stateWith(logits, t));
        const reference = referenceLogSoftmax(logits.map((z) => z / t));
        result.logProbabilities.forEach((value, i) => expect(value).toBeCloseTo(reference[i], 9));
        result.probabilities.forEach((p, i) => expect(p).toBeCloseTo(Math.exp(reference[i]), 12));
        expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(result.probabilities.every(Number.isFinite)).toBe(true);
      }),
    );
  });

  test('does not change when the same constant is added to every logit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 10 }), fc.double({ min: -500, max: 500, noNaN: true }), (logits, shift) => {
        const moved = computeSoftmax(stateWith(logits.map((z) => z + shift))).probabilities;
        computeSoftmax(stateWith(logits)).probabilities.forEach((p, i) => expect(moved[i]).toBeCloseTo(p, 9));
      }),
    );
  });

  test('gives 1000 its whole probability, exactly and finitely', () => {
    const result = computeSoftmax(stateWith([1000, 1, 0.1, -1]));
    expect(result.probabilities).toEqual([1, Math.exp(-999), Math.exp(-999.9), Math.exp(-1001)]);
    expect(result.crossEntropy).toBe(0);
    expect(computeSoftmax(stateWith([1000, 1], 1, 2)).crossEntropy).toBeCloseTo(999, 9);
  });
});

describe('the naive side', () => {
  test('e^x is finite at 709 and Infinity at 710: the overflow point is ln(MAX_VALUE) ≈ 709.78', () => {
    expect(OVERFLOW_EXPONENT).toBeCloseTo(709.782712893384, 12);
    expect(Number.isFinite(Math.exp(709))).toBe(true);
    expect(Math.exp(710)).toBe(Infinity);
    expect(Number.isFinite(Math.exp(OVERFLOW_EXPONENT))).toBe(true);
    expect(Math.exp(OVERFLOW_EXPONENT + 1e-12 * OVERFLOW_EXPONENT)).toBe(Infinity);
  });

  test('a logit of 709 still works; 710 overflows to Infinity, and Infinity / Infinity is NaN', () => {
    const fine = naiveSoftmax([709, 0]);
    expect(fine.failure).toBe('none');
    expect(fine.probabilities[0]).toBe(1);
    const broken = naiveSoftmax([710, 0]);
    expect(broken.failure).toBe('overflow');
    expect(broken.exponentials[0]).toBe(Infinity);
    expect(broken.sum).toBe(Infinity);
    expect(broken.probabilities[0]).toBeNaN();
    expect(broken.probabilities[1]).toBe(0);
    expect(broken.overflowed).toEqual([0]);
    expect(broken.notANumber).toEqual([0]);
  });

  test('a logit of 1000 breaks the naive side while the stable side is finite and sums to 1', () => {
    const result = computeSoftmax(stateWith([1000, 1, 0.1, -1]));
    expect(result.naive.probabilities[0]).toBeNaN();
    expect(result.naive.failure).toBe('overflow');
    expect(result.probabilities.reduce((a, b) => a + b, 0)).toBe(1);
  });

  test('every logit far below zero makes the naive sum 0, and 0 / 0 is NaN', () => {
    expect(UNDERFLOW_EXPONENT).toBeCloseTo(-745.1332, 3);
    const broken = naiveSoftmax([-1000, -1001]);
    expect(broken.failure).toBe('underflow');
    expect(broken.notANumber).toEqual([0, 1]);
    expect(computeSoftmax(stateWith([-1000, -1001])).probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  test('agrees with the stable side wherever nothing overflows', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 10 }), (logits) => {
        const result = computeSoftmax(stateWith(logits));
        result.naive.probabilities.forEach((p, i) => expect(p).toBeCloseTo(result.probabilities[i], 12));
      }),
    );
  });

  test('a temperature can push the scaled logits past the overflow point', () => {
    expect(computeSoftmax(stateWith([8, 1], 0.01)).naive.failure).toBe('overflow');
    expect(computeSoftmax(stateWith([8, 1], 1)).naive.failure).toBe('none');
  });
});

/** Central differences of f at u along each coordinate. */
function centralDifferences(f: (u: number[]) => number, u: readonly number[], h = 1e-6): number[] {
  return u.map((_, j) => {
    const up = u.map((value, k) => (k === j ? value + h : value));
    const down = u.map((value, k) => (k === j ? value - h : value));
    return (f(up) - f(down)) / (2 * h);
  });
}

const moderateLogits = fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 10 });

describe('derivatives', () => {
  test('the Jacobian diag(p) − p pᵀ has rows summing to 0 and matches finite differences of softmax', () => {
    fc.assert(
      fc.property(moderateLogits, (u) => {
        const jacobian = softmaxJacobian(softmax(u));
        for (const row of jacobian) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 14);
        u.forEach((_, i) => {
          const numeric = centralDifferences((v) => softmax(v)[i], u);
          numeric.forEach((value, j) => expect(jacobian[i][j]).toBeCloseTo(value, 7));
        });
      }),
    );
  });

  test('p − y matches finite differences of −log p_y with respect to the scaled logits', () => {
    fc.assert(
      fc.property(moderateLogits, fc.nat(), temperatures, (logits, pick, t) => {
        const y = (pick % logits.length) + 1;
        const result = computeSoftmax(stateWith(logits, t, y));
        const loss = (u: number[]) => -referenceLogSoftmax(u)[y - 1];
        centralDifferences(loss, result.scaled).forEach((value, i) => expect(result.gradient[i]).toBeCloseTo(value, 6));
        expect(result.gradient.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
      }),
    );
  });
});

describe('entropy and the limits of temperature', () => {
  test('is 0 for a one-hot vector and log K for a uniform one', () => {
    expect(entropy([0, -Infinity, -Infinity])).toBe(0);
    expect(computeSoftmax(stateWith([1000, 0, 0])).entropyNats).toBe(0);
    for (let k = 2; k <= 10; k++) {
      const result = computeSoftmax(stateWith(Array.from({ length: k }, () => 3)));
      expect(result.entropyNats).toBeCloseTo(Math.log(k), 12);
      expect(result.entropyBits).toBeCloseTo(Math.log2(k), 12);
    }
  });

  test('lies between 0 and log K for any logits', () => {
    fc.assert(
      fc.property(logitLists, (logits) => {
        const { entropyNats } = computeSoftmax(stateWith(logits));
        expect(entropyNats).toBeGreaterThanOrEqual(0);
        expect(entropyNats).toBeLessThanOrEqual(Math.log(logits.length) + 1e-12);
      }),
    );
  });

  test('T → 0 gives one-hot on the largest logit (ties split), T → ∞ gives uniform', () => {
    expect(coldLimit([2, 1, 0.1, -1])).toEqual([1, 0, 0, 0]);
    expect(coldLimit([3, 1, 3])).toEqual([0.5, 0, 0.5]);
    expect(hotLimit([2, 1, 0.1, -1])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  test('the slider ends reach those limits for the lesson logits', () => {
    const defaults = defaultState(SCHEMA);
    const cold = computeSoftmax({ ...defaults, t: SCHEMA.t.min }).probabilities;
    expect(cold.map((p) => Number(p.toFixed(6)))).toEqual(coldLimit([2, 1, 0.1, -1]));
    const hot = computeSoftmax({ ...defaults, t: SCHEMA.t.max }).probabilities;
    hot.forEach((p) => expect(Math.abs(p - 0.25)).toBeLessThan(0.004));
  });
});
