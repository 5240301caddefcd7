import type { CheckResult } from '../protocol.ts';

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
