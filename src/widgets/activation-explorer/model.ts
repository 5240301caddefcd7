/**
 * What the activation explorer shows, computed from its state with the numerics core only:
 * the sampled curves and their saturated zones, the probe's readout with a central-difference
 * check, and where one layer's pre-activations land at initialisation.
 */
import { activation, createRandom, type Activation, type ActivationId } from '../../lib/index.ts';
import { formatFixed } from '../common/format.ts';
import { chosenActivations, parametersOf, type ActivationExplorerState } from './state.ts';

export { properties, type Bound, type Properties, type SlopeWhere } from './properties.ts';

/** Where |f'(z)| falls below this, almost no gradient passes: the saturated zone. */
export const SATURATION_THRESHOLD = 0.01;

/** Samples per curve: odd, so z = 0 (where every kink lies) is a sample exactly. */
export const CURVE_SAMPLES = 801;

/** Bins of the pre-activation histogram over the z range. */
export const HISTOGRAM_BINS = 60;

/** Units of the sampled layer and standardised inputs fed through it: 128 × 64 pre-activations. */
export const LAYER_UNITS = 128;
export const LAYER_INPUTS = 64;

/** The activation object for one chosen id under this state's parameters. */
export function activationOf(state: ActivationExplorerState, id: ActivationId): Activation {
  return activation(id, parametersOf(state, id));
}

/** Where `fn`'s derivative jumps (or, for the step, the function itself): at 0, unless the two branches agree. */
export function kinksOf(fn: Activation): number[] {
  if (fn.id === 'step' || fn.id === 'relu') return [0];
  if (fn.id === 'leaky_relu' || fn.id === 'prelu' || fn.id === 'elu') return fn.params.alpha === 1 ? [] : [0];
  return [];
}

/** True where almost no gradient passes. */
export function isSaturated(fn: Activation, z: number): boolean {
  return Math.abs(fn.df(z)) < SATURATION_THRESHOLD;
}

/** One sampled point of f and f'. */
export interface CurvePoint {
  z: number;
  f: number;
  df: number;
}

/** One chosen function's curves over the z range. */
export interface Curve {
  id: ActivationId;
  name: string;
  points: CurvePoint[];
  /** Kinks inside the range; each is a sample, so the chart draws it where it is. */
  kinks: number[];
  /** Closed intervals [from, to] where |f'(z)| < 0.01, ends found by bisection between samples. */
  saturated: [number, number][];
}

/** The boundary of `inside` between a (inside) and b (outside), by bisection to float precision. */
function boundary(inside: (z: number) => boolean, a: number, b: number): number {
  let [near, far] = [a, b];
  for (let i = 0; i < 60 && Math.abs(far - near) > 1e-12; i++) {
    const middle = (near + far) / 2;
    if (inside(middle)) near = middle;
    else far = middle;
  }
  return near;
}

function saturatedIntervals(fn: Activation, points: readonly CurvePoint[]): [number, number][] {
  const inside = (z: number) => isSaturated(fn, z);
  const intervals: [number, number][] = [];
  let start: number | undefined;
  for (let i = 0; i < points.length; i++) {
    const here = Math.abs(points[i].df) < SATURATION_THRESHOLD;
    if (here && start === undefined) start = i === 0 ? points[0].z : boundary(inside, points[i].z, points[i - 1].z);
    if (!here && start !== undefined) {
      intervals.push([start, boundary(inside, points[i - 1].z, points[i].z)]);
      start = undefined;
    }
  }
  if (start !== undefined) intervals.push([start, points.at(-1)!.z]);
  return intervals;
}

/** f and f' of every chosen function, sampled over [-range, range], with kinks and saturated zones. */
export function curves(state: ActivationExplorerState): Curve[] {
  const range = state.range;
  return chosenActivations(state).map((id) => {
    const fn = activationOf(state, id);
    const points: CurvePoint[] = [];
    for (let i = 0; i < CURVE_SAMPLES; i++) {
      // The middle sample is exactly 0: -range + range.
      const z = -range + (2 * range * i) / (CURVE_SAMPLES - 1);
      points.push({ z, f: fn.f(z), df: fn.df(z) });
    }
    const kinks = kinksOf(fn).filter((kink) => kink >= -range && kink <= range);
    return { id, name: fn.name, points, kinks, saturated: saturatedIntervals(fn, points) };
  });
}

/** The probe's readout for one function. */
export interface ProbeReading {
  id: ActivationId;
  name: string;
  z: number;
  f: number;
  /** f'(z) from the library. */
  df: number;
  /** (f(z + h) - f(z - h)) / 2h. */
  estimate: number;
  h: number;
  /** |estimate - df| / (|estimate| + |df|), 0 when both are 0 (the library's gradient check's measure): in [0, 1]. */
  relativeDifference: number;
  /** Set at or within h of a kink: what the derivative is there and whose convention that is. */
  note?: string;
}

/** The convention the library follows at `fn`'s kink, in words. */
export function kinkConvention(fn: Activation): string {
  const alpha = fn.params.alpha === undefined ? '' : formatFixed(fn.params.alpha, 2);
  switch (fn.id) {
    case 'step':
      return "the step jumps at 0; the library takes H(0) = 1, as torch.heaviside(z, values=1), and H'(0) = 0 (its derivative is 0 everywhere)";
    case 'relu':
      return "ReLU'(0) = 0, as in PyTorch";
    case 'leaky_relu':
      return `Leaky ReLU'(0) = α = ${alpha}, the left branch, as in PyTorch`;
    case 'prelu':
      return `PReLU'(0) = α = ${alpha}, the left branch, as in PyTorch`;
    default:
      return `ELU'(0) = α = ${alpha}, the left branch, as in PyTorch`;
  }
}

