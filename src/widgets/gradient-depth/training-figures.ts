/**
 * What the gradient-depth widget draws while training, as Observable Plot options: both runs'
 * loss curves, each run's gradient norms as a heatmap of layer by epoch (log colour scale, one
 * colour domain for both runs so they compare), and how far each layer's weights have moved
 * from their initial values. Shared by the live view and the build-time figure; only finite
 * epochs ever reach these (the session stops a side on its first Infinity or NaN).
 */
import * as Plot from '@observablehq/plot';
import { formatExponential, formatFixed } from '../common/format.ts';
import { themed } from '../common/plot-theme.ts';
import { RUN_STYLE, chartHeight, layerAxis, positive, runMarks, type LayerPoint, type RunTitles } from './figures.ts';
import type { DepthEpoch } from './protocol.ts';
import { RUNS, type RunName } from './state.ts';

/** Each run's epochs so far, oldest first. */
export type RunEpochs = Readonly<Record<RunName, readonly DepthEpoch[]>>;

/** The most points a loss curve is drawn with, and the most heatmap columns. */
const MAX_CURVE_POINTS = 250;
const MAX_COLUMNS = 100;

/** Every k-th epoch and the last, so that a 500-epoch run costs no more to draw than `most` epochs. */
export function thinned<T>(rows: readonly T[], most: number): T[] {
  const stride = Math.ceil(rows.length / most);
  return stride <= 1 ? [...rows] : rows.filter((_, i) => i % stride === 0 || i === rows.length - 1);
}

/** A line in the middle of a chart with nothing to draw yet. */
export function untrained(trained: boolean, words = 'Not trained yet: press Train.'): Plot.Markish {
  return trained ? null : Plot.text([words], { frameAnchor: 'middle', fontSize: 13, fill: 'var(--color-muted)', lineWidth: 18, textAnchor: 'middle' });
}

/** Both runs' training loss per epoch, on a log axis; after a retrain the live view passes the runs shown before it, drawn faint (`previous`). */
export function lossFigure(epochs: RunEpochs, titles: RunTitles, total: number, width: number, previous: RunEpochs = { A: [], B: [] }): Plot.PlotOptions {
  const rowsOf = (of: RunEpochs) => RUNS.flatMap((run) => thinned(of[run], MAX_CURVE_POINTS).map((e) => ({ run, epoch: e.epoch, loss: e.loss })).filter((row) => positive(row.loss)));
  const rows = rowsOf(epochs);
  const before = rowsOf(previous);
  const losses = rows.map((row) => row.loss);
  const words = RUNS.map((run) => {
    const last = epochs[run].at(-1);
    return last ? `${titles[run]}: loss ${formatFixed(last.loss, 3)} after epoch ${last.epoch}` : `${titles[run]}: no epochs yet`;
  });
  return themed({
    width,
    height: chartHeight(width, 0.4),
    ariaLabel: 'Training loss per epoch of both runs, on a logarithmic axis',
    ariaDescription: `${words.join('; ')}. A loss of 0.693 is chance: the network has learned nothing.${before.length > 0 ? ' The runs shown before the last change are drawn faint.' : ''}`,
    x: { domain: [0, total], label: 'epoch' },
    y: { type: 'log', domain: [Math.min(0.05, ...losses) / 1.1, Math.max(1, ...losses) * 1.1], label: 'loss (binary cross-entropy, log scale)', tickFormat: '~g' },
    marks: [
      Plot.ruleY([Math.LN2], { stroke: 'currentColor', strokeOpacity: 0.4, strokeDasharray: '1 3' }),
      untrained(rows.length > 0),
      // Clipped: the runs before may have had more epochs, or losses beyond this axis.
      ...RUNS.filter((run) => before.some((row) => row.run === run)).map((run) =>
        Plot.line(before.filter((row) => row.run === run), { x: 'epoch', y: 'loss', stroke: RUN_STYLE[run].colour, strokeWidth: 1.2, strokeOpacity: 0.35, strokeDasharray: RUN_STYLE[run].dash, clip: true, className: 'al-depth-previous' }),
      ),
      ...RUNS.map((run) => Plot.line(rows.filter((row) => row.run === run), { x: 'epoch', y: 'loss', stroke: RUN_STYLE[run].colour, strokeWidth: 2.2, strokeDasharray: RUN_STYLE[run].dash })),
    ],
  });
}

/** The smallest and largest positive finite gradient norm of both runs, so both heatmaps share one colour scale. */
export function gradientDomain(epochs: RunEpochs): [number, number] {
  let low = Infinity;
  let high = 0;
  for (const run of RUNS) for (const e of epochs[run]) for (const norm of e.gradientNorms) if (positive(norm)) [low, high] = [Math.min(low, norm), Math.max(high, norm)];
  return high > 0 ? [low, Math.max(high, low * 10)] : [1e-8, 1];
}

