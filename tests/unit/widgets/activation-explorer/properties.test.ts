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
    expect(properties('leaky_relu')).toMatchObject({ lower: { kind: 'unbounded' }, zeroCentred: true });
  });
});
