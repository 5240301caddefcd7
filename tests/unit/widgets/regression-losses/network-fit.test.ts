import { describe, expect, test } from 'vitest';
import { makeRegressionWithOutliers } from '../../../../src/lib/index.ts';
import type { Points } from '../../../../src/widgets/regression-losses/fits.ts';
import { REGRESSION_LOSSES, type PerLoss } from '../../../../src/widgets/regression-losses/model.ts';
import { DEFAULT_SAMPLES, NETWORK_EPOCHS, fitNetworks, type NetworkFit } from '../../../../src/widgets/regression-losses/network-fit.ts';

/** The wave's clean curve at the generator's defaults (slope 2, intercept 1). */
const truth = (x: number) => 2 * Math.sin(1.3 * x) + 0.3 * x + 1;

function waveSet(size: number, outlierFraction: number) {
  const set = makeRegressionWithOutliers({ size, seed: 42, shape: 'wave', outlierFraction });
  return { points: { x: Array.from(set.inputs), y: Array.from(set.targets) }, outliers: set.outliers };
}

/** The mean absolute distance between a fitted curve and the clean wave, over its grid. */
function curveError(fit: NetworkFit): number {
  return fit.xs.reduce((sum, x, i) => sum + Math.abs(fit.ys[i] - truth(x)), 0) / fit.xs.length;
}

/** The curve at x, by linear interpolation on its grid. */
function curveAt(fit: NetworkFit, x: number): number {
  const last = fit.xs.length - 1;
  const position = ((x - fit.xs[0]) / (fit.xs[last] - fit.xs[0])) * last;
  const k = Math.min(Math.max(Math.floor(position), 0), last - 1);
  const t = position - k;
  return fit.ys[k] * (1 - t) + fit.ys[k + 1] * t;
}

/** The mean of prediction − target over the points that are not outliers: how far the curve is pulled up. */
function inlierBias(fit: NetworkFit, points: Points, outliers: Uint8Array): number {
  const inliers = points.x.map((_, i) => i).filter((i) => outliers[i] === 0);
  return inliers.reduce((sum, i) => sum + curveAt(fit, points.x[i]) - points.y[i], 0) / inliers.length;
}

function expectFinite(fits: PerLoss<NetworkFit>): void {
  for (const id of REGRESSION_LOSSES) {
    const fit = fits[id];
    expect(fit.xs.every(Number.isFinite) && fit.ys.every(Number.isFinite), id).toBe(true);
    expect(Number.isFinite(fit.loss), id).toBe(true);
  }
}

describe('the network fits', () => {
  const clean = waveSet(40, 0);
  const noisy = waveSet(40, 0.1);

  test('are deterministic: the same points and options give the same curves, bit for bit', () => {
    const first = fitNetworks(noisy.points, 1, { seed: 42 });
    const again = fitNetworks(noisy.points, 1, { seed: 42 });
    for (const id of REGRESSION_LOSSES) {
      expect(again[id].ys).toEqual(first[id].ys);
      expect(again[id].loss).toBe(first[id].loss);
      expect(first[id].epochs).toBe(NETWORK_EPOCHS);
      expect(first[id].diverged).toBe(false);
      expect(first[id].xs).toHaveLength(DEFAULT_SAMPLES);
    }
    expect(first.mse.xs[0]).toBe(Math.min(...noisy.points.x));
    expect(first.mse.xs[DEFAULT_SAMPLES - 1]).toBe(Math.max(...noisy.points.x));
    expect(fitNetworks(noisy.points, 1, { seed: 43 }).mse.ys).not.toEqual(first.mse.ys);
  });

  test('follow the wave without outliers: within 0.25 of the clean curve at 40 points, 0.1 at 250 (mean absolute distance)', () => {
    // Measured: 0.167 (MSE), 0.249 (MAE), 0.188 (Huber) at 40 noisy points; 0.073, 0.098, 0.065 at 250.
    const at40 = fitNetworks(clean.points, 1, { seed: 42 });
    const at250 = fitNetworks(waveSet(250, 0).points, 1, { seed: 42 });
    for (const id of REGRESSION_LOSSES) {
      expect(curveError(at40[id]), id).toBeLessThan(0.25);
      expect(curveError(at250[id]), id).toBeLessThan(0.1);
    }
  });

  test('the MSE network is pulled up towards the one-sided outliers; the MAE and Huber networks much less', () => {
    const fits = fitNetworks(noisy.points, 1, { seed: 42 });
    const bias = (id: 'mse' | 'mae' | 'huber') => inlierBias(fits[id], noisy.points, noisy.outliers);
    // Mean prediction − target over the 36 inliers, measured: MSE 0.636, MAE 0.061, Huber 0.156.
    expect(bias('mse')).toBeCloseTo(0.636, 2);
    expect(bias('mae')).toBeCloseTo(0.061, 2);
    expect(bias('huber')).toBeCloseTo(0.156, 2);
    expect(bias('mse')).toBeGreaterThan(3 * Math.max(bias('mae'), bias('huber')));
    // And against the clean curve: MSE's is 1.12 away, MAE's 0.32 and Huber's 0.42.
    expect(curveError(fits.mse)).toBeGreaterThan(1);
    expect(Math.max(curveError(fits.mae), curveError(fits.huber))).toBeLessThan(0.45);
  });

  test('training lowers each loss from the untrained network’s', () => {
    const start = fitNetworks(noisy.points, 1, { seed: 42, epochs: 0 });
    const end = fitNetworks(noisy.points, 1, { seed: 42 });
    // Measured: MSE 8.01 → 4.51, MAE 2.13 → 1.03, Huber 1.65 → 0.74.
    for (const id of REGRESSION_LOSSES) {
      expect(start[id].epochs).toBe(0);
      expect(end[id].loss, id).toBeLessThan(0.6 * start[id].loss);
    }
    // The three losses start from the same weights, so from the same curve.
    expect(start.mae.ys).toEqual(start.mse.ys);
    expect(start.huber.ys).toEqual(start.mse.ys);
  });

  test('Huber’s delta keeps its meaning in the points’ units: scaling y and delta by 1000 scales the curve by 1000', () => {
    const scaled = { x: noisy.points.x, y: noisy.points.y.map((y) => 1000 * y) };
    const small = fitNetworks(noisy.points, 1, { seed: 42 }).huber;
    const large = fitNetworks(scaled, 1000, { seed: 42 }).huber;
    large.ys.forEach((y, i) => expect(y / 1000).toBeCloseTo(small.ys[i], 6));
    expect(large.loss / 1e6).toBeCloseTo(small.loss, 6);
  });

  test('with a delta larger than every residual, the Huber network is the MSE network (Adam ignores the factor 2)', () => {
    // Up to Adam's epsilon, which the halved gradient meets at a different size: measured 4e-6 apart.
    const fits = fitNetworks(noisy.points, 1e4, { seed: 42 });
    fits.huber.ys.forEach((y, i) => expect(y).toBeCloseTo(fits.mse.ys[i], 4));
    expect(fits.huber.loss).toBeCloseTo(fits.mse.loss / 2, 4);
  });

  test('sample where asked', () => {
    const fits = fitNetworks(clean.points, 1, { seed: 1, from: -5, to: 5, samples: 11 });
    expect(fits.mae.xs).toHaveLength(11);
    fits.mae.xs.forEach((x, i) => expect(x).toBeCloseTo(i - 5, 12));
    expect([fits.mae.xs[0], fits.mae.xs[10]]).toEqual([-5, 5]);
    expectFinite(fits);
  });
});

