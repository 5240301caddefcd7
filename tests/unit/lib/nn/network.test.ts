import { describe, expect, it } from 'vitest';
import { cloneNetwork, createNetwork, createOptimizer, type NetworkConfig } from '../../../../src/lib/index.ts';

const LAB: NetworkConfig = { layers: [2, 32, 16, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 42 };

function weightStats(weights: Float64Array): { mean: number; variance: number; max: number } {
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  const variance = weights.reduce((a, b) => a + (b - mean) ** 2, 0) / weights.length;
  return { mean, variance, max: Math.max(...weights.map(Math.abs)) };
}

describe('createNetwork', () => {
  it('lays out each layer as weights (outputs × inputs), biases, then PReLU alpha', () => {
    const network = createNetwork(LAB);
    expect(network.shapes.map((s) => [s.inputs, s.outputs, s.parameterCount])).toEqual([
      [2, 32, 96],
      [32, 16, 528],
      [16, 8, 136],
      [8, 1, 9],
    ]);
    expect(network.shapes.map((s) => s.activation)).toEqual(['relu', 'relu', 'relu', 'sigmoid']);
    network.shapes.forEach((shape, l) => expect([...network.parameters[l].subarray(shape.biasOffset)].every((b) => b === 0)).toBe(true));
  });

  it('is reproducible from its seed, bit for bit', () => {
    expect(createNetwork(LAB).parameters).toEqual(createNetwork(LAB).parameters);
    expect(createNetwork({ ...LAB, seed: 43 }).parameters[1]).not.toEqual(createNetwork(LAB).parameters[1]);
  });

  it.each([
    ['xavier', (i: number, o: number) => 2 / (i + o), false],
    ['xavier_uniform', (i: number, o: number) => 2 / (i + o), true],
    ['he', (i: number) => 2 / i, false],
    ['he_uniform', (i: number) => 2 / i, true],
    ['normal', () => 1, false],
    ['small', () => 1e-4, false],
  ] as const)('%s draws weights of the right variance', (init, variance, uniform) => {
    const network = createNetwork({ layers: [200, 300], hiddenActivation: 'relu', outputActivation: 'linear', init, seed: 7 });
    const stats = weightStats(network.parameters[0].subarray(0, 200 * 300));
    const expected = variance(200, 300);
    expect(Math.abs(stats.mean)).toBeLessThan(0.01 * Math.sqrt(expected) * 10);
    expect(stats.variance / expected).toBeGreaterThan(0.97);
    expect(stats.variance / expected).toBeLessThan(1.03);
    if (uniform) expect(stats.max).toBeLessThanOrEqual(Math.sqrt(3 * expected));
  });

  it('takes an activation per layer, with parameters', () => {
    const network = createNetwork({
      ...LAB,
      layers: [2, 4, 3],
      activations: [{ id: 'leaky_relu', params: { alpha: 0.2 } }, 'softmax'],
    });
    expect(network.shapes.map((s) => [s.activation, s.alpha])).toEqual([
      ['leaky_relu', 0.2],
      ['softmax', 0],
    ]);
  });

  it('clones deeply', () => {
    const network = createNetwork(LAB);
    const copy = cloneNetwork(network);
    copy.parameters[0][0] += 1;
    expect(copy.parameters[0][0]).not.toBe(network.parameters[0][0]);
  });

  it.each<[string, Partial<NetworkConfig>, RegExp]>([
    ['layers', { layers: [2] }, /layers must list at least 2 positive integer sizes, got \[2\]/],
    ['sizes', { layers: [2, 0, 1] }, /positive integer sizes/],
    ['init', { init: 'lecun' as 'he' }, /unknown init "lecun": expected one of xavier, xavier_uniform, he, he_uniform/],
    ['seed', { seed: -1 }, /network: seed must be an integer/],
    ['activation', { hiddenActivation: 'relu6' as 'relu' }, /layer 1: unknown activation "relu6"/],
    ['parameter', { hiddenActivation: { id: 'elu', params: { alpha: Number.NaN } } }, /activation "elu": parameter "alpha" must be a finite number/],
    ['count', { activations: ['relu'] }, /activations must have one entry per weight layer \(4\), got 1/],
  ])('rejects a bad %s', (_, change, message) => {
    expect(() => createNetwork({ ...LAB, ...change })).toThrow(message);
  });
});

describe('optimisers, against hand-computed steps (torch.optim conventions)', () => {
  const shapes = createNetwork({ layers: [1, 1], hiddenActivation: 'linear', outputActivation: 'linear', init: 'xavier', seed: 1 }).shapes;

  it('SGD: p -= lr·g', () => {
    const optimizer = createOptimizer({ kind: 'sgd', learningRate: 0.1 }, shapes);
    const p = new Float64Array([1, 2]);
    optimizer.beginStep();
    optimizer.updateLayer(0, p, new Float64Array([0.5, -1]));
    expect([...p]).toEqual([1 - 0.05, 2 + 0.1]);
  });

  it('momentum: v = μv + g, p -= lr·v', () => {
    const optimizer = createOptimizer({ kind: 'momentum', learningRate: 0.1, momentum: 0.9 }, shapes);
    const p = new Float64Array([1, 0]);
    const g = new Float64Array([1, 0]);
    for (let step = 0; step < 2; step++) {
      optimizer.beginStep();
      optimizer.updateLayer(0, p, g);
    }
    // v1 = 1, p1 = 0.9; v2 = 1.9, p2 = 0.9 - 0.19 = 0.71.
    expect(p[0]).toBeCloseTo(0.71, 15);
  });

  it('Adam: the first step moves each parameter by about lr, whatever the gradient scale', () => {
    const optimizer = createOptimizer({ kind: 'adam', learningRate: 0.01 }, shapes);
    const p = new Float64Array([1, 1]);
    optimizer.beginStep();
    optimizer.updateLayer(0, p, new Float64Array([1e-3, -50]));
    // m̂ = g and v̂ = g², so the step is lr·g/(|g| + 1e-8).
    expect(p[0]).toBeCloseTo(1 - 0.01 * (1e-3 / (1e-3 + 1e-8)), 15);
    expect(p[1]).toBeCloseTo(1.01, 10);
    // Second step with the same gradient: m̂ and v̂ still equal g and g² after bias correction.
    optimizer.beginStep();
    optimizer.updateLayer(0, p, new Float64Array([1e-3, -50]));
    expect(p[1]).toBeCloseTo(1.02, 10);
  });

  it('rejects bad settings', () => {
    expect(() => createOptimizer({ kind: 'rmsprop' as 'sgd', learningRate: 0.1 }, shapes)).toThrow(/unknown kind "rmsprop": expected one of sgd, momentum, adam/);
    expect(() => createOptimizer({ kind: 'sgd', learningRate: 0 }, shapes)).toThrow(/learningRate must be a finite number > 0, got 0/);
    expect(() => createOptimizer({ kind: 'momentum', learningRate: 0.1, momentum: 1 }, shapes)).toThrow(/momentum must be in \[0, 1\), got 1/);
  });
});
