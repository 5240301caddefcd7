/**
 * What the softmax widget draws, as Observable Plot options built from the model's result. The
 * live view and the build-time figure call the same functions. Every bar carries its value as
 * text, so colour never codes anything alone; a naive probability that is NaN is drawn as a
 * dashed empty bar with "NaN" written in it, never left out.
 */
import * as Plot from '@observablehq/plot';
import { decimalsOf, formatFixed } from '../common/format.ts';
import { SERIES, themed } from '../common/plot-theme.ts';
import type { SoftmaxResult } from './model.ts';
import { LOGIT_WINDOW } from './state.ts';
import { describeJacobian, describeGradient, describeLogits, describeNaive, describeProbabilities } from './words.ts';

/** One bar: its class (as the axis names it, "1" …), the height drawn, and its label at a number of decimals. */
interface Bar {
  label: string;
  value: number;
  text: (decimals: number) => string;
}

/**
 * How bars are labelled at a chart's width: three decimals where a band is wide, fewer and
 * smaller where ten classes share a phone's width, so labels never run into each other (the
 * table under the charts has every value in full).
 */
function labelStyle(width: number, count: number): { decimals: number; fontSize: number } {
  const band = (width - 72) / count;
  if (band >= 36) return { decimals: 3, fontSize: 11 };
  return band >= 26 ? { decimals: 2, fontSize: 10 } : { decimals: 1, fontSize: 9 };
}

/**
 * The heatmap's colour bands: seven of a red–blue diverging scheme (red negative, blue
 * positive; no entry can pass ±1/4, since p(1 − p) and p_i p_j are at most 1/4), the middle
 * one, −0.02 to 0.02, centred on 0. Banded rather than continuous because Plot draws a
 * continuous legend on a canvas, which the build-time figure (jsdom) lacks; every cell's value
 * is written on it or in the table below anyway.
 */
const COLOUR_THRESHOLDS = [-0.15, -0.08, -0.02, 0.02, 0.08, 0.15];

/** Cells whose band is this dark or darker get white numbers; the scheme is the same in both themes. */
const DARK_CELL = 0.08;

/** The p − y axis runs a little past ±1, so the label under a bar of p − 1 = −1 clears the class axis. */
const GRADIENT_LIMIT = 1.2;

/** Cells narrower than this (in pixels) show no number; the table under the heatmap has them all. */
const MIN_LABELLED_CELL = 38;

/** The class names along an axis: "1", "2", …. */
function classLabel(index: number): string {
  return String(index + 1);
}

/** Value labels just above a positive bar and just below a negative one. */
function barLabels(bars: readonly Bar[], width: number) {
  const { decimals, fontSize } = labelStyle(width, bars.length);
  const labelled = bars.map((bar) => ({ ...bar, text: bar.text(decimals) }));
  const style = { x: 'label', y: 'value', text: 'text', fill: 'var(--color-text)', fontSize } as const;
  return [
    Plot.text(labelled.filter((bar) => bar.value >= 0), { ...style, dy: -7 }),
    Plot.text(labelled.filter((bar) => bar.value < 0), { ...style, dy: 9 }),
  ];
}

/** The shared frame of every bar chart: classes along x, a rule at 0. */
function barChart(bars: readonly Bar[], width: number, options: Plot.PlotOptions & { fill: string }): Plot.PlotOptions {
  const { fill, marks = [], ...rest } = options;
  return themed({
    width,
    height: 190,
    marginTop: 24,
    marginLeft: 52,
    x: { label: 'class', domain: bars.map((bar) => bar.label), padding: 0.25 },
    ...rest,
    marks: [Plot.barY(bars, { x: 'label', y: 'value', fill }), Plot.ruleY([0], { stroke: 'var(--color-muted)' }), ...barLabels(bars, width), ...marks],
  });
}

/** A probability-like value's label at the decimals the chart's width allows. */
const fixed = (value: number) => (decimals: number) => formatFixed(value, decimals);

/** The logits as bars the reader can drag; a logit outside the window reaches its edge and is marked with an arrow. */
export function logitsFigure(result: SoftmaxResult, width: number): Plot.PlotOptions {
  const [low, high] = LOGIT_WINDOW;
  const bars = result.logits.map((z, index) => {
    const arrow = z > high ? '▲ ' : z < low ? '▼ ' : '';
    const text = (decimals: number) => `${arrow}${formatFixed(z, Math.min(decimals - 1, decimalsOf(z)))}`;
    return { label: classLabel(index), value: Math.min(high, Math.max(low, z)), text };
  });
  return barChart(bars, width, {
    fill: SERIES[0],
    ariaLabel: 'Logits z, one bar per class',
    ariaDescription: describeLogits(result),
    y: { label: 'logit z', domain: [low, high], grid: true },
  });
}

