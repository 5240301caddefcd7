import { describe, expect, test } from 'vitest';
import { ACTIVATION_IDS } from '../../../../src/lib/index.ts';
import { defaultState, parseField, parseState, serialiseState, type NumberField } from '../../../../src/widgets/common/state.ts';
import { SCHEMA, chosenActivations, parametersOf } from '../../../../src/widgets/activation-explorer/state.ts';

const NUMBER_FIELDS = Object.entries(SCHEMA).filter((entry): entry is [keyof typeof SCHEMA, NumberField] => entry[1].kind === 'number');

describe('the activation explorer state table', () => {
  test.each(NUMBER_FIELDS)('%s has its default and max on its grid', (_key, field) => {
    expect(parseField(field, String(field.default))).toBe(field.default);
    expect(parseField(field, String(field.max))).toBe(field.max);
    expect(parseField(field, String(field.min))).toBe(field.min);
  });

  test('defaults suit lesson 2: sigmoid against tanh, N(0, 1) weights with fan-in 100', () => {
    const state = defaultState(SCHEMA);
    expect(chosenActivations(state)).toEqual(['sigmoid', 'tanh']);
    expect(state).toMatchObject({ init: 'normal', fanIn: 100, range: 6, saturation: 'on' });
  });

  test('slot 1 offers every activation, slots 2 and 3 also none', () => {
    expect(SCHEMA.f1.options.map((option) => option.value)).toEqual([...ACTIVATION_IDS]);
    expect(SCHEMA.f2.options.map((option) => option.value)).toEqual(['none', ...ACTIVATION_IDS]);
    expect(parseState(SCHEMA, { f1: 'none' }).problems).toHaveLength(1);
  });

  test('the probe takes z = ±1000 and 0 exactly, the z range ±3 to ±20', () => {
    for (const raw of ['1000', '-1000', '0', '-0.01', '123.45']) expect(parseField(SCHEMA.z, raw), raw).toBe(Number(raw) + 0);
    for (const raw of ['1000.01', '0.005', 'Infinity', '']) expect(parseField(SCHEMA.z, raw), raw).toBeUndefined();
    expect(parseField(SCHEMA.range, '2')).toBeUndefined();
    expect(parseField(SCHEMA.range, '21')).toBeUndefined();
  });

  test('a state survives the URL round trip', () => {
    const state = {
      ...defaultState(SCHEMA),
      f1: 'elu' as const,
      f2: 'none' as const,
      f3: 'gelu' as const,
      eluAlpha: 0.35,
      range: 20,
      saturation: 'off' as const,
      z: -1000,
      fanIn: 7,
      init: 'custom' as const,
      sigma: 0.123,
      seed: 9999,
    };
    const text = serialiseState(SCHEMA, state);
    expect(text).toMatchObject({ f1: 'elu', f2: 'none', z: '-1000', sigma: '0.123' });
    expect(parseState(SCHEMA, text)).toEqual({ state, problems: [] });
  });

  test.each([
    ['f2', 'softmax'],
    ['z', '1e309'],
    ['z', '2.005'],
    ['fanIn', '0'],
    ['fanIn', '10.5'],
    ['init', 'lecun'],
    ['sigma', '0'],
    ['seed', '-1'],
    ['leakyAlpha', '1.5'],
    ['eluAlpha', '0.01'],
  ])('a tampered %s = %s is refused with a message naming the field', (key, raw) => {
    const { state, problems } = parseState(SCHEMA, { [key]: raw });
    expect(state).toEqual(defaultState(SCHEMA));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(SCHEMA[key as keyof typeof SCHEMA].label);
    expect(problems[0]).toContain('is not allowed');
  });

  test('each alpha reaches only its own function', () => {
    const state = { ...defaultState(SCHEMA), leakyAlpha: 0.2, preluAlpha: 0.3, eluAlpha: 0.5 };
    expect(parametersOf(state, 'leaky_relu')).toEqual({ alpha: 0.2 });
    expect(parametersOf(state, 'prelu')).toEqual({ alpha: 0.3 });
    expect(parametersOf(state, 'elu')).toEqual({ alpha: 0.5 });
    expect(parametersOf(state, 'relu')).toBeUndefined();
  });
});
