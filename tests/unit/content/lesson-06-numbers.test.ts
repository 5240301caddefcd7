import { readFileSync } from 'node:fs';
import erf from '@stdlib/math-base-special-erf';
import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { descend, lineLoss, regressionModel, type RegressionLoss, type RegressionModel } from '../../../src/widgets/regression-losses/model.ts';
import { asPoints } from '../../../src/widgets/regression-losses/points.ts';
import { SCHEMA, parseEdits, type RegressionState } from '../../../src/widgets/regression-losses/state.ts';

// The numbers lesson 6 states about the regression widget's data (seed 42, 40 points), computed
// with the widget's own model: its exact fits, per-point shares, gradient descent and best
// constants. Each test also finds the rounded text in the lesson, so text and model cannot drift
// apart. The cells' numbers are pinned in lesson-06-cells.test.ts.

const LESSON = '06-regression-losses.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');
const start = defaultState(SCHEMA);

/** The widget's model for these settings and edits (in the address format). */
function modelOf(changes: Partial<RegressionState> = {}, edits = ''): RegressionModel {
  const state = { ...start, ...changes };
  const parsed = parseEdits(edits, state.points);
  expect(parsed.problem).toBeUndefined();
  return regressionModel(state, parsed.edits);
}

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

const fixed = (value: number, digits = 3) => value.toFixed(digits);
const model = modelOf();
const points = asPoints(model.points);
const OUTLIERS = 'r10~r12~r16~r23';
const DRAGGED = 'm23:-2.06:16.66';

/** How far a descent's last line is from the loss's exact fit. */
function distance(id: RegressionLoss, run: ReturnType<typeof descend>, fit: RegressionModel = model): number {
  const best = fit.losses[id].line;
  return Math.hypot(run.line.slope - best.slope, run.line.intercept - best.intercept);
}

describe('lesson 6, the data and the three fits', () => {
  test('40 points, 4 outliers (rows 10, 12, 16, 23); the widget starts at delta 1, lr 0.1, 200 steps', () => {
    expect(start).toEqual({ seed: 42, points: 40, delta: 1, lr: 0.1, steps: 200, target: 'line', fit: 'line' });
    expect(model.points.flatMap((p, i) => (p.outlier ? [i] : []))).toEqual([10, 12, 16, 23]);
    stated('10% of the points, here four, pushed up by between 5 and 10');
  });

  test('the fits: MSE 1.921 / 1.735, MAE 1.950 / 1.100, Huber 1.996 / 1.109', () => {
    const rows = { mse: ['1.921', '1.735'], mae: ['1.950', '1.100'], huber: ['1.996', '1.109'] };
    for (const [id, [slope, intercept]] of Object.entries(rows) as [RegressionLoss, string[]][]) {
      expect([fixed(model.losses[id].line.slope), fixed(model.losses[id].line.intercept)]).toEqual([slope, intercept]);
    }
    stated('| MSE | 1.921 | 1.735 |');
    stated('| MAE | 1.950 | 1.100 |');
    stated('| Huber, $\\delta = 1$ | 1.996 | 1.109 |');
  });

  test('without the four outliers: slopes 2.004, 2.008, 2.000, intercepts 0.993, 0.921, 0.991; shifts 0.74, 0.18, 0.12', () => {
    const clean = modelOf({}, OUTLIERS);
    expect(clean.points).toHaveLength(36);
    expect(['mse', 'mae', 'huber'].map((id) => fixed(clean.losses[id as RegressionLoss].line.slope))).toEqual(['2.004', '2.008', '2.000']);
    expect(['mse', 'mae', 'huber'].map((id) => fixed(clean.losses[id as RegressionLoss].line.intercept))).toEqual(['0.993', '0.921', '0.991']);
    stated('slopes 2.004, 2.008 and 2.000, intercepts 0.993, 0.921 and 0.991');
    const shift = (id: RegressionLoss) => model.losses[id].line.intercept - clean.losses[id].line.intercept;
    expect([fixed(shift('mse'), 2), fixed(shift('mae'), 2), fixed(shift('huber'), 2)]).toEqual(['0.74', '0.18', '0.12']);
    stated("lifted MSE's intercept by about 0.74; MAE's and Huber's moved by 0.18 and 0.12");
  });

  test('MSE at its fit is 5.218, RMSE 2.284 (0.523 without the outliers); the mean absolute residual there 1.354', () => {
    expect(fixed(model.losses.mse.value)).toBe('5.218');
    expect(fixed(Math.sqrt(model.losses.mse.value))).toBe('2.284');
    expect(fixed(Math.sqrt(modelOf({}, OUTLIERS).losses.mse.value))).toBe('0.523');
    expect(fixed(lineLoss('mae', 1, model.losses.mse.line, points))).toBe('1.354');
    stated('a loss of 5.218');
    stated('2.284 here, against 0.523 without the four outliers');
    stated('at the MSE fit, 2.284 against 1.354');
  });

  test('200 points: 20 outliers; intercepts MSE 1.785, MAE 1.085, Huber 1.128', () => {
    const big = modelOf({ points: 200 });
    expect(big.points.filter((p) => p.outlier)).toHaveLength(20);
    expect(['mse', 'mae', 'huber'].map((id) => fixed(big.losses[id as RegressionLoss].line.intercept))).toEqual(['1.785', '1.085', '1.128']);
    stated("MSE's intercept is 1.785, MAE's 1.085 and Huber's 1.128");
  });

  test('a leverage point at (30, −50): MSE slope −1.244, MAE 1.792, Huber 1.719', () => {
    const lever = modelOf({}, 'a30:-50');
    expect([fixed(lever.losses.mse.line.slope), fixed(lever.losses.mae.line.slope), fixed(lever.losses.huber.line.slope)]).toEqual(['-1.244', '1.792', '1.719']);
    stated("MSE's slope turns negative, $-1.244$; MAE's falls from 1.950 to 1.792 and Huber's to 1.719");
  });
});

