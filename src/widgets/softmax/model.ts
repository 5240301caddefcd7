/**
 * What the softmax widget computes, from state alone. The stable side is the numerics core's
 * softmax and logSoftmax of z/T (log-sum-exp: the largest scaled logit is subtracted first, so
 * every exponent is ≤ 0). The naive side is exp(z/T) / Σ exp(z/T) written out literally, so it
 * overflows exactly where float64 does. Entropy, Jacobian, cross-entropy and its gradient all
 * come from the stable side, so they stay finite for any logits the widget accepts.
 */
import { logSoftmax, softmax } from '../../lib/index.ts';
import { logitsOf, trueIndex, type SoftmaxState } from './state.ts';

/**
 * The largest x whose e^x is finite in float64: ln(Number.MAX_VALUE) ≈ 709.782712893384.
 * e^709 ≈ 8.2 × 10^307 is finite; e^710 is Infinity.
 */
export const OVERFLOW_EXPONENT = Math.log(Number.MAX_VALUE);

/**
 * Below about this x, e^x rounds to 0: ln(Number.MIN_VALUE) − ln 2 ≈ −745.13, where e^x is half
 * the smallest positive float64 (5 × 10^−324). Every scaled logit below it makes the naive sum 0,
 * and 0 / 0 is NaN.
 */
export const UNDERFLOW_EXPONENT = Math.log(Number.MIN_VALUE) - Math.LN2;

/** Why the naive formula failed, if it did. */
export type NaiveFailure = 'none' | 'overflow' | 'underflow';

/** The naive formula's working: each e^(z/T), their sum, and the quotients, Infinity and NaN included. */
export interface NaiveSoftmax {
  exponentials: number[];
  sum: number;
  probabilities: number[];
  /** Classes (0-based) whose e^(z/T) is Infinity. */
  overflowed: number[];
  /** Classes (0-based) whose naive probability is NaN. */
  notANumber: number[];
  failure: NaiveFailure;
}

/** Everything the widget shows for one state. */
export interface SoftmaxResult {
  logits: number[];
  /** z / T, what softmax is applied to. */
  scaled: number[];
  /** e^(z/T − max), the stable side's exponentials, each in (0, 1]. */
  shiftedExponentials: number[];
  probabilities: number[];
  logProbabilities: number[];
  naive: NaiveSoftmax;
  entropyNats: number;
  entropyBits: number;
  /** ∂p_i/∂u_j = p_i (δ_ij − p_j), with u = z / T (row i, column j). */
  jacobian: number[][];
  trueClass: number;
  /** −log p_y, in nats, from log-softmax (finite where log of a rounded p would be −Infinity). */
  crossEntropy: number;
  /** ∂(−log p_y)/∂u_i = p_i − y_i, with y one-hot on the true class. */
  gradient: number[];
}

/** exp(u) / Σ exp(u) computed as written, so e^710 is Infinity and Infinity / Infinity is NaN. */
export function naiveSoftmax(scaled: readonly number[]): NaiveSoftmax {
  const exponentials = scaled.map((u) => Math.exp(u));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  const probabilities = exponentials.map((e) => e / sum);
  const overflowed = indicesWhere(exponentials, (e) => e === Infinity);
  const notANumber = indicesWhere(probabilities, Number.isNaN);
  const failure: NaiveFailure = overflowed.length > 0 ? 'overflow' : sum === 0 ? 'underflow' : 'none';
  return { exponentials, sum, probabilities, overflowed, notANumber, failure };
}

function indicesWhere(values: readonly number[], test: (value: number) => boolean): number[] {
  return values.flatMap((value, index) => (test(value) ? [index] : []));
}

/** H = −Σ p log p in nats, with 0 · log 0 = 0, from log-probabilities so no log of a rounded 0 is taken. */
export function entropy(logProbabilities: readonly number[]): number {
  let total = 0;
  for (const logP of logProbabilities) {
    const p = Math.exp(logP);
    if (p > 0) total -= p * logP;
  }
  return total;
}

/** The softmax Jacobian diag(p) − p pᵀ: row i, column j is p_i (δ_ij − p_j); every row sums to 0. */
export function softmaxJacobian(probabilities: readonly number[]): number[][] {
  return probabilities.map((pi, i) => probabilities.map((pj, j) => (i === j ? pi * (1 - pj) : -pi * pj)));
}

/**
 * The limit of softmax(z / T) as T → 0 from above: one-hot on the largest logit, a tie shared
 * equally among the tied classes.
 */
export function coldLimit(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const winners = logits.filter((z) => z === max).length;
  return logits.map((z) => (z === max ? 1 / winners : 0));
}

/** The limit of softmax(z / T) as T → ∞: uniform, 1/K each, whatever the logits. */
export function hotLimit(logits: readonly number[]): number[] {
  return logits.map(() => 1 / logits.length);
}

/** The stable and naive softmax of the state's logits at its temperature, and all that follows from them. */
export function computeSoftmax(state: SoftmaxState): SoftmaxResult {
  const logits = logitsOf(state);
  const scaled = logits.map((z) => z / state.t);
  const probabilities = softmax(scaled);
  const logProbabilities = logSoftmax(scaled);
  const max = Math.max(...scaled);
  const trueClass = Math.min(trueIndex(state), logits.length - 1);
  const entropyNats = entropy(logProbabilities);
  return {
    logits,
    scaled,
    shiftedExponentials: scaled.map((u) => Math.exp(u - max)),
    probabilities,
    logProbabilities,
    naive: naiveSoftmax(scaled),
    entropyNats,
    entropyBits: entropyNats / Math.LN2,
    jacobian: softmaxJacobian(probabilities),
    trueClass,
    crossEntropy: 0 - logProbabilities[trueClass],
    gradient: probabilities.map((p, i) => p - (i === trueClass ? 1 : 0)),
  };
}
