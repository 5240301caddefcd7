/**
 * Binary mode's arithmetic: four losses of one example as functions of the model's logit z (for
 * a true class y in {0, 1}) or of the margin m = y±·z (y± = 2y − 1 in {−1, +1}), each with its
 * derivative with respect to z. Cross-entropy from logits, hinge and 0-1 are the core's losses
 * (`bce_logits`, `hinge`, `zero_one`); squared error through a sigmoid is the core's `mse` on
 * σ(z), chained by hand, since the core differentiates it with respect to σ(z), not z.
 */
import { activation, loss } from '../../lib/index.ts';

/** The four losses binary mode draws. */
export const BINARY_LOSSES = ['bce', 'hinge', 'zero_one', 'squared'] as const;

/** One of binary mode's losses. */
export type BinaryLoss = (typeof BINARY_LOSSES)[number];

/** What each loss is called in charts, tables and sentences. */
export const BINARY_LOSS_LABELS: Readonly<Record<BinaryLoss, string>> = {
  bce: 'cross-entropy from logits',
  hinge: 'hinge',
  zero_one: '0-1',
  squared: 'squared error through a sigmoid',
};

const sigmoid = activation('sigmoid');
const bceLogits = loss('bce_logits');
const hinge = loss('hinge');
const mse = loss('mse');

/** A loss's value at one logit and its derivative with respect to that logit; `defined` is false at a jump or kink. */
export interface LossPoint {
  readonly value: number;
  readonly gradient: number;
  readonly defined: boolean;
}

/**
 * Loss `id` of one example with logit z and true class y (0 or 1). 0-1 predicts class 1 when
 * z > 0 (σ(z) > 0.5) and jumps at z = 0, where it has no derivative; hinge takes the label as
 * ±1 and has a kink at margin 1 (its gradient there is 0, as PyTorch's relu(1 − y·s) gives).
 */
export function binaryLoss(id: BinaryLoss, z: number, y: 0 | 1): LossPoint {
  const sign = 2 * y - 1;
  if (id === 'bce') return { value: bceLogits.value([y], [z]), gradient: bceLogits.grad([y], [z])[0], defined: true };
  if (id === 'hinge') return { value: hinge.value([sign], [z]), gradient: hinge.grad([sign], [z])[0], defined: sign * z !== 1 };
  if (id === 'zero_one') return { value: (z > 0 ? 1 : 0) === y ? 0 : 1, gradient: 0, defined: z !== 0 };
  const p = sigmoid.f(z);
  // d/dz (σ(z) − y)² = 2(σ(z) − y)·σ'(z): the chain rule's extra factor σ'(z) = p(1 − p).
  return { value: mse.value([y], [p]), gradient: mse.grad([y], [p])[0] * sigmoid.df(z), defined: true };
}

/** One point of a curve: the position on the x axis, the loss, its value and gradient, and which piece between jumps it is on. */
export interface CurveSample {
  readonly x: number;
  readonly loss: BinaryLoss;
  readonly value: number;
  readonly gradient: number;
  /** 0-1's value jumps at margin 0 and hinge's gradient at margin 1: a line is drawn piece by piece, so no jump reads as a slope. */
  readonly piece: number;
}

/** How many points each curve has. */
export const CURVE_POINTS = 401;

/**
 * Every loss sampled over x in [−range, range]. Along 'logit' x is z for true class y; along
 * 'margin' x is m = y±·z, which is the loss for y = 1 at z = m (the label drops out), and the
 * gradient is taken with respect to m.
 */
export function lossCurves(axis: 'logit' | 'margin', y: 0 | 1, range: number): CurveSample[] {
  const label = axis === 'margin' ? 1 : y;
  const samples: CurveSample[] = [];
  for (const id of BINARY_LOSSES) {
    for (let i = 0; i < CURVE_POINTS; i++) {
      const x = -range + (2 * range * i) / (CURVE_POINTS - 1);
      const point = binaryLoss(id, x, label);
      const margin = (2 * label - 1) * x;
      const piece = id === 'zero_one' ? Number(margin > 0) : id === 'hinge' ? Number(margin >= 1) : 0;
      samples.push({ x, loss: id, value: point.value, gradient: point.gradient, piece });
    }
  }
  return samples;
}

/** The probe: for a true class 1 and a predicted probability p, the logit and every loss's value and gradient. */
export interface Probe {
  readonly p: number;
  readonly logit: number;
  readonly losses: Readonly<Record<BinaryLoss, LossPoint>>;
  /** |∂CE/∂z| / |∂SE/∂z| = 1 / (2p(1 − p)): how many times cross-entropy's pull exceeds squared error's. */
  readonly ratio: number;
}

/** The logit whose sigmoid is p, ln(p/(1 − p)), by log1p so it stays exact near 0 and 1. */
export function logitOf(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}

/** The probe's numbers for a true class 1 and probability p in (0, 1). */
export function probe(p: number): Probe {
  const logit = logitOf(p);
  const losses = Object.fromEntries(BINARY_LOSSES.map((id) => [id, binaryLoss(id, logit, 1)])) as Record<BinaryLoss, LossPoint>;
  return { p, logit, losses, ratio: Math.abs(losses.bce.gradient) / Math.abs(losses.squared.gradient) };
}
