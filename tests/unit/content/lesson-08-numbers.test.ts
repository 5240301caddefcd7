import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { activation, makeRegressionWithOutliers, softmax, splitDataset } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { runPair, type PairSettings, type RunResult } from '../../../src/widgets/pairing-lab/model.ts';
import { SCHEMA, pairSettings } from '../../../src/widgets/pairing-lab/state.ts';

// Every training number lesson 8 states, measured with the pairing lab's own model at its
// defaults (seed 42, SGD 0.1, 50 epochs, validation set), and every worked number, computed with
// the course's library; each is compared with the text's rounded value and the text checked to
// contain it. The cells' outputs are pinned in lesson-08-cells.test.ts.

const LESSON = '08-pairing-activations-and-losses.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');
const sigmoid = activation('sigmoid');
const base = pairSettings(defaultState(SCHEMA));
const run = (preset: PairSettings['preset']) => runPair({ ...base, preset });
const last = (result: RunResult) => result.epochs[result.epochs.length - 1];
const percent = (share: number | null) => `${(100 * (share ?? NaN)).toFixed(1)}%`;
const fixed = (value: number | null, digits: number) => (value ?? NaN).toFixed(digits);

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

describe('lesson 8, the pairing lab at its defaults', () => {
  test('the settings the lesson names are the defaults', () => {
    expect(base).toMatchObject({ seed: 42, epochs: 50, learningRate: 0.1, optimizer: 'sgd' });
    stated('with plain SGD at a learning rate of 0.1 for 50 epochs (seed 42)');
  });

  test('softmax on the spiral: CE 100% (loss 0.120), MSE 82.2%; first-epoch output gradients 1.00 and 0.34', () => {
    const [cce, mse] = run('softmax');
    expect([percent(last(cce).accuracy), fixed(last(cce).validationLoss, 3), percent(last(mse).accuracy)]).toEqual(['100.0%', '0.120', '82.2%']);
    expect([fixed(cce.epochs[0].outputGradient, 2), fixed(mse.epochs[0].outputGradient, 2)]).toEqual(['1.00', '0.34']);
    stated('classifies all of the validation points (100%, loss 0.120); softmax with squared error reaches 82.2%');
    stated('is 1.00 for cross-entropy and 0.34 for squared error');
    stated('1.00 against 0.34, 0.66 against 0.37');
  });

  test('sigmoid on the moons: BCE 88.9%, MSE 80.0%; first-epoch output gradients 0.66 and 0.37', () => {
    const [bce, mse] = run('sigmoid');
    expect([percent(last(bce).accuracy), percent(last(mse).accuracy)]).toEqual(['88.9%', '80.0%']);
    expect([fixed(bce.epochs[0].outputGradient, 2), fixed(mse.epochs[0].outputGradient, 2)]).toEqual(['0.66', '0.37']);
    stated('sigmoid with binary cross-entropy ends at 88.9%, sigmoid with squared error at 80.0%');
    stated('Their first-epoch output gradients are 0.66 and 0.37');
  });

  test('the wave: RMSE 1.038 against 1.385, the sigmoid above its clipping floor every epoch, its gradient 0.66 to 0.015', () => {
    const [linear, sig] = run('regression');
    expect([fixed(last(linear).rmse, 3), fixed(last(sig).rmse, 3)]).toEqual(['1.038', '1.385']);
    expect([fixed(sig.epochs[0].outputGradient, 2), fixed(last(sig).outputGradient, 3)]).toEqual(['0.66', '0.015']);
    // The clipping floor: each validation target clipped into [0, 1], as an RMSE.
    const wave = makeRegressionWithOutliers({ size: 200, seed: 42, shape: 'wave', outlierFraction: 0 });
    const { validation } = splitDataset(wave, { train: 0.7, validation: 0.15 }, 42);
    let floor = 0;
    for (const y of validation.targets) floor += (y - Math.min(1, Math.max(0, y))) ** 2;
    const floorRmse = Math.sqrt(floor / validation.size);
    expect(floorRmse.toFixed(3)).toBe('1.329');
    for (const epoch of sig.epochs) expect(epoch.rmse!).toBeGreaterThan(floorRmse);
    expect(linear.epochs.filter((epoch) => epoch.rmse! < floorRmse).length).toBeGreaterThan(25);
    expect([fixed(linear.epochs[47].rmse, 2), fixed(linear.epochs[48].rmse, 2)]).toEqual(['0.67', '0.75']);
    const targets = [...wave.targets];
    expect([Math.min(...targets).toFixed(1), Math.max(...targets).toFixed(1)]).toEqual(['-2.2', '4.1']);
    stated('The linear output with MSE ends at a validation RMSE of 1.038; the sigmoid output with MSE at 1.385');
    stated('(its RMSE at epochs 48 and 49 was 0.67 and 0.75)');
    stated('an RMSE of 1.329 on these validation points. The sigmoid run stays above it at every epoch');
    stated('fades from 0.66 in the first epoch to 0.015 in the fiftieth');
    stated('from about −2.2 to 4.1');
  });

  test('double softmax: loss 0.751, never under ln(1 + 2/e) ≈ 0.5514, 88.9%; logits 0.120, 100%; gradients 0.41 and 1.00', () => {
    const [doubled, logits] = run('double');
    const floor = Math.log(1 + 2 / Math.E);
    expect(floor.toFixed(4)).toBe('0.5514');
    for (const epoch of doubled.epochs) expect(epoch.validationLoss).toBeGreaterThan(floor);
    expect([fixed(last(doubled).validationLoss, 3), percent(last(doubled).accuracy)]).toEqual(['0.751', '88.9%']);
    expect([fixed(last(logits).validationLoss, 3), percent(last(logits).accuracy)]).toEqual(['0.120', '100.0%']);
    expect([fixed(doubled.epochs[0].outputGradient, 2), fixed(logits.epochs[0].outputGradient, 2)]).toEqual(['0.41', '1.00']);
    // The best input the loss can see is (1, 0, 0): softmax gives the true class e / (e + 2).
    expect(-Math.log(softmax([1, 0, 0])[0])).toBeCloseTo(floor, 12);
    stated('\\ln\\Bigl(1 + \\frac{2}{e}\\Bigr) \\approx 0.5514');
    stated('ends at a validation loss of 0.751, never below that floor, and 88.9% accuracy; the same network giving logits to the same loss reaches 0.120 and 100%');
    stated('first-epoch output gradient is 0.41 against 1.00');
  });

  test('multi-label: sigmoids 92.8% of labels and 85.6% of rows; softmax 62.2% and 24.4%, as after its first epoch', () => {
    const [sigmoids, soft] = run('multilabel');
    expect([percent(last(sigmoids).accuracy), percent(last(sigmoids).rowsRight)]).toEqual(['92.8%', '85.6%']);
    expect([percent(last(soft).accuracy), percent(last(soft).rowsRight)]).toEqual(['62.2%', '24.4%']);
    expect([percent(soft.epochs[0].accuracy), percent(soft.epochs[0].rowsRight)]).toEqual(['62.2%', '24.4%']);
    stated('sigmoids with BCE get 92.8% of the labels and 85.6% of the rows entirely right; softmax with categorical cross-entropy gets 62.2% of the labels and 24.4% of the rows, the same as after its first epoch');
  });

  test("refused: linear into BCE gets BCELoss's refusal; BCE from logits trains to 88.9%, as sigmoid + BCE does", () => {
    const [refused, logits] = run('refused');
    expect(refused.refusal).toMatch(/BCELoss raises an error for inputs outside \[0, 1\]/);
    expect(refused.epochs).toEqual([]);
    expect(percent(last(logits).accuracy)).toBe('88.9%');
    expect(last(logits).accuracy).toBe(last(run('sigmoid')[0]).accuracy);
    stated('it trains to 88.9%, exactly as the sigmoid with BCE on the same moons');
  });
});

