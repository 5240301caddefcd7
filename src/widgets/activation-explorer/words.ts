/**
 * The explorer's numbers and facts in words, pure and shared by the build-time figure and the
 * live view: probe readouts, each function's computed properties, the saturated shares and the
 * live region's summaries. Every number goes through common/format.ts, so nothing here reads
 * NaN, Infinity or -0.
 */
import { activation, type ActivationId } from '../../lib/index.ts';
import { formatExponential, formatFixed, formatPercent } from '../common/format.ts';
import { SATURATION_THRESHOLD, activationOf, kinkConvention, kinksOf, properties, type Bound, type InputsLand, type ProbeReading, type Properties, type SlopeWhere } from './model.ts';
import { parametersOf, type ActivationExplorerState } from './state.ts';

/** A readout value: 4 decimals in the usual span, scientific when tiny or huge, "0" for zero (and -0). */
export function formatReading(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size >= 1e-3 && size < 1e5 ? formatFixed(value, 4) : formatExponential(value, 3);
}

/** A z position as the reader sees it: two decimals, the probe's grid. */
export function formatZ(z: number): string {
  return formatFixed(z, 2);
}

/**
 * How far the central difference is from the library's f'. The relative difference means
 * nothing where f' = 0 (it reads 1 for any estimate, however tiny), so there the absolute
 * difference is given, and said to be one.
 */
export function differenceWords(reading: ProbeReading): string {
  if (reading.df === 0) {
    const absolute = Math.abs(reading.estimate);
    return absolute === 0 ? '0 (both are 0)' : `absolute ${formatReading(absolute)} (f′ = 0)`;
  }
  return reading.relativeDifference === 0 ? '0' : formatExponential(reading.relativeDifference, 1);
}

/** One row of the probe table, as text cells. */
export interface ReadoutRow {
  name: string;
  f: string;
  df: string;
  estimate: string;
  difference: string;
  note?: string;
}

/** The probe table's rows, one per chosen function, with `names` (the legend's series names). */
export function readoutRows(readings: readonly ProbeReading[], names: readonly string[]): ReadoutRow[] {
  return readings.map((reading, slot) => ({
    name: names[slot] ?? reading.name,
    f: formatReading(reading.f),
    df: formatReading(reading.df),
    estimate: formatReading(reading.estimate),
    difference: differenceWords(reading),
    ...(reading.note ? { note: reading.note } : {}),
  }));
}

/** Says whether the probe lies outside the plotted window; empty when it is inside. */
export function windowWords(state: ActivationExplorerState): string {
  if (Math.abs(state.z) <= state.range) return '';
  return `The probe at z = ${formatZ(state.z)} lies outside the plotted window (z from ${formatZ(-state.range)} to ${formatZ(state.range)}); the readouts below are still for z = ${formatZ(state.z)}.`;
}

/** A number in a property: up to 3 decimals, trailing zeros dropped. */
function short(value: number): string {
  return formatFixed(value, 3).replace(/\.?0+$/, '') || '0';
}

function boundEnd(bound: Bound, side: -1 | 1): string {
  if (bound.kind === 'unbounded') return side === -1 ? '(−∞' : '∞)';
  const value = short(bound.value).replace('-', '−');
  if (side === -1) return `${bound.attained ? '[' : '('}${value}`;
  return `${value}${bound.attained ? ']' : ')'}`;
}

/** The range as an interval, "(0, 1)", "[0, ∞)", or the set of values "{0, 1}". */
export function rangeWords(props: Properties): string {
  if (props.values) return `{${props.values.map(short).join(', ')}}`;
  return `${boundEnd(props.lower, -1)}, ${boundEnd(props.upper, 1)}`;
}

/** Bounded, bounded below or above only, or unbounded. */
export function boundedWords(props: Properties): string {
  const [low, high] = [props.lower.kind === 'bounded', props.upper.kind === 'bounded'];
  if (low && high) return 'bounded';
  if (low) return 'bounded below, not above';
  if (high) return 'bounded above, not below';
  return 'unbounded';
}

