/**
 * What the dying-ReLU widget draws, as Observable Plot options: the dead share per hidden layer
 * over the epochs (both runs), the loss and accuracy curves, the selected unit's pre-activation
 * histogram with a rule at 0, and PReLU's learned alpha per layer. Layers differ by colour and
 * marker, runs by dash. The live view and the build-time figure share them; after a retrain the
 * live loss and accuracy charts also draw the runs shown before it, faint (`previous`).
 */
import * as Plot from '@observablehq/plot';
import type { ChartTurn } from '../common/chart-turns.ts';
import { formatFixed, formatPercent } from '../common/format.ts';
import { ACTIVATION_LABELS } from '../common/labels.ts';
import { SERIES, themed } from '../common/plot-theme.ts';
import type { DyingActivation, UnitState } from './model.ts';
import type { EpochPoint } from './protocol.ts';
import type { Side } from './state.ts';

/** One run's curves as a chart needs them. */
export interface SideCurves {
  side: Side;
  activation: DyingActivation;
  points: readonly EpochPoint[];
}

/** Each layer's marker, so layers differ by shape as well as colour. */
export const LAYER_SYMBOLS = ['circle', 'square', 'triangle', 'diamond'] as const;
/** Run A is drawn solid, run B dashed. */
export const SIDE_DASH: Readonly<Record<Side, string>> = { A: 'none', B: '6 3' };

/** The most epochs a chart draws per line. */
const MOST_POINTS = 150;

/** Every k-th epoch so that at most MOST_POINTS remain, always keeping the first and the last. */
export function thin(points: readonly EpochPoint[]): EpochPoint[] {
  if (points.length <= MOST_POINTS) return [...points];
  const every = Math.ceil(points.length / MOST_POINTS);
  return points.filter((_, i) => i % every === 0 || i === points.length - 1);
}

const label = (curves: SideCurves) => `Run ${curves.side} (${ACTIVATION_LABELS[curves.activation]})`;

/** Lines of `value` over the epochs, one per side and series, with a marker at each line's last point. */
function seriesMarks(rows: { epoch: number; value: number; side: Side; series: number }[], colour: (series: number) => string = (series) => SERIES[series % SERIES.length]): Plot.Markish[] {
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    if (!Number.isFinite(row.value)) continue;
    const name = `${row.side}${row.series}`;
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  return [...groups.values()].flatMap((group) => {
    const { side, series } = group[0];
    const style = { stroke: colour(series), strokeDasharray: SIDE_DASH[side] };
    return [
      Plot.line(group, { x: 'epoch', y: 'value', strokeWidth: 2, ...style }),
      Plot.dot(group.slice(-1), { x: 'epoch', y: 'value', r: 4, symbol: LAYER_SYMBOLS[series % LAYER_SYMBOLS.length], fill: style.stroke }),
    ];
  });
}

/** The share of units with every pre-activation ≤ 0, per hidden layer (colour and marker) and run (dash), over the epochs. */
export function deadShareFigure(sides: readonly SideCurves[], epochs: number, width: number): Plot.PlotOptions {
  const rows = sides.flatMap((curves) => curves.points.flatMap((point) => point.deadShares.map((value, l) => ({ epoch: point.epoch, value, side: curves.side, series: l }))));
  const description = sides
    .map((curves) => {
      const last = curves.points.at(-1);
      const shares = last ? last.deadShares.map((share, l) => `layer ${l + 1} ${formatPercent(share)}`).join(', ') : 'no epochs yet';
      return `${label(curves)} at epoch ${last?.epoch ?? 0}: ${shares}`;
    })
    .join('. ');
  return themed({
    width,
    height: 220,
    ariaLabel: 'Share of units with every pre-activation at or below 0, per hidden layer, over the epochs',
    ariaDescription: `${description}. For ReLU these units are dead.`,
    x: { domain: [0, epochs], label: 'epoch' },
    y: { domain: [0, 100], label: 'units ≤ 0 everywhere (%)', percent: true },
    marks: [Plot.ruleY([0]), ...seriesMarks(rows)],
  });
}

