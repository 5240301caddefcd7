/**
 * What the activation explorer draws, as Observable Plot options built from its state and the
 * model's curves: f(z), f'(z) on the same z axis, and where one layer's pre-activations land
 * under f'(z). The live view and the build-time figure both call these.
 *
 * Each chosen function keeps its slot's colour and dash in every chart (colour is never the only
 * code), and every chart says in its description what it draws, in words.
 */
import * as Plot from '@observablehq/plot';
import { formatCount, formatExponential, formatFixed, formatPercent } from '../common/format.ts';
import { SERIES, themed } from '../common/plot-theme.ts';
import { SATURATION_THRESHOLD, type Curve, type CurvePoint, type InputsLand } from './model.ts';
import { parametersOf, type ActivationExplorerState } from './state.ts';

/** How a slot's line looks: its colour, its dash and the dash in words. */
export interface SeriesStyle {
  colour: string;
  dash: string;
  dashName: string;
}

/** Slot 1, 2 and 3's styles: solid, dashed, dotted, so the lines differ without colour ('none' writes no dash attribute). */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: SERIES[0], dash: 'none', dashName: 'solid' },
  { colour: SERIES[1], dash: '8 4', dashName: 'dashed' },
  { colour: SERIES[2], dash: '2 3', dashName: 'dotted' },
];

/** The chart's default width, for the build-time figure. */
export const DEFAULT_WIDTH = 640;

/** Fixed margins, so the view (and the tests) can map z to pixels. */
export const MARGINS = { marginLeft: 56, marginRight: 56, marginTop: 16, marginBottom: 40 } as const;

/** The name a series is shown under: the library's name, with its α where it has one. */
export function seriesName(state: ActivationExplorerState, curve: Curve): string {
  const alpha = parametersOf(state, curve.id)?.alpha;
  return alpha === undefined ? curve.name : `${curve.name} (α = ${formatFixed(alpha, 2)})`;
}

/** A number short enough for a description: two decimals, or scientific when that would read 0.00. */
function short(value: number): string {
  return value !== 0 && Math.abs(value) < 0.005 ? formatExponential(value, 1) : formatFixed(value, 2);
}

/** A list in words: "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

type Value = 'f' | 'df';

/**
 * A curve's points ready for a line: where the plotted value jumps at a kink (f of the step,
 * f' of every kinked function), a gap (a point with no value, which Plot leaves undrawn) is put
 * on the side of the jump, so no steep segment pretends the value passes between the branches.
 */
function linePoints(curve: Curve, value: Value): CurvePoint[] {
  if (value === 'f' && curve.id !== 'step') return curve.points;
  const points = [...curve.points];
  for (const kink of curve.kinks) {
    const k = points.findIndex((point) => point.z === kink);
    if (k <= 0 || k >= points.length - 1) continue;
    const [left, here, right] = [points[k - 1][value], points[k][value], points[k + 1][value]];
    const at = Math.abs(here - left) > Math.abs(right - here) ? k : k + 1;
    points.splice(at, 0, { z: kink, f: Number.NaN, df: Number.NaN });
  }
  return points;
}

/** One line per curve in its slot's style; `scale` stretches the value (the inputs chart). */
function lines(state: ActivationExplorerState, curves: readonly Curve[], value: Value, scale = 1) {
  return curves.map((curve, slot) =>
    Plot.line(linePoints(curve, value), {
      x: 'z',
      y: (point: CurvePoint) => point[value] * scale,
      stroke: SERIES_STYLES[slot].colour,
      strokeDasharray: SERIES_STYLES[slot].dash,
      strokeWidth: 2.2,
      title: () => seriesName(state, curve),
      className: `al-curve al-curve-${slot + 1}`,
    }),
  );
}

