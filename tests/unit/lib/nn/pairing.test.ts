/**
 * The pairs the pairing lab trains side by side: the correct ones converge, each mismatch shows
 * what lesson 8 says it does, and a pair that makes no sense is refused before training.
 */
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  createTrainer,
  gradientCheck,
  makeMultiLabel,
  makeRegressionWithOutliers,
  makeSpiral,
  oneHot,
  pairingProblem,
  splitDataset,
  standardizeSplit,
  train,
  type ActivationSpec,
  type Dataset,
  type LossId,
  type TrainingData,
} from '../../../../src/lib/index.ts';

const spiral = standardizeSplit(splitDataset(makeSpiral({ size: 300, classes: 3, noise: 0.2, seed: 42 }), { train: 0.7, validation: 0.15 }, 42));
const spiralIndices: TrainingData = { train: spiral.train, validation: spiral.validation };
const spiralOneHot: TrainingData = { train: oneHot(spiral.train), validation: oneHot(spiral.validation) };

/** A 2-32-32-3 ReLU network (He, seed 42) trained with Adam at 0.01, batch 32. */
function runSpiral(outputActivation: ActivationSpec, loss: LossId, data: TrainingData, epochs = 60) {
  const network = { layers: [2, 32, 32, 3], hiddenActivation: 'relu' as const, outputActivation, init: 'he' as const, seed: 42 };
  const trainer = createTrainer({ network, loss, optimizer: { kind: 'adam', learningRate: 0.01 }, batchSize: 32 }, data);
  return { trainer, history: train(trainer, { epochs }) };
}

/** Row-major argmax accuracy of `trainer.predict` over `data` (one-hot or index targets). */
function argmaxAccuracy(predict: (inputs: Float64Array, out: Float64Array) => void, data: Dataset, units: number): number {
  const out = new Float64Array(data.size * units);
  predict(data.inputs, out);
  let correct = 0;
  for (let row = 0; row < data.size; row++) {
    const scores = Array.from(out.subarray(row * units, (row + 1) * units));
    const predicted = scores.indexOf(Math.max(...scores));
    const expected = data.targetSize === 1 ? data.targets[row] : Array.from(data.targets.subarray(row * units, (row + 1) * units)).indexOf(1);
    if (predicted === expected) correct++;
  }
  return correct / data.size;
}

