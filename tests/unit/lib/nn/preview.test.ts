// The float32 preview: its kernels against the JavaScript ones on Float32Arrays, and its runs
// against the float64 engine's. Internal modules are reached past src/lib/index.ts on purpose.
import { describe, expect, it } from 'vitest';
import { createPreviewTrainer, createRandom, createTrainer, createTrainingRecord, makeMoons, splitDataset, standardizeSplit, type TrainingConfig } from '../../../../src/lib/index.ts';
import { activate, activationBackward } from '../../../../src/lib/nn/activation-kernels.ts';
import { jsKernels } from '../../../../src/lib/nn/kernel-set.ts';
import type { FloatArray, LayerShape } from '../../../../src/lib/nn/network.ts';
import { createKernelArena } from '../../../../src/lib/nn/wasm/arena.ts';
import { FLOAT32 } from '../../../../src/lib/nn/wasm/precision.ts';

function shapeOf(inputs: number, outputs: number): LayerShape {
  const biasOffset = inputs * outputs;
  return { inputs, outputs, activation: 'linear', alpha: 0, learnsAlpha: false, biasOffset, alphaOffset: biasOffset + outputs, parameterCount: biasOffset + outputs };
}

/** Each entry within float32's rounding of the sum of the absolute terms behind it. */
function expectClose(actual: FloatArray, expected: FloatArray, scale: FloatArray, what: string): void {
  for (let k = 0; k < expected.length; k++) {
    if (!(Math.abs(actual[k] - expected[k]) <= 1e-5 * (scale[k] + 1e-30))) expect.fail(`${what} ${k}: wasm ${actual[k]}, js ${expected[k]}, scale ${scale[k]}`);
  }
}