/** The saturated zones as light rects of each function's colour, full height, behind the lines. */
function saturationMarks(state: ActivationExplorerState, curves: readonly Curve[]) {
  if (state.saturation !== 'on') return [];
  return curves.map((curve, slot) =>
    Plot.rect(curve.saturated, { x1: (zone: [number, number]) => zone[0], x2: (zone: [number, number]) => zone[1], fill: SERIES_STYLES[slot].colour, fillOpacity: 0.1, className: `al-saturated al-saturated-${slot + 1}` }),
  );
}

/** A vertical rule at the probe z, when it lies in the window. */
function probeMark(state: ActivationExplorerState) {
  if (Math.abs(state.z) > state.range) return [];
  return [Plot.ruleX([state.z], { stroke: 'var(--color-text)', strokeOpacity: 0.6, strokeWidth: 1.5, className: 'al-probe' })];
}

/** A dot at each kink on each curve, at the value the library takes there. */
function kinkMarks(curves: readonly Curve[], value: Value) {
  return curves.map((curve, slot) =>
    Plot.dot(
      curve.points.filter((point) => curve.kinks.includes(point.z)),
      { x: 'z', y: value, r: 4, fill: SERIES_STYLES[slot].colour, stroke: 'var(--color-bg)', className: `al-kink al-kink-${slot + 1}` },
    ),
  );
}

/** A zone in words: "z ≤ -4.60", "z ≥ 4.60", "-1.00 ≤ z ≤ 1.00", or the whole window. */
function zoneWords(zone: readonly [number, number], range: number): string {
  const [from, to] = zone;
  if (from <= -range && to >= range) return 'the whole window';
  if (from <= -range) return `z ≤ ${short(to)}`;
  if (to >= range) return `z ≥ ${short(from)}`;
  return `${short(from)} ≤ z ≤ ${short(to)}`;
}

/** Where each function is saturated, in words; nothing when shading is off. */
function saturationWords(state: ActivationExplorerState, curves: readonly Curve[]): string {
  if (state.saturation !== 'on') return '';
  const parts = curves.map((curve) =>
    curve.saturated.length === 0 ? `${seriesName(state, curve)} nowhere` : `${seriesName(state, curve)} for ${listed(curve.saturated.map((zone) => zoneWords(zone, state.range)))}`,
  );
  return ` Shaded in each function's colour, where |f′(z)| < ${SATURATION_THRESHOLD} (saturated): ${parts.join('; ')}.`;
}

/** Which functions are drawn, and how each line looks. */
function seriesWords(state: ActivationExplorerState, curves: readonly Curve[]): string {
  return listed(curves.map((curve, slot) => `${seriesName(state, curve)} (${SERIES_STYLES[slot].dashName} line)`));
}

/** What the probe and the kink dots mark, in words. */
function markWords(state: ActivationExplorerState, curves: readonly Curve[], value: Value): string {
  const probe = Math.abs(state.z) > state.range ? ` The probe at z = ${short(state.z)} lies outside the window.` : ` A vertical rule marks the probe at z = ${short(state.z)}.`;
  const kinked = curves.filter((curve) => curve.kinks.length > 0);
  const kinks = kinked.map((curve) => {
    const at = curve.points.filter((point) => curve.kinks.includes(point.z));
    return `${seriesName(state, curve)} at ${listed(at.map((point) => `z = ${short(point.z)}, where the library takes ${value === 'f' ? 'f' : 'f′'} = ${short(point[value])}`))}`;
  });
  return `${probe}${kinks.length ? ` Dots mark the kinks: ${kinks.join('; ')}.` : ''}`;
}

/** The smallest and largest finite value a curve takes in the window. */
function extent(curve: Curve, value: Value): [number, number] {
  const values = curve.points.map((point) => point[value]).filter(Number.isFinite);
  return [Math.min(...values), Math.max(...values)];
}

/** The x scale every chart shares, so f and f' stand on one z axis. */
function zAxis(state: ActivationExplorerState): Plot.ScaleOptions {
  return { domain: [-state.range, state.range], label: 'z (pre-activation)' };
}

