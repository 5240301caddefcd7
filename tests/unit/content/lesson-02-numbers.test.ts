import { describe, expect, test } from 'vitest';
import { activation, cloneNetwork, createTrainer, weightDistances } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { inputsLand } from '../../../src/widgets/activation-explorer/model.ts';
import { SCHEMA as EXPLORER_SCHEMA } from '../../../src/widgets/activation-explorer/state.ts';
import { measureAtInit, prepareMoons, type DepthSettings } from '../../../src/widgets/gradient-depth/model.ts';
import { SCHEMA as DEPTH_SCHEMA, planOf, type DepthState } from '../../../src/widgets/gradient-depth/state.ts';
import { cellOf, run, tableNumbers } from './lesson-cells-harness.ts';

// The numbers lesson 2 states, computed with the course's activations, the explorer's model and
// the gradient-depth widget's own settings and engine (seed 42), so text and widgets cannot drift.

const LESSON = '02-sigmoid-and-tanh.mdx';
const sigmoid = activation('sigmoid');
const tanh = activation('tanh');

/** The z beyond which |f'(z)| < 0.01, by bisection on the falling right flank. */
function saturationEdge(df: (z: number) => number): number {
  let [low, high] = [0, 50];
  for (let k = 0; k < 100; k++) {
    const middle = (low + high) / 2;
    if (df(middle) >= 0.01) low = middle;
    else high = middle;
  }
  return low;
}

describe('lesson 2, the sigmoid and tanh', () => {
  test("the sigmoid's slopes: 1/4 at 0, 0.105 at 2, 0.0066 at 5, 0.000045 at 10; below 0.01 past 4.6", () => {
    expect(sigmoid.df(0)).toBe(0.25);
    expect(sigmoid.df(2)).toBeCloseTo(0.105, 3);
    expect(sigmoid.df(5)).toBeCloseTo(0.0066, 4);
    expect(sigmoid.df(10)).toBeCloseTo(0.000045, 6);
    expect(saturationEdge(sigmoid.df)).toBeCloseTo(4.6, 1);
    expect(saturationEdge(tanh.df)).toBeCloseTo(3.0, 1);
    // The slope edges to three decimals, and the output edges the depth widget's histograms use (within 0.01 of an asymptote).
    expect(saturationEdge(sigmoid.df)).toBeCloseTo(4.585, 3);
    expect(saturationEdge(tanh.df)).toBeCloseTo(2.993, 3);
    expect(Math.log(99)).toBeCloseTo(4.595, 3);
    expect(Math.atanh(0.99)).toBeCloseTo(2.65, 2);
  });

  test('the tail: σ(40) rounds to 1, and σ(−40) keeps 4.2e-18; e^z overflows past 709.8', () => {
    expect(sigmoid.f(40)).toBe(1);
    expect(sigmoid.f(-40)).toBeCloseTo(4.2e-18, 19);
    expect(Math.exp(709.7)).toBeLessThan(Infinity);
    expect(Math.exp(709.8)).toBe(Infinity);
    expect(Math.exp(1000) / (1 + Math.exp(1000))).toBeNaN();
  });

  test('the chain bound 4^-10 ≈ 9.5e-7, and the large-weights exercise: 0.42, 10 and 8e-8', () => {
    expect(4 ** -10).toBeCloseTo(9.5e-7, 8);
    expect(4 * sigmoid.df(2)).toBeCloseTo(0.42, 2);
    expect(40 * sigmoid.df(0)).toBe(10);
    expect(sigmoid.df(20)).toBeCloseTo(2.1e-9, 10);
    expect(40 * sigmoid.df(20)).toBeCloseTo(8e-8, 8);
  });

  test("tanh = 2σ(2z) − 1, tanh' = 4σ'(2z), and the identity's rounding at z = 1e-10", () => {
    for (const z of [-3, -0.5, 0.25, 2]) {
      expect(2 * sigmoid.f(2 * z) - 1).toBeCloseTo(tanh.f(z), 14);
      expect(4 * sigmoid.df(2 * z)).toBeCloseTo(tanh.df(z), 14);
    }
    const near = 2 * sigmoid.f(2e-10) - 1;
    expect(near.toPrecision(9)).toBe('1.00000008e-10');
  });
});

