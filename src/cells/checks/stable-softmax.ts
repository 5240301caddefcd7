/**
 * Lesson 4's graded exercise: the reader's softmax(z), a whole vector in and out, against the
 * course's softmax: on three simple vectors, then 200 seeded random ones (lengths 2 to 10,
 * logits in [−20, 20]) to 1e-12 absolute, then on logits of ±1000, where e^z overflows to
 * Infinity (or underflows to 0) and the naive formula gives NaN. Separately, the reader's
 * function must leave its input array as it was.
 */
import { createRandom, softmax as reference } from '../../lib/index.ts';
import type { CheckResult } from '../protocol.ts';
import { formatNumber } from '../serialise.ts';
import { after, resembles } from './support.ts';
import { callReader, exportedFunction, type CellExports } from './types.ts';

/** Absolute: every probability lies in [0, 1], and the stable formula is right to about 1e-16. */
const TOLERANCE = 1e-12;

/** A few vectors a reader can try by hand, first, so a first mistake is named at one of them. */
const SIMPLE = [[2, 1, 0.1, -1], [0, 0], [1, 2, 3]];

/** `count` seeded logit vectors, lengths 2 to 10, entries uniform in [−20, 20]: the same every run. */
function randomVectors(count: number, seed: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const length = 2 + Math.floor(random.uniform() * 9);
    return Array.from({ length }, () => (2 * random.uniform() - 1) * 20);
  });
}

const BODY = [...SIMPLE, ...randomVectors(200, 4)];
/** Where the naive formula gives NaN: overflow, underflow, a tie at the top, and a spread of 2000. */
const EXTREMES = [[1000, 999, -1000], [-1000, -1000], [1000, 1000, 1000], [-1000, 0, 1000], [1000, -1000]];

type Softmax = (z: number[]) => unknown;

const vectorText = (values: readonly number[]) => `[${values.map(formatNumber).join(', ')}]`;

/** e^z / Σ e^z as written, for recognising what a wrong answer was. */
function naive(z: readonly number[]): number[] {
  const exponentials = z.map(Math.exp);
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => e / sum);
}

const alike = (values: readonly number[], candidate: readonly number[]) =>
  values.length === candidate.length && values.every((value, i) => resembles(value, candidate[i]));

/** Whether the reader's softmax is right at `z` (used to probe what a failing version does). */
function rightAt(fn: Softmax, z: number[]): boolean {
  const outcome = callReader(() => fn([...z]), 'softmax');
  if (!('value' in outcome) || !Array.isArray(outcome.value)) return false;
  const want = reference(z);
  return outcome.value.length === want.length && outcome.value.every((p, i) => typeof p === 'number' && Math.abs(p - want[i]) <= TOLERANCE);
}

/** What the reader most likely computed, and what to change. */
function diagnose(fn: Softmax, z: readonly number[], values: readonly number[]): string {
  const max = Math.max(...z);
  const min = Math.min(...z);
  if (values.some((value) => !Number.isFinite(value))) {
    // A softmax that shifts by the smallest logit is right wherever the spread is below 709.78.
    if (max - min > 709 && rightAt(fn, [1000, 999]) && rightAt(fn, [-1000, -999])) {
      return `you seem to subtract the smallest logit: that makes every exponent ≥ 0, and here the largest is ${formatNumber(max - min)}, so e^${formatNumber(max - min)} overflows to Infinity; subtract the largest logit instead, so that every exponent is ≤ 0`;
    }
    if (max > 709) return `e^${formatNumber(max)} overflows to Infinity, and Infinity / Infinity is NaN: subtract the largest logit first, so that every exponent is ≤ 0`;
    if (max < -745) return `e^${formatNumber(max)} underflows to 0 for every logit, and 0 / 0 is NaN: subtract the largest logit first, so that the largest term is e^0 = 1`;
    return 'some of your probabilities are not finite numbers: subtract the largest logit first, so that every exponent is ≤ 0 and the sum is at least 1';
  }
  if (values.every((value) => value === 0)) return 'your code still returns 0 for every class';
  if (alike(values, z.map(Math.exp))) return 'those are the exponentials e^z themselves: divide each by their sum, so that they add up to 1';
  if (alike(values, z.map((v) => Math.exp(v - max)))) return 'those are e^(z − max), each at most 1, but not yet divided by their sum';
  if (alike(values, reference(z.map((v) => -v)))) return 'that is softmax(−z): the sign is flipped, and the largest logit must get the largest probability';
  const sum = values.reduce((total, p) => total + p, 0);
  if (Math.abs(sum - 1) > 1e-9) return `yours sum to ${formatNumber(sum)}, not 1: divide each e^(z_i − max) by the sum of all of them`;
  if (alike(values, naive(z))) return 'that is the naive formula, right here only by luck of rounding';
  return 'softmax(z)_i = e^(z_i − max) / Σ_j e^(z_j − max), with max the largest logit';
}

