import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, INIT_IDS, createNetwork, gradientCheck, measureLayers } from '../../../src/lib/index.ts';
import {
  DEPTH_ACTIVATIONS,
  DEPTH_INITS,
  inputRms,
  measureAtInit,
  networkConfig,
  prepareMoons,
  theoryLine,
  type DepthSettings,
} from '../../../src/widgets/gradient-depth/model.ts';

const data = prepareMoons(42).train;
const at = (activation: DepthSettings['activation'], init: DepthSettings['init'], depth = 10, width = 32): DepthSettings => ({
  depth,
  width,
  activation,
  init,
  seed: 42,
});

describe('gradient-depth model', () => {
  it("offers only the library's activation and initialisation ids", () => {
    expect(DEPTH_ACTIVATIONS.every((id) => (ACTIVATION_IDS as readonly string[]).includes(id))).toBe(true);
    expect(DEPTH_INITS.every((id) => (INIT_IDS as readonly string[]).includes(id))).toBe(true);
  });

  it('uses the standardised lab moons and a depth × width network with a sigmoid output', () => {
    expect(data.size).toBe(1400);
    expect(inputRms(data)).toBeCloseTo(1, 12);
    expect(networkConfig(at('tanh', 'he', 3, 8)).layers).toEqual([2, 8, 8, 8, 1]);
  });

  it('pins the first-to-last gradient-norm ratio at initialisation (depth 10, width 32, seed 42): sigmoid/Xavier vanishes, ReLU/He does not', () => {
    const sigmoid = measureAtInit(at('sigmoid', 'xavier'), data);
    const relu = measureAtInit(at('relu', 'he'), data);
    // The numbers the lesson's closing note quotes.
    expect(sigmoid.firstToLastRatio).toBeCloseTo(2.6527e-7, 10);
    expect(relu.firstToLastRatio).toBeCloseTo(0.14204, 5);
    expect(relu.firstToLastRatio / sigmoid.firstToLastRatio).toBeGreaterThan(1e5);
    expect(sigmoid.layers).toHaveLength(11);
    // Every sigmoid layer's gradient is smaller than the one above it: a geometric fall.
    for (let l = 0; l < 10; l++) expect(sigmoid.layers[l].weightGradientNorm).toBeLessThan(sigmoid.layers[l + 1].weightGradientNorm);
    // The sigmoid's derivative never exceeds 1/4, so neither its mean nor its rms does.
    for (const layer of sigmoid.layers.slice(0, 10)) expect(layer.rmsDerivative).toBeLessThanOrEqual(0.25);
  });

  it('draws a theory line within a factor of 3 of the measured hidden layers (sigmoid/Xavier, ReLU/He, tanh/Xavier)', () => {
    for (const settings of [at('sigmoid', 'xavier'), at('relu', 'he'), at('tanh', 'xavier')]) {
      const { layers } = measureAtInit(settings, data);
      expect(layers[10].theoryNorm).toBe(layers[10].weightGradientNorm);
      expect(layers[10].factor).toBeNull();
      for (const layer of layers.slice(1)) {
        const ratio = layer.theoryNorm / layer.weightGradientNorm;
        expect(ratio, `${settings.activation} layer ${layer.layer}`).toBeGreaterThan(1 / 3);
        expect(ratio, `${settings.activation} layer ${layer.layer}`).toBeLessThan(3);
      }
    }
  });

  it("computes each factor as rms f' times ‖W_next‖/√outputs", () => {
    const network = createNetwork(networkConfig(at('tanh', 'xavier', 3, 6)));
    const { layers } = measureLayers({ network, data, loss: 'bce' });
    const { factors, norms } = theoryLine(layers, network, 1);
    const next = network.parameters[1].subarray(0, 36);
    const size = Math.sqrt(next.reduce((sum, w) => sum + w * w, 0) / 6);
    expect(factors[0]).toBeCloseTo((layers[0].rmsDerivative ?? Number.NaN) * size, 14);
    expect(norms).toHaveLength(4);
  });

  it("measures the network's per-layer gradients as the gradient check does (small sigmoid and tanh networks)", () => {
    const rows = { ...data, size: 20, inputs: data.inputs.subarray(0, 40), targets: data.targets.subarray(0, 20) };
    for (const activation of ['sigmoid', 'tanh'] as const) {
      const settings = at(activation, 'xavier', 3, 4);
      const network = createNetwork(networkConfig(settings));
      const measured = measureAtInit(settings, rows);
      const checks = gradientCheck({ network, data: rows, loss: 'bce' });
      measured.layers.forEach((layer, l) => expect(layer.gradientNorm).toBeCloseTo(checks[l].numericNorm, 8));
    }
  });

  it('never throws with N(0, 1) weights at the largest depth and width, and says whether everything stayed finite', () => {
    for (const activation of ['relu', 'sigmoid', 'elu'] as const) {
      const measured = measureAtInit(at(activation, 'normal', 30, 64), data);
      expect(typeof measured.finite).toBe('boolean');
      // At initialisation float64 still holds these (ReLU: about 32^15 ≈ 1e22 at layer 30): the
      // explosion to Infinity comes in training, which the worker stops on.
      expect(measured.finite, activation).toBe(true);
    }
    const small = measureAtInit(at('tanh', 'small', 10, 32), data);
    expect(small.layers[9].activations.standardDeviation).toBeLessThan(1e-6);
  });
});