describe('lesson 2, where the inputs land (the explorer, fan-in 100, seed 42)', () => {
  const state = defaultState(EXPLORER_SCHEMA);
  const share = (f1: 'sigmoid' | 'tanh', init: 'normal' | 'xavier') => inputsLand({ ...state, f1, f2: 'none', init }).saturated[0].share;

  test('N(0, 1): 64.7% of sigmoid units saturated (a normal of sd 10 predicts 64.7% too), 76.4% of tanh units; Xavier: 0', () => {
    expect(state.fanIn).toBe(100);
    expect(state.init).toBe('normal');
    expect(share('sigmoid', 'normal')).toBeCloseTo(0.647, 3);
    expect(share('tanh', 'normal')).toBeCloseTo(0.764, 3);
    expect(share('sigmoid', 'xavier')).toBe(0);
    expect(share('tanh', 'xavier')).toBeCloseTo(0.004, 3);
    // P(|N(0, 10²)| > 4.595), the edge where σ' falls below 0.01.
    const edge = saturationEdge(sigmoid.df) / 10;
    const tail = 1 - erf(edge / Math.SQRT2);
    expect(tail).toBeCloseTo(0.647, 3);
  });
});

/** erf by Abramowitz and Stegun 7.1.26 is too coarse here; a Taylor series converges fast for |x| < 1. */
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

describe('lesson 2, the gradient-depth widget at initialisation (10 layers of 32, seed 42)', () => {
  const settings = (activation: DepthSettings['activation'], init: DepthSettings['init']): DepthSettings => ({ depth: 10, width: 32, activation, init, seed: 42 });
  const hidden = (values: readonly (number | null)[]) => values.slice(0, -1) as number[];

  test("sigmoid/Xavier: mean |σ'| between 0.22 and 0.25 in every hidden layer, first/last 2.7e-7", () => {
    const measured = measureAtInit(settings('sigmoid', 'xavier'));
    for (const slope of hidden(measured.layers.map((layer) => layer.meanAbsoluteDerivative))) {
      expect(slope).toBeGreaterThan(0.22);
      expect(slope).toBeLessThan(0.25);
    }
    expect(measured.firstToLastRatio).toBeCloseTo(2.7e-7, 8);
  });

  test('ReLU/He: first/last 0.14; tanh/Xavier: 0.29 (within a factor of 4), mean slopes 0.88 to 0.96', () => {
    expect(measureAtInit(settings('relu', 'he')).firstToLastRatio).toBeCloseTo(0.14, 2);
    const tanhRun = measureAtInit(settings('tanh', 'xavier'));
    expect(tanhRun.firstToLastRatio).toBeCloseTo(0.29, 2);
    expect(tanhRun.firstToLastRatio).toBeGreaterThan(0.25);
    for (const slope of hidden(tanhRun.layers.map((layer) => layer.meanAbsoluteDerivative))) {
      expect(slope).toBeGreaterThan(0.88);
      expect(slope).toBeLessThan(0.96);
    }
  });

  test('ReLU/Xavier shrinks (sd 0.23 to 0.026), ReLU/N(0, 1) grows about fourfold a layer to 630,000, sigmoid/N(0, 0.01²) gives 3.6e-18', () => {
    const spread = (run: ReturnType<typeof measureAtInit>) => run.layers.map((layer) => layer.activations.standardDeviation);
    const xavier = spread(measureAtInit(settings('relu', 'xavier')));
    expect(xavier[0]).toBeCloseTo(0.23, 2);
    expect(xavier[9]).toBeCloseTo(0.026, 3);
    const normal = measureAtInit(settings('relu', 'normal'));
    const grown = spread(normal);
    expect(grown[9] / 1e5).toBeCloseTo(6.3, 1);
    for (let l = 1; l < 10; l++) expect(grown[l] / grown[l - 1]).toBeGreaterThan(3.5);
    for (let l = 1; l < 10; l++) expect(grown[l] / grown[l - 1]).toBeLessThan(5);
    expect(Math.min(...normal.layers.map((layer) => layer.weightGradientNorm))).toBeGreaterThan(9e5);
    expect(Math.max(...normal.layers.map((layer) => layer.weightGradientNorm))).toBeGreaterThan(1e6);
    expect(measureAtInit(settings('sigmoid', 'small')).firstToLastRatio).toBeCloseTo(3.6e-18, 19);
  });
});

