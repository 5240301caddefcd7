/**
 * The pairing lab's model: each preset's data and its two runs (A and B), which share the data,
 * the network shape, the initial weights and the shuffles and differ only in their output
 * activation and loss. Both train epoch by epoch through one path (`startPair`), which the
 * one-shot `runPair` drives to the end. Pure: runs in a worker and in Node.
 */
import {
  createTrainer,
  makeMoons,
  makeMultiLabel,
  makeRegressionWithOutliers,
  makeSpiral,
  oneHot,
  pairingProblem,
  splitDataset,
  standardizeSplit,
  type ActivationSpec,
  type Dataset,
  type LossId,
  type Trainer,
  type TrainingData,
} from '../../lib/index.ts';

/** The presets, one lesson each. */
export const PAIRING_PRESETS = ['softmax', 'sigmoid', 'regression', 'double', 'multilabel', 'refused'] as const;

/** One preset. */
export type PairingPreset = (typeof PAIRING_PRESETS)[number];

/** The optimisers offered (the library's ids). */
export const PAIRING_OPTIMIZERS = ['sgd', 'adam'] as const;

/** One optimiser. */
export type PairingOptimizer = (typeof PAIRING_OPTIMIZERS)[number];

/** What the pair trains with: preset, seed and the shared training settings. */
export interface PairSettings {
  readonly preset: PairingPreset;
  readonly seed: number;
  readonly learningRate: number;
  readonly optimizer: PairingOptimizer;
}

/** One run's output pairing. */
export interface RunPairing {
  readonly outputActivation: ActivationSpec;
  readonly loss: LossId;
}

type Task = 'spiral' | 'moons' | 'wave' | 'multilabel';

/** Each preset's task and its two runs, A first. */
export const PRESET_RUNS: Readonly<Record<PairingPreset, { task: Task; runs: readonly [RunPairing, RunPairing] }>> = {
  softmax: { task: 'spiral', runs: [{ outputActivation: 'softmax', loss: 'cce' }, { outputActivation: 'softmax', loss: 'mse' }] },
  sigmoid: { task: 'moons', runs: [{ outputActivation: 'sigmoid', loss: 'bce' }, { outputActivation: 'sigmoid', loss: 'mse' }] },
  regression: { task: 'wave', runs: [{ outputActivation: 'linear', loss: 'mse' }, { outputActivation: 'sigmoid', loss: 'mse' }] },
  double: { task: 'spiral', runs: [{ outputActivation: 'softmax', loss: 'cce_logits' }, { outputActivation: 'linear', loss: 'cce_logits' }] },
  multilabel: { task: 'multilabel', runs: [{ outputActivation: 'sigmoid', loss: 'bce' }, { outputActivation: 'softmax', loss: 'cce' }] },
  refused: { task: 'moons', runs: [{ outputActivation: 'linear', loss: 'bce' }, { outputActivation: 'linear', loss: 'bce_logits' }] },
};

/** Rows per mini-batch. */
export const BATCH_SIZE = 32;

/** The task's standardised training and validation parts, and the network's layer sizes and hidden activation. */
function prepareTask(task: Task, seed: number): { data: TrainingData; layers: number[]; hidden: 'relu' | 'tanh' } {
  const parts = { train: 0.7, validation: 0.15 };
  if (task === 'spiral') {
    const split = standardizeSplit(splitDataset(makeSpiral({ size: 300, classes: 3, noise: 0.2, seed }), parts, seed));
    return { data: { train: oneHot(split.train), validation: oneHot(split.validation) }, layers: [2, 32, 32, 3], hidden: 'relu' };
  }
  if (task === 'moons') {
    const split = standardizeSplit(splitDataset(makeMoons({ size: 300, noise: 0.2, seed }), parts, seed));
    return { data: split, layers: [2, 16, 16, 1], hidden: 'relu' };
  }
  if (task === 'multilabel') {
    const split = standardizeSplit(splitDataset(makeMultiLabel({ size: 600, noise: 0.1, seed }), parts, seed));
    return { data: split, layers: [2, 16, 16, 2], hidden: 'tanh' };
  }
  // Targets stay in their own units (about -2.2 to 4.1 at seed 42), which a sigmoid output cannot reach.
  const wave = makeRegressionWithOutliers({ size: 200, seed, shape: 'wave', outlierFraction: 0 });
  return { data: splitDataset(wave, parts, seed), layers: [1, 16, 16, 1], hidden: 'tanh' };
}

