/** The pairing lab's two runs per preset: each mismatch shows its lesson, at the default settings. */
import { describe, expect, test } from 'vitest';
import { makeRegressionWithOutliers, pairingProblem, splitDataset } from '../../../../src/lib/index.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { PAIRING_PRESETS, runPair, startPair, type PairSettings, type RunResult } from '../../../../src/widgets/pairing-lab/model.ts';
import { SCHEMA, pairSettings } from '../../../../src/widgets/pairing-lab/state.ts';

const base = pairSettings(defaultState(SCHEMA));
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

describe('what each preset shows (SGD 0.1, 50 epochs, seed 42, validation set)', () => {
  test('softmax: cross-entropy classifies every point, MSE 82%, its output gradient a third as large at the start', () => {
    const [cce, mse] = run('softmax');
    expect(last(cce).accuracy).toBe(1);
    expect(last(mse).accuracy).toBeCloseTo(0.822222, 5);
    expect(mse.epochs[0].outputGradient).toBeLessThan(cce.epochs[0].outputGradient / 2.5);
    expect(last(cce).validationLoss).toBeCloseTo(0.119923, 5);
  });

  test('sigmoid on moons: BCE reaches 88.9%, MSE 80.0%, with the smaller output gradient', () => {
    const [bce, mse] = run('sigmoid');
    expect(last(bce).accuracy).toBeCloseTo(0.888889, 5);
    expect(last(mse).accuracy).toBeCloseTo(0.8, 5);
    expect(mse.epochs[0].outputGradient).toBeLessThan(bce.epochs[0].outputGradient / 1.5);
  });

  test('regression: the sigmoid output stays above its floor while its gradient fades; the linear one goes below it', () => {
    const [linear, sigmoid] = run('regression');
    const validation = splitDataset(makeRegressionWithOutliers({ size: 200, seed: 42, shape: 'wave', outlierFraction: 0 }), { train: 0.7, validation: 0.15 }, 42).validation;
    let floor = 0;
    for (const y of validation.targets) floor += (y - Math.min(1, Math.max(0, y))) ** 2;
    floor /= validation.size;
    for (const epoch of sigmoid.epochs) expect(epoch.validationLoss).toBeGreaterThan(floor);
    expect(last(linear).validationLoss).toBeLessThan(floor);
    expect(last(linear).rmse).toBeCloseTo(1.038239, 5);
    expect(last(sigmoid).rmse).toBeCloseTo(1.384507, 5);
    expect(last(sigmoid).outputGradient).toBeLessThan(sigmoid.epochs[0].outputGradient / 10);
  });

  test('double softmax: its loss never gets below ln(1 + 2/e) and it reaches 88.9%; logits reach 100%', () => {
    const [doubled, logits] = run('double');
    const floor = Math.log(1 + 2 / Math.E);
    for (const epoch of doubled.epochs) expect(epoch.validationLoss).toBeGreaterThan(floor);
    expect(last(doubled).validationLoss).toBeCloseTo(0.750748, 5);
    expect(last(logits).validationLoss).toBeCloseTo(0.119923, 5);
    expect(last(doubled).accuracy).toBeCloseTo(0.888889, 5);
    expect(last(logits).accuracy).toBe(1);
  });

  test('multi-label: sigmoids with BCE get 86% of rows entirely right, a softmax 24% (it cannot say "both" or "neither")', () => {
    const [sigmoids, softmax] = run('multilabel');
    expect(last(sigmoids).accuracy).toBeCloseTo(0.927778, 5);
    expect(last(sigmoids).rowsRight).toBeCloseTo(0.855556, 5);
    expect(last(softmax).accuracy).toBeCloseTo(0.622222, 5);
    expect(last(softmax).rowsRight).toBeCloseTo(0.244444, 5);
  });

  test("refused: the linear output into BCE gets the engine's message and no epochs; BCE from logits trains", () => {
    const [refused, logits] = run('refused');
    expect(refused.refusal).toBe(pairingProblem('linear', 'bce'));
    expect(refused.refusal).toMatch(/BCEWithLogitsLoss/);
    expect(refused.epochs).toEqual([]);
    expect(last(logits).accuracy).toBeCloseTo(0.888889, 5);
  });
});
