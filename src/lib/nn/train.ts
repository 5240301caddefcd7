/**
 * Training: a trainer that runs one epoch at a time (so a Web Worker can interleave epochs with
 * messages), and a loop over it with per-epoch callbacks for progress and cancellation.
 */
import type { Dataset } from '../data/dataset.ts';
import { createRandom } from '../data/random.ts';
import type { LossId } from '../math/loss-kernels.ts';
import { checkData, resolveLoss } from './checks.ts';
import { sumOfSquares } from './diagnostics.ts';
import { accuracyRule, countCorrect, createEvaluator, evaluatorLengths, type Evaluation } from './evaluate.ts';
import { createNetwork, type FloatArray, type Network, type NetworkConfig } from './network.ts';
import { createOptimizer, type OptimizerConfig } from './optimisers.ts';
import { backward, createWorkspace, forward, loadBatch, workspaceLengths, type BackwardVariant } from './propagation.ts';
import type { TrainingRecord } from './record.ts';
import { createKernelArena } from './wasm/arena.ts';
import { FLOAT64, type Precision } from './wasm/precision.ts';

/** Everything a training run needs, as plain data. */
export interface TrainingConfig {
  readonly network: NetworkConfig;
  readonly loss: LossId;
  readonly lossParams?: Readonly<Record<string, number>>;
  readonly optimizer: OptimizerConfig;
  readonly batchSize: number;
  /** 'correct' (default) or the seed article's 'article' backward pass. */
  readonly backward?: BackwardVariant;
  /** Also measure dead units every epoch; costs one extra forward pass over the training set. */
  readonly trackDeadUnits?: boolean;
}

/** The training set and an optional validation set, already scaled. */
export interface TrainingData {
  readonly train: Dataset;
  readonly validation?: Dataset;
}

/** What one epoch did. Losses and accuracies are NaN where they do not apply. */
export interface EpochMetrics {
  /** 1 for the first epoch. */
  readonly epoch: number;
  /**
   * Mean loss and accuracy over the epoch's mini-batches, each measured before its own update
   * (as Keras reports, and as the seed article does for the loss): free, but a little behind
   * the weights at the end of the epoch.
   */
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  /** A full forward pass over the validation set with the weights at the end of the epoch. */
  readonly validationLoss: number;
  readonly validationAccuracy: number;
  /** Per layer: the mean over the epoch's batches of the L2 norm of its parameter gradient. */
  readonly gradientNorms: readonly number[];
  /** Per hidden layer: the fraction of units that output 0 for every training input (with trackDeadUnits). */
  readonly deadUnitFractions: readonly number[] | null;
  /** True when a loss stopped being finite; the trainer refuses further epochs. */
  readonly diverged: boolean;
}

/** Thrown by Trainer.epoch() after a run has diverged (a loss was NaN or infinite). */
export class TrainingDivergedError extends Error {
  readonly epoch: number;
  constructor(epoch: number) {
    super(`training diverged in epoch ${epoch}: a loss was not finite; lower the learning rate or rebuild the trainer`);
    this.name = 'TrainingDivergedError';
    this.epoch = epoch;
  }
}

/** A network being trained, one epoch per call. */
export interface Trainer<Numbers extends FloatArray = Float64Array> {
  readonly network: Network<Numbers>;
  readonly config: TrainingConfig;
  /** Epochs run so far. */
  readonly epochsCompleted: number;
  /** True once a loss was not finite. */
  readonly diverged: boolean;
  /** Runs one epoch: shuffle, every mini-batch forward, backward and update, then validation. */
  epoch(): EpochMetrics;
  /**
   * The same epoch, its metrics written at `record.length` (no dead-unit fractions) with nothing
   * allocated; returns false once the run has diverged. The same seed gives the same epochs
   * whichever of the two a run calls.
   */
  epochInto(record: TrainingRecord): boolean;
  /** Loss and accuracy of the current network over any data set. */
  evaluate(data: Dataset): Evaluation;
  /** Outputs for `rows` input rows, row-major, into the caller's array (e.g. a heatmap grid). */
  predict(inputs: Float64Array, out: Float64Array, rows?: number): void;
  /** Per hidden layer, the fraction of units that output exactly 0 for every row of `data` (default: training set). */
  deadUnitFractions(data?: Dataset): number[];
}

