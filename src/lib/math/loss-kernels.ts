/**
 * The arithmetic of every loss, on flat strided batches, shared by the public `loss()` (which
 * validates plain arrays first) and the training engine (which validates its data once).
 * Element (r, c) of a batch sits at r·rowStride + c·colStride in both yTrue and yPred; for
 * sparse_cce yTrue holds the class index of row r at column 0.
 */
import { sigmoid, softplus } from './activation-functions.ts';
import { logSumExpShifted, maxStrided } from './softmax.ts';

/** Every loss id. */
export const LOSS_IDS = ['mse', 'mae', 'huber', 'bce', 'bce_logits', 'hinge', 'cce', 'sparse_cce', 'zero_one'] as const;

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
  return id === 'cce' || id === 'sparse_cce';
}

/**
 * Mean loss of a batch (PyTorch's default reduction: over all elements, or over rows for
 * cce and sparse_cce) and, when `grad` is given, d(mean)/d(yPred) written at yPred's positions.
 */
export function meanLoss(
  id: LossId,
  delta: number,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  grad: Float64Array | number[] | null,
  layout: BatchLayout,
): number {
  if (isRowLoss(id)) return meanRowLoss(id, yTrue, yPred, grad, layout);
  const { rows, cols, rowStride, colStride } = layout;
  const scale = 1 / (rows * cols);
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

function meanRowLoss(
  id: LossId,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  grad: Float64Array | number[] | null,
  { rows, cols, rowStride, colStride }: BatchLayout,
): number {
  const scale = 1 / rows;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const start = r * rowStride;
    if (id === 'sparse_cce') {
      // PyTorch CrossEntropyLoss on logits: logsumexp(z) - z_target; gradient softmax(z) - onehot.
      const target = yTrue[start];
      const max = maxStrided(yPred, start, cols, colStride);
      const logSum = logSumExpShifted(yPred, start, cols, colStride, max);
      sum += max - yPred[start + target * colStride] + logSum;
      if (grad !== null) {
        for (let c = 0, i = start; c < cols; c++, i += colStride) {
          grad[i] = (Math.exp(yPred[i] - max - logSum) - (c === target ? 1 : 0)) * scale;
        }
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
