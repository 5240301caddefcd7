import { describe, expect, it } from 'vitest';
import {
  fitStandardizer,
  makeBlobs,
  makeCircles,
  makeMoons,
  makeMultiLabel,
  makeRegressionWithOutliers,
  makeSpiral,
  makeXor,
  oneHot,
  splitDataset,
  standardizeSplit,
  type Dataset,
} from '../../../../src/lib/index.ts';

function rows(dataset: Dataset): { x: number; y: number; label: number }[] {
  return Array.from({ length: dataset.size }, (_, i) => ({
    x: dataset.inputs[2 * i],
    y: dataset.inputs[2 * i + 1],
    label: dataset.targets[i],
  }));
}

describe('makeMoons has scikit-learn geometry', () => {
  it.each([2, 3, 7, 100, 2001])('n = %i: floor(n/2) outer points, inner moon takes the odd point', (n) => {
    const points = rows(makeMoons({ size: n, noise: 0, seed: 1 }));
    const outer = points.filter((p) => p.label === 0);
    const inner = points.filter((p) => p.label === 1);
    expect(outer).toHaveLength(Math.floor(n / 2));
    expect(inner).toHaveLength(n - Math.floor(n / 2));
    for (const p of outer) {
      // (cos t, sin t), t in [0, π]
      expect(Math.abs(Math.hypot(p.x, p.y) - 1)).toBeLessThan(1e-12);
      expect(p.y).toBeGreaterThanOrEqual(0);
    }
    for (const p of inner) {
      // (1 - cos t, 1 - sin t - 0.5): a unit circle about (1, 0.5), lower half
      expect(Math.abs(Math.hypot(p.x - 1, p.y - 0.5) - 1)).toBeLessThan(1e-12);
      expect(p.y).toBeLessThanOrEqual(0.5);
    }
  });

  it('puts the points at linspace(0, π) angles, ends included', () => {
    const points = rows(makeMoons({ size: 9, noise: 0, seed: 1, shuffle: false }));
    // Outer: 4 points at t = 0, π/3, 2π/3, π; inner: 5 points at t = 0, π/4, ..., π.
    [0, 1, 2, 3].forEach((i) => {
      expect(points[i].x).toBeCloseTo(Math.cos((i * Math.PI) / 3), 15);
      expect(points[i].y).toBeCloseTo(Math.sin((i * Math.PI) / 3), 15);
    });
    expect(points[3]).toEqual({ x: Math.cos(Math.PI), y: Math.sin(Math.PI), label: 0 });
    [0, 1, 2, 3, 4].forEach((i) => {
      expect(points[4 + i].x).toBeCloseTo(1 - Math.cos((i * Math.PI) / 4), 15);
      expect(points[4 + i].y).toBeCloseTo(0.5 - Math.sin((i * Math.PI) / 4), 15);
    });
  });

  it('adds Gaussian noise of the asked size, reproducibly', () => {
    const clean = rows(makeMoons({ size: 2000, noise: 0, seed: 42 }));
    const noisy = makeMoons({ size: 2000, noise: 0.2, seed: 42 });
    expect(noisy.inputs).toEqual(makeMoons({ size: 2000, noise: 0.2, seed: 42 }).inputs);
    expect(noisy.targets).toEqual(makeMoons({ size: 2000, noise: 0, seed: 42 }).targets);
    const residuals = rows(noisy).flatMap((p, i) => [p.x - clean[i].x, p.y - clean[i].y]);
    const deviation = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(deviation).toBeGreaterThan(0.19);
    expect(deviation).toBeLessThan(0.21);
    expect(makeMoons({ size: 2000, noise: 0.2, seed: 43 }).inputs).not.toEqual(noisy.inputs);
  });

  it('rejects bad options', () => {
    expect(() => makeMoons({ size: 1, seed: 1 })).toThrow(/makeMoons: size must be an integer >= 2, got 1/);
    expect(() => makeMoons({ size: 10, noise: -1, seed: 1 })).toThrow(/noise must be a finite number >= 0, got -1/);
    expect(() => makeMoons({ size: 10, seed: -3 })).toThrow(/seed must be an integer/);
  });
});