describe('lesson 8, worked numbers', () => {
  const bceGradient = (z: number, y: number) => sigmoid.f(z) - y;
  const mseGradient = (z: number, y: number) => (sigmoid.f(z) - y) * sigmoid.df(z);

  test('at z = −3, y = 1: BCE −0.953, sigmoid + ½MSE −0.043 (22 times weaker); at z = −5, −0.0066', () => {
    expect(bceGradient(-3, 1).toFixed(3)).toBe('-0.953');
    expect(mseGradient(-3, 1).toFixed(3)).toBe('-0.043');
    expect(Math.round(bceGradient(-3, 1) / mseGradient(-3, 1))).toBe(22);
    expect(mseGradient(-5, 1).toFixed(4)).toBe('-0.0066');
    stated('answer={-0.953}');
    stated('answer={-0.043}');
    stated('the gradient is $-0.043$ instead of cross-entropy\'s $-0.953$, twenty-two times weaker, and at $z = -5$ it is $-0.0066$');
  });

  test('softmax at logits (2, 0, −1), class 2: CE (0.844, −0.886, 0.042), MSE (0.195, −0.171, −0.024)', () => {
    const p = softmax([2, 0, -1]);
    const y = [0, 1, 0];
    const residual = p.map((pk, k) => pk - y[k]);
    const dot = p.reduce((s, pk, k) => s + pk * residual[k], 0);
    const mse = p.map((pk, k) => pk * (residual[k] - dot));
    expect(residual.map((v) => v.toFixed(3))).toEqual(['0.844', '-0.886', '0.042']);
    expect(mse.map((v) => v.toFixed(3))).toEqual(['0.195', '-0.171', '-0.024']);
    stated('$\\mathbf{p} - \\mathbf{y} \\approx (0.844, -0.886, 0.042)$');
    stated('$\\approx (0.195, -0.171, -0.024)$');
  });

  test('the double-softmax floor for K = 10 is ln(1 + 9/e) ≈ 1.461', () => {
    expect(Math.log(1 + 9 / Math.E).toFixed(3)).toBe('1.461');
    expect((9 / Math.E).toFixed(3)).toBe('3.311');
    stated('answer={1.461}');
    stated('$9/e \\approx 3.311$, so the floor is $\\ln 4.311 \\approx 1.461$');
    expect(Math.log(1 + 4 / Math.E).toFixed(3)).toBe('0.905');
    stated('With five classes the broken version\'s floor is $\\ln(1 + 4/e) \\approx 0.905$');
  });
});