/** Training loss (log scale) or validation accuracy of both runs over the epochs. */
export function curveFigure(kind: 'Loss' | 'Accuracy', sides: readonly SideCurves[], epochs: number, width: number, previous: readonly SideCurves[] = []): Plot.PlotOptions {
  const value = (point: EpochPoint) => (kind === 'Loss' ? point.trainLoss : point.validationAccuracy);
  const rowsOf = (of: readonly SideCurves[]) => of.flatMap((curves) => curves.points.map((point) => ({ epoch: point.epoch, value: value(point), side: curves.side, series: 0 })));
  const rows = rowsOf(sides);
  const before = rowsOf(previous).filter((row) => Number.isFinite(row.value) && (kind === 'Accuracy' || row.value > 0));
  const description = sides
    .map((curves) => {
      const last = curves.points.at(-1);
      const shown = last === undefined ? 'no epochs yet' : kind === 'Loss' ? formatFixed(last.trainLoss, 3) : formatPercent(last.validationAccuracy);
      return `${label(curves)}: ${shown}`;
    })
    .join('; ');
  return themed({
    width,
    height: 200,
    ariaLabel: kind === 'Loss' ? 'Training loss of both runs over the epochs' : 'Validation accuracy of both runs over the epochs',
    ariaDescription: `At the latest epoch, ${description}.${before.length > 0 ? ' The runs shown before the last change are drawn faint.' : ''}`,
    x: { domain: [0, epochs], label: 'epoch' },
    y: kind === 'Loss' ? { type: 'log', domain: lossDomain(rows.map((row) => row.value)), label: 'training loss (log)', tickFormat: '~g' } : { domain: [0, 100], label: 'validation accuracy (%)', percent: true },
    // One colour for both runs (colours name layers elsewhere); the dash tells them apart.
    marks: [
      // The runs before a retrain, faint and thin, clipped to these axes (their epochs may lie beyond).
      ...(['A', 'B'] as const).filter((side) => before.some((row) => row.side === side)).map((side) =>
        Plot.line(before.filter((row) => row.side === side), { x: 'epoch', y: 'value', stroke: 'var(--color-text)', strokeWidth: 1.2, strokeOpacity: 0.3, strokeDasharray: SIDE_DASH[side], clip: true, className: 'al-dying-previous' }),
      ),
      ...seriesMarks(rows.filter((row) => kind === 'Accuracy' || row.value > 0), () => 'var(--color-text)'),
    ],
  });
}

/** The loss axis: at least 0.05 to 1, so the first epochs do not fill the chart with a sliver of range. */
function lossDomain(values: readonly number[]): [number, number] {
  const finite = values.filter((value) => Number.isFinite(value) && value > 0);
  return [Math.min(0.05, ...finite), Math.max(1, ...finite)];
}

/** The selected unit's pre-activations over the training set: bins at or below 0 in one colour, above in another, a rule at 0. */
export function histogramFigure(unit: UnitState, name: string, width: number): Plot.PlotOptions {
  const binWidth = (unit.high - unit.low) / Math.max(1, unit.counts.length);
  const bins = unit.counts.map((count, i) => {
    const x1 = unit.low + i * binWidth;
    return { x1, x2: x1 + binWidth, count, side: x1 + binWidth / 2 <= 0 ? 'at or below 0' : 'above 0' };
  });
  return themed({
    width,
    height: 200,
    ariaLabel: `Histogram of the pre-activations of ${name} over the training set`,
    ariaDescription: `${formatPercent(unit.negativeShare)} of them are at or below 0, from ${formatFixed(unit.low, 2)} to ${formatFixed(unit.high, 2)}.`,
    x: { label: 'pre-activation z' },
    y: { label: 'training inputs', grid: true },
    color: { domain: ['at or below 0', 'above 0'], range: [SERIES[1], SERIES[0]] },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: 'side', inset: 0.5 }),
      Plot.ruleX([0], { stroke: 'var(--color-text)', strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  });
}

/** PReLU's learned alpha per hidden layer (colour and marker) over the epochs, for the runs that use PReLU. */
export function alphaFigure(sides: readonly SideCurves[], epochs: number, width: number): Plot.PlotOptions {
  const prelu = sides.filter((curves) => curves.activation === 'prelu');
  const rows = prelu.flatMap((curves) =>
    curves.points.flatMap((point) => point.alphas.map((value, l) => ({ epoch: point.epoch, value: value ?? Number.NaN, side: curves.side, series: l }))),
  );
  const description = prelu
    .map((curves) => `${label(curves)}: ${(curves.points.at(-1)?.alphas ?? []).map((alpha, l) => `layer ${l + 1} α = ${formatFixed(alpha ?? Number.NaN, 3)}`).join(', ')}`)
    .join('. ');
  return themed({
    width,
    height: 200,
    ariaLabel: "PReLU's learned alpha, one per hidden layer, over the epochs",
    ariaDescription: `${description}. Each starts at 0.25.`,
    x: { domain: [0, epochs], label: 'epoch' },
    y: { label: 'learned α' },
    marks: [Plot.ruleY([0]), ...seriesMarks(rows)],
  });
}

/** The charts under the grids, for common/chart-turns.ts: dead share, loss, accuracy (with the run before faint), and PReLU's alpha when `withAlpha`. */
export function dyingCharts(curves: readonly SideCurves[], before: readonly SideCurves[], epochs: number, width: number, withAlpha: boolean): ChartTurn[] {
  return [
    ['dead', () => deadShareFigure(curves, epochs, width)],
    ['loss', () => curveFigure('Loss', curves, epochs, width, before)],
    ['accuracy', () => curveFigure('Accuracy', curves, epochs, width, before)],
    ...(withAlpha ? [['alpha', () => alphaFigure(curves, epochs, width)] as const] : []),
  ];
}