describe('other data sets', () => {
  it('makeCircles puts floor(n/2) points on the unit circle and the rest at radius factor', () => {
    const points = rows(makeCircles({ size: 101, noise: 0, seed: 2, factor: 0.5 }));
    expect(points.filter((p) => p.label === 0).every((p) => Math.abs(Math.hypot(p.x, p.y) - 1) < 1e-12)).toBe(true);
    expect(points.filter((p) => p.label === 1).every((p) => Math.abs(Math.hypot(p.x, p.y) - 0.5) < 1e-12)).toBe(true);
    expect(points.filter((p) => p.label === 0)).toHaveLength(50);
  });

  it('makeXor labels by the signs of the coordinates', () => {
    const points = rows(makeXor({ size: 500, seed: 3 }));
    expect(points.every((p) => p.label === (p.x > 0 !== p.y > 0 ? 1 : 0))).toBe(true);
    expect(points.every((p) => Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1)).toBe(true);
  });

  it('makeSpiral and makeBlobs label k classes of near-equal size', () => {
    const spiral = makeSpiral({ size: 301, seed: 4, classes: 3, noise: 0.1 });
    const blobs = makeBlobs({ size: 301, seed: 4, centers: 3 });
    for (const dataset of [spiral, blobs]) {
      expect(dataset.classCount).toBe(3);
      const counts = [0, 1, 2].map((k) => dataset.targets.filter((t) => t === k).length);
      expect(counts).toEqual([101, 100, 100]);
    }
    expect(rows(spiral).every((p) => Math.hypot(p.x, p.y) <= 1 + 1e-12)).toBe(true);
  });

  it('makeRegressionWithOutliers marks round(fraction·n) outliers above the line', () => {
    const set = makeRegressionWithOutliers({ size: 200, seed: 5, noise: 0, outlierFraction: 0.1, outlierScale: 10 });
    expect(set.outliers.reduce((a, b) => a + b, 0)).toBe(20);
    for (let i = 0; i < set.size; i++) {
      const residual = set.targets[i] - (2 * set.inputs[i] + 1);
      if (set.outliers[i]) expect(residual).toBeGreaterThanOrEqual(5);
      else expect(Math.abs(residual)).toBeLessThan(1e-12);
    }
  });

  it("makeRegressionWithOutliers' default line is unchanged, bit for bit (pinned values from before the shape option)", () => {
    const set = makeRegressionWithOutliers({ size: 40, seed: 42 });
    expect(set.inputs.slice(0, 3)).toEqual(Float64Array.of(-0.7899801339026897, -2.9366782410653904, -2.990798906593569));
    expect(set.targets.slice(0, 3)).toEqual(Float64Array.of(-0.6649793952329779, -4.624833020919552, -5.345440192718324));
    expect(makeRegressionWithOutliers({ size: 40, seed: 42, shape: 'line' })).toEqual(set);
  });

  it("makeRegressionWithOutliers' wave keeps the line's x values, noise and outlier rows around 2·sin(1.3x) + 0.3x + 1", () => {
    const options = { size: 200, seed: 5, outlierFraction: 0.1, outlierScale: 10 };
    const line = makeRegressionWithOutliers(options);
    const wave = makeRegressionWithOutliers({ ...options, shape: 'wave' });
    expect(makeRegressionWithOutliers({ ...options, shape: 'wave' })).toEqual(wave);
    expect(wave.inputs).toEqual(line.inputs);
    expect(wave.outliers).toEqual(line.outliers);
    expect(wave.outliers.reduce((a, b) => a + b, 0)).toBe(20);
    for (let i = 0; i < wave.size; i++) {
      const x = wave.inputs[i];
      // The same noise and push, added to another clean value.
      const fromWave = wave.targets[i] - (2 * Math.sin(1.3 * x) + 0.3 * x + 1);
      expect(fromWave).toBeCloseTo(line.targets[i] - (2 * x + 1), 12);
    }
    const clean = makeRegressionWithOutliers({ ...options, shape: 'wave', noise: 0 });
    clean.inputs.forEach((x, i) => {
      const residual = clean.targets[i] - (2 * Math.sin(1.3 * x) + 0.3 * x + 1);
      if (clean.outliers[i]) expect(residual).toBeGreaterThanOrEqual(5);
      else expect(Math.abs(residual)).toBeLessThan(1e-12);
    });
    expect(() => makeRegressionWithOutliers({ ...options, shape: 'curve' as 'wave' })).toThrow(/shape must be 'line' or 'wave'/);
  });

  it('makeMultiLabel gives two overlapping 0/1 labels per point, in the shares the areas predict', () => {
    const data = makeMultiLabel({ size: 20000, seed: 3 });
    expect([data.inputSize, data.targetSize, data.classCount]).toEqual([2, 2, 2]);
    const counts = [0, 0, 0, 0];
    for (let row = 0; row < data.size; row++) counts[data.targets[2 * row] + 2 * data.targets[2 * row + 1]]++;
    // Disc area 1.44π of the square's 16 each; their lens 2r²·acos(d/2r) - (d/2)·sqrt(4r² - d²), r = 1.2, d = 1.
    const lens = (2 * 1.44 * Math.acos(1 / 2.4) - 0.5 * Math.sqrt(5.76 - 1)) / 16;
    const disc = (1.44 * Math.PI) / 16;
    const expected = [1 - 2 * disc + lens, disc - lens, disc - lens, lens];
    counts.forEach((count, k) => expect(Math.abs(count / data.size - expected[k])).toBeLessThan(0.01));
    expect(makeMultiLabel({ size: 50, seed: 3, noise: 0.1 }).targets).toEqual(makeMultiLabel({ size: 50, seed: 3 }).targets);
    expect(() => makeMultiLabel({ size: 0, seed: 1 })).toThrow(/makeMultiLabel: size must be an integer >= 1, got 0/);
  });

  it('oneHot turns labels into rows', () => {
    const hot = oneHot(makeBlobs({ size: 6, seed: 1, centers: 3, shuffle: false }));
    expect([...hot.targets]).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect(hot.targetSize).toBe(3);
  });
});

