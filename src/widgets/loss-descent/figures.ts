/**
 * What the loss-descent widget draws, as Observable Plot options: the data on a number line with
 * the boundary, each shown loss against w at the current b (0-1 loss as a staircase with open
 * circles at its jumps), and the loss and accuracy over the steps of gradient descent. The live
 * view and the build-time figure call the same functions. Classes differ by shape as well as
 * colour, losses by dash and marker as well as colour.
 */
import * as Plot from '@observablehq/plot';
import { formatFixed } from '../common/format.ts';
import { SERIES, themed } from '../common/plot-theme.ts';
import { boundaryOf, predictedClass, type DescentLoss, type LineData } from './classifier.ts';
import { DESCENT_STEPS, type CurvePoint, type LossMark, type PathPoint } from './model.ts';
import { describeData, describeLosses, describeSteps } from './words.ts';

/** How each loss is drawn: colour, dash and the marker of its current value. */
export const LOSS_STYLES: Readonly<Record<DescentLoss, { stroke: string; dash: string; symbol: string }>> = {
  zero_one: { stroke: SERIES[3], dash: 'none', symbol: 'square' },
  perceptron: { stroke: SERIES[2], dash: '2 3', symbol: 'diamond' },
  hinge: { stroke: SERIES[1], dash: '7 4', symbol: 'triangle' },
  bce: { stroke: SERIES[0], dash: '12 3 3 3', symbol: 'circle' },
};

/** How each class is drawn: class 0 as red circles, class 1 as blue triangles. */
export const CLASS_STYLES = {
  0: { stroke: SERIES[1], symbol: 'circle' },
  1: { stroke: SERIES[0], symbol: 'triangle' },
} as const;

/** The range of w the loss chart shows: the w slider's. */
const W_DOMAIN: [number, number] = [-5, 5];

/** The feature axis: the data with a margin, and at least −3 to 3, in whole numbers. */
export function featureDomain(data: LineData): [number, number] {
  return [Math.min(-3, Math.floor(Math.min(...data.x) - 0.3)), Math.max(3, Math.ceil(Math.max(...data.x) + 0.3))];
}

/** Each point where the chart puts it: its feature, its class row with a little fixed spread so points do not hide each other, and whether it is classified right. */
export function plottedPoints(data: LineData, w: number, b: number) {
  return data.x.map((x, index) => ({
    x,
    label: data.labels[index],
    y: data.labels[index] + (((index * 0.618034) % 1) - 0.5) * 0.36,
    right: predictedClass(w * x + b) === data.labels[index],
  }));
}

/** The data on a number line: class rows, points filled when right and hollow when wrong, the boundary and which side predicts class 1 (`live`: the chart can be dragged). */
export function dataFigure(data: LineData, w: number, b: number, width: number, live = true): Plot.PlotOptions {
  const [low, high] = featureDomain(data);
  const points = plottedPoints(data, w, b);
  const boundary = boundaryOf(w, b);
  const shown = boundary !== null && boundary >= low && boundary <= high;
  const marks: Plot.Markish[] = [];
  if (boundary !== null) {
    // The side where w·x + b > 0, clipped to the chart: right of the boundary when w > 0, left when w < 0.
    const [from, to] = w > 0 ? [Math.max(low, Math.min(high, boundary)), high] : [low, Math.min(high, Math.max(low, boundary))];
    if (to > from) marks.push(Plot.rect([{ x1: from, x2: to }], { x1: 'x1', x2: 'x2', y1: -0.5, y2: 1.5, fill: SERIES[0], fillOpacity: 0.09 }));
    if (shown) marks.push(Plot.ruleX([boundary], { stroke: 'var(--color-text)', strokeWidth: 2.5 }));
  }
  for (const label of [0, 1] as const) {
    const style = CLASS_STYLES[label];
    const group = points.filter((point) => point.label === label);
    marks.push(Plot.dot(group, { x: 'x', y: 'y', r: 5.5, symbol: style.symbol, stroke: style.stroke, strokeWidth: 2, fill: (point) => (point.right ? style.stroke : 'none') }));
  }
  marks.push(Plot.text([sideText(w, b, boundary, low, high)], { frameAnchor: 'top', dy: -14, text: (text) => text, fill: 'var(--color-text)', fontSize: 12 }));
  return themed({
    width,
    height: 170,
    marginTop: 30,
    marginLeft: 60,
    grid: false,
    ariaLabel: 'The data on a number line, with the boundary where w·x + b = 0',
    ariaDescription: describeData(data, w, b, live),
    x: { domain: [low, high], label: 'feature x', grid: true },
    y: { domain: [-0.5, 1.5], ticks: [0, 1], tickFormat: (value: number) => `class ${value}`, label: null },
    marks,
  });
}

