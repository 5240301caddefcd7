import { describe, expect, test } from 'vitest';
import { createTrainer, measureUnits } from '../../../../src/lib/index.ts';
import { defaultState, parseField, parseState, serialiseState } from '../../../../src/widgets/common/state.ts';
import { createRevivalTracker, deadShares, measureNetworkUnits, preluAlphas, prepareMoons, trainingConfig } from '../../../../src/widgets/dying-relu/model.ts';
import { SCHEMA, sideSettings } from '../../../../src/widgets/dying-relu/state.ts';

const data = prepareMoons(42);

describe('the dying-ReLU state', () => {
  test('defaults: ReLU against Leaky ReLU, SGD at 2, 16-16-16, bias 0, seed 42, 30 epochs', () => {
    expect(defaultState(SCHEMA)).toEqual({ activationA: 'relu', activationB: 'leaky_relu', layers: [16, 16, 16], bias: 0, seed: 42, lr: 2, optimizer: 'sgd', epochs: 30 });
  });

  test('every number field has its min, default and max on its grid, and a state survives the address', () => {
    for (const field of Object.values(SCHEMA)) {
      if (field.kind !== 'number') continue;
      for (const value of [field.min, field.default, field.max]) expect(parseField(field, String(value))).toBe(value);
    }
    const state = { ...defaultState(SCHEMA), activationB: 'elu' as const, layers: [8, 4], bias: -1.5, lr: 0.0123, optimizer: 'adam' as const, epochs: 55 };
    expect(parseState(SCHEMA, serialiseState(SCHEMA, state))).toEqual({ state, problems: [] });
    expect(serialiseState(SCHEMA, defaultState(SCHEMA))).toEqual({});
  });

  test('tampered values fall back to the defaults with a reason', () => {
    const { state, problems } = parseState(SCHEMA, { lr: 'abc', layers: '0-0', bias: '0.5', activationA: 'tanh' });
    expect(state).toEqual(defaultState(SCHEMA));
    expect(problems).toHaveLength(4);
    expect(parseState(SCHEMA, { bias: '-1.5', layers: '8-4' }).state).toMatchObject({ bias: -1.5, layers: [8, 4] });
  });

  test('the two sides differ only in their activation: same initial weights', () => {
    const state = defaultState(SCHEMA);
    const a = trainingConfig(sideSettings(state, 'A'));
    const b = trainingConfig(sideSettings(state, 'B'));
    expect({ ...a.network, hiddenActivation: null }).toEqual({ ...b.network, hiddenActivation: null });
    const weights = (config: typeof a) => createTrainer(config, data).network.parameters.map((p) => [...p]);
    expect(weights(a)).toEqual(weights(b));
  });
});

describe('unit states', () => {
  test('dead counts agree with the library and with the trainer after a dying run', () => {
    const state = defaultState(SCHEMA);
    const trainer = createTrainer(trainingConfig(sideSettings(state, 'A')), data);
    for (let e = 0; e < 10; e++) trainer.epoch();
    const units = measureNetworkUnits(trainer.network, data.train);
    const shares = deadShares(units.layers);
    const library = measureUnits({ network: trainer.network, data: data.train, loss: 'bce' });
    expect(shares).toEqual(library.map((layer) => layer.allNonPositiveFraction));
    trainer.deadUnitFractions().forEach((fraction, l) => expect(shares[l]).toBeCloseTo(fraction, 12));
    expect(shares.some((share) => share > 0)).toBe(true);
    for (const layer of units.layers) {
      for (const unit of layer) {
        if (unit.dead) expect([unit.gradientNorm, unit.negativeShare, unit.high]).toEqual([0, 1, 0]);
        expect(unit.counts.reduce((s, c) => s + c, 0)).toBe(data.train.size);
      }
    }
  });

  test("PReLU's reported alpha is the network's parameter, one per layer, and it learns", () => {
    const state = { ...defaultState(SCHEMA), activationA: 'prelu' as const, lr: 0.1 };
    const trainer = createTrainer(trainingConfig(sideSettings(state, 'A')), data);
    expect(preluAlphas(trainer.network)).toEqual([0.25, 0.25, 0.25]);
    for (let e = 0; e < 3; e++) trainer.epoch();
    const alphas = measureNetworkUnits(trainer.network, data.train).alphas;
    alphas.forEach((alpha, l) => expect(alpha).toBe(trainer.network.parameters[l][trainer.network.shapes[l].alphaOffset]));
    expect(alphas.every((alpha) => alpha !== 0.25)).toBe(true);
    expect(preluAlphas(createTrainer(trainingConfig(sideSettings(state, 'B')), data).network)).toEqual([null, null, null]);
  });
});

describe('revivals', () => {
  test('a unit dead at one epoch and alive at a later one counts once, per layer', () => {
    const tracker = createRevivalTracker([3, 2]);
    expect(tracker.observe(0, [[true, false, false], [false, false]])).toEqual([]);
    expect(tracker.observe(1, [[true, true, false], [true, false]])).toEqual([]);
    expect(tracker.observe(2, [[false, true, false], [false, false]])).toEqual([[0, 0], [1, 0]]);
    expect(tracker.observe(3, [[true, false, false], [true, false]])).toEqual([[0, 1]]);
    expect(tracker.observe(4, [[false, false, false], [false, false]])).toEqual([[0, 0], [1, 0]]);
    // Unit 0 of layer 0 revived twice but counts once; it first came back at epoch 2 and last died at 3.
    expect(tracker.revivedCounts()).toEqual([2, 1]);
    expect(tracker.history(0, 0)).toEqual({ diedAt: 3, revivedAt: 2 });
    expect(tracker.history(0, 2)).toEqual({ diedAt: null, revivedAt: null });
    expect(tracker.history(1, 0)).toEqual({ diedAt: 3, revivedAt: 2 });
  });
});
