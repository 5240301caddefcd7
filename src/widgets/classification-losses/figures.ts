/**
 * Plot options for every chart of the widget, shared by the live view and the build-time
 * figure: binary mode's losses and gradients against the logit or margin, multi-class mode's
 * probabilities and p − y as bars, and calibration's reliability diagram. Each series has its
 * own dash and marker as well as colour.
 */
import * as Plot from '@observablehq/plot';
import { formatFixed } from '../common/format.ts';
import { SERIES, themed } from '../common/plot-theme.ts';
import { BINARY_LOSSES, type BinaryLoss, type CurveSample, type Probe } from './binary.ts';
import type { Calibration, CalibrationLoss } from './calibration.ts';
import type { MultiClass } from './multiclass.ts';
import { describeCurves, describeGradientBars, describeProbabilities, describeReliability } from './words.ts';

/** How each binary loss is drawn. */
export const LOSS_STYLES: Readonly<Record<BinaryLoss, { stroke: string; dash: string; symbol: string }>> = {
  bce: { stroke: SERIES[0], dash: 'none', symbol: 'circle' },
  hinge: { stroke: SERIES[1], dash: '7 4', symbol: 'triangle' },
  zero_one: { stroke: SERIES[3], dash: '2 3', symbol: 'square' },
  squared: { stroke: SERIES[2], dash: '12 3 3 3', symbol: 'diamond' },
};

/** How each calibrated model is drawn. */
export const MODEL_STYLES: Readonly<Record<CalibrationLoss, { stroke: string; dash: string; symbol: string; label: string }>> = {
  bce: { stroke: SERIES[0], dash: 'none', symbol: 'circle', label: 'trained with cross-entropy' },
  hinge: { stroke: SERIES[1], dash: '7 4', symbol: 'square', label: 'trained with hinge, σ(score)' },
};

/** The smallest loss a log axis shows: hinge and 0-1 are exactly 0 over whole ranges, which a log axis cannot draw. */
export const LOG_FLOOR = 1e-4;

/** The log axis's ticks, one per decade, written as plain decimals (0.001, not Plot's SI "1m"). */
const DECADES = [1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100];

/** What the binary charts need. */
export interface BinaryChart {
  readonly curves: readonly CurveSample[];
  readonly axis: 'logit' | 'margin';
  readonly y: 0 | 1;
  readonly range: number;
  readonly scale: 'linear' | 'log';
  readonly probe: Probe;
  readonly width: number;
}

/** The probe's position on the chart's x axis, or null when the curves are not those of a true class 1. */
export function probeX(chart: BinaryChart): number | null {
  if (chart.axis === 'logit' && chart.y === 0) return null;
  return Math.abs(chart.probe.logit) <= chart.range ? chart.probe.logit : null;
}

/** Each loss (kind 'value') or its derivative (kind 'gradient') against the logit or margin, with the probe's points marked. */
export function binaryFigure(chart: BinaryChart, kind: 'value' | 'gradient'): Plot.PlotOptions {
  const log = kind === 'value' && chart.scale === 'log';
  const rows = chart.curves.map((sample) => {
    const value = kind === 'value' ? sample.value : sample.gradient;
    return { ...sample, shown: log && !(value >= LOG_FLOOR) ? Number.NaN : value };
  });
  const finite = rows.map((row) => row.shown).filter(Number.isFinite);
  const at = probeX(chart);
  const marks: Plot.Markish[] = [Plot.ruleY([log ? LOG_FLOOR : 0], { stroke: 'var(--color-muted)' })];
  if (at !== null) marks.push(Plot.ruleX([at], { stroke: 'var(--color-muted)', strokeDasharray: '2 2' }));
  for (const id of BINARY_LOSSES) {
    const style = LOSS_STYLES[id];
    // Hinge's value is continuous at its kink, so only its gradient is drawn in pieces.
    const pieces = id === 'zero_one' || kind === 'gradient';
    marks.push(Plot.line(rows.filter((row) => row.loss === id), { x: 'x', y: 'shown', z: pieces ? 'piece' : null, stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: 2.25 }));
    if (at !== null) {
      const point = chart.probe.losses[id];
      const value = kind === 'value' ? point.value : point.gradient;
      if (!log || value >= LOG_FLOOR) marks.push(Plot.dot([{ x: at, y: value }], { x: 'x', y: 'y', r: 5.5, symbol: style.symbol, fill: style.stroke, stroke: 'var(--color-surface-raised)', strokeWidth: 1.5 }));
    }
  }
  const xLabel = chart.axis === 'logit' ? `logit z (true class ${chart.y})` : 'margin y·z (labels ±1)';
  return themed({
    width: chart.width,
    height: 260,
    marginTop: 24,
    marginLeft: 56,
    clip: true,
    ariaLabel: kind === 'value' ? `Four classification losses against the ${chart.axis}` : `Each loss's derivative with respect to the ${chart.axis}`,
    ariaDescription: describeCurves(chart, kind, at),
    x: { domain: [-chart.range, chart.range], label: xLabel },
    y: log
      ? { type: 'log', domain: [LOG_FLOOR, Math.max(1, ...finite)], ticks: DECADES.filter((tick) => tick <= Math.max(1, ...finite)), tickFormat: (tick: number) => String(tick), label: 'loss (log scale)' }
      : { domain: kind === 'value' ? [0, Math.max(1, ...finite)] : [Math.min(-1, ...finite) * 1.05, Math.max(0.25, ...finite) * 1.05], label: kind === 'value' ? 'loss' : `∂loss/∂${chart.axis === 'logit' ? 'z' : '(y·z)'}`, nice: true },
    marks,
  });
}