/**
 * Powers of ten across the domain, at most about eight of them (every second or third decade for
 * a wide one): a threshold colour scale on them is a log scale in steps, whose legend Plot draws
 * as plain rectangles (a continuous ramp needs a canvas, which the build-time figure lacks).
 */
export function decades([low, high]: [number, number]): number[] {
  const from = Math.floor(Math.log10(low));
  const to = Math.ceil(Math.log10(high));
  const step = Math.max(1, Math.ceil((to - from) / 8));
  const edges: number[] = [];
  for (let k = from + 1; k < to; k += step) edges.push(Number(`1e${k}`));
  return edges.length > 0 ? edges : [Number(`1e${from}`)];
}

interface Cell {
  x1: number;
  x2: number;
  layer: number;
  norm: number;
}

/**
 * One run's gradient norm per layer and epoch as a heatmap on a log colour scale, with its
 * legend; `stoppedIn`, the epoch in which the run stopped on a value that was not finite, if it did.
 */
export function heatmapFigure(
  epochs: readonly DepthEpoch[],
  run: RunName,
  title: string,
  depth: number,
  total: number,
  domain: [number, number],
  width: number,
  stoppedIn: number | null = null,
): Plot.PlotOptions {
  const stride = Math.max(1, Math.ceil(total / MAX_COLUMNS));
  const shown = epochs.filter((e, i) => e.epoch % stride === 0 || i === epochs.length - 1);
  const cells: Cell[] = [];
  let blank = 0;
  for (const e of shown) {
    e.gradientNorms.forEach((norm, l) => {
      if (positive(norm)) cells.push({ x1: Math.max(0, Math.ceil(e.epoch / stride) * stride - stride), x2: e.epoch, layer: l + 1, norm });
      else blank++;
    });
  }
  const last = epochs.at(-1);
  const axis = layerAxis(depth, 240);
  return themed({
    width,
    height: Math.max(170, Math.min(300, 60 + (depth + 1) * 12)),
    marginLeft: 44,
    grid: false,
    ariaLabel: `${title}: gradient norm of each layer in every epoch, as colour on a logarithmic scale`,
    ariaDescription: last
      ? `After epoch ${last.epoch}, the first hidden layer's gradient norm is ${formatExponential(last.gradientNorms[0])} and the output layer's ${formatExponential(last.gradientNorms.at(-1)!)}.${blank > 0 ? ' Cells whose gradient was exactly zero are left blank.' : ''}`
      : stoppedIn !== null
        ? `The run stopped in epoch ${stoppedIn}, before any epoch ended with finite values, so there is nothing to draw.`
        : 'No epochs trained yet.',
    x: { domain: [0, total], label: 'epoch' },
    y: { domain: [depth + 1.5, 0.5], ticks: axis.ticks, tickFormat: axis.tickFormat, label: 'layer' },
    color: { type: 'threshold', domain: decades(domain), scheme: 'viridis', legend: true, label: `Run ${run}: gradient norm (log scale)`, tickFormat: '.0e' },
    marks: [
      untrained(epochs.length > 0, stoppedIn === null ? undefined : `Stopped in epoch ${stoppedIn}: a value became infinite or not a number.`),
      Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: (cell: Cell) => cell.layer - 0.5, y2: (cell: Cell) => cell.layer + 0.5, fill: 'norm', inset: 0, shapeRendering: 'crispEdges' }),
    ],
  });
}

/** How far each layer's weights have moved from their initial values, over their initial size, for both runs' latest epoch. */
export function distanceFigure(epochs: RunEpochs, titles: RunTitles, depth: number, width: number): Plot.PlotOptions {
  const rows = RUNS.flatMap((run) => (epochs[run].at(-1)?.relativeDistances ?? []).map((value, l): LayerPoint => ({ run, layer: l + 1, value }))).filter((row) => Number.isFinite(row.value));
  const words = RUNS.map((run) => {
    const last = epochs[run].at(-1);
    if (!last) return `${titles[run]}: not trained yet`;
    const d = last.relativeDistances;
    return `${titles[run]} after epoch ${last.epoch}: first hidden layer ${formatFixed(d[0], 3)}, output layer ${formatFixed(d.at(-1)!, 3)}`;
  });
  return themed({
    width,
    height: chartHeight(width, 0.38),
    ariaLabel: 'How far each layer’s weights have moved from their initial values, relative to their initial size',
    ariaDescription: `${words.join('; ')}. Zero means the layer has not learned at all.`,
    x: layerAxis(depth, width),
    y: { domain: [0, Math.max(0.05, ...rows.map((row) => row.value)) * 1.05], label: '‖W − W₀‖ / ‖W₀‖' },
    marks: [
      Plot.ruleY([0]),
      untrained(rows.length > 0),
      ...runMarks(rows, 'run'),
    ],
  });
}