describe('lesson 6, the outlier at the far left (row 23)', () => {
  const row = 23;

  test('it is at (−2.06, 6.66), the farthest above the MSE line, residual −8.89', () => {
    const p = model.points[row];
    expect([fixed(p.x, 2), fixed(p.y, 2)]).toEqual(['-2.06', '6.66']);
    const residuals = model.losses.mse.contributions.map((c) => c.residual);
    expect(Math.min(...residuals)).toBe(residuals[row]);
    expect(fixed(residuals[row], 2)).toBe('-8.89');
    stated('$x \\approx -2.06$, $y \\approx 6.66$');
    stated('a residual of $-8.89$');
  });

  test("its MSE share of the intercept's gradient: −0.444, eleven times the clean points' average 0.039", () => {
    const share = model.losses.mse.contributions[row];
    expect(fixed(share.gradient.intercept)).toBe('-0.444');
    const clean = model.losses.mse.contributions.filter((_, i) => !model.points[i].outlier);
    const average = clean.reduce((sum, c) => sum + Math.abs(c.gradient.intercept), 0) / clean.length;
    expect(clean).toHaveLength(36);
    expect(fixed(average)).toBe('0.039');
    expect(Math.round(Math.abs(share.gradient.intercept) / average)).toBe(11);
    stated('$-0.444$, eleven times the average size of the 36 clean points');
  });

  test("the four outliers' intercept shares: −1.308 against the others' +1.308 at MSE's fit, 86% of its loss; −0.1 under Huber and MAE", () => {
    const sum = (id: RegressionLoss, outlier: boolean, part: 'loss' | 'intercept') =>
      model.losses[id].contributions.reduce((total, c, i) => (model.points[i].outlier === outlier ? total + (part === 'loss' ? c.loss : c.gradient.intercept) : total), 0);
    expect(fixed(sum('mse', true, 'intercept'))).toBe('-1.308');
    expect(fixed(sum('mse', false, 'intercept'))).toBe('1.308');
    expect(Math.round((100 * sum('mse', true, 'loss')) / model.losses.mse.value)).toBe(86);
    expect(sum('huber', true, 'intercept')).toBeCloseTo(-0.1, 12);
    expect(sum('mae', true, 'intercept')).toBeCloseTo(-0.1, 12);
    stated("come to $-1.308$, and at MSE's optimum they exactly balance the 36 other points' $+1.308$");
    stated("they make up 86% of MSE's loss. Under Huber and MAE the four come to $-0.1$ between them");
  });

  test('under Huber and MAE its gradient share is −1/40 = −0.025', () => {
    expect(model.losses.huber.contributions[row].gradient.intercept).toBeCloseTo(-1 / 40, 12);
    expect(model.losses.mae.contributions[row].gradient.intercept).toBeCloseTo(-1 / 40, 12);
    stated('Under Huber and MAE its share is $-0.025$, which is $-1/40$');
  });

  test('lifted by 10 (the second figure): MSE slope −0.162 to 1.759, intercept +0.276 to 2.011; lifting alone moves MAE and Huber below 1e-9', () => {
    // The address rounds to two decimals, so the baseline is the same point rounded and not lifted.
    const before = modelOf({}, 'm23:-2.06:6.66');
    const after = modelOf({}, DRAGGED);
    const change = (id: RegressionLoss, part: 'slope' | 'intercept') => after.losses[id].line[part] - before.losses[id].line[part];
    expect(change('mse', 'slope')).toBeCloseTo(-0.162, 3);
    expect(fixed(after.losses.mse.line.slope)).toBe('1.759');
    expect(fixed(change('mse', 'intercept'))).toBe('0.276');
    expect(fixed(after.losses.mse.line.intercept)).toBe('2.011');
    for (const id of ['mae', 'huber'] as const) {
      expect(Math.abs(change(id, 'slope'))).toBeLessThan(1e-9);
      expect(Math.abs(change(id, 'intercept'))).toBeLessThan(1e-9);
    }
    expect(source).toContain(`<RegressionLosses id="outlier" edits="${DRAGGED}"`);
    // Against the first figure, the rounded x moves Huber's slope by 4e-6 (its pull, −δx/n, has
    // that x in it) and MAE's not at all; neither changes in the 4 decimals the widget shows.
    expect((after.losses.huber.line.slope - model.losses.huber.line.slope).toPrecision(1)).toBe('0.000004');
    expect(Math.abs(after.losses.mae.line.slope - model.losses.mae.line.slope)).toBeLessThan(1e-12);
    for (const id of ['mae', 'huber'] as const) {
      expect(fixed(after.losses[id].line.slope, 4)).toBe(fixed(model.losses[id].line.slope, 4));
      expect(fixed(after.losses[id].line.intercept, 2)).toBe(fixed(model.losses[id].line.intercept, 2));
    }
    stated("Huber's slope by $4 \\times 10^{-6}$, and only because the figure's address rounds the point's $x$ to $-2.06$");
    stated('the dragged outlier moved the MAE line by less than $10^{-9}$');
    stated("the widget's MSE line tilted by 0.162 to follow one outlier");
    stated('its slope falls by 0.162, from 1.921 to 1.759, and its intercept rises by 0.276, to 2.011');
  });

  test('lifted by 10: the mean rises by 0.25 to 2.295; the median and Huber’s constant do not move', () => {
    const after = modelOf({}, DRAGGED);
    expect(fixed(after.losses.mse.constant - model.losses.mse.constant, 2)).toBe('0.25');
    expect(fixed(after.losses.mse.constant)).toBe('2.295');
    expect(after.losses.mae.constant).toBeCloseTo(model.losses.mae.constant, 12);
    expect(after.losses.huber.constant).toBeCloseTo(model.losses.huber.constant, 9);
    stated('the mean rises by $10/40 = 0.25$, from 2.045 to 2.295');
  });
});