const lab = (seed: number): TrainingConfig => ({
  network: { layers: [2, 32, 16, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed },
  loss: 'bce',
  optimizer: { kind: 'sgd', learningRate: 0.05 },
  batchSize: 64,
});
const moons = standardizeSplit(splitDataset(makeMoons({ size: 2000, noise: 0.2, seed: 42 }), { train: 0.7, validation: 0.15 }, 42));

describe('float32 WebAssembly kernels', () => {
  const random = createRandom(5);
  const pick = (values: number[]) => values[Math.floor(random.uniform() * values.length)];
  const cases = Array.from({ length: 30 }, () => [pick([1, 2, 3, 5, 8, 17, 32]), pick([1, 3, 4, 8, 16]), pick([1, 2, 3, 5, 7, 8, 63, 64])] as const);

  it.each(cases)('match the JavaScript kernels on Float32Arrays for %i inputs, %i outputs, %i samples', (inputs, outputs, count) => {
    const shape = shapeOf(inputs, outputs);
    const lengths = [shape.parameterCount, inputs * count, outputs * count, outputs * count, outputs * count, shape.parameterCount, inputs * count, inputs * count];
    const arena = createKernelArena(lengths, true, FLOAT32);
    const [parameters, x, z, a, delta, gradient, upstream, zBelow] = lengths.map((length) => arena.allocate(length));
    expect(parameters).toBeInstanceOf(Float32Array);
    for (const array of [parameters, x, delta, zBelow]) array.forEach((_, k) => (array[k] = random.normal()));
    const abs = (values: FloatArray) => Float32Array.from(values, Math.abs);
    const expected = (length: number) => new Float32Array(length);

    expect(arena.kernels.forwardActivate(shape, parameters, x, z, a, count, 'relu', 0)).toBe(true);
    const [zJs, aJs, zScale] = [expected(z.length), expected(a.length), expected(z.length)];
    jsKernels.linearForward(shape, parameters, x, zJs, count);
    activate('relu', 0, zJs, aJs, outputs, count);
    jsKernels.linearForward(shape, abs(parameters), abs(x), zScale, count);
    expectClose(z, zJs, zScale, 'Z');
    expectClose(a, aJs, zScale, 'A');

    arena.kernels.weightGradients(shape, x, delta, gradient, count);
    const [gJs, gScale] = [expected(gradient.length), expected(gradient.length)];
    jsKernels.weightGradients(shape, x, delta, gJs, count);
    jsKernels.weightGradients(shape, abs(x), abs(delta), gScale, count);
    expectClose(gradient, gJs, gScale, 'dW');

    expect(arena.kernels.inputGradientsThrough(shape, parameters, delta, upstream, zBelow, count, 'leaky_relu', 0.1)).toBe(true);
    const [uJs, uScale] = [expected(upstream.length), expected(upstream.length)];
    jsKernels.inputGradients(shape, parameters, delta, uJs, count);
    activationBackward('leaky_relu', 0.1, zBelow, zBelow, uJs, inputs, count);
    jsKernels.inputGradients(shape, abs(parameters), abs(delta), uScale, count);
    expectClose(upstream, uJs, uScale, 'dZ below');

    const pJs = Float32Array.from(parameters);
    const [slot, jsSlot] = [new Float64Array(1), new Float64Array(1)];
    jsKernels.sgdStep(pJs, gradient, 0.05, jsSlot);
    const squares = jsSlot[0];
    arena.kernels.sgdStep(parameters, gradient, 0.05, slot);
    // Σ g² summed in float32 in the kernel, in float64 in JavaScript.
    expect(Math.abs(slot[0] - squares) / squares).toBeLessThan(1e-5);
    expectClose(parameters, pJs, abs(pJs).map((v) => v + 1), 'parameters');
  });

  it.each([1, 2, 3, 5, 6, 7, 9, 13])('apply every fused activation as JavaScript does, special values included, for %i samples', (count) => {
    const shape = shapeOf(5, 6);
    const lengths = [shape.parameterCount, 5 * count, 6 * count, 6 * count, 6 * count, 5 * count, 5 * count, 5 * count];
    const arena = createKernelArena(lengths, true, FLOAT32);
    const [parameters, x, z, a, delta, upstream, zBelow, expectedUp] = lengths.map((length) => arena.allocate(length));
    const specials = [Number.NaN, Infinity, -Infinity, 0, -0, 1e-40];
    const fill = (array: FloatArray) => array.forEach((_, k) => (array[k] = random.uniform() < 0.2 ? specials[random.integer(specials.length)] : random.normal()));
    const same = (actual: FloatArray, expected: FloatArray, scale: number, what: string) => {
      for (let k = 0; k < expected.length; k++) {
        const bothNaN = Number.isNaN(actual[k]) && Number.isNaN(expected[k]);
        if (!bothNaN && !Object.is(actual[k], expected[k]) && !(Math.abs(actual[k] - expected[k]) <= 1e-5 * scale)) expect.fail(`${what} ${k}: wasm ${actual[k]}, js ${expected[k]}`);
      }
    };
    for (const [activation, alpha] of [['relu', 0], ['leaky_relu', 0.25], ['prelu', 0.5]] as const) {
      [parameters, x, delta, zBelow].forEach(fill);
      expect(arena.kernels.forwardActivate(shape, parameters, x, z, a, count, activation, alpha)).toBe(true);
      const aJs = Float32Array.from(z);
      activate(activation, alpha, z, aJs, 6, count);
      same(a, aJs, 1, `${activation} A`);
      if (activation === 'prelu') continue;
      expect(arena.kernels.inputGradientsThrough(shape, parameters, delta, upstream, zBelow, count, activation, alpha)).toBe(true);
      arena.kernels.inputGradients(shape, parameters, delta, expectedUp, count);
      activationBackward(activation, alpha, zBelow, zBelow, expectedUp, 5, count);
      same(upstream, expectedUp, 1, `${activation} dZ below`);
    }
  });

  it('fall back to Float32Arrays and the JavaScript kernels without WebAssembly', () => {
    const arena = createKernelArena([3], false, FLOAT32);
    expect(arena.kernels).toBe(jsKernels);
    expect(arena.allocate(3)).toBeInstanceOf(Float32Array);
  });
});

describe('the float32 preview trainer', () => {
  it.each([42, 2, 3])('trains the lab to at least 95 percent test accuracy with seed %i, close to the float64 run', (seed) => {
    const preview = createPreviewTrainer(lab(seed), moons);
    const exact = createTrainer(lab(seed), moons);
    expect(preview.network.parameters[0]).toBeInstanceOf(Float32Array);
    const [fast, slow] = [createTrainingRecord(500, 4), createTrainingRecord(500, 4)];
    for (let e = 0; e < 500; e++) {
      preview.epochInto(fast);
      exact.epochInto(slow);
    }
    // The first epoch agrees to float32's precision; the end agrees in its figures, not its bits.
    expect(Math.abs(fast.trainLoss[0] - slow.trainLoss[0]) / slow.trainLoss[0]).toBeLessThan(1e-5);
    expect(Math.abs(fast.validationLoss[499] - slow.validationLoss[499])).toBeLessThan(0.01);
    expect(preview.evaluate(moons.test).accuracy).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(preview.evaluate(moons.test).accuracy - exact.evaluate(moons.test).accuracy)).toBeLessThanOrEqual(0.01);
  });

  it('gives the same preview for the same seed, bit for bit', () => {
    const run = () => {
      const trainer = createPreviewTrainer(lab(7), moons);
      const record = createTrainingRecord(20, 4);
      for (let e = 0; e < 20; e++) trainer.epochInto(record);
      return [...record.validationLoss, ...record.gradientNorms, ...trainer.network.parameters.flatMap((p) => [...p])];
    };
    expect(run()).toEqual(run());
  });
});
