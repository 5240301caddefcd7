/**
 * What the gradient-depth widget draws at initialisation, as Observable Plot options: each
 * layer's weight-gradient norm beside the theory line, each layer's mean |f'(z)|, and each
 * layer's activations as small multiples. The live view and the build-time figure share them.
 * The two runs differ in colour and in marker (A: circles, solid; B: squares, dashed), never
 * in colour alone; values that are not finite are left out of the marks and named in the text.
 */
import * as Plot from '@observablehq/plot';
import { formatExponential, formatFixed, formatPercent, plural } from '../common/format.ts';
import { themed } from '../common/plot-theme.ts';
import type { DepthMeasurement } from './model.ts';
import { RUNS, type RunName } from './state.ts';

/** How each run is drawn: colour, marker and dash, so print and colour-blind readers tell them apart. */
export const RUN_STYLE: Readonly<Record<RunName, { colour: string; symbol: string; dash: string | undefined }>> = {
  A: { colour: 'var(--series-1)', symbol: 'circle', dash: undefined },
  B: { colour: 'var(--series-2)', symbol: 'square', dash: '6 3' },
};

/** Each run's name in charts and legends ("A: sigmoid, Xavier/Glorot"). */
export type RunTitles = Readonly<Record<RunName, string>>;

/** Both runs measured at initialisation. */
export type Measurements = Readonly<Record<RunName, DepthMeasurement>>;

/** A height that suits the width: flatter on a wide screen, never too flat on a phone. */
export function chartHeight(width: number, ratio = 0.45): number {
  return Math.round(Math.max(170, Math.min(260, width * ratio)));
}

/** The layer axis: hidden layers 1 to depth, then "out" for the output layer, with at most about ten ticks. */
export function layerAxis(depth: number, width: number): Plot.ScaleOptions {
  const count = depth + 1;
  const stride = Math.max(1, Math.ceil(count / Math.max(4, Math.floor(width / 45))));
  const ticks = Array.from({ length: count }, (_, i) => i + 1).filter((layer) => (layer - 1) % stride === 0 || layer === count);
  return { domain: [0.5, count + 0.5], ticks, tickFormat: (layer: number) => (layer === count ? 'out' : String(layer)), label: 'layer (1 = first hidden, out = output)' };
}

/** A value that a log axis can show: finite and above zero. */
export function positive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

/** One run's value at one layer (1-based). */
export interface LayerPoint {
  run: RunName;
  layer: number;
  value: number;
}

/** Dots joined by a line per run, in the run's style; 'dotted' draws a dotted line without markers (the theory line). */
export function runMarks(points: readonly LayerPoint[], dash: 'run' | 'dotted'): Plot.Markish[] {
  return RUNS.flatMap((run) => {
    const own = points.filter((point) => point.run === run);
    const style = RUN_STYLE[run];
    if (dash === 'dotted') return [Plot.line(own, { x: 'layer', y: 'value', stroke: style.colour, strokeWidth: 1.5, strokeDasharray: '2 3', strokeOpacity: 0.9 })];
    return [
      Plot.line(own, { x: 'layer', y: 'value', stroke: style.colour, strokeWidth: 2, strokeDasharray: style.dash }),
      Plot.dot(own, { x: 'layer', y: 'value', fill: style.colour, symbol: style.symbol, r: 3.5, stroke: 'var(--color-bg)', strokeWidth: 0.8 }),
    ];
  });
}

/** Each run's layers as plot points of `value`, with the layers whose value cannot be drawn on a log axis counted. */
function layerPoints(measurements: Measurements, value: (layer: DepthMeasurement['layers'][number]) => number | null, keep: (value: number) => boolean) {
  const points: LayerPoint[] = [];
  const missing: Record<RunName, number> = { A: 0, B: 0 };
  for (const run of RUNS) {
    measurements[run].layers.forEach((layer, l) => {
      const v = value(layer);
      if (v === null) return;
      if (keep(v)) points.push({ run, layer: l + 1, value: v });
      else missing[run]++;
    });
  }
  return { points, missing };
}

