/**
 * Forward and backward passes over one mini-batch, in a workspace of buffers allocated once for
 * a batch capacity. Activations are feature-major: unit j of sample b at j·count + b.
 */
import type { Dataset } from '../data/dataset.ts';
import { bceSum, meanLoss, type BatchLayout, type LossId } from '../math/loss-kernels.ts';
import { activate, activationBackward, multiplyByDerivativeAgain } from './activation-kernels.ts';
import type { LinearKernels } from './kernel-set.ts';
import type { FloatArray, LayerShape, Network } from './network.ts';
import type { Optimizer } from './optimisers.ts';
import { plainArrays, type KernelArena } from './wasm/arena.ts';

/** A loss id with its resolved parameter (Huber's delta; 1 for the others, which ignore it). */
export interface LossSpec {
  readonly id: LossId;
  readonly delta: number;
}

/**
 * 'correct' back-propagates the true gradient. 'article' reproduces the seed article's NumPy:
 * the output delta is multiplied by the output activation's derivative a second time, and each
 * layer is updated before dA is propagated through its (already updated) weights.
 */
export type BackwardVariant = 'correct' | 'article';

/** Buffers for one batch of up to `capacity` samples: inputs, targets, Z, A, deltas, gradients. */
export interface Workspace {
  readonly capacity: number;
  /** The dense products: WebAssembly SIMD when the buffers sit in a kernel arena, else JavaScript. */
  readonly kernels: LinearKernels;
  readonly input: FloatArray;
  readonly target: FloatArray;
  readonly z: readonly FloatArray[];
  readonly a: readonly FloatArray[];
  /** Per layer: dA on the way in, turned into dZ in place. */
  readonly delta: readonly FloatArray[];
  /** Per layer, laid out like the layer's parameters. */
  readonly gradients: readonly FloatArray[];
  /** The batch's mean loss, as the last backward pass left it (a slot, so no number is boxed per batch). */
  readonly loss: Float64Array;
  /** Per sigmoid layer, the e^-|z| of its last forward pass for the backward pass (activate); null for other layers. */
  readonly expCache: readonly (Float64Array | null)[];
  /** Where the loss finds the output batch; updated in place for each batch size. */
  readonly outputLayout: { rows: number; readonly cols: number; readonly rowStride: 1; colStride: number };
}

/** The lengths of the arrays createWorkspace allocates (keep the two in step: an undersized arena throws), to size a kernel arena. */
export function workspaceLengths(network: Network<FloatArray>, capacity: number, targetSize: number): number[] {
  const { shapes } = network;
  const perLayer = shapes.flatMap((s) => [s.outputs * capacity, s.outputs * capacity, s.outputs * capacity, s.parameterCount]);
  return [shapes[0].inputs * capacity, targetSize * capacity, ...perLayer];
}

/** Allocates every buffer a batch of up to `capacity` samples needs, from a kernel arena or as plain arrays. */
export function createWorkspace(network: Network<FloatArray>, capacity: number, targetSize: number, source: KernelArena = plainArrays): Workspace {
  const { shapes } = network;
  const { allocate } = source;
  return {
    capacity,
    kernels: source.kernels,
    input: allocate(shapes[0].inputs * capacity),
    target: allocate(targetSize * capacity),
    z: shapes.map((s) => allocate(s.outputs * capacity)),
    a: shapes.map((s) => allocate(s.outputs * capacity)),
    delta: shapes.map((s) => allocate(s.outputs * capacity)),
    gradients: shapes.map((s) => allocate(s.parameterCount)),
    loss: new Float64Array(1),
    expCache: shapes.map((s) => (s.activation === 'sigmoid' ? new Float64Array(s.outputs * capacity) : null)),
    outputLayout: { rows: capacity, cols: shapes[shapes.length - 1].outputs, rowStride: 1, colStride: capacity },
  };
}

/** The output layout for a batch of `count` samples (feature-major: sample b of unit j at j·count + b). */
function outputLayout(workspace: Workspace, count: number): BatchLayout {
  const layout = workspace.outputLayout;
  layout.rows = count;
  layout.colStride = count;
  return layout;
}

