/**
 * The three line fits y = slope·x + intercept, each minimising one loss's mean over the points,
 * and the best constant under each loss. Every solver works on internally scaled coordinates
 * (x and y centred and divided by their spread), so coordinates of 1e6 or a hundred stacked
 * points give finite answers; when the x values do not spread (one point, or all at one x) no
 * slope is defined and each fit is the flat line at that loss's best constant.
 */

/** A line y = slope·x + intercept. */
export interface Line {
  readonly slope: number;
  readonly intercept: number;
}

/** The points as two equal-length arrays. */
export interface Points {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** Iteratively reweighted least squares stops when a step moves the scaled parameters less than this. */
export const IRLS_TOLERANCE = 1e-12;

/** ... or after this many iterations (a Newton polish follows either way). */
export const IRLS_MAX_ITERATIONS = 500;

/** The points centred and scaled (max absolute deviation 1), and how to undo it. */
interface Scaled {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly xCentre: number;
  readonly xScale: number;
  readonly yCentre: number;
  readonly yScale: number;
  /** False when every x is the same (or there is at most one point): no slope is defined. */
  readonly spread: boolean;
}

function centreAndScale(values: readonly number[]): { values: Float64Array; centre: number; scale: number } {
  const n = values.length;
  // The midrange, not the mean: it cannot overflow and it keeps every scaled value in [-1, 1].
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  const centre = n === 0 ? 0 : low / 2 + high / 2;
  const half = n === 0 ? 0 : high / 2 - low / 2;
  const scale = half > 0 ? half : 1;
  return { values: Float64Array.from(values, (v) => (v - centre) / scale), centre, scale };
}

function scalePoints(points: Points): Scaled {
  const x = centreAndScale(points.x);
  const y = centreAndScale(points.y);
  const spread = x.values.some((v) => v !== x.values[0]);
  return { x: x.values, y: y.values, xCentre: x.centre, xScale: x.scale, yCentre: y.centre, yScale: y.scale, spread };
}

/** A line found in scaled coordinates, in the points' own. */
function unscale(s: Scaled, slope: number, intercept: number): Line {
  const realSlope = (slope * s.yScale) / s.xScale;
  return { slope: realSlope + 0, intercept: s.yCentre + s.yScale * intercept - slope * s.yScale * (s.xCentre / s.xScale) + 0 };
}

function flat(s: Scaled, constant: number): Line {
  return { slope: 0, intercept: s.yCentre + s.yScale * constant };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length === 0 ? 0 : sum / values.length;
}

/** The median of scaled values; for an even count the midpoint of the two middle ones. */
function medianOf(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return 0;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : sorted[n / 2 - 1] / 2 + sorted[n / 2] / 2;
}

/** The mean: the constant that minimises mean squared error. */
export function meanConstant(values: readonly number[]): number {
  const s = centreAndScale(values);
  return s.centre + s.scale * mean(s.values);
}

/**
 * A median: any value between the two middle ones minimises mean absolute error for an even
 * count; this picks their midpoint.
 */
export function medianConstant(values: readonly number[]): number {
  const s = centreAndScale(values);
  return s.centre + s.scale * medianOf(s.values);
}

/** Huber's M-estimate of location in scaled values: 1-D IRLS from the median (weights min(1, δ/|r|)). */
function huberLocation(values: Float64Array, delta: number): number {
  let c = medianOf(values);
  for (let k = 0; k < IRLS_MAX_ITERATIONS; k++) {
    let weighted = 0;
    let total = 0;
    for (const v of values) {
      const w = Math.min(1, delta / Math.max(Math.abs(c - v), Number.MIN_VALUE));
      weighted += w * v;
      total += w;
    }
    const next = total > 0 ? weighted / total : c;
    const moved = Math.abs(next - c);
    c = next;
    if (moved <= IRLS_TOLERANCE) break;
  }
  return c;
}

/** The constant that minimises Huber's mean at this delta (1-D IRLS to IRLS_TOLERANCE in scaled units). */
export function huberConstant(values: readonly number[], delta: number): number {
  const s = centreAndScale(values);
  return s.centre + s.scale * huberLocation(s.values, delta / s.scale);
}

/**
 * The least-squares line by the normal equations on centred x (so no large x² sum cancels):
 * slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², and the line passes through (x̄, ȳ).
 */
export function fitMse(points: Points): Line {
  const s = scalePoints(points);
  const my = mean(s.y);
  if (!s.spread) return flat(s, my);
  const mx = mean(s.x);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < s.x.length; i++) {
    sxy += (s.x[i] - mx) * (s.y[i] - my);
    sxx += (s.x[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return unscale(s, slope, my - slope * mx);
}

/** Room for one pivot's slopes, weights and their order, allocated once per fit. */
interface SlopeBuffers {
  readonly slopes: Float64Array;
  readonly weights: Float64Array;
  readonly order: Uint32Array;
}

/** The slope through pivot i that minimises Σ|yⱼ − yᵢ − slope·(xⱼ − xᵢ)|: a weighted median of the slopes to i. */
function bestSlopeThrough(s: Scaled, i: number, buffers: SlopeBuffers): number | undefined {
  const { slopes, weights, order } = buffers;
  let count = 0;
  let total = 0;
  for (let j = 0; j < s.x.length; j++) {
    const dx = s.x[j] - s.x[i];
    if (dx === 0) continue;
    slopes[count] = (s.y[j] - s.y[i]) / dx;
    weights[count] = Math.abs(dx);
    order[count] = count;
    total += weights[count];
    count += 1;
  }
  if (count === 0) return undefined;
  const sorted = order.subarray(0, count).sort((p, q) => slopes[p] - slopes[q]);
  let running = 0;
  for (const k of sorted) {
    running += weights[k];
    if (running >= total / 2) return slopes[k];
  }
  return slopes[sorted[count - 1]];
}

function absoluteSum(s: Scaled, slope: number, intercept: number): number {
  let sum = 0;
  for (let i = 0; i < s.x.length; i++) sum += Math.abs(slope * s.x[i] + intercept - s.y[i]);
  return sum;
}

/**
 * The least-absolute-deviations line, exactly. Some optimal line passes through two of the
 * points; the best line through a given point has as slope a weighted median of the slopes to
 * the others (weights |xⱼ − xᵢ|), so trying every point as the pivot finds the optimum in
 * O(n² log n), with no tolerance. When several lines tie, the first pivot's is kept.
 */
export function fitMae(points: Points): Line {
  const s = scalePoints(points);
  if (!s.spread) return flat(s, medianOf(s.y));
  let best = { slope: 0, intercept: 0, sum: Infinity };
  const n = s.x.length;
  const buffers = { slopes: new Float64Array(n), weights: new Float64Array(n), order: new Uint32Array(n) };
  for (let i = 0; i < n; i++) {
    const slope = bestSlopeThrough(s, i, buffers);
    if (slope === undefined) continue;
    const intercept = s.y[i] - slope * s.x[i];
    const sum = absoluteSum(s, slope, intercept);
    if (sum < best.sum) best = { slope, intercept, sum };
  }
  return unscale(s, best.slope, best.intercept);
}

/** Weighted least squares in scaled coordinates: minimises Σ wᵢ(slope·xᵢ + intercept − tᵢ)². */
function weightedLine(x: Float64Array, target: Float64Array, weights: Float64Array): [number, number] | undefined {
  let total = 0;
  let mx = 0;
  let mt = 0;
  for (let i = 0; i < x.length; i++) {
    total += weights[i];
    mx += weights[i] * x[i];
    mt += weights[i] * target[i];
  }
  if (!(total > 0)) return undefined;
  mx /= total;
  mt /= total;
  let sxt = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxt += weights[i] * (x[i] - mx) * (target[i] - mt);
    sxx += weights[i] * (x[i] - mx) ** 2;
  }
  if (!(sxx > 0)) return undefined;
  const slope = sxt / sxx;
  return [slope, mt - slope * mx];
}

function huberSum(s: Scaled, delta: number, slope: number, intercept: number): number {
  let sum = 0;
  for (let i = 0; i < s.x.length; i++) {
    const r = Math.abs(slope * s.x[i] + intercept - s.y[i]);
    sum += r < delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
  }
  return sum;
}

/**
 * Huber's line: iteratively reweighted least squares from the MSE line (weights min(1, δ/|r|),
 * each step a majorise-minimise step, so the loss never rises) until a step moves the scaled
 * parameters by less than IRLS_TOLERANCE, then Newton steps on the points inside ±δ (the other
 * points' gradient is the constant ±δ), kept only while they lower the loss. When the set of
 * points inside ±δ is right, that step is the exact optimum, so the gradient left is rounding.
 */
export function fitHuber(points: Points, delta: number): Line {
  const s = scalePoints(points);
  const d = delta / s.yScale;
  if (!s.spread) return flat(s, huberLocation(s.y, d));
  const n = s.x.length;
  const weights = new Float64Array(n).fill(1);
  let [slope, intercept] = weightedLine(s.x, s.y, weights) ?? [0, 0];
  for (let k = 0; k < IRLS_MAX_ITERATIONS; k++) {
    for (let i = 0; i < n; i++) weights[i] = Math.min(1, d / Math.max(Math.abs(slope * s.x[i] + intercept - s.y[i]), Number.MIN_VALUE));
    const next = weightedLine(s.x, s.y, weights);
    if (!next) break;
    const moved = Math.abs(next[0] - slope) + Math.abs(next[1] - intercept);
    [slope, intercept] = next;
    if (moved <= IRLS_TOLERANCE) break;
  }
  for (let k = 0; k < 20; k++) {
    const newton = newtonStep(s, d, slope, intercept);
    if (!newton || huberSum(s, d, newton[0], newton[1]) >= huberSum(s, d, slope, intercept)) break;
    [slope, intercept] = newton;
  }
  return unscale(s, slope, intercept);
}

/** Solves the gradient's zero with the current inside set fixed: least squares on the inside points, targets shifted by the outside points' pull. */
function newtonStep(s: Scaled, d: number, slope: number, intercept: number): [number, number] | undefined {
  const n = s.x.length;
  const inside = new Float64Array(n);
  let pullX = 0;
  let pull = 0;
  for (let i = 0; i < n; i++) {
    const r = slope * s.x[i] + intercept - s.y[i];
    if (Math.abs(r) < d) inside[i] = 1;
    else {
      pullX += d * Math.sign(r) * s.x[i];
      pull += d * Math.sign(r);
    }
  }
  // Inside points: Σ(slope·x + c − y)(x, 1) = −(pullX, pull). Solve the 2×2 system directly.
  let sxx = 0;
  let sx = 0;
  let count = 0;
  let sxy = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    if (!inside[i]) continue;
    sxx += s.x[i] ** 2;
    sx += s.x[i];
    count += 1;
    sxy += s.x[i] * s.y[i];
    sy += s.y[i];
  }
  const det = sxx * count - sx * sx;
  if (!(Math.abs(det) > 1e-12 * Math.max(1, sxx * count))) return undefined;
  const bx = sxy - pullX;
  const b = sy - pull;
  return [(bx * count - sx * b) / det, (sxx * b - sx * bx) / det];
}