describe('lesson 6, best constants', () => {
  test('mean 2.045 < Huber 2.291 < median 2.492; clean: mean 1.355, median 1.789; the outliers add 0.690 and 0.703', () => {
    const { mse, mae, huber } = model.losses;
    expect([fixed(mse.constant), fixed(huber.constant), fixed(mae.constant)]).toEqual(['2.045', '2.291', '2.492']);
    const clean = modelOf({}, OUTLIERS).losses;
    expect([fixed(clean.mse.constant), fixed(clean.mae.constant)]).toEqual(['1.355', '1.789']);
    expect([fixed(mse.constant - clean.mse.constant), fixed(mae.constant - clean.mae.constant)]).toEqual(['0.690', '0.703']);
    stated("the mean 2.045, Huber's 2.291 and the median 2.492");
    stated('median, 1.789, larger than their mean, 1.355');
    stated('raise the mean by 0.690 and the median by 0.703');
    stated('2.291 on the widget\'s data at $\\delta = 1$');
  });
});

describe('lesson 6, Huber’s delta', () => {
  test('delta 0.1: 1.966 / 1.108; delta 5: 1.974 / 1.554; at delta 1, 34 of 40 residuals inside', () => {
    const narrow = modelOf({ delta: 0.1 }).losses.huber.line;
    const wide = modelOf({ delta: 5 }).losses.huber.line;
    expect([fixed(narrow.slope), fixed(narrow.intercept)]).toEqual(['1.966', '1.108']);
    expect([fixed(wide.slope), fixed(wide.intercept)]).toEqual(['1.974', '1.554']);
    expect(model.losses.huber.contributions.filter((c) => Math.abs(c.residual) < 1).length).toBe(34);
    stated('slope 1.966 and intercept 1.108');
    stated('slope 1.974, and an intercept of 1.554, much nearer MSE');
    stated('34 of the 40 residuals are inside');
  });

  test('every delta from 1.3 to 5 (and none below) puts all 36 clean points inside the band at the Huber fit and all 4 outliers outside', () => {
    for (let tenths = 1; tenths <= 50; tenths++) {
      const delta = tenths / 10;
      const shares = modelOf({ delta }).losses.huber.contributions;
      const inside = (i: number) => Math.abs(shares[i].residual) < delta;
      expect(model.points.every((p, i) => inside(i) === !p.outlier), `delta ${delta}`).toBe(tenths >= 13);
    }
    stated('every $\\delta$ from 1.3 to 5 puts all 36 clean points inside the band and all four outliers outside it');
  });
});

