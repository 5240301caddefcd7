/**
 * The widget's numbers from its state and the reader's edits: the three line fits, each point's
 * residual and its share of each loss and of each loss's gradient in (slope, intercept), plain
 * gradient descent for each loss at one learning rate, and the best constant under each loss.
 * Loss values and their derivatives come from the library's loss() (PyTorch's conventions:
 * residual r = prediction − target, MAE's derivative 0 at r = 0, Huber's clip(r, −δ, δ)).
 */
import { loss } from '../../lib/index.ts';
import { fitHuber, fitMae, fitMse, huberConstant, meanConstant, medianConstant, type Line, type Points } from './fits.ts';
import { asPoints, regressionPoints, type RegressionPoint } from './points.ts';
import type { ReaderEdits, RegressionState } from './state.ts';

/** The three losses, in the order they are drawn. */
export const REGRESSION_LOSSES = ['mse', 'mae', 'huber'] as const;

/** One of the three losses. */
export type RegressionLoss = (typeof REGRESSION_LOSSES)[number];

/** A value per loss. */
export type PerLoss<T> = Readonly<Record<RegressionLoss, T>>;

/** The gradient of a loss's mean with respect to the line's slope and intercept. */
export interface LineGradient {
  readonly slope: number;
  readonly intercept: number;
}

/** The library's loss for `id` (Huber at `delta`). */
function lossOf(id: RegressionLoss, delta: number) {
  return id === 'huber' ? loss('huber', { delta }) : loss(id);
}

function predictions(line: Line, points: Points): number[] {
  return points.x.map((x) => line.slope * x + line.intercept);
}

/** The mean of loss `id` over the points for this line; Infinity when a prediction overflows (a diverged descent). */
export function lineLoss(id: RegressionLoss, delta: number, line: Line, points: Points): number {
  if (points.x.length === 0) return 0;
  const predicted = predictions(line, points);
  return predicted.every(Number.isFinite) ? lossOf(id, delta).value([...points.y], predicted) : Infinity;
}

/** The gradient of loss `id`'s mean in (slope, intercept): Σ ∂L/∂ŷᵢ·(xᵢ, 1), by the chain rule. */
export function lineGradient(id: RegressionLoss, delta: number, line: Line, points: Points): LineGradient {
  if (points.x.length === 0) return { slope: 0, intercept: 0 };
  const perPrediction = lossOf(id, delta).grad([...points.y], predictions(line, points));
  let slope = 0;
  let intercept = 0;
  perPrediction.forEach((g, i) => {
    slope += g * points.x[i];
    intercept += g;
  });
  return { slope, intercept };
}

/** One point's share of one loss at that loss's fit. */
export interface Contribution {
  /** Prediction minus target, r = ŷ − y. */
  readonly residual: number;
  /** ℓ(r)/n: the shares over all points sum to the mean loss. */
  readonly loss: number;
  /** ∂ℓ/∂ŷ·(x, 1)/n: the shares sum to the gradient, which is about 0 at the fit. */
  readonly gradient: LineGradient;
}

/** Each point's share of loss `id` and of its gradient, for this line. */
export function contributions(id: RegressionLoss, delta: number, line: Line, points: Points): Contribution[] {
  const n = points.x.length;
  const one = lossOf(id, delta);
  const perPrediction = n === 0 ? [] : one.grad([...points.y], predictions(line, points));
  return points.x.map((x, i) => {
    const prediction = line.slope * x + line.intercept;
    const g = perPrediction[i];
    return { residual: prediction - points.y[i], loss: one.value([points.y[i]], [prediction]) / n, gradient: { slope: g * x, intercept: g } };
  });
}

/** The line that minimises loss `id`'s mean (see fits.ts for how each is solved). */
export function fitLine(id: RegressionLoss, delta: number, points: Points): Line {
  if (id === 'mse') return fitMse(points);
  return id === 'mae' ? fitMae(points) : fitHuber(points, delta);
}

/** The constant that minimises loss `id`'s mean: the mean, the median (midpoint for an even count), Huber's M-estimate. */
export function bestConstant(id: RegressionLoss, delta: number, values: readonly number[]): number {
  if (id === 'mse') return meanConstant(values);
  return id === 'mae' ? medianConstant(values) : huberConstant(values, delta);
}

/** Gradient descent from the line y = 0 on one loss. */
export interface Convergence {
  /** The mean loss before each step and after the last: steps + 1 values, or fewer if it diverged. */
  readonly losses: readonly number[];
  /** The line before each step and after the last, one per loss value. */
  readonly path: readonly Line[];
  /** Where it ended. */
  readonly line: Line;
  /** The step at which the loss stopped being finite (or passed 1e150), or null: the curve ends there. */
  readonly divergedAt: number | null;
}

