/**
 * What the pairing lab draws, as Observable Plot options: both runs' validation loss, their
 * score (accuracy, label accuracy or RMSE) and their output layer's gradient size per epoch.
 * Run A is a solid line with circles, run B a dashed line with squares, each in its own colour,
 * so colour is never the only code. The live view and the build-time figure share them. After a
 * retrain the live view passes the run shown before it as `previous`: thin faint lines in the same
 * colours and dashes, no markers (the build passes none).
 */
import * as Plot from '@observablehq/plot';
import { formatFixed, formatPercent } from '../common/format.ts';
import { SERIES, themed } from '../common/plot-theme.ts';
import { PRESET_RUNS, type PairingPreset, type RunEpoch } from './model.ts';
import type { Side } from './protocol.ts';

/** One run's curves as a chart needs them: its title ("A: softmax + MSE"), refusal and epochs. */
export interface SideCurves {
  readonly side: Side;
  readonly title: string;
  readonly refusal: string | null;
  readonly points: readonly RunEpoch[];
}

/** Each run's colour, marker and dash, and the words a legend gives them. */
export const SIDE_STYLE: Readonly<Record<Side, { colour: string; symbol: 'circle' | 'square'; dash: string; words: string }>> = {
  A: { colour: SERIES[0], symbol: 'circle', dash: 'none', words: 'solid line, circles' },
  B: { colour: SERIES[1], symbol: 'square', dash: '6 3', words: 'dashed line, squares' },
};

/** About this many markers per line, so the shape shows along it without crowding. */
const MARKERS = 10;

/** How a preset's runs are scored: accuracy, accuracy per label (multi-label) or RMSE (regression). */
export type ScoreKind = 'accuracy' | 'labels' | 'rmse';

/** The score the preset's task is judged by. */
export function scoreKind(preset: PairingPreset): ScoreKind {
  const { task } = PRESET_RUNS[preset];
  return task === 'wave' ? 'rmse' : task === 'multilabel' ? 'labels' : 'accuracy';
}

interface Row {
  readonly epoch: number;
  readonly value: number;
  readonly side: Side;
}

/** The rows of `value` for every side, leaving out what cannot be drawn (not finite, or ≤ 0 on a log axis). */
function rowsOf(sides: readonly SideCurves[], value: (point: RunEpoch) => number | null, log: boolean): Row[] {
  return sides.flatMap((curves) =>
    curves.points.flatMap((point) => {
      const y = value(point);
      return y !== null && Number.isFinite(y) && (!log || y > 0) ? [{ epoch: point.epoch, value: y, side: curves.side }] : [];
    }),
  );
}

/** Per side, a line in its colour and dash and its markers at every few epochs and the last. */
function runMarks(rows: readonly Row[]): Plot.Markish[] {
  return (['A', 'B'] as const).flatMap((side) => {
    const own = rows.filter((row) => row.side === side);
    if (own.length === 0) return [];
    const style = SIDE_STYLE[side];
    const every = Math.max(1, Math.ceil(own.length / MARKERS));
    const marked = own.filter((_, i) => i % every === 0 || i === own.length - 1);
    return [
      Plot.line(own, { x: 'epoch', y: 'value', stroke: style.colour, strokeWidth: 2, strokeDasharray: style.dash }),
      Plot.dot(marked, { x: 'epoch', y: 'value', r: 3.5, symbol: style.symbol, fill: style.colour, stroke: 'var(--color-bg)', strokeWidth: 0.8 }),
    ];
  });
}

/** The previous run's lines, faint and thin, clipped to the current axes (its epochs or values may lie beyond them). */
function previousMarks(rows: readonly Row[]): Plot.Markish[] {
  return (['A', 'B'] as const).flatMap((side) => {
    const own = rows.filter((row) => row.side === side);
    const style = SIDE_STYLE[side];
    return own.length === 0 ? [] : [Plot.line(own, { x: 'epoch', y: 'value', stroke: style.colour, strokeWidth: 1.2, strokeOpacity: 0.35, strokeDasharray: style.dash, clip: true, className: 'al-pairing-previous' })];
  });
}

/** " The previous run is drawn faint." when there is one to draw. */
const previousWords = (rows: readonly Row[]) => (rows.length > 0 ? ' The run shown before the last change is drawn faint.' : '');

/** A log axis's domain: the values' range with a little room either side, or 0.01 to 1 before any epoch. */
function logDomain(rows: readonly Row[]): [number, number] {
  if (rows.length === 0) return [0.01, 1];
  const values = rows.map((row) => row.value);
  const low = Math.min(...values) / 1.25;
  const high = Math.max(...values) * 1.25;
  // A flat line (one epoch, say) still needs a range a log axis can draw.
  return high / low > 2 ? [low, high] : [low / 2, high * 2];
}

