import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { DESCENT_LOSSES, lossValue } from '../../../../src/widgets/loss-descent/classifier.ts';
import {
  DESCENT_STEPS,
  ZERO_ONE_STUCK,
  articleExample,
  dataOf,
  descend,
  lossCurve,
  marksOf,
  zeroOneJumps,
} from '../../../../src/widgets/loss-descent/model.ts';
import { SCHEMA, type DescentState } from '../../../../src/widgets/loss-descent/state.ts';

const defaults: DescentState = defaultState(SCHEMA);

describe('gradient descent from the defaults (w = −2, b = 1, seed 1, 20 points, learning rate 0.5)', () => {
  test('starts visibly wrong: 2 of 20 points right', () => {
    expect(descend(defaults, 'bce').path[0]).toMatchObject({ w: -2, b: 1, accuracy: 0.1 });
  });

  test('under 0-1 loss leaves w and b where they are, and says so', () => {
    const run = descend(defaults, 'zero_one');
    expect(run.path).toHaveLength(DESCENT_STEPS + 1);
    for (const point of run.path) expect(point).toEqual({ w: -2, b: 1, loss: 0.9, accuracy: 0.1 });
    expect(run.moved).toBe(false);
    expect(run.stuck).toBe(ZERO_ONE_STUCK);
    expect(ZERO_ONE_STUCK).toBe('0-1 loss has gradient 0 wherever it is defined, so gradient descent does not move.');
  });

  test('under 0-1 loss does not move from any start or at any learning rate', () => {
    for (const [w, b, lr] of [[0.5, -0.3, 10], [3, 0, 0.001], [-5, 5, 1]]) {
      const run = descend({ ...defaults, w, b, lr }, 'zero_one');
      expect(run.moved).toBe(false);
      expect(run.path.at(-1)).toMatchObject({ w, b });
    }
  });

  const measured = {
    bce: { start: 2.5345, end: 0.0636, w: 3.622, b: 0.611, firstAllRight: 8, allRightFrom: 50 },
    hinge: { start: 3.3262, end: 0.0243, w: 2.525, b: 0.825, firstAllRight: 6, allRightFrom: 11 },
    perceptron: { start: 2.3845, end: 0, w: 0.397, b: 0.15, firstAllRight: 6, allRightFrom: 6 },
  } as const;

  for (const [id, expected] of Object.entries(measured) as [keyof typeof measured, (typeof measured)[keyof typeof measured]][]) {
    test(`under ${id} lowers the loss and puts every point right (measured)`, () => {
      const run = descend(defaults, id);
      const first = run.path[0];
      const last = run.path[DESCENT_STEPS];
      expect(run.moved).toBe(true);
      expect(run.stuck).toBeNull();
      expect(first.loss).toBeCloseTo(expected.start, 4);
      expect(last.loss).toBeCloseTo(expected.end, 4);
      expect(last.w).toBeCloseTo(expected.w, 3);
      expect(last.b).toBeCloseTo(expected.b, 3);
      expect(last.accuracy).toBe(1);
      expect(run.path.findIndex((point) => point.accuracy === 1)).toBe(expected.firstAllRight);
      expect(run.path.findLastIndex((point) => point.accuracy < 1)).toBe(expected.allRightFrom - 1);
    });
  }

  test('never raises BCE from one step to the next at the default rate, while accuracy dips and recovers', () => {
    const path = descend(defaults, 'bce').path;
    for (let step = 1; step < path.length; step++) expect(path[step].loss).toBeLessThan(path[step - 1].loss);
    expect(path.slice(24, 50).every((point) => point.accuracy === 0.95)).toBe(true);
  });

  test('under hinge, a subgradient method, lets the loss rise on some step but ends far lower', () => {
    const losses = descend(defaults, 'hinge').path.map((point) => point.loss);
    expect(losses.some((value, step) => step > 0 && value > losses[step - 1])).toBe(true);
    expect(losses[DESCENT_STEPS]).toBeLessThan(losses[0] / 100);
  });

  test('under the perceptron loss stops once every point is right (loss 0, gradient 0)', () => {
    const path = descend(defaults, 'perceptron').path;
    expect(path[6].loss).toBe(0);
    expect(path.slice(6).every((point) => point.w === path[6].w && point.b === path[6].b)).toBe(true);
  });

  test('says a smooth loss is stuck where its gradient is 0', () => {
    const solved = descend(defaults, 'perceptron').path[6];
    const run = descend({ ...defaults, w: solved.w, b: solved.b }, 'perceptron');
    expect(run.moved).toBe(false);
    expect(run.stuck).toBe('Perceptron loss has gradient 0 here, so gradient descent does not move.');
  });

  test('takes the number of steps asked for', () => {
    expect(descend(defaults, 'hinge', 5).path).toHaveLength(6);
    expect(descend(defaults, 'hinge', 0)).toMatchObject({ moved: false });
  });
});

