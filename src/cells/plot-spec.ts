import type { PlotMarkSpec, PlotOutput } from './protocol.ts';

/** The most points a chart takes: more would make the page draw for longer than a frame allows. */
export const MAX_PLOT_POINTS = 20_000;

const MARKS: readonly PlotMarkSpec['mark'][] = ['line', 'lineY', 'dot', 'areaY', 'barY', 'ruleX', 'ruleY', 'text', 'rectY'];
const SCALE_TYPES = ['linear', 'log', 'symlog'] as const;

/**
 * The mark options a chart may carry: channels and plain styles. Anything else is refused,
 * because some Plot options turn data into markup the page obeys: `href` wraps a mark in a
 * link, so a row holding 'javascript:...' would run script in the page when clicked, outside
 * the worker the code was kept in. The page drops any other option too (see plot-view.ts).
 */
export const MARK_OPTIONS: ReadonlySet<string> = new Set([
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'z', 'r', 'text', 'title', 'stroke', 'fill', 'strokeWidth', 'strokeOpacity',
  'fillOpacity', 'opacity', 'strokeDasharray', 'strokeLinecap', 'strokeLinejoin', 'curve', 'symbol', 'marker',
  'fontSize', 'fontWeight', 'fontStyle', 'textAnchor', 'lineAnchor', 'frameAnchor', 'dx', 'dy', 'rotate', 'inset',
  'insetLeft', 'insetRight', 'insetTop', 'insetBottom', 'interval', 'tip',
]);
type Axis = NonNullable<PlotOutput['x']>;
type Row = PlotMarkSpec['data'][number];

/** A chart whose options the cell got wrong; its message says what and how to fix it. */
export class PlotSpecError extends Error {
  override name = 'PlotError';
}

const fail = (message: string): never => {
  throw new PlotSpecError(`plot: ${message}`);
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(`${name} must be a string, not ${typeof value}`);
  return value as string;
}