/** Bar labels: fewer decimals where bars are narrow. */
function barDecimals(width: number, count: number): number {
  return width / count < 70 ? 2 : 3;
}

/** Softmax's probabilities as bars, the target class's filled in the accent colour and labelled "target". */
export function probabilitiesFigure(model: MultiClass, width: number): Plot.PlotOptions {
  const rows = model.probabilities.map((p, k) => ({ name: `class ${k + 1}`, p, target: k === model.target }));
  const decimals = barDecimals(width, rows.length);
  return themed({
    width,
    height: 220,
    marginTop: 30,
    ariaLabel: 'Softmax probabilities of the logits',
    ariaDescription: describeProbabilities(model),
    x: { domain: rows.map((row) => row.name), label: null, padding: 0.2 },
    y: { domain: [0, 1], label: 'probability' },
    marks: [
      Plot.barY(rows, { x: 'name', y: 'p', fill: (row) => (row.target ? SERIES[0] : 'var(--color-muted)'), fillOpacity: (row) => (row.target ? 1 : 0.45) }),
      Plot.text(rows, { x: 'name', y: 'p', dy: -8, text: (row) => `${formatFixed(row.p, decimals)}${row.target ? ' target' : ''}`, fill: 'var(--color-text)', fontSize: 12 }),
      Plot.ruleY([0], { stroke: 'var(--color-muted)' }),
    ],
  });
}

/** The gradient p − y as bars about 0: the target's is negative (its logit should rise), every other class's positive. */
export function gradientBarsFigure(model: MultiClass, width: number): Plot.PlotOptions {
  const rows = model.gradient.map((g, k) => ({ name: `class ${k + 1}`, g, target: k === model.target }));
  const decimals = barDecimals(width, rows.length);
  return themed({
    width,
    height: 220,
    marginTop: 24,
    ariaLabel: 'The gradient of cross-entropy with respect to each logit, p − y',
    ariaDescription: describeGradientBars(model),
    x: { domain: rows.map((row) => row.name), label: null, padding: 0.2 },
    y: { domain: [-1.15, 1.15], label: '∂CE/∂z = p − y' },
    marks: [
      Plot.barY(rows, { x: 'name', y: 'g', fill: (row) => (row.target ? SERIES[0] : SERIES[1]) }),
      ...[true, false].map((below) => Plot.text(rows.filter((row) => row.g < 0 === below), { x: 'name', y: 'g', dy: below ? 10 : -8, text: (row) => formatFixed(row.g, decimals), fill: 'var(--color-text)', fontSize: 12 })),
      Plot.ruleY([0], { stroke: 'var(--color-text)' }),
    ],
  });
}

/** The reliability diagram: each model's mean prediction against the observed share of class 1 per bin, over the diagonal of perfect calibration. */
export function reliabilityFigure(result: Calibration, width: number): Plot.PlotOptions {
  const marks: Plot.Markish[] = [Plot.line([{ x: 0, y: 0 }, { x: 1, y: 1 }], { x: 'x', y: 'y', stroke: 'var(--color-muted)', strokeDasharray: '1 3', strokeWidth: 1.5 })];
  for (const id of ['bce', 'hinge'] as const) {
    const style = MODEL_STYLES[id];
    const bins = result.models[id].bins.filter((bin) => bin.count > 0);
    marks.push(
      Plot.line(bins, { x: 'meanPredicted', y: 'observed', stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: 2.25 }),
      Plot.dot(bins, { x: 'meanPredicted', y: 'observed', r: 5, symbol: style.symbol, fill: style.stroke, stroke: 'var(--color-surface-raised)', strokeWidth: 1.5 }),
    );
  }
  return themed({
    width,
    height: Math.min(420, Math.max(260, width * 0.7)),
    marginTop: 20,
    ariaLabel: 'Reliability diagram: predicted probability of class 1 against the observed share of class 1, per bin',
    ariaDescription: describeReliability(result),
    x: { domain: [0, 1], label: 'mean predicted P(class 1) in the bin' },
    y: { domain: [0, 1], label: 'observed share of class 1' },
    marks,
  });
}
