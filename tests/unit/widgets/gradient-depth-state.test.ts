import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { defaultState, parseField, parseState, serialiseState, snapToGrid, type NumberField } from '../../../src/widgets/common/state.ts';
import { DEPTH_ACTIVATIONS, DEPTH_INITS, networkConfig, prepareMoons } from '../../../src/widgets/gradient-depth/model.ts';
import { SCHEMA, planOf, runSettings, type DepthState } from '../../../src/widgets/gradient-depth/state.ts';

const NUMBER_FIELDS = Object.entries(SCHEMA).filter((entry): entry is [keyof typeof SCHEMA, NumberField] => entry[1].kind === 'number');

/** A grid value of a number field, drawn by its index on the grid. */
function gridValue(field: NumberField): fc.Arbitrary<number> {
  const count = Math.round((field.max - field.min) / field.step);
  return fc.integer({ min: 0, max: count }).map((k) => snapToGrid(field, field.min + k * field.step));
}

describe('the gradient-depth state table', () => {
  test.each(NUMBER_FIELDS)('%s has its min, default and max on its grid', (_key, field) => {
    for (const value of [field.min, field.default, field.max]) expect(parseField(field, String(value))).toBe(value);
  });

  test.each(NUMBER_FIELDS)('%s: every grid value is accepted as itself, every value between grid values refused', (_key, field) => {
    fc.assert(fc.property(gridValue(field), (value) => {
      expect(parseField(field, String(value))).toBe(value);
    }));
    const count = Math.round((field.max - field.min) / field.step);
    const between = fc.tuple(fc.integer({ min: 0, max: count - 1 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }));
    fc.assert(fc.property(between, ([k, fraction]) => {
      expect(parseField(field, String(field.min + (k + fraction) * field.step))).toBeUndefined();
    }));
  });

  test('the ranges are the issue\'s: depth 1 to 30, width 4 to 64 in fours, epochs 10 to 500 in tens, the lab\'s learning-rate grid', () => {
    expect(SCHEMA.depth).toMatchObject({ min: 1, max: 30, step: 1 });
    expect(SCHEMA.width).toMatchObject({ min: 4, max: 64, step: 4 });
    expect(SCHEMA.epochs).toMatchObject({ min: 10, max: 500, step: 10 });
    expect(SCHEMA.lr).toMatchObject({ min: 0.0001, max: 10, step: 0.0001, scale: 'log' });
    expect(SCHEMA.seed).toMatchObject({ min: 0, max: 9999, step: 1 });
  });

  test('both runs offer every activation and initialisation the model does', () => {
    for (const key of ['activationA', 'activationB'] as const) expect(SCHEMA[key].options.map((o) => o.value)).toEqual([...DEPTH_ACTIVATIONS]);
    for (const key of ['initA', 'initB'] as const) expect(SCHEMA[key].options.map((o) => o.value)).toEqual([...DEPTH_INITS]);
    expect(SCHEMA.initA.options.map((o) => o.label)).toEqual(['Xavier/Glorot', 'He', 'N(0, 1)', 'N(0, 0.01²)']);
    expect(SCHEMA.data.options.map((o) => o.value)).toEqual(['moons', 'spiral']);
    expect(SCHEMA.optimizer.options.map((o) => o.value)).toEqual(['sgd', 'adam']);
  });

  test('defaults are the issue\'s comparison: sigmoid/Xavier against ReLU/He, depth 10, width 32, seed 42, moons', () => {
    expect(defaultState(SCHEMA)).toEqual({
      activationA: 'sigmoid',
      initA: 'xavier',
      activationB: 'relu',
      initB: 'he',
      depth: 10,
      width: 32,
      seed: 42,
      data: 'moons',
      lr: 0.1,
      optimizer: 'sgd',
      epochs: 100,
    });
  });

  test('any valid state survives the URL round trip, and the defaults write nothing', () => {
    expect(serialiseState(SCHEMA, defaultState(SCHEMA))).toEqual({});
    const states: fc.Arbitrary<DepthState> = fc.record({
      activationA: fc.constantFrom(...DEPTH_ACTIVATIONS),
      initA: fc.constantFrom(...DEPTH_INITS),
      activationB: fc.constantFrom(...DEPTH_ACTIVATIONS),
      initB: fc.constantFrom(...DEPTH_INITS),
      depth: gridValue(SCHEMA.depth),
      width: gridValue(SCHEMA.width),
      seed: gridValue(SCHEMA.seed),
      data: fc.constantFrom('moons' as const, 'spiral' as const),
      lr: gridValue(SCHEMA.lr),
      optimizer: fc.constantFrom('sgd' as const, 'adam' as const),
      epochs: gridValue(SCHEMA.epochs),
    });
    fc.assert(
      fc.property(states, (state) => {
        expect(parseState(SCHEMA, serialiseState(SCHEMA, state))).toEqual({ state, problems: [] });
      }),
    );
  });

  test.each([
    ['activationA', 'softmax', 'Run A hidden activation', 'one of sigmoid, tanh, relu, leaky_relu, elu, swish, gelu'],
    ['initB', 'lecun', 'Run B initialisation', 'one of xavier, he, normal, small'],
    ['depth', '0', 'Hidden layers', 'a whole number from 1 to 30'],
    ['depth', '31', 'Hidden layers', 'a whole number from 1 to 30'],
    ['depth', '10.5', 'Hidden layers', 'a whole number from 1 to 30'],
    ['width', '30', 'Units per hidden layer', 'a whole number from 4 to 64 in steps of 4'],
    ['width', '68', 'Units per hidden layer', 'a whole number from 4 to 64 in steps of 4'],
    ['seed', '-1', 'Seed', 'a whole number from 0 to 9999'],
    ['data', 'circles', 'Data set', 'one of moons, spiral'],
    ['lr', '0.00015', 'Learning rate', 'a number from 0.0001 to 10 in steps of 0.0001'],
    ['lr', 'Infinity', 'Learning rate', 'a number from 0.0001 to 10 in steps of 0.0001'],
    ['optimizer', 'momentum', 'Optimiser', 'one of sgd, adam'],
    ['epochs', '15', 'Epochs', 'a whole number from 10 to 500 in steps of 10'],
    ['epochs', '', 'Epochs', 'a whole number from 10 to 500 in steps of 10'],
  ])('a tampered %s = %j is refused, never snapped, with a message naming the field', (key, raw, label, accepts) => {
    const { state, problems } = parseState(SCHEMA, { [key]: raw });
    expect(state).toEqual(defaultState(SCHEMA));
    expect(problems).toEqual([`${label}: "${raw}" is not allowed (${accepts}), so the default is used.`]);
  });

  test('a tampered value leaves the valid values beside it in place', () => {
    const { state, problems } = parseState(SCHEMA, { depth: '25', width: '33', initA: 'normal' });
    expect(state).toMatchObject({ depth: 25, width: 32, initA: 'normal' });
    expect(problems).toHaveLength(1);
  });
});