describe('splitDataset and standardisation', () => {
  const moons = makeMoons({ size: 2000, noise: 0.2, seed: 42 });

  it('splits 70/15/15 into 1400/300/300 disjoint rows, reproducibly', () => {
    const split = splitDataset(moons, { train: 0.7, validation: 0.15 }, 42);
    expect([split.train.size, split.validation.size, split.test.size]).toEqual([1400, 300, 300]);
    const key = (d: Dataset) => rows(d).map((p) => `${p.x},${p.y}`);
    const all = new Set([...key(split.train), ...key(split.validation), ...key(split.test)]);
    expect(all.size).toBe(2000);
    expect(splitDataset(moons, { train: 0.7, validation: 0.15 }, 42).test.inputs).toEqual(split.test.inputs);
    expect(splitDataset(moons, { train: 0.7, validation: 0.15 }, 7).test.inputs).not.toEqual(split.test.inputs);
  });

  it('standardises with statistics of the training set only', () => {
    const split = standardizeSplit(splitDataset(moons, { train: 0.7, validation: 0.15 }, 42));
    for (const j of [0, 1]) {
      const column = (d: Dataset) => Array.from({ length: d.size }, (_, i) => d.inputs[2 * i + j]);
      const train = column(split.train);
      const mean = train.reduce((a, b) => a + b, 0) / train.length;
      const variance = train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(Math.abs(variance - 1)).toBeLessThan(1e-12);
      // The test set's mean is near, but not exactly, zero: it was not used for fitting.
      const test = column(split.test);
      expect(Math.abs(test.reduce((a, b) => a + b, 0) / test.length)).toBeGreaterThan(1e-6);
    }
  });

  it('maps a constant feature to 0 rather than NaN', () => {
    const scaler = fitStandardizer({ inputs: new Float64Array([3, 3, 3]), targets: new Float64Array(3), size: 3, inputSize: 1, targetSize: 1, classCount: 2 });
    expect([...scaler.transformInputs(new Float64Array([3, 4]))]).toEqual([0, 1]);
  });

  it('rejects impossible fractions', () => {
    expect(() => splitDataset(moons, { train: 0.9, validation: 0.2 }, 1)).toThrow(/train \+ validation <= 1/);
  });
});
