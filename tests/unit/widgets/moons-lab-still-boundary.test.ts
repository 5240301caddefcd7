import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { renderStatic } from '../../../src/widgets/common/static-figure.ts';
import { boundaryFigure } from '../../../src/widgets/moons-lab/figures.ts';
import { GRID, type Bounds } from '../../../src/widgets/moons-lab/model.ts';
import type { Part, PlotPoints } from '../../../src/widgets/moons-lab/protocol.ts';
import { BANDS, bandColour, bandOf, stillBoundaryMarks } from '../../../src/widgets/moons-lab/still-boundary.ts';

const bounds: Bounds = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };

/** A network sure of class 1 to the right of x = 0.5 and of class 0 to the left, unsure near it. */
function heatmap(): Float64Array {
  return Float64Array.from({ length: GRID * GRID }, (_, i) => {
    const x = bounds.xMin + (((i % GRID) + 0.5) * (bounds.xMax - bounds.xMin)) / GRID;
    return 1 / (1 + Math.exp(-4 * (x - 0.5)));
  });
}

const parts: Part[] = ['train', 'validation', 'test'];
const points: PlotPoints = {
  x: Float64Array.from({ length: 600 }, (_, i) => Math.sin(i) * 1.8),
  y: Float64Array.from({ length: 600 }, (_, i) => Math.cos(i * 1.3) * 1.8),
  label: Uint8Array.from({ length: 600 }, (_, i) => i % 2),
  part: Array.from({ length: 600 }, (_, i) => parts[i % 3]),
};

test('bands: the likelier class, in fifths of certainty; not a number has none', () => {
  expect(bandOf(0.5)).toEqual({ label: 1, level: 0 });
  expect(bandOf(0.49)).toEqual({ label: 0, level: 0 });
  expect(bandOf(0.65)).toEqual({ label: 1, level: 1 });
  expect(bandOf(1)).toEqual({ label: 1, level: BANDS - 1 });
  expect(bandOf(0)).toEqual({ label: 0, level: BANDS - 1 });
  expect(bandOf(Number.NaN)).toBeNull();
  expect(bandColour(1, BANDS - 1)).toBe('color-mix(in srgb, var(--series-2) 41%, var(--color-bg))');
});

test('the still boundary figure is a few dozen elements: a path per band, the 50% line, a path per class and part', () => {
  const markup = renderStatic(boundaryFigure(bounds, stillBoundaryMarks(points, bounds, heatmap()), 480, 'A description.'));
  const svg = new JSDOM(markup).window.document.querySelector('svg')!;
  expect(svg.querySelectorAll('*').length).toBeLessThan(120);
  const fills = [...svg.querySelectorAll('g[shape-rendering] path')].map((path) => path.getAttribute('fill'));
  expect(new Set(fills).size).toBe(fills.length);
  expect(fills).toContain(bandColour(1, BANDS - 1));
  expect(fills).toContain(bandColour(0, BANDS - 1));
  // Six point paths (two classes, three parts), each with as many sub-paths as it has points.
  const dots = [...svg.querySelectorAll('g.al-points path')];
  expect(dots).toHaveLength(6);
  expect(dots.reduce((sum, path) => sum + (path.getAttribute('d')!.match(/[Mm]/g) ?? []).length, 0)).toBe(600);
  // One absolute move, then moves relative to the symbol before; replayed, every circle's centre
  // (3 px right of where its outline starts) lands inside the 480 px chart, left to right.
  const circles = dots.find((path) => path.getAttribute('d')!.includes('a3 3'))!;
  const moves = [...circles.getAttribute('d')!.matchAll(/([Mm])(-?[\d.]+) (-?[\d.]+)/g)];
  expect(moves.map((move) => move[1]).join('')).toBe(`M${'m'.repeat(moves.length - 1)}`);
  let [x, y] = [0, 0];
  const centres = moves.map(([, , dx, dy]) => ([x, y] = [x + Number(dx), y + Number(dy)])).map(([cx, cy]) => [cx + 3, cy]);
  expect(centres.every(([cx, cy]) => cx > 0 && cx < 480 && cy > 0 && cy < 480)).toBe(true);
  expect(centres.every(([cx], i) => i === 0 || cx >= centres[i - 1][0])).toBe(true);
  // The line runs down the plot where p = 0.5, at x = 0.5: every one of its points sits there.
  const line = svg.querySelector('path[stroke="var(--color-text)"]')!;
  // Its segments, as the build writes them: a move, then one relative step.
  const segments = [...line.getAttribute('d')!.matchAll(/M(-?[\d.]+),(-?[\d.]+)l(-?[\d.]+),(-?[\d.]+)/g)];
  const xs = segments.flatMap(([, x, , dx]) => [Number(x), Number(x) + Number(dx)]);
  expect(segments.length).toBeGreaterThanOrEqual(GRID - 2);
  expect(new Set(xs.map((x) => Math.round(x))).size).toBe(1);
});
