/**
 * Lesson 9's graded exercise: the reader's bceGradient(logit, target), the gradient of binary
 * cross-entropy with respect to the logit z, must be σ(z) − y: at 1,000 seeded points, and at
 * logits of ±1000, where a formula through ŷ(1 − ŷ) divides 0 by 0.
 */
import { activation } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, samplePoints, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

const sigmoid = activation('sigmoid');
const TOLERANCE = 1e-9;
const LOGITS = samplePoints(1000, 20, 2);
/** Labels 0 or 1, drawn independently of the logits. */
const TARGETS = samplePoints(1000, 1, 3).map((u) => Number(u > 0));
/**
 * Simple points first, so a first mistake is named at numbers the reader can try (target 1
 * first: with target 0, ŷ alone is right), then the random ones.
 */
const POINTS = [[2, 1], [-1, 0], [0.5, 1], [-3, 0], ...LOGITS.map((logit, i) => [logit, TARGETS[i]])];
const TAILS = [[1000, 0], [1000, 1], [-1000, 0], [-1000, 1]];
const where = ([logit, target]: readonly number[]) => `logit = ${formatNumber(logit)}, target = ${target}`;
const expected = ([logit, target]: readonly number[]) => sigmoid.f(logit) - target;

function diagnose([logit, target]: readonly number[], value: number): string {
  const p = sigmoid.f(logit);
  const right = p - target;
  if (!Number.isFinite(value)) {
    return 'at a logit this large ŷ rounds to exactly 0 or 1, so a formula that divides by ŷ(1 − ŷ), or computes e^z, gives NaN or Infinity; the simplified ŷ − y, with a sigmoid that never overflows, stays finite';
  }
  if (resembles(value, -right)) return 'the sign is flipped: ∂ℓ/∂z is ŷ − y, and gradient descent subtracts it, so this one would climb the loss';
  if (resembles(value, right * sigmoid.df(logit))) {
    return "you multiply by the sigmoid's slope ŷ(1 − ŷ) again: that is the article's bug 1. In ŷ − y that slope has already cancelled";
  }
  if (value === 0) return 'your code still returns 0';
  if (resembles(value, p)) return 'that is ŷ = σ(z) alone; subtract the target';
  if (resembles(value, -target / p + (1 - target) / (1 - p))) {
    return "that is ∂ℓ/∂ŷ, the gradient at the probability; multiply by the sigmoid's slope ŷ(1 − ŷ) and it simplifies to ŷ − y";
  }
  return 'the gradient of ℓ = −[y log ŷ + (1 − y) log(1 − ŷ)] with respect to the logit z is ŷ − y, with ŷ = σ(z)';
}

function checkGradient(fn: NumericFunction): CheckResult[] {
  const shared = { fn, called: 'bceGradient', expected, tolerance: TOLERANCE, where, diagnose };
  const body = compareAtPoints({ ...shared, name: 'bceGradient at 4 simple and 1,000 random logits in [−20, 20], targets 0 or 1', inputs: POINTS });
  const tails = 'bceGradient at logits ±1000, both targets';
  return [body, after(body, tails, () => compareAtPoints({ ...shared, name: tails, inputs: TAILS }))];
}

/** Grades `export function bceGradient(logit, target)`. */
export function bceGradient(exports: CellExports): CheckResult[] {
  const fn = exportedFunction(exports, 'bceGradient');
  return typeof fn === 'function' ? checkGradient(fn as NumericFunction) : [fn];
}
