/**
 * The loss-descent widget's classifier: a small seeded one-feature data set of two classes, the
 * score s = w·x + b, and the four losses the widget compares, each a mean over the data as a
 * function of (w, b), with its gradient in (w, b).
 *
 * Labels are stored as 0 and 1 (what BCE and 0-1 loss take). Hinge and the perceptron loss take
 * y = 2·label − 1, so class 0 is −1 and class 1 is +1. Hinge, BCE and 0-1 are the numerics core's
 * `hinge`, `bce_logits` and `zero_one` applied to the scores, then carried to (w, b) by the chain
 * rule (∂s/∂w = x, ∂s/∂b = 1); the perceptron loss is not in the core and is written here.
 */
import { activation, createRandom, loss } from '../../lib/index.ts';

/** The losses the widget offers, in the order their curves and controls appear. */
export const DESCENT_LOSSES = ['zero_one', 'perceptron', 'hinge', 'bce'] as const;

/** One of the widget's losses. */
export type DescentLoss = (typeof DESCENT_LOSSES)[number];

/** What the reader sees each loss called. */
export const DESCENT_LOSS_LABELS: Readonly<Record<DescentLoss, string>> = {
  zero_one: '0-1 loss',
  perceptron: 'Perceptron loss',
  hinge: 'Hinge loss',
  bce: 'Binary cross-entropy',
};

/** A one-feature data set: each point's feature and its class, 0 or 1. */
export interface LineData {
  readonly x: readonly number[];
  readonly labels: readonly (0 | 1)[];
}

/** Where each class's points are centred: class 0 at −1, class 1 at +1. */
export const CLASS_CENTRE = 1;

/** The spread of each class around its centre: wide enough that the two classes overlap a little. */
export const CLASS_SPREAD = 0.6;

/**
 * `size` points from `seed`: points alternate between the classes (class 0 first), so an even
 * size gives equal halves, and each point's feature is its class centre (−1 or +1) plus a
 * normal draw times CLASS_SPREAD from createRandom(seed). The same seed and size give the same
 * points; a larger size keeps the first points and adds more.
 */
export function makeLineData(size: number, seed: number): LineData {
  if (!Number.isInteger(size) || size < 2) throw new Error(`The data set needs a whole number of points from 2 up, got ${size}`);
  const random = createRandom(seed);
  const x: number[] = [];
  const labels: (0 | 1)[] = [];
  for (let index = 0; index < size; index++) {
    const label = index % 2 === 0 ? 0 : 1;
    labels.push(label);
    x.push((label === 1 ? CLASS_CENTRE : -CLASS_CENTRE) + CLASS_SPREAD * random.normal());
  }
  return { x, labels };
}

/** A point's label as a sign for hinge and the perceptron loss: class 0 is −1, class 1 is +1. */
export function signOf(label: 0 | 1): -1 | 1 {
  return label === 1 ? 1 : -1;
}

/** Every point's score s = w·x + b. */
export function scores(data: LineData, w: number, b: number): number[] {
  return data.x.map((x) => w * x + b);
}

/**
 * The class the classifier predicts from a score: 1 when s > 0, 0 when s ≤ 0. A point exactly on
 * the boundary is put in class 0, so a class-1 point there counts as a mistake and a class-0
 * point does not. (In probabilities: class 1 when σ(s) > 0.5.)
 */
export function predictedClass(score: number): 0 | 1 {
  return score > 0 ? 1 : 0;
}

/** The share of points the classifier puts in their own class (1 minus the 0-1 loss, counted so 90 % is exactly 0.9). */
export function accuracy(data: LineData, w: number, b: number): number {
  const right = data.x.filter((x, index) => predictedClass(w * x + b) === data.labels[index]).length;
  return right / data.x.length;
}

/**
 * Where the boundary s = 0 crosses the feature axis, x = −b / w, or null when w = 0 (then every
 * point gets the same class, and there is no boundary to draw or drag).
 */
export function boundaryOf(w: number, b: number): number | null {
  return w === 0 ? null : -b / w + 0;
}

/** A loss's gradient in (w, b), and whether the loss has a derivative at that point at all. */
export interface LossGradient {
  readonly w: number;
  readonly b: number;
  /**
   * False at a point where the loss has no derivative: for 0-1 loss, some point's score is
   * exactly 0 (the staircase jumps there); for the perceptron loss, some y·s is exactly 0; for
   * hinge, some y·s is exactly 1. The gradient given there is the convention stated on
   * `lossGradient`; the view should say the derivative does not exist rather than draw it as one.
   */
  readonly defined: boolean;
}

