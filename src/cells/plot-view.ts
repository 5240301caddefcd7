/**
 * A chart the worker described (PlotOutput), drawn with Observable Plot and the site's theme.
 * Loaded only when a cell plots. Series are told apart by colour AND dash, and named in a
 * legend whose swatches show both, so colour is never the only code.
 */
import * as Plot from '@observablehq/plot';
import type { Markish, PlotOptions } from '@observablehq/plot';
import { SERIES, drawChart, themed } from '../widgets/common/plot-theme.ts';
import { MARK_OPTIONS } from './plot-spec.ts';
import type { PlotMarkSpec, PlotOutput } from './protocol.ts';

/** Dash patterns in series order (the first series is solid). */
export const DASHES = ['none', '7 4', '2 3', '9 3 2 3'] as const;

/** Marks drawn as strokes; the others are filled. */
const STROKED = new Set<PlotMarkSpec['mark']>(['line', 'lineY', 'ruleX', 'ruleY']);

type Row = PlotMarkSpec['data'][number];

interface SeriesMark {
  spec: PlotMarkSpec;
  data: Row[];
  series?: string;
}

/**
 * One mark per series: a mark whose `stroke` names a legend entry is that series; a mark whose
 * `stroke` names a column is split by the column's values (a dash cannot vary within one mark).
 */
function splitSeries(spec: PlotMarkSpec, legend: string[]): SeriesMark[] {
  const stroke = spec.options.stroke;
  if (typeof stroke !== 'string') return [{ spec, data: spec.data }];
  if (legend.includes(stroke)) return [{ spec, data: spec.data, series: stroke }];
  if (!spec.data.some((row) => stroke in row)) return [{ spec, data: spec.data }];
  const groups = new Map<string, Row[]>();
  for (const row of spec.data) {
    const name = String(row[stroke]);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(row);
  }
  return [...groups].map(([series, data]) => ({ spec, data, series }));
}

function styleFor(index: number, stroked: boolean): Record<string, string | number> {
  const colour = SERIES[index % SERIES.length];
  const dash = DASHES[index % DASHES.length];
  return stroked ? { stroke: colour, strokeWidth: 2, strokeDasharray: dash } : { fill: colour, fillOpacity: 0.75 };
}

type MarkMaker = (data: Row[], options: Record<string, unknown>) => Markish;

/**
 * The marks a cell may draw, each named here: the worker's code could post any other name, and
 * looking a name up in Plot's namespace (`Plot[name]`) made the bundler keep all of Plot, about
 * 27 KB gzipped more in the chart chunk every widget shares.
 */
const DRAWN_MARKS: Readonly<Record<PlotMarkSpec['mark'], MarkMaker>> = {
  line: Plot.line,
  lineY: Plot.lineY,
  dot: Plot.dot,
  areaY: Plot.areaY,
  barY: Plot.barY,
  ruleX: Plot.ruleX,
  ruleY: Plot.ruleY,
  text: Plot.text,
  rectY: Plot.rectY,
};

/**
 * Only the allowed options reach Plot. The worker validates them, but the reader's code runs in
 * that worker and can post a message of its own, so the page checks again (an `href` would be
 * script in the page).
 */
function allowedOptions(options: PlotMarkSpec['options']): PlotMarkSpec['options'] {
  return Object.fromEntries(Object.entries(options).filter(([key]) => MARK_OPTIONS.has(key)));
}

function toMark(item: SeriesMark, index: number): Markish {
  if (!Object.hasOwn(DRAWN_MARKS, item.spec.mark)) throw new Error(`not a mark a cell may draw: ${String(item.spec.mark)}`);
  const { stroke, ...rest } = allowedOptions(item.spec.options);
  // A mark outside any series keeps a stroke the code gave it; series marks get the theme's.
  const ownStroke = item.series === undefined && stroke !== undefined && stroke !== null;
  const options = ownStroke ? { ...rest, stroke } : { ...rest, ...styleFor(index, STROKED.has(item.spec.mark)) };
  return DRAWN_MARKS[item.spec.mark](item.data, options);
}

function legendItem(name: string, index: number): HTMLLIElement {
  const item = document.createElement('li');
  const svgNamespace = 'http://www.w3.org/2000/svg';
  const swatch = document.createElementNS(svgNamespace, 'svg');
  swatch.setAttribute('width', '28');
  swatch.setAttribute('height', '10');
  swatch.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(svgNamespace, 'line');
  for (const [key, value] of Object.entries({ x1: 0, y1: 5, x2: 28, y2: 5, stroke: SERIES[index % SERIES.length], 'stroke-width': 2.5, 'stroke-dasharray': DASHES[index % DASHES.length] })) {
    line.setAttribute(key, String(value));
  }
  swatch.append(line);
  item.append(swatch, document.createTextNode(name));
  return item;
}

/**
 * A reader's axis as Plot options. A log axis gets plain numbers at its ticks ("0.7", "0.07"):
 * Plot's default for log scales is SI prefixes ("700m"), which reads as a unit, not a loss.
 */
function axis(spec: PlotOutput['x']): NonNullable<PlotOptions['x']> {
  return spec?.type === 'log' ? { ...spec, tickFormat: '~g' } : { ...spec };
}

/** The chart (and its title and legend) for `output`, `width` pixels wide. */
export function drawPlot(output: PlotOutput, width: number): Node[] {
  const legend = [...(output.legend ?? [])];
  const items = output.marks.flatMap((spec) => splitSeries(spec, legend));
  for (const item of items) if (item.series !== undefined && !legend.includes(item.series)) legend.push(item.series);
  let unnamed = 0;
  const marks = items.map((item) => toMark(item, item.series === undefined ? unnamed++ : legend.indexOf(item.series)));
  const label = output.title ?? 'A chart drawn by the code';
  const options: PlotOptions = themed({
    width,
    height: Math.round(Math.min(360, width * 0.6)),
    x: axis(output.x),
    y: axis(output.y),
    marks,
    ariaLabel: label,
    ariaDescription: legend.length > 0 ? `${legend.length} series: ${legend.join(', ')}.` : undefined,
  });
  const nodes: Node[] = [];
  if (output.title) {
    const caption = document.createElement('figcaption');
    caption.textContent = output.title;
    nodes.push(caption);
  }
  nodes.push(drawChart(options));
  if (legend.length > 0) {
    const list = document.createElement('ul');
    list.className = 'cell-legend';
    list.setAttribute('aria-label', 'Legend');
    legend.forEach((name, index) => list.append(legendItem(name, index)));
    nodes.push(list);
  }
  return nodes;
}
