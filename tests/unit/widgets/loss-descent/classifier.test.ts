import { describe, expect, test } from 'vitest';
import { createRandom } from '../../../../src/lib/index.ts';
import {
  DESCENT_LOSSES,
  accuracy,
  boundaryOf,
  lossGradient,
  lossValue,
  makeLineData,
  meanLoss,
  predictedClass,
  scores,
  signOf,
  type DescentLoss,
  type LineData,
} from '../../../../src/widgets/loss-descent/classifier.ts';

/** The central-difference step; the loss is smooth within STEP·(|x| + 1) of (w, b) away from kinks. */
const STEP = 1e-6;

/** Seeded (w, b) pairs over the sliders' range. */
function samplePoints(count: number, seed: number): [number, number][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => [10 * random.uniform() - 5, 10 * random.uniform() - 5]);
}

/** The smallest distance from any point's y·s to `kink`, in units of how far a nudge can move it. */
function clearance(data: LineData, w: number, b: number, kink: number): number {
  const s = scores(data, w, b);
  return Math.min(...s.map((score, index) => Math.abs(signOf(data.labels[index]) * score - kink) / (Math.abs(data.x[index]) + 1)));
}

function centralDifference(data: LineData, id: DescentLoss, w: number, b: number): { w: number; b: number } {
  return {
    w: (lossValue(data, id, w + STEP, b) - lossValue(data, id, w - STEP, b)) / (2 * STEP),
    b: (lossValue(data, id, w, b + STEP) - lossValue(data, id, w, b - STEP)) / (2 * STEP),
  };
}

const KINKS: Readonly<Record<'perceptron' | 'hinge' | 'bce', number | null>> = { perceptron: 0, hinge: 1, bce: null };

