import { describe, expect, test } from 'vitest';
import { activation, createNetwork, createTrainer } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { properties } from '../../../src/widgets/activation-explorer/properties.ts';
import { measureNetworkUnits, preluAlphas, prepareMoons, trainingConfig } from '../../../src/widgets/dying-relu/model.ts';
import { SCHEMA, sideSettings, type DyingState } from '../../../src/widgets/dying-relu/state.ts';
import { cellOf, run, tableNumbers } from './lesson-cells-harness.ts';

// The numbers lesson 3 states, computed with the course's library, the explorer's properties,
// the dying-ReLU widget's own settings and model (seed 42), and the lesson's cells themselves.
// The table of dead and revived units per learning rate, and the revival totals over four seeds,
// are pinned where they are measured: tests/unit/widgets/dying-relu/measured.test.ts.

const LESSON = '03-relu-family.mdx';
const defaults = defaultState(SCHEMA);

/** Side A of `state` trained for its epochs: the last metrics, units with every pre-activation ≤ 0 per layer, PReLU's α; or the epoch it diverged in. */
function train(state: DyingState) {
  const data = prepareMoons(state.seed);
  const trainer = createTrainer(trainingConfig(sideSettings(state, 'A')), data);
  let last = trainer.epoch();
  if (last.diverged) return { divergedIn: 1 };
  while (trainer.epochsCompleted < state.epochs) {
    last = trainer.epoch();
    if (last.diverged) return { divergedIn: trainer.epochsCompleted };
  }
  const allNegative = measureNetworkUnits(trainer.network, data.train).layers.map((units) => units.filter((unit) => unit.dead).length);
  return { last, allNegative, alphas: preluAlphas(trainer.network) };
}

describe('lesson 3, cell "How many outputs of a trained ReLU network are exactly 0?"', () => {
  const shares = async (learningRate: number) => {
    const code = cellOf(LESSON, 'sparsity').code.replace('learningRate: 0.05', `learningRate: ${learningRate}`);
    const { error, output } = await run(code);
    expect(error).toBeUndefined();
    return tableNumbers(output, 0).map((row) => row[2]);
  };

  test('at 0.05: 48%, 48% and 42% of outputs are exactly 0, and validation accuracy is 95%', async () => {
    expect((await shares(0.05)).map((share) => Math.round(share * 100))).toEqual([48, 48, 42]);
    expect(train({ ...defaults, lr: 0.05 }).last?.validationAccuracy).toBeCloseTo(0.95, 2);
  });

  test('at 0.5 between 54% and 57%; at 2: 75%, 84% and 87%', async () => {
    for (const share of await shares(0.5)) {
      expect(Math.round(share * 100)).toBeGreaterThanOrEqual(54);
      expect(Math.round(share * 100)).toBeLessThanOrEqual(57);
    }
    expect((await shares(2)).map((share) => Math.round(share * 100))).toEqual([75, 84, 87]);
  });
});