/** The line above the data chart: where the boundary is and which side predicts class 1. */
export function sideText(w: number, b: number, boundary: number | null, low: number, high: number): string {
  if (boundary === null) return `w = 0: no boundary; every point is predicted class ${predictedClass(b)}`;
  const at = `boundary x = ${formatFixed(boundary, 2)}`;
  const side = w > 0 ? 'class 1 to its right (shaded)' : 'class 1 to its left (shaded)';
  if (boundary < low || boundary > high) return `${at}, off the chart: ${side}`;
  return `${at}, ${side}`;
}

/** The flat pieces of 0-1 loss's staircase: each a run of the curve between two jumps, and the jumps where the value changes. */
export function staircase(curve: readonly CurvePoint[]): { pieces: { w: number; loss: number; piece: number }[]; jumps: { w: number; loss: number }[] } {
  const pieces: { w: number; loss: number; piece: number }[] = [];
  const jumps: { w: number; loss: number }[] = [];
  let piece = 0;
  curve.forEach((point, index) => {
    const previous = curve[index - 1];
    if (previous && previous.loss !== point.loss) {
      piece++;
      jumps.push(previous, point);
    }
    pieces.push({ ...point, piece });
  });
  return { pieces, jumps };
}

/** The longest an arrow may reach along w, and its length per unit of |∂L/∂w|. */
const ARROW_MOST = 1.5;
const ARROW_PER_SLOPE = 0.5;

/**
 * The gradient arrow of a mark at w: downhill along the tangent, w moving by −½·∂L/∂w (at most
 * 1.5), shortened so its tip stays above 0. Null where there is no arrow to draw: a gradient of
 * 0, or no derivative (the view says so in words).
 */
export function gradientArrow(mark: LossMark, w: number): { x1: number; y1: number; x2: number; y2: number } | null {
  const slope = mark.gradient.w;
  if (!mark.gradient.defined || slope === 0) return null;
  let dx = Math.max(-ARROW_MOST, Math.min(ARROW_MOST, -ARROW_PER_SLOPE * slope));
  const drop = -slope * dx;
  if (drop > 0.9 * mark.value) dx *= (0.9 * mark.value) / drop;
  return { x1: w, y1: mark.value, x2: w + dx, y2: mark.value + slope * dx };
}

/** One loss's curve, as the loss chart needs it. */
export interface ShownCurve {
  readonly loss: DescentLoss;
  readonly points: readonly CurvePoint[];
}

/** The marks of one loss: its curve (0-1 as flat pieces with open circles at jumps), its current value's marker and its arrow. */
function curveMarks(curve: ShownCurve, mark: LossMark | undefined, w: number): Plot.Markish[] {
  const style = LOSS_STYLES[curve.loss];
  const line = { x: 'w', y: 'loss', stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: 2.25 };
  const marks: Plot.Markish[] = [];
  if (curve.loss === 'zero_one') {
    const { pieces, jumps } = staircase(curve.points);
    marks.push(Plot.line(pieces, { ...line, z: 'piece' }), Plot.dot(jumps, { x: 'w', y: 'loss', r: 3, stroke: style.stroke, fill: 'var(--color-surface-raised)', strokeWidth: 1.5 }));
  } else {
    marks.push(Plot.line(curve.points, line));
  }
  if (mark) {
    const arrow = gradientArrow(mark, w);
    if (arrow) marks.push(Plot.arrow([arrow], { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: style.stroke, strokeWidth: 2, headLength: 9 }));
    marks.push(Plot.dot([mark], { x: () => w, y: 'value', r: 6, symbol: style.symbol, fill: style.stroke, stroke: 'var(--color-surface-raised)', strokeWidth: 1.5 }));
  }
  return marks;
}

/** The marks every loss chart has: a rule at the current w, one at 0, and the descent's trail when there is one. */
function frameMarks(w: number, trail: readonly PathPoint[]): { before: Plot.Markish[]; after: Plot.Markish[] } {
  return {
    before: [Plot.ruleX([w], { stroke: 'var(--color-muted)', strokeDasharray: '2 2' }), Plot.ruleY([0], { stroke: 'var(--color-muted)' })],
    after:
      trail.length > 0
        ? [
            Plot.line(trail, { x: 'w', y: 'loss', stroke: 'var(--color-text)', strokeWidth: 1.5, strokeDasharray: '1 3' }),
            Plot.dot(trail, { x: 'w', y: 'loss', r: 2, fill: 'var(--color-text)' }),
          ]
        : [],
  };
}