describe('each loss’s gradient in (w, b) against central differences', () => {
  for (const [id, kink] of Object.entries(KINKS) as ['perceptron' | 'hinge' | 'bce', number | null][]) {
    test(`${id}: 200 seeded (w, b) on three data sets, away from kinks`, () => {
      let compared = 0;
      for (const [size, seed] of [[20, 1], [7, 42], [60, 2026]] as const) {
        const data = makeLineData(size, seed);
        for (const [w, b] of samplePoints(200, seed + 1)) {
          if (kink !== null && clearance(data, w, b, kink) < 1e3 * STEP) continue;
          const numeric = centralDifference(data, id, w, b);
          const gradient = lossGradient(data, id, w, b);
          expect(gradient.defined).toBe(true);
          expect(gradient.w).toBeCloseTo(numeric.w, 6);
          expect(gradient.b).toBeCloseTo(numeric.b, 6);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(500);
    });
  }

  test('BCE stays finite and its gradient bounded at the sliders’ far corners (no log(0))', () => {
    const data = makeLineData(20, 1);
    for (const [w, b] of [[-5, 5], [5, -5], [-5, -5], [5, 5]]) {
      expect(Number.isFinite(lossValue(data, 'bce', w, b))).toBe(true);
      const gradient = lossGradient(data, 'bce', w, b);
      expect(Math.abs(gradient.b)).toBeLessThanOrEqual(1);
    }
    expect(lossValue({ x: [100], labels: [0] }, 'bce', 10, 0)).toBeCloseTo(1000, 9);
  });

  test('hinge and perceptron take 0 at the kink (PyTorch’s convention) and say the derivative is not defined', () => {
    const data: LineData = { x: [1, -1], labels: [1, 0] };
    // y·s = 1 for both points at w = 1, b = 0: exactly on hinge's kink.
    expect(lossGradient(data, 'hinge', 1, 0)).toEqual({ w: 0, b: 0, defined: false });
    expect(lossGradient(data, 'hinge', 0.5, 0)).toEqual({ w: -1, b: 0, defined: true });
    // y·s = 0 for both at w = 0, b = 0: the perceptron's kink.
    expect(lossGradient(data, 'perceptron', 0, 0)).toEqual({ w: 0, b: 0, defined: false });
    expect(lossGradient(data, 'perceptron', -1, 0)).toEqual({ w: -1, b: 0, defined: true });
    expect(lossValue(data, 'perceptron', -1, 0)).toBe(1);
    expect(lossValue(data, 'hinge', -1, 0)).toBe(2);
  });
});

describe('0-1 loss', () => {
  const data = makeLineData(20, 1);

  test('has gradient exactly 0 everywhere, defined except where some score is exactly 0', () => {
    for (const [w, b] of samplePoints(300, 9)) {
      const gradient = lossGradient(data, 'zero_one', w, b);
      expect(gradient.w).toBe(0);
      expect(gradient.b).toBe(0);
      expect(gradient.defined).toBe(true);
    }
    expect(lossGradient(data, 'zero_one', 1, -data.x[3])).toEqual({ w: 0, b: 0, defined: false });
  });

  test('is a staircase: multiples of 1/n, changing only where some point’s score crosses 0', () => {
    for (const b of [-1, 0.3, 1]) {
      const ws = Array.from({ length: 2001 }, (_, index) => -5 + index * 0.005);
      const values = ws.map((w) => lossValue(data, 'zero_one', w, b));
      for (const value of values) expect(Math.abs(value * 20 - Math.round(value * 20))).toBeLessThan(1e-12);
      let changes = 0;
      for (let index = 1; index < ws.length; index++) {
        const crossed = data.x.some((x) => Math.sign(ws[index - 1] * x + b) !== Math.sign(ws[index] * x + b));
        if (values[index] !== values[index - 1]) {
          changes++;
          expect(crossed).toBe(true);
        }
        if (!crossed) expect(values[index]).toBe(values[index - 1]);
      }
      expect(changes).toBeGreaterThan(0);
    }
  });

  test('counts a point exactly on the boundary as class 0', () => {
    expect(predictedClass(0)).toBe(0);
    expect(predictedClass(1e-300)).toBe(1);
    const onBoundary: LineData = { x: [0, 0], labels: [0, 1] };
    expect(lossValue(onBoundary, 'zero_one', 3, 0)).toBe(0.5);
    expect(accuracy(onBoundary, 3, 0)).toBe(0.5);
  });
});

describe('the data set and the boundary', () => {
  test('is seeded, alternates the classes and keeps its first points when it grows', () => {
    const small = makeLineData(10, 5);
    expect(makeLineData(10, 5)).toEqual(small);
    expect(small.labels).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(makeLineData(30, 5).x.slice(0, 10)).toEqual(small.x);
    expect(makeLineData(10, 6).x).not.toEqual(small.x);
    const mean = (label: 0 | 1, data: LineData) =>
      data.x.filter((_, index) => data.labels[index] === label).reduce((sum, x) => sum + x, 0) / (data.x.length / 2);
    const large = makeLineData(2000, 5);
    expect(mean(0, large)).toBeCloseTo(-1, 1);
    expect(mean(1, large)).toBeCloseTo(1, 1);
  });

  test('refuses a size that is not a whole number from 2 up', () => {
    expect(() => makeLineData(1, 1)).toThrow(/from 2 up/);
    expect(() => makeLineData(2.5, 1)).toThrow(/from 2 up/);
  });

  test('crosses the axis at −b/w, and is absent at w = 0', () => {
    expect(boundaryOf(-2, 1)).toBe(0.5);
    expect(boundaryOf(2, 0)).toBe(0);
    expect(Object.is(boundaryOf(-2, 0), 0)).toBe(true);
    expect(boundaryOf(0, 1)).toBeNull();
  });
});

describe('meanLoss, the fast form the curves use', () => {
  test('equals lossValue to the last bit for every loss at 500 seeded (w, b) and where scores are exactly 0 or 1', () => {
    const random = createRandom(5);
    const data = makeLineData(30, 3);
    const places: [number, number][] = [[0, 0], [0, 1], [0, -1]];
    for (let index = 0; index < 500; index++) places.push([12 * random.uniform() - 6, 12 * random.uniform() - 6]);
    for (const id of DESCENT_LOSSES) {
      for (const [w, b] of places) expect(meanLoss(data, id, w, b)).toBe(lossValue(data, id, w, b));
    }
  });
});
