/**
 * Calibration mode: one seeded data set of two overlapping Gaussian classes in 2-D, a linear
 * model trained on it twice with the course's engine (cross-entropy from logits, and hinge on
 * ±1 labels: the same initial weights and shuffles), and each model's predicted probability of
 * class 1 on a held-out set of the same size (the hinge model's score squashed through a
 * sigmoid) binned into a reliability diagram, with the expected calibration error.
 *
 * The classes have equal spread, so the true P(class 1 | x) is a sigmoid of a linear score: a
 * linear model can be exactly calibrated, and any miscalibration is the loss's doing.
 */
import { activation, createDataset, createRandom, createTrainer, type Dataset, type Trainer } from '../../lib/index.ts';

/** The two trained models, by the loss that trained them. */
export const CALIBRATION_LOSSES = ['bce', 'hinge'] as const;

/** One of the two. */
export type CalibrationLoss = (typeof CALIBRATION_LOSSES)[number];

/** What the data and training need from the state. */
export interface CalibrationSettings {
  readonly seed: number;
  readonly points: number;
  readonly separation: number;
  readonly bins: number;
  readonly epochs: number;
}

/** The training run's fixed settings: plain SGD, batch 32, learning rate 0.05, Xavier-initialised 2 → 1. */
export const TRAINING = { learningRate: 0.05, batchSize: 32 } as const;

/**
 * `points` rows, half of each class (class 1 first, then alternating), class 0 centred at
 * (−separation/2, 0) and class 1 at (+separation/2, 0), each coordinate with standard
 * deviation 1. Stream `stream` of the seed, so training and held-out sets are independent.
 */
export function gaussianClasses(points: number, separation: number, seed: number, stream: number): Dataset {
  const random = createRandom(seed, stream);
  const inputs = new Float64Array(2 * points);
  const targets = new Float64Array(points);
  for (let row = 0; row < points; row++) {
    const label = (row + 1) % 2;
    inputs[2 * row] = (label === 1 ? 1 : -1) * (separation / 2) + random.normal();
    inputs[2 * row + 1] = random.normal();
    targets[row] = label;
  }
  return createDataset(inputs, targets, 2, 1, 2);
}

/** The same rows with labels 0/1 turned into −1/+1, as hinge needs. */
function signLabels(data: Dataset): Dataset {
  return { ...data, targets: data.targets.map((label) => 2 * label - 1), classCount: 0 };
}

/** One reliability bin: its probability range, how many held-out points fell in it, their mean prediction and the share of class 1. */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanPredicted: number;
  readonly observed: number;
}

/** One model's calibration: its bins, expected calibration error, held-out accuracy and final training loss. */
export interface ModelCalibration {
  readonly loss: CalibrationLoss;
  readonly bins: readonly ReliabilityBin[];
  /** Σ_b (n_b / N)·|observed_b − meanPredicted_b| over the bins of P(class 1). */
  readonly ece: number;
  readonly accuracy: number;
  readonly trainLoss: number;
  /** The learned score's weights and bias: the hinge model's are what make σ(score) so far off. */
  readonly weights: readonly number[];
  readonly bias: number;
}

/** Both models' calibration, and the truth's for comparison. */
export interface Calibration {
  readonly models: Readonly<Record<CalibrationLoss, ModelCalibration>>;
  /** The expected calibration error of the true P(class 1 | x) = σ(separation·x₁) on the same held-out rows and bins: what sampling alone gives. */
  readonly truthEce: number;
}

/**
 * Equal-width bins over [0, 1] of `predicted` against the 0/1 `labels`, and the expected
 * calibration error. A probability of exactly 1 falls in the last bin; an empty bin has count 0
 * and NaN means (the figures leave it out).
 */
