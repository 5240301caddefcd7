/**
 * Per-unit measurements of the hidden layers at the current weights: which units have every
 * pre-activation at or below 0 over a data set (for ReLU exactly the units whose output is 0
 * for every input, so no gradient reaches their incoming weights: dead), the share of each
 * unit's pre-activations at or below 0, their range and, on request, their histogram, and each
 * unit's incoming gradient norm (its weights and bias) for the data as one batch. What a
 * dying-ReLU widget counts; the network is left untouched.
 */
import type { Dataset } from '../data/dataset.ts';
import type { LossId } from '../math/loss-kernels.ts';
import { checkData, resolveLoss } from './checks.ts';
import type { ActivationHistogram } from './diagnostics.ts';
import type { LayerActivationId, Network } from './network.ts';
import { wholeBatchPass } from './propagation.ts';

/** One hidden unit over the data set. */
export interface UnitMeasurement {
  /** Every pre-activation z ≤ 0: a ReLU unit outputs exactly 0 everywhere and its incoming gradient is exactly 0. */
  readonly allNonPositive: boolean;
  /** Share of the rows where z ≤ 0. */
  readonly nonPositiveFraction: number;
  /** Smallest and largest pre-activation (NaN if any is NaN). */
  readonly minimum: number;
  readonly maximum: number;
  /** ‖∂L/∂(w_j, b_j)‖: the L2 norm of the gradient of the unit's incoming weights and bias, the data as one batch. */
  readonly gradientNorm: number;
  /** The pre-activations on `bins` equal bins from min(minimum, 0) to max(maximum, 0); only when bins were asked for. */
  readonly histogram: ActivationHistogram | null;
}

/** One hidden layer's units. */
export interface LayerUnits {
  readonly layer: number;
  readonly activation: LayerActivationId;
  readonly units: readonly UnitMeasurement[];
  /** Share of the layer's units with allNonPositive. */
  readonly allNonPositiveFraction: number;
}

/** What to measure on: a network, all of `data` as one batch, a loss, and histogram bins if wanted. */
export interface UnitOptions {
  readonly network: Network;
  readonly data: Dataset;
  readonly loss: LossId;
  readonly lossParams?: Readonly<Record<string, number>>;
  /** Bins of each unit's pre-activation histogram; leave out for no histograms. */
  readonly bins?: number;
}

/** Counts of the first `count` values of `z` from `start` on equal bins over [min, max]. */
function histogramOf(z: ArrayLike<number>, start: number, count: number, min: number, max: number, bins: number): ActivationHistogram {
  const counts = new Array<number>(bins).fill(0);
  // A unit whose pre-activations are all 0 still gets a bin of width 1 around them.
  const [low, high] = min === max ? [min - 0.5, max + 0.5] : [min, max];
  const width = (high - low) / bins;
  for (let k = start; k < start + count; k++) {
    const value = z[k];
    if (!Number.isFinite(value)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((value - low) / width)))]++;
  }
  return { min: low, max: high, counts, below: 0, above: 0 };
}

/**
 * Runs `data` as one batch forward and backward through `network` and measures every hidden
 * layer's units (see UnitMeasurement). The output layer is not measured.
 */
export function measureUnits(options: UnitOptions): LayerUnits[] {
  const { network, data, bins } = options;
  if (bins !== undefined && (!Number.isInteger(bins) || bins < 1)) throw new Error(`measureUnits: bins must be an integer >= 1, got ${bins}`);
  const lossSpec = resolveLoss(options.loss, options.lossParams);
  checkData(network, options.loss, data, 'measureUnits');
  const count = data.size;
  const { workspace } = wholeBatchPass(network, data, lossSpec);
  return network.shapes.slice(0, -1).map((shape, l): LayerUnits => {
    const z = workspace.z[l];
    const gradient = workspace.gradients[l];
    const units = Array.from({ length: shape.outputs }, (_, j): UnitMeasurement => {
      let nonPositive = 0;
      let minimum = Infinity;
      let maximum = -Infinity;
      let nan = false;
      for (let k = j * count; k < (j + 1) * count; k++) {
        const value = z[k];
        if (value <= 0) nonPositive++;
        if (Number.isNaN(value)) nan = true;
        if (value < minimum) minimum = value;
        if (value > maximum) maximum = value;
      }
      let squares = gradient[shape.biasOffset + j] ** 2;
      for (let i = j * shape.inputs; i < (j + 1) * shape.inputs; i++) squares += gradient[i] * gradient[i];
      const finiteRange = !nan && Number.isFinite(minimum) && Number.isFinite(maximum);
      return {
        allNonPositive: nonPositive === count,
        nonPositiveFraction: nonPositive / count,
        minimum: nan ? Number.NaN : minimum,
        maximum: nan ? Number.NaN : maximum,
        gradientNorm: Math.sqrt(squares),
        histogram: bins !== undefined && finiteRange ? histogramOf(z, j * count, count, Math.min(minimum, 0), Math.max(maximum, 0), bins) : null,
      };
    });
    const dead = units.filter((unit) => unit.allNonPositive).length;
    return { layer: l, activation: shape.activation, units, allNonPositiveFraction: dead / shape.outputs };
  });
}
