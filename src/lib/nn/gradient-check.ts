/**
 * Gradient checking: the backward pass's gradients against central differences of the loss,
 * layer by layer, for any network, loss and backward variant.
 */
import type { Dataset } from '../data/dataset.ts';
import type { LossId } from '../math/loss-kernels.ts';
import { checkData, resolveLoss } from './checks.ts';
import { cloneNetwork, type Network } from './network.ts';
import { createOptimizer } from './optimisers.ts';
import { backward, batchLoss, createWorkspace, forward, loadBatch, type BackwardVariant } from './propagation.ts';

/** What to check: a network, one batch (all of `data`), a loss and a backward variant. */
export interface GradientCheckOptions {
  readonly network: Network;
  readonly data: Dataset;
  readonly loss: LossId;
  readonly lossParams?: Readonly<Record<string, number>>;
  /** Default 'correct'. */
  readonly backward?: BackwardVariant;
  /**
   * The SGD learning rate the 'article' variant updates with while it back-propagates, since
   * its hidden-layer gradients flow through already-updated weights. Default 0.05.
   */
  readonly learningRate?: number;
  /** Central-difference step. Default 1e-5. */
  readonly epsilon?: number;
}

/** One layer's verdict on its whole parameter gradient (weights, biases, PReLU alpha). */
export interface LayerGradientCheck {
  readonly layer: number;
  /** ‖analytic - numeric‖ / (‖analytic‖ + ‖numeric‖), 0 when both vanish. */
  readonly relativeError: number;
  /**
   * ‖analytic - numeric‖. Central differences carry rounding noise of about 1e-11 per entry,
   * so for a vanishing gradient (‖g‖ below ~1e-5) only this, not the ratio, is meaningful.
   */
  readonly absoluteError: number;
  readonly analyticNorm: number;
  readonly numericNorm: number;
}

/**
 * Compares, per layer, the gradient of the batch's mean loss from the backward pass with
 * (L(p + ε) - L(p - ε)) / 2ε for every parameter. The network is left as it was. Values near
 * 1e-7 or below mean agreement; near 1 mean a wrong backward pass.
 */
export function gradientCheck(options: GradientCheckOptions): LayerGradientCheck[] {
  const { network, data } = options;
  const variant = options.backward ?? 'correct';
  const epsilon = options.epsilon ?? 1e-5;
  const lossSpec = resolveLoss(options.loss, options.lossParams);
  checkData(network, options.loss, data, 'gradientCheck');
  const count = data.size;
  const workspace = createWorkspace(network, count, data.targetSize);
  loadBatch(workspace, data, null, 0, count);

  // The analytic gradient from a copy, because the article's variant updates as it goes.
  const copy = cloneNetwork(network);
  const optimizer = createOptimizer({ kind: 'sgd', learningRate: options.learningRate ?? 0.05 }, copy.shapes);
  forward(copy, workspace, count);
  optimizer.beginStep();
  backward(copy, workspace, count, lossSpec, variant, optimizer);
  const analytic = workspace.gradients.map((g) => g.slice());

  const lossAt = (): number => {
    forward(network, workspace, count);
    return batchLoss(network, workspace, count, lossSpec);
  };
  return network.parameters.map((parameters, layer) => {
    let difference = 0;
    let analyticSquares = 0;
    let numericSquares = 0;
    for (let k = 0; k < parameters.length; k++) {
      const held = parameters[k];
      parameters[k] = held + epsilon;
      const plus = lossAt();
      parameters[k] = held - epsilon;
      const minus = lossAt();
      parameters[k] = held;
      const numeric = (plus - minus) / (2 * epsilon);
      const a = analytic[layer][k];
      difference += (a - numeric) ** 2;
      analyticSquares += a * a;
      numericSquares += numeric * numeric;
    }
    const analyticNorm = Math.sqrt(analyticSquares);
    const numericNorm = Math.sqrt(numericSquares);
    const scale = analyticNorm + numericNorm;
    const absoluteError = Math.sqrt(difference);
    return { layer, relativeError: scale === 0 ? 0 : absoluteError / scale, absoluteError, analyticNorm, numericNorm };
  });
}