/** f(z) of every chosen function over the window, saturated zones shaded, kinks and probe marked. */
export function functionFigure(state: ActivationExplorerState, curves: readonly Curve[], width = DEFAULT_WIDTH): Plot.PlotOptions {
  const ranges = curves.map((curve) => {
    const [low, high] = extent(curve, 'f');
    return `${seriesName(state, curve)} runs from ${short(low)} to ${short(high)}`;
  });
  return themed({
    ...MARGINS,
    width,
    height: Math.round(Math.min(300, Math.max(220, width * 0.42))),
    ariaLabel: `Activation functions f(z): ${listed(curves.map((curve) => seriesName(state, curve)))}`,
    ariaDescription: `f(z) of ${seriesWords(state, curves)}, for z from ${short(-state.range)} to ${short(state.range)}. On this window ${ranges.join('; ')}.${saturationWords(state, curves)}${markWords(state, curves, 'f')}`,
    x: zAxis(state),
    y: { label: 'f(z)', nice: true },
    marks: [
      ...saturationMarks(state, curves),
      Plot.ruleY([0], { stroke: 'var(--color-border)' }),
      ...probeMark(state),
      ...lines(state, curves, 'f'),
      ...kinkMarks(curves, 'f'),
    ],
  });
}

/** The threshold rules at f' = ±0.01 (the negative one only where some f' goes below it). */
function thresholdMarks(state: ActivationExplorerState, curves: readonly Curve[], scale = 1) {
  if (state.saturation !== 'on') return [];
  const negative = curves.some((curve) => extent(curve, 'df')[0] < -SATURATION_THRESHOLD);
  const levels = negative ? [SATURATION_THRESHOLD, -SATURATION_THRESHOLD] : [SATURATION_THRESHOLD];
  return [Plot.ruleY(levels.map((level) => level * scale), { stroke: 'var(--color-muted)', strokeDasharray: '3 3', className: 'al-threshold' })];
}

/** f'(z) of every chosen function on the same z axis as f(z), with the |f'| = 0.01 threshold. */
export function derivativeFigure(state: ActivationExplorerState, curves: readonly Curve[], width = DEFAULT_WIDTH): Plot.PlotOptions {
  const peaks = curves.map((curve) => {
    const [low, high] = extent(curve, 'df');
    return `${seriesName(state, curve)}'s from ${short(low)} to ${short(high)}`;
  });
  const threshold = state.saturation === 'on' ? ` A dashed horizontal rule marks |f′| = ${SATURATION_THRESHOLD}.` : '';
  return themed({
    ...MARGINS,
    width,
    height: Math.round(Math.min(240, Math.max(180, width * 0.32))),
    ariaLabel: `Derivatives f′(z): ${listed(curves.map((curve) => seriesName(state, curve)))}`,
    ariaDescription: `f′(z) of ${seriesWords(state, curves)}, for z from ${short(-state.range)} to ${short(state.range)}. On this window f′ runs: ${peaks.join('; ')}.${saturationWords(state, curves)}${threshold}${markWords(state, curves, 'df')}`,
    x: zAxis(state),
    y: { label: 'f′(z)', nice: true, domain: derivativeDomain(curves) },
    marks: [
      ...saturationMarks(state, curves),
      Plot.ruleY([0], { stroke: 'var(--color-border)' }),
      ...thresholdMarks(state, curves),
      ...probeMark(state),
      ...lines(state, curves, 'df'),
      ...kinkMarks(curves, 'df'),
    ],
  });
}

/** A flat-zero derivative (the step's) gets [-1, 1], so the line sits visibly at zero mid-chart. */
function derivativeDomain(curves: readonly Curve[]): [number, number] | undefined {
  return curves.every((curve) => curve.points.every((point) => point.df === 0)) ? [-1, 1] : undefined;
}

