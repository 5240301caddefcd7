/**
 * Per-layer diagnostics at the current weights: one forward and backward pass over a batch,
 * then each layer's gradient norms, the mean size of its activation's derivative, and
 * statistics of its activations (spread, saturation, dead zeros, a histogram on fixed bins);
 * and how far each layer's weights have moved from a starting copy. What a vanishing- or
 * exploding-gradient widget measures; nothing here throws on overflow: non-finite values are
 * counted and flagged instead.
 */
import type { Dataset } from '../data/dataset.ts';
import type { LossId } from '../math/loss-kernels.ts';
import { activationBackward } from './activation-kernels.ts';
import { checkData, resolveLoss } from './checks.ts';
import type { LayerActivationId, LayerShape, Network } from './network.ts';
import { currentAlpha, wholeBatchPass } from './propagation.ts';

/** Σ values[k]² for k in [start, end): the squared L2 norm behind every gradient norm the engine reports. */
export function sumOfSquares(values: ArrayLike<number>, start = 0, end = values.length): number {
  let squares = 0;
  for (let k = start; k < end; k++) squares += values[k] * values[k];
  return squares;
}

/** Counts of one layer's activations on fixed, equal bins from `min` to `max`. */
export interface ActivationHistogram {
  readonly min: number;
  readonly max: number;
  /** counts[i] holds values in [min + i·w, min + (i+1)·w), w = (max - min)/bins; the last bin includes max. */
  readonly counts: readonly number[];
  /** Finite values below min and above max. */
  readonly below: number;
  readonly above: number;
}

/** Statistics of one layer's activations over every unit and row of the batch. */
export interface ActivationStatistics {
  /** Mean and (population) standard deviation of the finite activations; NaN when none is finite. */
  readonly mean: number;
  readonly standardDeviation: number;
  /**
   * Share within SATURATION_MARGIN of a horizontal asymptote (sigmoid: 0 and 1; tanh: -1 and 1;
   * ELU: -alpha; softplus: 0), where f' is nearly 0; null for an activation without one.
   */
  readonly saturatedFraction: number | null;
  /** Share exactly 0 (a ReLU unit's dead side). */
  readonly zeroFraction: number;
  /** Share that is Infinity or NaN. */
  readonly nonFiniteFraction: number;
  readonly histogram: ActivationHistogram;
}

/** What one weight layer looks like at the current weights. */
export interface LayerDiagnostics {
  readonly layer: number;
  readonly activation: LayerActivationId;
  /** ‖∂L/∂θ‖ over all the layer's parameters (weights, biases, alpha): EpochMetrics.gradientNorms for one batch. */
  readonly gradientNorm: number;
  /** ‖∂L/∂W‖ (Frobenius), the weights alone. */
  readonly weightGradientNorm: number;
  /** Mean of |f'(z)| and √mean(f'(z)²) over the batch's pre-activations; null for softmax (no scalar derivative). */
  readonly meanAbsoluteDerivative: number | null;
  readonly rmsDerivative: number | null;
  readonly activations: ActivationStatistics;
}

/** Every layer's diagnostics and the batch's loss; `finite` is false once any value was Infinity or NaN. */
export interface NetworkDiagnostics {
  readonly loss: number;
  readonly layers: readonly LayerDiagnostics[];
  readonly finite: boolean;
}

/** How close to an asymptote counts as saturated. */
export const SATURATION_MARGIN = 0.01;

/** What to measure on: a network, a batch (all of `data`), a loss, and the histograms' bins. */
export interface DiagnosticsOptions {
  readonly network: Network;
  readonly data: Dataset;
  readonly loss: LossId;
  readonly lossParams?: Readonly<Record<string, number>>;
  /** Bins per histogram. Default 20. */
  readonly bins?: number;
  /** The histograms' range for every layer; default the activation's range (sigmoid [0, 1], tanh [-1, 1]), else [-3, 3]. */
  readonly range?: readonly [number, number];
}

function asymptotes(shape: LayerShape, alpha: number): readonly number[] | null {
  switch (shape.activation) {
    case 'sigmoid':
      return [0, 1];
    case 'tanh':
      return [-1, 1];
    case 'elu':
      return alpha > 0 ? [-alpha] : null;
    case 'softplus':
      return [0];
    default:
      return null;
  }
}

function defaultRange(id: LayerActivationId): readonly [number, number] {
  if (id === 'sigmoid' || id === 'softmax' || id === 'step') return [0, 1];
  if (id === 'tanh') return [-1, 1];
  return [-3, 3];
}

