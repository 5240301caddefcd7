/**
 * Lesson 1's graded exercise: the reader's sigmoid(z) and sigmoidSlope(z) against the course's
 * sigmoid, at 1,000 seeded points and in the far tails, where a formula with e^z overflows.
 */
import { activation } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { compareAtPoints, resembles, samplePoints, type NumericFunction } from './support.ts';
import { exportedFunction, type CellExports } from './types.ts';

const reference = activation('sigmoid');
const TOLERANCE = 1e-9;
/** Uniform over [-20, 20]: both flanks, and the tails where σ(1 − σ) is tiny. */
const POINTS = samplePoints(1000, 20, 1).map((z) => [z]);
const TAILS = [[-1000], [1000]];
const where = ([z]: readonly number[]) => `z = ${formatNumber(z)}`;

function diagnoseSigmoid([z]: readonly number[], value: number): string {
  if (!Number.isFinite(value)) return 'e to a large power overflows to Infinity; for z ≥ 0 write 1 / (1 + e^(−z)), and for z < 0 the same with e^z';
  if (value === 0) return 'your code still returns 0';
  if (resembles(value, reference.f(-z))) return 'that is σ(−z), the sign in the exponent is flipped: σ(z) = 1 / (1 + e^(−z)) rises with z';
  if (resembles(value, z >= 0 ? 1 : 0)) return "that is the step function's output; the sigmoid is the smooth 1 / (1 + e^(−z))";
  return 'the sigmoid is σ(z) = 1 / (1 + e^(−z)); try your function at z = 0, where it must give 0.5';
}

function diagnoseSlope([z]: readonly number[], value: number): string {
  const s = reference.f(z);
  if (!Number.isFinite(value)) {
    return 'e^(−z) overflows to Infinity at large negative z, and Infinity / Infinity is NaN; write the slope from your sigmoid, σ(z) · (1 − σ(z)), which stays finite';
  }
  if (value === 0) return "0 is the step function's slope; the sigmoid's is σ(z) · (1 − σ(z))";
  if (resembles(value, -reference.df(z))) return 'the sign is flipped: the sigmoid only ever rises, so its slope is never negative';
  if (resembles(value, s)) return 'that is σ(z) itself, not its slope; the slope is σ(z) · (1 − σ(z))';
  if (resembles(value, 1 - s)) return 'that is 1 − σ(z); multiply it by σ(z) to get the slope';
  return 'the slope of σ is σ(z) · (1 − σ(z)); compare it with a central difference (σ(z + h) − σ(z − h)) / 2h';
}

function checkSigmoid(fn: NumericFunction): CheckResult[] {
  return [
    compareAtPoints({ called: 'sigmoid', name: 'sigmoid(z) at 1,000 random z in [−20, 20]', fn, inputs: POINTS, expected: ([z]) => reference.f(z), tolerance: TOLERANCE, where, diagnose: diagnoseSigmoid }),
    compareAtPoints({ called: 'sigmoid', name: 'sigmoid(z) at z = ±1000, where e^z overflows', fn, inputs: TAILS, expected: ([z]) => reference.f(z), tolerance: TOLERANCE, where, diagnose: diagnoseSigmoid }),
  ];
}

function checkSlope(fn: NumericFunction): CheckResult[] {
  return [
    compareAtPoints({ called: 'sigmoidSlope', name: 'sigmoidSlope(z) at 1,000 random z in [−20, 20]', fn, inputs: POINTS, expected: ([z]) => reference.df(z), tolerance: TOLERANCE, where, diagnose: diagnoseSlope }),
    compareAtPoints({ called: 'sigmoidSlope', name: 'sigmoidSlope(z) at z = ±1000, where e^z overflows', fn, inputs: TAILS, expected: ([z]) => reference.df(z), tolerance: TOLERANCE, where, diagnose: diagnoseSlope }),
  ];
}

/** Grades `export function sigmoid(z)` and `export function sigmoidSlope(z)`. */
export function sigmoidAndSlope(exports: CellExports): CheckResult[] {
  const sigmoid = exportedFunction(exports, 'sigmoid');
  const slope = exportedFunction(exports, 'sigmoidSlope');
  return [
    ...(typeof sigmoid === 'function' ? checkSigmoid(sigmoid as NumericFunction) : [sigmoid]),
    ...(typeof slope === 'function' ? checkSlope(slope as NumericFunction) : [slope]),
  ];
}
