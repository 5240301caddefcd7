import { describe, expect, test } from 'vitest';
import { activation } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { isStraight, sampleCurves, thresholds } from '../../../src/widgets/network-explorer/model.ts';
import { SCHEMA } from '../../../src/widgets/network-explorer/state.ts';

// The numbers lesson 1 states, computed with the course's own activations and explorer model,
// so the text and the widget cannot drift apart.

describe('lesson 1, "One gradient step by hand": x = 2, w = 0, b = -0.5, y = 1, L = (yhat - y)^2', () => {
  const [x, w, b, y] = [2, 0, -0.5, 1];
  const z = w * x + b;

  test('the sigmoid neuron: yhat 0.378, slope 0.235, dL/dw -0.585, so gradient descent raises w', () => {
    const sigmoid = activation('sigmoid');
    const yhat = sigmoid.f(z);
    const gradient = 2 * (yhat - y) * sigmoid.df(z) * x;
    expect(yhat).toBeCloseTo(0.378, 3);
    expect(sigmoid.df(z)).toBeCloseTo(0.235, 3);
    expect(2 * (0.378 - y)).toBeCloseTo(-1.244, 12); // with the rounded value the reader is given
    expect(gradient).toBeCloseTo(-0.585, 3);
    expect(2 * (0.378 - y) * 0.235 * x).toBeCloseTo(-0.585, 3);
    const loss = (weight: number) => (sigmoid.f(weight * x + b) - y) ** 2;
    expect((loss(1e-6) - loss(-1e-6)) / 2e-6).toBeCloseTo(gradient, 8);
  });

  test('the step neuron is wrong (output 0, loss 1) and its gradient is 0', () => {
    const step = activation('step');
    expect(step.f(z)).toBe(0);
    expect((step.f(z) - y) ** 2).toBe(1);
    expect(Math.abs(2 * (step.f(z) - y) * step.df(z) * x)).toBe(0);
  });
});

describe("lesson 1's explorer guide, with the explorer's starting values", () => {
  test('with the sigmoid, unit 1 bends at -0.33 while dy/dw1 dips lowest near -1.2 and peaks near 0.9', () => {
    const state = { ...defaultState(SCHEMA), f: 'sigmoid' as const };
    expect(state.wrt).toBe('w1');
    expect(-state.b1 / state.w1).toBeCloseTo(-0.33, 2);
    const points = sampleCurves(state, 6001);
    const lowest = points.reduce((a, p) => (p.dy < a.dy ? p : a));
    const highest = points.reduce((a, p) => (p.dy > a.dy ? p : a));
    expect(lowest.x).toBeCloseTo(-1.2, 1);
    expect(highest.x).toBeCloseTo(0.9, 1);
    expect(Math.abs(highest.dy)).toBeLessThan(Math.abs(lowest.dy)); // "a smaller bump"
    expect(points.find((p) => Math.abs(p.x) < 1e-12)!.dy).toBe(0);
    // fades further out on both sides
    expect(Math.abs(points[0].dy)).toBeLessThan(Math.abs(lowest.dy) / 3);
    expect(Math.abs(points.at(-1)!.dy)).toBeLessThan(highest.dy / 3);
  });
});

describe('lesson 1, "Place a kink"', () => {
  test('two kinks that cancel: relu(x) - relu(-x) = x is a straight line', () => {
    const state = { ...defaultState(SCHEMA), f: 'relu' as const, w1: 1, b1: 0, v1: 1, w2: -1, b2: 0, v2: -1, v3: 0, c: 0 };
    expect(thresholds(state).filter((t) => t === 0)).toHaveLength(2);
    const points = sampleCurves(state);
    expect(isStraight(points)).toBe(true);
    for (const point of points) expect(point.y).toBeCloseTo(point.x, 12);
  });
});
