import { describe, expect, test } from 'vitest';
import { renderStatic } from '../../../../src/widgets/common/static-figure.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { accuracy, makeLineData } from '../../../../src/widgets/loss-descent/classifier.ts';
import {
  dataFigure,
  featureDomain,
  gradientArrow,
  lossCharts,
  plottedPoints,
  sideText,
  staircase,
  stepsFigure,
} from '../../../../src/widgets/loss-descent/figures.ts';
import { dataOf, descend, lossCurve, marksOf, zeroOneJumps } from '../../../../src/widgets/loss-descent/model.ts';
import { SCHEMA, shownLosses, type DescentState } from '../../../../src/widgets/loss-descent/state.ts';

const defaults: DescentState = defaultState(SCHEMA);
const data = dataOf(defaults);

describe('the 0-1 staircase', () => {
  const curve = lossCurve(data, 'zero_one', defaults.b);
  const { pieces, jumps } = staircase(curve);

  test('every piece is flat: one value from one jump to the next', () => {
    const values = new Map<number, Set<number>>();
    for (const point of pieces) values.set(point.piece, (values.get(point.piece) ?? new Set()).add(point.loss));
    for (const set of values.values()) expect(set.size).toBe(1);
  });

  test('the jumps come in pairs 2e-9 apart, one at each crossing inside the w range, with different values either side', () => {
    expect(jumps.length % 2).toBe(0);
    const crossings = zeroOneJumps(data, defaults.b, -5, 5);
    expect(jumps.length / 2).toBe(crossings.length);
    for (let index = 0; index < jumps.length; index += 2) {
      expect(jumps[index + 1].w - jumps[index].w).toBeCloseTo(2e-9, 12);
      expect(jumps[index].loss).not.toBe(jumps[index + 1].loss);
      expect(Math.abs(jumps[index].loss - jumps[index + 1].loss)).toBeCloseTo(1 / data.x.length, 12);
    }
  });
});

describe('the gradient arrows', () => {
  const marks = marksOf(defaults, ['zero_one', 'perceptron', 'hinge', 'bce']);

  test('0-1 loss has none: its slope is 0', () => {
    expect(gradientArrow(marks[0], defaults.w)).toBeNull();
  });

  test('each smooth loss’s arrow runs downhill along its tangent, at most 1.5 along w, and ends above 0', () => {
    for (const mark of marks.slice(1)) {
      const arrow = gradientArrow(mark, defaults.w)!;
      expect(arrow.x1).toBe(-2);
      expect(arrow.y1).toBe(mark.value);
      expect(Math.sign(arrow.x2 - arrow.x1)).toBe(-Math.sign(mark.gradient.w));
      expect(arrow.y2 - arrow.y1).toBeCloseTo(mark.gradient.w * (arrow.x2 - arrow.x1), 12);
      expect(Math.abs(arrow.x2 - arrow.x1)).toBeLessThanOrEqual(1.5);
      expect(arrow.y2).toBeGreaterThan(0);
      expect(arrow.y2).toBeLessThan(arrow.y1);
    }
  });

  test('a kink gives no arrow: at w = 0, b = 0 the perceptron loss has no derivative', () => {
    const [mark] = marksOf({ ...defaults, w: 0, b: 0 }, ['perceptron']);
    expect(mark.gradient.defined).toBe(false);
    expect(gradientArrow(mark, 0)).toBeNull();
  });
});

describe('the data chart', () => {
  test('the feature axis holds every point and at least −3 to 3', () => {
    for (const seed of [1, 2, 77]) {
      const points = makeLineData(100, seed);
      const [low, high] = featureDomain(points);
      expect(low).toBeLessThanOrEqual(Math.min(-3, ...points.x));
      expect(high).toBeGreaterThanOrEqual(Math.max(3, ...points.x));
    }
  });

  test('points are filled exactly when classified right, and stay inside their class row', () => {
    const points = plottedPoints(data, defaults.w, defaults.b);
    expect(points.filter((point) => point.right).length / points.length).toBe(accuracy(data, defaults.w, defaults.b));
    for (const point of points) expect(Math.abs(point.y - point.label)).toBeLessThanOrEqual(0.18);
  });

  test('the line above it says where the boundary is and which side predicts class 1', () => {
    expect(sideText(-2, 1, 0.5, -3, 3)).toBe('boundary x = 0.50, class 1 to its left (shaded)');
    expect(sideText(0.01, 5, -500, -3, 3)).toBe('boundary x = -500.00, off the chart: class 1 to its right (shaded)');
    expect(sideText(0, 1, null, -3, 3)).toBe('w = 0: no boundary; every point is predicted class 1');
    expect(sideText(0, -1, null, -3, 3)).toBe('w = 0: no boundary; every point is predicted class 0');
  });
});

describe('which loss charts are drawn', () => {
  const curvesOf = (state: DescentState) => shownLosses(state).map((loss) => ({ loss, points: lossCurve(data, loss, state.b) }));

  test('the smooth losses on one axis, 0-1 loss on its own from 0 to 1; the trail goes with the descent loss', () => {
    const trail = descend(defaults, 'bce').path.slice(0, 3);
    const charts = lossCharts(curvesOf(defaults), marksOf(defaults, shownLosses(defaults)), -2, 1, trail, 'bce', 600);
    expect(charts.smooth?.ariaDescription).toContain('The dotted trail is gradient descent so far, 2 of 100 steps');
    expect(charts.zeroOne?.ariaDescription).not.toContain('trail');
    expect(charts.zeroOne?.y).toMatchObject({ domain: [0, 1] });
  });

  test('only 0-1 loss shown: no smooth chart; 0-1 hidden: no 0-1 chart', () => {
    const onlyZeroOne: DescentState = { ...defaults, loss: 'zero_one', showPerceptron: 'hidden', showHinge: 'hidden', showBce: 'hidden' };
    expect(lossCharts(curvesOf(onlyZeroOne), marksOf(onlyZeroOne, shownLosses(onlyZeroOne)), -2, 1, [], 'zero_one', 600).smooth).toBeNull();
    const noZeroOne: DescentState = { ...defaults, showZeroOne: 'hidden' };
    expect(lossCharts(curvesOf(noZeroOne), marksOf(noZeroOne, shownLosses(noZeroOne)), -2, 1, [], 'bce', 600).zeroOne).toBeNull();
  });
});

describe('no NaN reaches a drawn chart at the edges of the state', () => {
  const edges: Partial<DescentState>[] = [
    { w: 0, b: 0 },
    { w: 0.01, b: 5 },
    { w: -5, b: -5, lr: 10, size: 100, seed: 9999 },
    { w: 5, b: 5, lr: 0.001, size: 4, seed: 0, loss: 'zero_one' },
  ];
  for (const edge of edges) {
    test(JSON.stringify(edge), () => {
      const state = { ...defaults, ...edge };
      const points = dataOf(state);
      const shown = shownLosses(state);
      const { path } = descend(state, state.loss);
      const charts = lossCharts(shown.map((loss) => ({ loss, points: lossCurve(points, loss, state.b) })), marksOf(state, shown), state.w, state.b, path, state.loss, 480);
      const svgs = [dataFigure(points, state.w, state.b, 480), charts.smooth, charts.zeroOne, stepsFigure('loss', state.loss, path, 100, 320), stepsFigure('accuracy', state.loss, path, 100, 320)]
        .filter((options) => options !== null)
        .map((options) => renderStatic(options));
      for (const svg of svgs) expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    });
  }
});