describe('lesson 3, the dying-ReLU widget (2-16-16-16-1, He, SGD, 30 epochs, seed 42)', () => {
  test('before training, 0, 2 and 1 units per layer are dead (He weights, zero biases)', () => {
    const network = createNetwork(trainingConfig(sideSettings(defaults, 'A')).network);
    expect(measureNetworkUnits(network, prepareMoons(42).train).layers.map((units) => units.filter((unit) => unit.dead).length)).toEqual([0, 2, 1]);
  });

  test('at learning rate 2: ReLU and Leaky ReLU both reach 93%, with losses 0.093 and 0.194; Leaky ReLU ends with 5/9/7 all-negative units', () => {
    const relu = train({ ...defaults, lr: 2 });
    const leaky = train({ ...defaults, lr: 2, activationA: 'leaky_relu' });
    expect(relu.last?.validationAccuracy).toBeCloseTo(0.93, 2);
    expect(leaky.last?.validationAccuracy).toBeCloseTo(0.93, 2);
    expect(relu.last?.trainLoss).toBeCloseTo(0.093, 3);
    expect(leaky.last?.trainLoss).toBeCloseTo(0.194, 3);
    expect(relu.allNegative).toEqual([4, 9, 7]);
    expect(leaky.allNegative).toEqual([5, 9, 7]);
  });

  test('other seeds go either way at learning rate 2: on seeds 3, 7 and 100 Leaky ReLU ends with the lower loss, on seed 2 the higher', () => {
    const loss = (seed: number, activationA: DyingState['activationA']) => train({ ...defaults, lr: 2, seed, activationA }).last?.trainLoss ?? Number.NaN;
    for (const seed of [3, 7, 100]) expect(loss(seed, 'leaky_relu')).toBeLessThan(loss(seed, 'relu'));
    for (const seed of [2, 42]) expect(loss(seed, 'leaky_relu')).toBeGreaterThan(loss(seed, 'relu'));
  });

  test("PReLU's α: 0.096, 0.187, 0.102 at 0.05; −0.113, 0.127, −0.071 at 0.2; it diverges in epoch 9 at 0.5 and in epoch 1 at 2", () => {
    const prelu = (lr: number) => train({ ...defaults, lr, activationA: 'prelu' });
    expect(prelu(0.05).alphas?.map((alpha) => Number(alpha?.toFixed(3)))).toEqual([0.096, 0.187, 0.102]);
    expect(prelu(0.2).alphas?.map((alpha) => Number(alpha?.toFixed(3)))).toEqual([-0.113, 0.127, -0.071]);
    expect(prelu(0.5).divergedIn).toBe(9);
    expect(prelu(2).divergedIn).toBe(1);
  });

  test('ELU: 98% at 0.05 (ReLU 95%), and diverges in its first epoch at 2', () => {
    expect(train({ ...defaults, lr: 0.05, activationA: 'elu' }).last?.validationAccuracy).toBeCloseTo(0.98, 2);
    expect(train({ ...defaults, lr: 2, activationA: 'elu' }).divergedIn).toBe(1);
  });
});

describe('lesson 3, the family computed', () => {
  test('mean outputs for standard normal z: ReLU 0.40, Leaky ReLU 0.39, ELU 0.16, softplus 0.81', () => {
    expect(properties('relu').meanOutput).toBeCloseTo(0.4, 2);
    expect(properties('leaky_relu').meanOutput).toBeCloseTo(0.39, 2);
    expect(properties('elu').meanOutput).toBeCloseTo(0.16, 2);
    expect(properties('softplus').meanOutput).toBeCloseTo(0.81, 2);
  });

  test("slopes at 0 by the library's (PyTorch's) convention: ReLU 0, Leaky ReLU α, ELU α; softplus(0) = ln 2, softplus' = σ", () => {
    expect(activation('relu').df(0)).toBe(0);
    expect(activation('leaky_relu', { alpha: 0.2 }).df(0)).toBe(0.2);
    expect(activation('elu', { alpha: 0.5 }).df(0)).toBe(0.5);
    expect(activation('softplus').f(0)).toBeCloseTo(Math.LN2, 15);
    for (const z of [-3, 0, 2]) expect(activation('softplus').df(z)).toBeCloseTo(activation('sigmoid').f(z), 15);
  });

  test('the cell: Swish is lowest at −1.2785 with value −0.2785; exact GELU and its tanh form differ by at most 4.7e-4, at |z| ≈ 2.7', async () => {
    const { error, output } = await run(cellOf(LESSON, 'family-numbers').code);
    expect(error).toBeUndefined();
    const values = output.filter((entry) => entry.kind === 'text').map((entry) => ('text' in entry ? String(entry.text) : ''));
    const numbers = values.join(' ').match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
    expect(numbers[0]).toBeCloseTo(-1.2785, 4);
    expect(numbers[1]).toBeCloseTo(-0.2785, 4);
    // Shown to six significant digits, so the identity f(z*) = z* + 1 holds to the digits shown.
    expect(numbers[0] + 1).toBeCloseTo(numbers[1], 4);
    expect(numbers[2]).toBeCloseTo(4.7e-4, 5);
    expect(Math.abs(numbers[3])).toBeCloseTo(2.7, 1);
  });

  test("GELU's lowest point: about −0.170 at z ≈ −0.752", () => {
    const gelu = activation('gelu');
    let lowest = { z: 0, value: 0 };
    for (let z = -3; z < 0; z += 1e-5) if (gelu.f(z) < lowest.value) lowest = { z, value: gelu.f(z) };
    expect(lowest.value).toBeCloseTo(-0.17, 3);
    expect(lowest.z).toBeCloseTo(-0.752, 3);
  });
});
