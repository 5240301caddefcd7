import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { defaultState, parseState, serialiseState } from '../../../src/widgets/common/state.ts';
import { readParams, writeParams } from '../../../src/widgets/common/url-state.ts';
import { formatNumber } from '../../../src/widgets/common/controls.ts';
import { SCHEMA } from '../../../src/widgets/network-explorer/state.ts';

describe('parseState', () => {
  test('missing values take their defaults, with no problem reported', () => {
    expect(parseState(SCHEMA, {})).toEqual({ state: defaultState(SCHEMA), problems: [] });
  });

  test('valid text becomes typed values', () => {
    const { state, problems } = parseState(SCHEMA, { f: 'relu', w1: '-2.5', c: '3' });
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ f: 'relu', w1: -2.5, c: 3, b1: SCHEMA.b1.default });
  });

  test.each([
    ['f', 'softmax', /Hidden activation f: "softmax" is not allowed \(one of none, step, relu, sigmoid, tanh\)/],
    ['w1', '3.01', /w₁ .*"3.01" is not allowed \(a number from -3 to 3\)/],
    ['w1', 'NaN', /not allowed/],
    ['w1', 'Infinity', /not allowed/],
    ['w1', '', /not allowed/],
    ['w1', '1e400', /not allowed/],
    ['wrt', '__proto__', /not allowed/],
  ])('%s=%j falls back to the default and says why', (key, raw, message) => {
    const { state, problems } = parseState(SCHEMA, { [key]: raw });
    expect(state).toEqual(defaultState(SCHEMA));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  test('overrides replace defaults, and URL values win over overrides', () => {
    const { state } = parseState(SCHEMA, { w2: '0.5' }, { f: 'tanh', w2: 2 });
    expect(state.f).toBe('tanh');
    expect(state.w2).toBe(0.5);
  });

  test('serialising then parsing any valid state gives it back, and defaults serialise to nothing', () => {
    expect(serialiseState(SCHEMA, defaultState(SCHEMA))).toEqual({});
    const value = fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10);
    const states = fc.record({
      f: fc.constantFrom('none', 'step', 'relu', 'sigmoid', 'tanh'),
      wrt: fc.constantFrom('w1', 'w2', 'w3'),
      w1: value, b1: value, w2: value, b2: value, w3: value, b3: value, v1: value, v2: value, v3: value, c: value,
    });
    fc.assert(
      fc.property(states, (state) => {
        const parsed = parseState(SCHEMA, serialiseState(SCHEMA, state));
        expect(parsed.problems).toEqual([]);
        expect(parsed.state).toEqual(state);
      }),
    );
  });
});

describe('URL parameters', () => {
  test('a widget reads only its own prefixed parameters', () => {
    expect(readParams('?explorer.f=relu&other.f=tanh&explorer.w1=2&plain=1', 'explorer')).toEqual({ f: 'relu', w1: '2' });
  });

  test('writing replaces the widget\'s own parameters and keeps everyone else\'s', () => {
    const search = writeParams('?explorer.f=relu&explorer.w1=2&other.f=tanh', 'explorer', { f: 'step' });
    expect(new URLSearchParams(search).getAll('explorer.w1')).toEqual([]);
    expect(readParams(search, 'explorer')).toEqual({ f: 'step' });
    expect(readParams(search, 'other')).toEqual({ f: 'tanh' });
    expect(writeParams('?explorer.f=relu', 'explorer', {})).toBe('');
  });
});

test('numbers are shown with the decimals of their step', () => {
  expect(formatNumber(0.1 + 0.2, 0.1)).toBe('0.3');
  expect(formatNumber(-1.2, 0.1)).toBe('-1.2');
  expect(formatNumber(2, 1)).toBe('2');
  expect(formatNumber(0.125, 0.005)).toBe('0.125');
});
