import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activation,
  cloneNetwork,
  createNetwork,
  createTrainer,
  gradientCheck,
  measureLayers,
  weightDistances,
  type Dataset,
  type Network,
} from '../../../../src/lib/index.ts';
import { randomBatch } from './batches.ts';

/** The activations of every layer for every row, computed directly from the weights (row-major per layer). */
function directActivations(network: Network, data: Dataset): { z: number[][]; a: number[][] } {
  const z: number[][] = network.shapes.map(() => []);
  const a: number[][] = network.shapes.map(() => []);
  for (let row = 0; row < data.size; row++) {
    let input = Array.from(data.inputs.subarray(row * data.inputSize, (row + 1) * data.inputSize));
    network.shapes.forEach((shape, l) => {
      const p = network.parameters[l];
      const f = activation(shape.activation as 'sigmoid', { ...(shape.activation === 'elu' ? { alpha: shape.alpha } : {}) });
      const output = Array.from({ length: shape.outputs }, (_, j) => {
        let sum = p[shape.biasOffset + j];
        for (let i = 0; i < shape.inputs; i++) sum += p[j * shape.inputs + i] * input[i];
        z[l].push(sum);
        return f.f(sum);
      });
      a[l].push(...output);
      input = output;
    });
  }
  return { z, a };
}

const SMALL = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  hidden: fc.constantFrom('sigmoid' as const, 'tanh' as const),
  rows: fc.integer({ min: 1, max: 8 }),
});

