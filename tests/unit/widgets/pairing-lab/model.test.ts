/** The pairing lab's two runs per preset: each mismatch shows its lesson, at the default seed. */
import { describe, expect, test } from 'vitest';
import { makeRegressionWithOutliers, pairingProblem, splitDataset } from '../../../../src/lib/index.ts';
import { PAIRING_PRESETS, runPair, startPair, type PairSettings, type RunResult } from '../../../../src/widgets/pairing-lab/model.ts';

const base = { seed: 42, learningRate: 0.01, optimizer: 'adam' as const, epochs: 50 };
const run = (preset: PairSettings['preset']) => runPair({ ...base, preset });
const last = (result: RunResult) => result.epochs[result.epochs.length - 1];

describe('every preset', () => {
  test.each(PAIRING_PRESETS)('%s: no NaN anywhere; nulls only where a measure does not apply', (preset) => {
    for (const result of run(preset)) {
      if (result.refusal !== null) {
        expect(result.epochs).toEqual([]);
        continue;
      }
      expect(result.epochs).toHaveLength(50);
      for (const epoch of result.epochs) {
        for (const value of Object.values(epoch)) if (value !== null) expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  test.each(PAIRING_PRESETS)('%s: the same seed gives the same runs bit for bit, and the sliced form equals the one-shot', (preset) => {
    const once = run(preset);
    expect(run(preset)).toEqual(once);
    const session = startPair({ ...base, preset });
    for (let k = 0; k < 5; k++) session.step(10);
    expect(session.runs).toEqual(once);
  });
});

describe('what each preset shows (Adam 0.01, 50 epochs, seed 42)', () => {
  test('softmax: both reach every validation point, MSE with an output gradient about a quarter of cross-entropy\'s', () => {
    const [cce, mse] = run('softmax');
    expect(last(cce).accuracy).toBe(1);
    expect(last(mse).accuracy).toBe(1);
    expect(mse.epochs[0].outputGradient).toBeLessThan(cce.epochs[0].outputGradient / 3);
    expect(last(cce).validationLoss).toBeCloseTo(0.018538, 5);
    expect(last(mse).validationLoss).toBeCloseTo(0.004702, 5);
  });

  test('sigmoid on moons: BCE and MSE reach 95.6%, MSE with the smaller output gradient', () => {
    const [bce, mse] = run('sigmoid');
    expect(last(bce).accuracy).toBeCloseTo(0.955556, 5);
    expect(last(mse).accuracy).toBeCloseTo(0.955556, 5);
    expect(mse.epochs[0].outputGradient).toBeLessThan(bce.epochs[0].outputGradient / 2);
  });

  test('regression: the sigmoid output stays above its floor, the linear one goes far below it', () => {
    const [linear, sigmoid] = run('regression');
    const validation = splitDataset(makeRegressionWithOutliers({ size: 200, seed: 42, shape: 'wave', outlierFraction: 0 }), { train: 0.7, validation: 0.15 }, 42).validation;
    let floor = 0;
    for (const y of validation.targets) floor += (y - Math.min(1, Math.max(0, y))) ** 2;
    floor /= validation.size;
    for (const epoch of sigmoid.epochs) expect(epoch.validationLoss).toBeGreaterThan(floor);
    expect(last(linear).validationLoss).toBeLessThan(floor / 2);
    expect(last(linear).rmse).toBeCloseTo(0.613703, 5);
    expect(last(sigmoid).rmse).toBeCloseTo(1.382961, 5);
    expect(last(sigmoid).outputGradient).toBeLessThan(sigmoid.epochs[0].outputGradient / 10);
  });

  test('double softmax: its loss never gets below ln(1 + 2/e), logits go far below, both rank every point right', () => {
    const [doubled, logits] = run('double');
    const floor = Math.log(1 + 2 / Math.E);
    for (const epoch of doubled.epochs) expect(epoch.validationLoss).toBeGreaterThan(floor);
    expect(last(doubled).validationLoss).toBeCloseTo(0.559522, 5);
    expect(last(logits).validationLoss).toBeCloseTo(0.018538, 5);
    expect(last(doubled).accuracy).toBe(1);
    expect(last(logits).accuracy).toBe(1);
  });

  test('multi-label: sigmoids with BCE get 91% of rows entirely right, a softmax 24% (it cannot say "both" or "neither")', () => {
    const [sigmoids, softmax] = run('multilabel');
    expect(last(sigmoids).accuracy).toBeCloseTo(0.955556, 5);
    expect(last(sigmoids).rowsRight).toBeCloseTo(0.911111, 5);
    expect(last(softmax).accuracy).toBeCloseTo(0.622222, 5);
    expect(last(softmax).rowsRight).toBeCloseTo(0.244444, 5);
  });

  test('refused: the linear output into BCE gets the engine\'s message and no epochs; BCE from logits trains', () => {
    const [refused, logits] = run('refused');
    expect(refused.refusal).toBe(pairingProblem('linear', 'bce'));
    expect(refused.refusal).toMatch(/BCEWithLogitsLoss/);
    expect(refused.epochs).toEqual([]);
    expect(last(logits).accuracy).toBeCloseTo(0.955556, 5);
  });
});
