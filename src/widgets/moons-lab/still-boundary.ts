/**
 * The build-time boundary figure's marks, drawn compactly: the heatmap as a few bands, each one
 * <path> of its cells merged row by row, the 50% boundary as one path, and the points as one path
 * per class and part. Drawn cell by cell and dot by dot it was 4,300 elements and 58 KB gzipped
 * in the lesson's HTML, which is where a phone's style and layout time went; this is a few dozen.
 * The live view paints its heatmap into a canvas (heatmap.ts) but draws its points with
 * `pointPaths` too: 2,000 dots took it about 80 ms of main thread a redraw, and a retrain redraws.
 */
import type { Markish, RenderFunction } from '@observablehq/plot';
import { CLASS_COLOURS } from './figures.ts';
import { GRID, type Bounds } from './model.ts';
import type { Part, PlotPoints } from './protocol.ts';

/** Certainty steps per class: |p − 0.5| · 2 in fifths, each drawn at its middle's strength. */
export const BANDS = 5;

/** The band of a probability: which class it leans to and how surely (0 to BANDS − 1), or null if it is not a number. */
export function bandOf(p: number): { label: 0 | 1; level: number } | null {
  if (!Number.isFinite(p)) return null;
  return { label: p >= 0.5 ? 1 : 0, level: Math.min(BANDS - 1, Math.floor(Math.abs(p - 0.5) * 2 * BANDS)) };
}

/** A band's colour, as the live heatmap's: the class's colour mixed into the page background, 45% when certain. */
export function bandColour(label: 0 | 1, level: number): string {
  const strength = Math.round(((level + 0.5) / BANDS) * 45);
  return `color-mix(in srgb, ${CLASS_COLOURS[label]} ${strength}%, var(--color-bg))`;
}

type Scale = (value: number) => number;

/** One SVG element with the given attributes, made in the chart's own document (jsdom at build time). */
function element(document: Document, name: string, attributes: Record<string, string>): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node as SVGElement;
}

/** The heatmap: row by row, runs of cells in one band become one rectangle of that band's path. */
function bands(heatmap: Float64Array, bounds: Bounds): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x as Scale;
    const y = scales.y as Scale;
    // Cell edges in whole pixels, shared by neighbours, so bands meet without gaps or overlaps.
    const column = (c: number) => Math.round(x(bounds.xMin + (c * (bounds.xMax - bounds.xMin)) / GRID));
    const row = (r: number) => Math.round(y(bounds.yMax - (r * (bounds.yMax - bounds.yMin)) / GRID));
    const paths = new Map<string, string[]>();
    for (let r = 0; r < GRID; r++) {
      for (let start = 0; start < GRID; ) {
        const band = bandOf(heatmap[r * GRID + start]);
        let end = start + 1;
        const same = (c: number) => {
          const other = bandOf(heatmap[r * GRID + c]);
          return band !== null && other !== null && other.label === band.label && other.level === band.level;
        };
        while (end < GRID && same(end)) end++;
        if (band) {
          const key = bandColour(band.label, band.level);
          const [left, top] = [column(start), row(r)];
          const run = `M${left} ${top}h${column(end) - left}v${row(r + 1) - top}h${left - column(end)}z`;
          paths.set(key, [...(paths.get(key) ?? []), run]);
        }
        start = end;
      }
    }
    const group = element(context.document, 'g', { 'aria-hidden': 'true', 'shape-rendering': 'crispEdges' });
    for (const [fill, runs] of paths) group.append(element(context.document, 'path', { fill, d: runs.join('') }));
    return group;
  };
}

/** Where p crosses 0.5 between two grid samples, as a fraction of the way from the first. */
const crossing = (a: number, b: number) => (0.5 - a) / (b - a);

/**
 * The decision boundary (p = 0.5) by marching squares over the grid's cell centres: one segment
 * per square it passes through, all in one path. A square with two opposite corners on each side
 * is split by its centre's value, which the average of its corners stands for.
 */
