import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { chartDomain, descentFigure, scatterFigure } from '../../../../src/widgets/regression-losses/figures.ts';
import { contributionsMarkup, readoutMarkup, tableRows } from '../../../../src/widgets/regression-losses/markup.ts';
import { descentCurves, distancesToFit, regressionModel } from '../../../../src/widgets/regression-losses/model.ts';
import { addPoint, asPoints, movePoint } from '../../../../src/widgets/regression-losses/points.ts';
import { NO_EDITS, SCHEMA, parseEdits } from '../../../../src/widgets/regression-losses/state.ts';
import { announcement, convergenceSummary, lineText, lossShares, positionText, sharesOf, slopePulls } from '../../../../src/widgets/regression-losses/words.ts';

const state = defaultState(SCHEMA);
const model = regressionModel(state, NO_EDITS);
const curves = descentCurves(state, asPoints(model.points));
const distances = { mse: distancesToFit(curves.mse, model.losses.mse.line), mae: distancesToFit(curves.mae, model.losses.mae.line), huber: distancesToFit(curves.huber, model.losses.huber.line) };

describe('shares and pulls', () => {
  test('loss shares and slope pulls each sum to 1, and all zeros give zeros rather than NaN', () => {
    for (const contributions of Object.values(model.losses).map((result) => result.contributions)) {
      for (const shares of [lossShares(contributions), slopePulls(contributions)]) {
        expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
      }
    }
    expect(sharesOf([0, 0])).toEqual([0, 0]);
  });

  test('the largest outlier pulls on the MSE slope far harder than on MAE’s (pinned for the lesson)', () => {
    const [top] = tableRows(model, null, 1);
    expect(top).toBe(23);
    expect(slopePulls(model.losses.mse.contributions)[top]).toBeCloseTo(0.2301, 4);
    expect(slopePulls(model.losses.mae.contributions)[top]).toBeCloseTo(0.0316, 4);
    expect(lossShares(model.losses.mse.contributions)[top]).toBeCloseTo(0.3784, 4);
  });

  test('pulling the largest outlier down by 10, through the lines, moves all three (pinned for CONTRIBUTING)', () => {
    const outlier = model.points[23];
    const at = (lift: number) => regressionModel(state, movePoint(NO_EDITS, outlier.key, { x: outlier.x, y: outlier.y + lift }).edits);
    const [before, pulled] = [at(0), at(-10)];
    const change = (id: 'mse' | 'mae' | 'huber') => pulled.losses[id].line.slope - before.losses[id].line.slope;
    expect(change('mse')).toBeCloseTo(0.162, 3);
    expect(change('mae')).toBeCloseTo(0.0628, 4);
    expect(change('huber')).toBeCloseTo(0.022, 3);
  });

  test('the table lists the selected point first, then the largest MSE pulls without repeating it', () => {
    expect(tableRows(model, 5)).toEqual([5, 23, 10, 16, 25, 2]);
    expect(tableRows(model, 23)).toEqual([23, 10, 16, 25, 2, 19]);
  });
});

describe('words', () => {
  test('lines, positions and the announcement use true minus signs and say the three slopes', () => {
    expect(lineText({ slope: -1.5, intercept: -0.25 })).toBe('y = −1.50x − 0.25');
    expect(lineText({ slope: 2, intercept: -0.001 })).toBe('y = 2.00x + 0.00');
    expect(positionText({ x: -2.06, y: 6.66 })).toBe('(−2.06, 6.66)');
    expect(announcement(model, 23)).toBe('Point 24, outlier at (−2.06, 6.66). Slopes: MSE 1.92, MAE 1.95, Huber 2.00. Its pull on the MSE slope: 23.0%.');
    expect(announcement(model, null, 'Added a point. ')).toBe('Added a point. Slopes: MSE 1.92, MAE 1.95, Huber 2.00.');
  });

  test('the convergence summary: MSE and Huber settle, MAE keeps circling at about one step', () => {
    const text = convergenceSummary(curves, distances, state);
    expect(text).toBe('Plain gradient descent from the line y = 0, 200 steps at learning rate 0.1: MSE ended 8.0e-16 from its exact fit; MAE ended 4.8e-3 from its exact fit; Huber ended 4.2e-8 from its exact fit.');
    // MAE keeps circling between about 5e-4 and 2e-2 from its fit, however long it runs; MSE is at rounding level.
    const long = descentCurves({ ...state, steps: 1000 }, asPoints(model.points));
    const lastMae = distancesToFit(long.mae, model.losses.mae.line).slice(-200);
    expect(Math.min(...lastMae)).toBeGreaterThan(4e-4);
    expect(Math.max(...lastMae)).toBeGreaterThan(1e-2);
    expect(Math.max(...distances.mse.slice(-50))).toBeLessThan(1e-13);
  });

  test('a diverged descent is said as such, with its step', () => {
    const far = regressionModel(state, parseEdits('m23:-1000:1000', state.points).edits);
    const run = descentCurves(state, asPoints(far.points));
    const text = convergenceSummary(run, { mse: distancesToFit(run.mse, far.losses.mse.line), mae: [], huber: [] }, state);
    expect(text).toMatch(/MSE diverged at step \d+ \(its loss passed 1e150\)/);
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});

describe('markup and figures', () => {
  test('the readout and the table show every slope and share with no NaN, even for fifty stacked points', () => {
    let edits = NO_EDITS;
    for (let i = 0; i < 50; i++) edits = addPoint(edits, { x: 2, y: 50 }).edits;
    for (const shown of [model, regressionModel(state, edits)]) {
      const html = readoutMarkup(shown) + contributionsMarkup(shown, 0);
      expect(html).toContain('data-value="slope-mse"');
      expect(html).not.toMatch(/NaN|Infinity|not a number|infinite|undefined/);
    }
  });

  test('the selected point’s pull on each slope is said as a number', () => {
    expect(contributionsMarkup(model, 23)).toContain('<p class="al-rl-pull" data-value="pull">Point 24, outlier: pull on the slope under MSE 23.0%, MAE 3.2%, Huber 6.4%.</p>');
    expect(contributionsMarkup(model, null)).not.toContain('data-value="pull"');
  });

  test('the scatter shows at least the generated spread and widens to a far point', () => {
    const domain = chartDomain(model.points);
    expect(domain.x[0]).toBeLessThan(-3.2);
    expect(domain.x[1]).toBeGreaterThan(3.2);
    const far = chartDomain(regressionModel(state, parseEdits('a900:-900', state.points).edits).points);
    expect(far.x[1]).toBeGreaterThan(900);
    expect(far.y[0]).toBeLessThan(-900);
  });

  test('the figures describe themselves in words', () => {
    const scatter = scatterFigure({ model, selected: 23, delta: 1, domain: chartDomain(model.points), width: 640 });
    expect(scatter.ariaDescription).toContain('4 marked as outliers (triangles)');
    expect(scatter.ariaDescription).toContain('Best constants: mean 2.04, median 2.49, Huber’s constant 2.29');
    expect(scatter.ariaDescription).toContain('Selected: Point 24, outlier at (−2.06, 6.66)');
    const losses = { mse: curves.mse.losses, mae: curves.mae.losses, huber: curves.huber.losses };
    expect(descentFigure('loss', losses, curves, 200, 320).ariaDescription).toBe('After the last step: MSE 5.218; MAE 1.134; Huber 0.795.');
    expect(descentFigure('distance', distances, curves, 200, 320).ariaDescription).toContain('MAE 0.0048');
  });
});
