import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { compactFigure, roundNumbers, simplifyPathData, simplifyPolyline } from '../../../src/widgets/common/compact-figure.ts';

/** The distance from p to the polyline through `line`. */
function distanceToLine(p: [number, number], line: [number, number][]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i], line[i + 1]];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}

test('a simplified polyline keeps its ends, and every point it drops lies within a quarter pixel of it', () => {
  // Pixel positions as Plot writes them: a few decimals at most.
  const coordinate = fc.integer({ min: -50_000, max: 50_000 }).map((value) => value / 100);
  const point = fc.tuple(coordinate, coordinate);
  fc.assert(
    fc.property(fc.array(point, { minLength: 2, maxLength: 60 }), (points) => {
      const kept = simplifyPolyline(points);
      expect(kept[0]).toEqual(points[0]);
      expect(kept.at(-1)).toEqual(points.at(-1));
      for (const p of points) expect(distanceToLine(p, kept)).toBeLessThanOrEqual(0.25 + 1e-9);
    }),
  );
});

test('a sampled straight stretch becomes its two ends; a curve keeps enough points; arcs and symbols are left alone', () => {
  const flat = Array.from({ length: 801 }, (_, i) => `${i === 0 ? 'M' : 'L'}${56 + i * 0.66},212.615`).join('');
  expect(simplifyPathData(flat)).toBe('M56,212.6l528,0');
  const curve = Array.from({ length: 801 }, (_, i) => `${i === 0 ? 'M' : 'L'}${i * 0.75},${100 + 80 * Math.sin(i / 60)}`).join('');
  const simplified = simplifyPathData(curve)!;
  expect(simplified.split('l').length).toBeGreaterThan(10);
  expect(simplified.split('l').length).toBeLessThan(200);
  // Two sub-paths (a gap in a line) stay two.
  expect(simplifyPathData('M0,0L1,0L2,0M5,5L6,5L7,5')).toBe('M0,0l2,0M5,5l2,0');
  expect(simplifyPathData('M3,0A3,3,0,1,1,-3,0A3,3,0,1,1,3,0')).toBeNull();
  expect(simplifyPathData('M0,0C1,1,2,2,3,3')).toBeNull();
});

function svg(markup: string): Element {
  return new JSDOM(`<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`).window.document.querySelector('svg')!;
}

test("a heatmap's cells, which do not overlap, become one path per colour", () => {
  const cells = [0, 1, 2, 3].map((i) => `<rect x="${10 * (i % 2)}" y="${10 * Math.floor(i / 2)}" width="10" height="10" fill="${i === 1 || i === 2 ? 'red' : 'blue'}"></rect>`);
  const figure = svg(`<g>${cells.join('')}</g>`);
  compactFigure(figure);
  const paths = [...figure.querySelectorAll('g > path')];
  expect(figure.querySelectorAll('rect')).toHaveLength(0);
  expect(paths.map((path) => [path.getAttribute('fill'), path.getAttribute('d')])).toEqual([
    ['blue', 'M0,0h10v10h-10zm10,10h10v10h-10z'],
    ['red', 'M10,0h10v10h-10zm-10,10h10v10h-10z'],
  ]);
});

test('overlapping rects keep their paint order: only consecutive alike ones merge; rounded or titled ones stay', () => {
  const figure = svg(
    '<g><rect x="0" y="0" width="20" height="20" fill="blue"></rect><rect x="5" y="5" width="20" height="20" fill="blue"></rect>' +
      '<rect x="10" y="10" width="20" height="20" fill="red"></rect><rect x="15" y="15" width="20" height="20" fill="blue"></rect></g>' +
      '<g><rect x="0" y="0" width="5" height="5" rx="2"></rect><rect x="9" y="0" width="5" height="5" rx="2"></rect><rect x="20" y="0" width="5" height="5"><title>a</title></rect></g>',
  );
  compactFigure(figure);
  const [first, second] = [...figure.querySelectorAll('g')];
  expect([...first.children].map((child) => `${child.localName} ${child.getAttribute('fill')}`)).toEqual(['path blue', 'rect red', 'rect blue']);
  expect(second.querySelectorAll('rect')).toHaveLength(3);
});

test('positions and sizes keep one decimal: float noise and sixteen-digit pixels go, whole numbers and text stay', () => {
  expect(roundNumbers('translate(56,175.75)')).toBe('translate(56,175.8)');
  expect(roundNumbers('20.000000000000004')).toBe('20');
  expect(roundNumbers('-0.26')).toBe('-0.3');
  expect(roundNumbers('12.5')).toBe('12.5');
  const figure = svg('<text x="10.123456" y="4" transform="rotate(-90.00001)">1.25</text>');
  compactFigure(figure);
  const text = figure.querySelector('text')!;
  expect([text.getAttribute('x'), text.getAttribute('y'), text.getAttribute('transform'), text.textContent]).toEqual(['10.1', '4', 'rotate(-90)', '1.25']);
});
