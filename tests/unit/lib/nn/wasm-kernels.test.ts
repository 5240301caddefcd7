// The kernels are internal to the engine, so this test reaches past src/lib/index.ts.
import { describe, expect, it } from 'vitest';
import { createNetwork, createRandom, createTrainer, makeMoons, splitDataset, standardizeSplit } from '../../../../src/lib/index.ts';
import { jsKernels } from '../../../../src/lib/nn/kernel-set.ts';
import type { FloatArray, LayerShape } from '../../../../src/lib/nn/network.ts';
import { createKernelArena } from '../../../../src/lib/nn/wasm/arena.ts';

function shapeOf(inputs: number, outputs: number): LayerShape {
  const biasOffset = inputs * outputs;
  return { inputs, outputs, activation: 'linear', alpha: 0, learnsAlpha: false, biasOffset, alphaOffset: biasOffset + outputs, parameterCount: biasOffset + outputs };
}

/**
 * Each entry of `actual` within 1e-12 of `expected`, relative to the sum of the absolute
 * terms behind it (`scale`): summing in another order may differ by a few ulps of that sum,
 * however much of it cancels.
 */
function expectClose(actual: FloatArray, expected: FloatArray, scale: FloatArray): void {
  for (let k = 0; k < expected.length; k++) {
    const error = Math.abs(actual[k] - expected[k]);
    if (!(error <= 1e-12 * scale[k])) expect.fail(`entry ${k}: wasm ${actual[k]}, js ${expected[k]}, scale ${scale[k]}`);
  }
}

describe('WebAssembly SIMD linear kernels', () => {
  it('are available in Node (so the engine is not silently on the fallback)', () => {
    expect(createKernelArena([1]).kernels).not.toBe(jsKernels);
  });

  const sizes = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 32];
  const counts = [1, 2, 3, 5, 6, 7, 56, 63, 64, 65];
  const random = createRandom(7);
  const pick = (values: number[]) => values[Math.floor(random.uniform() * values.length)];
  const cases = Array.from({ length: 60 }, () => [pick(sizes), pick(sizes), pick(counts)] as const);

  it.each(cases)('match the JavaScript kernels for %i inputs, %i outputs, %i samples', (inputs, outputs, count) => {
    const shape = shapeOf(inputs, outputs);
    const arena = createKernelArena([shape.parameterCount, inputs * count, outputs * count, outputs * count, shape.parameterCount, inputs * count]);
    const fill = (a: FloatArray) => a.forEach((_, k) => (a[k] = random.normal()));
    const parameters = arena.allocate(shape.parameterCount);
    const x = arena.allocate(inputs * count);
    const delta = arena.allocate(outputs * count);
    const z = arena.allocate(outputs * count);
    const gradient = arena.allocate(shape.parameterCount);
    const upstream = arena.allocate(inputs * count);
    [parameters, x, delta, z, gradient, upstream].forEach(fill);
    const abs = (a: FloatArray) => a.map(Math.abs);

    arena.kernels.linearForward(shape, parameters, x, z, count);
    const zExpected = new Float64Array(outputs * count);
    jsKernels.linearForward(shape, parameters, x, zExpected, count);
    const zScale = new Float64Array(outputs * count);
    jsKernels.linearForward(shape, abs(parameters), abs(x), zScale, count);
    expectClose(z, zExpected, zScale);

    arena.kernels.weightGradients(shape, x, delta, gradient, count);
    const gExpected = new Float64Array(shape.parameterCount);
    jsKernels.weightGradients(shape, x, delta, gExpected, count);
    const gScale = new Float64Array(shape.parameterCount);
    jsKernels.weightGradients(shape, abs(x), abs(delta), gScale, count);
    expectClose(gradient, gExpected, gScale);

    arena.kernels.inputGradients(shape, parameters, delta, upstream, count);
    const uExpected = new Float64Array(inputs * count);
    jsKernels.inputGradients(shape, parameters, delta, uExpected, count);
    const uScale = new Float64Array(inputs * count);
    jsKernels.inputGradients(shape, abs(parameters), abs(delta), uScale, count);
    expectClose(upstream, uExpected, uScale);
  });

  it('fall back to plain arrays and the JavaScript kernels when Wasm is not to be used', () => {
    const arena = createKernelArena([4], false);
    expect(arena.kernels).toBe(jsKernels);
    expect([arena.allocate(4), arena.allocate(4)].map((a) => a.length)).toEqual([4, 4]);
  });

  it('fall back to the JavaScript kernels for arrays outside the arena', () => {
    const shape = shapeOf(3, 5);
    const arena = createKernelArena([]);
    const parameters = Float64Array.from({ length: shape.parameterCount }, (_, k) => Math.sin(k));
    const x = Float64Array.from({ length: 3 * 7 }, (_, k) => Math.cos(k));
    const z = new Float64Array(5 * 7);
    const zExpected = new Float64Array(5 * 7);
    arena.kernels.linearForward(shape, parameters, x, z, 7);
    jsKernels.linearForward(shape, parameters, x, zExpected, 7);
    expect(z).toEqual(zExpected);
  });

  it('hold a trainer\'s parameters in one Wasm memory, starting from the seeded weights', () => {
    const moons = standardizeSplit(splitDataset(makeMoons({ size: 200, noise: 0.2, seed: 1 }), { train: 0.7, validation: 0.15 }, 1));
    const network = { layers: [2, 5, 3, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 3 } as const;
    const trainer = createTrainer({ network, loss: 'bce', optimizer: { kind: 'sgd', learningRate: 0.1 }, batchSize: 16 }, moons);
    const { parameters } = trainer.network;
    expect(parameters.every((p) => p.buffer === parameters[0].buffer && p.byteOffset % 16 === 0)).toBe(true);
    expect(parameters.map((p) => [...p])).toEqual(createNetwork(network).parameters.map((p) => [...p]));
  });

  it('refuses to allocate past the planned size rather than grow and detach its views', () => {
    const arena = createKernelArena([3]);
    arena.allocate(3);
    expect(() => arena.allocate(1)).toThrow(/kernel arena/);
  });
});
