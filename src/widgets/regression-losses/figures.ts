/**
 * What the regression-losses widget draws, as Observable Plot options: the points (outliers and
 * the reader's own by shape as well as colour) with the three fits (colour and dash), Huber's
 * band of ±delta, the selected point's residuals and the best constants; and the descent's loss
 * and distance to the exact fit per step, on log axes. The live view and the build-time figure
 * share them.
 */
import * as Plot from '@observablehq/plot';
import { formatFixed } from '../common/format.ts';
import { themed } from '../common/plot-theme.ts';
import type { Line } from './fits.ts';
import { REGRESSION_LOSSES, type Convergence, type PerLoss, type RegressionLoss, type RegressionModel } from './model.ts';
import type { RegressionPoint } from './points.ts';
import { LOSS_LOOK, lineText, pointName, positionText, slopesText } from './words.ts';

/** The region a scatter shows. */
export interface ChartDomain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** A fitted curve sampled along x (the network option); absent, each fit is its line. */
export interface SampledCurve {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/** The scatter's height, and its right margin, which holds the best constants' labels. */
const SCATTER_HEIGHT = 360;
const SCATTER_RIGHT = 78;
const SCATTER_TOP = 16;
const SCATTER_BOTTOM = 40;

/** Labels of the best constants keep at least this many pixels apart. */
const LABEL_GAP = 14;

/**
 * The region to show: the generated data's usual spread (x in [−3.5, 3.5]) widened to every
 * point, with a margin of 8% of the span, so a dragged point never sits on the frame.
 */
export function chartDomain(points: readonly RegressionPoint[]): ChartDomain {
  const span = (values: number[], low: number, high: number): [number, number] => {
    const min = Math.min(low, ...values);
    const max = Math.max(high, ...values);
    const pad = 0.08 * (max - min);
    return [min - pad, max + pad];
  };
  return { x: span(points.map((p) => p.x), -3.2, 3.2), y: span(points.map((p) => p.y), -5, 10) };
}

/** The pixel rectangle the scatter plots into, for turning pointer positions into data. */
export function scatterFrame(width: number): { left: number; right: number; top: number; bottom: number } {
  return { left: 48, right: width - SCATTER_RIGHT, top: SCATTER_TOP, bottom: SCATTER_HEIGHT - SCATTER_BOTTOM };
}

const predict = (line: Line, x: number) => line.slope * x + line.intercept;

/** The best constants' labels, nudged apart so that close values do not print over each other. */
function constantLabels(model: RegressionModel, domain: ChartDomain): { loss: RegressionLoss; y: number; labelY: number; text: string }[] {
  const perUnit = (SCATTER_HEIGHT - SCATTER_TOP - SCATTER_BOTTOM) / (domain.y[1] - domain.y[0]);
  const gap = LABEL_GAP / perUnit;
  const labels = REGRESSION_LOSSES.map((loss) => {
    const y = model.losses[loss].constant;
    return { loss, y, labelY: y, text: `${loss === 'huber' ? 'Huber' : LOSS_LOOK[loss].constant} ${formatFixed(y, 2)}` };
  }).sort((a, b) => b.y - a.y);
  for (let i = 1; i < labels.length; i++) labels[i].labelY = Math.min(labels[i].labelY, labels[i - 1].labelY - gap);
  return labels;
}

/** The scatter with the three fits, Huber's band, the selected point's residuals and the best constants. */
export function scatterFigure(options: {
  model: RegressionModel;
  selected: number | null;
  delta: number;
  domain: ChartDomain;
  width: number;
  curves?: PerLoss<SampledCurve>;
}): Plot.PlotOptions {
  const { model, selected, delta, domain, width, curves } = options;
  const [x0, x1] = domain.x;
  const ends = [x0, x1];
  const huber = model.losses.huber.line;
  const fitMarks = REGRESSION_LOSSES.map((loss) => {
    const look = { stroke: LOSS_LOOK[loss].colour, strokeDasharray: LOSS_LOOK[loss].dash, strokeWidth: 2.5, clip: true } as const;
    const curve = curves?.[loss];
    if (curve) return Plot.line(Array.from(curve.xs, (x, i) => ({ x, y: curve.ys[i] })), { x: 'x', y: 'y', ...look });
    return Plot.line(ends.map((x) => ({ x, y: predict(model.losses[loss].line, x) })), { x: 'x', y: 'y', ...look });
  });
  const band = curves
    ? Plot.areaY(Array.from(curves.huber.xs, (x, i) => ({ x, low: curves.huber.ys[i] - delta, high: curves.huber.ys[i] + delta })), { x: 'x', y1: 'low', y2: 'high', fill: LOSS_LOOK.huber.colour, fillOpacity: 0.12, clip: true })
    : Plot.areaY(ends.map((x) => ({ x, low: predict(huber, x) - delta, high: predict(huber, x) + delta })), { x: 'x', y1: 'low', y2: 'high', fill: LOSS_LOOK.huber.colour, fillOpacity: 0.12, clip: true });
  const groups = {
    inliers: model.points.filter((p) => p.key.origin === 'generated' && !p.outlier),
    outliers: model.points.filter((p) => p.key.origin === 'generated' && p.outlier),
    added: model.points.filter((p) => p.key.origin === 'added'),
  };
  const point = selected === null ? undefined : model.points[selected];
  const residuals = point
    ? REGRESSION_LOSSES.map((loss, i) => {
        const fitted = curves ? nearestOnCurve(curves[loss], point.x) : predict(model.losses[loss].line, point.x);
        return Plot.ruleX([{ x: point.x, y1: point.y, y2: fitted }], { x: 'x', y1: 'y1', y2: 'y2', dx: (i - 1) * 3, stroke: LOSS_LOOK[loss].colour, strokeDasharray: LOSS_LOOK[loss].dash, strokeWidth: 1.5, clip: true });
      })
    : [];
  const labels = constantLabels(model, domain);
  const constantStart = x1 - 0.1 * (x1 - x0);
  return themed({
    width,
    height: SCATTER_HEIGHT,
    marginRight: SCATTER_RIGHT,
    marginTop: SCATTER_TOP,
    marginBottom: SCATTER_BOTTOM,
    ariaLabel: `The ${model.points.length} points with the MSE, MAE and Huber fits`,
    ariaDescription: scatterDescription(model, selected, delta, !!curves),
    // Plot would give a phone's narrow plot area only one or two ticks.
    x: { domain: [x0, x1], label: 'x', ticks: width < 520 ? 4 : 8 },
    y: { domain: [domain.y[0], domain.y[1]], label: 'y' },
    marks: [
      band,
      ...fitMarks,
      ...labels.map((label) =>
        Plot.ruleY([label.y], { x1: constantStart, x2: x1, stroke: LOSS_LOOK[label.loss].colour, strokeDasharray: LOSS_LOOK[label.loss].dash, strokeWidth: 4, clip: true }),
      ),
      Plot.text(labels, { x: x1, y: 'labelY', text: 'text', dx: 6, textAnchor: 'start', fill: 'var(--color-text)', fontSize: 11, clip: false }),
      ...residuals,
      Plot.dot(groups.inliers, { x: 'x', y: 'y', r: 3.5, symbol: 'circle', fill: 'var(--color-muted)', clip: true }),
      Plot.dot(groups.outliers, { x: 'x', y: 'y', r: 5, symbol: 'triangle', fill: 'var(--series-4)', stroke: 'var(--color-text)', strokeWidth: 0.75, clip: true }),
      Plot.dot(groups.added, { x: 'x', y: 'y', r: 4.5, symbol: 'square', fill: 'var(--color-accent)', stroke: 'var(--color-text)', strokeWidth: 0.75, clip: true }),
      ...(point ? [Plot.dot([point], { x: 'x', y: 'y', r: 10, stroke: 'var(--color-focus)', strokeWidth: 2.5, fill: 'none', clip: true })] : []),
    ],
  });
}

/** The curve's value at the sample nearest x (the samples are dense, so this is the residual to within the drawing). */
function nearestOnCurve(curve: SampledCurve, x: number): number {
  let best = 0;
  for (let i = 1; i < curve.xs.length; i++) if (Math.abs(curve.xs[i] - x) < Math.abs(curve.xs[best] - x)) best = i;
  return curve.ys[best] ?? Number.NaN;
}

function scatterDescription(model: RegressionModel, selected: number | null, delta: number, network: boolean): string {
  const outliers = model.points.filter((p) => p.outlier).length;
  const fits = network
    ? `Network fits drawn as curves. Best constants: ${constantsText(model)}.`
    : `${REGRESSION_LOSSES.map((loss) => `${LOSS_LOOK[loss].name} ${lineText(model.losses[loss].line)}`).join('; ')}. Slopes: ${slopesText(model)}. Best constants: ${constantsText(model)}.`;
  const point = selected === null ? '' : ` Selected: ${pointName(model.points[selected], selected)} at ${positionText(model.points[selected])}.`;
  return `${model.points.length} points, ${outliers} marked as outliers (triangles). ${fits} The shaded band is the Huber fit ± delta ${delta}.${point}`;
}

function constantsText(model: RegressionModel): string {
  return REGRESSION_LOSSES.map((loss) => `${LOSS_LOOK[loss].constant} ${formatFixed(model.losses[loss].constant, 2)}`).join(', ');
}

/** Values too small to draw on a log axis are drawn at this floor (the descent's rounding level). */
const LOG_FLOOR = 1e-14;

/** A log axis's tick: plain down to 0.01, a power of ten below ("1e-6", not "0.000001"). */
function logTick(value: number): string {
  return value >= 0.01 ? String(value) : value.toExponential(0).replace('+', '');
}

/** One series per loss over the steps on a log axis: the loss itself, or the distance to the exact fit. */
export function descentFigure(kind: 'loss' | 'distance', series: PerLoss<readonly number[]>, runs: PerLoss<Convergence>, steps: number, width: number): Plot.PlotOptions {
  const rows = REGRESSION_LOSSES.flatMap((loss) => series[loss].map((value, step) => ({ step, value: Math.max(LOG_FLOOR, value), loss })));
  const finite = rows.filter((row) => Number.isFinite(row.value));
  const values = finite.map((row) => row.value);
  const domain: [number, number] = values.length > 0 ? [Math.min(...values) / 2, Math.max(...values) * 2] : [LOG_FLOOR, 1];
  const ends = REGRESSION_LOSSES.map((loss) => {
    const run = runs[loss];
    const last = series[loss].at(-1);
    return `${LOSS_LOOK[loss].name} ${run.divergedAt !== null ? `diverged at step ${run.divergedAt}` : formatFixed(last ?? Number.NaN, kind === 'loss' ? 3 : 4)}`;
  });
  return themed({
    width,
    height: 220,
    ariaLabel: kind === 'loss' ? 'Each loss over the steps of gradient descent, log scale' : 'Distance from each loss’s exact fit over the steps, log scale',
    ariaDescription: `After the last step: ${ends.join('; ')}.${kind === 'distance' ? ` MAE’s gradient keeps its size near the fit, so its distance stops shrinking. Distances below ${LOG_FLOOR} (float64 rounding) are drawn at ${LOG_FLOOR}.` : ''}`,
    x: { domain: [0, steps], label: 'step' },
    y: { type: 'log', domain, label: kind === 'loss' ? 'mean loss (log)' : 'distance to exact fit (log)', tickFormat: logTick, ticks: 5 },
    marks: REGRESSION_LOSSES.map((loss) =>
      Plot.line(
        finite.filter((row) => row.loss === loss),
        { x: 'step', y: 'value', stroke: LOSS_LOOK[loss].colour, strokeDasharray: LOSS_LOOK[loss].dash, strokeWidth: 2 },
      ),
    ),
  });
}