/** Copies rows order[start..start+count) of `data` (row-major) into the feature-major batch buffers. */
export function loadBatch(workspace: Workspace, data: Dataset, order: Uint32Array | null, start: number, count: number): void {
  const { input, target } = workspace;
  const { inputs, targets, inputSize, targetSize } = data;
  for (let b = 0; b < count; b++) {
    const row = order === null ? start + b : order[start + b];
    for (let i = 0; i < inputSize; i++) input[i * count + b] = inputs[row * inputSize + i];
    for (let t = 0; t < targetSize; t++) target[t * count + b] = targets[row * targetSize + t];
  }
}

/** The activation's alpha now: the learned value for PReLU, the configured one otherwise. */
export function currentAlpha(shape: LayerShape, parameters: FloatArray): number {
  return shape.learnsAlpha ? parameters[shape.alphaOffset] : shape.alpha;
}

/**
 * Runs the loaded batch of `count` samples through the network; the output is workspace.a[last].
 * From layer `from` on, when the layers below still hold this batch's activations.
 */
export function forward(network: Network<FloatArray>, workspace: Workspace, count: number, from = 0): void {
  const { shapes, parameters } = network;
  for (let l = from; l < shapes.length; l++) {
    const shape = shapes[l];
    const input = l === 0 ? workspace.input : workspace.a[l - 1];
    const alpha = currentAlpha(shape, parameters[l]);
    const { z, a, kernels } = workspace;
    // ReLU and Leaky ReLU: A in the same pass as the product.
    if (!kernels.forwardActivate(shape, parameters[l], input, z[l], a[l], count, shape.activation, alpha)) {
      kernels.linearForward(shape, parameters[l], input, z[l], count);
      activate(shape.activation, alpha, z[l], a[l], shape.outputs, count, workspace.expCache[l]);
    }
  }
}

/** The batch's mean loss from the output of the last forward pass, without gradients. */
export function batchLoss(network: Network<FloatArray>, workspace: Workspace, count: number, loss: LossSpec): number {
  const last = network.shapes.length - 1;
  const layout = outputLayout(workspace, count);
  // BCE straight from its sum, which V8 inlines here (meanLoss's own result would be boxed).
  if (loss.id === 'bce') return bceSum(workspace.target, workspace.a[last], layout) * (1 / (layout.rows * layout.cols));
  return meanLoss(loss.id, loss.delta, workspace.target, workspace.a[last], null, layout);
}

/**
 * The batch's mean loss as the backward pass differentiates it, after `forward`. With a sigmoid
 * output and bce that is the loss from the logits: the same function, but without the clamp of
 * each log at -100 that bce on probabilities needs, under which a saturated output (p rounding
 * to exactly 0 or 1) has a flat loss whose central difference is 0 while the true slope is not.
 */
export function differentiatedLoss(network: Network<FloatArray>, workspace: Workspace, count: number, loss: LossSpec): number {
  const last = network.shapes.length - 1;
  if (network.shapes[last].activation !== 'sigmoid' || loss.id !== 'bce') return batchLoss(network, workspace, count, loss);
  return meanLoss('bce_logits', loss.delta, workspace.target, workspace.z[last], null, outputLayout(workspace, count));
}

/**
 * Back-propagates the batch's mean loss after `forward`, leaving each layer's gradient in
 * workspace.gradients and the loss in workspace.loss[0]. With a sigmoid output and bce, or softmax and
 * cce or sparse_cce, dZ = (p - y)/n directly, not multiplied by the activation's derivative;
 * every other pair (softmax + mse, softmax + cce_logits, sigmoid + mse, …) goes through the
 * output activation's derivative by the chain rule (softmax's full Jacobian). The 'correct'
 * variant leaves the parameters alone; 'article' calls optimizer.updateLayer on each layer as
 * soon as its gradient is known, before propagating through it.
 */
