/**
 * The points the fits see: the library's seeded regression-with-outliers set with the reader's
 * edits applied, and the edits the reader makes (move, remove, add), each returning new edits
 * so the state stays immutable data.
 */
import { makeRegressionWithOutliers } from '../../lib/index.ts';
import type { Points } from './fits.ts';
import { MAX_EDITS, editCount, roundCoordinate, type Position, type ReaderEdits, type RegressionState } from './state.ts';

/** Where a point comes from: a generated row (by its row number) or the reader's nth added point. */
export type PointKey = { readonly origin: 'generated'; readonly row: number } | { readonly origin: 'added'; readonly index: number };

/** One point as shown and fitted. */
export interface RegressionPoint extends Position {
  readonly key: PointKey;
  /** True for a row the generator pushed upwards; a moved row keeps its mark. */
  readonly outlier: boolean;
}

/** A removal is refused when it would leave fewer points than this (a line needs two). */
export const MIN_POINTS = 2;

/** The seeded data as generated: x uniform in [-3, 3], y = 2x + 1 + noise (or the wave, for a curved target), 10% pushed up. */
export function generatedPoints(state: Pick<RegressionState, 'seed' | 'points'> & Partial<Pick<RegressionState, 'target'>>): RegressionPoint[] {
  const set = makeRegressionWithOutliers({ size: state.points, seed: state.seed, shape: state.target === 'curve' ? 'wave' : 'line' });
  return Array.from({ length: state.points }, (_, row) => ({
    x: set.inputs[row],
    y: set.targets[row],
    outlier: set.outliers[row] === 1,
    key: { origin: 'generated', row },
  }));
}

/** The generated points with the edits applied: moved rows in place, removed rows gone, added points last. */
export function regressionPoints(state: Pick<RegressionState, 'seed' | 'points'> & Partial<Pick<RegressionState, 'target'>>, edits: ReaderEdits): RegressionPoint[] {
  const moved = new Map(edits.moved.map((m) => [m.row, m]));
  const removed = new Set(edits.removed);
  const generated = generatedPoints(state)
    .filter((_, row) => !removed.has(row))
    .map((point) => {
      const row = point.key.origin === 'generated' ? point.key.row : -1;
      const to = moved.get(row);
      return to ? { ...point, x: to.x, y: to.y } : point;
    });
  const added = edits.added.map((p, index): RegressionPoint => ({ x: p.x, y: p.y, outlier: false, key: { origin: 'added', index } }));
  return [...generated, ...added];
}

/** The points as the fits take them. */
export function asPoints(points: readonly RegressionPoint[]): Points {
  return { x: points.map((p) => p.x), y: points.map((p) => p.y) };
}

/** New edits, or the old ones and why the change was refused. */
export interface EditResult {
  readonly edits: ReaderEdits;
  readonly problem?: string;
}

const FULL = `You can make up to ${MAX_EDITS} changes to the points; reset them to make others.`;

/** Moves a point (rounded as the address stores it); moving a row again replaces its earlier move. */
export function movePoint(edits: ReaderEdits, key: PointKey, to: Position): EditResult {
  const position = { x: roundCoordinate(to.x), y: roundCoordinate(to.y) };
  if (key.origin === 'added') {
    return { edits: { ...edits, added: edits.added.map((p, i) => (i === key.index ? position : p)) } };
  }
  const already = edits.moved.some((m) => m.row === key.row);
  if (!already && editCount(edits) >= MAX_EDITS) return { edits, problem: FULL };
  const moved = [...edits.moved.filter((m) => m.row !== key.row), { row: key.row, ...position }].sort((p, q) => p.row - q.row);
  return { edits: { ...edits, moved } };
}

/** Removes a point, unless fewer than MIN_POINTS would be left (`count` is how many there are now). */
export function removePoint(edits: ReaderEdits, key: PointKey, count: number): EditResult {
  if (count <= MIN_POINTS) return { edits, problem: `A line needs at least ${MIN_POINTS} points, so this one stays.` };
  if (key.origin === 'added') return { edits: { ...edits, added: edits.added.filter((_, i) => i !== key.index) } };
  const moved = edits.moved.filter((m) => m.row !== key.row);
  // A moved row's move is replaced by its removal, so the count of edits does not grow.
  if (moved.length === edits.moved.length && editCount(edits) >= MAX_EDITS) return { edits, problem: FULL };
  return { edits: { ...edits, moved, removed: [...edits.removed, key.row].sort((p, q) => p - q) } };
}

/** Adds a point of the reader's own (rounded as the address stores it). */
export function addPoint(edits: ReaderEdits, at: Position): EditResult {
  if (editCount(edits) >= MAX_EDITS) return { edits, problem: FULL };
  return { edits: { ...edits, added: [...edits.added, { x: roundCoordinate(at.x), y: roundCoordinate(at.y) }] } };
}
