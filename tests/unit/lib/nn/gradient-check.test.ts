import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_IDS,
  createDataset,
  createNetwork,
  createRandom,
  gradientCheck,
  type ActivationId,
  type Dataset,
  type LayerActivationId,
  type LossId,
  type Network,
} from '../../../../src/lib/index.ts';

/** What a loss needs from the output layer and its targets. */
interface LossCase {
  loss: LossId;
  output: LayerActivationId;
  units: number;
  /** Target values for one sample. */
  target: (random: ReturnType<typeof createRandom>, units: number) => number[];
}

const real = (random: ReturnType<typeof createRandom>, units: number) => Array.from({ length: units }, () => random.normal());
const binary = (random: ReturnType<typeof createRandom>, units: number) => Array.from({ length: units }, () => random.integer(2));
const oneHotRow = (random: ReturnType<typeof createRandom>, units: number) => {
  const row = new Array<number>(units).fill(0);
  row[random.integer(units)] = 1;
  return row;
};

const LOSS_CASES: LossCase[] = [
  { loss: 'mse', output: 'linear', units: 2, target: real },
  { loss: 'mae', output: 'linear', units: 2, target: real },
  { loss: 'huber', output: 'tanh', units: 2, target: real },
  { loss: 'bce', output: 'sigmoid', units: 1, target: binary },
  { loss: 'bce_logits', output: 'linear', units: 1, target: binary },
  { loss: 'hinge', output: 'linear', units: 1, target: (random) => [random.integer(2) * 2 - 1] },
  { loss: 'cce', output: 'softmax', units: 3, target: oneHotRow },
  { loss: 'sparse_cce', output: 'softmax', units: 3, target: (random, units) => [random.integer(units)] },
  { loss: 'cce_logits', output: 'linear', units: 3, target: oneHotRow },
  { loss: 'zero_one', output: 'step', units: 1, target: binary },
  // Pairings a widget shows as poor choices still need an exact gradient.
  { loss: 'mse', output: 'softmax', units: 3, target: oneHotRow },
  { loss: 'mse', output: 'sigmoid', units: 1, target: binary },
  // The pairing lab's mismatches: through the output activation by the chain rule.
  { loss: 'cce_logits', output: 'softmax', units: 3, target: oneHotRow },
  { loss: 'mse', output: 'sigmoid', units: 2, target: (random, units) => real(random, units).map((v) => 3 + v) },
  { loss: 'mse', output: 'linear', units: 1, target: (random) => [3 + random.normal()] },
  // Multi-label: a sigmoid per class, several 1s in a row.
  { loss: 'bce', output: 'sigmoid', units: 3, target: binary },
  { loss: 'bce_logits', output: 'linear', units: 3, target: binary },
];

function randomBatch(seed: number, inputs: number, rows: number, lossCase: LossCase): Dataset {
  const random = createRandom(seed, 2);
  const x = Float64Array.from({ length: rows * inputs }, () => random.normal());
  const targets = Array.from({ length: rows }, () => lossCase.target(random, lossCase.units)).flat();
  return createDataset(x, Float64Array.from(targets), inputs, targets.length / rows, lossCase.units === 1 ? 2 : lossCase.units);
}

/**
 * Gives every bias a random value: with the zero biases of a fresh network a unit fed only by
 * dead ReLUs sits exactly on the kink (z = 0), where a central difference sees slope 1/2.
 */
function randomizeBiases(network: Network, seed: number): Network {
  const random = createRandom(seed, 3);
  network.shapes.forEach((shape, l) => {
    for (let j = 0; j < shape.outputs; j++) network.parameters[l][shape.biasOffset + j] = 0.5 * random.normal();
  });
  return network;
}

const NETWORKS = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  inputs: fc.integer({ min: 1, max: 4 }),
  hidden: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
  rows: fc.integer({ min: 1, max: 7 }),
  init: fc.constantFrom('xavier', 'xavier_uniform', 'he', 'he_uniform' as const),
});

