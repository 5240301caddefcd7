/**
 * Makes a chart rendered at build time smaller without changing what it shows, since every such
 * figure is part of its lesson's HTML: polylines lose the points that lie on a straight line
 * within a quarter of a pixel of their neighbours (a curve sampled at 801 points across 600 px
 * is mostly such points) and keep one decimal; runs of sibling rects alike but for their place
 * and size (a heatmap's cells) become one path each; every position and size keeps one decimal. The live charts are drawn as Plot draws them.
 */

/** How far (px) a dropped point may lie from the simplified line: invisible at 2× zoom. */
const TOLERANCE = 0.25;

type Point = [number, number];

/** The distance from p to the segment a–b. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Ramer–Douglas–Peucker: the points to keep of `points`, the ends always (iterative, so a long line cannot overflow the stack). */
export function simplifyPolyline(points: readonly Point[], tolerance = TOLERANCE): Point[] {
  if (points.length < 3) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const spans: [number, number][] = [[0, points.length - 1]];
  while (spans.length > 0) {
    const [first, last] = spans.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    spans.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A length in tenths of a pixel, as a whole number, so that differences of them carry no float noise. */
const tenths = (value: number) => Math.round(value * 10);
const fromTenths = (value: number) => String(value / 10);

/** A path's data if it is only straight lines (M and L, absolute), simplified and in relative steps; otherwise null (arcs, curves, symbols stay as they are). */
export function simplifyPathData(d: string): string | null {
  if (!/^M[\d.,\s-]+(?:[ML][\d.,\s-]+)*$/.test(d.trim())) return null;
  const parts = d.trim().split(/(?=M)/);
  return parts
    .map((part) => {
      const numbers = part.match(/-?[\d.]+(?:e-?\d+)?/g)?.map(Number) ?? [];
      if (numbers.length % 2 !== 0 || numbers.some((value) => !Number.isFinite(value))) return null;
      const points = Array.from({ length: numbers.length / 2 }, (_, i): Point => [numbers[2 * i], numbers[2 * i + 1]]);
      // Each point after the first as a step from the one before: small numbers that repeat.
      const kept = simplifyPolyline(points).map(([x, y]) => [tenths(x), tenths(y)]);
      return kept.map(([x, y], i) => (i === 0 ? `M${fromTenths(x)},${fromTenths(y)}` : `l${fromTenths(x - kept[i - 1][0])},${fromTenths(y - kept[i - 1][1])}`)).join('');
    })
    .reduce<string | null>((whole, part) => (whole === null || part === null ? null : whole + part), '');
}

/** What makes two rects the same kind: every attribute but their place and size. */
const PLACE = new Set(['x', 'y', 'width', 'height']);

function kindOf(rect: Element): string | null {
  if (rect.children.length > 0 || rect.hasAttribute('rx') || rect.hasAttribute('ry')) return null;
  return [...rect.attributes]
    .filter((attribute) => !PLACE.has(attribute.name))
    .map((attribute) => `${attribute.name}=${attribute.value}`)
    .sort()
    .join('\n');
}

/**
 * The rects as one path: the first placed absolutely, each next by a move relative to the one
 * before (a closed outline ends where it started), so a heatmap's regular steps repeat and
 * compress well.
 */
function rectsPath(rects: readonly Element[]): string {
  let previous: [number, number] | null = null;
  return rects
    .map((rect) => {
      const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => tenths(Number(rect.getAttribute(name) ?? 0)));
      const move = previous ? `m${fromTenths(x - previous[0])},${fromTenths(y - previous[1])}` : `M${fromTenths(x)},${fromTenths(y)}`;
      previous = [x, y];
      return `${move}h${fromTenths(width)}v${fromTenths(height)}h${fromTenths(-width)}z`;
    })
    .join('');
}

type Box = [number, number, number, number];

const boxOf = (rect: Element): Box => {
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name) ?? 0));
  return [x, y, x + width, y + height];
};

/** Whether no two of the boxes overlap (touching edges is fine): then the order they are painted in does not matter. */
function disjoint(boxes: readonly Box[]): boolean {
  const sorted = [...boxes].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j][0] < sorted[i][2]; j++) {
      if (sorted[j][1] < sorted[i][3] && sorted[i][1] < sorted[j][3]) return false;
    }
  }
  return true;
}

/** One path standing for `rects`, with their shared attributes, where the first of them was. */
function replaceByPath(rects: readonly Element[]): void {
  const path = rects[0].ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'path');
  for (const attribute of rects[0].attributes) if (!PLACE.has(attribute.name)) path.setAttribute(attribute.name, attribute.value);
  path.setAttribute('d', rectsPath(rects));
  rects[0].replaceWith(path);
  for (const rect of rects.slice(1)) rect.remove();
}

/**
 * Replaces alike sibling rects by one path per kind: all of a kind together where the parent
 * holds only rects that do not overlap (a heatmap's cells, so paint order cannot show), else
 * each run of consecutive ones, so that whatever overlaps is still painted in the same order.
 */
function mergeRects(parent: Element): void {
  const children = [...parent.children];
  const kinds = children.map((child) => (child.localName === 'rect' ? kindOf(child) : null));
  if (kinds.every((kind) => kind !== null) && disjoint(children.map(boxOf))) {
    const groups = new Map<string, Element[]>();
    children.forEach((child, i) => groups.set(kinds[i]!, [...(groups.get(kinds[i]!) ?? []), child]));
    for (const group of groups.values()) if (group.length > 1) replaceByPath(group);
    return;
  }
  for (let start = 0; start < children.length; ) {
    let end = start + 1;
    while (kinds[start] !== null && end < children.length && kinds[end] === kinds[start]) end++;
    if (kinds[start] !== null && end - start > 1) replaceByPath(children.slice(start, end));
    start = end;
  }
}

/** Attributes that place or size an element, in pixels: kept to one decimal (Plot writes up to 16). */
const GEOMETRY = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'transform'];

/** Every number with more than one decimal in `value`, to one decimal (20.000000000000004 → 20). */
export function roundNumbers(value: string): string {
  return value.replace(/-?\d*\.\d{2,}(?:e-?\d+)?/g, (number) => String(Math.round(Number(number) * 10) / 10));
}

/** Compacts every SVG inside `root` in place (see the file's comment). */
export function compactFigure(root: Element): void {
  for (const path of root.querySelectorAll('path[d]')) {
    const simplified = simplifyPathData(path.getAttribute('d')!);
    if (simplified !== null) path.setAttribute('d', simplified);
  }
  // Rects merge before positions are rounded: rounded, a heatmap's touching cells would overlap.
  const parents = new Set([...root.querySelectorAll('rect')].map((rect) => rect.parentElement!));
  for (const parent of parents) mergeRects(parent);
  for (const element of root.querySelectorAll(GEOMETRY.map((name) => `[${name}]`).join(', '))) {
    for (const name of GEOMETRY) {
      const value = element.getAttribute(name);
      if (value !== null) element.setAttribute(name, roundNumbers(value));
    }
  }
}
