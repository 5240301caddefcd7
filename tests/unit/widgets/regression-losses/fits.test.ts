import { describe, expect, test } from 'vitest';
import { makeRegressionWithOutliers } from '../../../../src/lib/index.ts';
import { fitHuber, fitMae, fitMse, huberConstant, meanConstant, medianConstant, type Line, type Points } from '../../../../src/widgets/regression-losses/fits.ts';
import { lineGradient, lineLoss } from '../../../../src/widgets/regression-losses/model.ts';
import { asPoints, generatedPoints } from '../../../../src/widgets/regression-losses/points.ts';

const data = asPoints(generatedPoints({ seed: 42, points: 40 }));
const small = asPoints(generatedPoints({ seed: 7, points: 12 }));

/** The least-squares line from the textbook sums, uncentred: n·Σxy − Σx·Σy over n·Σx² − (Σx)². */
function textbookLine({ x, y }: Points): Line {
  const n = x.length;
  const sx = x.reduce((s, v) => s + v, 0);
  const sy = y.reduce((s, v) => s + v, 0);
  const sxy = x.reduce((s, v, i) => s + v * y[i], 0);
  const sxx = x.reduce((s, v) => s + v * v, 0);
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return { slope, intercept: (sy - slope * sx) / n };
}

describe('the MSE fit', () => {
  test('matches the closed form computed independently', () => {
    for (const points of [data, small]) {
      const fit = fitMse(points);
      const reference = textbookLine(points);
      expect(fit.slope).toBeCloseTo(reference.slope, 10);
      expect(fit.intercept).toBeCloseTo(reference.intercept, 10);
    }
  });
});

describe('the MAE fit', () => {
  test('its loss is no larger than that of any line through two of the points (brute force)', () => {
    for (const points of [small, asPoints(generatedPoints({ seed: 3, points: 20 }))]) {
      const fitted = lineLoss('mae', 1, fitMae(points), points);
      const { x, y } = points;
      let best = Infinity;
      for (let i = 0; i < x.length; i++) {
        for (let j = i + 1; j < x.length; j++) {
          if (x[i] === x[j]) continue;
          const slope = (y[j] - y[i]) / (x[j] - x[i]);
          best = Math.min(best, lineLoss('mae', 1, { slope, intercept: y[i] - slope * x[i] }, points));
        }
      }
      expect(fitted).toBeLessThanOrEqual(best + 1e-12);
    }
  });
});

describe('the Huber fit', () => {
  test.each([0.3, 1, 3])('at delta %f its gradient is about 0 and nearby lines cost more', (delta) => {
    const fit = fitHuber(data, delta);
    const gradient = lineGradient('huber', delta, fit, data);
    expect(Math.abs(gradient.slope)).toBeLessThan(1e-9);
    expect(Math.abs(gradient.intercept)).toBeLessThan(1e-9);
    const at = lineLoss('huber', delta, fit, data);
    for (const [ds, dc] of [[1e-4, 0], [-1e-4, 0], [0, 1e-4], [0, -1e-4], [1e-3, -1e-3]]) {
      expect(at).toBeLessThanOrEqual(lineLoss('huber', delta, { slope: fit.slope + ds, intercept: fit.intercept + dc }, data));
    }
  });
});

describe('the best constants', () => {
  const values = data.y;
  test('MSE picks the mean, MAE the median (midpoint of the two middle ones for an even count)', () => {
    const sorted = [...values].sort((p, q) => p - q);
    expect(meanConstant(values)).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 12);
    expect(medianConstant(values)).toBeCloseTo((sorted[19] + sorted[20]) / 2, 12);
    expect(medianConstant([3, 1, 2])).toBe(2);
  });
  test("Huber's lies between the median and the mean for one-sided outliers, where its gradient is 0", () => {
    // A flat target (slope 0), so the generator's outliers are one-sided about the constant too.
    const flat = Array.from(makeRegressionWithOutliers({ size: 40, seed: 42, slope: 0 }).targets);
    const huber = huberConstant(flat, 1);
    expect(medianConstant(flat)).toBeLessThan(huber);
    expect(huber).toBeLessThan(meanConstant(flat));
    const pull = flat.reduce((s, v) => s + Math.max(-1, Math.min(1, huber - v)), 0);
    expect(Math.abs(pull)).toBeLessThan(1e-9);
  });
});
