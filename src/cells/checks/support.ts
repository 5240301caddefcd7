/**
 * What the graded checks of scalar functions share: finding the reader's export, calling it
 * without letting a throw escape, the seeded sample points, and numbers written for a message.
 */
import { createRandom } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';

/** A function of numbers, as the reader exported it. */
export type NumericFunction = (...inputs: number[]) => unknown;

/** The reader's export `name` if it is a function, or a failed check saying what to export. */
export function exportedFunction(
  exports: Readonly<Record<string, unknown>>,
  name: string,
  signature: string,
): NumericFunction | CheckResult {
  const value = exports[name];
  if (typeof value === 'function') return value as NumericFunction;
  const found = value === undefined ? '' : ` (there is an export called ${name}, but it is a ${typeof value})`;
  return { name: `${name} is exported`, passed: false, message: `Export a function named ${name}: export function ${signature}${found}.` };
}

/** What the reader's function gave for some inputs: a number, or why it is not one. */
export type Outcome = { value: number } | { problem: string };

/** Calls the reader's function; a throw or a non-number becomes words for a message. */
export function callReader(fn: NumericFunction, inputs: readonly number[]): Outcome {
  try {
    const value = fn(...inputs);
    if (typeof value === 'number') return { value };
    return { problem: `returns ${value === undefined ? 'nothing (undefined)' : `a ${typeof value}`}, not a number` };
  } catch (error) {
    return { problem: `throws "${error instanceof Error ? error.message : String(error)}"` };
  }
}

/** `count` seeded points spread uniformly over [-limit, limit], the same every run. */
export function samplePoints(count: number, limit: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => (2 * random.uniform() - 1) * limit);
}

/** A number for a message: six significant digits, and NaN or Infinity said as they are. */
export function written(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return Number(value.toPrecision(6)).toString();
}

/**
 * True when `value` equals `candidate` up to rounding (relatively, so that tiny values in a
 * function's tail are told apart): how a hint recognises what the reader computed.
 */
export function resembles(value: number, candidate: number): boolean {
  return Math.abs(value - candidate) <= 1e-6 * Math.max(Math.abs(value), Math.abs(candidate)) + 1e-300;
}

/** True when `value` is a finite number within `tolerance` of `expected`. */
export function close(value: number, expected: number, tolerance: number): boolean {
  return Number.isFinite(value) && Math.abs(value - expected) <= tolerance;
}

/** How to compare the reader's function with the right one over many inputs. */
export interface Comparison {
  /** The check's name as the reader sees it. */
  name: string;
  fn: NumericFunction;
  /** Every argument list to try, in order; the first disagreement is the one reported. */
  inputs: readonly (readonly number[])[];
  expected: (inputs: readonly number[]) => number;
  tolerance: number;
  /** The inputs in words, e.g. "z = -2" or "logit = 3, target = 1". */
  where: (inputs: readonly number[]) => string;
  /** A hint for a wrong value: what the reader most likely computed, and what to change. */
  diagnose?: (inputs: readonly number[], value: number) => string | null;
}

/**
 * Runs `fn` on every input list and passes when each result is within the tolerance; a failure
 * names the first input that disagrees, what came back, what was expected, and a hint.
 */
export function compareAtPoints(comparison: Comparison): CheckResult {
  const { name, fn, inputs, expected, tolerance, where, diagnose } = comparison;
  let largest = 0;
  for (const args of inputs) {
    const outcome = callReader(fn, args);
    if ('problem' in outcome) return { name, passed: false, message: `At ${where(args)} your function ${outcome.problem}.` };
    const want = expected(args);
    if (!close(outcome.value, want, tolerance)) {
      const hint = diagnose?.(args, outcome.value);
      const said = `At ${where(args)} you return ${written(outcome.value)}, expected ${written(want)}`;
      return { name, passed: false, message: hint ? `${said}: ${hint}` : `${said}.` };
    }
    largest = Math.max(largest, Math.abs(outcome.value - want));
  }
  const count = inputs.length.toLocaleString('en-US');
  return { name, passed: true, message: `All ${count} agree to ${written(tolerance)} (the largest difference is ${written(largest)}).` };
}
