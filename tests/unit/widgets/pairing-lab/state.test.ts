import { describe, expect, test } from 'vitest';
import { defaultState, parseField, parseState, type NumberField } from '../../../../src/widgets/common/state.ts';
import { readParams } from '../../../../src/widgets/common/url-state.ts';
import { SCHEMA, pairSettings } from '../../../../src/widgets/pairing-lab/state.ts';
import { PAIRING_PRESETS } from '../../../../src/widgets/pairing-lab/model.ts';

describe('the pairing lab state table', () => {
  test("every number field's max and default lie on its grid", () => {
    for (const field of Object.values(SCHEMA).filter((field): field is NumberField => field.kind === 'number')) {
      expect(parseField(field, String(field.max))).toBe(field.max);
      expect(parseField(field, String(field.default))).toBe(field.default);
    }
  });

  test('defaults: softmax preset, seed 42, SGD at 0.1, 50 epochs', () => {
    expect(pairSettings(defaultState(SCHEMA))).toEqual({ preset: 'softmax', seed: 42, learningRate: 0.1, optimizer: 'sgd', epochs: 50 });
  });

  test.each(PAIRING_PRESETS)('preset %s is accepted from the address', (preset) => {
    expect(parseState(SCHEMA, readParams(`?pairing.preset=${preset}`, 'pairing'))).toEqual({ state: { ...defaultState(SCHEMA), preset }, problems: [] });
  });

  test('tampered values fall back to their defaults, each named', () => {
    const { state, problems } = parseState(SCHEMA, readParams('?pairing.preset=evil&pairing.epochs=7&pairing.lr=NaN&pairing.seed=-1', 'pairing'));
    expect(state).toEqual(defaultState(SCHEMA));
    expect(problems).toEqual([
      'Pairing: "evil" is not allowed (one of softmax, sigmoid, regression, double, multilabel, refused), so the default is used.',
      'Seed: "-1" is not allowed (a whole number from 0 to 9999), so the default is used.',
      'Epochs: "7" is not allowed (a whole number from 5 to 200 in steps of 5), so the default is used.',
      'Learning rate: "NaN" is not allowed (a number from 0.0001 to 1 in steps of 0.0001), so the default is used.',
    ]);
  });
});
