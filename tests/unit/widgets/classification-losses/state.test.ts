import { describe, expect, test } from 'vitest';
import { defaultState, parseField, parseState, type NumberField } from '../../../../src/widgets/common/state.ts';
import { readParams } from '../../../../src/widgets/common/url-state.ts';
import { SCHEMA, classProblems, logitsOf, stateFromProps } from '../../../../src/widgets/classification-losses/state.ts';

describe('the state table', () => {
  test("every number field's max and default lie on its grid", () => {
    for (const field of Object.values(SCHEMA).filter((field): field is NumberField => field.kind === 'number')) {
      expect(parseField(field, String(field.max))).toBe(field.max);
      expect(parseField(field, String(field.default))).toBe(field.default);
    }
  });

  test('defaults: binary mode, K = 4 logits 2, 1, 0.1, −1, target class 1', () => {
    const state = defaultState(SCHEMA);
    expect(state.mode).toBe('binary');
    expect(logitsOf(state)).toEqual([2, 1, 0.1, -1]);
    expect(state.target).toBe('1');
  });

  test('±1000 may be typed for a logit; beyond, or a tampered mode, is refused and named', () => {
    const { state, problems } = parseState(SCHEMA, readParams('?classification.z1=1000&classification.z2=-1000&classification.z3=1e6&classification.mode=evil', 'classification'));
    expect(state.z1).toBe(1000);
    expect(state.z2).toBe(-1000);
    expect(state.z3).toBe(0.1);
    expect(state.mode).toBe('binary');
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^Logit z3: "1e6" is not allowed/);
  });

  test('a target past K is refused with a message, and class 1 used', () => {
    const { state, problems } = classProblems({ ...defaultState(SCHEMA), k: 3, target: '5' });
    expect(state.target).toBe('1');
    expect(problems).toEqual(['Target class: class 5 is not one of the 3 classes, so class 1 is used.']);
  });

  test('props: a bad one fails the build naming it', () => {
    expect(stateFromProps({ mode: 'multi', k: 5, target: '5' }, 'page')).toMatchObject({ mode: 'multi', k: 5, target: '5' });
    expect(() => stateFromProps({ colour: 'red' }, 'page')).toThrow('<ClassificationLosses> in page: colour is not a setting of this widget.');
    expect(() => stateFromProps({ k: 2, target: '3' }, 'page')).toThrow(/class 3 is not one of the 2 classes/);
    expect(() => stateFromProps({ p: 1 }, 'page')).toThrow(/Probe/);
  });
});
