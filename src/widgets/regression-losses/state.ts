/**
 * The regression-losses widget's state as one table (data set, Huber's delta, the convergence
 * run's learning rate and steps) plus the reader's edits to the points, which travel in the
 * address as their own compact list ("rl.edits", like the lab's "mine").
 */
import { quoteInput } from '../common/format.ts';
import { choiceField, numberField, parseState, type StateOf } from '../common/state.ts';
import { readParams } from '../common/url-state.ts';

/**
 * Every field, keyed by its URL name. 40 points at seed 42 give 4 one-sided outliers (the
 * generator's 10%), few enough to read each point's row. Delta defaults to PyTorch's 1. The
 * learning rate has the lab's log grid; 0.1 keeps plain gradient descent on MSE and Huber stable
 * for x in [-3, 3] (the largest curvature of MSE's mean is about 2·mean(x²) ≈ 6, below 2/0.1)
 * while MAE's steps keep their size. The target and the fitted model default to lines; a curved
 * target (the library's 'wave' shape: the same x values, noise and outlier rows) is for the
 * small networks of network-fit.ts, which follow what no straight line can.
 */
export const SCHEMA = {
  seed: numberField('Seed', 0, 9999, 1, 42),
  points: numberField('Points', 10, 200, 10, 40),
  delta: numberField('Huber delta', 0.1, 5, 0.1, 1),
  lr: numberField('Learning rate', 0.0001, 10, 0.0001, 0.1, 'log'),
  steps: numberField('Steps', 10, 1000, 10, 200),
  target: choiceField('Clean target', [{ value: 'line', label: 'a straight line' }, { value: 'curve', label: 'a curve (a wave)' }] as const, 'line'),
  fit: choiceField('Fitted model', [{ value: 'line', label: 'a line per loss' }, { value: 'network', label: 'a small network per loss' }] as const, 'line'),
} as const;

/** The widget's full state (the edits apart). */
export type RegressionState = StateOf<typeof SCHEMA>;

/** A point's position. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/** A generated row moved to a new position. */
export interface MovedRow extends Position {
  readonly row: number;
}

/**
 * What the reader changed, relative to the seeded data: generated rows moved (each row once,
 * by row number), generated rows removed, and points of their own added (in order).
 */
export interface ReaderEdits {
  readonly moved: readonly MovedRow[];
  readonly removed: readonly number[];
  readonly added: readonly Position[];
}

/** No edits: the seeded data as generated. */
export const NO_EDITS: ReaderEdits = { moved: [], removed: [], added: [] };

/** At most this many edits in all (moves, removals, additions), so a shared address stays short. */
export const MAX_EDITS = 50;

/** Coordinates the address accepts lie within ±this (the chart shows far less). */
export const MAX_COORDINATE = 1000;

/** Coordinates are kept to this many decimals, as the address stores them. */
export const DECIMALS = 2;

/** A coordinate rounded as the address stores it (never -0). */
export function roundCoordinate(value: number): number {
  return Number(value.toFixed(DECIMALS)) + 0;
}

/** How many edits there are. */
export function editCount(edits: ReaderEdits): number {
  return edits.moved.length + edits.removed.length + edits.added.length;
}

/**
 * The edits as URL text, items joined by "~": "m3:1.25:4.5" moves generated row 3 to
 * (1.25, 4.5), "r7" removes row 7, "a0.5:-2" adds a point. Empty when there are none.
 */
export function formatEdits(edits: ReaderEdits): string {
  const text = (v: number) => String(roundCoordinate(v));
  return [
    ...edits.moved.map((m) => `m${m.row}:${text(m.x)}:${text(m.y)}`),
    ...edits.removed.map((row) => `r${row}`),
    ...edits.added.map((p) => `a${text(p.x)}:${text(p.y)}`),
  ].join('~');
}

const COORDINATE = String.raw`-?\d+(?:\.\d{1,2})?`;
const ITEM = new RegExp(String.raw`^(?:m(\d{1,3}):(${COORDINATE}):(${COORDINATE})|r(\d{1,3})|a(${COORDINATE}):(${COORDINATE}))$`);

/**
 * The edits from URL text, or none and a message saying why the text was set aside: every
 * item must be well formed, coordinates within ±MAX_COORDINATE with at most two decimals, a row
 * moved or removed at most once and below `rows` (the generated count), MAX_EDITS items at most.
 */