/** What one epoch of one run measured; null where a measure does not apply (never NaN). */
export interface RunEpoch {
  readonly epoch: number;
  /** The run's own loss: mean over the epoch's batches, and over the validation set. */
  readonly trainLoss: number;
  readonly validationLoss: number;
  /** Validation accuracy (per label for multi-label, each output at 0.5), or null for regression. */
  readonly accuracy: number | null;
  /** Multi-label: share of validation rows with every label right. */
  readonly rowsRight: number | null;
  /** Regression: validation root mean squared error. */
  readonly rmse: number | null;
  /** Mean L2 norm of the output layer's parameter gradient over the epoch's batches. */
  readonly outputGradient: number;
}

/** One run: its pairing, and either its epochs so far or the engine's refusal. */
export interface RunResult {
  readonly pairing: RunPairing;
  readonly refusal: string | null;
  readonly epochs: RunEpoch[];
}

/** Both runs advancing together, epoch by epoch. */
export interface PairSession {
  readonly runs: readonly [RunResult, RunResult];
  /** Advances both runs (a refused one stays empty) by `epochs`, returning the new epochs of each. */
  step(epochs: number): [RunEpoch[], RunEpoch[]];
}

/** Multi-label scores over `rows` at the trainer's current weights: per-label accuracy and whole rows right. */
function labelScores(trainer: Trainer, rows: Dataset): { accuracy: number; rowsRight: number } {
  const units = rows.targetSize;
  const out = new Float64Array(rows.size * units);
  trainer.predict(rows.inputs, out);
  let labels = 0;
  let whole = 0;
  for (let row = 0; row < rows.size; row++) {
    let right = 0;
    for (let k = row * units; k < (row + 1) * units; k++) if (out[k] >= 0.5 === rows.targets[k] > 0.5) right++;
    labels += right;
    if (right === units) whole++;
  }
  return { accuracy: labels / (rows.size * units), rowsRight: whole / rows.size };
}

/** Starts both runs of `settings.preset` from the same initial weights and shuffles. */
export function startPair(settings: PairSettings): PairSession {
  const { task, runs: pairings } = PRESET_RUNS[settings.preset];
  const { data, layers, hidden } = prepareTask(task, settings.seed);
  const validation = data.validation as Dataset;
  const sides = pairings.map((pairing) => {
    const refusal = pairingProblem(pairing.outputActivation, pairing.loss);
    const trainer =
      refusal === null
        ? createTrainer(
            {
              network: { layers, hiddenActivation: hidden, outputActivation: pairing.outputActivation, init: hidden === 'relu' ? 'he' : 'xavier', seed: settings.seed },
              loss: pairing.loss,
              optimizer: { kind: settings.optimizer, learningRate: settings.learningRate },
              batchSize: BATCH_SIZE,
            },
            data,
          )
        : null;
    return { trainer, result: { pairing, refusal, epochs: [] as RunEpoch[] } };
  });
  const advance = (side: (typeof sides)[number], epochs: number): RunEpoch[] => {
    const added: RunEpoch[] = [];
    const { trainer } = side;
    for (let e = 0; e < epochs && trainer !== null && !trainer.diverged; e++) {
      const metrics = trainer.epoch();
      if (metrics.diverged) break;
      const labels = task === 'multilabel' ? labelScores(trainer, validation) : null;
      const norms = metrics.gradientNorms;
      added.push({
        epoch: metrics.epoch,
        trainLoss: metrics.trainLoss,
        validationLoss: metrics.validationLoss,
        accuracy: task === 'wave' ? null : (labels?.accuracy ?? metrics.validationAccuracy),
        rowsRight: labels?.rowsRight ?? null,
        rmse: task === 'wave' ? Math.sqrt(metrics.validationLoss) : null,
        outputGradient: norms[norms.length - 1],
      });
    }
    side.result.epochs.push(...added);
    return added;
  };
  return {
    runs: [sides[0].result, sides[1].result],
    step: (epochs) => [advance(sides[0], epochs), advance(sides[1], epochs)],
  };
}

/** Both runs of the preset trained for `epochs`, at once. */
export function runPair(settings: PairSettings & { readonly epochs: number }): readonly [RunResult, RunResult] {
  const session = startPair(settings);
  session.step(settings.epochs);
  return session.runs;
}
