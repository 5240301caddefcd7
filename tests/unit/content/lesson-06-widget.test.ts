import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatPercent } from '../../../src/widgets/common/format.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { makeRegressionWithOutliers } from '../../../src/lib/index.ts';
import { IRLS_TOLERANCE } from '../../../src/widgets/regression-losses/fits.ts';
import { tableRows } from '../../../src/widgets/regression-losses/markup.ts';
import { descend, descentSeries, regressionModel, type RegressionLoss } from '../../../src/widgets/regression-losses/model.ts';
import { asPoints } from '../../../src/widgets/regression-losses/points.ts';
import { SCHEMA, parseEdits } from '../../../src/widgets/regression-losses/state.ts';
import { convergenceSummary, formatValue, lossShares, pointName, slopePulls } from '../../../src/widgets/regression-losses/words.ts';

// What lesson 6 tells the reader to read in the regression widget, as the widget shows it (its
// table's percentages, its two-decimal readout, its convergence sentence), and the facts about
// the widget's data that the lesson states in passing. The exact fits' numbers are pinned in
// lesson-06-numbers.test.ts.

const source = readFileSync(new URL('../../../content/lessons/06-regression-losses.mdx', import.meta.url), 'utf8');
const start = defaultState(SCHEMA);
const OUTLIER_ROWS = [10, 12, 16, 23];

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

/** The widget's model at its starting settings, with these edits (in the address format). */
function modelWith(edits = '', changes: Partial<typeof start> = {}) {
  const state = { ...start, ...changes };
  return regressionModel(state, parseEdits(edits, state.points).edits);
}

const model = modelWith();

describe("lesson 6, step 1: Point 24 in the widget's table", () => {
  test('it is the first column, "Point 24, outlier"', () => {
    expect(tableRows(model, null)[0]).toBe(23);
    expect(pointName(model.points[23], 23)).toBe('Point 24, outlier');
    stated("Point 24, the first column of the widget's table");
  });

  test('37.8% of MSE’s loss; 23.0%, 6.4% and 3.2% of the pull on the slope; the four outliers 40.8%, 13.8%, 6.8%', () => {
    const pulls = (id: RegressionLoss) => slopePulls(model.losses[id].contributions);
    expect(formatPercent(lossShares(model.losses.mse.contributions)[23])).toBe('37.8%');
    expect([pulls('mse'), pulls('huber'), pulls('mae')].map((shares) => formatPercent(shares[23]))).toEqual(['23.0%', '6.4%', '3.2%']);
    const four = (shares: number[]) => formatPercent(OUTLIER_ROWS.reduce((sum, i) => sum + shares[i], 0));
    expect([four(pulls('mse')), four(pulls('huber')), four(pulls('mae'))]).toEqual(['40.8%', '13.8%', '6.8%']);
    stated("37.8% of MSE's loss and 23.0% of MSE's pull on the slope, against 6.4% of Huber's pull and 3.2% of MAE's; the four outliers together take 40.8%, 13.8% and 6.8%");
  });
});

describe('lesson 6, steps 2 to 5 as the widget shows them', () => {
  test("step 2: the outliers are Points 11, 13, 17 and 24; MSE's loss at its fit reads 5.22, and 0.27 without them", () => {
    expect(OUTLIER_ROWS.map((i) => pointName(model.points[i], i))).toEqual(['Point 11, outlier', 'Point 13, outlier', 'Point 17, outlier', 'Point 24, outlier']);
    expect(readFileSync(new URL('../../../src/widgets/regression-losses/selector.ts', import.meta.url), 'utf8')).toContain('>Remove selected point</button>');
    stated('Remove the four outliers, Points 11, 13, 17 and 24: select each and press "Remove selected point"');
    expect([formatValue(model.losses.mse.value), formatValue(modelWith('r10~r12~r16~r23').losses.mse.value)]).toEqual(['5.22', '0.27']);
    stated("MSE's loss at its fit falls from 5.22 to 0.27; its square root falls from 2.284 to 0.523");
  });

  test("step 4's link restores δ = 1, and the sentence then reads Huber 4.2e-8 and MAE 4.8e-3", () => {
    const state = { ...start, delta: 1 };
    const series = descentSeries(state, modelWith());
    const sentence = convergenceSummary(series.runs, series.distances, state);
    expect(sentence).toContain('MAE ended 4.8e-3 from its exact fit; Huber ended 4.2e-8 from its exact fit');
    stated('4. [Back at δ = 1](?regression.delta=1#see-it-for-yourself), read the training curves');
  });

  test('step 5: at lr 0.3 the sentence rounds MAE’s 1.7e-2 to 0.02', () => {
    const state = { ...start, lr: 0.3 };
    const series = descentSeries(state, modelWith('', { lr: 0.3 }));
    expect(convergenceSummary(series.runs, series.distances, state)).toContain('MAE ended 0.02 from its exact fit');
    stated('$1.7 \\times 10^{-2}$ away (the widget rounds it to 0.02)');
  });
});

