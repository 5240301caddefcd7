import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataset, createNetwork, createRandom, gradientCheck, startGradientCheck, type Dataset, type Network } from '../../../../src/lib/index.ts';

/** A binary-labelled batch of standard normal inputs. */
function batch(seed: number, inputs: number, rows: number): Dataset {
  const random = createRandom(seed, 2);
  const x = Float64Array.from({ length: rows * inputs }, () => random.normal());
  const y = Float64Array.from({ length: rows }, () => random.integer(2));
  return createDataset(x, y, inputs, 1, 2);
}

/** 1 → 1 → 1: one ReLU unit (pre-activation w·x + b, x = 1) feeding a linear output, under mse. */
function oneUnit(preActivation: number): Network {
  const network = createNetwork({ layers: [1, 1, 1], hiddenActivation: 'relu', outputActivation: 'linear', init: 'he', seed: 1 });
  network.parameters[0].set([0.5, preActivation - 0.5]);
  network.parameters[1].set([1.5, 0.25]);
  return network;
}
const oneRow = createDataset(new Float64Array([1]), new Float64Array([2]), 1, 1, 2);

describe('gradientCheck leaves out central differences that cross a kink', () => {
  it('counts a pre-activation within epsilon of 0 as a crossing, and compares the rest', () => {
    const [hidden, output] = gradientCheck({ network: oneUnit(3e-7), data: oneRow, loss: 'mse', epsilon: 1e-6 });
    // Both the weight and the bias move z = 3e-7 across 0 by ±1e-6; the output layer's do not.
    expect(hidden).toMatchObject({ parameterCount: 2, checked: 0, kinkCrossings: 2, relativeError: 0 });
    expect(output).toMatchObject({ parameterCount: 2, checked: 2, kinkCrossings: 0 });
    expect(output.relativeError).toBeLessThan(1e-8);
  });

  it('a pre-activation exactly on the kink, or a few epsilons away, is told apart', () => {
    expect(gradientCheck({ network: oneUnit(0), data: oneRow, loss: 'mse', epsilon: 1e-6 })[0].kinkCrossings).toBe(2);
    const clear = gradientCheck({ network: oneUnit(3e-6), data: oneRow, loss: 'mse', epsilon: 1e-6 })[0];
    expect(clear).toMatchObject({ checked: 2, kinkCrossings: 0 });
    expect(clear.relativeError).toBeLessThan(1e-8);
  });

  it('the step, and a leaky ReLU, have kinks too; a smooth activation never reports one', () => {
    for (const [hiddenActivation, crossings] of [['step', 2], ['leaky_relu', 2], ['swish', 0], ['elu', 0]] as const) {
      const network = oneUnit(3e-7);
      const shaped = createNetwork({ ...network.config, hiddenActivation });
      shaped.parameters.forEach((layer, l) => layer.set(network.parameters[l]));
      expect(gradientCheck({ network: shaped, data: oneRow, loss: 'mse', epsilon: 1e-6 })[0].kinkCrossings, hiddenActivation).toBe(crossings);
    }
  });

  it('a correct ReLU pass never exceeds 1e-5 on fresh networks, whose zero biases put many units on the kink', () => {
    const NETWORKS = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      hidden: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
      rows: fc.integer({ min: 1, max: 48 }),
      activation: fc.constantFrom('relu', 'leaky_relu', 'prelu' as const),
      epsilon: fc.constantFrom(1e-5, 1e-6),
    });
    fc.assert(
      fc.property(NETWORKS, ({ seed, hidden, rows, activation, epsilon }) => {
        const network = createNetwork({ layers: [2, ...hidden, 1], hiddenActivation: activation, outputActivation: 'sigmoid', init: 'he', seed });
        for (const layer of gradientCheck({ network, data: batch(seed, 2, rows), loss: 'bce', epsilon })) {
          const agrees = layer.relativeError < 1e-5 || layer.absoluteError < 1e-9;
          expect(agrees, `layer ${layer.layer}: ${JSON.stringify(layer)}`).toBe(true);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("the article's backward pass is still flagged on every layer", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const network = createNetwork({ layers: [2, 8, 6, 4, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed });
      const data = batch(seed, 2, 32);
      for (const layer of gradientCheck({ network, data, loss: 'bce', backward: 'article', epsilon: 1e-6 })) {
        expect(layer.relativeError, `seed ${seed}, layer ${layer.layer}`).toBeGreaterThan(0.1);
      }
    }
  });
});

describe('gradientCheck in pieces, on a sample', () => {
  const network = createNetwork({ layers: [2, 16, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 4 });
  const data = batch(4, 2, 12);

  it('compares at most `sample` entries per layer, the same ones every time', () => {
    const sampled = gradientCheck({ network, data, loss: 'bce', sample: 10 });
    expect(sampled.map((layer) => layer.checked + layer.kinkCrossings)).toEqual([10, 10, 9]);
    expect(sampled.map((layer) => layer.parameterCount)).toEqual([48, 136, 9]);
    expect(gradientCheck({ network, data, loss: 'bce', sample: 10 })).toEqual(sampled);
    expect(gradientCheck({ network, data, loss: 'bce', sample: 10, sampleSeed: 1 })).not.toEqual(sampled);
    for (const bad of [0, 2.5, -1]) expect(() => gradientCheck({ network, data, loss: 'bce', sample: bad })).toThrow(/sample must be a whole number/);
  });

  it('gives the same answer a few parameters at a time, for several variants at once, while the network moves on', () => {
    const whole = ['correct', 'article'].map((backward) => gradientCheck({ network, data, loss: 'bce', backward: backward as 'correct' | 'article' }));
    const trained = createNetwork(network.config);
    trained.parameters.forEach((layer, l) => layer.set(network.parameters[l]));
    const run = startGradientCheck({ network: trained, data, loss: 'bce', variants: ['correct', 'article'] });
    let slices = 0;
    while (!run.advance(7)) {
      slices++;
      trained.parameters[0][0] += 1; // The check works on its own copy.
    }
    expect(slices).toBeGreaterThan(10);
    expect(run.results()).toEqual(whole);
  });
});

describe('gradientCheck on a saturated sigmoid output', () => {
  it('measures bce from the logits, so a correct pass agrees where p rounds to 0 or 1', () => {
    // 2 → 3 → 1 with a huge output weight: |z| ≈ 60 on most rows, so σ(z) is exactly 0 or 1 in
    // float64 and bce on probabilities sits on its clamp (flat), though the true slope is p - y.
    const network = createNetwork({ layers: [2, 3, 1], hiddenActivation: 'tanh', outputActivation: 'sigmoid', init: 'xavier', seed: 3 });
    network.parameters[1].set([60, -60, 60, 0]);
    const data = batch(4, 2, 16);
    const [hidden, output] = gradientCheck({ network, data, loss: 'bce', epsilon: 1e-6 });
    expect(output.analyticNorm).toBeGreaterThan(0.1);
    expect(output.relativeError).toBeLessThan(1e-6);
    expect(hidden.relativeError).toBeLessThan(1e-6);
  });
});

describe('gradientCheck on weights that blew up', () => {
  it('leaves out entries so large that p ± epsilon rounds to p, instead of calling the pass wrong', () => {
    const network = createNetwork({ layers: [2, 3, 1], hiddenActivation: 'tanh', outputActivation: 'sigmoid', init: 'xavier', seed: 3 });
    // Output weights of 1e15 (tanh outputs are below 1, so z stays small enough to resolve the
    // hidden layer's nudges) cannot themselves be nudged by 1e-6.
    network.parameters[1].set([4e14, -3e14, 1e15, 0.5]);
    const [hidden, output] = gradientCheck({ network, data: batch(5, 2, 16), loss: 'bce', epsilon: 1e-6 });
    expect(output).toMatchObject({ parameterCount: 4, unresolved: 3, kinkCrossings: 0 });
    expect(hidden.unresolved).toBe(0);
  });
});
