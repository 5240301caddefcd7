/**
 * An activation's properties, computed from the library's f and f' rather than typed: its range
 * and boundedness, whether it is zero-centred or monotonic, and its largest slope and where.
 * Interior behaviour is read from a fine sample of [-15, 15] (wide enough for every feature,
 * narrow enough that σ(15) and tanh(15) still differ from 1 in float64); the limits at ±∞ are
 * estimated from z = ±1e3 and ±1e6.
 */
import { activation, type ActivationId, type ActivationParams } from '../../lib/index.ts';

const INTERIOR = 15;
const STEP = 0.005;
const NEAR = 1e3;
const FAR = 1e6;
/** How close two values must be to count as equal: well above float noise, below any real feature. */
const TOLERANCE = 1e-9;

/** One end of the range: unbounded, or bounded by `value`, which f takes (closed) or only approaches (open). */
export type Bound = { kind: 'unbounded' } | { kind: 'bounded'; value: number; attained: boolean };

/** Where the largest slope is: at a point, on an interval (null: unbounded that side), or approached as z → ±∞. */
export type SlopeWhere =
  | { kind: 'point'; z: number }
  | { kind: 'interval'; from: number | null; to: number | null }
  | { kind: 'limit'; side: -1 | 1 };

/** What the explorer says about one activation. */
export interface Properties {
  lower: Bound;
  upper: Bound;
  /** The only values f takes, when there are at most two of them (the step's {0, 1}). */
  values?: number[];
  /**
   * The mean of f(z) over standard normal z (standardised inputs, a unit at initialisation): what
   * "zero-centred" is about, since a layer whose outputs average above 0 feeds the next layer
   * inputs of one sign. Computed by quadrature on the interior sample.
   */
  meanOutput: number;
  /** |meanOutput| < 0.01: tanh, linear, PReLU with α near 1; not Leaky ReLU (0.39), ELU (0.16), Swish or GELU, though each has f(0) = 0 and both signs. */
  zeroCentred: boolean;
  /** f' ≥ 0 at every sample. */
  monotonic: boolean;
  /** Where f' changes sign from - to + (f's local minima), when it is not monotonic. */
  minima: number[];
  largestSlope: { value: number; where: SlopeWhere };
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** How f behaves towards one infinity: settling on a limit, or growing without bound (up or down). */
type Tail = { settles: true; limit: number } | { settles: false; direction: number };

function tail(f: (z: number) => number, towards: -1 | 1): Tail {
  const [near, far] = [f(towards * NEAR), f(towards * FAR)];
  return close(near, far) ? { settles: true, limit: far + 0 } : { settles: false, direction: Math.sign(far - near) };
}

/**
 * One side of the range (side -1: below, 1: above) from the interior extreme of f on that side
 * and its two tails: unbounded if a tail grows that way, else the farther of the extreme and
 * the limits, attained when f reaches it at a sampled z.
 */
function bound(extreme: number, tails: readonly Tail[], side: -1 | 1): Bound {
  if (tails.some((end) => !end.settles && end.direction === side)) return { kind: 'unbounded' };
  const limits = tails.flatMap((end) => (end.settles ? [end.limit] : []));
  const limit = side === -1 ? Math.min(...limits) : Math.max(...limits);
  if (limits.length === 0 || (side * (extreme - limit) > 0 && !close(extreme, limit))) {
    return { kind: 'bounded', value: extreme + 0, attained: true };
  }
  return { kind: 'bounded', value: limit, attained: extreme === limit };
}

/** The golden-section maximum of g on [a, b]. */
function argmax(g: (z: number) => number, a: number, b: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [low, high] = [a, b];
  for (let i = 0; i < 80 && high - low > 1e-12; i++) {
    const left = high - ratio * (high - low);
    const right = low + ratio * (high - low);
    if (g(left) < g(right)) low = left;
    else high = right;
  }
  return (low + high) / 2;
}

/** The root of g between a and b (either order), where g changes sign, by bisection. */
function root(g: (z: number) => number, a: number, b: number): number {
  let [low, high] = [a, b];
  const lowSign = Math.sign(g(low));
  for (let i = 0; i < 80 && Math.abs(high - low) > 1e-13; i++) {
    const middle = (low + high) / 2;
    if (Math.sign(g(middle)) === lowSign) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** A z found by search, with the last digits of search noise next to 0 (every kink's place) removed. */
function snap(z: number): number {
  return Math.abs(z) < 1e-6 ? 0 : z;
}

function largestSlope(df: (z: number) => number, zs: readonly number[], slopes: readonly number[]): Properties['largestSlope'] {
  const interior = Math.max(...slopes);
  for (const side of [1, -1] as const) {
    const limit = df(side * FAR);
    if (limit > interior && !close(limit, interior)) return { value: limit, where: { kind: 'limit', side } };
  }
  const top = slopes.flatMap((slope, i) => (close(slope, interior) ? [i] : []));
  const [first, last] = [top[0], top.at(-1)!];
  if (first === last && first > 0 && first < zs.length - 1) {
    // A sample already at the peak (sigmoid's 0) beats the search, whose flat top blurs z to ~√ε.
    const refined = argmax(df, zs[first - 1], zs[first + 1]);
    const z = df(zs[first]) >= df(refined) ? zs[first] : refined;
    return { value: df(z), where: { kind: 'point', z: snap(z) } };
  }
  if (first === last) return { value: interior, where: { kind: 'point', z: zs[first] } };
  // A run of samples at the largest slope (ReLU's z > 0): its ends, unbounded where they reach the sample's edge.
  const onTop = (z: number) => close(df(z), interior);
  const edge = (i: number, outward: -1 | 1): number | null => {
    if (i === (outward === -1 ? 0 : zs.length - 1)) return close(df(outward * FAR), interior) ? null : zs[i];
    return snap(root((x) => (onTop(x) ? 1 : -1), zs[i], zs[i + outward]));
  };
  return { value: interior, where: { kind: 'interval', from: edge(first, -1), to: edge(last, 1) } };
}

/** How far from 0 a mean output may lie and still count as zero-centred: a hundredth of a standard normal input. */
const CENTRED = 0.01;

/**
 * E[f(z)] for z ~ N(0, 1) by the midpoint rule on the interior (the mass beyond ±15 is below
 * 1e-49). Midpoints miss z = 0, so the step's single point f(0) = 1 does not count, as it has no mass.
 */
function normalMean(f: (z: number) => number): number {
  let sum = 0;
  for (let z = -INTERIOR + STEP / 2; z < INTERIOR; z += STEP) sum += f(z) * Math.exp(-0.5 * z * z);
  return (sum * STEP) / Math.sqrt(2 * Math.PI);
}

/** The properties of activation `id` with `params` (the library's defaults when omitted). */
export function properties(id: ActivationId, params?: Partial<ActivationParams>): Properties {
  const fn = activation(id, params);
  const zs = Array.from({ length: Math.round((2 * INTERIOR) / STEP) + 1 }, (_, i) => -INTERIOR + i * STEP);
  const values = zs.map((z) => fn.f(z));
  const slopes = zs.map((z) => fn.df(z));
  const [lowest, highest] = [Math.min(...values), Math.max(...values)];
  const tails = [tail(fn.f, -1), tail(fn.f, 1)];
  const [lower, upper] = [bound(lowest, tails, -1), bound(highest, tails, 1)];
  const distinct = [...new Set(values)];
  const mean = normalMean(fn.f);
  const minima: number[] = [];
  for (let i = 1; i < zs.length; i++) {
    if (slopes[i - 1] < 0 && slopes[i] >= 0) minima.push(root(fn.df, zs[i - 1], zs[i]));
  }
  return {
    lower,
    upper,
    ...(distinct.length <= 2 ? { values: distinct.map((value) => value + 0).sort((a, b) => a - b) } : {}),
    meanOutput: Math.abs(mean) < 1e-12 ? 0 : mean,
    zeroCentred: Math.abs(mean) < CENTRED,
    monotonic: slopes.every((slope) => slope >= 0),
    minima,
    largestSlope: largestSlope(fn.df, zs, slopes),
  };
}