describe('lesson 6, what the widget shows after the drag and in training', () => {
  test('after the drag the mean (2.2949) and Huber’s constant (2.2914) both read 2.29', () => {
    const after = modelWith('m23:-2.06:16.66').losses;
    expect([after.mse.constant.toFixed(2), after.huber.constant.toFixed(2)]).toEqual(['2.29', '2.29']);
    expect(after.mse.constant).not.toBeCloseTo(after.huber.constant, 3);
    stated('the widget shows two decimals, so after the drag the mean and Huber');
  });

  test('within 1e-2 of the minimum at lr 0.1: MAE first at step 26, Huber at step 29', () => {
    const points = asPoints(model.points);
    const first = (id: RegressionLoss) => descend(id, start.delta, points, start.lr, start.steps).losses.findIndex((v) => v - model.losses[id].value < 1e-2);
    expect([first('mae'), first('huber')]).toEqual([26, 29]);
    stated("MAE's loss is within $10^{-2}$ of its minimum by step 26, Huber's by step 29");
  });
});

describe("lesson 6, the widget's data and fits, as the lesson describes them", () => {
  test('generated with the defaults: y = 2x + 1, noise 0.5, 10% outliers pushed by up to 10; IRLS to 1e-12', () => {
    const explicit = makeRegressionWithOutliers({ size: 40, seed: 42, slope: 2, intercept: 1, noise: 0.5, outlierFraction: 0.1, outlierScale: 10 });
    const widget = makeRegressionWithOutliers({ size: 40, seed: 42 });
    expect(Array.from(widget.targets)).toEqual(Array.from(explicit.targets));
    expect(model.points.map((p) => p.y)).toEqual(Array.from(widget.targets));
    expect(model.points.every((p) => p.x >= -3 && p.x <= 3)).toBe(true);
    expect(IRLS_TOLERANCE).toBe(1e-12);
    stated('$x$ uniform in $[-3, 3]$, $y = 2x + 1$ plus Gaussian noise of standard deviation 0.5');
    stated('to a tolerance of $10^{-12}$');
  });

  test('the outliers sit 5 to 10 above the line 2x + 1 (5.87 to 9.78)', () => {
    const above = OUTLIER_ROWS.map((i) => model.points[i].y - (2 * model.points[i].x + 1));
    expect([Math.min(...above).toFixed(2), Math.max(...above).toFixed(2)]).toEqual(['5.87', '9.78']);
    stated('its outliers sit 5 to 10 above the line');
  });

  test('the clean targets span about 12; the four outliers move the median two places along them', () => {
    const clean = modelWith('r10~r12~r16~r23').points.map((p) => p.y).sort((a, b) => a - b);
    const all = model.points.map((p) => p.y).sort((a, b) => a - b);
    expect(Math.round(clean.at(-1)! - clean[0])).toBe(12);
    expect((clean[17] + clean[18]) / 2).toBeCloseTo(1.789, 3);
    expect((all[19] + all[20]) / 2).toBe((clean[19] + clean[20]) / 2);
    stated('over a range of 12');
    stated('over about 12 units');
    stated('move it two places along the sorted targets');
  });

  test("the leverage link adds the point (30, −50) that the lesson's slopes are for", () => {
    expect(parseEdits('a30:-50', 40)).toEqual({ edits: { moved: [], removed: [], added: [{ x: 30, y: -50 }] } });
    stated('](?regression.edits=a30:-50#see-it-for-yourself)');
  });
});
