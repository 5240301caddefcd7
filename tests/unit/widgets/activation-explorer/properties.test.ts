import { describe, expect, test } from 'vitest';
import { properties } from '../../../../src/widgets/activation-explorer/model.ts';

describe('properties, computed from f and f\'', () => {
  test('sigmoid: range (0, 1), not zero-centred, monotonic, largest slope 1/4 at 0', () => {
    expect(properties('sigmoid')).toMatchObject({
      lower: { kind: 'bounded', value: 0, attained: false },
      upper: { kind: 'bounded', value: 1, attained: false },
      zeroCentred: false,
      monotonic: true,
      largestSlope: { value: 0.25, where: { kind: 'point', z: 0 } },
    });
  });

  test('tanh: range (-1, 1), zero-centred, largest slope 1 at 0', () => {
    expect(properties('tanh')).toMatchObject({
      lower: { kind: 'bounded', value: -1, attained: false },
      upper: { kind: 'bounded', value: 1, attained: false },
      zeroCentred: true,
      monotonic: true,
      largestSlope: { value: 1, where: { kind: 'point', z: 0 } },
    });
  });

  test('ReLU: [0, ∞), not zero-centred, monotonic, slope 1 for z > 0', () => {
    expect(properties('relu')).toMatchObject({
      lower: { kind: 'bounded', value: 0, attained: true },
      upper: { kind: 'unbounded' },
      zeroCentred: false,
      monotonic: true,
      largestSlope: { value: 1, where: { kind: 'interval', from: 0, to: null } },
    });
  });

  test('Swish and GELU dip: not monotonic, minima near -1.28 and -0.75, largest slopes past 1', () => {
    const swish = properties('swish');
    expect(swish.monotonic).toBe(false);
    expect(swish.minima).toHaveLength(1);
    expect(swish.minima[0]).toBeCloseTo(-1.2785, 4);
    expect(swish.lower).toMatchObject({ kind: 'bounded', attained: true });
    expect(swish.lower.kind === 'bounded' && swish.lower.value).toBeCloseTo(-0.2785, 4);
    expect(swish.largestSlope.value).toBeCloseTo(1.0998, 4);
    const gelu = properties('gelu');
    expect(gelu.monotonic).toBe(false);
    expect(gelu.minima[0]).toBeCloseTo(-0.7518, 4);
    expect(gelu.largestSlope.value).toBeCloseTo(1.1289, 4);
    expect(gelu.largestSlope.where).toMatchObject({ kind: 'point' });
    expect(gelu.largestSlope.where.kind === 'point' && gelu.largestSlope.where.z).toBeCloseTo(Math.SQRT2, 6);
  });

  test('the step takes only 0 and 1; softplus approaches slope 1 as z → ∞; linear is unbounded both ways', () => {
    expect(properties('step')).toMatchObject({ values: [0, 1], monotonic: true, largestSlope: { value: 0 } });
    expect(properties('softplus')).toMatchObject({
      lower: { kind: 'bounded', value: 0, attained: false },
      upper: { kind: 'unbounded' },
      largestSlope: { value: 1, where: { kind: 'limit', side: 1 } },
    });
    expect(properties('linear')).toMatchObject({ lower: { kind: 'unbounded' }, upper: { kind: 'unbounded' }, zeroCentred: true });
  });

  test('parameters change what is computed: ELU α = 2 is bounded below by -2 with slope 2 at 0; Leaky ReLU α = 0 is ReLU', () => {
    expect(properties('elu', { alpha: 2 })).toMatchObject({
      lower: { kind: 'bounded', value: -2, attained: false },
      largestSlope: { value: 2, where: { kind: 'point', z: 0 } },
    });
    expect(properties('leaky_relu', { alpha: 0 })).toMatchObject({ lower: { kind: 'bounded', value: 0, attained: true }, zeroCentred: false });
    // f(0) = 0 and both signs are not enough: for standard normal z its mean output is (1 − α)/√(2π).
    expect(properties('leaky_relu')).toMatchObject({ lower: { kind: 'unbounded' }, zeroCentred: false });
    expect(properties('leaky_relu').meanOutput).toBeCloseTo(0.99 / Math.sqrt(2 * Math.PI), 6);
  });

  test("zero-centred is a mean output within 0.01 of 0 for standard normal z, against closed forms", () => {
    const phi = 1 / Math.sqrt(2 * Math.PI);
    expect(properties('relu').meanOutput).toBeCloseTo(phi, 6);
    expect(properties('sigmoid').meanOutput).toBeCloseTo(0.5, 6);
    expect(properties('gelu').meanOutput).toBeCloseTo(1 / (2 * Math.sqrt(Math.PI)), 6);
    // E[ELU(z)] = φ(0) + e^{1/2} Φ(−1) − 1/2 for α = 1; Φ(−1) = 0.158655253931457.
    expect(properties('elu').meanOutput).toBeCloseTo(phi + Math.exp(0.5) * 0.158655253931457 - 0.5, 6);
    expect(properties('tanh')).toMatchObject({ meanOutput: 0, zeroCentred: true });
    expect(properties('linear').zeroCentred).toBe(true);
    expect(properties('prelu', { alpha: 1 }).zeroCentred).toBe(true);
    for (const id of ['elu', 'swish', 'gelu', 'softplus', 'step'] as const) expect(properties(id).zeroCentred).toBe(false);
    expect(properties('step').meanOutput).toBeCloseTo(0.5, 9);
  });
});