/** Trains run `name` of `state` for its epochs as the widget does; returns the last epoch and each layer's relative distance. */
function train(state: DepthState, name: 'A' | 'B') {
  const plan = planOf(state);
  const trainer = createTrainer(plan.runs[name].training, prepareMoons(state.seed, state.data));
  const initial = cloneNetwork(trainer.network);
  let last = trainer.epoch();
  while (trainer.epochsCompleted < plan.epochs) last = trainer.epoch();
  return { last, relative: weightDistances(trainer.network, initial).map((distance) => distance.relative) };
}

// Each run trains a 10-layer network for 100 epochs: seconds, more on a loaded machine.
describe("lesson 2, the gradient-depth widget's default run (SGD 0.1, 100 epochs, seed 42)", { timeout: 60_000 }, () => {
  const state = defaultState(DEPTH_SCHEMA);

  test('the sigmoid network learns nothing: loss 0.694 ≈ ln 2, 53% validation accuracy; first five layers moved < 0.003%, the output layer 39%', () => {
    const { last, relative } = train(state, 'A');
    expect(last.trainLoss).toBeCloseTo(0.694, 3);
    expect(Math.abs(last.trainLoss - Math.LN2)).toBeLessThan(0.0015);
    expect(last.validationAccuracy).toBeCloseTo(0.53, 2);
    for (const moved of relative.slice(0, 5)) expect(moved).toBeLessThan(3e-5);
    expect(relative.at(-1)).toBeCloseTo(0.39, 2);
  });

  test('the ReLU network: 97% validation accuracy, every layer moved by at least 7%', () => {
    const { last, relative } = train(state, 'B');
    expect(last.validationAccuracy).toBeCloseTo(0.97, 2);
    for (const moved of relative) expect(moved).toBeGreaterThan(0.07);
  });

  test('ReLU with Xavier: 10 layers still reach 96% (He: 97%); 30 layers shrink to sd 0.000025 at init and learn nothing in 100 epochs', () => {
    expect(train({ ...state, initB: 'xavier' }, 'B').last.validationAccuracy).toBeCloseTo(0.96, 2);
    const deep = { ...state, initB: 'xavier' as const, depth: 30 };
    const spread = measureAtInit({ depth: 30, width: 32, activation: 'relu', init: 'xavier', seed: 42 }).layers[29].activations.standardDeviation;
    expect(spread).toBeCloseTo(0.000025, 6);
    expect(train(deep, 'B').last.trainLoss).toBeCloseTo(Math.LN2, 3);
  });

  test('under Adam at 0.01 the sigmoid network\'s first layer moves 3.6 times its size, and its loss is still 0.693', () => {
    const { last, relative } = train({ ...state, optimizer: 'adam', lr: 0.01 }, 'A');
    expect(relative[0]).toBeCloseTo(3.6, 1);
    expect(last.trainLoss).toBeCloseTo(0.693, 3);
  });
});

describe('lesson 2, cell "All-positive inputs: every step is a diagonal"', () => {
  test('all 300 positive updates share one sign, 142 of the centred ones do, and both reach (1, −1)', async () => {
    const { error, output } = await run(cellOf(LESSON, 'zigzag').code);
    expect(error).toBeUndefined();
    const [positive, centred] = tableNumbers(output, 0);
    // Columns: row number, inputs (text), same-sign steps, w1, w2.
    expect(positive.slice(2)).toEqual([300, expect.closeTo(1, 4), expect.closeTo(-1, 4)]);
    expect(centred.slice(2)).toEqual([142, expect.closeTo(1, 4), expect.closeTo(-1, 4)]);
  });
});
