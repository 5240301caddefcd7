import { describe, expect, test } from 'vitest';
import { defaultState, parseState, serialiseState, snapToGrid } from '../../../../src/widgets/common/state.ts';
import { SCHEMA, classProblems, logitsOf, stateFromProps } from '../../../../src/widgets/softmax/state.ts';

describe('the softmax state table', () => {
  test('has the lesson defaults: four logits (2, 1, 0.1, −1), T = 1, class 1, naive shown', () => {
    const state = defaultState(SCHEMA);
    expect(logitsOf(state)).toEqual([2, 1, 0.1, -1]);
    expect(state).toMatchObject({ count: 4, t: 1, y: '1', naive: 'shown' });
  });

  test('keeps every number field’s default and max on its grid', () => {
    for (const field of Object.values(SCHEMA)) {
      if (field.kind !== 'number') continue;
      expect(snapToGrid(field, field.default)).toBe(field.default);
      expect(snapToGrid(field, field.max)).toBe(field.max);
    }
  });

  test('accepts a typed 1000 and −1000, refuses 1000.5 and a count of 99', () => {
    expect(parseState(SCHEMA, { z1: '1000', z2: '-1000' }).state).toMatchObject({ z1: 1000, z2: -1000 });
    const { state, problems } = parseState(SCHEMA, { z1: '1000.5', count: '99', z2: 'abc' });
    expect(state).toEqual(defaultState(SCHEMA));
    expect(problems).toHaveLength(3);
  });

  test('refuses a true class past the number of classes, with a message', () => {
    const parsed = parseState(SCHEMA, { count: '3', y: '7' }).state;
    const { state, problems } = classProblems(parsed);
    expect(state.y).toBe('1');
    expect(problems[0]).toMatch(/class 7 is not one of the 3 classes/);
    expect(classProblems(defaultState(SCHEMA)).problems).toEqual([]);
  });

  test('writes only what differs from the defaults', () => {
    expect(serialiseState(SCHEMA, { ...defaultState(SCHEMA), z1: 1000, t: 0.5 })).toEqual({ z1: '1000', t: '0.5' });
  });
});

describe('the props a lesson gives <Softmax>', () => {
  test('set the starting state', () => {
    expect(stateFromProps({ count: 3, z1: 5, t: 0.5, y: '2' }, '/lessons/04-softmax/')).toMatchObject({ count: 3, z1: 5, t: 0.5, y: '2' });
  });

  test('fail the build with every problem named, and where', () => {
    expect(() => stateFromProps({ count: 12, z2: 'abc', temperature: 2 }, '/lessons/04-softmax/')).toThrow(
      /^<Softmax> in \/lessons\/04-softmax\/: temperature is not a setting of this widget\. Number of classes: "12" is not allowed.*Logit z2: "abc" is not allowed/,
    );
    expect(() => stateFromProps({ count: 2, y: '3' }, '/x/')).toThrow(/class 3 is not one of the 2 classes/);
  });
});
