import { describe, expect, test } from 'vitest';
import {
  activation,
  createNetwork,
  createTrainer,
  gradientCheck,
  makeMoons,
  selectRows,
  splitDataset,
  standardizeSplit,
  train,
  type BackwardVariant,
} from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { prepareData } from '../../../src/widgets/moons-lab/model.ts';
import { CHECK_ROWS } from '../../../src/widgets/moons-lab/protocol.ts';
import { SCHEMA } from '../../../src/widgets/moons-lab/state.ts';
import { cellOf, run, tableNumbers } from './lesson-cells-harness.ts';

// What lesson 9's prose says about its code cells "Train the lab's network, and plot its loss"
// and "Check the network's gradients", measured with the course's engine exactly as the cells
// call it (same data, seed and config), so the text cannot drift from a reader's Run.
// lesson-cells.test.ts runs the cells themselves.

const moons = makeMoons({ size: 2000, noise: 0.2, seed: 42 });
const { train: training, validation } = standardizeSplit(splitDataset(moons, { train: 0.7, validation: 0.15 }, 42));
const networkConfig = { layers: [2, 32, 16, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 42 } as const;

/** The cell's run: 200 epochs of the lab's network with one backward pass. */
function runCell(backward: BackwardVariant) {
  const trainer = createTrainer(
    { network: networkConfig, loss: 'bce', optimizer: { kind: 'sgd', learningRate: 0.05 }, batchSize: 64, backward },
    { train: training, validation },
  );
  return train(trainer, { epochs: 200 }).epochs;
}
const runs = { correct: runCell('correct'), article: runCell('article') };

describe('lesson 9, cell "Train the lab\'s network"', () => {
  test('the cell itself shows a loss plot and the table of epochs 1, 50 and 200 the prose quotes', async () => {
    const { error, output } = await run(cellOf('09-lab-two-moons.mdx', 'train-moons').code);
    expect(error).toBeUndefined();
    expect(output[0]).toMatchObject({ kind: 'plot', legend: ['training', 'validation'], y: { type: 'log' } });
    const [first, fifty, last] = tableNumbers(output, 0).map(([, epoch, trainLoss, validationLoss, validationAccuracy]) => ({ epoch, trainLoss, validationLoss, validationAccuracy }));
    expect([first.epoch, fifty.epoch, last.epoch]).toEqual([1, 50, 200]);
    expect(first.trainLoss).toBeCloseTo(runs.correct[0].trainLoss, 5);
    expect(fifty.trainLoss).toBeCloseTo(0.077, 3);
    expect(last.trainLoss).toBeCloseTo(0.07, 3);
    expect(last.validationAccuracy).toBeCloseTo(0.983, 3);
  });

  test("the cell's data are the lab's own", () => {
    const lab = prepareData(defaultState(SCHEMA));
    expect(training.inputs).toEqual(lab.train.inputs);
    expect(validation.targets).toEqual(lab.validation.targets);
  });

  test('corrected: epoch 1 losses 0.76 and 0.69; 0.077 at epoch 50; 0.070 and 98.3% validation accuracy at epoch 200', () => {
    const epochs = runs.correct;
    expect(epochs).toHaveLength(200);
    expect(epochs[0].trainLoss).toBeCloseTo(0.76, 2);
    expect(epochs[0].validationLoss).toBeCloseTo(0.69, 2);
    expect(epochs[49].trainLoss).toBeCloseTo(0.077, 3);
    expect(epochs[199].trainLoss).toBeCloseTo(0.07, 3);
    expect(epochs[199].validationAccuracy).toBeCloseTo(0.983, 3);
  });

  test("the article's pass: 0.27 at epoch 50, 0.10 at epoch 200, 97.7% validation accuracy, within a point of the corrected run", () => {
    const epochs = runs.article;
    expect(epochs[49].trainLoss).toBeCloseTo(0.27, 2);
    expect(epochs[199].trainLoss).toBeCloseTo(0.1, 2);
    expect(epochs[199].validationAccuracy).toBeCloseTo(0.977, 3);
    expect(Math.abs(epochs[199].validationAccuracy - runs.correct[199].validationAccuracy)).toBeLessThan(0.01);
  });
});

describe('lesson 9, cell "Check the network\'s gradients"', () => {
  const rows = selectRows(training, Array.from({ length: CHECK_ROWS }, (_, i) => i));
  const network = createNetwork(networkConfig);
  const check = (backward: BackwardVariant) => gradientCheck({ network, data: rows, loss: 'bce', backward, epsilon: 1e-6 });

  test('the cell itself shows both tables: about 1e-9, then about 0.7, with no kink crossing', async () => {
    const { error, output } = await run(cellOf('09-lab-two-moons.mdx', 'network-gradients').code);
    expect(error).toBeUndefined();
    const [correct, article] = [tableNumbers(output, 0), tableNumbers(output, 1)];
    for (const [, , relativeError, , kinks] of correct) {
      expect(relativeError).toBeLessThan(2e-9);
      expect(kinks).toBe(0);
    }
    for (const [, , relativeError] of article) expect(relativeError).toBeCloseTo(0.7, 1);
  });

  test('the corrected pass agrees to about 1e-9 in every layer, with no kink crossing', () => {
    for (const layer of check('correct')) {
      expect(layer.relativeError).toBeGreaterThan(1e-10);
      expect(layer.relativeError).toBeLessThan(2e-9);
      expect(layer.kinkCrossings).toBe(0);
      expect(layer.checked).toBe(layer.parameterCount);
    }
  });

  test('"The cell above passes no `sample`, so it compares all 528": its table\'s second layer has 528 entries', async () => {
    const { code } = cellOf('09-lab-two-moons.mdx', 'network-gradients');
    expect(code).not.toMatch(/\bsample\b/);
    const { output } = await run(code);
    expect(tableNumbers(output, 0)[1][3]).toBe(528);
    expect(check('correct')[1]).toMatchObject({ parameterCount: 528, checked: 528 });
  });

  test("the article's is off by about 0.7 in every layer", () => {
    for (const layer of check('article')) expect(layer.relativeError).toBeCloseTo(0.7, 1);
  });
});

describe("lesson 9's numeric self-check", () => {
  test('y = 0 and ŷ = 0.9: the article uses 0.9 · 0.9 · 0.1 = 0.081, about 11 times too small', () => {
    const [p, y] = [0.9, 0];
    expect((p - y) * p * (1 - p)).toBeCloseTo(0.081, 12);
    expect(Math.round((p - y) / ((p - y) * p * (1 - p)))).toBe(11);
    const sigmoid = activation('sigmoid');
    const z = Math.log(p / (1 - p));
    expect((sigmoid.f(z) - y) * sigmoid.df(z)).toBeCloseTo(0.081, 12);
  });
});
