import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import {
  REGRESSION_LOSSES,
  contributions,
  descend,
  descentCurves,
  fitLine,
  lineGradient,
  lineLoss,
  regressionModel,
} from '../../../../src/widgets/regression-losses/model.ts';
import { asPoints, movePoint, type RegressionPoint } from '../../../../src/widgets/regression-losses/points.ts';
import { NO_EDITS, SCHEMA } from '../../../../src/widgets/regression-losses/state.ts';

const state = defaultState(SCHEMA);
const model = regressionModel(state, NO_EDITS);
const points = asPoints(model.points);
const curves = descentCurves(state, points);

describe('gradients in (slope, intercept)', () => {
  test.each(REGRESSION_LOSSES)('%s matches central differences', (id) => {
    const h = 1e-6;
    // Away from every kink: no residual within h·(|x| + 1) of 0 or ±delta.
    for (const line of [{ slope: 0.5, intercept: -0.3 }, { slope: 1.7, intercept: 1.9 }]) {
      const gradient = lineGradient(id, state.delta, line, points);
      const at = (slope: number, intercept: number) => lineLoss(id, state.delta, { slope, intercept }, points);
      const slope = (at(line.slope + h, line.intercept) - at(line.slope - h, line.intercept)) / (2 * h);
      const intercept = (at(line.slope, line.intercept + h) - at(line.slope, line.intercept - h)) / (2 * h);
      expect(gradient.slope).toBeCloseTo(slope, 6);
      expect(gradient.intercept).toBeCloseTo(intercept, 6);
    }
  });

  test('the shares of each point sum to the mean loss and to its gradient', () => {
    for (const id of REGRESSION_LOSSES) {
      const line = fitLine(id, state.delta, points);
      const shares = contributions(id, state.delta, line, points);
      const total = shares.reduce((s, c) => s + c.loss, 0);
      expect(total).toBeCloseTo(lineLoss(id, state.delta, line, points), 12);
      const gradient = lineGradient(id, state.delta, line, points);
      expect(shares.reduce((s, c) => s + c.gradient.intercept, 0)).toBeCloseTo(gradient.intercept, 12);
    }
  });
});

/** The outlier farthest above the MSE line: the one the lesson has the reader drag. */
function largestOutlier(all: readonly RegressionPoint[]): RegressionPoint {
  const residuals = model.losses.mse.contributions;
  let best = all.findIndex((p) => p.outlier);
  all.forEach((p, i) => {
    if (p.outlier && residuals[i].residual < residuals[best].residual) best = i;
  });
  return all[best];
}

describe('one dragged outlier', () => {
  test('moving the largest outlier up by 10 moves the MSE slope far more than Huber and MAE (pinned for the lesson)', () => {
    const outlier = largestOutlier(model.points);
    // A drag rounds the point to the address's two decimals; the baseline is rounded the same way,
    // so the changes are the lift's alone (the rounding by itself moves Huber's slope by 4e-6).
    const at = (lift: number) => regressionModel(state, movePoint(NO_EDITS, outlier.key, { x: outlier.x, y: outlier.y + lift }).edits);
    const [before, dragged] = [at(0), at(10)];
    const change = (id: (typeof REGRESSION_LOSSES)[number]) => dragged.losses[id].line.slope - before.losses[id].line.slope;
    expect(outlier.key).toEqual({ origin: 'generated', row: 23 });
    // At x = −2.06 the outlier is a lever on the left: lifting it tilts the MSE line down.
    expect(change('mse')).toBeCloseTo(-0.1620, 4);
    // Already outside ±delta (and above the MAE line), its pull is fixed at δ/n (1/n): neither line moves.
    expect(change('huber')).toBeCloseTo(0, 9);
    expect(change('mae')).toBeCloseTo(0, 9);
    expect(Math.abs(change('mse'))).toBeGreaterThan(1000 * Math.abs(change('huber')));
    expect(Math.abs(change('mse'))).toBeGreaterThan(1000 * Math.abs(change('mae')));
  });
});

describe('convergence at one learning rate', () => {
  test('MSE and Huber settle at their fits while MAE keeps moving near its optimum', () => {
    for (const id of ['mse', 'huber'] as const) {
      const run = curves[id];
      expect(run.divergedAt).toBeNull();
      expect(run.losses).toHaveLength(state.steps + 1);
      expect(run.losses.at(-1)).toBeCloseTo(model.losses[id].value, 9);
    }
    const mae = curves.mae.losses.slice(-20);
    const best = model.losses.mae.value;
    expect(Math.min(...mae)).toBeGreaterThanOrEqual(best - 1e-12);
    expect(Math.max(...mae) - Math.min(...mae)).toBeGreaterThan(1e-4);
    expect(Math.max(...mae) - best).toBeLessThan(0.05);
  });

  test('a run that diverges stops with finite numbers and says where', () => {
    const run = descend('mse', 1, { x: [1e6, -1e6, 3], y: [1, 2, 3] }, 0.1, 100);
    expect(run.divergedAt).not.toBeNull();
    expect(run.losses.every(Number.isFinite)).toBe(true);
    expect([run.line.slope, run.line.intercept].every(Number.isFinite)).toBe(true);
    expect(run.losses).toHaveLength(run.divergedAt ?? -1);
    // Even where the predictions themselves overflow, no loss call throws and nothing is NaN.
    const far = descend('mse', 1, { x: [1e300, -1e300], y: [1, 2] }, 10, 50);
    expect(far.divergedAt).not.toBeNull();
    expect([...far.losses, far.line.slope, far.line.intercept].every(Number.isFinite)).toBe(true);
  });
});

describe('extreme points', () => {
  const finite = (m: ReturnType<typeof regressionModel>) =>
    REGRESSION_LOSSES.every((id) => {
      const r = m.losses[id];
      const numbers = [r.line.slope, r.line.intercept, r.value, r.gradient.slope, r.gradient.intercept, r.constant];
      const shares = r.contributions.flatMap((c) => [c.residual, c.loss, c.gradient.slope, c.gradient.intercept]);
      return [...numbers, ...shares].every(Number.isFinite);
    });

  test('coordinates of 1e6 give finite fits', () => {
    const edits = { moved: [{ row: 0, x: 1e6, y: 1e6 }, { row: 1, x: -1e6, y: 1e6 }], removed: [], added: [{ x: 1e6, y: -1e6 }] };
    const extreme = regressionModel(state, edits);
    expect(finite(extreme)).toBe(true);
    const runs = Object.values(descentCurves(state, asPoints(extreme.points)));
    expect(runs.every((run) => run.losses.every(Number.isFinite) && Number.isFinite(run.line.slope + run.line.intercept))).toBe(true);
  });

  test('a hundred stacked identical points give finite fits, and so do points all at one x', () => {
    const added = Array.from({ length: 100 }, () => ({ x: 0.5, y: 2 }));
    expect(finite(regressionModel(state, { moved: [], removed: [], added }))).toBe(true);
    for (const id of REGRESSION_LOSSES) {
      const line = fitLine(id, 1, { x: added.map((p) => p.x), y: added.map((p) => p.y) });
      expect(line).toEqual({ slope: 0, intercept: 2 });
      expect(fitLine(id, 1, { x: [1, 1, 1], y: [0, 1, 5] }).slope).toBe(0);
    }
    expect(fitLine('mse', 1, { x: [], y: [] })).toEqual({ slope: 0, intercept: 0 });
  });
});