/**
 * f, f' and a central-difference check of f' at the probe z, for every chosen function.
 *
 * The step h is relative to |z|: h = ε^(1/3)·max(1, |z|), ε the float64 epsilon. The central
 * difference's truncation error grows as h² and its rounding error as ε·|f|/h; ε^(1/3) balances
 * the two, and scaling by |z| keeps z ± h distinct from z (at z = 1000 a fixed 1e-5 would lose
 * most of its digits to rounding z + h). The difference is divided by the step actually taken,
 * (z + h) - (z - h), so rounding of z ± h does not bias the estimate.
 */
export function probe(state: ActivationExplorerState): ProbeReading[] {
  const z = state.z;
  const h = Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(z));
  return chosenActivations(state).map((id) => {
    const fn = activationOf(state, id);
    const [upper, lower] = [z + h, z - h];
    const estimate = (fn.f(upper) - fn.f(lower)) / (upper - lower);
    const df = fn.df(z);
    const scale = Math.abs(estimate) + Math.abs(df);
    const reading: ProbeReading = {
      id,
      name: fn.name,
      z,
      f: fn.f(z),
      df,
      estimate,
      h,
      relativeDifference: scale === 0 ? 0 : Math.abs(estimate - df) / scale,
    };
    const kink = kinksOf(fn).find((point) => Math.abs(z - point) < h);
    if (kink !== undefined) {
      const where = z === kink ? `z = ${formatFixed(kink, 0)} is a kink` : `z is within h of the kink at ${formatFixed(kink, 0)}`;
      const straddle = fn.id === 'step' ? 'it spans the jump and reads about 1/(2h), not a slope' : 'it averages the slopes on either side';
      reading.note = `${where}: the derivative is not defined there, and ${kinkConvention(fn)}. The central difference straddles it, so ${straddle}.`;
    }
    return reading;
  });
}

/** One bin of the pre-activation histogram. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
  /** count / all pre-activations (those outside the range included). */
  share: number;
}

/** One chosen function's share of the sampled units in its saturated zone. */
export interface SaturatedShare {
  id: ActivationId;
  name: string;
  share: number;
}

/** The pre-activations of one layer at initialisation, and how many land where f' ≈ 0. */
export interface InputsLand {
  /** Every sampled z, unit-major (LAYER_UNITS rows of LAYER_INPUTS). */
  samples: Float64Array;
  /** The weights' standard deviation under the chosen initialisation. */
  weightDeviation: number;
  bins: HistogramBin[];
  /** How many z fall below -range and above range (not in any bin). */
  below: number;
  above: number;
  saturated: SaturatedShare[];
}

/**
 * The weights' standard deviation for fan-in n. Xavier/Glorot is N(0, 2/(in + out)) as the
 * library's 'xavier'; the sampled layer is taken as n -> n (the issue's "a layer n -> n", the
 * usual square hidden layer), so fan-out = fan-in and the variance is 1/n, which keeps Var(z) = 1.
 * He is N(0, 2/n); 'normal' is N(0, 1); 'custom' is the chosen σ.
 */
export function weightDeviation(state: ActivationExplorerState): number {
  const n = state.fanIn;
  if (state.init === 'xavier') return Math.sqrt(2 / (n + n));
  if (state.init === 'he') return Math.sqrt(2 / n);
  if (state.init === 'normal') return 1;
  return state.sigma;
}

/**
 * z = w·x + b for LAYER_UNITS units (weights drawn from the initialisation, bias 0) and
 * LAYER_INPUTS standardised inputs (each x_i ~ N(0, 1)), seeded: weights from stream 0 and
 * inputs from stream 1 of createRandom(seed), so the same state gives the same numbers, bit for bit.
 */
export function inputsLand(state: ActivationExplorerState): InputsLand {
  const n = state.fanIn;
  const deviation = weightDeviation(state);
  const weightSource = createRandom(state.seed, 0);
  const inputSource = createRandom(state.seed, 1);
  const weights = Float64Array.from({ length: LAYER_UNITS * n }, () => deviation * weightSource.normal());
  const inputs = Float64Array.from({ length: LAYER_INPUTS * n }, () => inputSource.normal());
  const samples = new Float64Array(LAYER_UNITS * LAYER_INPUTS);
  for (let unit = 0; unit < LAYER_UNITS; unit++) {
    for (let input = 0; input < LAYER_INPUTS; input++) {
      let z = 0;
      for (let i = 0; i < n; i++) z += weights[unit * n + i] * inputs[input * n + i];
      samples[unit * LAYER_INPUTS + input] = z;
    }
  }
  const range = state.range;
  const width = (2 * range) / HISTOGRAM_BINS;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  let [below, above] = [0, 0];
  for (const z of samples) {
    if (z < -range) below++;
    else if (z > range) above++;
    else counts[Math.min(HISTOGRAM_BINS - 1, Math.floor((z + range) / width))]++;
  }
  const total = samples.length;
  const bins = counts.map((count, i) => ({ from: -range + i * width, to: -range + (i + 1) * width, count, share: count / total }));
  const saturated = chosenActivations(state).map((id) => {
    const fn = activationOf(state, id);
    let count = 0;
    for (const z of samples) if (isSaturated(fn, z)) count++;
    return { id, name: fn.name, share: count / total };
  });
  return { samples, weightDeviation: deviation, bins, below, above, saturated };
}
