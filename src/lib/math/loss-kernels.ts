/**
 * The arithmetic of every loss, on flat strided batches, shared by the public `loss()` (which
 * validates plain arrays first) and the training engine (which validates its data once).
 * Element (r, c) of a batch sits at r·rowStride + c·colStride in both yTrue and yPred; for
 * sparse_cce yTrue holds the class index of row r at column 0.
 *
 * Naming follows one rule: a loss takes probabilities unless its id ends in _logits. cce and
 * sparse_cce take probability rows (a softmax output; Keras's categorical_crossentropy and
 * sparse_categorical_crossentropy with from_logits=False), one with one-hot rows, the other with
 * class indices, and give the same numbers. cce_logits takes logit rows and applies log-softmax
 * itself, as PyTorch's nn.CrossEntropyLoss does (with probability targets).
 */
import { sigmoid, softplus } from './activation-functions.ts';
import { logSumExpShifted, maxStrided } from './softmax.ts';

/** Every loss id. */
export const LOSS_IDS = ['mse', 'mae', 'huber', 'bce', 'bce_logits', 'hinge', 'cce', 'sparse_cce', 'cce_logits', 'zero_one'] as const;

/** The id of one loss function. */
export type LossId = (typeof LOSS_IDS)[number];

/** Where a batch's elements are: element (r, c) is at r·rowStride + c·colStride. */
export interface BatchLayout {
  readonly rows: number;
  readonly cols: number;
  readonly rowStride: number;
  readonly colStride: number;
}

/** PyTorch's BCELoss clamps each log term at -100 so that a confident wrong answer costs 100, not ∞. */
const BCE_LOG_CLAMP = -100;
/** PyTorch's BCELoss backward divides by max(p(1 - p), 1e-12) so the gradient stays finite. */
const BCE_GRAD_EPSILON = 1e-12;

/** True for losses averaged over rows (one distribution per row) rather than over every element. */
export function isRowLoss(id: LossId): boolean {
  return id === 'cce' || id === 'sparse_cce' || id === 'cce_logits';
}

/**
 * Mean loss of a batch (PyTorch's default reduction: over all elements, or over rows for
 * cce, sparse_cce and cce_logits) and, when `grad` is given, d(mean)/d(yPred) written at yPred's positions.
 */
export function meanLoss(
  id: LossId,
  delta: number,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  grad: Float64Array | Float32Array | number[] | null,
  layout: BatchLayout,
): number {
  if (isRowLoss(id)) return meanRowLoss(id, yTrue, yPred, grad, layout);
  const { rows, cols, rowStride, colStride } = layout;
  const scale = 1 / (rows * cols);
  if (id === 'bce' && grad === null) return bceSum(yTrue, yPred, layout) * scale;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0, i = r * rowStride; c < cols; c++, i += colStride) {
      const y = yTrue[i];
      const p = yPred[i];
      let value: number;
      let derivative: number;
      switch (id) {
        case 'mse': {
          const residual = p - y;
          value = residual * residual;
          derivative = 2 * residual;
          break;
        }
        case 'mae': {
          const residual = p - y;
          value = Math.abs(residual);
          derivative = residual > 0 ? 1 : residual < 0 ? -1 : 0;
          break;
        }
        case 'huber': {
          const residual = p - y;
          const size = Math.abs(residual);
          value = size < delta ? 0.5 * residual * residual : delta * (size - 0.5 * delta);
          derivative = residual < -delta ? -delta : residual > delta ? delta : residual;
          break;
        }
        case 'bce': {
          value = -(y * Math.max(Math.log(p), BCE_LOG_CLAMP) + (1 - y) * Math.max(Math.log1p(-p), BCE_LOG_CLAMP));
          derivative = (p - y) / Math.max(p * (1 - p), BCE_GRAD_EPSILON);
          break;
        }
        case 'bce_logits': {
          // softplus(x) - x·y = max(x, 0) - x·y + log1p(e^-|x|), finite for every finite logit.
          value = softplus(p) - p * y;
          derivative = sigmoid(p) - y;
          break;
        }
        case 'hinge': {
          const margin = 1 - y * p;
          value = margin > 0 ? margin : 0;
          derivative = margin > 0 ? -y : 0;
          break;
        }
        default: {
          value = y === p ? 0 : 1;
          derivative = 0;
        }
      }
      sum += value;
      if (grad !== null) grad[i] = derivative * scale;
    }
  }
  return sum * scale;
}

