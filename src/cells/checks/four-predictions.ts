/**
 * Lesson 5's graded exercise: the reader's zeroOne(p, y), crossEntropy(p, y) and
 * squaredError(p, y), for a predicted probability p in [0, 1] and a label y of 0 or 1, against
 * the course's `zero_one` (class 1 when p > 0.5), `bce` and `mse`: first at the article's four
 * predictions for a true class 1 (0.49, 0.51, 0.01, 0.99), then at p = 0, 0.5 and 1 and 1,000
 * seeded random pairs, to 1e-9. Cross-entropy is checked at p = 0 and p = 1 separately, once its
 * body is right: there the library, as PyTorch's BCELoss, clamps each logarithm at −100.
 */
import { loss } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, samplePoints, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

/** Absolute: the values are 0 or 1, or at most 100 at a clamped logarithm. */
const TOLERANCE = 1e-9;

/** The article's four predictions, all for a true class 1: named first, so a first mistake is at a number in the lesson's table. */
const FOUR = [0.49, 0.51, 0.01, 0.99].map((p) => [p, 1]);
/** Probabilities in [0, 1) and labels 0 or 1, drawn independently. */
const LABELS = samplePoints(1000, 1, 6).map((u) => Number(u > 0));
const RANDOM = samplePoints(1000, 1, 5).map((u, i) => [(u + 1) / 2, LABELS[i]]);
/** The threshold, and the ends of [0, 1], with both labels. */
const EDGES = [[0.5, 1], [0.5, 0], [0, 0], [0, 1], [1, 0], [1, 1]];
/** Where a logarithm of 0 must be clamped at −100. */
const CLAMPED = [[0, 1], [0, 0], [1, 0], [1, 1]];

const zeroOneLoss = loss('zero_one');
const bce = loss('bce');
const mse = loss('mse');

const where = ([p, y]: readonly number[]) => `p = ${formatNumber(p)}, y = ${y}`;
const predicted = (p: number) => (p > 0.5 ? 1 : 0);

const EXPECTED = {
  zeroOne: ([p, y]: readonly number[]) => zeroOneLoss.value([y], [predicted(p)]),
  crossEntropy: ([p, y]: readonly number[]) => bce.value([y], [p]),
  squaredError: ([p, y]: readonly number[]) => mse.value([y], [p]),
};

function diagnoseZeroOne([p, y]: readonly number[], value: number): string {
  const right = `p = ${formatNumber(p)} predicts class ${predicted(p)} and the label is ${y}, so the cost is ${predicted(p) === y ? '0' : '1'}`;
  if (p === 0.5) return `${right}: at exactly 0.5 this exercise predicts class 0 (class 1 only when p > 0.5, as the widget does), so write p > 0.5, not p >= 0.5`;
  if (value !== 0 && resembles(value, Math.abs(p - y))) return `that is |p − y|, how far the probability is from the label; 0-1 loss first turns p into a class and then counts 1 for a wrong one: ${right}`;
  return value === 0 ? `${right} (if your code still returns 0 everywhere, that is the starter code)` : right;
}

function diagnoseCrossEntropy([p, y]: readonly number[], value: number): string {
  const want = EXPECTED.crossEntropy([p, y]);
  if (!Number.isFinite(value)) {
    return `here one logarithm is ln 0 = −Infinity${y === 0 && p === 0 ? ', and 0 · (−Infinity) is NaN' : ''}: clamp each logarithm at −100 before you multiply, Math.max(Math.log(p), -100), as PyTorch’s BCELoss does`;
  }
  if (value === 0 && want !== 0) return 'your code still returns 0';
  if (resembles(value, -want)) return 'the sign is flipped: ln p is negative, so the loss is minus it, −[y ln p + (1 − y) ln(1 − p)]';
  if (resembles(value, want / Math.LN2)) return 'that is in bits: the course’s cross-entropy uses the natural logarithm, Math.log';
  if (resembles(value, want / Math.LN10)) return 'that uses Math.log10: the course’s cross-entropy uses the natural logarithm, Math.log';
  if (y === 0 && resembles(value, -Math.log(p))) return 'for y = 0 the cost is −ln(1 − p): you take −ln p whatever the label';
  if (y === 0 && value === 0) return 'for y = 0 the cost is −ln(1 − p), not 0: the term (1 − y) ln(1 − p) is the one that counts';
  if (p === 0 || p === 1) return `with each logarithm clamped at −100 the cost here is ${formatNumber(want)}: a certain mistake costs 100, a certain hit 0`;
  return 'binary cross-entropy is −[y ln p + (1 − y) ln(1 − p)], with the natural logarithm';
}

function diagnoseSquaredError([p, y]: readonly number[], value: number): string {
  const want = EXPECTED.squaredError([p, y]);
  if (value === 0 && want !== 0) return 'your code still returns 0';
  if (resembles(value, Math.abs(p - y))) return 'that is the absolute error |p − y|: square the difference';
  if (resembles(value, p - y) || resembles(value, y - p)) return 'that is the difference itself: square it, (p − y)²';
  if (resembles(value, want / 2)) return 'that is half the squared error: the course’s (and PyTorch’s) MSE has no ½';
  return 'the squared error is (p − y)²';
}

/** One function's comparison with the library at `inputs`, under the check's name `name`. */
function compare(fn: NumericFunction, called: keyof typeof EXPECTED, diagnose: (inputs: readonly number[], value: number) => string, inputs: readonly (readonly number[])[], name: string): CheckResult {
  return compareAtPoints({
    name,
    fn,
    called,
    inputs,
    expected: EXPECTED[called],
    tolerance: TOLERANCE,
    where,
    diagnose,
  });
}

function checkZeroOne(fn: NumericFunction): CheckResult[] {
  return [compare(fn, 'zeroOne', diagnoseZeroOne, [...FOUR, ...EDGES, ...RANDOM], 'zeroOne at the four predictions, at p = 0.5, 0 and 1, and at 1,000 random (p, y)')];
}

function checkCrossEntropy(fn: NumericFunction): CheckResult[] {
  const inside = compare(fn, 'crossEntropy', diagnoseCrossEntropy, [...FOUR, ...RANDOM], 'crossEntropy at the four predictions and at 1,000 random (p, y)');
  const edgesName = 'crossEntropy at p = 0 and p = 1, each logarithm clamped at −100';
  const edges = after(inside, edgesName, () => compare(fn, 'crossEntropy', diagnoseCrossEntropy, CLAMPED, edgesName));
  return [inside, edges];
}

function checkSquaredError(fn: NumericFunction): CheckResult[] {
  return [compare(fn, 'squaredError', diagnoseSquaredError, [...FOUR, ...EDGES, ...RANDOM], 'squaredError at the four predictions, at p = 0.5, 0 and 1, and at 1,000 random (p, y)')];
}

/** Grades `export function zeroOne(p, y)`, `crossEntropy(p, y)` and `squaredError(p, y)`, each on its own. */
export function fourPredictions(exports: CellExports): CheckResult[] {
  const graders = { zeroOne: checkZeroOne, crossEntropy: checkCrossEntropy, squaredError: checkSquaredError };
  return Object.entries(graders).flatMap(([name, grade]) => {
    const fn = exportedFunction(exports, name);
    return typeof fn === 'function' ? grade(fn as NumericFunction) : [fn];
  });
}