describe('the runs the state describes', () => {
  test('the defaults: A is sigmoid/Xavier, B ReLU/He, both 10 layers of 32 on seed 42, SGD at 0.1 for 100 epochs', () => {
    const plan = planOf(defaultState(SCHEMA));
    expect(plan.data).toBe('moons');
    expect(plan.epochs).toBe(100);
    expect(plan.runs.A.settings).toEqual({ depth: 10, width: 32, activation: 'sigmoid', init: 'xavier', seed: 42 });
    expect(plan.runs.B.settings).toEqual({ depth: 10, width: 32, activation: 'relu', init: 'he', seed: 42 });
    expect(plan.runs.A.training).toEqual({
      network: networkConfig(plan.runs.A.settings),
      loss: 'bce',
      optimizer: { kind: 'sgd', learningRate: 0.1 },
      batchSize: 64,
      trackDeadUnits: false,
    });
    expect(plan.runs.A.training.network.layers).toEqual([2, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 1]);
    expect(plan.runs.B.training.network).toMatchObject({ hiddenActivation: 'relu', init: 'he', outputActivation: 'sigmoid', seed: 42 });
  });

  test('the shared fields reach both runs, and each run keeps its own activation and initialisation', () => {
    const state: DepthState = { ...defaultState(SCHEMA), activationA: 'tanh', initB: 'small', depth: 3, width: 8, seed: 7, lr: 0.5, optimizer: 'sgd' };
    const plan = planOf(state);
    expect(runSettings(state, 'A')).toEqual({ depth: 3, width: 8, activation: 'tanh', init: 'xavier', seed: 7 });
    expect(plan.runs.B.settings).toEqual({ depth: 3, width: 8, activation: 'relu', init: 'small', seed: 7 });
    for (const run of [plan.runs.A, plan.runs.B]) {
      expect(run.training.optimizer).toEqual({ kind: 'sgd', learningRate: 0.5 });
      expect(run.training.network.layers).toEqual([2, 8, 8, 8, 1]);
    }
  });

  test('the spiral is the lab\'s two-armed spiral, standardised and split like the moons', () => {
    const spiral = prepareMoons(42, 'spiral');
    const moons = prepareMoons(42);
    expect(spiral.train.size).toBe(moons.train.size);
    expect(spiral.validation.size).toBe(moons.validation.size);
    expect(spiral.train.inputs).not.toEqual(moons.train.inputs);
    expect(new Set(spiral.train.targets)).toEqual(new Set([0, 1]));
    expect(spiral.train.classCount).toBe(2);
  });
});