export function reliability(predicted: ArrayLike<number>, labels: ArrayLike<number>, binCount: number): { bins: ReliabilityBin[]; ece: number } {
  const counts = new Float64Array(binCount);
  const sums = new Float64Array(binCount);
  const ones = new Float64Array(binCount);
  for (let i = 0; i < predicted.length; i++) {
    const bin = Math.min(binCount - 1, Math.floor(predicted[i] * binCount));
    counts[bin]++;
    sums[bin] += predicted[i];
    ones[bin] += labels[i];
  }
  let ece = 0;
  const bins = Array.from(counts, (count, bin) => {
    const meanPredicted = sums[bin] / count;
    const observed = ones[bin] / count;
    if (count > 0) ece += (count / predicted.length) * Math.abs(observed - meanPredicted);
    return { from: bin / binCount, to: (bin + 1) / binCount, count, meanPredicted, observed };
  });
  return { bins, ece };
}

const sigmoid = activation('sigmoid');

/** The linear model under `id` on `trainSet` (±1 labels for hinge), from the seed's initial weights and shuffles. */
function trainerFor(id: CalibrationLoss, settings: CalibrationSettings, trainSet: Dataset): Trainer {
  return createTrainer(
    {
      network: { layers: [2, 1], hiddenActivation: 'linear', outputActivation: 'linear', init: 'xavier', seed: settings.seed },
      loss: id === 'bce' ? 'bce_logits' : 'hinge',
      optimizer: { kind: 'sgd', learningRate: TRAINING.learningRate },
      batchSize: TRAINING.batchSize,
    },
    { train: id === 'bce' ? trainSet : signLabels(trainSet) },
  );
}

/** A trained model's calibration on `test`. */
function measure(id: CalibrationLoss, trainer: Trainer, trainLoss: number, test: Dataset, binCount: number): ModelCalibration {
  const scores = new Float64Array(test.size);
  trainer.predict(test.inputs, scores);
  const predicted = scores.map((score) => sigmoid.f(score));
  let correct = 0;
  for (let i = 0; i < test.size; i++) correct += Number((scores[i] > 0 ? 1 : 0) === test.targets[i]);
  const { bins, ece } = reliability(predicted, test.targets, binCount);
  const parameters = trainer.network.parameters[0];
  return { loss: id, bins, ece, accuracy: correct / test.size, trainLoss, weights: [parameters[0], parameters[1]], bias: parameters[2] };
}

/** Both trainings under way: `advance` runs epochs (the two models in turn) while `more()` says there is time, and says whether both are done. */
export interface CalibrationRun {
  advance(more: () => boolean): boolean;
  /** The result, once `advance` has returned true. */
  result(): Calibration;
}

/**
 * Starts both models on the same training set, initial weights and shuffles; they are measured
 * on the same held-out set (stream 1 of the seed) when both have run `epochs` epochs.
 */
export function startCalibration(settings: CalibrationSettings): CalibrationRun {
  const trainSet = gaussianClasses(settings.points, settings.separation, settings.seed, 0);
  const test = gaussianClasses(settings.points, settings.separation, settings.seed, 1);
  const trainers = { bce: trainerFor('bce', settings, trainSet), hinge: trainerFor('hinge', settings, trainSet) };
  const lastLoss = { bce: Number.NaN, hinge: Number.NaN };
  const done = () => CALIBRATION_LOSSES.every((id) => trainers[id].epochsCompleted >= settings.epochs || trainers[id].diverged);
  return {
    advance(more) {
      while (!done() && more()) {
        for (const id of CALIBRATION_LOSSES) {
          if (trainers[id].epochsCompleted < settings.epochs && !trainers[id].diverged) lastLoss[id] = trainers[id].epoch().trainLoss;
        }
      }
      return done();
    },
    result() {
      // Equal spreads of 1: log P(1|x)/P(0|x) = separation·x₁.
      const truth = Array.from({ length: test.size }, (_, i) => sigmoid.f(settings.separation * test.inputs[2 * i]));
      return {
        models: {
          bce: measure('bce', trainers.bce, lastLoss.bce, test, settings.bins),
          hinge: measure('hinge', trainers.hinge, lastLoss.hinge, test, settings.bins),
        },
        truthEce: reliability(truth, test.targets, settings.bins).ece,
      };
    },
  };
}

/** Both models trained and measured at once (the build-time figure, tests). */
export function calibrate(settings: CalibrationSettings): Calibration {
  const run = startCalibration(settings);
  run.advance(() => true);
  return run.result();
}
