// The fused kernels (product + activation in one pass) are internal to the engine, so this test
// reaches past src/lib/index.ts. Fusing must change nothing: every entry is compared bit for bit.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/lib/index.ts';
import { activate, activationBackward } from '../../../../src/lib/nn/activation-kernels.ts';
import type { FloatArray, LayerActivationId, LayerShape } from '../../../../src/lib/nn/network.ts';
import { createKernelArena } from '../../../../src/lib/nn/wasm/arena.ts';
import { jsKernels } from '../../../../src/lib/nn/kernel-set.ts';
import { sumOfSquares } from '../../../../src/lib/nn/diagnostics.ts';

function shapeOf(inputs: number, outputs: number): LayerShape {
  const biasOffset = inputs * outputs;
  return { inputs, outputs, activation: 'linear', alpha: 0, learnsAlpha: false, biasOffset, alphaOffset: biasOffset + outputs, parameterCount: biasOffset + outputs };
}

/** Equal bit for bit (+0 and -0 differ), any NaN matching any NaN. */
function expectSameBits(actual: FloatArray, expected: FloatArray, what: string): void {
  for (let k = 0; k < expected.length; k++) {
    const same = Object.is(actual[k], expected[k]) || (Number.isNaN(actual[k]) && Number.isNaN(expected[k]));
    if (!same) expect.fail(`${what}, entry ${k}: fused ${actual[k]}, separate ${expected[k]}`);
  }
}

const SPECIAL = [Number.NaN, Infinity, -Infinity, 0, -0, 1e-310, -1e-310, 1, -1];

describe('fused WebAssembly products', () => {
  const random = createRandom(11);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random.uniform() * values.length)];
  /** Mostly normal draws, one in five a special value (NaN, infinities, signed zeros, subnormals). */
  const fill = (a: FloatArray) => a.forEach((_, k) => (a[k] = random.uniform() < 0.2 ? pick(SPECIAL) : random.normal()));
  const cases = Array.from({ length: 40 }, () => [pick([1, 2, 3, 5, 8, 16, 32]), pick([1, 3, 4, 5, 8, 16]), pick([1, 2, 3, 7, 63, 64])] as const);
  const activations: [LayerActivationId, number][] = [['relu', 0], ['leaky_relu', 0.01], ['leaky_relu', 0.3], ['prelu', 0.25]];

  it.each(cases)('give the same Z, A and dZ as the separate passes for %i inputs, %i outputs, %i samples', (inputs, outputs, count) => {
    const shape = shapeOf(inputs, outputs);
    const lengths = [shape.parameterCount, inputs * count, ...Array<number>(5).fill(outputs * count), ...Array<number>(3).fill(inputs * count)];
    const arena = createKernelArena(lengths);
    const [parameters, x, z, a, zSeparate, aSeparate, dz, zBelow, upstream, upstreamSeparate] = lengths.map((length) => arena.allocate(length));
    for (const [activation, alpha] of activations) {
      [parameters, x, dz, zBelow].forEach(fill);
      expect(arena.kernels.forwardActivate(shape, parameters, x, z, a, count, activation, alpha)).toBe(true);
      arena.kernels.linearForward(shape, parameters, x, zSeparate, count);
      activate(activation, alpha, zSeparate, aSeparate, outputs, count);
      expectSameBits(z, zSeparate, `${activation} Z`);
      expectSameBits(a, aSeparate, `${activation} A`);

      if (activation === 'prelu') {
        // PReLU's backward also sums its alpha gradient from dA, so it is not fused.
        expect(arena.kernels.inputGradientsThrough(shape, parameters, dz, upstream, zBelow, count, activation, alpha)).toBe(false);
        continue;
      }
      expect(arena.kernels.inputGradientsThrough(shape, parameters, dz, upstream, zBelow, count, activation, alpha)).toBe(true);
      arena.kernels.inputGradients(shape, parameters, dz, upstreamSeparate, count);
      activationBackward(activation, alpha, zBelow, zBelow, upstreamSeparate, inputs, count);
      expectSameBits(upstream, upstreamSeparate, `${activation} dZ below`);
    }
  });

  it('decline (writing nothing) for other activations and for arrays outside the arena', () => {
    const shape = shapeOf(2, 3);
    const arena = createKernelArena([shape.parameterCount, 2 * 4, 3 * 4, 3 * 4]);
    const [parameters, x, z, a] = [shape.parameterCount, 8, 12, 12].map((length) => arena.allocate(length).fill(0.5));
    for (const activation of ['sigmoid', 'tanh', 'linear', 'softmax', 'gelu'] as const) {
      expect(arena.kernels.forwardActivate(shape, parameters, x, z, a, 4, activation, 0)).toBe(false);
    }
    expect(arena.kernels.forwardActivate(shape, parameters, x, z, new Float64Array(12), 4, 'relu', 0)).toBe(false);
    expect(arena.kernels.inputGradientsThrough(shape, parameters, z, x, new Float64Array(8), 4, 'relu', 0)).toBe(false);
    expect([...z, ...a, ...x].every((v) => v === 0.5)).toBe(true);
  });

  it.each([1, 2, 7, 96, 769])('take the SGD step and sum the squares exactly as JavaScript, for %i parameters', (length) => {
    const arena = createKernelArena([length, length]);
    const [parameters, gradient] = [arena.allocate(length), arena.allocate(length)];
    [parameters, gradient].forEach(fill);
    // With special values: the update entry by entry (a NaN sum says little, so it is checked on finite values below).
    const expectedParameters = Float64Array.from(parameters);
    const [slot, expectedSlot] = [new Float64Array(1), new Float64Array(1)];
    jsKernels.sgdStep(expectedParameters, gradient, 0.05, expectedSlot);
    arena.kernels.sgdStep(parameters, gradient, 0.05, slot);
    expectSameBits(parameters, expectedParameters, 'parameters');
    // Finite gradients: the sum of squares in the same order, so the same bits.
    gradient.forEach((_, k) => (gradient[k] = random.normal() * 10 ** (k % 7 - 3)));
    jsKernels.sgdStep(Float64Array.from(parameters), gradient, 0.05, expectedSlot);
    arena.kernels.sgdStep(parameters, gradient, 0.05, slot);
    expect(Number.isFinite(expectedSlot[0])).toBe(true);
    expect(Object.is(slot[0], expectedSlot[0])).toBe(true);
    const normal = Float64Array.from({ length }, (_, k) => Math.sin(k + 1));
    jsKernels.sgdStep(new Float64Array(length), normal, 1, slot);
    expect(slot[0]).toBe(sumOfSquares(normal));
  });
});