/** The reader's result at `z` as a list of numbers, or the sentence saying why it is not one. */
function numbersFrom(fn: Softmax, z: readonly number[]): number[] | string {
  const outcome = callReader(() => fn([...z]), `softmax(${vectorText(z)})`);
  if ('problem' in outcome) return `${outcome.problem}`;
  const { value } = outcome;
  if (value instanceof Promise) {
    Promise.prototype.then.call(value, undefined, () => {});
    return 'you return a Promise: write softmax without async';
  }
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return `you return ${value === null ? 'null' : typeof value}, not an array of ${z.length} probabilities`;
  const values = Array.from(value as ArrayLike<unknown>);
  if (values.length !== z.length) return `you return ${values.length} numbers for ${z.length} logits: softmax gives one probability per logit`;
  const bad = values.findIndex((entry) => typeof entry !== 'number');
  if (bad >= 0) return `entry ${bad} of your result is ${typeof values[bad]}, not a number`;
  return values as number[];
}

/** Compares the reader's softmax with the course's on every vector; the first disagreement is reported. */
function compareVectors(fn: Softmax, name: string, vectors: readonly number[][]): CheckResult {
  let largest = 0;
  for (const z of vectors) {
    const values = numbersFrom(fn, z);
    if (typeof values === 'string') return { name, passed: false, message: `At z = ${vectorText(z)}: ${values}.` };
    const want = reference(z);
    const worst = Math.max(...values.map((p, i) => (Number.isNaN(p) ? Infinity : Math.abs(p - want[i]))));
    const sum = values.reduce((total, p) => total + p, 0);
    if (!(worst <= TOLERANCE) || !(Math.abs(sum - 1) <= TOLERANCE * z.length)) {
      const message = `At z = ${vectorText(z)} you return ${vectorText(values)}, expected ${vectorText(want)}: ${diagnose(fn, z, values)}.`;
      return { name, passed: false, message };
    }
    largest = Math.max(largest, worst);
  }
  return { name, passed: true, message: `All ${vectors.length} vectors agree to ${formatNumber(TOLERANCE)} and sum to 1 (the largest difference is ${formatNumber(largest)}).` };
}

/** Passes when the reader's softmax leaves every input array exactly as it was. */
function leavesInput(fn: Softmax, vectors: readonly number[][]): CheckResult {
  const name = 'softmax leaves its input array unchanged';
  for (const z of vectors) {
    const input = [...z];
    callReader(() => fn(input), 'softmax');
    const changed = input.findIndex((value, i) => !Object.is(value, z[i]));
    if (changed >= 0 || input.length !== z.length) {
      const detail = changed >= 0 ? `z[${changed}] was ${formatNumber(z[changed])} and is now ${formatNumber(input[changed])}` : `its length went from ${z.length} to ${input.length}`;
      return {
        name,
        passed: false,
        message: `Your softmax changed the array it was given: at z = ${vectorText(z)}, ${detail}. The caller still needs its logits; compute into a new array, e.g. with z.map(...).`,
      };
    }
  }
  return { name, passed: true, message: `All ${vectors.length} input arrays were left as they were.` };
}

/** Grades `export function softmax(z: number[]): number[]`. */
export function stableSoftmax(exports: CellExports): CheckResult[] {
  const fn = exportedFunction(exports, 'softmax');
  if (typeof fn !== 'function') return [fn];
  const reader = fn as unknown as Softmax;
  const body = compareVectors(reader, 'softmax on 3 simple vectors and 200 random ones (lengths 2 to 10, logits in [−20, 20])', BODY);
  const tailsName = 'softmax on logits of ±1000, where e^z overflows or underflows';
  const tails = after(body, tailsName, () => compareVectors(reader, tailsName, EXTREMES));
  return [body, tails, leavesInput(reader, [...SIMPLE, ...EXTREMES])];
}
