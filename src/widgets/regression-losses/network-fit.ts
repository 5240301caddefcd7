/**
 * The optional curved fits: one small network per loss (1-16-16-1, tanh hidden units, a linear
 * output), trained by the course's engine with full-batch Adam for a fixed number of epochs, so
 * that MSE's pull towards one-sided outliers shows on a target no straight line fits. All three
 * start from the same seeded weights and see the same data; only the loss differs.
 *
 * Inside, x and y are standardised (centred on their mean, divided by their standard deviation,
 * computed after a first scaling to [-1, 1] so that nothing overflows), and Huber's delta is
 * divided by y's scale so that it keeps its meaning in the points' units; the fitted curve is
 * mapped back. Measured in Node 22 on a shared 2-core machine (median of 9 runs after a warm-up,
 * all three networks, NETWORK_EPOCHS epochs): about 45 ms at 40 points and 175 ms at 250, most
 * of it tanh and its derivative in the engine's activation kernels. Cheap enough to refit when a
 * drag ends, not on every pointer move.
 */
import { checkSeed, createDataset, createTrainer, loss, train, type TrainingConfig } from '../../lib/index.ts';
import type { Points } from './fits.ts';
import { REGRESSION_LOSSES, bestConstant, type PerLoss, type RegressionLoss } from './model.ts';

/** One loss's network, as a curve sampled on a grid of x values. */
export interface NetworkFit {
  /** The grid, `samples` values from `from` to `to`. */
  readonly xs: Float64Array;
  /** The network's prediction at each x, in the points' units; always finite. */
  readonly ys: Float64Array;
  /**
   * The loss's mean over the points at the end, in the points' units (Huber at the given delta);
   * Infinity only if squaring a residual overflows (residuals past about 1e154).
   */
  readonly loss: number;
  /** Epochs trained (options.epochs, by default NETWORK_EPOCHS; fewer after a divergence), or 0 when no network was needed (fewer than 2 x values). */
  readonly epochs: number;
  /**
   * True when no finite curve came out (training met a loss that was not finite, or the grid
   * lies so far from the points that scaling it overflows): the curve is then the flat line
   * at the loss's best constant.
   */
  readonly diverged: boolean;
}

/** How to fit and where to sample the curves. */
export interface NetworkFitOptions {
  /** Seeds the initial weights, the same for the three losses. */
  readonly seed: number;
  /** The grid's ends; by default the points' smallest and largest x (± 1 when they are equal). */
  readonly from?: number;
  readonly to?: number;
  /** Grid size, an integer from 2 to MAX_SAMPLES (default DEFAULT_SAMPLES). */
  readonly samples?: number;
  /** Epochs to train (default NETWORK_EPOCHS); 0 gives the untrained networks. */
  readonly epochs?: number;
}

/** Units per layer, input first. */
export const NETWORK_LAYERS: readonly number[] = [1, 16, 16, 1];

/** Full-batch Adam steps per fit: on the default wave, within 0.25 of the clean curve at 40 points and 0.1 at 250 (see the tests). */
export const NETWORK_EPOCHS = 200;

/** Adam's learning rate, on the standardised data. */
export const NETWORK_LEARNING_RATE = 0.03;

/** Points on each curve unless asked otherwise. */
export const DEFAULT_SAMPLES = 121;

/** The most points a curve may have. */
export const MAX_SAMPLES = 10_000;

/** The most epochs a fit may run. */
export const MAX_EPOCHS = 10_000;

/** value ↦ (value − centre)/scale, with scale > 0. */
interface Affine {
  readonly centre: number;
  readonly scale: number;
}

/**
 * The mean and standard deviation of the values, each computed after mapping the values to
 * [-1, 1] by their midrange and half-range, so that coordinates near ±1e308 do not overflow.
 * A zero spread counts as 1 (the values are then only centred).
 */
function standardiser(values: readonly number[]): Affine {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  const middle = low / 2 + high / 2;
  const half = high / 2 - low / 2 > 0 ? high / 2 - low / 2 : 1;
  let sum = 0;
  for (const v of values) sum += (v - middle) / half;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += ((v - middle) / half - mean) ** 2;
  const deviation = Math.sqrt(squares / values.length);
  return { centre: middle + half * mean, scale: half * (deviation > 0 ? deviation : 1) };
}

function apply(map: Affine, values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values, (v) => (v - map.centre) / map.scale);
}

/** The library's loss for `id` in the points' units. */
function lossOf(id: RegressionLoss, delta: number) {
  return id === 'huber' ? loss('huber', { delta }) : loss(id);
}

function finiteMean(id: RegressionLoss, delta: number, targets: readonly number[], predictions: ArrayLike<number>): number {
  if (targets.length === 0) return 0;
  const predicted = Array.from(predictions);
  return predicted.every(Number.isFinite) ? lossOf(id, delta).value([...targets], predicted) : Infinity;
}

/** The flat line at the loss's best constant: the fit when no slope or curve is defined, or after a divergence. */
function flatFit(id: RegressionLoss, delta: number, points: Points, xs: Float64Array, diverged: boolean): NetworkFit {
  const constant = bestConstant(id, delta, points.y);
  const ys = new Float64Array(xs.length).fill(constant);
  return { xs, ys, loss: finiteMean(id, delta, points.y, points.y.map(() => constant)), epochs: 0, diverged };
}

