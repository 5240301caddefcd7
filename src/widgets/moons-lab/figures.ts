/**
 * What the lab draws, as Observable Plot options: the decision boundary (a probability heatmap
 * under the points) and the loss and accuracy curves with the previous run as a faint line.
 * The live view and the build-time figure share them.
 */
import * as Plot from '@observablehq/plot';
import { themed } from '../common/plot-theme.ts';
import { GRID, type Bounds } from './model.ts';
import type { EpochPoint, Part, PlotPoints } from './protocol.ts';

/** Class colours (0, 1), and the colours of the training and validation curves. */
export const CLASS_COLOURS = ['var(--series-1)', 'var(--series-2)'] as const;
export const CURVE_COLOURS = { training: 'var(--series-3)', validation: 'var(--series-4)' } as const;

/** The class name markers and legends use. */
export const CLASS_NAMES = ['class 0 (blue)', 'class 1 (red)'] as const;

/** The marker of each part: shape tells them apart as well as colour. */
export const PART_SYMBOLS: Record<Part, string> = { train: 'circle', validation: 'square', test: 'triangle', yours: 'star' };

/** How much of the likelier class's colour a cell gets: none at p = 0.5, 45% when certain. */
export function heatmapStrength(p: number): number {
  return Math.abs(p - 0.5) * 2 * 0.45;
}

/** A cell's colour for the probability p of class 1: the likelier class's colour, stronger the surer the network is. */
export function cellColour(p: number): string {
  if (!Number.isFinite(p)) return 'var(--color-bg)';
  const strength = Math.round(heatmapStrength(p) * 100);
  // Mixed with the page background rather than made transparent, so neighbouring cells can
  // overlap by a hair (no hairline gaps) without darker seams where they do.
  return `color-mix(in srgb, ${CLASS_COLOURS[p >= 0.5 ? 1 : 0]} ${strength}%, var(--color-bg))`;
}

/**
 * The decision boundary: heatmap cells, then every point by class (colour) and part (shape).
 * Without a heatmap the cells are left out: the live view paints its own, faster, beneath the points.
 */
export function boundaryFigure(points: PlotPoints, bounds: Bounds, heatmap: Float64Array | null, width: number, description: string): Plot.PlotOptions {
  const cells = Array.from({ length: GRID * GRID }, (_, i) => i);
  const cellWidth = (bounds.xMax - bounds.xMin) / GRID;
  const cellHeight = (bounds.yMax - bounds.yMin) / GRID;
  const indices = Array.from(points.x, (_, i) => i);
  const size = Math.min(width, 560);
  return themed({
    width: size,
    height: size,
    marginLeft: 40,
    marginBottom: 36,
    grid: false,
    ariaLabel: 'Decision boundary: probability of class 1 across the plane, with the data points',
    ariaDescription: description,
    x: { domain: [bounds.xMin, bounds.xMax], label: 'feature 1 (standardised)' },
    y: { domain: [bounds.yMin, bounds.yMax], label: 'feature 2 (standardised)' },
    color: { type: 'identity' },
    symbol: { domain: Object.keys(PART_SYMBOLS), range: Object.values(PART_SYMBOLS) },
    marks: [
      heatmap &&
      Plot.rect(cells, {
        x1: (i: number) => bounds.xMin + (i % GRID) * cellWidth,
        x2: (i: number) => bounds.xMin + ((i % GRID) + 1) * cellWidth,
        y1: (i: number) => bounds.yMax - (Math.floor(i / GRID) + 1) * cellHeight,
        y2: (i: number) => bounds.yMax - Math.floor(i / GRID) * cellHeight,
        fill: (i: number) => cellColour(heatmap[i]),
        inset: -0.5,
        shapeRendering: 'crispEdges',
      }),
      ...(['data', 'yours'] as const).map((kind) =>
        Plot.dot(
          indices.filter((i) => (points.part[i] === 'yours') === (kind === 'yours')),
          {
            x: (i: number) => points.x[i],
            y: (i: number) => points.y[i],
            symbol: (i: number) => points.part[i],
            fill: (i: number) => CLASS_COLOURS[points.label[i]],
            stroke: kind === 'yours' ? 'var(--color-text)' : 'var(--color-bg)',
            strokeWidth: kind === 'yours' ? 1.2 : 0.6,
            r: kind === 'yours' ? 6 : 3,
            className: kind === 'yours' ? 'al-your-points' : 'al-points',
          },
        ),
      ),
    ],
  });
}

type Metric = 'Loss' | 'Accuracy';

/** Training and validation curves of one metric; the previous run drawn faint beneath. */
export function curvesFigure(metric: Metric, current: readonly EpochPoint[], previous: readonly EpochPoint[], epochs: number, width: number): Plot.PlotOptions {
  const key = metric === 'Loss' ? (['trainLoss', 'validationLoss'] as const) : (['trainAccuracy', 'validationAccuracy'] as const);
  const line = (data: readonly EpochPoint[], field: (typeof key)[number], stroke: string, faint: boolean) =>
    Plot.line(
      data.filter((point) => Number.isFinite(point[field])),
      { x: 'epoch', y: field, stroke, strokeWidth: faint ? 1.5 : 2.2, strokeOpacity: faint ? 0.35 : 1, strokeDasharray: field.startsWith('validation') ? '5 3' : undefined },
    );
  return themed({
    width,
    height: Math.round(Math.max(150, Math.min(210, width * 0.42))),
    marginLeft: 48,
    ariaLabel: `${metric} per epoch, training and validation`,
    ariaDescription: describeCurves(metric, current, previous),
    x: { domain: [0, Math.max(epochs, current.at(-1)?.epoch ?? 0, previous.at(-1)?.epoch ?? 0)], label: 'epoch' },
    y: metric === 'Loss' ? { label: 'loss (binary cross-entropy)', domain: lossDomain(current, previous), nice: true } : { label: 'accuracy', domain: [0.4, 1], tickFormat: '.0%' },
    marks: [
      line(previous, key[0], CURVE_COLOURS.training, true),
      line(previous, key[1], CURVE_COLOURS.validation, true),
      line(current, key[0], CURVE_COLOURS.training, false),
      line(current, key[1], CURVE_COLOURS.validation, false),
    ],
  });
}

/** From zero to a little above the largest finite loss, capped so one wild epoch does not flatten the rest. */
function lossDomain(current: readonly EpochPoint[], previous: readonly EpochPoint[]): [number, number] {
  const losses = [...current, ...previous].flatMap((p) => [p.trainLoss, p.validationLoss]).filter(Number.isFinite);
  return [0, Math.min(2, Math.max(0.1, ...losses) * 1.05)];
}

function describeCurves(metric: Metric, current: readonly EpochPoint[], previous: readonly EpochPoint[]): string {
  const last = current.at(-1);
  if (!last) return `No epochs trained yet.${previous.length ? ` The previous run trained ${previous.length} epochs.` : ''}`;
  const format = (value: number) => (metric === 'Loss' ? value.toFixed(3) : `${(value * 100).toFixed(1)}%`);
  const [train, validation] = metric === 'Loss' ? [last.trainLoss, last.validationLoss] : [last.trainAccuracy, last.validationAccuracy];
  return `After epoch ${last.epoch}: training ${metric.toLowerCase()} ${format(train)}, validation ${format(validation)}.`;
}