/** The smooth losses (perceptron, hinge, BCE) shown, against w at the current b, each marked at the current w with its gradient arrow. */
export function lossFigure(curves: readonly ShownCurve[], marks: readonly LossMark[], w: number, b: number, trail: readonly PathPoint[], width: number): Plot.PlotOptions {
  const highest = Math.max(1, ...curves.flatMap((curve) => curve.points.map((point) => point.loss)));
  const { before, after } = frameMarks(w, trail);
  return themed({
    width,
    height: 280,
    marginTop: 26,
    clip: true,
    ariaLabel: `The smooth losses against the weight w, with the bias held at b = ${formatFixed(b, 2)}`,
    ariaDescription: describeLosses(curves, marks, w, b, trail),
    x: { domain: W_DOMAIN, label: 'weight w' },
    y: { domain: [0, Math.ceil(highest)], label: 'mean loss', nice: true },
    marks: [...before, ...curves.flatMap((curve) => curveMarks(curve, marks.find((mark) => mark.loss === curve.loss), w)), ...after],
  });
}

/**
 * 0-1 loss against w at the current b, on its own axis from 0 to 1: on the smooth losses' axis
 * its steps of one point in the data set would be a pixel or two high. Flat pieces, open circles
 * at the jumps, the current w marked; it never has an arrow (its slope is 0 or undefined).
 */
export function zeroOneFigure(curve: ShownCurve, mark: LossMark, w: number, b: number, trail: readonly PathPoint[], width: number): Plot.PlotOptions {
  const { before, after } = frameMarks(w, trail);
  return themed({
    width,
    height: 170,
    marginTop: 26,
    ariaLabel: `0-1 loss against the weight w, with the bias held at b = ${formatFixed(b, 2)}`,
    ariaDescription: describeLosses([curve], [mark], w, b, trail),
    x: { domain: W_DOMAIN, label: 'weight w' },
    y: { domain: [0, 1], label: 'share wrong', ticks: 5 },
    marks: [
      ...before,
      ...curveMarks(curve, mark, w),
      Plot.text([mark], { x: () => w, y: 'value', dy: -13, text: () => (mark.gradient.defined ? 'slope 0' : 'on a jump: no slope'), fill: 'var(--color-text)', fontSize: 12, stroke: 'var(--color-surface-raised)', strokeWidth: 4, paintOrder: 'stroke' }),
      ...after,
    ],
  });
}

/** Which loss charts to draw: the smooth losses' (if any is shown) and 0-1 loss's (if shown), each with the trail if its loss is the one descent follows. */
export function lossCharts(curves: readonly ShownCurve[], marks: readonly LossMark[], w: number, b: number, trail: readonly PathPoint[], descent: DescentLoss, width: number): { smooth: Plot.PlotOptions | null; zeroOne: Plot.PlotOptions | null } {
  const smooth = curves.filter((curve) => curve.loss !== 'zero_one');
  const zeroOne = curves.find((curve) => curve.loss === 'zero_one');
  const zeroOneMark = marks.find((mark) => mark.loss === 'zero_one');
  return {
    smooth: smooth.length > 0 ? lossFigure(smooth, marks.filter((mark) => mark.loss !== 'zero_one'), w, b, descent === 'zero_one' ? [] : trail, width) : null,
    zeroOne: zeroOne && zeroOneMark ? zeroOneFigure(zeroOne, zeroOneMark, w, b, descent === 'zero_one' ? trail : [], width) : null,
  };
}

/** The loss (kind 'loss') or accuracy over the steps of a descent, with the step reached so far marked. */
export function stepsFigure(kind: 'loss' | 'accuracy', loss: DescentLoss, path: readonly PathPoint[], reached: number, width: number): Plot.PlotOptions {
  const rows = path.map((point, step) => ({ step, value: kind === 'loss' ? point.loss : point.accuracy * 100 }));
  const style = LOSS_STYLES[loss];
  const highest = Math.max(...rows.map((row) => row.value));
  return themed({
    width,
    height: 190,
    marginTop: 26,
    ariaLabel: kind === 'loss' ? 'The descent loss over the steps of gradient descent' : 'Accuracy over the steps of gradient descent',
    ariaDescription: describeSteps(kind, loss, path, reached),
    x: { domain: [0, DESCENT_STEPS], label: 'step' },
    y: kind === 'loss' ? { domain: [0, Math.max(0.1, highest)], label: 'mean loss', nice: true } : { domain: [0, 100], label: 'points right (%)' },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--color-muted)' }),
      Plot.line(rows, { x: 'step', y: 'value', stroke: kind === 'loss' ? style.stroke : 'var(--color-text)', strokeDasharray: kind === 'loss' ? style.dash : 'none', strokeWidth: 2 }),
      Plot.dot([rows[Math.min(reached, rows.length - 1)]], { x: 'step', y: 'value', r: 5, symbol: kind === 'loss' ? style.symbol : 'circle', fill: kind === 'loss' ? style.stroke : 'var(--color-text)' }),
    ],
  });
}
