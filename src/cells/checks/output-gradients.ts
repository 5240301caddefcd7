/**
 * Lesson 8's graded exercise: the gradient at the pre-activation z of one example's loss, for
 * sigmoid with binary cross-entropy (σ(z) − y), a linear output with ½(z − y)² (z − y) and the
 * mismatch sigmoid with ½(σ(z) − y)² ((p − y)·p(1 − p)). Each is compared with a central
 * difference of the loss itself, computed with the course library's sigmoid, at seeded points.
 */
import { activation } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, samplePoints, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

const sigmoid = activation('sigmoid');
const STEP = 1e-5;
/** A central difference with step 1e-5 is right to about 1e-10 on these smooth losses. */
const TOLERANCE = 1e-7;
const LOGITS = samplePoints(200, 8, 5);
const TARGETS = samplePoints(200, 1, 6).map((u) => Number(u > 0));
const POINTS = [[-3, 1], [0, 1], [2, 0], [0.5, 0], ...LOGITS.map((z, i) => [z, TARGETS[i]])];
const where = ([z, y]: readonly number[]) => `z = ${formatNumber(z)}, y = ${y}`;

/** One pair: the exported name, its loss as a function of z, and what a wrong answer most likely was. */
interface Pair {
  readonly called: string;
  readonly title: string;
  readonly loss: (z: number, y: number) => number;
  readonly diagnose: (inputs: readonly number[], value: number) => string;
}

const bce = (z: number, y: number) => Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
const central = (loss: (z: number, y: number) => number) => ([z, y]: readonly number[]) => (loss(z + STEP, y) - loss(z - STEP, y)) / (2 * STEP);

const PAIRS: readonly Pair[] = [
  {
    called: 'sigmoidBce',
    title: 'sigmoid with binary cross-entropy',
    loss: bce,
    diagnose: ([z, y], value) => {
      const p = sigmoid.f(z);
      if (value === 0) return 'your code still returns 0';
      if (resembles(value, y - p)) return 'the sign is flipped: the gradient is p − y';
      if (resembles(value, (p - y) * p * (1 - p))) return "the sigmoid's slope p(1 − p) has already cancelled against the loss's denominator: drop it";
      return 'with p = σ(z), the slopes cancel and ∂ℓ/∂z = p − y';
    },
  },
  {
    called: 'linearMse',
    title: 'linear output with ½(z − y)²',
    loss: (z, y) => 0.5 * (z - y) ** 2,
    diagnose: ([z, y], value) => {
      if (value === 0) return 'your code still returns 0';
      if (resembles(value, 2 * (z - y))) return 'that is the gradient of (z − y)², without the ½';
      if (resembles(value, y - z)) return 'the sign is flipped: the gradient is z − y';
      return 'the output is z itself, so ∂ℓ/∂z = z − y';
    },
  },
  {
    called: 'sigmoidMse',
    title: 'sigmoid with ½(σ(z) − y)² (the mismatch)',
    loss: (z, y) => 0.5 * (sigmoid.f(z) - y) ** 2,
    diagnose: ([z, y], value) => {
      const p = sigmoid.f(z);
      if (value === 0) return 'your code still returns 0';
      if (resembles(value, p - y)) return "that is p − y, the canonical pair's gradient; here the sigmoid's slope p(1 − p) does not cancel";
      if (resembles(value, 2 * (p - y) * p * (1 - p))) return 'that is the gradient of (p − y)², without the ½';
      return 'by the chain rule, ∂ℓ/∂z = (p − y) · p(1 − p) with p = σ(z)';
    },
  },
];

function checkPair(exports: CellExports, pair: Pair): CheckResult {
  const fn = exportedFunction(exports, pair.called);
  if (typeof fn !== 'function') return fn;
  return compareAtPoints({
    name: `${pair.called}: ${pair.title}, at 4 simple and 200 random points, against a central difference`,
    fn: fn as NumericFunction,
    called: pair.called,
    inputs: POINTS,
    expected: central(pair.loss),
    tolerance: TOLERANCE,
    where,
    diagnose: pair.diagnose,
  });
}

/** Grades `sigmoidBce(z, y)`, `linearMse(z, y)` and `sigmoidMse(z, y)`, each after the previous passes. */
export function outputGradients(exports: CellExports): CheckResult[] {
  const first = checkPair(exports, PAIRS[0]);
  const second = after(first, `${PAIRS[1].called}: ${PAIRS[1].title}`, () => checkPair(exports, PAIRS[1]));
  const third = after(second, `${PAIRS[2].called}: ${PAIRS[2].title}`, () => checkPair(exports, PAIRS[2]));
  return [first, second, third];
}
