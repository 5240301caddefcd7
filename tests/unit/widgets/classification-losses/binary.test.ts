import { describe, expect, test } from 'vitest';
import { BINARY_LOSSES, binaryLoss, logitOf, lossCurves, probe } from '../../../../src/widgets/classification-losses/binary.ts';

/** Central difference of loss `id` at logit z, with a step scaled to z. */
function centralDifference(id: (typeof BINARY_LOSSES)[number], z: number, y: 0 | 1): number {
  const h = 1e-5 * Math.max(1, Math.abs(z));
  return (binaryLoss(id, z + h, y).value - binaryLoss(id, z - h, y).value) / (2 * h);
}

describe('binary losses', () => {
  const logits = [-30, -8, -4.3, -1.7, -0.4, 0.35, 0.9, 1.6, 3.2, 7.5, 25];
  test.each(BINARY_LOSSES)('%s: the gradient with respect to the logit matches central differences away from kinks', (id) => {
    for (const y of [0, 1] as const) {
      for (const z of logits) {
        const margin = (2 * y - 1) * z;
        if (Math.abs(margin) < 1e-3 || Math.abs(margin - 1) < 1e-3) continue;
        expect(binaryLoss(id, z, y).gradient).toBeCloseTo(centralDifference(id, z, y), 6);
      }
    }
  });

  test('values follow the textbook forms', () => {
    const z = -1.3;
    const p = 1 / (1 + Math.exp(-z));
    expect(binaryLoss('bce', z, 1).value).toBeCloseTo(-Math.log(p), 12);
    expect(binaryLoss('bce', z, 0).value).toBeCloseTo(-Math.log(1 - p), 12);
    expect(binaryLoss('squared', z, 1).value).toBeCloseTo((1 - p) ** 2, 12);
    expect(binaryLoss('squared', z, 1).gradient).toBeCloseTo(-2 * (1 - p) * p * (1 - p), 12);
    expect(binaryLoss('hinge', 0.6, 0).value).toBeCloseTo(1.6, 12);
    expect(binaryLoss('hinge', z, 0).value).toBe(0);
    expect(binaryLoss('zero_one', z, 1).value).toBe(1);
    expect(binaryLoss('zero_one', z, 0).value).toBe(0);
  });

  test('kinks and jumps are flagged: hinge at margin 1, 0-1 at 0', () => {
    expect(binaryLoss('hinge', 1, 1)).toMatchObject({ defined: false, gradient: 0 });
    expect(binaryLoss('hinge', -1, 0)).toMatchObject({ defined: false, gradient: 0 });
    expect(binaryLoss('zero_one', 0, 1).defined).toBe(false);
  });

  test('logits of ±1000 give finite values and gradients', () => {
    for (const id of BINARY_LOSSES) for (const z of [-1000, 1000]) for (const y of [0, 1] as const) {
      const point = binaryLoss(id, z, y);
      expect(Number.isFinite(point.value) && Number.isFinite(point.gradient)).toBe(true);
    }
    expect(binaryLoss('bce', -1000, 1).value).toBe(1000);
    expect(binaryLoss('bce', -1000, 1).gradient).toBe(-1);
    expect(binaryLoss('squared', -1000, 1).gradient).toBe(-0);
  });

  test('curves along the margin are the true-class-1 curves, and every sample is finite', () => {
    const margin = lossCurves('margin', 0, 6);
    expect(margin).toEqual(lossCurves('logit', 1, 6));
    expect(margin.every((sample) => Number.isFinite(sample.value) && Number.isFinite(sample.gradient))).toBe(true);
    const hinge = margin.filter((sample) => sample.loss === 'hinge');
    expect(new Set(hinge.map((sample) => sample.piece))).toEqual(new Set([0, 1]));
    expect(lossCurves('logit', 0, 20).length).toBe(4 * 401);
  });
});

describe('the probe (pinned in state.ts)', () => {
  test('at the default p = 0.01', () => {
    const result = probe(0.01);
    expect(result.logit).toBeCloseTo(-4.595, 3);
    expect(result.losses.bce.value).toBeCloseTo(4.605, 3);
    expect(result.losses.bce.gradient).toBeCloseTo(-0.99, 12);
    expect(result.losses.squared.value).toBeCloseTo(0.9801, 12);
    expect(result.losses.squared.gradient).toBeCloseTo(-0.019602, 9);
    expect(result.losses.hinge).toMatchObject({ gradient: -1 });
    expect(result.losses.hinge.value).toBeCloseTo(5.595, 3);
    expect(result.losses.zero_one).toMatchObject({ value: 1, gradient: 0 });
    expect(result.ratio).toBeCloseTo(1 / (2 * 0.01 * 0.99), 9);
  });

  test('the ratio 1/(2p(1 − p)) is 2 at p = 0.5 and grows at both ends', () => {
    expect(probe(0.5).ratio).toBeCloseTo(2, 12);
    expect(probe(0.001).ratio).toBeCloseTo(500.5005, 3);
    expect(probe(0.999).ratio).toBeCloseTo(500.5005, 2);
    expect(logitOf(0.999)).toBeCloseTo(Math.log(999), 9);
  });
});
