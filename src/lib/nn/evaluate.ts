/**
 * Accuracy, whole-dataset evaluation and prediction in fixed-size chunks, through a workspace
 * allocated once: evaluating a validation set or a heatmap grid allocates nothing.
 */
import type { Dataset } from '../data/dataset.ts';
import { isRowLoss, type LossId } from '../math/loss-kernels.ts';
import type { FloatArray, Network } from './network.ts';
import { batchLoss, createWorkspace, forward, loadBatch, workspaceLengths, type LossSpec, type Workspace } from './propagation.ts';
import type { KernelArena } from './wasm/arena.ts';

/**
 * How predictions are scored: one output against a threshold, the largest of several, every
 * output against a threshold (multi-label: the mean over labels, as Keras's binary_accuracy), or
 * not at all (regression).
 */
export interface AccuracyRule {
  readonly kind: 'binary' | 'argmax' | 'multilabel' | 'none';
  /** Binary and multi-label: an output at or above this is class 1 (0 for logits and hinge scores, else 0.5). */
  readonly outputThreshold: number;
  /** Binary and multi-label: a target above this is class 1 (0 for hinge's ±1 labels, else 0.5). */
  readonly targetThreshold: number;
  /** Argmax: targets are class indices (sparse_cce) rather than one-hot rows. */
  readonly sparseTargets: boolean;
}

/**
 * The accuracy rule for a network trained with `lossId` on data with `classCount` classes (0:
 * regression): one output is thresholded; several are compared by argmax (one class out of K),
 * except under bce or bce_logits or with a sigmoid output (unless the loss is a categorical
 * one), where each output is its own yes/no (multi-label).
 */
export function accuracyRule(network: Network<FloatArray>, lossId: LossId, classCount: number): AccuracyRule {
  const output = network.shapes[network.shapes.length - 1];
  const units = output.outputs;
  const scores = lossId === 'bce_logits' || lossId === 'hinge';
  const perLabel = lossId === 'bce' || lossId === 'bce_logits' || (output.activation === 'sigmoid' && !isRowLoss(lossId));
  return {
    kind: classCount < 2 ? 'none' : units === 1 ? 'binary' : perLabel ? 'multilabel' : 'argmax',
    outputThreshold: scores ? 0 : 0.5,
    targetThreshold: lossId === 'hinge' ? 0 : 0.5,
    sparseTargets: lossId === 'sparse_cce',
  };
}

/**
 * How many of the `count` samples in the batch buffers are classified correctly; under the
 * multi-label rule each sample counts the share of its labels that are right.
 */
export function countCorrect(rule: AccuracyRule, output: FloatArray, target: FloatArray, units: number, count: number): number {
  let correct = 0;
  if (rule.kind === 'multilabel') {
    let labels = 0;
    for (let k = 0; k < units * count; k++) {
      if (output[k] >= rule.outputThreshold === target[k] > rule.targetThreshold) labels++;
    }
    return labels / units;
  }
  if (rule.kind === 'binary') {
    for (let b = 0; b < count; b++) {
      if (output[b] >= rule.outputThreshold === target[b] > rule.targetThreshold) correct++;
    }
  } else if (rule.kind === 'argmax') {
    for (let b = 0; b < count; b++) {
      let predicted = 0;
      let expected = rule.sparseTargets ? target[b] : 0;
      for (let j = 1, k = b + count; j < units; j++, k += count) {
        if (output[k] > output[predicted * count + b]) predicted = j;
        if (!rule.sparseTargets && target[k] > target[expected * count + b]) expected = j;
      }
      if (predicted === expected) correct++;
    }
  }
  return correct;
}

/** Loss and accuracy (NaN when there is no accuracy rule) over a whole data set. */
export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
}

/** Chunked, allocation-free evaluation and prediction for one network. */
export interface Evaluator {
  evaluate(data: Dataset, loss: LossSpec, rule: AccuracyRule): Evaluation;
  /** As evaluate, written into `out` (so a training loop allocates nothing). */
  evaluateInto(data: Dataset, loss: LossSpec, rule: AccuracyRule, out: { loss: number; accuracy: number }): void;
  /** Runs `data` forward chunk by chunk, handing each chunk's per-layer activations to `visit`. */
  forEachChunk(data: Dataset, visit: (activations: readonly FloatArray[], count: number) => void): void;
  /**
   * Network outputs for `rows` rows of `inputs` (row-major), written row-major into `out`,
   * which must hold rows × output units.
   */
  predict(inputs: Float64Array, out: Float64Array, rows?: number): void;
}

// Samples an evaluator pushes through at once: long rows for the kernels, a small workspace.
const EVALUATION_CHUNK = 256;

/** The lengths of the arrays an evaluator allocates, for sizing a kernel arena. */
export function evaluatorLengths(network: Network<FloatArray>, targetSize: number): number[] {
  return workspaceLengths(network, EVALUATION_CHUNK, targetSize);
}

/** An evaluator with its own workspace (from `source` if given), so evaluating never disturbs a training batch. */
export function createEvaluator(network: Network<FloatArray>, targetSize: number, source?: KernelArena): Evaluator {
  const workspace: Workspace = createWorkspace(network, EVALUATION_CHUNK, targetSize, source);
  const inputSize = network.shapes[0].inputs;
  const last = network.shapes.length - 1;
  const units = network.shapes[last].outputs;
  const forEachChunk = (data: Dataset, visit: (activations: readonly FloatArray[], count: number) => void): void => {
    for (let start = 0; start < data.size; start += EVALUATION_CHUNK) {
      const count = Math.min(EVALUATION_CHUNK, data.size - start);
      loadBatch(workspace, data, null, start, count);
      forward(network, workspace, count);
      visit(workspace.a, count);
    }
  };
  const evaluateInto = (data: Dataset, loss: LossSpec, rule: AccuracyRule, out: { loss: number; accuracy: number }): void => {
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < data.size; start += EVALUATION_CHUNK) {
      const count = Math.min(EVALUATION_CHUNK, data.size - start);
      loadBatch(workspace, data, null, start, count);
      forward(network, workspace, count);
      lossSum += batchLoss(network, workspace, count, loss) * count;
      correct += countCorrect(rule, workspace.a[last], workspace.target, units, count);
    }
    out.loss = lossSum / data.size;
    out.accuracy = rule.kind === 'none' ? Number.NaN : correct / data.size;
  };
  return {
    evaluate: (data, loss, rule) => {
      const out = { loss: 0, accuracy: 0 };
      evaluateInto(data, loss, rule, out);
      return out;
    },
    evaluateInto,
    forEachChunk,
    predict: (inputs, out, rows = inputs.length / inputSize) => {
      if (!Number.isInteger(rows) || inputs.length < rows * inputSize || out.length < rows * units) {
        throw new Error(`predict: need ${rows} rows of ${inputSize} inputs and room for ${rows} × ${units} outputs`);
      }
      const output = workspace.a[last];
      for (let start = 0; start < rows; start += EVALUATION_CHUNK) {
        const count = Math.min(EVALUATION_CHUNK, rows - start);
        for (let b = 0; b < count; b++) {
          for (let i = 0; i < inputSize; i++) workspace.input[i * count + b] = inputs[(start + b) * inputSize + i];
        }
        forward(network, workspace, count);
        for (let b = 0; b < count; b++) {
          for (let j = 0; j < units; j++) out[(start + b) * units + j] = output[j * count + b];
        }
      }
    },
  };
}