describe('measureLayers', () => {
  it('gives the gradient norms the gradient check measures numerically (2-5-4-1, sigmoid and tanh)', () => {
    fc.assert(
      fc.property(SMALL, ({ seed, hidden, rows }) => {
        const network = createNetwork({ layers: [2, 5, 4, 1], hiddenActivation: hidden, outputActivation: 'sigmoid', init: 'xavier', seed });
        const data = randomBatch(seed, 2, rows);
        const measured = measureLayers({ network, data, loss: 'bce' });
        const checks = gradientCheck({ network, data, loss: 'bce' });
        measured.layers.forEach((layer, l) => {
          expect(checks[l].checked).toBe(checks[l].parameterCount);
          expect(Math.abs(layer.gradientNorm - checks[l].numericNorm)).toBeLessThan(1e-7 * (1 + checks[l].numericNorm));
        });
        expect(measured.finite).toBe(true);
      }),
      { numRuns: 30, seed: 20240611 },
    );
  });

  it('gives the weights-only norm of central differences over the weights alone', () => {
    const network = createNetwork({ layers: [2, 5, 4, 1], hiddenActivation: 'tanh', outputActivation: 'sigmoid', init: 'xavier', seed: 42 });
    const data = randomBatch(42, 2, 6);
    const measured = measureLayers({ network, data, loss: 'bce' });
    const epsilon = 1e-6;
    network.shapes.forEach((shape, l) => {
      let squares = 0;
      for (let k = 0; k < shape.biasOffset; k++) {
        const copy = cloneNetwork(network);
        copy.parameters[l][k] += epsilon;
        const up = measureLayers({ network: copy, data, loss: 'bce' }).loss;
        copy.parameters[l][k] -= 2 * epsilon;
        const down = measureLayers({ network: copy, data, loss: 'bce' }).loss;
        squares += ((up - down) / (2 * epsilon)) ** 2;
      }
      expect(measured.layers[l].weightGradientNorm).toBeCloseTo(Math.sqrt(squares), 7);
      expect(measured.layers[l].weightGradientNorm).toBeLessThanOrEqual(measured.layers[l].gradientNorm);
    });
  });

  it("gives the mean |f'(z)| and the statistics of a direct computation", () => {
    for (const hidden of ['sigmoid', 'tanh', 'relu', 'elu'] as const) {
      const network = createNetwork({ layers: [3, 6, 5, 1], hiddenActivation: hidden, outputActivation: 'sigmoid', init: 'normal', seed: 5 });
      const data = randomBatch(5, 3, 9);
      const measured = measureLayers({ network, data, loss: 'bce', bins: 4, range: [-1, 1] });
      const { z, a } = directActivations(network, data);
      network.shapes.forEach((shape, l) => {
        const f = activation(shape.activation as 'sigmoid');
        const layer = measured.layers[l];
        const derivatives = z[l].map((value) => f.df(value));
        expect(layer.meanAbsoluteDerivative).toBeCloseTo(derivatives.reduce((s, d) => s + Math.abs(d), 0) / derivatives.length, 12);
        expect(layer.rmsDerivative).toBeCloseTo(Math.sqrt(derivatives.reduce((s, d) => s + d * d, 0) / derivatives.length), 12);
        const values = a[l];
        const mean = values.reduce((s, v) => s + v, 0) / values.length;
        const stats = layer.activations;
        expect(stats.mean).toBeCloseTo(mean, 12);
        expect(stats.standardDeviation).toBeCloseTo(Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length), 12);
        expect(stats.zeroFraction).toBe(values.filter((v) => v === 0).length / values.length);
        const bounds = { sigmoid: [0, 1], tanh: [-1, 1], elu: [-1], relu: null }[shape.activation as 'sigmoid'] ?? null;
        expect(stats.saturatedFraction).toBe(
          bounds === null ? null : values.filter((v) => bounds.some((b) => Math.abs(v - b) < 0.01)).length / values.length,
        );
        const counts = [0, 0, 0, 0];
        for (const v of values) if (v >= -1 && v <= 1) counts[Math.min(3, Math.floor((v + 1) / 0.5))]++;
        expect(stats.histogram.counts).toEqual(counts);
        expect(stats.histogram.below).toBe(values.filter((v) => v < -1).length);
        expect(stats.histogram.above).toBe(values.filter((v) => v > 1).length);
        expect(stats.nonFiniteFraction).toBe(0);
      });
    }
  });

  it('flags non-finite values instead of throwing', () => {
    const network = createNetwork({ layers: [2, 8, 8, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'normal', seed: 1 });
    for (const p of network.parameters) for (let k = 0; k < p.length; k++) p[k] *= 1e110;
    const measured = measureLayers({ network, data: randomBatch(1, 2, 4), loss: 'bce' });
    expect(measured.finite).toBe(false);
    expect(measured.layers.some((layer) => layer.activations.nonFiniteFraction > 0)).toBe(true);
    const healthy = measureLayers({ network: createNetwork({ ...network.config }), data: randomBatch(1, 2, 4), loss: 'bce' });
    expect(healthy.finite).toBe(true);
  });

  it('leaves the network untouched and refuses bad bins', () => {
    const network = createNetwork({ layers: [2, 3, 1], hiddenActivation: 'tanh', outputActivation: 'sigmoid', init: 'xavier', seed: 2 });
    const before = cloneNetwork(network);
    measureLayers({ network, data: randomBatch(2, 2, 5), loss: 'bce' });
    expect(network.parameters).toEqual(before.parameters);
    expect(() => measureLayers({ network, data: randomBatch(2, 2, 5), loss: 'bce', bins: 0 })).toThrow(/bins/);
    expect(() => measureLayers({ network, data: randomBatch(2, 2, 5), loss: 'bce', range: [1, 1] })).toThrow(/range/);
  });
});

describe('weightDistances', () => {
  it('is 0 for an untouched copy and measures a training run', () => {
    const config = { layers: [2, 4, 1], hiddenActivation: 'tanh', outputActivation: 'sigmoid', init: 'xavier', seed: 3 } as const;
    const network = createNetwork(config);
    expect(weightDistances(cloneNetwork(network), network)).toEqual([
      { distance: 0, relative: 0 },
      { distance: 0, relative: 0 },
    ]);
    const trainer = createTrainer({ network: config, loss: 'bce', optimizer: { kind: 'sgd', learningRate: 0.5 }, batchSize: 4 }, { train: randomBatch(3, 2, 16) });
    trainer.epoch();
    const distances = weightDistances(trainer.network, network);
    trainer.network.shapes.forEach((shape, l) => {
      let squares = 0;
      let size = 0;
      for (let k = 0; k < shape.biasOffset; k++) {
        squares += (trainer.network.parameters[l][k] - network.parameters[l][k]) ** 2;
        size += network.parameters[l][k] ** 2;
      }
      expect(distances[l].distance).toBeCloseTo(Math.sqrt(squares), 14);
      expect(distances[l].relative).toBeCloseTo(Math.sqrt(squares / size), 14);
      expect(distances[l].distance).toBeGreaterThan(0);
    });
    expect(() => weightDistances(createNetwork({ ...config, layers: [2, 5, 1] }), network)).toThrow(/shapes/);
  });
});