describe('gradientCheck: the correct backward pass agrees with central differences to 1e-6', () => {
  it.each(ACTIVATION_IDS.filter((id) => id !== 'step'))('hidden %s, every loss', (hidden: ActivationId) => {
    fc.assert(
      fc.property(NETWORKS, fc.constantFrom(...LOSS_CASES), ({ seed, inputs, hidden: sizes, rows, init }, lossCase) => {
        const network = randomizeBiases(
          createNetwork({ layers: [inputs, ...sizes, lossCase.units], hiddenActivation: hidden, outputActivation: lossCase.output, init, seed }),
          seed,
        );
        const data = randomBatch(seed, inputs, rows, lossCase);
        for (const layer of gradientCheck({ network, data, loss: lossCase.loss })) {
          // A vanishing gradient (say two leaky units below zero: 1e-4 of the usual size) is
          // drowned by the central difference's rounding noise; there the absolute error speaks.
          const agrees = layer.relativeError < 1e-6 || layer.absoluteError < 1e-9;
          expect(agrees, `layer ${layer.layer}: ${JSON.stringify(layer)}`).toBe(true);
        }
      }),
      // A fixed seed keeps the suite deterministic: a random input within 1e-5 of a kink would
      // make the central difference straddle two slopes.
      { numRuns: 40, seed: 20240611 },
    );
  });

  it('checks PReLU alpha and leaky/elu parameters too', () => {
    const lossCase = LOSS_CASES[0];
    for (const hiddenActivation of [{ id: 'prelu' as const, params: { alpha: 0.1 } }, { id: 'elu' as const, params: { alpha: 0.5 } }]) {
      const network = createNetwork({ layers: [3, 5, 4, 2], hiddenActivation, outputActivation: 'linear', init: 'he', seed: 9 });
      const checks = gradientCheck({ network, data: randomBatch(9, 3, 6, lossCase), loss: 'mse' });
      expect(checks.every((c) => c.relativeError < 1e-6)).toBe(true);
    }
    const prelu = createNetwork({ layers: [2, 3, 1], hiddenActivation: 'prelu', outputActivation: 'sigmoid', init: 'he', seed: 1 });
    expect(prelu.parameters[0]).toHaveLength(2 * 3 + 3 + 1);
    expect(prelu.parameters[0][9]).toBe(0.25);
  });

  it('leaves the network exactly as it was', () => {
    const network = createNetwork({ layers: [2, 4, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 3 });
    const before = network.parameters.map((p) => p.slice());
    gradientCheck({ network, data: randomBatch(3, 2, 5, LOSS_CASES[3]), loss: 'bce', backward: 'article' });
    expect(network.parameters).toEqual(before);
  });
});

describe('gradientCheck: every pairing the pairing lab trains, correct and mismatched', () => {
  const pairs = LOSS_CASES.filter(({ loss, output, units }) =>
    [
      'softmax+cce/3',
      'softmax+sparse_cce/3',
      'softmax+mse/3',
      'softmax+cce_logits/3',
      'linear+cce_logits/3',
      'sigmoid+mse/1',
      'sigmoid+mse/2',
      'linear+mse/1',
      'sigmoid+bce/3',
      'bce_logits/3',
    ].some((name) => name === `${output}+${loss}/${units}` || name === `${loss}/${units}`),
  );

  it('lists all ten', () => {
    expect(pairs).toHaveLength(10);
  });

  it.each(pairs.map((c) => [`${c.output} + ${c.loss}, ${c.units} output${c.units > 1 ? 's' : ''}`, c] as const))(
    '%s agrees with central differences to 1e-6',
    (_, lossCase) => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const network = randomizeBiases(
          createNetwork({ layers: [3, 5, 4, lossCase.units], hiddenActivation: 'tanh', outputActivation: lossCase.output, init: 'xavier', seed }),
          seed,
        );
        const data = randomBatch(seed, 3, 8, lossCase);
        for (const layer of gradientCheck({ network, data, loss: lossCase.loss })) {
          expect(layer.checked).toBe(layer.parameterCount);
          expect(layer.relativeError, `seed ${seed}, layer ${layer.layer}`).toBeLessThan(1e-6);
        }
      }
    },
  );
});

describe("gradientCheck exposes the seed article's backward pass", () => {
  it('shows a large error at the output layer (sigmoid derivative applied twice); correct stays below 1e-6', () => {
    for (const seed of [1, 2, 3]) {
      const network = createNetwork({ layers: [2, 8, 4, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed });
      const data = randomBatch(seed, 2, 16, LOSS_CASES[3]);
      const correct = gradientCheck({ network, data, loss: 'bce', backward: 'correct' });
      const article = gradientCheck({ network, data, loss: 'bce', backward: 'article', learningRate: 0.05 });
      expect(Math.max(...correct.map((c) => c.relativeError))).toBeLessThan(1e-6);
      // σ'(z) <= 1/4, so the article's output gradient is at most a quarter of the true one:
      // ‖a - n‖/(‖a‖ + ‖n‖) >= (1 - 1/4)/(1 + 1/4) = 0.6.
      expect(article[2].relativeError).toBeGreaterThan(0.5);
    }
  });
});

describe('gradientCheck input errors', () => {
  it('names what does not fit', () => {
    const network = createNetwork({ layers: [2, 3, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 1 });
    const data = createDataset(new Float64Array([1, 2, 3]), new Float64Array([1]), 3, 1, 2);
    expect(() => gradientCheck({ network, data, loss: 'bce' })).toThrow(/gradientCheck: rows have 3 inputs but the network's first layer takes 2/);
    const labels = createDataset(new Float64Array([1, 2]), new Float64Array([2]), 2, 1, 3);
    expect(() => gradientCheck({ network, data: labels, loss: 'bce' })).toThrow(/target 0 of row 0 must be a probability in \[0, 1\], got 2/);
  });
});
