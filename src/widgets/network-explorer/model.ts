/**
 * The tiny network the explorer draws: ŷ(x) = Σⱼ vⱼ f(wⱼ x + bⱼ) + c, and its derivative with
 * respect to a first-layer weight, ∂ŷ/∂wⱼ = vⱼ f′(wⱼ x + bⱼ) x. The activation's value and
 * derivative come from the numerics core, so the widget shows exactly what the lessons compute.
 */
import { activation, type Activation } from '../../lib/index.ts';
import { formatFixed } from '../common/format.ts';
import { optionLabel } from '../common/state.ts';
import { HIDDEN_UNITS, SCHEMA, X_RANGE, type ExplorerState, type HiddenActivation } from './state.ts';

/** One sampled point of both curves. */
export interface CurvePoint {
  x: number;
  y: number;
  dy: number;
}

/** The activation behind a choice; 'none' is the identity (the core's 'linear'). */
export function hiddenActivation(choice: HiddenActivation): Activation {
  return activation(choice === 'none' ? 'linear' : choice);
}

function weights(state: ExplorerState) {
  return {
    w: [state.w1, state.w2, state.w3],
    b: [state.b1, state.b2, state.b3],
    v: [state.v1, state.v2, state.v3],
  };
}

/**
 * Samples ŷ and ∂ŷ/∂w over the plotted range. An odd sample count keeps x = 0 among the
 * points; steps and kinks fall between samples, so the charts draw them as steep segments.
 */
export function sampleCurves(state: ExplorerState, samples = 301): CurvePoint[] {
  const f = hiddenActivation(state.f);
  const { w, b, v } = weights(state);
  const unit = Number(state.wrt.slice(1)) - 1;
  const [low, high] = X_RANGE;
  const points: CurvePoint[] = [];
  for (let i = 0; i < samples; i++) {
    const x = low + ((high - low) * i) / (samples - 1);
    let y = state.c;
    for (let j = 0; j < HIDDEN_UNITS; j++) y += v[j] * f.f(w[j] * x + b[j]);
    const dy = v[unit] * f.df(w[unit] * x + b[unit]) * x;
    points.push({ x, y, dy });
  }
  return points;
}

/** Where each hidden unit switches (x = −b/w), for units whose switch falls inside the plotted range. */
export function thresholds(state: ExplorerState): number[] {
  const { w, b } = weights(state);
  return w
    .map((weight, j) => (weight === 0 ? Number.NaN : -b[j] / weight))
    .filter((x) => x >= X_RANGE[0] && x <= X_RANGE[1])
    .sort((p, q) => p - q);
}

/** Whether sampled values lie on one straight line (every second difference is round-off small). */
export function isStraight(points: readonly CurvePoint[]): boolean {
  const scale = Math.max(1, ...points.map((point) => Math.abs(point.y)));
  for (let i = 1; i < points.length - 1; i++) {
    const bend = points[i + 1].y - 2 * points[i].y + points[i - 1].y;
    if (Math.abs(bend) > 1e-9 * scale) return false;
  }
  return true;
}

/** One sentence on what the charts show, for the live region and the figures' descriptions. */
export function describe(state: ExplorerState, points: readonly CurvePoint[]): string {
  const name = optionLabel(SCHEMA.f, state.f);
  const flat = points.every((point) => point.dy === 0);
  const shape = isStraight(points)
    ? `the output is a straight line from ${formatFixed(points[0].y, 2)} to ${formatFixed(points.at(-1)!.y, 2)}`
    : state.f === 'step'
      ? 'the output is a staircase of flat steps'
      : 'the output bends';
  const derivative = flat
    ? `the derivative with respect to ${state.wrt} is zero everywhere`
    : `the derivative with respect to ${state.wrt} ranges from ${formatFixed(Math.min(...points.map((p) => p.dy)), 2)} to ${formatFixed(Math.max(...points.map((p) => p.dy)), 2)}`;
  return `With ${state.f === 'none' ? 'no activation' : name}, ${shape}; ${derivative}.`;
}