/**
 * The pre-activation histogram (share of units per bin) under f'(z) of the chosen functions.
 *
 * Plot has one y scale per chart, and two stacked facets would share it, so f' is drawn scaled:
 * its largest |f'| on the window is stretched to the tallest bar. The left axis reads the
 * histogram (share of units per bin) and a second axis on the right reads f' in its own units
 * (ticks placed at f' × scale, labelled f'), so both are read off the chart without converting.
 */
export function inputsLandFigure(state: ActivationExplorerState, land: InputsLand, curves: readonly Curve[], width = DEFAULT_WIDTH): Plot.PlotOptions {
  const tallest = Math.max(0, ...land.bins.map((bin) => bin.share));
  const top = tallest > 0 ? tallest : 0.05;
  const peak = Math.max(0, ...curves.map((curve) => Math.max(...extent(curve, 'df').map(Math.abs))));
  const fTop = peak > 0 ? peak : 1;
  const scale = top / fTop;
  const fTicks = ticks(fTop);
  return themed({
    ...MARGINS,
    width,
    height: Math.round(Math.min(280, Math.max(200, width * 0.38))),
    ariaLabel: `Where one layer's pre-activations land, under f′(z) of ${listed(curves.map((curve) => seriesName(state, curve)))}`,
    ariaDescription: inputsLandWords(state, land, curves),
    x: zAxis(state),
    y: { label: 'share of units per bin', domain: [Math.min(0, ...curves.map((curve) => extent(curve, 'df')[0] * scale)), top] },
    marks: [
      ...saturationMarks(state, curves),
      Plot.rectY(land.bins, { x1: 'from', x2: 'to', y: 'share', fill: 'var(--color-muted)', fillOpacity: 0.45, inset: 0.5, className: 'al-bins' }),
      Plot.ruleY([0], { stroke: 'var(--color-border)' }),
      ...thresholdMarks(state, curves, scale),
      // A mark axis replaces Plot's implicit one, so the left axis is drawn here too.
      Plot.axisY({ anchor: 'left', label: 'share of units per bin', tickFormat: '.1%' }),
      Plot.gridY({ strokeOpacity: 0.1 }),
      Plot.axisY(fTicks.map((tick) => tick * scale), { anchor: 'right', label: 'f′(z), scaled', tickFormat: (value: number) => short(value / scale) }),
      ...lines(state, curves, 'df', scale),
    ],
  });
}

/** Round ticks from 0 to `top` (about four): steps of 1, 2 or 5 times a power of ten. */
function ticks(top: number): number[] {
  const rough = top / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? rough;
  return Array.from({ length: Math.floor(top / step + 1e-9) + 1 }, (_, i) => i * step);
}

/** The inputs chart in words: the layer, where the units fall and each function's saturated share. */
function inputsLandWords(state: ActivationExplorerState, land: InputsLand, curves: readonly Curve[]): string {
  const total = land.samples.length;
  const outside = land.below + land.above;
  const outsideWords = outside > 0 ? ` ${formatPercent(outside / total)} fall outside the window (${formatPercent(land.below / total)} below, ${formatPercent(land.above / total)} above) and are not drawn.` : '';
  // The model lists the shares in slot order, as it does the curves.
  const shares = land.saturated.map((item, slot) => `${curves[slot] ? seriesName(state, curves[slot]) : item.name} ${formatPercent(item.share)}`);
  return `A histogram of ${formatCount(total)} pre-activations z = w·x + b of one layer at initialisation (fan-in ${state.fanIn}, weight standard deviation ${short(land.weightDeviation)}), as the share of units per bin, for z from ${short(-state.range)} to ${short(state.range)}.${outsideWords} Drawn over it, f′(z) of ${seriesWords(state, curves)}, scaled so the largest |f′| reaches the tallest bar; the right axis reads f′. Share of units in the saturated zone, where |f′(z)| < ${SATURATION_THRESHOLD}: ${shares.join('; ')}.`;
}
