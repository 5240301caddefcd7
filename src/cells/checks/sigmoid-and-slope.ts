/**
 * Lesson 1's graded exercise: the reader's sigmoid(z) and sigmoidSlope(z) against the course's
 * sigmoid, at 1,000 seeded points and in the far tails, where a formula with e^z overflows.
 */
import { activation } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, samplePoints, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

const reference = activation('sigmoid');
const TOLERANCE = 1e-9;
/**
 * A few simple points first (where no two of the hints' candidates coincide, as σ and 1 − σ
 * do at 0), so that a first mistake is reported at a number the reader can try; then uniform over [-20, 20]: both flanks, and the tails where σ(1 − σ) is tiny.
 */
const POINTS = [[2], [-1], [0.5], [0], ...samplePoints(1000, 20, 1).map((z) => [z])];
const TAILS = [[-1000], [1000]];
const where = ([z]: readonly number[]) => `z = ${formatNumber(z)}`;

function diagnoseSigmoid([z]: readonly number[], value: number): string {
  if (!Number.isFinite(value)) {
    return 'e to a large power overflows to Infinity; for z ≥ 0 write 1 / (1 + e^(−z)), and for z < 0 write e^z / (1 + e^z), so that e is only ever raised to a power of 0 or less';
  }
  if (value === 0) return 'your code still returns 0';
  if (resembles(value, reference.f(-z))) return 'that is σ(−z), the sign in the exponent is flipped: σ(z) = 1 / (1 + e^(−z)) rises with z';
  if (resembles(value, z >= 0 ? 1 : 0)) return "that is the step function's output; the sigmoid is the smooth 1 / (1 + e^(−z))";
  return 'the sigmoid is σ(z) = 1 / (1 + e^(−z)); try your function at z = 0, where it must give 0.5';
}

function diagnoseSlope([z]: readonly number[], value: number): string {
  const s = reference.f(z);
  if (!Number.isFinite(value)) {
    // The tails are checked only once the reader's sigmoid passes its own, so this is the slope's formula.
    const power = z < 0 ? 'e^(−z) overflows to Infinity at large negative z' : 'e^z overflows to Infinity at large positive z';
    return `${power}, and Infinity / Infinity is NaN; write the slope from your sigmoid, σ(z) · (1 − σ(z)), which stays finite`;
  }
  if (value === 0) return "your code still returns 0 (the step function's slope); the sigmoid's is σ(z) · (1 − σ(z))";
  if (resembles(value, -reference.df(z))) return 'the sign is flipped: the sigmoid only ever rises, so its slope is never negative';
  if (resembles(value, s)) return 'that is σ(z) itself, not its slope; the slope is σ(z) · (1 − σ(z))';
  if (resembles(value, 1 - s)) return 'that is 1 − σ(z); multiply it by σ(z) to get the slope';
  return 'the slope of σ is σ(z) · (1 − σ(z)); compare it with a central difference (σ(z + h) − σ(z − h)) / 2h';
}

/**
 * The body of the function, then its tails once the body is right, and once `first` passed too:
 * the slope's tails wait for the sigmoid's, since a slope written as σ(z) · (1 − σ(z)) on a
 * sigmoid that overflows fails there for the sigmoid's reason, not its own.
 */
function checkFunction(fn: NumericFunction, called: string, expected: (z: number) => number, diagnose: typeof diagnoseSlope, first?: CheckResult): CheckResult[] {
  const shared = { fn, called, expected: ([z]: readonly number[]) => expected(z), tolerance: TOLERANCE, where, diagnose };
  const body = compareAtPoints({ ...shared, name: `${called}(z) at z = 2, −1, 0.5, 0 and 1,000 random z in [−20, 20]`, inputs: POINTS });
  const tails = `${called}(z) at z = ±1000, where e^z overflows`;
  const checkTails = () => compareAtPoints({ ...shared, name: tails, inputs: TAILS });
  const tailsResult = after(body, tails, () => (first ? after(first, tails, checkTails, '; your slope probably calls it') : checkTails()));
  return [body, tailsResult];
}

/** Grades `export function sigmoid(z)` and `export function sigmoidSlope(z)`. */
export function sigmoidAndSlope(exports: CellExports): CheckResult[] {
  const sigmoid = exportedFunction(exports, 'sigmoid');
  const slope = exportedFunction(exports, 'sigmoidSlope');
  const sigmoidResults = typeof sigmoid === 'function' ? checkFunction(sigmoid as NumericFunction, 'sigmoid', reference.f, diagnoseSigmoid) : [sigmoid];
  const sigmoidTails = typeof sigmoid === 'function' ? sigmoidResults[1] : undefined;
  return [
    ...sigmoidResults,
    ...(typeof slope === 'function' ? checkFunction(slope as NumericFunction, 'sigmoidSlope', reference.df, diagnoseSlope, sigmoidTails) : [slope]),
  ];
}