/**
 * A trainer for `config` on `data`: builds the network from its config (seeded), checks the
 * data against network and loss, and allocates every buffer. Shuffling draws from stream 1 of
 * the network's seed, so the same config and data give the same run, bit for bit.
 */
export function createTrainer(config: TrainingConfig, data: TrainingData): Trainer {
  // In float64 every array the arena hands out is a Float64Array.
  return buildTrainer(config, data, FLOAT64) as Trainer;
}

/** createTrainer in either number format; the float32 one is the preview's (preview.ts). */
export function buildTrainer(config: TrainingConfig, data: TrainingData, precision: Precision): Trainer<FloatArray> {
  const built = createNetwork(config.network);
  const lossSpec = resolveLoss(config.loss, config.lossParams);
  const variant = config.backward ?? 'correct';
  if (variant !== 'correct' && variant !== 'article') {
    throw new Error(`training: backward must be 'correct' or 'article', got ${JSON.stringify(variant)}`);
  }
  const { batchSize } = config;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`training: batchSize must be an integer >= 1, got ${batchSize}`);
  checkData(built, config.loss, data.train, 'training set');
  if (data.validation) checkData(built, config.loss, data.validation, 'validation set');

  // Parameters, batch workspace and evaluator workspace share one arena, so the SIMD kernels
  // work on all of them in place.
  const { train, validation } = data;
  const capacity = Math.min(batchSize, train.size);
  const arena = createKernelArena(
    [
    ...built.parameters.map((p) => p.length),
    ...workspaceLengths(built, capacity, train.targetSize),
      ...evaluatorLengths(built, train.targetSize),
    ],
    true,
    precision,
  );
  const network: Network<FloatArray> = {
    ...built,
    parameters: built.parameters.map((initial) => {
      const moved = arena.allocate(initial.length);
      moved.set(initial);
      return moved;
    }),
  };
  const { shapes, parameters } = network;
  const last = shapes.length - 1;
  const units = shapes[last].outputs;
  const rule = accuracyRule(network, config.loss, train.classCount);
  const optimizer = createOptimizer(config.optimizer, shapes);
  // Plain SGD with the correct backward pass takes the kernels' combined update-and-norm step.
  const plainSgd = config.optimizer.kind === 'sgd' && variant === 'correct' ? config.optimizer.learningRate : null;
  const workspace = createWorkspace(network, capacity, train.targetSize, arena);
  const evaluator = createEvaluator(network, train.targetSize, arena);
  const random = createRandom(config.network.seed, 1);
  const order = Uint32Array.from({ length: train.size }, (_, i) => i);
  const normSums = new Float64Array(shapes.length);
  const squaresSlot = new Float64Array(1);
  const everActive = shapes.map((s) => new Uint8Array(s.outputs));
  let epochsCompleted = 0;
  let diverged = false;

  const deadUnitFractions = (rows: Dataset = train): number[] => {
    for (const flags of everActive) flags.fill(0);
    evaluator.forEachChunk(rows, (activations, count) => {
      for (let l = 0; l < last; l++) {
        const a = activations[l];
        const flags = everActive[l];
        for (let j = 0; j < shapes[l].outputs; j++) {
          if (flags[j]) continue;
          for (let b = j * count; b < (j + 1) * count; b++) {
            if (a[b] !== 0) {
              flags[j] = 1;
              break;
            }
          }
        }
      }
    });
    return everActive.slice(0, last).map((flags) => 1 - flags.reduce((sum, f) => sum + f, 0) / flags.length);
  };

  // The latest epoch's numbers, overwritten by every epoch (nothing allocated per epoch).
  const latest = { trainLoss: 0, trainAccuracy: 0, batches: 0, held: { loss: Number.NaN, accuracy: Number.NaN } };

  /** Shuffles, then every mini-batch forward, backward and update, then validation, into `latest`. */
  const runEpoch = (): void => {
    if (diverged) throw new TrainingDivergedError(epochsCompleted);
    random.shuffle(order);
    normSums.fill(0);
    let lossSum = 0;
    let correct = 0;
    let batches = 0;
    for (let start = 0; start < train.size; start += batchSize) {
      const count = Math.min(batchSize, train.size - start);
      loadBatch(workspace, train, order, start, count);
      forward(network, workspace, count);
      correct += countCorrect(rule, workspace.a[last], workspace.target, units, count);
      optimizer.beginStep();
      backward(network, workspace, count, lossSpec, variant, optimizer);
      const value = workspace.loss[0];
      lossSum += value * count;
      batches++;
      if (!Number.isFinite(value)) {
        diverged = true;
        break;
      }
      for (let l = 0; l < shapes.length; l++) {
        const gradient = workspace.gradients[l];
        let squares: number;
        if (plainSgd !== null) {
          // The update and the gradient's squared norm in one pass (in Wasm, beside the products).
          workspace.kernels.sgdStep(parameters[l], gradient, plainSgd, squaresSlot);
          squares = squaresSlot[0];
        } else {
          if (variant === 'correct') optimizer.updateLayer(l, parameters[l], gradient);
          squares = sumOfSquares(gradient);
        }
        normSums[l] += Math.sqrt(squares);
      }
    }
    epochsCompleted++;
    const seen = diverged ? Number.NaN : train.size;
    latest.trainLoss = lossSum / seen;
    latest.trainAccuracy = rule.kind === 'none' ? Number.NaN : correct / seen;
    latest.batches = batches;
    if (validation && !diverged) evaluator.evaluateInto(validation, lossSpec, rule, latest.held);
    else latest.held.loss = latest.held.accuracy = Number.NaN;
    if (validation && !Number.isFinite(latest.held.loss)) diverged = true;
  };

  const epoch = (): EpochMetrics => {
    runEpoch();
    return {
      epoch: epochsCompleted,
      trainLoss: latest.trainLoss,
      trainAccuracy: latest.trainAccuracy,
      validationLoss: latest.held.loss,
      validationAccuracy: latest.held.accuracy,
      gradientNorms: Array.from(normSums, (sum) => sum / latest.batches),
      deadUnitFractions: config.trackDeadUnits && !diverged ? deadUnitFractions() : null,
      diverged,
    };
  };

  const epochInto = (record: TrainingRecord): boolean => {
    const index = record.length;
    if (index >= record.capacity) throw new Error(`epochInto: the record holds ${record.capacity} epochs and is full`);
    if (record.layers !== shapes.length) throw new Error(`epochInto: the record is for ${record.layers} layers, the network has ${shapes.length}`);
    runEpoch();
    record.trainLoss[index] = latest.trainLoss;
    record.trainAccuracy[index] = latest.trainAccuracy;
    record.validationLoss[index] = latest.held.loss;
    record.validationAccuracy[index] = latest.held.accuracy;
    for (let l = 0; l < shapes.length; l++) record.gradientNorms[index * shapes.length + l] = normSums[l] / latest.batches;
    record.length = index + 1;
    return !diverged;
  };

  return {
    network,
    config,
    get epochsCompleted() {
      return epochsCompleted;
    },
    get diverged() {
      return diverged;
    },
    epoch,
    epochInto,
    evaluate: (rows) => {
      checkData(network, config.loss, rows, 'evaluate');
      return evaluator.evaluate(rows, lossSpec, rule);
    },
    predict: evaluator.predict,
    deadUnitFractions,
  };
}