describe('multi-class training on the three-class spiral (300 points, seed 42)', () => {
  it('softmax + cce, softmax + sparse_cce and linear + cce_logits are one loss and one gradient: the same run', () => {
    const hot = runSpiral('softmax', 'cce', spiralOneHot).history.epochs;
    const sparse = runSpiral('softmax', 'sparse_cce', spiralIndices).history.epochs;
    const logits = runSpiral('linear', 'cce_logits', spiralOneHot).history.epochs;
    // Targets as indices change nothing but storage: bit for bit the same numbers.
    expect(sparse.map((e) => e.trainLoss)).toEqual(hot.map((e) => e.trainLoss));
    expect(sparse.map((e) => e.validationAccuracy)).toEqual(hot.map((e) => e.validationAccuracy));
    // From logits, log-softmax is computed differently from ln(softmax): equal to rounding.
    logits.forEach((e, k) => expect(Math.abs(e.trainLoss - hot[k].trainLoss)).toBeLessThan(1e-9));
    expect(hot[59].validationAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(hot[59].trainLoss).toBeLessThan(0.1);
  });

  it('scores accuracy by argmax for K = 3, from one-hot rows or class indices alike', () => {
    const { trainer } = runSpiral('softmax', 'sparse_cce', spiralIndices, 10);
    const predict = (inputs: Float64Array, out: Float64Array) => trainer.predict(inputs, out);
    expect(trainer.evaluate(spiral.validation).accuracy).toBe(argmaxAccuracy(predict, spiral.validation, 3));
    const hot = runSpiral('softmax', 'cce', spiralOneHot, 10).trainer;
    expect(hot.evaluate(oneHot(spiral.validation)).accuracy).toBe(argmaxAccuracy(predict, spiral.validation, 3));
  });

  it('the double softmax (a softmax output into CrossEntropyLoss) never gets below ln(1 + 2/e) = 0.5514, while logits go far below', () => {
    const floor = Math.log(1 + 2 / Math.E);
    const doubled = runSpiral('softmax', 'cce_logits', spiralOneHot).history.epochs;
    const logits = runSpiral('linear', 'cce_logits', spiralOneHot).history.epochs;
    for (const e of doubled) {
      expect(e.trainLoss).toBeGreaterThan(floor);
      expect(e.validationLoss).toBeGreaterThan(floor);
    }
    expect(logits[59].trainLoss).toBeLessThan(0.1);
    // It still learns to rank the classes (accuracy), only its loss and gradient are squashed.
    expect(doubled[59].validationAccuracy).toBeGreaterThan(0.8);
  });

  it('softmax + MSE trains too, by the chain rule through the softmax Jacobian', () => {
    const epochs = runSpiral('softmax', 'mse', spiralOneHot).history.epochs;
    expect(epochs[59].trainLoss).toBeLessThan(epochs[0].trainLoss / 4);
  });
});

describe('regression targets outside [0, 1]', () => {
  // 2·sin(1.3x) + 0.3x + 1 with noise 0.5: targets from about -2.6 to 4.4.
  const data = makeRegressionWithOutliers({ size: 200, seed: 42, shape: 'wave', outlierFraction: 0 });
  const run = (outputActivation: ActivationSpec) => {
    const network = { layers: [1, 16, 16, 1], hiddenActivation: 'tanh' as const, outputActivation, init: 'xavier' as const, seed: 42 };
    return train(createTrainer({ network, loss: 'mse', optimizer: { kind: 'adam', learningRate: 0.01 }, batchSize: 32 }, { train: data }), { epochs: 100 }).epochs;
  };

  it('a sigmoid output cannot reach them: its MSE stays above the share of the targets outside [0, 1]', () => {
    let floor = 0;
    for (const y of data.targets) floor += (y - Math.min(1, Math.max(0, y))) ** 2;
    floor /= data.size;
    expect(floor).toBeGreaterThan(1);
    const sigmoid = run('sigmoid');
    for (const e of sigmoid) expect(e.trainLoss).toBeGreaterThan(floor);
    const linear = run('linear');
    expect(linear[99].trainLoss).toBeLessThan(0.5);
    expect(Number.isNaN(linear[99].trainAccuracy)).toBe(true);
  });

  it('a sigmoid output cannot reach a target of 3 at all: the best it can do is 1, a squared error of 4', () => {
    const threes: Dataset = { ...data, targets: new Float64Array(data.size).fill(3) };
    const network = { layers: [1, 4, 1], hiddenActivation: 'tanh' as const, outputActivation: 'sigmoid' as const, init: 'xavier' as const, seed: 1 };
    const epochs = train(createTrainer({ network, loss: 'mse', optimizer: { kind: 'adam', learningRate: 0.1 }, batchSize: 64 }, { train: threes }), { epochs: 50 }).epochs;
    for (const e of epochs) expect(e.trainLoss).toBeGreaterThan(4);
    // The sigmoid saturates on its way to 1, so the pull fades: the gradient shrinks while the error stays.
    expect(epochs[49].gradientNorms[1]).toBeLessThan(epochs[0].gradientNorms[1] / 10);
  });
});

describe('multi-label: a sigmoid per label with BCE', () => {
  const data = standardizeSplit(splitDataset(makeMultiLabel({ size: 600, noise: 0.1, seed: 42 }), { train: 0.7, validation: 0.15 }, 42));
  const run = (outputActivation: ActivationSpec, loss: LossId) => {
    const network = { layers: [2, 16, 16, 2], hiddenActivation: 'tanh' as const, outputActivation, init: 'xavier' as const, seed: 42 };
    const trainer = createTrainer({ network, loss, optimizer: { kind: 'adam', learningRate: 0.01 }, batchSize: 32 }, data);
    return { trainer, epochs: train(trainer, { epochs: 60 }).epochs };
  };

  it('learns both overlapping labels; accuracy is the mean over labels, each output thresholded', () => {
    const { trainer, epochs } = run('sigmoid', 'bce');
    expect(epochs[59].validationAccuracy).toBeGreaterThan(0.9);
    const out = new Float64Array(data.validation.size * 2);
    trainer.predict(data.validation.inputs, out);
    let right = 0;
    for (let k = 0; k < out.length; k++) if (out[k] >= 0.5 === data.validation.targets[k] > 0.5) right++;
    expect(epochs[59].validationAccuracy).toBeCloseTo(right / out.length, 12);
  });

  it('scores a sigmoid output with MSE per label too (several sigmoids are several yes/no answers)', () => {
    const { trainer } = run('sigmoid', 'mse');
    const out = new Float64Array(data.validation.size * 2);
    trainer.predict(data.validation.inputs, out);
    let right = 0;
    for (let k = 0; k < out.length; k++) if (out[k] >= 0.5 === data.validation.targets[k] > 0.5) right++;
    expect(trainer.evaluate(data.validation).accuracy).toBeCloseTo(right / out.length, 12);
  });

  it('keeps argmax for sigmoids under a categorical loss, whose targets are one class per row', () => {
    for (const [lossId, rows] of [['sparse_cce', spiral.validation], ['cce', oneHot(spiral.validation)]] as const) {
      const network = { layers: [2, 8, 3], hiddenActivation: 'tanh' as const, outputActivation: 'sigmoid' as const, init: 'xavier' as const, seed: 3 };
      const trainer = createTrainer({ network, loss: lossId, optimizer: { kind: 'adam', learningRate: 0.01 }, batchSize: 32 }, { train: rows });
      const predict = (inputs: Float64Array, out: Float64Array) => trainer.predict(inputs, out);
      expect(trainer.evaluate(rows).accuracy, lossId).toBe(argmaxAccuracy(predict, spiral.validation, 3));
    }
  });

  it('bce on sigmoids and bce_logits on a linear output are the same run, to rounding', () => {
    const probabilities = run('sigmoid', 'bce').epochs;
    const logits = run('linear', 'bce_logits').epochs;
    logits.forEach((e, k) => {
      expect(Math.abs(e.trainLoss - probabilities[k].trainLoss)).toBeLessThan(1e-9);
      expect(e.validationAccuracy).toBe(probabilities[k].validationAccuracy);
    });
  });
});

describe('pairingProblem refuses a pair that makes no sense, saying why and what to use', () => {
  it('names PyTorch and the two fixes for a linear output into bce', () => {
    const message = pairingProblem('linear', 'bce');
    expect(message).toBe(
      'a linear output cannot feed "bce": binary cross-entropy takes probabilities in [0, 1], and a linear output can leave [0, 1], ' +
        "where ln p or ln(1 - p) is not a real number (PyTorch's BCELoss raises an error for inputs outside [0, 1]). " +
        'Use a sigmoid output with "bce", or a linear output with "bce_logits" (PyTorch\'s BCEWithLogitsLoss), which takes logits and applies the sigmoid itself.',
    );
    expect(pairingProblem('relu', 'bce')).toMatch(/^a ReLU output cannot feed "bce"/);
    expect(pairingProblem('tanh', 'bce')).toMatch(/^a tanh output cannot feed "bce"/);
    expect(pairingProblem('elu', 'bce')).toMatch(/^an ELU output cannot feed "bce"/);
    expect(pairingProblem({ id: 'leaky_relu', params: { alpha: 0.1 } }, 'bce')).toMatch(/^a leaky ReLU output cannot feed "bce"/);
  });

  it('sends outputs outside [0, 1] for cce and sparse_cce to softmax or cce_logits', () => {
    for (const lossId of ['cce', 'sparse_cce'] as const) {
      expect(pairingProblem('linear', lossId)).toMatch(
        new RegExp(`^a linear output cannot feed "${lossId}": .*Use a softmax output with "${lossId}", or a linear output with "cce_logits" \\(PyTorch's CrossEntropyLoss\\)`),
      );
    }
  });

  it('lets every pair the lab trains through, mismatches included', () => {
    const allowed: [Parameters<typeof pairingProblem>[0], LossId][] = [
      ['sigmoid', 'bce'],
      ['linear', 'bce_logits'],
      ['softmax', 'cce'],
      ['softmax', 'sparse_cce'],
      ['linear', 'cce_logits'],
      ['softmax', 'cce_logits'],
      ['softmax', 'mse'],
      ['sigmoid', 'mse'],
      ['linear', 'mse'],
      ['softmax', 'bce'],
      ['linear', 'hinge'],
      ['step', 'zero_one'],
    ];
    for (const [output, lossId] of allowed) expect(pairingProblem(output, lossId), `${output} + ${lossId}`).toBeNull();
  });

  it('createTrainer and gradientCheck throw the same message, before any training', () => {
    const network = { layers: [2, 4, 1], hiddenActivation: 'relu' as const, outputActivation: 'linear' as const, init: 'he' as const, seed: 1 };
    const binary: Dataset = { ...spiral.train, targets: spiral.train.targets.map((t) => (t === 0 ? 0 : 1)), classCount: 2 };
    const message = pairingProblem('linear', 'bce') ?? '';
    expect(() => createTrainer({ network, loss: 'bce', optimizer: { kind: 'sgd', learningRate: 0.1 }, batchSize: 8 }, { train: binary })).toThrow(message);
    expect(() => gradientCheck({ network: createNetwork(network), data: binary, loss: 'bce' })).toThrow(message);
  });
});