/**
 * The sum of BCE's terms over a batch, in meanLoss's order and with its clamp. Where the target
 * is exactly 1 or 0 (and p in [0, 1]) only the log that counts is taken: the other term is an
 * exact ±0 in meanLoss's formula, so the sum is the same to the bit, for half the logarithms.
 * Small enough for V8 to inline, so a training loop calling it boxes no number.
 */
export function bceSum(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, layout: BatchLayout): number {
  const { rows, cols, rowStride, colStride } = layout;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0, i = r * rowStride; c < cols; c++, i += colStride) {
      const y = yTrue[i];
      const p = yPred[i];
      if (y === 1 && p <= 1) sum += -Math.max(Math.log(p), BCE_LOG_CLAMP);
      else if (y === 0 && p >= 0) sum += -Math.max(Math.log1p(-p), BCE_LOG_CLAMP);
      else sum += -(y * Math.max(Math.log(p), BCE_LOG_CLAMP) + (1 - y) * Math.max(Math.log1p(-p), BCE_LOG_CLAMP));
    }
  }
  return sum;
}

function meanRowLoss(
  id: LossId,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  grad: Float64Array | Float32Array | number[] | null,
  layout: BatchLayout,
): number {
  if (id === 'cce_logits') return crossEntropyFromLogits(yTrue, yPred, grad, layout);
  const { rows, cols, rowStride, colStride } = layout;
  const scale = 1 / rows;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const start = r * rowStride;
    if (id === 'sparse_cce') {
      // The same as cce with a one-hot row: only the target's probability counts.
      const target = yTrue[start];
      const at = start + target * colStride;
      sum -= Math.max(Math.log(yPred[at]), BCE_LOG_CLAMP);
      if (grad !== null) {
        for (let c = 0, i = start; c < cols; c++, i += colStride) grad[i] = 0;
        grad[at] = (-1 / Math.max(yPred[at], BCE_GRAD_EPSILON)) * scale;
      }
    } else {
      // Categorical cross-entropy on probabilities, each log clamped at -100 as BCELoss does.
      for (let c = 0, i = start; c < cols; c++, i += colStride) {
        const y = yTrue[i];
        const p = yPred[i];
        if (y !== 0) sum -= y * Math.max(Math.log(p), BCE_LOG_CLAMP);
        if (grad !== null) grad[i] = y === 0 ? 0 : (-y / Math.max(p, BCE_GRAD_EPSILON)) * scale;
      }
    }
  }
  return sum * scale;
}

/**
 * PyTorch's CrossEntropyLoss on logit rows z with target rows y: the row mean of
 * -Σ_k y_k log softmax(z)_k = Σ_k y_k (logsumexp(z) - z_k), by the log-sum-exp trick (finite for
 * logits of ±1000); gradient (softmax(z)·Σy - y)/rows, which is softmax(z) - y for one-hot rows.
 */
function crossEntropyFromLogits(
  yTrue: ArrayLike<number>,
  z: ArrayLike<number>,
  grad: Float64Array | Float32Array | number[] | null,
  { rows, cols, rowStride, colStride }: BatchLayout,
): number {
  const scale = 1 / rows;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const start = r * rowStride;
    const max = maxStrided(z, start, cols, colStride);
    const logSum = logSumExpShifted(z, start, cols, colStride, max);
    let total = 0;
    for (let c = 0, i = start; c < cols; c++, i += colStride) {
      const y = yTrue[i];
      total += y;
      if (y !== 0) sum += y * (logSum - (z[i] - max));
    }
    if (grad !== null) {
      for (let c = 0, i = start; c < cols; c++, i += colStride) {
        grad[i] = (Math.exp(z[i] - max - logSum) * total - yTrue[i]) * scale;
      }
    }
  }
  return sum * scale;
}
