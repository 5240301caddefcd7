import { describe, expect, test } from 'vitest';
import { logSoftmax, loss, softmax } from '../../../../src/lib/index.ts';
import { multiMarkup } from '../../../../src/widgets/classification-losses/markup.ts';
import { formatBytes, multiClass, targetMemory } from '../../../../src/widgets/classification-losses/multiclass.ts';

describe('multi-class cross-entropy', () => {
  test('at the defaults (pinned in state.ts): softmax, both routes and p − y', () => {
    const model = multiClass([2, 1, 0.1, -1], 0);
    expect(model.probabilities.map((p) => Number(p.toFixed(3)))).toEqual([0.638, 0.235, 0.095, 0.032]);
    expect(model.categorical).toBe(model.sparse);
    expect(model.sparse).toBeCloseTo(0.4493, 4);
    expect(model.fromProbabilities).toBeCloseTo(model.sparse, 12);
    expect(model.gradient.map((g) => Number(g.toFixed(3)))).toEqual([-0.362, 0.235, 0.095, 0.032]);
  });

  test('both routes give the same number for any logits and target', () => {
    for (let trial = 0; trial < 50; trial++) {
      const logits = Array.from({ length: 2 + (trial % 5) }, (_, k) => Math.sin(trial * 7.1 + k * 3.3) * (trial % 3 === 0 ? 300 : 6));
      const model = multiClass(logits, trial % logits.length);
      expect(Math.abs(model.categorical - model.sparse)).toBeLessThanOrEqual(1e-12 * Math.max(1, model.sparse));
    }
  });

  test('the gradient p − y matches central differences of the loss', () => {
    const logits = [0.7, -1.2, 2.4, 0.1, -0.3];
    const model = multiClass(logits, 3);
    const h = 1e-6;
    logits.forEach((_, k) => {
      const up = multiClass(logits.map((z, j) => (j === k ? z + h : z)), 3).sparse;
      const down = multiClass(logits.map((z, j) => (j === k ? z - h : z)), 3).sparse;
      expect(model.gradient[k]).toBeCloseTo((up - down) / (2 * h), 8);
    });
    expect(model.gradient.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
  });

  test('logits of ±1000: finite and exact by both routes; the probabilities route hits its clamp', () => {
    const model = multiClass([1000, -1000, 0, 1000], 1);
    expect(model.categorical).toBe(2000 + Math.LN2);
    expect(model.sparse).toBe(2000 + Math.LN2);
    expect(model.fromProbabilities).toBe(100);
    expect([...model.probabilities, ...model.gradient].every(Number.isFinite)).toBe(true);
    expect(model.gradient).toEqual([0.5, -1, 0, 0.5]);
  });
});

describe('the routes are the library calls they are labelled with', () => {
  test('cce_logits on the one-hot row, log-softmax at the index, sparse_cce on the probabilities', () => {
    const logits = [0.3, 2.2, -1.4];
    const model = multiClass(logits, 2);
    expect(model.categorical).toBe(loss('cce_logits').value([[0, 0, 1]], [logits]));
    expect(model.sparse).toBe(-logSoftmax(logits)[2]);
    expect(model.fromProbabilities).toBe(loss('sparse_cce').value([2], [softmax(logits)]));
    expect(model.fromProbabilities).toBeCloseTo(loss('cce').value([[0, 0, 1]], [softmax(logits)]), 15);
  });

  test('each route is labelled with its PyTorch and Keras name', () => {
    const html = multiMarkup(multiClass([2, 1, 0.1, -1], 0), targetMemory(10, 4));
    expect(html).toContain('<code>nn.CrossEntropyLoss</code> with probability rows');
    expect(html).toContain('<code>nn.CrossEntropyLoss</code> with class indices');
    expect(html).toContain('<code>CategoricalCrossentropy(from_logits=True)</code>');
    expect(html).toContain('<code>SparseCategoricalCrossentropy(from_logits=True)</code>');
    expect(html).toContain('<code>sparse_cce</code>, each log clamped at −100');
  });
});

describe('memory of the targets', () => {
  test('the default: a million targets over 50,000 classes', () => {
    const memory = targetMemory(1_000_000, 50_000);
    expect(memory.oneHotBytes).toBe(200e9);
    expect(memory.indexBytes).toBe(8e6);
    expect(memory.ratio).toBe(25_000);
    expect(formatBytes(memory.oneHotBytes)).toBe('200 GB');
    expect(formatBytes(memory.indexBytes)).toBe('8 MB');
  });

  test('units and the extremes', () => {
    expect(formatBytes(400)).toBe('400 bytes');
    expect(formatBytes(1234)).toBe('1.23 kB');
    expect(formatBytes(targetMemory(1e9, 1e6).oneHotBytes)).toBe('4,000 TB');
    expect(targetMemory(1, 2).ratio).toBe(1);
  });
});
