/**
 * The lab's figures in the page: the boundary chart (drawn again only when its points, bounds or
 * width change, never for a new run on the same data), the heatmap painted into it, and the two
 * curve charts (at most four times a second while a run trains; the second in a task of its own).
 * A new width redraws everything; a new theme repaints the heatmap, whose colours are pixels.
 */
import { drawChart } from '../common/plot-theme.ts';
import { onWidthChange } from '../common/width-watch.ts';
import { boundaryFigure, curvesFigure, describeBoundary, thin, yourPointsMark } from './figures.ts';
import { createHeatmap, type HeatmapPainter } from './heatmap.ts';
import type { Bounds } from './model.ts';
import type { EpochPoint, PlotPoints } from './protocol.ts';
import { pointPaths } from './still-boundary.ts';

/** How often the curves are redrawn while training. */
const CURVES_MS = 250;

/** The data a boundary chart shows. */
export interface Plotted {
  points: PlotPoints;
  bounds: Bounds;
}

/** What the figures show: the run's points, its latest heatmap and epochs, the previous run's epochs. */
export interface Shown {
  plotted: Plotted | undefined;
  heatmap: Float64Array | null;
  current: readonly EpochPoint[];
  previous: readonly EpochPoint[];
  epochs: number;
  running: boolean;
}

/** The figures' controller. */
export interface LiveFigures {
  /** Draws what changed since the last call. */
  draw(shown: Shown): void;
  /** The boundary chart drawn now, if any (clicks on it add points). */
  chart(): ReturnType<typeof drawChart> | undefined;
}

/** Whether two runs plot the same points in the same bounds (a change of learning rate, say). */
export function samePoints(a: Plotted, b: Plotted): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.prototype.every.call(x, (value: number, i: number) => value === y[i]);
  const { bounds: p, points: u } = a;
  const { bounds: q, points: v } = b;
  return p.xMin === q.xMin && p.xMax === q.xMax && p.yMin === q.yMin && p.yMax === q.yMax && same(u.x, v.x) && same(u.y, v.y) && same(u.label, v.label) && u.part.every((part, i) => part === v.part[i]);
}

/** The figures in `part('boundary')`, `part('loss')` and `part('accuracy')`; `host` resolves the theme's colours; `redraw` asks for a draw (after a width or theme change). */
export function liveFigures(part: (name: string) => HTMLElement, host: HTMLElement, redraw: () => void): LiveFigures {
  let drawnFor: Plotted | undefined;
  let boundary: ReturnType<typeof drawChart> | undefined;
  let paintHeatmap: HeatmapPainter | undefined;
  let paintedHeatmap: Float64Array | null = null;
  let recolour = false;
  let lastCurves = 0;
  let curvesFor: { current: readonly EpochPoint[]; previous: readonly EpochPoint[]; epochs: number } | undefined;

  const drawBoundary = (plotted: Plotted, current: readonly EpochPoint[]) => {
    const width = part('boundary').clientWidth || 480;
    const marks = [pointPaths(plotted.points, (kind) => kind !== 'yours'), yourPointsMark(plotted.points)];
    boundary = drawChart(boundaryFigure(plotted.bounds, marks, width, describeBoundary(current)));
    part('boundary').replaceChildren(boundary);
    paintHeatmap = createHeatmap(boundary as Parameters<typeof createHeatmap>[0], plotted.bounds, host);
    paintedHeatmap = null;
    drawnFor = plotted;
  };

  const onThemeChange = () => {
    recolour = true;
    redraw();
  };
  document.addEventListener('al-themechange', onThemeChange);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', onThemeChange);
  // Drawn from width 0, so the observer's first report draws the charts at their real width.
  onWidthChange(
    part('loss'),
    () => {
      boundary = undefined;
      drawnFor = undefined;
      curvesFor = undefined;
      lastCurves = 0;
      redraw();
    },
    0,
  );

  return {
    draw(shown) {
      const { plotted, heatmap, current, previous, epochs, running } = shown;
      if (plotted && plotted !== drawnFor && !(boundary && drawnFor && samePoints(drawnFor, plotted))) drawBoundary(plotted, current);
      drawnFor = plotted ?? drawnFor;
      if (heatmap && paintHeatmap && (heatmap !== paintedHeatmap || recolour)) {
        paintHeatmap(heatmap, recolour);
        paintedHeatmap = heatmap;
        recolour = false;
        boundary?.setAttribute('aria-description', describeBoundary(current));
      }
      // The curves are the costliest part of a frame: while training, four times a second is plenty.
      const now = performance.now();
      const changed = !curvesFor || curvesFor.current !== current || curvesFor.previous !== previous || curvesFor.epochs !== epochs;
      if (changed && (!running || now - lastCurves >= CURVES_MS)) {
        lastCurves = now;
        curvesFor = { current, previous, epochs };
        const width = part('loss').clientWidth || 320;
        const [shownNow, shownBefore] = [thin(current), thin(previous)];
        part('loss').replaceChildren(drawChart(curvesFigure('Loss', shownNow, shownBefore, epochs, width)));
        // The second chart in a task of its own keeps each task short.
        setTimeout(() => part('accuracy').replaceChildren(drawChart(curvesFigure('Accuracy', shownNow, shownBefore, epochs, width))));
      }
    },
    chart: () => boundary,
  };
}
