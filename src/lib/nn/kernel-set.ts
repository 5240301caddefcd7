/**
 * The kernel set the engine calls: the three dense-layer products, the two products fused with
 * an activation, and plain SGD's step. `jsKernels` is the JavaScript set (linear-kernels.ts's
 * products, which fuse nothing): the reference, and the fallback without WebAssembly SIMD; a
 * kernel arena (wasm/arena.ts) hands out the WebAssembly set.
 */
import { inputGradients, linearForward, weightGradients } from './linear-kernels.ts';
import type { FloatArray, LayerActivationId, LayerShape } from './network.ts';

/** The three products of a dense layer, as the engine calls them, and two fused with an activation. */
export interface LinearKernels {
  readonly linearForward: typeof linearForward;
  readonly weightGradients: typeof weightGradients;
  readonly inputGradients: typeof inputGradients;
  /**
   * Z = W·X + b and A = f(Z) in one pass, exactly as linearForward then activate; false (and
   * nothing written) when these kernels cannot fuse this activation or these arrays.
   */
  readonly forwardActivate: (
    shape: LayerShape,
    parameters: FloatArray,
    x: FloatArray,
    z: FloatArray,
    a: FloatArray,
    count: number,
    activation: LayerActivationId,
    alpha: number,
  ) => boolean;
  /**
   * The input gradients Wᵀ·dZ turned straight into the layer below's dZ (times f'(Z below)),
   * exactly as inputGradients then activationBackward; false (nothing written) when it cannot.
   */
  readonly inputGradientsThrough: (
    shape: LayerShape,
    parameters: FloatArray,
    delta: FloatArray,
    upstream: FloatArray,
    zBelow: FloatArray,
    count: number,
    activation: LayerActivationId,
    alpha: number,
  ) => boolean;
  /**
   * Plain SGD's update parameters -= learningRate·gradient, with Σ gradient² (summed in index
   * order) written to squares[0]: a slot, not a return value, which V8 would box when the call
   * is not inlined (four numbers a batch).
   */
  readonly sgdStep: (parameters: FloatArray, gradient: FloatArray, learningRate: number, squares: Float64Array) => void;
}

/** The JavaScript SGD step: the update, and the squares summed as diagnostics' sumOfSquares does. */
function sgdStep(parameters: FloatArray, gradient: FloatArray, learningRate: number, squares: Float64Array): void {
  let sum = 0;
  for (let k = 0; k < parameters.length; k++) {
    const g = gradient[k];
    parameters[k] -= learningRate * g;
    sum += g * g;
  }
  squares[0] = sum;
}

/** The plain JavaScript kernels: the reference, and the fallback without WebAssembly SIMD (they fuse nothing). */
export const jsKernels: LinearKernels = {
  linearForward,
  weightGradients,
  inputGradients,
  forwardActivate: () => false,
  inputGradientsThrough: () => false,
  sgdStep,
};
