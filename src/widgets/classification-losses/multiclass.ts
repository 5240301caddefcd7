/**
 * Multi-class mode's arithmetic: softmax of K logits, cross-entropy from the logits by two routes
 * (a one-hot target into the core's `cce_logits`, which is PyTorch's CrossEntropyLoss given
 * probability rows and Keras's CategoricalCrossentropy(from_logits=True); and the class index
 * picked out of log-softmax, which is CrossEntropyLoss given indices and Keras's
 * SparseCategoricalCrossentropy(from_logits=True)), a third route through softmax's
 * probabilities into the core's `sparse_cce` (which clamps each log at −100), the gradient
 * p − y, and what the targets cost in memory either way. Both logit routes go through
 * log-sum-exp, so logits of ±1000 give finite, exact numbers.
 */
import { logSoftmax, loss, softmax } from '../../lib/index.ts';

/** The core's cross-entropy on logit rows (log-softmax inside) and on probability rows with a class index (each log clamped at −100). */
const fromLogits = loss('cce_logits');
const sparseOnProbabilities = loss('sparse_cce');

/** Everything multi-class mode shows about one set of logits and a target class. */
export interface MultiClass {
  readonly logits: readonly number[];
  readonly target: number;
  readonly probabilities: readonly number[];
  readonly oneHot: readonly number[];
  /** −Σ_k y_k·log-softmax(z)_k with y one-hot, by the core's `cce_logits`: categorical cross-entropy from the one-hot target. */
  readonly categorical: number;
  /** −log-softmax(z)[target] = log Σ e^z − z_target, from the index: sparse categorical cross-entropy. */
  readonly sparse: number;
  /** The core's `sparse_cce` on softmax's probabilities and the index, each log clamped at −100. */
  readonly fromProbabilities: number;
  /** ∂CE/∂z_k = p_k − y_k. */
  readonly gradient: readonly number[];
}

/** Softmax, both routes to cross-entropy, the probabilities route and the gradient, for `logits` and the 0-based `target`. */
export function multiClass(logits: readonly number[], target: number): MultiClass {
  const probabilities = softmax([...logits]);
  const oneHot = logits.map((_, k): number => (k === target ? 1 : 0));
  return {
    logits,
    target,
    probabilities,
    oneHot,
    categorical: fromLogits.value([oneHot], [[...logits]]),
    sparse: -logSoftmax([...logits])[target],
    fromProbabilities: sparseOnProbabilities.value([target], [probabilities]),
    gradient: fromLogits.grad([oneHot], [[...logits]])[0],
  };
}

/** Bytes per stored value: one-hot targets as float32 (what a model's outputs are compared with), indices as int64 (PyTorch's class indices). */
export const ONE_HOT_BYTES = 4;
export const INDEX_BYTES = 8;

/** The memory of a data set's targets stored both ways. */
export interface TargetMemory {
  readonly rows: number;
  readonly classes: number;
  readonly oneHotBytes: number;
  readonly indexBytes: number;
  /** oneHotBytes / indexBytes = K·4/8 = K/2. */
  readonly ratio: number;
}

/** What `rows` targets over `classes` classes take as one-hot float32 rows and as int64 indices. */
export function targetMemory(rows: number, classes: number): TargetMemory {
  const oneHotBytes = rows * classes * ONE_HOT_BYTES;
  const indexBytes = rows * INDEX_BYTES;
  return { rows, classes, oneHotBytes, indexBytes, ratio: oneHotBytes / indexBytes };
}

const UNITS = [
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['kB', 1e3],
] as const;

/** A byte count in decimal units, three significant figures ("200 GB", "8 MB", "400 bytes"). */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of UNITS) if (bytes >= size) return `${Number((bytes / size).toPrecision(3)).toLocaleString('en')} ${unit}`;
  return `${bytes} bytes`;
}
