/**
 * Lesson 6's graded exercise: the reader's huber(residual, delta) and huberGradient(residual,
 * delta), with residual r = prediction − target, against the course's loss('huber', { delta })
 * on one sample (PyTorch's HuberLoss: ½r² inside ±δ, δ(|r| − ½δ) outside, gradient clip(r, −δ, δ)):
 * first at simple cases a reader can try by hand (r = 0, r = ±δ exactly, inside, far outside,
 * several deltas), then at 1,000 seeded (r, δ) once those pass.
 */
import { createRandom, loss } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

/** Absolute: values reach about 5 · 10 at the random points (50 at most), and the formula is right to about 1e-14. */
const TOLERANCE = 1e-9;
type Pair = readonly [number, number];

/**
 * Simple cases first, inside before outside so that a first mistake is named where it is
 * easiest to see; then r = 0 and r = ±δ exactly, large residuals, and other deltas.
 */
const SIMPLE: Pair[] = [
  [0.5, 1], [3, 1], [-3, 1], [0, 1], [1, 1], [-1, 1],
  [0.2, 0.5], [2, 0.5], [-0.5, 0.5], [1.5, 2], [-7, 2], [0.05, 0.1], [100, 5], [-1000, 0.1],
];

/** 1,000 seeded (r, δ): r uniform in [−10, 10], δ uniform in [0.1, 5]; the same every run. */
function randomPairs(count: number, seed: number): Pair[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (): Pair => [(2 * random.uniform() - 1) * 10, 0.1 + 4.9 * random.uniform()]);
}
const RANDOM = randomPairs(1000, 6);

const where = ([r, delta]: readonly number[]) => `residual = ${formatNumber(r)}, delta = ${formatNumber(delta)}`;
const reference = (delta: number) => loss('huber', { delta });
const expectedValue = ([r, delta]: readonly number[]) => reference(delta).value([0], [r]);
const expectedGradient = ([r, delta]: readonly number[]) => reference(delta).grad([0], [r])[0];
const inside = (r: number, delta: number) => Math.abs(r) < delta;
/** PyTorch's SmoothL1Loss with beta = δ: Huber divided by δ. */
const smoothL1 = (r: number, delta: number) => (inside(r, delta) ? (0.5 * r * r) / delta : Math.abs(r) - 0.5 * delta);

function diagnoseValue([r, delta]: readonly number[], value: number): string {
  const a = Math.abs(r);
  if (!Number.isFinite(value)) return 'your value is not a finite number; Huber is finite for every finite residual';
  if (value === 0) return 'your code still returns 0';
  if (value < 0) return 'a loss is never negative here: the outer branch uses |r|, δ(|r| − ½δ), so a negative residual costs as much as a positive one';
  if (resembles(value, smoothL1(r, delta))) return "that is PyTorch's SmoothL1Loss with beta = δ, which is Huber divided by δ: multiply by δ (½r² inside, δ(|r| − ½δ) outside)";
  if (resembles(value, r * r)) return 'the quadratic branch is ½r², not r²: with the ½ its slope is r, which meets the outer slope ±δ at |r| = δ';
  if (resembles(value, 0.5 * r * r)) return 'that is ½r² everywhere; beyond ±δ Huber grows linearly, δ(|r| − ½δ)';
  if (resembles(value, delta * a)) return 'the outer branch is δ(|r| − ½δ): without the −½δ² the loss jumps by ½δ² at |r| = δ';
  if (inside(r, delta) && resembles(value, delta * (a - 0.5 * delta))) return 'inside ±δ (|r| < δ) Huber is ½r²; the linear branch is for |r| ≥ δ';
  if (resembles(value, a)) return 'that is |r|, the absolute error; Huber is ½r² for |r| < δ and δ(|r| − ½δ) beyond';
  return 'Huber is ½r² for |r| < δ and δ(|r| − ½δ) for |r| ≥ δ';
}

function diagnoseGradient([r, delta]: readonly number[], value: number): string {
  const right = expectedGradient([r, delta]);
  if (!Number.isFinite(value)) {
    return r === 0
      ? 'at residual 0 a sign written as r / |r| is 0 / 0, which is NaN; inside ±δ the slope is r itself, so 0 here'
      : 'your gradient is not a finite number; it is r inside ±δ and ±δ outside';
  }
  if (value === 0) return 'your code still returns 0';
  if (resembles(value, -right)) return 'the sign is flipped: the loss grows with |r|, so its slope has the sign of r (gradient descent subtracts it)';
  if (resembles(value, r)) return 'that is r everywhere, the slope of ½r²; outside ±δ the slope is ±δ: clip r to [−δ, δ]';
  if (resembles(value, 2 * r)) return 'the slope of ½r² is r, not 2r (2r is the slope of r², the squared error without the ½)';
  if (resembles(value, Math.sign(r))) return "outside ±δ the slope of δ(|r| − ½δ) is δ·sign(r), not sign(r) (sign(r) is SmoothL1Loss's slope)";
  if (inside(r, delta) && resembles(value, r / delta)) return "that is SmoothL1Loss's slope, r/δ; Huber's inside ±δ is r";
  if (inside(r, delta) && resembles(value, delta * Math.sign(r))) return 'inside ±δ (|r| < δ) the slope is r; ±δ is for the outside';
  return 'the gradient is r for |r| < δ and δ·sign(r) beyond: clip(r, −δ, δ)';
}

/** One function at the simple cases, then at the random ones once those pass. */
function grade(fn: NumericFunction, called: string, expected: (inputs: readonly number[]) => number, diagnose: typeof diagnoseValue): CheckResult[] {
  const shared = { fn, called, expected, tolerance: TOLERANCE, where, diagnose };
  const simple = compareAtPoints({ ...shared, name: `${called}(residual, delta) at ${SIMPLE.length} simple cases (0, ±delta exactly, inside, far outside, several deltas)`, inputs: SIMPLE });
  const randomName = `${called}(residual, delta) at 1,000 random residuals in [−10, 10], delta in [0.1, 5]`;
  return [simple, after(simple, randomName, () => compareAtPoints({ ...shared, name: randomName, inputs: RANDOM }))];
}

/** Grades `export function huber(residual, delta)` and `export function huberGradient(residual, delta)`. */
export function checkHuber(exports: CellExports): CheckResult[] {
  const value = exportedFunction(exports, 'huber');
  const gradient = exportedFunction(exports, 'huberGradient');
  return [
    ...(typeof value === 'function' ? grade(value as NumericFunction, 'huber', expectedValue, diagnoseValue) : [value]),
    ...(typeof gradient === 'function' ? grade(gradient as NumericFunction, 'huberGradient', expectedGradient, diagnoseGradient) : [gradient]),
  ];
}
