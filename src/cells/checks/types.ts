import type { CheckResult } from '../protocol.ts';
import { formatInline, formatNumber } from '../serialise.ts';

/** What the reader's cell exported: `export function f` lands here as `f`. */
export type CellExports = Readonly<Record<string, unknown>>;

/** A graded exercise: reads the cell's exports and says, check by check, what is right. */
export type GradedCheck = (exports: CellExports) => CheckResult[] | Promise<CheckResult[]>;

/** The exported function `name`, or a failed check telling the reader to export it. */
export function exportedFunction(exports: CellExports, name: string): ((...args: never[]) => unknown) | CheckResult {
  const value = exports[name];
  if (typeof value === 'function') return value as (...args: never[]) => unknown;
  const found = value === undefined ? '' : ` (your ${name} is ${typeof value}, not a function)`;
  return { name: `exports ${name}`, passed: false, message: `Export a function named ${name}${found}: write export function ${name}(...) { ... }.` };
}

/** Calls the reader's function, turning a throw into a sentence that names the call. */
export function callReader(call: () => unknown, callText: string): { value: unknown } | { problem: string } {
  try {
    return { value: call() };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { problem: `${callText} threw ${reason}` };
  }
}

/** Whether `actual` is within `tolerance` of `expected`, relative to its size above 1. */
export function closeTo(actual: unknown, expected: number, tolerance: number): boolean {
  if (typeof actual !== 'number') return false;
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** The longest string quoted back to the reader in a message; a longer one is cut with "…". */
const MAX_QUOTED = 40;

/** Whether `value` is a Promise or acts as one; reading `then` runs the reader's getter, so a throw means no. */
function isThenable(value: unknown): boolean {
  try {
    return value instanceof Promise || (typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function');
  } catch {
    return false;
  }
}

/** A value that is not a number, in words: "the string \"0\"", "an object { valueOf: … }". */
function inWords(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing (undefined)';
    case 'string':
      return `the string ${JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value)}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'bigint':
      return `the bigint ${value}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  try {
    // formatInline reads the object's keys and values, and those may be the reader's getters.
    return `an object ${formatInline(value, true)}`;
  } catch {
    return 'an object';
  }
}

/**
 * What follows "you return" when the reader's `called` returned `value` where the number
 * `expected` was wanted: `the string "0", expected the number 0`, and for a Promise (an async
 * function) `a Promise: write f without async`, since a check reads the result at once.
 */
export function notANumber(value: unknown, called: string, expected: number): string {
  if (isThenable(value)) {
    // A rejected Promise nobody waits for would be reported as unhandled; this one is answered here.
    if (value instanceof Promise) Promise.prototype.then.call(value, undefined, () => {});
    return `a Promise: write ${called} without async`;
  }
  return `${inWords(value)}, expected the number ${formatNumber(expected)}`;
}
