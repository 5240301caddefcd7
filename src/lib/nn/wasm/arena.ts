/**
 * A kernel arena: one WebAssembly.Memory holding a trainer's parameters, activations, deltas
 * and gradients as Float64Array views (Float32Array for the float32 preview), so the SIMD
 * kernels read and write them in place with no copy per batch. Without WebAssembly SIMD the
 * arena hands out ordinary arrays and the JavaScript kernels. The memory never grows (growing
 * would detach every view), so it is sized up front from the lengths of everything it will hold.
 */
import { jsKernels, type LinearKernels } from '../kernel-set.ts';
import type { FloatArray, LayerActivationId, LayerShape } from '../network.ts';
import { FUSED_PRODUCTS, linearModuleBytes } from './linear-module.ts';
import { FLOAT64, type Precision } from './precision.ts';

/** Where a trainer's buffers come from, and the kernels that work on them. */
export interface KernelArena<Numbers extends FloatArray = FloatArray> {
  readonly kernels: LinearKernels;
  /** A zeroed array of `length` numbers; throws once the arena's planned size is used up. */
  allocate(length: number): Numbers;
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

// Compiled once per page or worker and number format; null when WebAssembly or its SIMD is missing.
const compiled = new Map<Precision['name'], WebAssembly.Module | null>();

function linearModule(precision: Precision): WebAssembly.Module | null {
  if (!compiled.has(precision.name)) {
    const bytes = linearModuleBytes(precision);
    compiled.set(precision.name, typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null);
  }
  return compiled.get(precision.name) ?? null;
}

const PAGE_BYTES = 65536;
// The first 16 bytes stay zero: the input-gradient product starts its sums from there. The
// next number holds the alpha of a fused Leaky ReLU or the SGD learning rate, written before
// each call, and the one at byte 24 the sum of squares sgdStep leaves.
const ZERO_ADDRESS = 0;
const ALPHA_ADDRESS = 16;
const SUM_ADDRESS = 24;
const RESERVED_BYTES = 32;

/** No arena: plain arrays and the JavaScript kernels. */
export const plainArrays: KernelArena<Float64Array> = { kernels: jsKernels, allocate: (length) => new Float64Array(length) };

/** No arena, in float32: plain Float32Arrays and the JavaScript kernels. */
const plainFloat32: KernelArena<Float32Array> = { kernels: jsKernels, allocate: (length) => new Float32Array(length) };

/**
 * The arena for arrays of these lengths, in float64 unless `precision` says float32:
 * WebAssembly when SIMD is available, plain arrays otherwise.
 */
export function createKernelArena(lengths: readonly number[], useWasm = true, precision: Precision = FLOAT64): KernelArena {
  const module = useWasm ? linearModule(precision) : null;
  if (module === null) return precision.bytes === 8 ? plainArrays : plainFloat32;
  const size = precision.bytes;
  const View = size === 8 ? Float64Array : Float32Array;
  // Each array starts on a 16-byte boundary, so vectors stay aligned.
  const alignedBytes = (length: number) => Math.ceil((length * size) / 16) * 16;
  const bytes = lengths.reduce((sum, length) => sum + alignedBytes(length), RESERVED_BYTES);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as LinearExports;
  const buffer = memory.buffer;
  const slots = new View(buffer, ALPHA_ADDRESS, 16 / size);
  const sumSlot = (SUM_ADDRESS - ALPHA_ADDRESS) / size;
  let next = RESERVED_BYTES;
  // Arrays from elsewhere (a cloned network, the gradient check) take the JavaScript kernels.
  const inArena = (p: FloatArray, q: FloatArray, r: FloatArray) =>
    p.buffer === buffer && q.buffer === buffer && r.buffer === buffer;
  const kernels: LinearKernels = {
    linearForward: (shape: LayerShape, parameters, x, z, count) => {
      if (!inArena(parameters, x, z)) return jsKernels.linearForward(shape, parameters, x, z, count);
      const { inputs, outputs, biasOffset } = shape;
      const w = parameters.byteOffset;
      exports.product(z.byteOffset, w, inputs * size, size, x.byteOffset, outputs, inputs, count, w + biasOffset * size, size);
    },
    weightGradients: (shape: LayerShape, x, delta, gradient, count) => {
      if (!inArena(x, delta, gradient)) return jsKernels.weightGradients(shape, x, delta, gradient, count);
      const { inputs, outputs, biasOffset } = shape;
      const g = gradient.byteOffset;
      exports.weightGradients(g, g + biasOffset * size, delta.byteOffset, x.byteOffset, outputs, inputs, count);
    },
    inputGradients: (shape: LayerShape, parameters, delta, upstream, count) => {
      if (!inArena(parameters, delta, upstream)) return jsKernels.inputGradients(shape, parameters, delta, upstream, count);
      const { inputs, outputs } = shape;
      exports.product(upstream.byteOffset, parameters.byteOffset, size, inputs * size, delta.byteOffset, inputs, outputs, count, ZERO_ADDRESS, 0);
    },
    forwardActivate: (shape, parameters, x, z, a, count, activation, alpha) => {
      const epilogue = forwardEpilogue(activation);
      if (epilogue === null || !inArena(parameters, x, z) || a.buffer !== buffer) return false;
      const { inputs, outputs, biasOffset } = shape;
      const w = parameters.byteOffset;
      slots[0] = alpha;
      exports[FUSED_PRODUCTS[epilogue]](z.byteOffset, w, inputs * size, size, x.byteOffset, outputs, inputs, count, w + biasOffset * size, size, a.byteOffset, ALPHA_ADDRESS);
      return true;
    },
    inputGradientsThrough: (shape, parameters, delta, upstream, zBelow, count, activation, alpha) => {
      const epilogue = backwardEpilogue(activation);
      if (epilogue === null || !inArena(parameters, delta, upstream) || zBelow.buffer !== buffer) return false;
      const { inputs, outputs } = shape;
      slots[0] = alpha;
      const fused = exports[FUSED_PRODUCTS[epilogue]];
      fused(upstream.byteOffset, parameters.byteOffset, size, inputs * size, delta.byteOffset, inputs, outputs, count, ZERO_ADDRESS, 0, zBelow.byteOffset, ALPHA_ADDRESS);
      return true;
    },
    sgdStep: (parameters, gradient, learningRate, squares) => {
      if (parameters.buffer !== buffer || gradient.buffer !== buffer || parameters.length !== gradient.length) return jsKernels.sgdStep(parameters, gradient, learningRate, squares);
      slots[0] = learningRate;
      exports.sgdStep(parameters.byteOffset, gradient.byteOffset, parameters.length, ALPHA_ADDRESS, SUM_ADDRESS);
      squares[0] = slots[sumSlot];
    },
  };
  return {
    kernels,
    allocate: (length) => {
      const needed = alignedBytes(length);
      if (next + needed > bytes) throw new Error(`kernel arena: ${length} more numbers do not fit in the ${bytes} bytes planned`);
      const view = new View(buffer, next, length);
      next += needed;
      return view;
    },
  };
}