describe('the loss curves', () => {
  const data = dataOf(defaults);

  test('cover the w range at fixed b and agree with the loss at each point', () => {
    for (const id of DESCENT_LOSSES) {
      const curve = lossCurve(data, id, 1, { from: -5, to: 5, points: 11 });
      expect(curve[0].w).toBe(-5);
      expect(curve.at(-1)?.w).toBe(5);
      for (const point of curve) expect(point.loss).toBe(lossValue(data, id, point.w, 1));
    }
    expect(lossCurve(data, 'bce', 1)).toHaveLength(401);
  });

  test('0-1’s curve holds both sides of every jump inside the range, in order', () => {
    const jumps = zeroOneJumps(data, 1, -5, 5);
    expect(jumps.length).toBeGreaterThan(0);
    for (const jump of jumps) expect(jumps.filter((other) => other === jump)).toHaveLength(1);
    const curve = lossCurve(data, 'zero_one', 1);
    expect(curve).toHaveLength(401 + 2 * jumps.length);
    for (let index = 1; index < curve.length; index++) expect(curve[index].w).toBeGreaterThanOrEqual(curve[index - 1].w);
    for (const jump of jumps) {
      const before = lossValue(data, 'zero_one', jump - 1e-9, 1);
      const after = lossValue(data, 'zero_one', jump + 1e-9, 1);
      expect(before).not.toBe(after);
    }
  });

  test('0-1 has no jump where b = 0 except at w = 0, and none for a point at x = 0', () => {
    expect(zeroOneJumps(data, 0, -5, 5)).toEqual([0]);
    expect(zeroOneJumps({ x: [0], labels: [1] }, 1, -5, 5)).toEqual([]);
  });

  test('marks the current (w, b) on each curve asked for, with its gradient', () => {
    const marks = marksOf(defaults, ['zero_one', 'bce']);
    expect(marks.map((mark) => mark.loss)).toEqual(['zero_one', 'bce']);
    expect(marks[0]).toEqual({ loss: 'zero_one', value: 0.9, gradient: { w: 0, b: 0, defined: true } });
    expect(marks[1].value).toBeCloseTo(2.5345, 4);
    expect(marks[1].gradient.w).toBeLessThan(0);
  });
});

describe('the article’s example: a true class 1 predicted at 0.49, 0.51, 0.01 and 0.99', () => {
  const rows = articleExample();

  test('0-1 loss with threshold 0.5 cannot tell a near miss from a confident mistake', () => {
    expect(rows.map((row) => row.zeroOne)).toEqual([1, 0, 1, 0]);
  });

  test('cross-entropy is −ln p', () => {
    const expected = [0.71335, 0.67334, 4.60517, 0.01005];
    rows.forEach((row, index) => expect(row.crossEntropy).toBeCloseTo(expected[index], 5));
  });

  test('squared error is (1 − p)²', () => {
    const expected = [0.2601, 0.2401, 0.9801, 0.0001];
    rows.forEach((row, index) => expect(row.squaredError).toBeCloseTo(expected[index], 12));
  });

  test('hinge on the logit ln(p / (1 − p)) with y = +1', () => {
    const logits = [-0.040005, 0.040005, -4.59512, 4.59512];
    const hinges = [1.040005, 0.959995, 5.59512, 0];
    rows.forEach((row, index) => {
      expect(row.logit).toBeCloseTo(logits[index], 5);
      expect(row.hinge).toBeCloseTo(hinges[index], 5);
    });
  });

  test('the perceptron loss on the logit, max(0, −logit), charges nothing for any right answer, however unsure', () => {
    const expected = [0.040005, 0, 4.59512, 0];
    rows.forEach((row, index) => expect(row.perceptron).toBeCloseTo(expected[index], 5));
    expect(Object.is(rows[1].perceptron, -0)).toBe(false);
  });

  test('refuses a probability of 0 or 1, whose logit is infinite', () => {
    expect(() => articleExample([0])).toThrow(/strictly between 0 and 1/);
    expect(() => articleExample([1])).toThrow(/strictly between 0 and 1/);
  });
});