describe('the network fits on awkward input', () => {
  test('no points, one point, or one x: flat lines at each loss’s best constant, no training', () => {
    const none = fitNetworks({ x: [], y: [] }, 1, { seed: 1 });
    expect(none.mse.ys.every((y) => y === 0)).toBe(true);
    expect(none.mse.xs[0]).toBe(-1);
    const one = fitNetworks({ x: [2], y: [5] }, 1, { seed: 1 });
    expect(Array.from(new Set(one.huber.ys))).toEqual([5]);
    expect([one.mse.xs[0], one.mse.xs[DEFAULT_SAMPLES - 1]]).toEqual([1, 3]);
    // At delta 2, Huber's constant c solves −c + (1 − c) + (2 − c) + 2 = 0: c = 5/3, between the median and the mean.
    const stacked = fitNetworks({ x: [1, 1, 1, 1], y: [0, 1, 2, 10] }, 2, { seed: 1 });
    expect(stacked.mse.ys[0]).toBe(3.25);
    expect(stacked.mae.ys[0]).toBe(1.5);
    expect(stacked.huber.ys[0]).toBeCloseTo(5 / 3, 9);
    for (const fits of [none, one, stacked]) {
      expectFinite(fits);
      expect(fits.mse.epochs).toBe(0);
      expect(fits.mae.diverged).toBe(false);
    }
  });

  test('coordinates of ±1000, a hundred stacked points, and non-finite points left out, all give finite curves', () => {
    const far = { x: [-1000, -999, 0, 999, 1000], y: [1000, -1000, 1000, -1000, 1000] };
    const stacked = { x: [...Array.from({ length: 100 }, () => 0.5), -1, 2], y: [...Array.from({ length: 100 }, () => 3), 0, 1] };
    const broken = { x: [0, 1, Number.NaN, 2, Infinity], y: [0, 1, 5, Number.NEGATIVE_INFINITY, 2] };
    for (const points of [far, stacked, broken]) {
      const fits = fitNetworks(points, 1, { seed: 3 });
      expectFinite(fits);
      expect(fits.mse.diverged).toBe(false);
    }
    const fromBroken = fitNetworks(broken, 1, { seed: 3 });
    expect(fromBroken.mse.ys).toEqual(fitNetworks({ x: [0, 1], y: [0, 1] }, 1, { seed: 3 }).mse.ys);
  });

  test('a grid too far from the points to scale gives flat lines marked diverged, still finite', () => {
    const fits = fitNetworks({ x: [0, 1e-300, 2e-300], y: [0, 1, 2] }, 1, { seed: 3, from: -1e308, to: 1e308 });
    expectFinite(fits);
    expect(REGRESSION_LOSSES.every((id) => fits[id].diverged)).toBe(true);
    expect(fits.mse.ys[0]).toBe(1);
  });

  test('bad options are refused with a message', () => {
    const points = { x: [0, 1], y: [0, 1] };
    expect(() => fitNetworks(points, 0, { seed: 1 })).toThrow(/delta/);
    expect(() => fitNetworks(points, 1, { seed: -1 })).toThrow(/seed/);
    expect(() => fitNetworks(points, 1, { seed: 1, samples: 1 })).toThrow(/samples must be an integer from 2/);
    expect(() => fitNetworks(points, 1, { seed: 1, from: Number.NaN })).toThrow(/from must be a finite number/);
    expect(() => fitNetworks(points, 1, { seed: 1, epochs: 2.5 })).toThrow(/epochs must be an integer/);
  });
});