/** Words for the layers left out of a chart because their value was not finite (or zero on a log axis). */
function missingWords(missing: Readonly<Record<RunName, number>>, titles: RunTitles, why: string): string {
  return RUNS.filter((run) => missing[run] > 0)
    .map((run) => ` ${titles[run]}: ${plural(missing[run], 'layer')} not drawn, because ${why}.`)
    .join('');
}

/** The weight-gradient norm of each layer at initialisation (log axis), measured and predicted, for both runs. */
export function gradientFigure(measurements: Measurements, titles: RunTitles, depth: number, width: number): Plot.PlotOptions {
  const measured = layerPoints(measurements, (layer) => layer.weightGradientNorm, positive);
  const theory = layerPoints(measurements, (layer) => layer.theoryNorm, positive);
  const all = [...measured.points, ...theory.points].map((point) => point.value);
  const domain: [number, number] = all.length > 0 ? [Math.min(...all) / 2, Math.max(...all) * 2] : [1e-8, 1];
  const ratio = (run: RunName) => {
    const r = measurements[run].firstToLastRatio;
    return positive(r) ? `the first layer's gradient is ${formatExponential(r)} times the output layer's` : 'the ratio of the first layer to the output layer cannot be computed';
  };
  return themed({
    width,
    height: chartHeight(width),
    marginLeft: 56,
    ariaLabel: 'Gradient norm of each layer’s weights at initialisation, on a logarithmic axis, measured and as the theory predicts',
    ariaDescription:
      RUNS.map((run) => `${titles[run]}: ${ratio(run)}.`).join(' ') +
      ' Dotted lines are the theory: the output layer’s gradient times the product of the per-layer factors.' +
      missingWords(measured.missing, titles, 'its gradient was zero or not a finite number'),
    x: layerAxis(depth, width),
    y: { type: 'log', domain, label: '‖∂L/∂W‖ (log scale)', tickFormat: '.0e', ticks: 5 },
    marks: [...runMarks(theory.points, 'dotted'), ...runMarks(measured.points, 'run')],
  });
}

/** The mean |f'(z)| of each hidden layer at initialisation, for both runs. */
export function derivativeFigure(measurements: Measurements, titles: RunTitles, depth: number, width: number): Plot.PlotOptions {
  const hidden = (layer: DepthMeasurement['layers'][number]) => (layer.layer < depth ? layer.meanAbsoluteDerivative : null);
  const { points, missing } = layerPoints(measurements, hidden, Number.isFinite);
  const largest = Math.max(1, ...points.map((point) => point.value));
  const mean = (run: RunName) => {
    const values = points.filter((point) => point.run === run).map((point) => point.value);
    return values.length > 0 ? formatFixed(values.reduce((a, b) => a + b, 0) / values.length, 2) : 'not measurable';
  };
  return themed({
    width,
    height: chartHeight(width, 0.38),
    ariaLabel: 'Mean absolute derivative of the activation, |f′(z)|, in each hidden layer at initialisation',
    ariaDescription: `Averaged over the hidden layers: ${RUNS.map((run) => `${titles[run]} ${mean(run)}`).join('; ')}. Below 1 a layer shrinks the gradient passing back through it; the sigmoid's derivative is at most 0.25.${missingWords(missing, titles, 'its derivative was not a finite number')}`,
    x: layerAxis(depth, width),
    y: { domain: [0, largest * 1.05], label: 'mean |f′(z)|' },
    marks: [Plot.ruleY([0]), Plot.ruleY([0.25], { stroke: 'var(--color-muted, currentColor)', strokeDasharray: '1 3' }), ...runMarks(points, 'run')],
  });
}

/** The most layers shown as small multiples; deeper networks show an even selection, first and last included. */
const MAX_PANELS = 10;

/** The hidden layers (0-based) a histogram grid shows. */
export function shownLayers(depth: number): number[] {
  if (depth <= MAX_PANELS) return Array.from({ length: depth }, (_, i) => i);
  return Array.from({ length: MAX_PANELS }, (_, k) => Math.round((k * (depth - 1)) / (MAX_PANELS - 1)));
}

interface Bar {
  panel: number;
  x1: number;
  x2: number;
  share: number;
}

