import { describe, expect, it } from 'vitest';
import {
  cloneNetwork,
  createNetwork,
  createTrainer,
  gradientCheck,
  measureLayers,
  measureUnits,
  type Dataset,
  type Network,
  type NetworkConfig,
} from '../../../../src/lib/index.ts';
import { randomBatch } from './batches.ts';

/** Every hidden layer's pre-activations, per unit, computed directly from the weights (ReLU network). */
function directPreActivations(network: Network, data: Dataset): number[][][] {
  const hidden = network.shapes.length - 1;
  const z: number[][][] = network.shapes.slice(0, hidden).map((shape) => Array.from({ length: shape.outputs }, () => []));
  for (let row = 0; row < data.size; row++) {
    let input = Array.from(data.inputs.subarray(row * data.inputSize, (row + 1) * data.inputSize));
    for (let l = 0; l < hidden; l++) {
      const shape = network.shapes[l];
      const p = network.parameters[l];
      input = Array.from({ length: shape.outputs }, (_, j) => {
        let sum = p[shape.biasOffset + j];
        for (let i = 0; i < shape.inputs; i++) sum += p[j * shape.inputs + i] * input[i];
        z[l][j].push(sum);
        return Math.max(0, sum);
      });
    }
  }
  return z;
}

const DYING: NetworkConfig = { layers: [2, 12, 10, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'he', seed: 3, biasInit: -1 };

describe('biasInit', () => {
  it('sets every hidden bias, leaves the output bias at 0 and the weights as without it', () => {
    const plain = createNetwork({ ...DYING, biasInit: undefined });
    const shifted = createNetwork(DYING);
    shifted.shapes.forEach((shape, l) => {
      const biases = [...shifted.parameters[l].subarray(shape.biasOffset, shape.alphaOffset)];
      expect(biases.every((b) => b === (l < shifted.shapes.length - 1 ? -1 : 0))).toBe(true);
      expect(shifted.parameters[l].subarray(0, shape.biasOffset)).toEqual(plain.parameters[l].subarray(0, shape.biasOffset));
    });
    expect(createNetwork({ ...DYING, biasInit: 0 }).parameters).toEqual(plain.parameters);
    expect(() => createNetwork({ ...DYING, biasInit: Number.NaN })).toThrow(/biasInit/);
  });

  it('keeps PReLU alpha after the biases', () => {
    const network = createNetwork({ ...DYING, hiddenActivation: 'prelu', biasInit: -0.5 });
    const shape = network.shapes[0];
    expect(network.parameters[0][shape.alphaOffset]).toBe(0.25);
    expect(network.parameters[0][shape.alphaOffset - 1]).toBe(-0.5);
  });
});

describe('measureUnits', () => {
  it('counts dead units as a direct count does, and as the trainer does', () => {
    const data = randomBatch(3, 2, 200);
    const trainer = createTrainer({ network: DYING, loss: 'bce', optimizer: { kind: 'sgd', learningRate: 2 }, batchSize: 32 }, { train: data });
    for (let e = 0; e < 5; e++) trainer.epoch();
    const layers = measureUnits({ network: trainer.network, data, loss: 'bce', bins: 10 });
    const direct = directPreActivations(trainer.network, data);
    const fromTrainer = trainer.deadUnitFractions(data);
    let deadSeen = 0;
    layers.forEach((layer, l) => {
      layer.units.forEach((unit, j) => {
        const values = direct[l][j];
        const dead = values.every((v) => v <= 0);
        deadSeen += Number(dead);
        expect(unit.allNonPositive).toBe(dead);
        expect(unit.nonPositiveFraction).toBe(values.filter((v) => v <= 0).length / values.length);
        expect(unit.minimum).toBeCloseTo(Math.min(...values), 10);
        expect(unit.maximum).toBeCloseTo(Math.max(...values), 10);
        expect(unit.histogram!.counts.reduce((s, c) => s + c, 0)).toBe(values.length);
        expect(unit.histogram!.min).toBeLessThanOrEqual(0);
        expect(unit.histogram!.max).toBeGreaterThanOrEqual(0);
        // A dead ReLU unit's incoming gradient is exactly 0.
        if (dead) expect(unit.gradientNorm).toBe(0);
      });
      expect(layer.allNonPositiveFraction).toBeCloseTo(fromTrainer[l], 12);
    });
    expect(deadSeen).toBeGreaterThan(0);
  });

  it("gives each unit's incoming gradient norm as central differences do", () => {
    for (const hiddenActivation of ['relu', 'elu', { id: 'prelu' as const, params: { alpha: 0.1 } }] as const) {
      const network = createNetwork({ layers: [3, 5, 4, 1], hiddenActivation, outputActivation: 'sigmoid', init: 'he', seed: 11, biasInit: 0.1 });
      const data = randomBatch(11, 3, 8);
      const layers = measureUnits({ network, data, loss: 'bce' });
      const epsilon = 1e-6;
      layers.forEach((layer, l) => {
        const shape = network.shapes[l];
        layer.units.forEach((unit, j) => {
          const entries = [...Array.from({ length: shape.inputs }, (_, i) => j * shape.inputs + i), shape.biasOffset + j];
          let squares = 0;
          for (const k of entries) {
            const copy = cloneNetwork(network);
            copy.parameters[l][k] += epsilon;
            const up = lossOf(copy, data);
            copy.parameters[l][k] -= 2 * epsilon;
            squares += ((up - lossOf(copy, data)) / (2 * epsilon)) ** 2;
          }
          expect(unit.gradientNorm).toBeCloseTo(Math.sqrt(squares), 6);
          expect(unit.histogram).toBeNull();
        });
      });
    }
  });

  it("checks PReLU's learned alpha (one per layer) with the gradient check, a negative bias init included", () => {
    const network = createNetwork({ layers: [2, 6, 5, 1], hiddenActivation: 'prelu', outputActivation: 'sigmoid', init: 'he', seed: 4, biasInit: -0.3 });
    const checks = gradientCheck({ network, data: randomBatch(4, 2, 12), loss: 'bce' });
    expect(checks.every((check) => check.relativeError < 1e-6)).toBe(true);
  });

  it('leaves the network untouched and refuses bad bins', () => {
    const network = createNetwork(DYING);
    const before = cloneNetwork(network);
    measureUnits({ network, data: randomBatch(1, 2, 5), loss: 'bce', bins: 4 });
    expect(network.parameters).toEqual(before.parameters);
    expect(() => measureUnits({ network, data: randomBatch(1, 2, 5), loss: 'bce', bins: 0 })).toThrow(/bins/);
  });
});

function lossOf(network: Network, data: Dataset): number {
  return measureLayers({ network, data, loss: 'bce' }).loss;
}