export function parseEdits(text: string, rows: number): { edits: ReaderEdits; problem?: string } {
  const refuse = () => ({
    edits: NO_EDITS,
    problem:
      `Your edits to the points: ${quoteInput(text)} are not allowed (up to ${MAX_EDITS} items joined by "~": ` +
      `"m<row>:<x>:<y>" to move, "r<row>" to remove, "a<x>:<y>" to add; rows below ${rows}, coordinates from ` +
      `-${MAX_COORDINATE} to ${MAX_COORDINATE}), so the points are as generated.`,
  });
  if (text === '') return { edits: NO_EDITS };
  const items = text.split('~');
  if (items.length > MAX_EDITS) return refuse();
  const moved: MovedRow[] = [];
  const removed: number[] = [];
  const added: Position[] = [];
  const touched = new Set<number>();
  const coordinate = (raw: string) => Number(raw) + 0;
  for (const item of items) {
    const match = ITEM.exec(item);
    if (!match) return refuse();
    const [, moveRow, moveX, moveY, removeRow, addX, addY] = match;
    const row = Number(moveRow ?? removeRow);
    if (moveRow !== undefined || removeRow !== undefined) {
      if (row >= rows || touched.has(row)) return refuse();
      touched.add(row);
    }
    if (moveRow !== undefined) moved.push({ row, x: coordinate(moveX), y: coordinate(moveY) });
    else if (removeRow !== undefined) removed.push(row);
    else added.push({ x: coordinate(addX), y: coordinate(addY) });
  }
  const all = [...moved, ...added].flatMap((p) => [p.x, p.y]);
  if (all.some((v) => Math.abs(v) > MAX_COORDINATE)) return refuse();
  return { edits: { moved, removed, added } };
}

/** The edits as the address's parameter ("edits"), or no parameter when there are none. */
export function editsParams(edits: ReaderEdits): Record<string, string> {
  const text = formatEdits(edits);
  return text === '' ? {} : { edits: text };
}

/** A state with its edits. */
export interface StartingPoint {
  readonly state: RegressionState;
  readonly edits: ReaderEdits;
}

/**
 * The state and edits the widget starts from: the lesson's (from `defaults`, its data-defaults
 * query) overridden by the address's `key.*` parameters, with every problem found there in the
 * notice's words. A refused edit list leaves the points as generated; the lesson's own edits
 * are dropped if the address changes the data so that they no longer fit.
 */
export function startingState(defaults: string, search: string, key: string): StartingPoint & { lesson: StartingPoint; problems: string[] } {
  const lessonParams = readParams(defaults, key);
  const lessonState = parseState(SCHEMA, lessonParams).state;
  const lesson = { state: lessonState, edits: parseEdits(lessonParams.edits ?? '', lessonState.points).edits };
  const params = readParams(search, key);
  const parsed = parseState(SCHEMA, params, lessonState);
  const problems = [...parsed.problems];
  let edits = parseEdits(formatEdits(lesson.edits), parsed.state.points).edits;
  if (params.edits !== undefined) {
    const fromAddress = parseEdits(params.edits, parsed.state.points);
    if (fromAddress.problem) problems.push(fromAddress.problem);
    edits = fromAddress.edits;
  }
  return { lesson, state: parsed.state, edits, problems };
}

/**
 * The lesson's starting state and edits from a <RegressionLosses> element's props, or an Error
 * naming every bad prop (an unknown name, a refused value, edits the address would refuse),
 * which fails the build.
 */
export function stateFromProps(props: Readonly<Record<string, unknown>>, where: string): StartingPoint {
  const { edits: editText, ...fields } = props;
  const unknown = Object.keys(fields).filter((name) => !(name in SCHEMA)).map((name) => `${name} is not a setting of this widget.`);
  const parsed = parseState(SCHEMA, Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)])));
  const edits = parseEdits(editText === undefined ? '' : String(editText), parsed.state.points);
  const problems = [...unknown, ...parsed.problems, ...(edits.problem ? [edits.problem] : [])];
  if (problems.length > 0) throw new Error(`<RegressionLosses> in ${where}: ${problems.join(' ')}`);
  return { state: parsed.state, edits: edits.edits };
}
