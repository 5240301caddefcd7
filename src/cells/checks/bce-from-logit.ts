/**
 * Lesson 7's graded exercise: the reader's binaryCrossEntropy(logit, target), one example's
 * binary cross-entropy computed from its logit z and its label y (0 or 1), against the course's
 * `bce_logits` (PyTorch's BCEWithLogitsLoss): at six simple cases, then 1,000 seeded random
 * ones (logits in [−12, 12], where even the naive −ln σ(z) is right to 1e-10), to 1e-9; then,
 * once that passes, at logits of ±40 and ±1000, where σ(z) rounds to exactly 0 or 1 and any
 * formula that forms σ(z) first takes the logarithm of 0 (or clamps it, and is wrong).
 *
 * Binary rather than K classes: lesson 4's graded softmax already built the log-sum-exp for K
 * logits, while the binary loss asks for a form of its own, softplus(z) − y·z, which is what
 * PyTorch's BCEWithLogitsLoss and the course's bce_logits compute; a plain cell of the lesson
 * shows the K-class loss from logits at ±1000 beside the one-hot route through probabilities.
 */
import { activation, loss } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, samplePoints, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

/** Absolute: the losses are at most 1000, and the stable form is right to the last bit or so. */
const TOLERANCE = 1e-9;
/** Keras clips probabilities to [1e-7, 1 − 1e-7] before its logarithms. */
const KERAS_EPSILON = 1e-7;

const sigmoid = activation('sigmoid').f;
const fromLogits = loss('bce_logits');
const throughProbabilities = loss('bce');

/** Cases a reader can work by hand (target 1 first, then 0): ln 2 at z = 0, and the two sides of 0. */
const SIMPLE = [[0, 1], [2, 1], [-2, 1], [2, 0], [-3, 0], [0.5, 1]];
const LABELS = samplePoints(1000, 1, 12).map((u) => Number(u > 0));
const RANDOM = samplePoints(1000, 12, 11).map((logit, i) => [logit, LABELS[i]]);
/** Where σ(z) is exactly 0 or 1 in float64 (from z ≈ 36.7), both labels: a confident hit costs 0, a confident mistake |z|. */
const TAILS = [[40, 0], [40, 1], [-40, 1], [-40, 0], [1000, 0], [1000, 1], [-1000, 1], [-1000, 0]];

const where = ([logit, target]: readonly number[]) => `logit = ${formatNumber(logit)}, target = ${target}`;
const expected = ([logit, target]: readonly number[]) => fromLogits.value([target], [logit]);

/** What the reader most likely computed at (z, y), and what to change. */
function diagnose([logit, target]: readonly number[], value: number): string {
  const want = expected([logit, target]);
  const p = sigmoid(logit);
  if (Number.isNaN(value)) {
    return `σ(${formatNumber(logit)}) rounds to exactly ${p}, so one logarithm is ln 0 = −Infinity, and multiplied by a label of 0 that is NaN: never form σ(z); write the loss with the logit, max(z, 0) − y·z + ln(1 + e^(−|z|))`;
  }
  if (!Number.isFinite(value)) {
    return `σ(${formatNumber(logit)}) rounds to exactly ${p}, so the logarithm you need is ln 0 = −Infinity: never form σ(z); write the loss with the logit, max(z, 0) − y·z + ln(1 + e^(−|z|))`;
  }
  if (value === 0 && logit === 0) return 'your code still returns 0, or leaves out a term: at z = 0 the loss is ln 2 for either label, which is the last term of max(z, 0) − y·z + ln(1 + e^(−|z|))';
  if (resembles(value, Math.max(logit, 0) - target * logit)) return 'you left out the last term, ln(1 + e^(−|z|)): the loss is max(z, 0) − y·z + ln(1 + e^(−|z|))';
  if (value === 0 && want !== 0) return 'your code still returns 0';
  if ((p === 0 || p === 1) && resembles(value, throughProbabilities.value([target], [p]))) {
    return `that is the loss of σ(z) with each logarithm clamped at −100, as PyTorch’s BCELoss does: finite, but a confident mistake at z = ${formatNumber(logit)} costs ${formatNumber(want)}, not 100; compute from the logit instead`;
  }
  const clipped = Math.min(Math.max(p, KERAS_EPSILON), 1 - KERAS_EPSILON);
  if (resembles(value, -(target * Math.log(clipped) + (1 - target) * Math.log(1 - clipped)))) {
    return `that clips σ(z) to [1e-7, 1 − 1e-7] as Keras does, so every mistake beyond |z| ≈ 16.1 costs the same 16.118; here the loss is ${formatNumber(want)}: compute from the logit instead`;
  }
  if (resembles(value, -want)) return 'the sign is flipped: ln σ(z) is negative, so the loss is minus it, −[y ln σ(z) + (1 − y) ln(1 − σ(z))]';
  if (resembles(value, want / Math.LN2)) return 'that is in bits: the course’s cross-entropy uses the natural logarithm, Math.log';
  if (resembles(value, want / Math.LN10)) return 'that uses Math.log10: the course’s cross-entropy uses the natural logarithm, Math.log';
  if (resembles(value, p - target)) return 'that is the gradient σ(z) − y; the exercise asks for the loss itself';
  if (target === 0 && resembles(value, expected([logit, 1]))) return 'for y = 0 the loss is −ln(1 − σ(z)) = ln(1 + e^z): you take −ln σ(z) whatever the label';
  if (target === 1 && resembles(value, expected([logit, 0]))) return 'for y = 1 the loss is −ln σ(z) = ln(1 + e^(−z)): you take the class-0 term whatever the label';
  if (Math.abs(logit) > 20) {
    return `σ(${formatNumber(logit)}) is so close to ${p > 0.5 ? 1 : 0} that ${p > 0.5 ? '1 − σ(z)' : 'σ(z)'} has lost its digits before the logarithm: write the loss with the logit, max(z, 0) − y·z + ln(1 + e^(−|z|))`;
  }
  return 'binary cross-entropy from the logit is −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = max(z, 0) − y·z + ln(1 + e^(−|z|))';
}

function checkLoss(fn: NumericFunction): CheckResult[] {
  const shared = { fn, called: 'binaryCrossEntropy', expected, tolerance: TOLERANCE, where, diagnose };
  const body = compareAtPoints({ ...shared, name: 'binaryCrossEntropy at 6 simple cases and 1,000 random logits in [−12, 12], targets 0 or 1', inputs: [...SIMPLE, ...RANDOM] });
  const tails = 'binaryCrossEntropy at logits ±40 and ±1000, where σ(z) rounds to 0 or 1';
  return [body, after(body, tails, () => compareAtPoints({ ...shared, name: tails, inputs: TAILS }))];
}

/** Grades `export function binaryCrossEntropy(logit, target)`. */
export function bceFromLogit(exports: CellExports): CheckResult[] {
  const fn = exportedFunction(exports, 'binaryCrossEntropy');
  return typeof fn === 'function' ? checkLoss(fn as NumericFunction) : [fn];
}