export function backward(
  network: Network<FloatArray>,
  workspace: Workspace,
  count: number,
  loss: LossSpec,
  variant: BackwardVariant,
  optimizer: Optimizer | null,
): void {
  const { shapes, parameters } = network;
  const { z, a, delta, gradients, target, kernels } = workspace;
  const last = shapes.length - 1;
  const output = shapes[last];
  const units = output.outputs;
  const layout = outputLayout(workspace, count);
  const outputAlpha = currentAlpha(output, parameters[last]);
  let value: number;
  let alphaGradient = 0;
  if (output.activation === 'sigmoid' && loss.id === 'bce') {
    const scale = 1 / (units * count);
    value = bceSum(target, a[last], layout) * scale;
    for (let k = 0; k < units * count; k++) delta[last][k] = (a[last][k] - target[k]) * scale;
  } else if (output.activation === 'softmax' && loss.id === 'cce') {
    value = meanLoss(loss.id, loss.delta, target, a[last], null, layout);
    softmaxCrossEntropyDelta(a[last], target, delta[last], units, count);
  } else if (output.activation === 'softmax' && loss.id === 'sparse_cce') {
    value = meanLoss(loss.id, loss.delta, target, a[last], null, layout);
    softmaxSparseCrossEntropyDelta(a[last], target, delta[last], units, count);
  } else {
    value = meanLoss(loss.id, loss.delta, target, a[last], delta[last], layout);
    alphaGradient = activationBackward(output.activation, outputAlpha, z[last], a[last], delta[last], units, count, workspace.expCache[last]);
  }
  if (variant === 'article') {
    multiplyByDerivativeAgain(output.activation, outputAlpha, z[last], a[last], delta[last], units, count);
  }
  for (let l = last; l >= 0; l--) {
    const shape = shapes[l];
    kernels.weightGradients(shape, l === 0 ? workspace.input : a[l - 1], delta[l], gradients[l], count);
    if (shape.learnsAlpha) gradients[l][shape.alphaOffset] = alphaGradient;
    if (variant === 'article' && optimizer !== null) optimizer.updateLayer(l, parameters[l], gradients[l]);
    if (l > 0) {
      const below = shapes[l - 1];
      const alphaBelow = currentAlpha(below, parameters[l - 1]);
      // ReLU and Leaky ReLU below: dZ in the same pass as the product.
      const fused = kernels.inputGradientsThrough(shape, parameters[l], delta[l], delta[l - 1], z[l - 1], count, below.activation, alphaBelow);
      if (!fused) kernels.inputGradients(shape, parameters[l], delta[l], delta[l - 1], count);
      alphaGradient = fused ? 0 : activationBackward(below.activation, alphaBelow, z[l - 1], a[l - 1], delta[l - 1], below.outputs, count, workspace.expCache[l - 1]);
    }
  }
  workspace.loss[0] = value;
}

/**
 * All of `data` forward and backward as one batch through `network` (left untouched), in a
 * workspace of its own: what per-layer and per-unit measurements read. Returns the loss.
 */
export function wholeBatchPass(network: Network<FloatArray>, data: Dataset, loss: LossSpec): { workspace: Workspace; loss: number } {
  const count = data.size;
  const workspace = createWorkspace(network, count, data.targetSize);
  loadBatch(workspace, data, null, 0, count);
  forward(network, workspace, count);
  backward(network, workspace, count, loss, 'correct', null);
  return { workspace, loss: workspace.loss[0] };
}

/** dZ = (p·Σy - y)/count per sample: softmax with cross-entropy, exact for rows of y summing to 1 or not. */
function softmaxCrossEntropyDelta(p: FloatArray, y: FloatArray, delta: FloatArray, units: number, count: number): void {
  const scale = 1 / count;
  for (let b = 0; b < count; b++) {
    let total = 0;
    for (let j = 0, k = b; j < units; j++, k += count) total += y[k];
    for (let j = 0, k = b; j < units; j++, k += count) delta[k] = (p[k] * total - y[k]) * scale;
  }
}

/** dZ = (p - onehot(t))/count per sample: softmax with sparse cross-entropy, t the class index in target[b]. */
function softmaxSparseCrossEntropyDelta(p: FloatArray, target: FloatArray, delta: FloatArray, units: number, count: number): void {
  const scale = 1 / count;
  for (let b = 0; b < count; b++) {
    const t = target[b];
    for (let j = 0, k = b; j < units; j++, k += count) delta[k] = (p[k] - (j === t ? 1 : 0)) * scale;
  }
}
