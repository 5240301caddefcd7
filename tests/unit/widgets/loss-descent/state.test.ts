import { describe, expect, test } from 'vitest';
import { defaultState, parseState, serialiseState, snapToGrid } from '../../../../src/widgets/common/state.ts';
import { CURVE_FIELDS, SCHEMA, shownLosses, stateFromProps } from '../../../../src/widgets/loss-descent/state.ts';

describe('the loss-descent state table', () => {
  test('has the measured defaults: w = −2, b = 1, BCE, every curve, learning rate 0.5, seed 1, 20 points', () => {
    expect(defaultState(SCHEMA)).toEqual({
      w: -2,
      b: 1,
      loss: 'bce',
      showZeroOne: 'shown',
      showPerceptron: 'shown',
      showHinge: 'shown',
      showBce: 'shown',
      lr: 0.5,
      seed: 1,
      size: 20,
    });
  });

  test('keeps every number field’s default and max on its grid', () => {
    for (const field of Object.values(SCHEMA)) {
      if (field.kind !== 'number') continue;
      expect(snapToGrid(field, field.default)).toBe(field.default);
      expect(snapToGrid(field, field.max)).toBe(field.max);
    }
  });

  test('names a shown/hidden field for every loss', () => {
    expect(Object.values(CURVE_FIELDS).map((key) => SCHEMA[key].label)).toEqual([
      '0-1 loss curve',
      'Perceptron loss curve',
      'Hinge loss curve',
      'Binary cross-entropy curve',
    ]);
  });

  test('accepts values on the grid, the float noise of one included', () => {
    const { state, problems } = parseState(SCHEMA, { w: '4.99', b: '-5', lr: '0.012', size: '100', loss: 'zero_one', seed: '0' });
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ w: 4.99, b: -5, lr: 0.012, size: 100, loss: 'zero_one', seed: 0 });
    expect(parseState(SCHEMA, { w: String(0.1 + 0.2) }).state.w).toBe(0.3);
  });

  test('refuses values off the grid, out of range, unreadable or unknown, each with a message', () => {
    const input = {
      w: '5.01',
      b: '0.005',
      lr: '0.0123',
      showZeroOne: 'on',
      size: '21',
      seed: '-1',
      loss: 'mse',
      showHinge: 'maybe',
      showBce: '',
    };
    const { state, problems } = parseState(SCHEMA, input);
    expect(state).toEqual(defaultState(SCHEMA));
    expect(problems).toHaveLength(Object.keys(input).length);
    expect(problems.find((problem) => problem.startsWith('Data points'))).toMatch(/"21" is not allowed \(a whole number from 4 to 100 in steps of 2\)/);
    expect(problems.find((problem) => problem.startsWith('Loss for'))).toMatch(/one of zero_one, perceptron, hinge, bce/);
    expect(parseState(SCHEMA, { w: 'NaN', b: 'Infinity', lr: '1e400', size: '0' }).problems).toHaveLength(4);
  });

  test('writes only what differs from the defaults', () => {
    expect(serialiseState(SCHEMA, { ...defaultState(SCHEMA), w: 0.5, showHinge: 'hidden' })).toEqual({ w: '0.5', showHinge: 'hidden' });
  });
});

describe('the curves drawn', () => {
  test('are the shown ones in order, and always the descent loss’s', () => {
    const state = defaultState(SCHEMA);
    expect(shownLosses(state)).toEqual(['zero_one', 'perceptron', 'hinge', 'bce']);
    const fewer = { ...state, showZeroOne: 'hidden', showPerceptron: 'hidden', showBce: 'hidden' } as const;
    expect(shownLosses(fewer)).toEqual(['hinge', 'bce']);
    expect(shownLosses({ ...fewer, loss: 'perceptron', showHinge: 'hidden' })).toEqual(['perceptron']);
  });
});

describe('a lesson’s props', () => {
  test('set the starting state, numbers and choices alike', () => {
    const state = stateFromProps({ w: -1, b: 0.5, loss: 'zero_one', showBce: 'hidden' }, '/lessons/05/');
    expect(state).toMatchObject({ w: -1, b: 0.5, loss: 'zero_one', showBce: 'hidden', lr: 0.5 });
  });

  test('an unknown prop or a refused value fails the build, naming each and the page', () => {
    expect(() => stateFromProps({ weight: 1, lr: 20, loss: 'mse' }, '/lessons/05/')).toThrow(
      /^<LossDescent> in \/lessons\/05\/: weight is not a setting of this widget\. Loss for gradient descent: "mse" is not allowed.*Learning rate: "20" is not allowed/,
    );
  });
});