/** How to run a training loop. */
export interface TrainOptions {
  readonly epochs: number;
  /** Called after every epoch; returning false stops the run (for cancellation or early stopping). */
  readonly onEpoch?: (metrics: EpochMetrics) => boolean | void;
  /** Anything with an `aborted` flag, e.g. an AbortSignal: checked before every epoch. */
  readonly signal?: { readonly aborted: boolean };
}

/** The per-epoch metrics of a run and why it ended. */
export interface TrainingHistory {
  readonly epochs: readonly EpochMetrics[];
  readonly outcome: 'completed' | 'stopped' | 'diverged';
}

/**
 * Runs up to `epochs` more epochs of `trainer`, calling onEpoch after each (a diverged epoch
 * included) and stopping early when it returns false, when the signal is aborted, or on divergence.
 */
export function train(trainer: Trainer, options: TrainOptions): TrainingHistory {
  const epochs: EpochMetrics[] = [];
  for (let e = 0; e < options.epochs; e++) {
    if (options.signal?.aborted) return { epochs, outcome: 'stopped' };
    const metrics = trainer.epoch();
    epochs.push(metrics);
    const goOn = options.onEpoch?.(metrics) !== false;
    if (metrics.diverged) return { epochs, outcome: 'diverged' };
    if (!goOn) return { epochs, outcome: 'stopped' };
  }
  return { epochs, outcome: 'completed' };
}
