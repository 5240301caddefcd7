import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { allowed, defaultState, parseField, parseState, serialiseState, snapToGrid, type NumberField } from '../../../src/widgets/common/state.ts';
import { readParams, writeParams } from '../../../src/widgets/common/url-state.ts';
import { SCHEMA } from '../../../src/widgets/network-explorer/state.ts';
import { SCHEMA as LAB_SCHEMA } from '../../../src/widgets/moons-lab/state.ts';

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
    ['w1', '3.01', /w₁ .*"3.01" is not allowed \(a number from -3 to 3 in steps of 0.1\)/],
    ['w1', '0.15', /w₁ .*"0.15" is not allowed \(a number from -3 to 3 in steps of 0.1\)/],
    ['w1', '2.99', /not allowed/],
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

describe('serialising against a lesson\'s values', () => {
  test('the lesson\'s own values write nothing; a value the reader chose is written even when it is the table\'s default, and reads back', () => {
    const lesson = { ...defaultState(SCHEMA), f: 'tanh' as const, w2: 2 };
    expect(serialiseState(SCHEMA, lesson, lesson)).toEqual({});
    const chosen = { ...lesson, f: SCHEMA.f.default };
    const written = serialiseState(SCHEMA, chosen, lesson);
    expect(written).toEqual({ f: SCHEMA.f.default });
    expect(parseState(SCHEMA, written, lesson).state).toEqual(chosen);
    // Against the table's defaults the choice would be lost: nothing written, and the lesson's tanh read back.
    expect(parseState(SCHEMA, serialiseState(SCHEMA, chosen), lesson).state.f).toBe('tanh');
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

/** Every number field of both widgets' tables, named for test titles. */
const NUMBER_FIELDS = Object.entries({ ...SCHEMA, ...LAB_SCHEMA }).filter((entry): entry is [string, NumberField] => entry[1].kind === 'number');

describe('the step and whole-number rules', () => {
  test.each([
    ['explorer w1', SCHEMA.w1, '0.15', undefined],
    ['explorer w1', SCHEMA.w1, '2.99', undefined],
    ['explorer w1', SCHEMA.w1, '0.30000000000000004', 0.3],
    ['explorer w1', SCHEMA.w1, '-0.0', 0],
    ['lab seed', LAB_SCHEMA.seed, '42.5', undefined],
    ['lab seed', LAB_SCHEMA.seed, '42', 42],
    ['lab points', LAB_SCHEMA.points, '100.5', undefined],
    ['lab points', LAB_SCHEMA.points, '150', undefined],
    ['lab points', LAB_SCHEMA.points, '300', 300],
    ['lab epochs', LAB_SCHEMA.epochs, '1.5', undefined],
    ['lab noise', LAB_SCHEMA.noise, '0.005', undefined],
    ['lab noise', LAB_SCHEMA.noise, '0.07', 0.07],
    ['lab batch', LAB_SCHEMA.batch, '2.5', undefined],
    ['lab batch', LAB_SCHEMA.batch, '128', 128],
    ['lab batch', LAB_SCHEMA.batch, '1024', 1024],
    ['lab learning rate', LAB_SCHEMA.lr, '0.00015', undefined],
    ['lab learning rate', LAB_SCHEMA.lr, '0.0123', 0.0123],
    ['lab learning rate', LAB_SCHEMA.lr, '1e-4', 0.0001],
  ])('%s: %j gives %j', (_, field, raw, expected) => {
    expect(parseField(field, raw)).toBe(expected);
  });

  test('list items must be whole numbers in range, one per place', () => {
    expect(parseField(LAB_SCHEMA.hidden, '4-2')).toEqual([4, 2]);
    for (const raw of ['4-2.5', '4--2', '4-', '0-4', '65', '4-2-2-2-2-2']) expect(parseField(LAB_SCHEMA.hidden, raw), raw).toBeUndefined();
  });

  test('what a field accepts is said in words', () => {
    expect(allowed(LAB_SCHEMA.points)).toBe('a whole number from 100 to 5000 in steps of 100');
    expect(allowed(LAB_SCHEMA.seed)).toBe('a whole number from 0 to 9999');
    expect(allowed(SCHEMA.w1)).toBe('a number from -3 to 3 in steps of 0.1');
    expect(allowed(LAB_SCHEMA.lr)).toBe('a number from 0.0001 to 10 in steps of 0.0001');
  });

  test('rejected text is quoted short and without bidirectional controls', () => {
    const { problems } = parseState(LAB_SCHEMA, { data: '\u202Eabc', seed: 'x'.repeat(10_000) });
    expect(problems[0]).toBe('Data set: "abc" is not allowed (one of moons, circles, xor, spiral), so the default is used.');
    expect(problems[1]).toBe(`Seed: "${'x'.repeat(40)}…" is not allowed (a whole number from 0 to 9999), so the default is used.`);
  });

  test.each(NUMBER_FIELDS)('%s: min, max and default lie on the grid', (_, field) => {
    for (const value of [field.min, field.max, field.default]) expect(parseField(field, String(value))).toBe(value);
  });

  test.each(NUMBER_FIELDS)('%s: every grid value round-trips through text, and every value between grid values is refused', (_, field) => {
    const count = Math.round((field.max - field.min) / field.step);
    const index = fc.integer({ min: 0, max: count });
    fc.assert(
      fc.property(index, (k) => {
        const value = snapToGrid(field, field.min + k * field.step);
        expect(parseField(field, String(value))).toBe(value);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: count - 1 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (k, fraction) => {
        expect(parseField(field, String(field.min + (k + fraction) * field.step))).toBeUndefined();
      }),
    );
  });
});
