/**
 * What the loss-descent widget computes, from state alone: the data set, each loss's curve over
 * w at the current b (0-1 loss as an exact staircase), gradient descent from the current (w, b),
 * and the article's example of four predictions for a true class 1.
 */
import { activation, loss } from '../../lib/index.ts';
import {
  DESCENT_LOSS_LABELS,
  accuracy,
  evaluate,
  makeLineData,
  meanLoss,
  type DescentLoss,
  type LineData,
  type LossGradient,
} from './classifier.ts';
import type { DescentState } from './state.ts';

/** How many steps "Gradient descent from here" takes. */
export const DESCENT_STEPS = 100;

/** The data set the state describes: `size` points from `seed`. */
export function dataOf(state: DescentState): LineData {
  return makeLineData(state.size, state.seed);
}

/** One point of a loss curve. */
export interface CurvePoint {
  readonly w: number;
  readonly loss: number;
}

/** The range of w a curve covers and how many evenly spaced points it has (ends included). */
export interface CurveGrid {
  readonly from: number;
  readonly to: number;
  readonly points: number;
}

/** The w slider's range, in 401 points (steps of 0.025). */
export const DEFAULT_CURVE_GRID: CurveGrid = { from: -5, to: 5, points: 401 };

/**
 * The loss as a function of w at fixed b, on an even grid. For 0-1 loss the even grid would
 * blur each jump into a slope, so the curve also holds, for each jump inside the range, the two
 * points just either side of it (1e-9 away): drawn in order, the steps are vertical.
 */
export function lossCurve(data: LineData, id: DescentLoss, b: number, grid: CurveGrid = DEFAULT_CURVE_GRID): CurvePoint[] {
  const { from, to, points } = grid;
  const ws = Array.from({ length: points }, (_, index) => from + ((to - from) * index) / (points - 1));
  if (id === 'zero_one') {
    for (const jump of zeroOneJumps(data, b, from, to)) ws.push(jump - 1e-9, jump + 1e-9);
    ws.sort((left, right) => left - right);
  }
  const softplus = activation('softplus').f;
  return ws.map((w) => ({ w, loss: meanLoss(data, id, w, b, softplus) }));
}

/**
 * The values of w in [from, to] where 0-1 loss at fixed b may jump: where some point's score
 * w·x + b crosses 0, w = −b/x (a point at x = 0 has score b whatever w is, and never crosses).
 * Sorted, without repeats. Between two neighbours the loss is constant.
 */
export function zeroOneJumps(data: LineData, b: number, from: number, to: number): number[] {
  const jumps = data.x.filter((x) => x !== 0).map((x) => -b / x + 0);
  return [...new Set(jumps.filter((w) => w >= from && w <= to))].sort((left, right) => left - right);
}

/** One step of a descent path: where it was, and the loss and accuracy there. */
export interface PathPoint {
  readonly w: number;
  readonly b: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** The result of gradient descent from the state's (w, b). */
export interface Descent {
  readonly loss: DescentLoss;
  /** The start and every step after it: steps + 1 points. */
  readonly path: readonly PathPoint[];
  /** Whether w or b changed at all. */
  readonly moved: boolean;
  /** The sentence the widget shows when nothing moved, or null when something did. */
  readonly stuck: string | null;
}

/** The widget's sentence for 0-1 loss, which never moves. */
export const ZERO_ONE_STUCK = '0-1 loss has gradient 0 wherever it is defined, so gradient descent does not move.';

/**
 * `steps` steps of plain gradient descent under `id` from the state's (w, b) at its learning
 * rate: w ← w − lr·∂L/∂w, b ← b − lr·∂L/∂b, with the gradients of `lossGradient` (at a kink or
 * jump, its stated convention). The path is not held to the sliders' range; the view clamps
 * what it shows. Under 0-1 loss every gradient is 0, so the path stays at the start.
 */
export function descend(state: DescentState, id: DescentLoss, steps = DESCENT_STEPS): Descent {
  const data = dataOf(state);
  let w = state.w;
  let b = state.b;
  let current = evaluate(data, id, w, b);
  const path: PathPoint[] = [{ w, b, loss: current.value, accuracy: accuracy(data, w, b) }];
  for (let step = 0; step < steps; step++) {
    w -= state.lr * current.gradient.w;
    b -= state.lr * current.gradient.b;
    current = evaluate(data, id, w, b);
    path.push({ w, b, loss: current.value, accuracy: accuracy(data, w, b) });
  }
  const moved = path.some((point) => point.w !== state.w || point.b !== state.b);
  return { loss: id, path, moved, stuck: moved ? null : stuckSentence(id) };
}

/** Why descent under `id` did not move. */
function stuckSentence(id: DescentLoss): string {
  if (id === 'zero_one') return ZERO_ONE_STUCK;
  return `${DESCENT_LOSS_LABELS[id]} has gradient 0 here, so gradient descent does not move.`;
}

/** What the widget marks at the current (w, b) for each loss shown: the value and the gradient arrow. */
export interface LossMark {
  readonly loss: DescentLoss;
  readonly value: number;
  readonly gradient: LossGradient;
}

/** The current (w, b)'s mark on the curve of each loss in `ids`. */
export function marksOf(state: DescentState, ids: readonly DescentLoss[]): LossMark[] {
  const data = dataOf(state);
  return ids.map((id) => {
    const { value, gradient } = evaluate(data, id, state.w, state.b);
    return { loss: id, value, gradient };
  });
}

/** The article's predicted probabilities for a point whose true class is 1. */
export const EXAMPLE_PROBABILITIES = [0.49, 0.51, 0.01, 0.99] as const;

/** One row of the article's example: a predicted probability and what each loss charges for it. */
export interface ExampleRow {
  readonly probability: number;
  /** σ⁻¹(p) = ln(p / (1 − p)), the score that gives p. */
  readonly logit: number;
  /** 1 when p ≤ 0.5 (class 0 predicted, threshold 0.5 with ties to class 0, as predictedClass), else 0. */
  readonly zeroOne: number;
  /** −ln p. */
  readonly crossEntropy: number;
  /** (1 − p)². */
  readonly squaredError: number;
  /** max(0, 1 − logit), with y = +1. */
  readonly hinge: number;
  /** max(0, −logit), with y = +1: 0 for every right answer, however unsure. */
  readonly perceptron: number;
}

/**
 * The article's example for a true class 1: for each probability, its 0-1 loss, binary
 * cross-entropy, squared error, and hinge and perceptron loss on its logit, from the numerics
 * core's losses (the perceptron loss, which the core lacks, as max(0, −logit)).
 * 0.49 and 0.51 differ by 1 in 0-1 loss, as do 0.01 and 0.99, yet 0.01 and 0.49 cost the same:
 * 0-1 loss cannot tell a near miss from a confident mistake; the other three can.
 */
export function articleExample(probabilities: readonly number[] = EXAMPLE_PROBABILITIES): ExampleRow[] {
  return probabilities.map((probability) => {
    if (!(probability > 0 && probability < 1)) throw new Error(`A probability strictly between 0 and 1 is needed, got ${probability}`);
    const logit = Math.log(probability / (1 - probability));
    return {
      probability,
      logit,
      zeroOne: loss('zero_one').value([1], [probability > 0.5 ? 1 : 0]),
      crossEntropy: loss('bce').value([1], [probability]),
      squaredError: loss('mse').value([1], [probability]),
      hinge: loss('hinge').value([1], [logit]),
      perceptron: Math.max(0, -logit) + 0,
    };
  });
}
