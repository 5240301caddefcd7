/**
 * A kernel arena: one WebAssembly.Memory holding a trainer's parameters, activations, deltas
 * and gradients as Float64Array views, so the SIMD kernels read and write them in place with no
 * copy per batch. Without WebAssembly SIMD the arena hands out ordinary arrays and the
 * JavaScript kernels. The memory never grows (growing would detach every view), so it is sized
 * up front from the lengths of everything it will hold.
 */
import { jsKernels, type LinearKernels } from '../linear-kernels.ts';
import type { LayerActivationId, LayerShape } from '../network.ts';
import { FUSED_PRODUCTS, linearModuleBytes } from './linear-module.ts';

/** Where a trainer's buffers come from, and the kernels that work on them. */
export interface KernelArena {
  readonly kernels: LinearKernels;
  /** A zeroed array of `length` doubles; throws once the arena's planned size is used up. */
  allocate(length: number): Float64Array;
}

type Product = (out: number, a: number, aRow: number, aStep: number, x: number, rows: number, steps: number, count: number, init: number, initStep: number) => void;
type FusedProduct = (...args: [...Parameters<Product>, other: number, alpha: number]) => void;

type LinearExports = {
  product: Product;
  weightGradients(g: number, gBias: number, d: number, x: number, outputs: number, inputs: number, count: number): void;
  sgdStep(p: number, g: number, length: number, lrAddress: number, sumAddress: number): void;
} & {
  readonly [name in (typeof FUSED_PRODUCTS)[keyof typeof FUSED_PRODUCTS]]: FusedProduct;
};

/** The fused forward product for an activation, if there is one (PReLU's forward is Leaky ReLU's with the learned alpha). */
function forwardEpilogue(activation: LayerActivationId): keyof typeof FUSED_PRODUCTS | null {
  if (activation === 'relu') return 'relu';
  return activation === 'leaky_relu' || activation === 'prelu' ? 'leaky' : null;
}

/** The fused input-gradient product for the activation below (not PReLU, whose alpha gradient needs dA itself). */
function backwardEpilogue(activation: LayerActivationId): keyof typeof FUSED_PRODUCTS | null {
  if (activation === 'relu') return 'reluBack';
  return activation === 'leaky_relu' ? 'leakyBack' : null;
}

// Compiled once per page or worker; null when WebAssembly or its SIMD is missing.
let compiled: WebAssembly.Module | null | undefined;

function linearModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = linearModuleBytes();
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

const PAGE_BYTES = 65536;
// The first 16 bytes stay zero: the input-gradient product starts its sums from there. The
// next 8 hold the alpha of a fused Leaky ReLU or the SGD learning rate, written before each
// call, and the 8 after the sum of squares sgdStep returns.
const ZERO_ADDRESS = 0;
const ALPHA_ADDRESS = 16;
const SUM_ADDRESS = 24;
const RESERVED_BYTES = 32;

/** Bytes an array of `length` doubles takes, kept at a multiple of 16 so vectors stay aligned. */
const alignedBytes = (length: number) => Math.ceil(length / 2) * 16;

/** No arena: plain arrays and the JavaScript kernels. */
export const plainArrays: KernelArena = { kernels: jsKernels, allocate: (length) => new Float64Array(length) };

/** The arena for arrays of these lengths: WebAssembly when SIMD is available, plain arrays otherwise. */
export function createKernelArena(lengths: readonly number[], useWasm = true): KernelArena {
  const module = useWasm ? linearModule() : null;
  if (module === null) return plainArrays;
  const bytes = lengths.reduce((sum, length) => sum + alignedBytes(length), RESERVED_BYTES);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as LinearExports;
  const buffer = memory.buffer;
  const alphaSlot = new Float64Array(buffer, ALPHA_ADDRESS, 2);
  let next = RESERVED_BYTES;
  // Arrays from elsewhere (a cloned network, the gradient check) take the JavaScript kernels.
  const inArena = (p: Float64Array, q: Float64Array, r: Float64Array) => p.buffer === buffer && q.buffer === buffer && r.buffer === buffer;
  const kernels: LinearKernels = {
    linearForward: (shape: LayerShape, parameters, x, z, count) => {
      if (!inArena(parameters, x, z)) return jsKernels.linearForward(shape, parameters, x, z, count);
      const { inputs, outputs, biasOffset } = shape;
      const w = parameters.byteOffset;
      exports.product(z.byteOffset, w, inputs * 8, 8, x.byteOffset, outputs, inputs, count, w + biasOffset * 8, 8);
    },
    weightGradients: (shape: LayerShape, x, delta, gradient, count) => {
      if (!inArena(x, delta, gradient)) return jsKernels.weightGradients(shape, x, delta, gradient, count);
      const { inputs, outputs, biasOffset } = shape;
      const g = gradient.byteOffset;
      exports.weightGradients(g, g + biasOffset * 8, delta.byteOffset, x.byteOffset, outputs, inputs, count);
    },
    inputGradients: (shape: LayerShape, parameters, delta, upstream, count) => {
      if (!inArena(parameters, delta, upstream)) return jsKernels.inputGradients(shape, parameters, delta, upstream, count);
      const { inputs, outputs } = shape;
      exports.product(upstream.byteOffset, parameters.byteOffset, 8, inputs * 8, delta.byteOffset, inputs, outputs, count, ZERO_ADDRESS, 0);
    },
    forwardActivate: (shape, parameters, x, z, a, count, activation, alpha) => {
      const epilogue = forwardEpilogue(activation);
      if (epilogue === null || !inArena(parameters, x, z) || a.buffer !== buffer) return false;
      const { inputs, outputs, biasOffset } = shape;
      const w = parameters.byteOffset;
      alphaSlot[0] = alpha;
      exports[FUSED_PRODUCTS[epilogue]](z.byteOffset, w, inputs * 8, 8, x.byteOffset, outputs, inputs, count, w + biasOffset * 8, 8, a.byteOffset, ALPHA_ADDRESS);
      return true;
    },
    inputGradientsThrough: (shape, parameters, delta, upstream, zBelow, count, activation, alpha) => {
      const epilogue = backwardEpilogue(activation);
      if (epilogue === null || !inArena(parameters, delta, upstream) || zBelow.buffer !== buffer) return false;
      const { inputs, outputs } = shape;
      alphaSlot[0] = alpha;
      const fused = exports[FUSED_PRODUCTS[epilogue]];
      fused(upstream.byteOffset, parameters.byteOffset, 8, inputs * 8, delta.byteOffset, inputs, outputs, count, ZERO_ADDRESS, 0, zBelow.byteOffset, ALPHA_ADDRESS);
      return true;
    },
    sgdStep: (parameters, gradient, learningRate) => {
      if (parameters.buffer !== buffer || gradient.buffer !== buffer || parameters.length !== gradient.length) return jsKernels.sgdStep(parameters, gradient, learningRate);
      alphaSlot[0] = learningRate;
      exports.sgdStep(parameters.byteOffset, gradient.byteOffset, parameters.length, ALPHA_ADDRESS, SUM_ADDRESS);
      return alphaSlot[1];
    },
  };
  return {
    kernels,
    allocate: (length) => {
      const size = alignedBytes(length);
      if (next + size > bytes) throw new Error(`kernel arena: ${length} more doubles do not fit in the ${bytes} bytes planned`);
      const view = new Float64Array(buffer, next, length);
      next += size;
      return view;
    },
  };
}