/**
 * The mean loss over the data at (w, b). 0-1: the share of points misclassified (by
 * `predictedClass`). Perceptron: mean of max(0, −y·s). Hinge: mean of max(0, 1 − y·s). BCE:
 * mean of softplus(s) − label·s, the core's stable `bce_logits`, finite for every finite score
 * (no log(0) is ever taken).
 */
export function lossValue(data: LineData, id: DescentLoss, w: number, b: number): number {
  return evaluate(data, id, w, b).value;
}

/**
 * The gradient of the mean loss in (w, b). BCE: mean of (σ(s) − label)·(x, 1), defined
 * everywhere. Hinge: mean of −y·(x, 1) over the points with y·s < 1; a point exactly at
 * y·s = 1 contributes 0 (the core's and PyTorch's convention: the derivative of max(0, u) at
 * u = 0 is taken as 0). Perceptron: mean of −y·(x, 1) over the points with y·s < 0, and 0 at
 * y·s = 0 by the same convention. 0-1: exactly 0, which is its derivative wherever it has one;
 * at a jump it has none, and 0 is returned with `defined` false.
 */
export function lossGradient(data: LineData, id: DescentLoss, w: number, b: number): LossGradient {
  const { gradient } = evaluate(data, id, w, b);
  return gradient;
}

/**
 * `lossValue` written out for speed: the same formulas (BCE through the core's softplus, as
 * `bce_logits` computes it), in one loop with no input checks and no arrays, for curves of
 * hundreds of points that are redrawn at every step of an animated descent. Tested equal to
 * `lossValue`.
 */
export function meanLoss(data: LineData, id: DescentLoss, w: number, b: number, softplus: (z: number) => number = activation('softplus').f): number {
  let total = 0;
  for (let index = 0; index < data.x.length; index++) {
    const score = w * data.x[index] + b;
    const label = data.labels[index];
    const margin = signOf(label) * score;
    if (id === 'zero_one') total += predictedClass(score) === label ? 0 : 1;
    else if (id === 'perceptron') total += Math.max(0, -margin);
    else if (id === 'hinge') total += Math.max(0, 1 - margin);
    else total += softplus(score) - score * label;
  }
  // Divided as each original divides (the core multiplies by 1/n; `perceptron` below divides by n), so the two agree to the last bit.
  return id === 'perceptron' ? total / data.x.length : total * (1 / data.x.length);
}

/** A loss's value and gradient at (w, b), computed together. */
export interface LossEvaluation {
  readonly value: number;
  readonly gradient: LossGradient;
}

/** `lossValue` and `lossGradient` in one pass over the data. */
export function evaluate(data: LineData, id: DescentLoss, w: number, b: number): LossEvaluation {
  const s = scores(data, w, b);
  const signs = data.labels.map(signOf);
  if (id === 'zero_one') {
    const value = loss('zero_one').value([...data.labels], s.map(predictedClass));
    return { value, gradient: { w: 0, b: 0, defined: s.every((score) => score !== 0) } };
  }
  if (id === 'perceptron') return perceptron(data.x, signs, s);
  const scoreGradient = id === 'hinge' ? loss('hinge').grad(signs, s) : loss('bce_logits').grad([...data.labels], s);
  const value = id === 'hinge' ? loss('hinge').value(signs, s) : loss('bce_logits').value([...data.labels], s);
  const defined = id === 'bce' || s.every((score, index) => signs[index] * score !== 1);
  return { value, gradient: chainRule(data.x, scoreGradient, defined) };
}

/** The perceptron loss and its subgradient; the core has no such loss. */
function perceptron(x: readonly number[], signs: readonly (-1 | 1)[], s: readonly number[]): LossEvaluation {
  const count = s.length;
  let value = 0;
  const scoreGradient = s.map((score, index) => {
    const margin = signs[index] * score;
    if (margin >= 0) return 0;
    value -= margin;
    return -signs[index] / count;
  });
  const defined = s.every((score, index) => signs[index] * score !== 0);
  return { value: value / count, gradient: chainRule(x, scoreGradient, defined) };
}

/** From ∂L/∂s per point (already divided by the count) to ∂L/∂w = Σ ∂L/∂s·x and ∂L/∂b = Σ ∂L/∂s. */
function chainRule(x: readonly number[], scoreGradient: readonly number[], defined: boolean): LossGradient {
  let w = 0;
  let b = 0;
  scoreGradient.forEach((gradient, index) => {
    w += gradient * x[index];
    b += gradient;
  });
  return { w: w + 0, b: b + 0, defined };
}