function boundaryLine(heatmap: Float64Array, bounds: Bounds): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x as Scale;
    const y = scales.y as Scale;
    const at = (c: number, r: number) => heatmap[r * GRID + c];
    const point = (c: number, r: number) =>
      `${x(bounds.xMin + ((c + 0.5) * (bounds.xMax - bounds.xMin)) / GRID).toFixed(1)} ${y(bounds.yMax - ((r + 0.5) * (bounds.yMax - bounds.yMin)) / GRID).toFixed(1)}`;
    const segments: string[] = [];
    for (let r = 0; r + 1 < GRID; r++) {
      for (let c = 0; c + 1 < GRID; c++) {
        const corners = [at(c, r), at(c + 1, r), at(c + 1, r + 1), at(c, r + 1)];
        if (!corners.every(Number.isFinite)) continue;
        // The crossing on each edge of the square (top, right, bottom, left), where its ends differ in class.
        const edges = [
          [c, r, c + 1, r],
          [c + 1, r, c + 1, r + 1],
          [c, r + 1, c + 1, r + 1],
          [c, r, c, r + 1],
        ].map(([c1, r1, c2, r2]) => {
          const [a, b] = [at(c1, r1), at(c2, r2)];
          if (a >= 0.5 === b >= 0.5) return null;
          const t = crossing(a, b);
          return point(c1 + t * (c2 - c1), r1 + t * (r2 - r1));
        });
        const crossed = edges.filter((edge): edge is string => edge !== null);
        if (crossed.length === 2) segments.push(`M${crossed[0]}L${crossed[1]}`);
        if (crossed.length === 4) {
          const centreAbove = corners.reduce((sum, p) => sum + p, 0) / 4 >= 0.5;
          const topLeftAbove = corners[0] >= 0.5;
          // Join each crossing to the one that keeps the centre's side connected.
          const pairs = centreAbove === topLeftAbove ? [[0, 1], [2, 3]] : [[0, 3], [1, 2]];
          for (const [from, to] of pairs) segments.push(`M${edges[from]}L${edges[to]}`);
        }
      }
    }
    return element(context.document, 'path', {
      d: segments.join(''),
      fill: 'none',
      stroke: 'var(--color-text)',
      'stroke-width': '1.5',
      'stroke-linecap': 'round',
      'aria-hidden': 'true',
    });
  };
}

/**
 * Symbol outlines of about a 3 px circle's area: where each starts from its centre, and its
 * outline in relative commands, which end back at its start.
 */
const SYMBOLS: Record<Part, { start: [number, number]; outline: string }> = {
  train: { start: [-3, 0], outline: 'a3 3 0 1 0 6 0a3 3 0 1 0-6 0' },
  validation: { start: [-2.7, -2.7], outline: 'h5.4v5.4h-5.4z' },
  test: { start: [0, -4.7], outline: 'l4.1 7.1h-8.2z' },
  yours: { start: [0, -4.5], outline: 'l1.3 2.7 3 .4-2.2 2.1.5 3-2.6-1.4-2.6 1.4.5-3-2.2-2.1 3-.4z' },
};

/**
 * One path of one symbol at every centre (whole pixels): sorted left to right, each after the
 * first reached by a relative move from the one before (every outline ends where it started),
 * so the numbers are small and repeat, and the path compresses well.
 */
function symbolPath(part: Part, centres: [number, number][]): string {
  const { start, outline } = SYMBOLS[part];
  const sorted = [...centres].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return sorted
    .map(([cx, cy], i) => {
      if (i === 0) return `M${cx + start[0]} ${cy + start[1]}${outline}`;
      const [px, py] = sorted[i - 1];
      return `m${cx - px} ${cy - py}${outline}`;
    })
    .join('');
}

/** Every point (or those of the parts `include` keeps), as one path per class and part: colour says the class, the symbol the part. */
export function pointPaths(points: PlotPoints, include: (part: Part) => boolean = () => true): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x as Scale;
    const y = scales.y as Scale;
    const groups = new Map<string, { label: 0 | 1; part: Part; centres: [number, number][] }>();
    for (let i = 0; i < points.x.length; i++) {
      const label = points.label[i] as 0 | 1;
      const part = points.part[i];
      if (!include(part)) continue;
      const key = `${label}-${part}`;
      const group = groups.get(key) ?? { label, part, centres: [] };
      group.centres.push([Math.round(x(points.x[i])), Math.round(y(points.y[i]))]);
      groups.set(key, group);
    }
    const container = element(context.document, 'g', { class: 'al-points', 'aria-hidden': 'true' });
    for (const { label, part, centres } of groups.values()) {
      const mine = part === 'yours';
      container.append(element(context.document, 'path', { d: symbolPath(part, centres), fill: CLASS_COLOURS[label], stroke: mine ? 'var(--color-text)' : 'var(--color-bg)', 'stroke-width': mine ? '1.2' : '0.6' }));
    }
    return container;
  };
}

/** The still figure's marks for `boundaryFigure`: bands, the boundary line, then the points on top. */
export function stillBoundaryMarks(points: PlotPoints, bounds: Bounds, heatmap: Float64Array): Markish[] {
  return [bands(heatmap, bounds), boundaryLine(heatmap, bounds), pointPaths(points)];
}

/** What the still figure's marks show, for its description: the line, the bands and the symbols. */
export const STILL_BOUNDARY_WORDS = `The line is where the network gives both classes 50%; each class's colour deepens in ${BANDS} steps as the network grows surer. Training points are circles, validation squares, test triangles.`;