/** A list of numbers from an array or typed array; a non-finite number becomes a gap (null). */
function numbers(value: unknown, name: string): (number | null)[] {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    return fail(`${name} must be an array of numbers`);
  }
  return Array.from(value as ArrayLike<unknown>, (item, index) => {
    if (typeof item !== 'number') return fail(`${name}[${index}] is ${describe(item)}, not a number`);
    return Number.isFinite(item) ? item : null;
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function axis(value: unknown, name: string, label?: string, type?: unknown): Axis | undefined {
  const options = value === undefined ? {} : isRecord(value) ? value : fail(`${name} must be an object like { label: 'z', type: 'log' }`);
  const axisLabel = optionalText(options.label, `${name}.label`) ?? label;
  const scaleType = options.type ?? type;
  if (scaleType !== undefined && !(SCALE_TYPES as readonly unknown[]).includes(scaleType)) {
    fail(`${name} type ${describe(scaleType)} is not one of ${SCALE_TYPES.join(', ')}`);
  }
  const result: Axis = {};
  if (axisLabel !== undefined) result.label = axisLabel;
  if (scaleType !== undefined) result.type = scaleType as Axis['type'];
  if (options.domain !== undefined) {
    const domain = numbers(options.domain, `${name}.domain`);
    const [low, high] = domain;
    if (domain.length !== 2 || low == null || high == null) fail(`${name}.domain must be two finite numbers, [low, high]`);
    result.domain = [low as number, high as number];
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function checkPointCount(count: number): void {
  if (count > MAX_PLOT_POINTS) {
    fail(`${count} points is more than ${MAX_PLOT_POINTS} a chart can take; keep 1 point in every ${Math.ceil(count / MAX_PLOT_POINTS)}`);
  }
}

/** `plot({ x, y })` or `plot({ x, y: { name: values, ... } })`: one line per series. */
function linesSpec(options: Record<string, unknown>): PlotOutput {
  const x = numbers(options.x, 'x');
  const series: [string, unknown][] = isRecord(options.y) ? Object.entries(options.y) : [['', options.y]];
  if (series.length === 0) fail('y has no series: give y an array, or an object of named arrays');
  checkPointCount(x.length * series.length);
  const named = isRecord(options.y);
  const marks: PlotMarkSpec[] = series.map(([name, values]) => {
    const y = numbers(values, named ? `y.${name}` : 'y');
    if (y.length !== x.length) fail(`x has ${x.length} values but ${named ? `y.${name}` : 'y'} has ${y.length}; they must pair up`);
    const data = x.map((xValue, index): Row => {
      const row: Row = { x: xValue, y: y[index] ?? null };
      if (named) row.series = name;
      return row;
    });
    const markOptions: PlotMarkSpec['options'] = { x: 'x', y: 'y' };
    if (named) markOptions.stroke = 'series';
    return { mark: 'line', data, options: markOptions };
  });
  return finish(
    marks,
    axis(undefined, 'x', optionalText(options.xLabel, 'xLabel')),
    axis(undefined, 'y', optionalText(options.yLabel, 'yLabel'), options.yType),
    optionalText(options.title, 'title'),
    named ? series.map(([name]) => name) : undefined,
  );
}

function rowsOf(value: unknown, where: string): Row[] {
  const items = Array.isArray(value) ? value : ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<unknown>) : fail(`${where}: data must be an array of rows`);
  return items.map((item: unknown, index: number): Row => {
    // A bare list of numbers is a common Plot idiom (lineY([1, 2, 3])): index against value.
    if (typeof item === 'number') return { index, value: Number.isFinite(item) ? item : null };
    if (!isRecord(item)) return fail(`${where}: data[${index}] is ${describe(item)}, not a row object like { z: 1, f: 0.5 }`);
    const row: Row = {};
    for (const [key, field] of Object.entries(item)) {
      if (typeof field === 'number') row[key] = Number.isFinite(field) ? field : null;
      else if (typeof field === 'string' || field === null) row[key] = field;
      else if (typeof field === 'boolean') row[key] = String(field);
      else fail(`${where}: data[${index}].${key} is ${describe(field)}; a row holds numbers and strings`);
    }
    return row;
  });
}

const NUMERIC_MARKS = new Set<PlotMarkSpec['mark']>(['line', 'lineY', 'dot', 'areaY']);

function markSpec(value: unknown, index: number): PlotMarkSpec {
  const where = `mark ${index + 1}`;
  if (!isRecord(value)) return fail(`${where} must be an object like { mark: 'line', data: rows, x: 'z', y: 'f' }`);
  const mark = value.mark;
  if (!(MARKS as readonly unknown[]).includes(mark)) fail(`${where}: unknown mark ${describe(mark)}; use one of ${MARKS.join(', ')}`);
  const data = rowsOf(value.data, where);
  const options: PlotMarkSpec['options'] = {};
  const numbered = Array.isArray(value.data) && value.data.length > 0 && value.data.every((item) => typeof item === 'number');
  if (numbered) Object.assign(options, { x: 'index', y: 'value' });
  for (const [key, option] of Object.entries(value)) {
    if (key === 'mark' || key === 'data') continue;
    if (!MARK_OPTIONS.has(key)) fail(`${where}: unknown option ${describe(key)}; a mark takes ${[...MARK_OPTIONS].join(', ')}`);
    if (typeof option === 'function') fail(`${where}: ${key} is a function; the chart is drawn outside your code, so name a field instead, e.g. ${key}: 'f'`);
    if (option !== null && !['string', 'number', 'boolean'].includes(typeof option)) fail(`${where}: ${key} must be a field name, a number or a string`);
    options[key] = option as string | number | boolean | null;
  }
  for (const channel of ['x', 'y', 'stroke', 'fill']) {
    const field = options[channel];
    if (typeof field !== 'string' || data.length === 0 || channel === 'stroke' || channel === 'fill') continue;
    if (!data.some((row) => field in row)) fail(`${where}: ${channel}: '${field}' names no field of its rows (they have ${Object.keys(data[0] ?? {}).join(', ')})`);
    if (NUMERIC_MARKS.has(mark as PlotMarkSpec['mark'])) {
      const bad = data.findIndex((row) => row[field] !== null && row[field] !== undefined && typeof row[field] !== 'number');
      if (bad >= 0) fail(`${where}: data[${bad}].${field} is ${describe(data[bad]?.[field])}, not a number`);
    }
  }
  return { mark: mark as PlotMarkSpec['mark'], data, options };
}

/** `plot({ marks: [...], x?, y?, title? })`: Plot's own shape, with data as plain rows. */
function marksSpec(options: Record<string, unknown>): PlotOutput {
  if (!Array.isArray(options.marks) || options.marks.length === 0) fail('marks must be a non-empty array');
  const list = options.marks as unknown[];
  checkPointCount(list.reduce<number>((total, mark) => total + (isRecord(mark) && Array.isArray(mark.data) ? mark.data.length : 0), 0));
  const marks = list.map(markSpec);
  const legend: string[] = [];
  for (const mark of marks) {
    const stroke = mark.options.stroke;
    if (typeof stroke !== 'string') continue;
    for (const row of mark.data) {
      const name = row[stroke];
      if (name !== undefined && name !== null && !legend.includes(String(name))) legend.push(String(name));
    }
  }
  return finish(marks, axis(options.x, 'x'), axis(options.y, 'y'), optionalText(options.title, 'title'), legend.length > 0 ? legend : undefined);
}

function finish(marks: PlotMarkSpec[], x: Axis | undefined, y: Axis | undefined, title: string | undefined, legend: string[] | undefined): PlotOutput {
  return { kind: 'plot', marks, ...(x ? { x } : {}), ...(y ? { y } : {}), ...(title ? { title } : {}), ...(legend ? { legend } : {}) };
}

/**
 * The reader's `plot(options)` as a chart the page can draw, or a PlotSpecError saying what is
 * wrong: `{ x, y }` (y an array or named arrays, plus title, xLabel, yLabel, yType) for lines,
 * or `{ marks: [{ mark, data, x, y, stroke }], x, y, title }` in Plot's own shape.
 */
export function plotSpec(options: unknown): PlotOutput {
  if (!isRecord(options)) return fail("give plot an object, e.g. plot({ x: zs, y: values }) or plot({ marks: [{ mark: 'line', data: rows, x: 'z', y: 'f' }] })");
  if ('marks' in options) return marksSpec(options);
  if ('x' in options && 'y' in options) return linesSpec(options);
  return fail("give plot either x and y arrays or a list of marks, e.g. plot({ x: zs, y: values })");
}
