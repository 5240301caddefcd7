import { describe, expect, test } from 'vitest';
import { defaultState, parseState } from '../../../../src/widgets/common/state.ts';
import { addPoint, generatedPoints, movePoint, regressionPoints, removePoint } from '../../../../src/widgets/regression-losses/points.ts';
import { MAX_EDITS, NO_EDITS, SCHEMA, editsParams, formatEdits, parseEdits, startingState, stateFromProps, type ReaderEdits } from '../../../../src/widgets/regression-losses/state.ts';

const state = defaultState(SCHEMA);

describe('the state table', () => {
  test('defaults: seed 42, 40 points, delta 1, learning rate 0.1, 200 steps, lines for target and fit', () => {
    expect(state).toEqual({ seed: 42, points: 40, delta: 1, lr: 0.1, steps: 200, target: 'line', fit: 'line' });
    expect(parseState(SCHEMA, { delta: '0.25' }).problems).toHaveLength(1);
  });
});

describe("the reader's edits in the address", () => {
  const edits: ReaderEdits = { moved: [{ row: 3, x: 1.25, y: -4.5 }], removed: [7], added: [{ x: 0.5, y: 2 }] };

  test('format and parse round-trip, compactly', () => {
    expect(formatEdits(edits)).toBe('m3:1.25:-4.5~r7~a0.5:2');
    expect(parseEdits(formatEdits(edits), 40)).toEqual({ edits });
    expect(parseEdits('', 40)).toEqual({ edits: NO_EDITS });
  });

  test.each([
    ['m3:1.255:2', 'three decimals'],
    ['m40:1:2', 'a row past the generated count'],
    ['m3:1:2~r3', 'a row edited twice'],
    ['a1001:0', 'a coordinate out of range'],
    ['x1:2', 'an unknown item'],
    [Array.from({ length: MAX_EDITS + 1 }, () => 'a0:0').join('~'), 'too many items'],
  ])('%s is refused (%s) and the points stay as generated', (text) => {
    const parsed = parseEdits(text, 40);
    expect(parsed.edits).toEqual(NO_EDITS);
    expect(parsed.problem).toMatch(/not allowed/);
  });
});

describe('editing the points', () => {
  test('move, remove and add apply to the generated points, rounded to two decimals', () => {
    const generated = generatedPoints(state);
    let edits = movePoint(NO_EDITS, { origin: 'generated', row: 0 }, { x: 1.23456, y: -0.004 }).edits;
    edits = removePoint(edits, { origin: 'generated', row: 1 }, 40).edits;
    edits = addPoint(edits, { x: 2.5, y: 3 }).edits;
    edits = movePoint(edits, { origin: 'added', index: 0 }, { x: 2.6, y: 3.1 }).edits;
    const points = regressionPoints(state, edits);
    expect(points).toHaveLength(40);
    expect(points[0]).toMatchObject({ x: 1.23, y: 0 });
    expect(points[1]).toEqual(generated[2]);
    expect(points.at(-1)).toEqual({ x: 2.6, y: 3.1, outlier: false, key: { origin: 'added', index: 0 } });
    expect(parseEdits(formatEdits(edits), 40).edits).toEqual(edits);
  });

  test('a removal that would leave one point, and an edit past the cap, are refused with a reason', () => {
    expect(removePoint(NO_EDITS, { origin: 'generated', row: 0 }, 2).problem).toMatch(/at least 2/);
    const full: ReaderEdits = { ...NO_EDITS, added: Array.from({ length: MAX_EDITS }, () => ({ x: 0, y: 0 })) };
    expect(addPoint(full, { x: 1, y: 1 }).problem).toMatch(/up to 50/);
    expect(movePoint(full, { origin: 'added', index: 0 }, { x: 1, y: 1 }).problem).toBeUndefined();
  });
});

describe('starting state and props', () => {
  test('the address overrides the lesson, and a refused edit list leaves the points as generated with its message', () => {
    const start = startingState('?regression.delta=2&regression.edits=a1:1', '?regression.delta=abc&regression.edits=m999:1:1', 'regression');
    expect(start.lesson.state.delta).toBe(2);
    expect(start.lesson.edits.added).toEqual([{ x: 1, y: 1 }]);
    expect(start.state.delta).toBe(2);
    expect(start.edits).toEqual(NO_EDITS);
    expect(start.problems).toHaveLength(2);
    expect(start.problems[0]).toMatch(/^Huber delta: "abc" is not allowed/);
    expect(start.problems[1]).toMatch(/^Your edits to the points: "m999:1:1" are not allowed/);
  });

  test('the lesson’s edits are dropped when the address’s point count leaves their rows behind', () => {
    const start = startingState('?regression.points=40&regression.edits=r35', '?regression.points=10', 'regression');
    expect(start.state.points).toBe(10);
    expect(start.edits).toEqual(NO_EDITS);
    expect(startingState('?regression.edits=r35', '', 'regression').edits.removed).toEqual([35]);
  });

  test('props: good ones give the state and edits, a bad one or bad edits fail with every reason', () => {
    expect(stateFromProps({ delta: 0.5, edits: 'm23:-2.06:16.66' }, 'lesson')).toEqual({
      state: { ...defaultState(SCHEMA), delta: 0.5 },
      edits: { moved: [{ row: 23, x: -2.06, y: 16.66 }], removed: [], added: [] },
    });
    expect(() => stateFromProps({ delta: 9, colour: 'red', edits: 'x' }, 'lesson')).toThrow(/<RegressionLosses> in lesson: colour is not a setting of this widget\. Huber delta: "9" is not allowed.*Your edits to the points: "x"/);
  });

  test('no edits write no parameter', () => {
    expect(editsParams(NO_EDITS)).toEqual({});
    expect(editsParams({ moved: [], removed: [3], added: [] })).toEqual({ edits: 'r3' });
  });
});
