/**
 * Lesson 3's graded exercise: the reader's leakyRelu(z, alpha), leakyReluSlope(z, alpha),
 * elu(z, alpha) and eluSlope(z, alpha) against the course's, at chosen points, at z = 0 (where
 * the slope follows PyTorch: the negative side's, α for both), at 1,000 seeded points and in the
 * tails (ELU's e^z must not overflow for z = 1000: only the negative side may call exp).
 */
import { activation, createRandom } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

const TOLERANCE = 1e-9;
type Pair = readonly [number, number];

/** Simple points first (both sides, then the kink), then 1,000 seeded (z, α) with z in [−10, 10] and α in [0.01, 2]. */
function points(): Pair[] {
  const random = createRandom(3);
  const drawn = Array.from({ length: 1000 }, (): Pair => [(2 * random.uniform() - 1) * 10, 0.01 + random.uniform() * 1.99]);
  return [[2, 0.1], [-2, 0.1], [-1, 0.5], [0.5, 1], [0, 0.1], [0, 0.5], ...drawn];
}
const POINTS = points();
const TAILS: Pair[] = [[1000, 0.1], [-1000, 0.1], [1000, 1], [-1000, 1]];
const where = ([z, alpha]: readonly number[]) => `z = ${formatNumber(z)}, alpha = ${formatNumber(alpha)}`;

const leaky = (alpha: number) => activation('leaky_relu', { alpha });
const elu = (alpha: number) => activation('elu', { alpha });

function diagnoseLeaky([z, alpha]: readonly number[], value: number): string {
  if (resembles(value, Math.max(0, z))) return 'that is plain ReLU: for z ≤ 0 Leaky ReLU returns alpha · z, not 0';
  if (resembles(value, z < 0 ? z : alpha * z)) return 'the two sides are swapped: z for z > 0, alpha · z for z ≤ 0';
  if (resembles(value, alpha)) return 'that is alpha itself; multiply it by z';
  return 'Leaky ReLU is z for z > 0 and alpha · z for z ≤ 0';
}

function diagnoseLeakySlope([z, alpha]: readonly number[], value: number): string {
  if (z === 0 && resembles(value, 1)) return "at z = 0 the course follows PyTorch and takes the negative side's slope, alpha (use z > 0 for the positive side)";
  if (resembles(value, z > 0 ? 1 : 0)) return "that is ReLU's slope: for z ≤ 0 Leaky ReLU's slope is alpha";
  if (resembles(value, alpha * z)) return "that is Leaky ReLU's value, not its slope; the slope is 1 or alpha";
  return "Leaky ReLU's slope is 1 for z > 0 and alpha for z ≤ 0";
}

function diagnoseElu([z, alpha]: readonly number[], value: number): string {
  if (!Number.isFinite(value)) return 'e^z overflows to Infinity for large z (and Infinity times 0, in a mask like (z <= 0) * ..., is NaN): compute e^z only on the negative side (z ≤ 0), and return z itself for z > 0';
  if (resembles(value, Math.exp(z) - 1)) return 'the negative side is alpha · (e^z − 1): multiply by alpha';
  if (resembles(value, alpha * Math.exp(z))) return 'the negative side is alpha · (e^z − 1): subtract 1 inside, so that ELU(0) = 0';
  if (resembles(value, Math.max(0, z))) return 'that is ReLU; for z ≤ 0 ELU is alpha · (e^z − 1), which tends to −alpha';
  return 'ELU is z for z > 0 and alpha · (e^z − 1) for z ≤ 0';
}

function diagnoseEluSlope([z, alpha]: readonly number[], value: number): string {
  if (!Number.isFinite(value)) return 'e^z overflows for large z: the slope is 1 for z > 0, and alpha · e^z only for z ≤ 0';
  if (z === 0 && resembles(value, 1) && alpha !== 1) return "at z = 0 the course follows PyTorch and takes the negative side's slope, alpha · e^0 = alpha";
  if (resembles(value, alpha * (Math.exp(z) - 1))) return "that is ELU's value; its slope for z ≤ 0 is alpha · e^z";
  if (resembles(value, Math.exp(z))) return 'the slope for z ≤ 0 is alpha · e^z: multiply by alpha';
  return "ELU's slope is 1 for z > 0 and alpha · e^z for z ≤ 0 (which is ELU(z) + alpha there)";
}

/** One function's body and tails; the tails wait for the body, and the slope's for `first` (the value's tails). */
function grade(
  fn: NumericFunction,
  called: string,
  expected: (z: number, alpha: number) => number,
  diagnose: (inputs: readonly number[], value: number) => string,
  first?: CheckResult,
): CheckResult[] {
  const shared = { fn, called, expected: ([z, alpha]: readonly number[]) => expected(z, alpha), tolerance: TOLERANCE, where, diagnose };
  const body = compareAtPoints({ ...shared, name: `${called}(z, alpha) at simple points, at z = 0 and at 1,000 random (z, alpha)`, inputs: POINTS });
  const tailsName = `${called}(z, alpha) at z = ±1000`;
  const tails = () => compareAtPoints({ ...shared, name: tailsName, inputs: TAILS });
  return [body, after(body, tailsName, () => (first ? after(first, tailsName, tails, '; your slope probably calls it') : tails()))];
}

/** Grades `leakyRelu`, `leakyReluSlope`, `elu` and `eluSlope`, each `(z, alpha)`. */
export function leakyReluAndElu(exports: CellExports): CheckResult[] {
  const results: CheckResult[] = [];
  const functions = [
    ['leakyRelu', (z: number, a: number) => leaky(a).f(z), diagnoseLeaky],
    ['leakyReluSlope', (z: number, a: number) => leaky(a).df(z), diagnoseLeakySlope],
    ['elu', (z: number, a: number) => elu(a).f(z), diagnoseElu],
    ['eluSlope', (z: number, a: number) => elu(a).df(z), diagnoseEluSlope],
  ] as const;
  let valueTails: CheckResult | undefined;
  for (const [index, [name, expected, diagnose]] of functions.entries()) {
    const fn = exportedFunction(exports, name);
    if (typeof fn !== 'function') {
      results.push(fn);
      continue;
    }
    const isSlope = index % 2 === 1;
    const graded = grade(fn as NumericFunction, name, expected, diagnose, isSlope ? valueTails : undefined);
    if (!isSlope) valueTails = graded[1];
    else valueTails = undefined;
    results.push(...graded);
  }
  return results;
}