/** One run's hidden-layer activations at initialisation, as a grid of histograms (share of values per bin). */
export function histogramFigure(measurement: DepthMeasurement, title: string, run: RunName, depth: number, width: number): Plot.PlotOptions {
  const layers = shownLayers(depth);
  const columns = width < 420 ? 3 : 5;
  const bars: Bar[] = [];
  const labels: { panel: number; text: string }[] = [];
  layers.forEach((l, panel) => {
    const { histogram, saturatedFraction, zeroFraction, nonFiniteFraction } = measurement.layers[l].activations;
    const total = histogram.counts.reduce((a, b) => a + b, 0) + histogram.below + histogram.above;
    const binWidth = (histogram.max - histogram.min) / histogram.counts.length;
    histogram.counts.forEach((count, i) => {
      bars.push({ panel, x1: histogram.min + i * binWidth, x2: histogram.min + (i + 1) * binWidth, share: total > 0 ? count / total : 0 });
    });
    const notes = [
      saturatedFraction !== null && saturatedFraction >= 0.1 ? `${formatPercent(saturatedFraction)} saturated` : '',
      zeroFraction >= 0.1 ? `${formatPercent(zeroFraction)} zero` : '',
      total > 0 && (histogram.below + histogram.above) / total >= 0.1 ? `${formatPercent((histogram.below + histogram.above) / total)} off scale` : '',
      nonFiniteFraction > 0 ? `${formatPercent(nonFiniteFraction)} not finite` : '',
    ].filter(Boolean);
    labels.push({ panel, text: [`layer ${l + 1}`, ...notes].join('\n') });
  });
  const range = measurement.layers[0].activations.histogram;
  const panelOf = (panel: number) => ({ fx: panel % columns, fy: Math.floor(panel / columns) });
  return themed({
    width,
    height: Math.ceil(layers.length / columns) * 92 + 40,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 8,
    grid: false,
    caption: title,
    ariaLabel: `${title}: distribution of each hidden layer’s activations at initialisation`,
    ariaDescription: describeHistograms(measurement, title, layers),
    fx: { axis: null, padding: 0.25 },
    fy: { axis: null, padding: 0.2 },
    x: { domain: [range.min, range.max], label: 'activation', ticks: [range.min, range.max], tickFormat: '~g' },
    y: { axis: null },
    marks: [
      Plot.frame({ stroke: 'var(--color-border, currentColor)', strokeOpacity: 0.4 }),
      Plot.rectY(bars, { x1: 'x1', x2: 'x2', y: 'share', ...facets(bars, panelOf), fill: RUN_STYLE[run].colour, insetLeft: 0.5, insetRight: 0.5 }),
      Plot.text(labels, { text: 'text', ...facets(labels, panelOf), frameAnchor: 'top-left', dx: 3, dy: 3, fontSize: 10, lineHeight: 1.1 }),
    ],
  });
}

/** Facet channels for rows that carry a panel number. */
function facets<T extends { panel: number }>(rows: readonly T[], panelOf: (panel: number) => { fx: number; fy: number }) {
  return { fx: rows.map((row) => panelOf(row.panel).fx), fy: rows.map((row) => panelOf(row.panel).fy) };
}

/** What the activation grid shows, in words: spread, saturation, zeros and anything not finite, first and last layer. */
function describeHistograms(measurement: DepthMeasurement, title: string, layers: readonly number[]): string {
  const layerWords = (l: number) => {
    const a = measurement.layers[l].activations;
    const parts = [`standard deviation ${Number.isFinite(a.standardDeviation) ? formatExponential(a.standardDeviation) : 'not measurable'}`];
    if (a.saturatedFraction !== null) parts.push(`${formatPercent(a.saturatedFraction)} saturated`);
    if (a.zeroFraction > 0) parts.push(`${formatPercent(a.zeroFraction)} exactly zero`);
    if (a.nonFiniteFraction > 0) parts.push(`${formatPercent(a.nonFiniteFraction)} not finite`);
    return `layer ${l + 1}: ${parts.join(', ')}`;
  };
  const first = layers[0];
  const last = layers.at(-1)!;
  const shown = layers.length < measurement.layers.length - 1 ? ` Shown: layers ${layers.map((l) => l + 1).join(', ')}.` : '';
  return `${title}. ${layerWords(first)}${last !== first ? `; ${layerWords(last)}` : ''}.${shown}${measurement.finite ? '' : ' Some values were infinite or not a number: the weights explode.'}`;
}
