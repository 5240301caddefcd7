import { describe, expect, test } from 'vitest';
import { calibrate, gaussianClasses, reliability, startCalibration } from '../../../../src/widgets/classification-losses/calibration.ts';
import { calibrationSettings } from '../../../../src/widgets/classification-losses/model.ts';
import { SCHEMA } from '../../../../src/widgets/classification-losses/state.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';

const DEFAULTS = calibrationSettings(defaultState(SCHEMA));

describe('reliability bins and ECE', () => {
  test('a perfectly calibrated toy: ECE 0; a biased one: its bias', () => {
    const predicted = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
    const labels = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(reliability(predicted, labels, 10).ece).toBeCloseTo(0, 12);
    expect(reliability(predicted, labels.map(() => 1), 10).ece).toBeCloseTo(0.5, 12);
    const { bins } = reliability([1, 0], [1, 0], 5);
    expect(bins[4]).toMatchObject({ count: 1, observed: 1 });
    expect(bins[0]).toMatchObject({ count: 1, observed: 0 });
    expect(bins[2].count).toBe(0);
  });
});

describe('the data', () => {
  test('half of each class, centred where asked, reproducible by seed', () => {
    const data = gaussianClasses(2000, 2, 42, 0);
    let ones = 0;
    let sum1 = 0;
    let sum0 = 0;
    for (let i = 0; i < data.size; i++) {
      if (data.targets[i] === 1) { ones++; sum1 += data.inputs[2 * i]; } else sum0 += data.inputs[2 * i];
    }
    expect(ones).toBe(1000);
    expect(sum1 / 1000).toBeCloseTo(1, 1);
    expect(sum0 / 1000).toBeCloseTo(-1, 1);
    expect(gaussianClasses(2000, 2, 42, 0).inputs).toEqual(data.inputs);
    expect(gaussianClasses(2000, 2, 42, 1).inputs).not.toEqual(data.inputs);
  });
});

describe('calibration at the defaults (pinned in state.ts)', () => {
  const result = calibrate(DEFAULTS);
  test('cross-entropy is better calibrated than hinge, at the same accuracy', () => {
    const { bce, hinge } = result.models;
    expect(bce.ece).toBeCloseTo(0.0228, 4);
    expect(hinge.ece).toBeCloseTo(0.0616, 4);
    expect(result.truthEce).toBeCloseTo(0.0134, 4);
    expect(bce.accuracy).toBe(0.8525);
    expect(hinge.accuracy).toBe(0.8495);
    expect(bce.weights[0]).toBeCloseTo(1.84, 2);
    expect(hinge.weights[0]).toBeCloseTo(1.37, 2);
    expect(bce.trainLoss).toBeCloseTo(0.3815, 4);
    expect(hinge.trainLoss).toBeCloseTo(0.412, 3);
  });

  test('hinge through a sigmoid is too timid: above 0.5 class 1 is more frequent than it says, below less', () => {
    const bins = result.models.hinge.bins.filter((bin) => bin.count > 0);
    for (const bin of bins) {
      if (bin.from >= 0.6) expect(bin.observed).toBeGreaterThan(bin.meanPredicted);
      if (bin.to <= 0.4) expect(bin.observed).toBeLessThan(bin.meanPredicted);
    }
  });

  test('training in slices gives the same result as all at once', () => {
    const run = startCalibration(DEFAULTS);
    let slices = 0;
    let done = false;
    while (!done) {
      let epochs = 0;
      done = run.advance(() => epochs++ < 3);
      slices++;
    }
    expect(slices).toBeGreaterThan(5);
    expect(run.result()).toEqual(result);
  });
});