/** Past this, a loss counts as diverged: squaring it again would overflow. */
const DIVERGED = 1e150;

/**
 * Plain gradient descent on (slope, intercept) from (0, 0) at one learning rate, on the points'
 * own coordinates (the learning rate means what it says, so large coordinates can diverge; the
 * curve then stops and says where). MAE's gradient has the same size however close it is, so
 * its loss keeps circling the optimum; MSE's and Huber's shrink and they settle.
 */
export function descend(id: RegressionLoss, delta: number, points: Points, learningRate: number, steps: number): Convergence {
  let line: Line = { slope: 0, intercept: 0 };
  let last = line;
  const losses: number[] = [];
  const path: Line[] = [];
  for (let step = 0; step <= steps; step++) {
    const value = lineLoss(id, delta, line, points);
    // The curve and the line stop at the last finite step.
    if (!(value < DIVERGED)) return { losses, path, line: last, divergedAt: step };
    losses.push(value);
    path.push(line);
    last = line;
    if (step === steps) break;
    const g = lineGradient(id, delta, line, points);
    line = { slope: line.slope - learningRate * g.slope, intercept: line.intercept - learningRate * g.intercept };
  }
  return { losses, path, line, divergedAt: null };
}

/**
 * How far each step of a descent is from the exact fit, as the Euclidean distance in (slope,
 * intercept): MSE's and Huber's shrink geometrically, MAE's stops shrinking at about the size of
 * one step (learning rate × its gradient, which never shrinks).
 */
export function distancesToFit(convergence: Convergence, fit: Line): number[] {
  return convergence.path.map((line) => Math.hypot(line.slope - fit.slope, line.intercept - fit.intercept));
}

/** Everything one loss contributes to the widget. */
export interface LossResult {
  readonly line: Line;
  /** The mean loss at the fit, and its gradient there (about 0; MAE's is a subgradient, not 0). */
  readonly value: number;
  readonly gradient: LineGradient;
  /** One per point, in the points' order. */
  readonly contributions: readonly Contribution[];
  /** The best constant prediction under this loss. */
  readonly constant: number;
}

/**
 * The widget's model: the points and each loss's fit, shares and best constant, cheap enough to
 * recompute on every pointer move (measured in Node: about 4 ms for the default 40 points, about
 * 20 ms for 250, MAE's exact search being most of it). The descent curves are apart
 * (descentCurves): 3 × steps passes over the points, up to about 0.4 s at 250 points and 1000
 * steps, so the view reruns them when a drag ends, not on every move.
 */
export interface RegressionModel {
  readonly points: readonly RegressionPoint[];
  readonly losses: PerLoss<LossResult>;
}

/** Computes the model for one loss on these points. */
export function lossResult(id: RegressionLoss, state: Pick<RegressionState, 'delta'>, points: Points): LossResult {
  const line = fitLine(id, state.delta, points);
  return {
    line,
    value: lineLoss(id, state.delta, line, points),
    gradient: lineGradient(id, state.delta, line, points),
    contributions: contributions(id, state.delta, line, points),
    constant: bestConstant(id, state.delta, points.y),
  };
}

/** The model for a state and the reader's edits. */
export function regressionModel(state: RegressionState, edits: ReaderEdits): RegressionModel {
  const points = regressionPoints(state, edits);
  const plain = asPoints(points);
  const result = (id: RegressionLoss) => lossResult(id, state, plain);
  return { points, losses: { mse: result('mse'), mae: result('mae'), huber: result('huber') } };
}

/** Each loss's gradient-descent curve at the state's learning rate and step count, from the same start. */
export function descentCurves(state: Pick<RegressionState, 'delta' | 'lr' | 'steps'>, points: Points): PerLoss<Convergence> {
  const run = (id: RegressionLoss) => descend(id, state.delta, points, state.lr, state.steps);
  return { mse: run('mse'), mae: run('mae'), huber: run('huber') };
}

/** The descent as the charts take it: each loss's run, its loss per step and its distance to the exact fit per step. */
export interface DescentSeries {
  readonly runs: PerLoss<Convergence>;
  readonly losses: PerLoss<readonly number[]>;
  readonly distances: PerLoss<readonly number[]>;
}

/** Runs the descent on the model's points and measures each step against the model's exact fits. */
export function descentSeries(state: Pick<RegressionState, 'delta' | 'lr' | 'steps'>, model: RegressionModel): DescentSeries {
  const runs = descentCurves(state, asPoints(model.points));
  const distances = (id: RegressionLoss) => distancesToFit(runs[id], model.losses[id].line);
  return {
    runs,
    losses: { mse: runs.mse.losses, mae: runs.mae.losses, huber: runs.huber.losses },
    distances: { mse: distances('mse'), mae: distances('mae'), huber: distances('huber') },
  };
}
