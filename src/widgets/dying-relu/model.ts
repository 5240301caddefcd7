/**
 * The dying-ReLU widget's model: the lab's two moons (2000 points, noise 0.2, split 70/15/15,
 * standardised on the training part), the network and training config of one side, each
 * hidden unit's state over the training set at the current weights, and revival bookkeeping
 * (a unit that was dead at one epoch and alive at a later one). Pure: runs in the worker and in Node.
 */
import {
  makeMoons,
  measureUnits,
  splitDataset,
  standardizeSplit,
  type Dataset,
  type Network,
  type TrainingConfig,
} from '../../lib/index.ts';

/** The hidden activations the widget offers (the library's ids). */
export const DYING_ACTIVATIONS = ['relu', 'leaky_relu', 'prelu', 'elu'] as const;

/** One of the widget's hidden activations. */
export type DyingActivation = (typeof DYING_ACTIVATIONS)[number];

/** The optimisers the widget offers (the library's ids). */
export const DYING_OPTIMIZERS = ['sgd', 'adam'] as const;

/** One of the widget's optimisers. */
export type DyingOptimizer = (typeof DYING_OPTIMIZERS)[number];

/** Rows per mini-batch, as in the lab. */
export const BATCH_SIZE = 64;

/** Bins of a unit's pre-activation histogram. */
export const HISTOGRAM_BINS = 24;

/** What one side's run needs. */
export interface SideSettings {
  readonly hidden: readonly number[];
  readonly activation: DyingActivation;
  readonly biasInit: number;
  readonly seed: number;
  readonly learningRate: number;
  readonly optimizer: DyingOptimizer;
}

/** The standardised training and validation parts of the lab's two moons for `seed`. */
export function prepareMoons(seed: number): { train: Dataset; validation: Dataset } {
  const split = standardizeSplit(splitDataset(makeMoons({ size: 2000, noise: 0.2, seed }), { train: 0.7, validation: 0.15 }, seed));
  return { train: split.train, validation: split.validation };
}

/**
 * The engine's config for one side: 2 → hidden → 1, He initialisation (the usual one for the
 * ReLU family), hidden biases at `biasInit`, a sigmoid output with binary cross-entropy, batches
 * of 64. The two sides differ only in the activation, so they share initial weights and shuffles.
 */
export function trainingConfig(settings: SideSettings): TrainingConfig {
  return {
    network: {
      layers: [2, ...settings.hidden, 1],
      hiddenActivation: settings.activation,
      outputActivation: 'sigmoid',
      init: 'he',
      seed: settings.seed,
      biasInit: settings.biasInit,
    },
    loss: 'bce',
    optimizer: { kind: settings.optimizer, learningRate: settings.learningRate },
    batchSize: BATCH_SIZE,
  };
}

/** One hidden unit at the current weights, over the training set, as the page shows it. */
export interface UnitState {
  /** Every pre-activation ≤ 0 (for ReLU: output 0 for every training input, so its gradient is exactly 0). */
  dead: boolean;
  /** Share of training inputs with pre-activation ≤ 0. */
  negativeShare: number;
  /** ‖∂L/∂(w, b)‖ of its incoming weights and bias, the training set as one batch. */
  gradientNorm: number;
  /** Histogram of its pre-activations: bin edges from `low` to `high`, and the counts. */
  low: number;
  high: number;
  counts: number[];
}

/** Every hidden layer's units (first hidden layer first), and each layer's PReLU alpha (null where it has none). */
export interface NetworkUnits {
  layers: UnitState[][];
  alphas: (number | null)[];
}

/** Measures every hidden unit of `network` over `train` (see UnitState). */
export function measureNetworkUnits(network: Network, train: Dataset): NetworkUnits {
  const layers = measureUnits({ network, data: train, loss: 'bce', bins: HISTOGRAM_BINS }).map((layer) =>
    layer.units.map((unit) => ({
      dead: unit.allNonPositive,
      negativeShare: unit.nonPositiveFraction,
      gradientNorm: unit.gradientNorm,
      low: unit.histogram?.min ?? 0,
      high: unit.histogram?.max ?? 0,
      counts: unit.histogram ? [...unit.histogram.counts] : [],
    })),
  );
  return { layers, alphas: preluAlphas(network) };
}

/** Each hidden layer's learned PReLU alpha (one per layer, as torch.nn.PReLU()), or null for other activations. */
export function preluAlphas(network: Network): (number | null)[] {
  return network.shapes.slice(0, -1).map((shape, l) => (shape.learnsAlpha ? network.parameters[l][shape.alphaOffset] : null));
}

/** Per hidden layer, the share of units that are dead. */
export function deadShares(layers: readonly (readonly { dead: boolean }[])[]): number[] {
  return layers.map((units) => units.filter((unit) => unit.dead).length / units.length);
}

/** When a unit was last seen dying and coming back: epochs, or null if it never did. */
export interface UnitHistory {
  /** The epoch at which it was most recently seen dead after being alive (or 0: dead at initialisation). */
  diedAt: number | null;
  /** The first epoch at which it was seen alive after being dead. */
  revivedAt: number | null;
}

/** Follows every hidden unit over the epochs and counts those that came back from dead. */
export interface RevivalTracker {
  /** Records the dead flags seen at `epoch` (0 for initialisation); returns the units that revived now, as [layer, unit]. */
  observe(epoch: number, dead: readonly (readonly boolean[])[]): [number, number][];
  /** Per hidden layer, how many units have revived at least once. */
  revivedCounts(): number[];
  /** One unit's history. */
  history(layer: number, unit: number): UnitHistory;
}

/** A revival tracker for hidden layers of the given sizes. */
export function createRevivalTracker(sizes: readonly number[]): RevivalTracker {
  const histories = sizes.map((size) => Array.from({ length: size }, (): UnitHistory => ({ diedAt: null, revivedAt: null })));
  const wasDead = sizes.map((size) => new Array<boolean>(size).fill(false));
  return {
    observe(epoch, dead) {
      const revived: [number, number][] = [];
      dead.forEach((flags, l) =>
        flags.forEach((isDead, j) => {
          const history = histories[l][j];
          if (isDead && !wasDead[l][j]) history.diedAt = epoch;
          if (!isDead && wasDead[l][j]) {
            history.revivedAt ??= epoch;
            revived.push([l, j]);
          }
          wasDead[l][j] = isDead;
        }),
      );
      return revived;
    },
    revivedCounts: () => histories.map((units) => units.filter((unit) => unit.revivedAt !== null).length),
    history: (layer, unit) => ({ ...histories[layer][unit] }),
  };
}
