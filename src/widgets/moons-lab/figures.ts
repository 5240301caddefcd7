/**
 * What the lab draws, as Observable Plot options: the decision boundary (a probability heatmap
 * under the points) and the loss and accuracy curves with the previous run as a faint line.
 * The live view and the build-time figure share them.
 */
import * as Plot from '@observablehq/plot';
import { formatFixed, formatPercent, plural } from '../common/format.ts';
import { themed } from '../common/plot-theme.ts';
import type { Bounds } from './model.ts';
import type { EpochPoint, Part, PlotPoints } from './protocol.ts';

/** Class colours (0, 1), and the colours of the training and validation curves. */
export const CLASS_COLOURS = ['var(--series-1)', 'var(--series-2)'] as const;
export const CURVE_COLOURS = { training: 'var(--series-3)', validation: 'var(--series-4)' } as const;

/** The class name markers and legends use. */
export const CLASS_NAMES = ['class 0 (blue)', 'class 1 (red)'] as const;

/** The marker of each part: shape tells them apart as well as colour. */
export const PART_SYMBOLS: Record<Part, string> = { train: 'circle', validation: 'square', test: 'triangle', yours: 'star' };

/** How much of the likelier class's colour a cell gets: none at p = 0.5, 45% when certain. */
export function heatmapStrength(p: number): number {
  return Math.abs(p - 0.5) * 2 * 0.45;
}

/**
 * The decision boundary: every point by class (colour) and part (shape), over the heatmap the live
 * view paints beneath them. `marks` draw the points (and, at build time, the heatmap): see
 * still-boundary.ts, whose one path per class and part the live view uses too, with the reader's
 * own points as dots on top (`yourPointsMark`).
 */
export function boundaryFigure(bounds: Bounds, marks: Plot.Markish[], width: number, description: string): Plot.PlotOptions {
  const size = Math.min(width, 560);
  return themed({
    width: size,
    height: size,
    marginLeft: 40,
    marginBottom: 36,
    grid: false,
    ariaLabel: 'Decision boundary: probability of class 1 across the plane, with the data points',
    ariaDescription: description,
    x: { domain: [bounds.xMin, bounds.xMax], label: 'feature 1 (standardised)' },
    y: { domain: [bounds.yMin, bounds.yMax], label: 'feature 2 (standardised)' },
    color: { type: 'identity' },
    symbol: { domain: Object.keys(PART_SYMBOLS), range: Object.values(PART_SYMBOLS) },
    marks,
  });
}

/** The reader's own points as stars, one element each (at most 50), outlined so they stand out. */
export function yourPointsMark(points: PlotPoints): Plot.Markish {
  const yours = Array.from(points.x, (_, i) => i).filter((i) => points.part[i] === 'yours');
  return Plot.dot(yours, {
    x: (i: number) => points.x[i],
    y: (i: number) => points.y[i],
    symbol: () => 'yours',
    fill: (i: number) => CLASS_COLOURS[points.label[i]],
    stroke: 'var(--color-text)',
    strokeWidth: 1.2,
    r: 6,
    className: 'al-your-points',
  });
}

/** The boundary chart's description after the latest epoch; a diverged network's blank plane is explained. */
export function describeBoundary(current: readonly EpochPoint[]): string {
  const last = current.at(-1);
  if (!last) return 'Before training: the untrained network is unsure everywhere.';
  if (!Number.isFinite(last.validationAccuracy)) {
    return `In epoch ${last.epoch} the weights stopped being finite numbers, so the network predicts nothing and the plane is left blank.`;
  }
  return `After epoch ${last.epoch}, validation accuracy is ${formatPercent(last.validationAccuracy)}. Blue areas are predicted class 0, red class 1; paler means less sure.`;
}

/** The most points a curve is drawn with. */
const MAX_CURVE_POINTS = 250;

/** Every k-th epoch and the last, so a 2,000-epoch curve costs what a 250-epoch one does. */
export function thin(points: readonly EpochPoint[]): readonly EpochPoint[] {
  const stride = Math.ceil(points.length / MAX_CURVE_POINTS);
  return stride <= 1 ? points : points.filter((_, i) => i % stride === 0 || i === points.length - 1);
}

type Metric = 'Loss' | 'Accuracy';

/**
 * The lowest loss the log axis shows; a smaller one (a loss of exactly 0 cannot sit on a log
 * axis) is drawn on this floor, and the description says so.
 */
const LOSS_FLOOR = 1e-4;

