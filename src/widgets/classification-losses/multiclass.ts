/**
 * Multi-class mode's arithmetic: softmax of K logits, cross-entropy by two routes (a one-hot
 * target against log-softmax, as Keras's categorical cross-entropy with from_logits=True does,
 * and the class index into the core's `sparse_cce`, as PyTorch's CrossEntropyLoss does), the
 * gradient p − y, and what the targets cost in memory either way. Everything goes through
 * log-sum-exp, so logits of ±1000 give finite, exact numbers.
 */
import { logSoftmax, loss, softmax } from '../../lib/index.ts';

/** The core's cross-entropy on logits and on probabilities (the latter clamps each log at −100). */
const sparse = loss('sparse_cce');
const categorical = loss('cce');

/** Everything multi-class mode shows about one set of logits and a target class. */
export interface MultiClass {
  readonly logits: readonly number[];
  readonly target: number;
  readonly probabilities: readonly number[];
  readonly oneHot: readonly number[];
  /** −Σ_k y_k·log-softmax(z)_k with y one-hot: categorical cross-entropy from the one-hot target. */
  readonly categorical: number;
  /** log Σ e^z − z_target from the index: sparse categorical cross-entropy. */
  readonly sparse: number;
  /** Categorical cross-entropy from the probabilities, each log clamped at −100 (PyTorch's convention). */
  readonly fromProbabilities: number;
  /** ∂CE/∂z_k = p_k − y_k. */
  readonly gradient: readonly number[];
}

/** Softmax, both routes to cross-entropy and the gradient, for `logits` and the 0-based `target`. */
export function multiClass(logits: readonly number[], target: number): MultiClass {
  const probabilities = softmax([...logits]);
  const logProbabilities = logSoftmax([...logits]);
  const oneHot = logits.map((_, k): number => (k === target ? 1 : 0));
  // Summed over every class, as the formula is written: the zeros of the one-hot drop the rest.
  const categoricalValue = -oneHot.reduce((sum, y, k) => sum + (y === 0 ? 0 : y * logProbabilities[k]), 0);
  return {
    logits,
    target,
    probabilities,
    oneHot,
    categorical: categoricalValue,
    sparse: sparse.value([target], [[...logits]]),
    fromProbabilities: categorical.value([oneHot], [probabilities]),
    gradient: sparse.grad([target], [[...logits]])[0],
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