function checkOptions(delta: number, options: NetworkFitOptions): void {
  checkSeed(options.seed, 'network fit: seed');
  lossOf('huber', delta);
  for (const end of ['from', 'to'] as const) {
    const value = options[end];
    if (value !== undefined && !Number.isFinite(value)) throw new Error(`network fit: ${end} must be a finite number, got ${value}`);
  }
  const { samples = DEFAULT_SAMPLES, epochs = NETWORK_EPOCHS } = options;
  if (!Number.isInteger(samples) || samples < 2 || samples > MAX_SAMPLES) {
    throw new Error(`network fit: samples must be an integer from 2 to ${MAX_SAMPLES}, got ${samples}`);
  }
  if (!Number.isInteger(epochs) || epochs < 0 || epochs > MAX_EPOCHS) {
    throw new Error(`network fit: epochs must be an integer from 0 to ${MAX_EPOCHS}, got ${epochs}`);
  }
}

/** The points whose coordinates are both finite (the others cannot be fitted and are left out). */
function finitePoints(points: Points): Points {
  const keep = points.x.map((x, i) => Number.isFinite(x) && Number.isFinite(points.y[i]));
  if (keep.every(Boolean)) return points;
  return { x: points.x.filter((_, i) => keep[i]), y: points.y.filter((_, i) => keep[i]) };
}

/** `count` evenly spaced values from `from` to `to`, both ends exact (weighted, so ±1e308 ends do not overflow). */
function grid(from: number, to: number, count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => {
    const t = i / (count - 1);
    return from * (1 - t) + to * t;
  });
}

function sampleRange(points: Points, options: NetworkFitOptions): { from: number; to: number } {
  const low = points.x.length === 0 ? -1 : Math.min(...points.x);
  const high = points.x.length === 0 ? 1 : Math.max(...points.x);
  const widen = low === high ? 1 : 0;
  return { from: options.from ?? low - widen, to: options.to ?? high + widen };
}

/** One loss's network on standardised data, sampled on the grid. */
function fitOne(id: RegressionLoss, delta: number, points: Points, xs: Float64Array, seed: number, epochs: number): NetworkFit {
  const xMap = standardiser(points.x);
  const yMap = standardiser(points.y);
  const inputs = apply(xMap, points.x);
  const targets = apply(yMap, points.y);
  const gridInputs = apply(xMap, xs);
  if (![inputs, targets, gridInputs].every((values) => values.every(Number.isFinite))) return flatFit(id, delta, points, xs, true);
  const scaledDelta = Math.min(Math.max(delta / yMap.scale, 1e-300), 1e300);
  const config: TrainingConfig = {
    network: { layers: NETWORK_LAYERS, hiddenActivation: 'tanh', outputActivation: 'linear', init: 'xavier', seed },
    loss: id,
    lossParams: id === 'huber' ? { delta: scaledDelta } : undefined,
    optimizer: { kind: 'adam', learningRate: NETWORK_LEARNING_RATE },
    batchSize: points.x.length,
  };
  const trainer = createTrainer(config, { train: createDataset(inputs, targets, 1, 1, 0) });
  const history = train(trainer, { epochs });
  const toPoints = (scaled: Float64Array) => scaled.map((z) => yMap.centre + yMap.scale * z);
  const ys = new Float64Array(xs.length);
  trainer.predict(gridInputs, ys, xs.length);
  const fitted = new Float64Array(inputs.length);
  trainer.predict(inputs, fitted, inputs.length);
  const curve = toPoints(ys);
  const mean = finiteMean(id, delta, points.y, toPoints(fitted));
  if (history.outcome === 'diverged' || !curve.every(Number.isFinite)) {
    return { ...flatFit(id, delta, points, xs, true), epochs: trainer.epochsCompleted };
  }
  return { xs, ys: curve, loss: mean, epochs: trainer.epochsCompleted, diverged: false };
}

/**
 * One network per loss fitted to the points (Huber at `delta`, in the points' units), each
 * sampled on the same grid. Points with a non-finite coordinate are left out; with fewer than
 * two distinct x values left no curve is defined and each fit is the flat line at its loss's
 * best constant (the mean, the median, Huber's M-estimate; 0 with no points). The same points
 * and options give the same curves, bit for bit. Throws an Error naming a bad seed, delta,
 * grid or epoch count.
 */
export function fitNetworks(points: Points, delta: number, options: NetworkFitOptions): PerLoss<NetworkFit> {
  checkOptions(delta, options);
  const usable = finitePoints(points);
  const { from, to } = sampleRange(usable, options);
  const xs = grid(from, to, options.samples ?? DEFAULT_SAMPLES);
  const spread = usable.x.some((x) => x !== usable.x[0]);
  const fit = (id: RegressionLoss) =>
    spread ? fitOne(id, delta, usable, xs.slice(), options.seed, options.epochs ?? NETWORK_EPOCHS) : flatFit(id, delta, usable, xs.slice(), false);
  const [mse, mae, huber] = REGRESSION_LOSSES.map(fit);
  return { mse, mae, huber };
}