/** "A: softmax + MSE: 0.120; B: …" at each run's latest epoch, or why a run has nothing to show. */
function latestWords(sides: readonly SideCurves[], shown: (point: RunEpoch) => string): string {
  return sides
    .map((curves) => {
      if (curves.refusal !== null) return `${curves.title}: refused, nothing to draw`;
      const last = curves.points.at(-1);
      return last === undefined ? `${curves.title}: no epochs yet` : `${curves.title}: ${shown(last)} at epoch ${last.epoch}`;
    })
    .join('; ');
}

/** Both runs' validation loss per epoch, each run's own loss, on a log axis. */
export function lossFigure(sides: readonly SideCurves[], epochs: number, width: number, previous: readonly SideCurves[] = []): Plot.PlotOptions {
  const rows = rowsOf(sides, (point) => point.validationLoss, true);
  const before = rowsOf(previous, (point) => point.validationLoss, true);
  return themed({
    width,
    height: 220,
    ariaLabel: 'Validation loss of both runs per epoch, each measured with its own loss',
    ariaDescription: `${latestWords(sides, (point) => `loss ${formatFixed(point.validationLoss, 4)}`)}. The two losses are different functions, so compare how each falls rather than their heights.${previousWords(before)}`,
    x: { domain: [0, epochs], label: 'epoch' },
    y: { type: 'log', domain: logDomain(rows), label: 'validation loss, own loss (log)', tickFormat: '~g' },
    marks: [...previousMarks(before), ...runMarks(rows)],
  });
}

const SCORE_WORDS: Readonly<Record<ScoreKind, { label: string; axis: string }>> = {
  accuracy: { label: 'Validation accuracy of both runs per epoch', axis: 'validation accuracy (%)' },
  labels: { label: 'Validation accuracy per label of both runs per epoch (each output read at 0.5)', axis: 'labels right, validation (%)' },
  rmse: { label: 'Validation RMSE of both runs per epoch, in the target’s units', axis: 'validation RMSE (target units)' },
};

/** Both runs' score per epoch: accuracy or label accuracy in percent, or RMSE in the target's units. */
export function scoreFigure(kind: ScoreKind, sides: readonly SideCurves[], epochs: number, width: number, previous: readonly SideCurves[] = []): Plot.PlotOptions {
  const rmse = kind === 'rmse';
  const rows = rowsOf(sides, (point) => (rmse ? point.rmse : point.accuracy), false);
  const before = rowsOf(previous, (point) => (rmse ? point.rmse : point.accuracy), false);
  const shown = (point: RunEpoch) => (rmse ? `RMSE ${formatFixed(point.rmse ?? Number.NaN, 3)}` : formatPercent(point.accuracy ?? Number.NaN));
  const top = Math.max(1, ...rows.map((row) => row.value));
  return themed({
    width,
    height: 220,
    ariaLabel: SCORE_WORDS[kind].label,
    ariaDescription: `${latestWords(sides, shown)}.${rmse ? ' Lower is better.' : ''}${previousWords(before)}`,
    x: { domain: [0, epochs], label: 'epoch' },
    y: rmse ? { domain: [0, top], label: SCORE_WORDS[kind].axis } : { domain: [0, 100], label: SCORE_WORDS[kind].axis, percent: true },
    marks: [Plot.ruleY([0]), ...previousMarks(before), ...runMarks(rows)],
  });
}

/** Both runs' output-layer gradient size per epoch (mean L2 norm over the epoch's batches), on a log axis. */
export function gradientFigure(sides: readonly SideCurves[], epochs: number, width: number, previous: readonly SideCurves[] = []): Plot.PlotOptions {
  const rows = rowsOf(sides, (point) => point.outputGradient, true);
  const before = rowsOf(previous, (point) => point.outputGradient, true);
  const first = sides
    .filter((curves) => curves.points.length > 0)
    .map((curves) => `${curves.side} started at ${formatFixed(curves.points[0].outputGradient, 4)}`)
    .join(', ');
  return themed({
    width,
    height: 220,
    ariaLabel: "Size of the output layer's gradient in both runs per epoch",
    ariaDescription: `${latestWords(sides, (point) => `gradient norm ${formatFixed(point.outputGradient, 4)}`)}.${first ? ` In epoch 1, ${first}.` : ''}${previousWords(before)}`,
    x: { domain: [0, epochs], label: 'epoch' },
    y: { type: 'log', domain: logDomain(rows), label: 'output-layer gradient norm (log)', tickFormat: '~g' },
    marks: [...previousMarks(before), ...runMarks(rows)],
  });
}