/**
 * Training and validation curves of one metric; the previous run drawn faint beneath. Loss sits
 * on a log axis, so a run at 0.05 and one stuck at 50 are both readable.
 */
export function curvesFigure(metric: Metric, current: readonly EpochPoint[], previous: readonly EpochPoint[], epochs: number, width: number): Plot.PlotOptions {
  const key = metric === 'Loss' ? (['trainLoss', 'validationLoss'] as const) : (['trainAccuracy', 'validationAccuracy'] as const);
  const value = (point: EpochPoint, field: (typeof key)[number]) => (metric === 'Loss' ? Math.max(LOSS_FLOOR, point[field]) : point[field]);
  const line = (data: readonly EpochPoint[], field: (typeof key)[number], stroke: string, faint: boolean) =>
    Plot.line(
      data.filter((point) => Number.isFinite(point[field])),
      { x: 'epoch', y: (point: EpochPoint) => value(point, field), stroke, strokeWidth: faint ? 1.5 : 2.2, strokeOpacity: faint ? 0.35 : 1, strokeDasharray: field.startsWith('validation') ? '5 3' : undefined },
    );
  return themed({
    width,
    height: Math.round(Math.max(150, Math.min(210, width * 0.42))),
    marginLeft: 48,
    ariaLabel: `${metric} per epoch, training and validation${metric === 'Loss' ? ', on a logarithmic axis' : ''}`,
    ariaDescription: describeCurves(metric, current, previous),
    x: { domain: [0, Math.max(epochs, current.at(-1)?.epoch ?? 0, previous.at(-1)?.epoch ?? 0)], label: 'epoch' },
    y:
      metric === 'Loss'
        ? { type: 'log', label: 'loss (binary cross-entropy, log scale)', domain: lossDomain(current, previous), nice: true, tickFormat: '~g' }
        : { label: 'accuracy', domain: [accuracyFloor(current, previous), 1], tickFormat: '.0%' },
    marks: [
      line(previous, key[0], CURVE_COLOURS.training, true),
      line(previous, key[1], CURVE_COLOURS.validation, true),
      line(current, key[0], CURVE_COLOURS.training, false),
      line(current, key[1], CURVE_COLOURS.validation, false),
    ],
  });
}

/** Every finite loss, floored, with a little room; at least a decade around the usual 0.1 to 1. */
function lossDomain(current: readonly EpochPoint[], previous: readonly EpochPoint[]): [number, number] {
  const losses = [...current, ...previous].flatMap((p) => [p.trainLoss, p.validationLoss]).filter(Number.isFinite).map((loss) => Math.max(LOSS_FLOOR, loss));
  return [Math.min(0.1, ...losses) / 1.1, Math.max(1, ...losses) * 1.1];
}

/** From 40% (chance on two classes sits just above), lower only if an accuracy does. */
function accuracyFloor(current: readonly EpochPoint[], previous: readonly EpochPoint[]): number {
  const accuracies = [...current, ...previous].flatMap((p) => [p.trainAccuracy, p.validationAccuracy]).filter(Number.isFinite);
  return Math.min(0.4, Math.floor(Math.min(1, ...accuracies) * 10) / 10);
}

/** The last epoch's numbers in words; an epoch whose loss was not finite is said to be one. */
function describeCurves(metric: Metric, current: readonly EpochPoint[], previous: readonly EpochPoint[]): string {
  const finite = current.filter((point) => Number.isFinite(point.trainLoss) && Number.isFinite(point.validationLoss));
  const last = finite.at(-1);
  const broken = current.length > finite.length ? ` In epoch ${current.at(-1)!.epoch} the loss stopped being a finite number, so nothing after it can be drawn.` : '';
  if (!last) {
    const before = previous.length ? ` The previous run trained ${plural(previous.length, 'epoch')}.` : '';
    return `${current.length === 0 ? 'No epochs trained yet.' : 'Nothing to draw.'}${broken}${before}`;
  }
  const format = (value: number) => (metric === 'Loss' ? formatFixed(value, 3) : formatPercent(value));
  const [train, validation] = metric === 'Loss' ? [last.trainLoss, last.validationLoss] : [last.trainAccuracy, last.validationAccuracy];
  const floored = metric === 'Loss' && finite.some((point) => Math.min(point.trainLoss, point.validationLoss) < LOSS_FLOOR) ? ` Losses below ${LOSS_FLOOR} are drawn at ${LOSS_FLOOR}.` : '';
  return `After epoch ${last.epoch}: training ${metric.toLowerCase()} ${format(train)}, validation ${format(validation)}.${broken}${floored}`;
}