describe('lesson 6, choosing delta from the noise', () => {
  const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
  const density = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

  test("δ ≈ 1.345 σ keeps 95% of least squares' efficiency under Gaussian noise", () => {
    // Huber's location estimate with threshold k: efficiency P(|Z| < k)² / E[clip(Z, −k, k)²] for Z ~ N(0, 1).
    const k = 1.345;
    const inside = 2 * normalCdf(k) - 1;
    const clippedSquare = inside - 2 * k * density(k) + 2 * k * k * (1 - normalCdf(k));
    expect(Math.round((100 * inside * inside) / clippedSquare)).toBe(95);
    stated('$\\delta \\approx 1.345\\,\\hat\\sigma$');
    stated('keeps 95% of the statistical efficiency of least squares');
  });

  test('1.4826 times the median absolute deviation estimates σ: 1/Φ⁻¹(3/4)', () => {
    let [low, high] = [0, 2];
    for (let step = 0; step < 100; step++) {
      const middle = (low + high) / 2;
      if (normalCdf(middle) < 0.75) low = middle;
      else high = middle;
    }
    expect((1 / low).toFixed(4)).toBe('1.4826');
    stated('1.4826 times the median absolute deviation');
  });
});

describe('lesson 6, gradient descent', () => {
  const run = (id: RegressionLoss, lr = start.lr, steps = start.steps) => descend(id, start.delta, points, lr, steps);

  test('lr 0.1, 200 steps: MSE within 1e-15 of its line, Huber 4.2e-8, MAE 4.8e-3', () => {
    expect(distance('mse', run('mse'))).toBeLessThan(1e-15);
    expect(distance('huber', run('huber')).toPrecision(2)).toBe('4.2e-8');
    expect(distance('mae', run('mae')).toPrecision(2)).toBe('0.0048');
    stated('MSE ends within $10^{-15}$ of its exact line and Huber within $4.2 \\times 10^{-8}$; MAE ends $4.8 \\times 10^{-3}$ away');
  });

  test("MAE's loss over the last 50 steps: between 4.8e-5 and 1.7e-3 above its minimum", () => {
    const tail = run('mae').losses.slice(-50).map((v) => v - model.losses.mae.value);
    expect(Math.min(...tail).toPrecision(2)).toBe('0.000048');
    expect(Math.max(...tail).toPrecision(2)).toBe('0.0017');
    stated('between $4.8 \\times 10^{-5}$ and $1.7 \\times 10^{-3}$ above its minimum');
  });

  test('within 1e-3 of the minimum: MSE from step 18 on, Huber from 42; MAE first at 80, and out again later', () => {
    const gaps = (id: RegressionLoss) => run(id).losses.map((v) => v - model.losses[id].value);
    const from = (values: number[]) => {
      let k = values.length;
      while (k > 0 && values[k - 1] < 1e-3) k--;
      return k;
    };
    expect(from(gaps('mse'))).toBe(18);
    expect(from(gaps('huber'))).toBe(42);
    const mae = gaps('mae');
    expect(mae.findIndex((v) => v < 1e-3)).toBe(80);
    expect(mae.slice(81).some((v) => v >= 1e-3)).toBe(true);
    stated('within $10^{-3}$ of its minimum from step 18 on, Huber\'s from step 42; MAE\'s first gets there at step 80 and keeps leaving');
  });

  test('MAE after 1,000 steps at 0.1: 6.6e-3 away; at 0.01 for 1,000 steps: 4.2e-4', () => {
    expect(distance('mae', run('mae', 0.1, 1000)).toPrecision(2)).toBe('0.0066');
    expect(distance('mae', run('mae', 0.01, 1000)).toPrecision(2)).toBe('0.00042');
    stated('after 1,000 steps MAE is $6.6 \\times 10^{-3}$ away');
    stated('it ends $4.2 \\times 10^{-4}$ away');
  });

  test('at the exact MAE line two points lie on it: with sign(0) = 0 the gradient is (−0.056, 0.000); as computed, ±9e-16 residuals, (−0.198, 0.000)', () => {
    const { gradient, contributions } = model.losses.mae;
    const onLine = contributions.flatMap((c, i) => (Math.abs(c.residual) < 1e-12 ? [i] : []));
    expect(onLine).toHaveLength(2);
    expect(onLine.map((i) => Math.abs(contributions[i].residual).toPrecision(1))).toEqual(['9e-16', '9e-16']);
    const zeroed = (part: 'slope' | 'intercept') =>
      contributions.reduce((sum, c, i) => (onLine.includes(i) ? sum : sum + Math.sign(c.residual) * (part === 'slope' ? points.x[i] : 1)), 0) / contributions.length;
    const shown = (value: number) => (fixed(value) === '-0.000' ? '0.000' : fixed(value));
    expect([shown(zeroed('slope')), shown(zeroed('intercept'))]).toEqual(['-0.056', '0.000']);
    expect([shown(gradient.slope), shown(gradient.intercept)]).toEqual(['-0.198', '0.000']);
    stated("with PyTorch's convention, 0 for the two points on the line, the gradient is $(-0.056, 0.000)$ in $(w, b)$");
    stated('the two residuals come out as $\\pm 9 \\times 10^{-16}$ rather than 0');
    stated('counts them as $\\pm 1$ and gets $(-0.198, 0.000)$');
  });

  test('lr 0.3: MSE grows at every step, to 2.2e14 after 200; Huber within 1e-12; MAE 1.7e-2 away', () => {
    const mse = run('mse', 0.3);
    expect(mse.divergedAt).toBeNull();
    expect(mse.losses.every((v, k) => k === 0 || v > mse.losses[k - 1])).toBe(true);
    expect(mse.losses.at(-1)!.toPrecision(2)).toBe('2.2e+14');
    expect(distance('huber', run('huber', 0.3))).toBeLessThan(1e-12);
    expect(distance('mae', run('mae', 0.3)).toPrecision(2)).toBe('0.017');
    stated('to $2.2 \\times 10^{14}$ after 200; Huber settles within $10^{-12}$ of its line and MAE still circles, $1.7 \\times 10^{-2}$ away');
  });

  test("the exercise: mean x² 3.454, mean x 0.162, MSE's largest curvature 6.93, so stable below 0.289; Huber's at least 0.577", () => {
    const n = points.x.length;
    const meanSquare = points.x.reduce((s, x) => s + x * x, 0) / n;
    const meanX = points.x.reduce((s, x) => s + x, 0) / n;
    const [a, b, c] = [2 * meanSquare, 2 * meanX, 2];
    const largest = (a + c) / 2 + Math.sqrt(((a - c) / 2) ** 2 + b * b);
    expect([fixed(meanSquare), fixed(meanX), fixed(largest, 2), fixed(2 / largest)]).toEqual(['3.454', '0.162', '6.93', '0.289']);
    // From the rounded inputs the reader is given, the same: 6.929, about 6.93.
    const fromRounded = (6.908 + 2) / 2 + Math.sqrt(((6.908 - 2) / 2) ** 2 + 0.324 ** 2);
    expect([fixed(fromRounded, 2), fixed(2 / fromRounded)]).toEqual(['6.93', '0.289']);
    expect(fixed(4 / largest)).toBe('0.577');
    // Measured: MSE diverges just past it, and Huber still settles at twice the learning rate.
    expect(run('mse', 0.28, 1000).losses.at(-1)).toBeCloseTo(model.losses.mse.value, 6);
    expect(distance('huber', run('huber', 0.577, 1000))).toBeLessThan(1e-9);
    stated('the mean of $x^2$ is 3.454 and the mean of $x$ is 0.162');
    stated('about 6.93, so MSE is stable only for $\\eta < 2/6.93 \\approx 0.289$');
    stated('at least $0.577$');
  });
});
