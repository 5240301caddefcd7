/**
 * What the graded checks of scalar functions (sigmoid-and-slope, bce-gradient) share on top of
 * types.ts: the seeded sample points, recognising what a wrong value was, and one comparison
 * over many inputs that reports the first disagreement with a hint.
 */
import { createRandom } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { callReader, notANumber } from './types.ts';

/** A function of numbers, as the reader exported it. */
export type NumericFunction = (...inputs: number[]) => unknown;

/** `count` seeded points spread uniformly over [-limit, limit], the same every run. */
export function samplePoints(count: number, limit: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => (2 * random.uniform() - 1) * limit);
}

/**
 * True when `value` equals `candidate` up to rounding (relatively, so that tiny values in a
 * function's tail are told apart): how a hint recognises what the reader computed.
 */
export function resembles(value: number, candidate: number): boolean {
  return Math.abs(value - candidate) <= 1e-6 * Math.max(Math.abs(value), Math.abs(candidate)) + 1e-300;
}

/** How to compare the reader's function with the right one over many inputs. */
export interface Comparison {
  /** The check's name as the reader sees it. */
  name: string;
  fn: NumericFunction;
  /** The function's name, for a message about a call: "sigmoid". */
  called: string;
  /** Every argument list to try, in order; the first disagreement is the one reported. */
  inputs: readonly (readonly number[])[];
  expected: (inputs: readonly number[]) => number;
  /** Absolute: the functions compared take values of order 1. */
  tolerance: number;
  /** The inputs in words, e.g. "z = -2" or "logit = 3, target = 1". */
  where: (inputs: readonly number[]) => string;
  /** A hint for a wrong value: what the reader most likely computed, and what to change. */
  diagnose: (inputs: readonly number[], value: number) => string;
}

/**
 * Runs `fn` on every input list and passes when each result is a number within the tolerance;
 * a failure names the first input that disagrees, what came back, what was expected, and a hint.
 */
export function compareAtPoints(comparison: Comparison): CheckResult {
  const { name, fn, called, inputs, expected, tolerance, where } = comparison;
  let largest = 0;
  for (const args of inputs) {
    const outcome = callReader(() => fn(...args), `${called}(${args.map(formatNumber).join(', ')})`);
    if ('problem' in outcome) return { name, passed: false, message: `At ${where(args)}: ${outcome.problem}.` };
    const { value } = outcome;
    if (typeof value !== 'number') {
      return { name, passed: false, message: `At ${where(args)} you return ${notANumber(value, called, expected(args))}.` };
    }
    const want = expected(args);
    if (!(Math.abs(value - want) <= tolerance)) return { name, passed: false, message: disagreement(comparison, args, value, want) };
    largest = Math.max(largest, Math.abs(value - want));
  }
  const count = inputs.length.toLocaleString('en-US');
  return { name, passed: true, message: `All ${count} agree to ${formatNumber(tolerance)} (the largest difference is ${formatNumber(largest)}).` };
}

/**
 * The sentence for a value outside the tolerance. When the two agree to the six digits
 * formatNumber shows, printing them so would read as "you return 0.5, expected 0.5": show twelve
 * digits and the difference instead, which is what an approximation such as a central difference
 * gives (a formula is right to about 1e-16).
 */
function disagreement({ tolerance, where, diagnose }: Comparison, args: readonly number[], value: number, want: number): string {
  const yours = formatNumber(value);
  const expected = formatNumber(want);
  if (yours !== expected) return `At ${where(args)} you return ${yours}, expected ${expected}: ${diagnose(args, value)}.`;
  const difference = formatNumber(Math.abs(value - want));
  return (
    `At ${where(args)} you return ${value.toPrecision(12)}, expected ${want.toPrecision(12)} ` +
    `(a difference of ${difference}, more than the tolerance ${formatNumber(tolerance)}; an approximation such as a central difference is not close enough: write the formula).`
  );
}

/**
 * A check that only means something once `before` passed (the tails, after the body of the
 * function is right): run it then, or fail it with a sentence saying what comes first, and
 * `why` if there is more to say ("; your slope probably calls it").
 */
export function after(before: CheckResult, name: string, check: () => CheckResult, why = ''): CheckResult {
  if (before.passed) return check();
  return { name, passed: false, message: `Not checked yet: first make "${before.name}" pass${why}.` };
}