/** Statistics of the first `length` values of `a` (see ActivationStatistics). */
export function activationStatistics(
  a: ArrayLike<number>,
  length: number,
  bounds: readonly number[] | null,
  range: readonly [number, number],
  bins: number,
): ActivationStatistics {
  const [min, max] = range;
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  let finite = 0;
  let sum = 0;
  let zeros = 0;
  let saturated = 0;
  let below = 0;
  let above = 0;
  // Up to two asymptotes; NaN (never within the margin of anything) where there is none.
  const low = bounds?.[0] ?? Number.NaN;
  const high = bounds?.[1] ?? Number.NaN;
  for (let k = 0; k < length; k++) {
    const value = a[k];
    if (!Number.isFinite(value)) continue;
    finite++;
    sum += value;
    if (value === 0) zeros++;
    if (Math.abs(value - low) < SATURATION_MARGIN || Math.abs(value - high) < SATURATION_MARGIN) saturated++;
    if (value < min) below++;
    else if (value > max) above++;
    else counts[Math.min(bins - 1, Math.floor((value - min) / width))]++;
  }
  const mean = finite > 0 ? sum / finite : Number.NaN;
  let squares = 0;
  for (let k = 0; k < length; k++) if (Number.isFinite(a[k])) squares += (a[k] - mean) * (a[k] - mean);
  return {
    mean,
    standardDeviation: finite > 0 ? Math.sqrt(squares / finite) : Number.NaN,
    saturatedFraction: bounds === null ? null : saturated / length,
    zeroFraction: zeros / length,
    nonFiniteFraction: (length - finite) / length,
    histogram: { min, max, counts, below, above },
  };
}

/**
 * Runs `data` as one batch forward and backward through `network` (left untouched) and
 * measures every layer: gradient norms, the derivative's mean size, activation statistics.
 * Never throws on overflow: values that are Infinity or NaN are counted, and `finite` says so.
 */
export function measureLayers(options: DiagnosticsOptions): NetworkDiagnostics {
  const { network, data } = options;
  const bins = options.bins ?? 20;
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`measureLayers: bins must be an integer >= 1, got ${bins}`);
  const { range } = options;
  if (range !== undefined && !(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1])) {
    throw new Error(`measureLayers: range must be two finite numbers, min < max, got ${JSON.stringify(range)}`);
  }
  const lossSpec = resolveLoss(options.loss, options.lossParams);
  checkData(network, options.loss, data, 'measureLayers');
  const count = data.size;
  const { workspace, loss } = wholeBatchPass(network, data, lossSpec);
  let finite = Number.isFinite(loss);
  const layers = network.shapes.map((shape, l): LayerDiagnostics => {
    const length = shape.outputs * count;
    const gradient = workspace.gradients[l];
    const alpha = currentAlpha(shape, network.parameters[l]);
    // The delta buffer is free after the backward pass: fill it with ones and let the engine's
    // own kernel multiply in f'(z), so the derivative is exactly the one back-propagated.
    let meanAbsoluteDerivative: number | null = null;
    let rmsDerivative: number | null = null;
    if (shape.activation !== 'softmax') {
      const derivative = workspace.delta[l];
      derivative.fill(1, 0, length);
      activationBackward(shape.activation, alpha, workspace.z[l], workspace.a[l], derivative, shape.outputs, count);
      let absolute = 0;
      for (let k = 0; k < length; k++) absolute += Math.abs(derivative[k]);
      meanAbsoluteDerivative = absolute / length;
      rmsDerivative = Math.sqrt(sumOfSquares(derivative, 0, length) / length);
    }
    const activations = activationStatistics(workspace.a[l], length, asymptotes(shape, alpha), range ?? defaultRange(shape.activation), bins);
    const gradientNorm = Math.sqrt(sumOfSquares(gradient));
    if (activations.nonFiniteFraction > 0 || !Number.isFinite(gradientNorm)) finite = false;
    return {
      layer: l,
      activation: shape.activation,
      gradientNorm,
      weightGradientNorm: Math.sqrt(sumOfSquares(gradient, 0, shape.biasOffset)),
      meanAbsoluteDerivative,
      rmsDerivative,
      activations,
    };
  });
  return { loss, layers, finite };
}

/** How far one layer's weights are from where they started. */
export interface WeightDistance {
  /** ‖W - W_initial‖ (Frobenius), weights only. */
  readonly distance: number;
  /** distance / ‖W_initial‖; 0 when both are 0, Infinity when only the start is 0. */
  readonly relative: number;
}

/** Per layer, the distance of `network`'s weights from `initial`'s (e.g. a cloneNetwork taken before training). */
export function weightDistances(network: Network, initial: Network): WeightDistance[] {
  if (network.shapes.length !== initial.shapes.length || network.shapes.some((s, l) => s.biasOffset !== initial.shapes[l].biasOffset)) {
    throw new Error('weightDistances: the two networks have different layer shapes');
  }
  return network.shapes.map((shape, l) => {
    const now = network.parameters[l];
    const start = initial.parameters[l];
    let squares = 0;
    for (let k = 0; k < shape.biasOffset; k++) squares += (now[k] - start[k]) * (now[k] - start[k]);
    const distance = Math.sqrt(squares);
    const size = Math.sqrt(sumOfSquares(start, 0, shape.biasOffset));
    return { distance, relative: distance === 0 ? 0 : distance / size };
  });
}