function whereWords(where: SlopeWhere): string {
  if (where.kind === 'point') return `at z = ${short(where.z)}`;
  if (where.kind === 'limit') return `approached as z → ${where.side === 1 ? '∞' : '−∞'}`;
  if (where.from === null && where.to === null) return 'everywhere';
  if (where.from === null) return `for z ≤ ${short(where.to ?? 0)}`;
  if (where.to === null) return `for z ≥ ${short(where.from)}`;
  return `for ${short(where.from)} ≤ z ≤ ${short(where.to)}`;
}

/** One property, named. */
export interface PropertyLine {
  term: string;
  value: string;
}

/** The parameter α in words, with the library's default beside it. */
function alphaWords(state: ActivationExplorerState, id: ActivationId): string | undefined {
  const alpha = parametersOf(state, id)?.alpha;
  if (alpha === undefined) return undefined;
  const standard = activation(id).params.alpha;
  return alpha === standard ? `${short(alpha)} (the library's default)` : `${short(alpha)} (the library's default is ${short(standard)})`;
}

/** The computed properties of `id` under this state's α, as lines for a definition list. */
export function propertyLines(state: ActivationExplorerState, id: ActivationId): PropertyLine[] {
  const props = properties(id, parametersOf(state, id));
  const alpha = alphaWords(state, id);
  const monotonic = props.monotonic
    ? 'yes'
    : `no${props.minima.length > 0 ? ` (lowest at z ≈ ${props.minima.map(short).join(', ')})` : ''}`;
  return [
    ...(alpha ? [{ term: 'α', value: alpha }] : []),
    { term: 'Range', value: rangeWords(props) },
    { term: 'Bounded', value: boundedWords(props) },
    { term: 'Zero-centred', value: `${props.zeroCentred ? 'yes' : 'no'} (mean output ${short(props.meanOutput)} for standard normal z)` },
    { term: 'Monotonic', value: monotonic },
    { term: 'Largest slope', value: `${short(props.largestSlope.value)}, ${whereWords(props.largestSlope.where)}` },
    ...kinkLines(state, id),
  ];
}

/** The convention the library follows at the function's kink, when it has one. */
function kinkLines(state: ActivationExplorerState, id: ActivationId): PropertyLine[] {
  const fn = activationOf(state, id);
  return kinksOf(fn).length > 0 ? [{ term: 'At the kink', value: kinkConvention(fn) }] : [];
}

/** Each function's saturated share in words: "Sigmoid 64.7%; Tanh 70.1%". */
export function shareWords(land: InputsLand, names: readonly string[]): string {
  return land.saturated.map((item, slot) => `${names[slot] ?? item.name} ${formatPercent(item.share)}`).join('; ');
}

/**
 * The sentence beside the histogram: the weight spread, the share of saturated units, and how
 * many pre-activations fall outside the plotted window (N(0, 1) weights with fan-in 100 give
 * z a spread of 10, so at the default ±6 most of them are off the chart, and the reader is told).
 */
export function landSentence(land: InputsLand, names: readonly string[]): string {
  const outside = (land.below + land.above) / land.samples.length;
  const edge = formatZ(land.bins.at(-1)?.to ?? 0);
  const window = outside > 0 ? ` ${formatPercent(outside)} of the pre-activations lie outside the plotted window (|z| > ${edge}); widen the z range to see them.` : '';
  return `Weight standard deviation ${formatReading(land.weightDeviation)}. Share of units in the saturated zone (|f′(z)| < ${SATURATION_THRESHOLD}): ${shareWords(land, names)}.${window}`;
}

/** What the live region says after the probe moves: the readouts at z. */
export function probeSummary(state: ActivationExplorerState, rows: readonly ReadoutRow[]): string {
  const values = rows.map((row) => `${row.name}: f = ${row.f}, f′ = ${row.df}${row.note ? ' (a kink)' : ''}`).join('; ');
  return `At z = ${formatZ(state.z)}: ${values}.`;
}
