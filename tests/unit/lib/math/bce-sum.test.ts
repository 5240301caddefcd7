import { describe, expect, it } from 'vitest';
import { bceSum, meanLoss } from '../../../../src/lib/math/loss-kernels.ts';
import { createRandom } from '../../../../src/lib/index.ts';

describe('bceSum (BCE without gradients, one logarithm per 0/1 target)', () => {
  const random = createRandom(21);
  const specials = [0, -0, 1, 1e-300, 1 - 1e-16, 0.5, Number.NaN, 1.5, -0.5, Infinity];
  const targets = [0, 1, 0.3, -0];

  it('gives the mean loss bit for bit as the full formula (taken with gradients)', () => {
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(random.uniform() * 9);
      const cols = 1 + Math.floor(random.uniform() * 3);
      const n = rows * cols;
      const yPred = Float64Array.from({ length: n }, () => (random.uniform() < 0.3 ? specials[random.integer(specials.length)] : random.uniform()));
      const yTrue = Float64Array.from({ length: n }, () => targets[random.integer(targets.length)]);
      // Feature-major, as the engine's batches: element (r, c) at c·rows + r.
      const layout = { rows, cols, rowStride: 1, colStride: rows };
      const fast = meanLoss('bce', 1, yTrue, yPred, null, layout);
      const full = meanLoss('bce', 1, yTrue, yPred, new Float64Array(n), layout);
      expect(Object.is(fast, full) || (Number.isNaN(fast) && Number.isNaN(full))).toBe(true);
      expect(Object.is(bceSum(yTrue, yPred, layout) * (1 / n), fast) || Number.isNaN(fast)).toBe(true);
    }
  });

  it('keeps PyTorch values: the clamp at -100 and NaN outside [0, 1]', () => {
    const layout = { rows: 1, cols: 1, rowStride: 1, colStride: 1 };
    expect(bceSum([1], [0], layout)).toBe(100);
    expect(bceSum([0], [1], layout)).toBe(100);
    expect(bceSum([1], [Math.exp(-2)], layout)).toBeCloseTo(2, 14);
    expect(bceSum([1], [1.5], layout)).toBeNaN();
    expect(bceSum([0], [-0.5], layout)).toBeNaN();
  });
});