/** The stable probabilities softmax(z / T), each bar labelled. */
export function probabilityFigure(result: SoftmaxResult, width: number): Plot.PlotOptions {
  const bars = result.probabilities.map((p, index) => ({ label: classLabel(index), value: p, text: fixed(p) }));
  return barChart(bars, width, {
    fill: SERIES[2],
    ariaLabel: 'Probabilities from the stable formula, max-subtracted',
    ariaDescription: describeProbabilities(result),
    y: { label: 'probability p', domain: [0, 1] },
  });
}

/**
 * The naive quotients e^(z/T) / Σ e^(z/T). A NaN has no height, so it is drawn as a dashed
 * outline the full height of the axis with "NaN" inside: a gap that says what it is.
 */
export function naiveFigure(result: SoftmaxResult, width: number): Plot.PlotOptions {
  const { probabilities } = result.naive;
  const bars = probabilities.map((p, index) => ({ label: classLabel(index), value: Number.isNaN(p) ? 0 : p, text: Number.isNaN(p) ? () => '' : fixed(p) }));
  const gaps = bars.filter((_, index) => Number.isNaN(probabilities[index])).map((bar) => ({ ...bar, value: 1, text: 'NaN' }));
  return barChart(bars, width, {
    fill: SERIES[3],
    ariaLabel: 'Probabilities from the naive formula, exp(z) over the sum of exp(z)',
    ariaDescription: describeNaive(result),
    y: { label: 'probability p', domain: [0, 1] },
    marks: [
      Plot.barY(gaps, { x: 'label', y: 'value', fill: 'none', stroke: 'var(--color-warning)', strokeDasharray: '5 4', strokeWidth: 1.5 }),
      Plot.text(gaps, { x: 'label', y: 0.5, text: 'text', fill: 'var(--color-warning)', fontWeight: 700, fontSize: 13 }),
    ],
  });
}

/** The Jacobian diag(p) − p pᵀ as a heatmap on a diverging scale centred at 0, with a legend and (where cells are wide enough) each value. */
export function jacobianFigure(result: SoftmaxResult, width: number): Plot.PlotOptions {
  const count = result.probabilities.length;
  const side = Math.min(width, 420);
  const cells = result.jacobian.flatMap((row, i) =>
    row.map((value, j) => ({ row: classLabel(i), column: classLabel(j), value, text: formatFixed(value, 2) })),
  );
  const cellWidth = (side - 70) / count;
  return themed({
      width: side,
      height: side - 40,
      marginLeft: 52,
      marginTop: 8,
      grid: false,
      ariaLabel: 'Jacobian of softmax with respect to the scaled logits z/T, diag(p) minus p p-transpose, as a heatmap',
      ariaDescription: describeJacobian(result),
      x: { label: 'with respect to logit j', domain: cells.slice(0, count).map((cell) => cell.column) },
      y: { label: 'probability i', domain: cells.slice(0, count).map((cell) => cell.column) },
      color: { type: 'threshold', scheme: 'RdBu', domain: COLOUR_THRESHOLDS, legend: true, label: '∂pᵢ/∂(zⱼ/T)', tickFormat: (value: number) => formatFixed(value, 2) },
      marks: [
        Plot.cell(cells, { x: 'column', y: 'row', fill: 'value', inset: 0.5 }),
        ...(cellWidth >= MIN_LABELLED_CELL
          ? [Plot.text(cells, { x: 'column', y: 'row', text: 'text', fill: (cell) => (Math.abs(cell.value) >= DARK_CELL ? 'white' : 'black'), fontSize: 11 })]
          : []),
      ],
    });
}

/** The gradient of the cross-entropy −log p_y with respect to the scaled logits: p − y, one bar per class. */
export function gradientFigure(result: SoftmaxResult, width: number): Plot.PlotOptions {
  const bars = result.gradient.map((g, index) => ({ label: classLabel(index), value: g, text: fixed(g) }));
  const { fontSize } = labelStyle(width, bars.length);
  return barChart(bars, width, {
    fill: SERIES[1],
    // "true" at the top of the true class's band: its bar, p − 1, is never above 0, so nothing is drawn there.
    marks: [Plot.text([classLabel(result.trueClass)], { x: (label) => label, y: GRADIENT_LIMIT, dy: 4, text: () => 'true', fill: 'var(--color-text)', fontWeight: 700, fontSize: fontSize + 1 })],
    ariaLabel: 'Gradient of the cross-entropy with respect to the scaled logits z/T, p minus y',
    ariaDescription: describeGradient(result),
    y: { label: 'p − y', domain: [-GRADIENT_LIMIT, GRADIENT_LIMIT] },
  });
}
