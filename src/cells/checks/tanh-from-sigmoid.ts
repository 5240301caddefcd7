/**
 * Lesson 2's graded exercise: the reader's tanh(z), written through the sigmoid as
 * 2σ(2z) − 1, and tanhSlope(z) = 1 − tanh(z)², against the course's tanh at 1,000 seeded
 * points and in the far tails, where the textbook (e^z − e^−z) / (e^z + e^−z) gives NaN.
 * A tanh that agrees with Math.tanh bit for bit at every point was not written through the
 * sigmoid (2σ(2z) − 1 differs from it in the last bit at about a third of them), and is told so.
 */
import { activation } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, compareAtPoints, resembles, samplePoints, type NumericFunction } from './support.ts';
import { callReader, exportedFunction, type CellExports } from './types.ts';

const reference = activation('tanh');
const sigmoid = activation('sigmoid').f;
/** Absolute, since 2σ(2z) − 1 is right to about 1e-16 absolutely but not relatively near z = 0. */
const TOLERANCE = 1e-9;
const POINTS = [[0.5], [-1], [2], [0], ...samplePoints(1000, 20, 2).map((z) => [z])];
const TAILS = [[-1000], [1000]];
const where = ([z]: readonly number[]) => `z = ${formatNumber(z)}`;

function diagnoseTanh([z]: readonly number[], value: number): string {
  if (!Number.isFinite(value)) {
    return 'e^z overflows to Infinity for large z, and Infinity / Infinity is NaN; go through the sigmoid, 2σ(2z) − 1, with a sigmoid that never raises e to a positive power';
  }
  if (value === 0) return 'your code still returns 0';
  if (resembles(value, 2 * sigmoid(z) - 1)) return 'that is 2σ(z) − 1: the sigmoid must be taken at 2z, tanh(z) = 2σ(2z) − 1';
  if (resembles(value, sigmoid(2 * z))) return 'that is σ(2z), which lies between 0 and 1; stretch it to (−1, 1) with 2σ(2z) − 1';
  if (resembles(value, 2 * sigmoid(2 * z))) return 'that is 2σ(2z); subtract 1 to centre it on 0';
  if (resembles(value, -reference.f(z))) return 'the sign is flipped: tanh rises with z, so tanh(2) is positive';
  return 'tanh(z) = 2σ(2z) − 1; at z = 0 it must give 0, and at z = 0.5 about 0.462';
}

function diagnoseSlope([z]: readonly number[], value: number): string {
  const t = reference.f(z);
  if (!Number.isFinite(value)) return 'the slope overflows; write it from your tanh, 1 − tanh(z)², which stays finite';
  if (value === 0) return 'your code still returns 0';
  if (resembles(value, 1 - t)) return 'that is 1 − tanh(z); the slope squares it: 1 − tanh(z)²';
  if (resembles(value, t * t)) return 'that is tanh(z)²; the slope is 1 minus it';
  if (resembles(value, sigmoid(z) * (1 - sigmoid(z)))) return "that is the sigmoid's slope σ(z)(1 − σ(z)); tanh's is 1 − tanh(z)², four times σ'(2z)";
  return "tanh's slope is 1 − tanh(z)²; compare it with a central difference (tanh(z + h) − tanh(z − h)) / 2h";
}

/** A pass that matches Math.tanh bit for bit everywhere is turned into a failure that says why. */
function notThroughSigmoid(fn: NumericFunction, passed: CheckResult): CheckResult {
  const identical = POINTS.every(([z]) => {
    const outcome = callReader(() => fn(z), `tanh(${formatNumber(z)})`);
    return 'value' in outcome && outcome.value === Math.tanh(z);
  });
  if (!identical) return passed;
  return {
    name: passed.name,
    passed: false,
    message: 'Your tanh agrees with Math.tanh bit for bit at every point, so it probably calls it. The exercise is to build it from the sigmoid: return 2 * sigmoid(2 * z) - 1.',
  };
}

/** Grades `export function tanh(z)` (through the sigmoid) and `export function tanhSlope(z)`. */
export function tanhFromSigmoid(exports: CellExports): CheckResult[] {
  const tanh = exportedFunction(exports, 'tanh');
  const slope = exportedFunction(exports, 'tanhSlope');
  const results: CheckResult[] = [];
  let tanhTails: CheckResult | undefined;
  if (typeof tanh === 'function') {
    const fn = tanh as NumericFunction;
    const shared = { fn, called: 'tanh', expected: ([z]: readonly number[]) => reference.f(z), tolerance: TOLERANCE, where, diagnose: diagnoseTanh };
    const bodyResult = compareAtPoints({ ...shared, name: 'tanh(z) at z = 0.5, −1, 2, 0 and 1,000 random z in [−20, 20]', inputs: POINTS });
    const body = bodyResult.passed ? notThroughSigmoid(fn, bodyResult) : bodyResult;
    const tailsName = 'tanh(z) at z = ±1000, where e^z overflows';
    tanhTails = after(body, tailsName, () => compareAtPoints({ ...shared, name: tailsName, inputs: TAILS }));
    results.push(body, tanhTails);
  } else results.push(tanh);
  if (typeof slope === 'function') {
    const fn = slope as NumericFunction;
    const shared = { fn, called: 'tanhSlope', expected: ([z]: readonly number[]) => reference.df(z), tolerance: TOLERANCE, where, diagnose: diagnoseSlope };
    const body = compareAtPoints({ ...shared, name: 'tanhSlope(z) at z = 0.5, −1, 2, 0 and 1,000 random z in [−20, 20]', inputs: POINTS });
    const tailsName = 'tanhSlope(z) at z = ±1000';
    const checkTails = () => compareAtPoints({ ...shared, name: tailsName, inputs: TAILS });
    const tails = after(body, tailsName, () => (tanhTails ? after(tanhTails, tailsName, checkTails, '; your slope probably calls it') : checkTails()));
    results.push(body, tails);
  } else results.push(slope);
  return results;
}
