import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { activation, loss, softmax } from '../../../src/lib/index.ts';

// The numbers lesson 7 states in its prose, self-checks, exercises and widget prompts, computed
// with the course's library, each compared with the text's rounded value, and the text checked
// to contain it. The cells' own outputs are pinned in lesson-07-cells.test.ts, and what the
// widget shows in lesson-07-widget.test.ts.

const LESSON = '07-classification-losses.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');
const sigmoid = activation('sigmoid');
const bce = loss('bce_logits');
const squared = loss('mse');
const hinge = loss('hinge');

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const logitOf = (p: number) => Math.log(p / (1 - p));
/** Squared error through a sigmoid, (σ(z) − y)², differentiated at the logit: 2(p − y)·p(1 − p). */
const squaredGradient = (z: number, y: number) => squared.grad([y], [sigmoid.f(z)])[0] * sigmoid.df(z);

describe('lesson 7, binary cross-entropy', () => {
  test('−ln p at 0.5, 0.1, 0.01, 0.001 is 0.693, 2.303, 4.605, 6.908; each tenfold drop adds ln 10 ≈ 2.303', () => {
    expect([0.5, 0.1, 0.01, 0.001].map((p) => fixed(bce.value([1], [logitOf(p)]), 3))).toEqual(['0.693', '2.303', '4.605', '6.908']);
    expect(fixed(Math.LN10, 3)).toBe('2.303');
    stated('$p = 0.1$ costs 2.303, $p = 0.01$ costs 4.605, $p = 0.001$ costs 6.908');
    stated('(0.693, 2.303, 4.605, 6.908)');
  });

  test("PyTorch's clamp makes a certain mistake cost 100; Keras's clip at most −ln 1e-7 ≈ 16.118", () => {
    expect(loss('bce').value([1], [0])).toBe(100);
    expect(fixed(-Math.log(1e-7), 3)).toBe('16.118');
    stated('so a certain mistake costs 100');
    stated('$-\\ln 10^{-7} \\approx 16.118$');
    // Only what the course checks: the clip on bare probabilities, as the four-ways cell computes.
    stated('Keras, when it is handed bare probabilities, clips each to $[10^{-7}, 1 - 10^{-7}]$ first');
    stated('// Keras on bare probabilities: σ(z) clipped to [1e-7, 1 − 1e-7] first.');
  });

  test('the self-checks: −ln 0.2 ≈ 1.609 (−ln 0.8 ≈ 0.223); σ(−2) − 1 ≈ −0.881', () => {
    expect(fixed(loss('bce').value([1], [0.2]), 3)).toBe('1.609');
    expect(fixed(loss('bce').value([0], [0.2]), 3)).toBe('0.223');
    expect(fixed(bce.grad([1], [-2])[0], 3)).toBe('-0.881');
    expect(fixed(sigmoid.f(-2), 3)).toBe('0.119');
    stated('answer={1.609}');
    stated('answer={-0.881}');
  });

  test('at p = 0.01: cross-entropy −0.99, squared error −0.020 (about 50 times); at 0.001, −0.999 and −0.002 (500)', () => {
    const ratio = (p: number) => bce.grad([1], [logitOf(p)])[0] / squaredGradient(logitOf(p), 1);
    expect(fixed(bce.grad([1], [logitOf(0.01)])[0], 2)).toBe('-0.99');
    expect(fixed(squaredGradient(logitOf(0.01), 1), 3)).toBe('-0.020');
    expect(Math.round(ratio(0.01))).toBe(51);
    expect(fixed(bce.grad([1], [logitOf(0.001)])[0], 3)).toBe('-0.999');
    expect(fixed(squaredGradient(logitOf(0.001), 1), 3)).toBe('-0.002');
    expect(Math.round(ratio(0.001))).toBe(501);
    for (const p of [0.5, 0.01, 0.001]) expect(ratio(p)).toBeCloseTo(1 / (2 * p * (1 - p)), 9);
    stated('At the confident mistake, squared error, its value almost at its ceiling of 1, pushes about 50 times less than cross-entropy.');
    stated("cross-entropy's gradient is $-0.99$ and squared error's $-0.020$, about 50 times smaller; at $p = 0.001$, $-0.999$ against $-0.002$, 500 times");
  });

  test('σ(z) is exactly 1 in float64 from z ≈ 36.7 (e^−z below 2^−53), in float32 from about 17', () => {
    expect(sigmoid.f(36.7)).toBeLessThan(1);
    expect(sigmoid.f(36.75)).toBe(1);
    expect(fixed(53 * Math.LN2, 1)).toBe('36.7');
    const float32Sigmoid = (z: number) => Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-z))));
    const firstOne = Array.from({ length: 400 }, (_, i) => 10 + i / 40).find((z) => float32Sigmoid(z) === 1)!;
    expect(Math.round(firstOne)).toBe(17);
    stated("from $z \\approx 36.7$ (in PyTorch's default float32, from about 17)");
     expect(sigmoid.f(36.75) - 1).toBe(0);
    expect(sigmoid.f(-36.75)).toBeGreaterThan(0);
    stated('in float64, for a label of 1, it rounds to 0 from $z \\approx 36.7$, where $\\sigma(z)$ rounds to 1');
  });
});

describe('lesson 7, the binary widget prompts (the true class is 1)', () => {
  const at = (p: number) => {
    const z = logitOf(p);
    return {
      z: fixed(z, 3),
      bce: fixed(bce.value([1], [z]), 3),
      bceGradient: bce.grad([1], [z])[0],
      squared: squared.value([1], [sigmoid.f(z)]),
      squaredGradient: squaredGradient(z, 1),
      hinge: hinge.value([1], [z]),
      hingeGradient: hinge.grad([1], [z])[0],
    };
  };

  test('p = 0.5: cross-entropy 0.693, gradient −0.5; squared error 0.25, −0.25; hinge 1, −1', () => {
    const probe = at(0.5);
    expect([probe.bce, fixed(probe.bceGradient, 1), probe.squared, probe.squaredGradient, probe.hinge, probe.hingeGradient]).toEqual(['0.693', '-0.5', 0.25, -0.25, 1, -1]);
    stated('Cross-entropy is 0.693 with gradient $-0.5$; squared error is 0.25 with gradient $-0.25$');
    stated('is 1 with gradient $-1$');
  });

  test('p = 0.01: logit −4.595, cross-entropy 4.605 and −0.99; squared error 0.980 and −0.020', () => {
    const probe = at(0.01);
    expect([probe.z, probe.bce, fixed(probe.bceGradient, 2), fixed(probe.squared, 3), fixed(probe.squaredGradient, 3)]).toEqual(['-4.595', '4.605', '-0.99', '0.980', '-0.020']);
    stated('a logit of $-4.595$. Cross-entropy rises to 4.605 and its gradient to $-0.99$; squared error creeps to 0.980 while its gradient shrinks to $-0.020$');
  });

  test('p = 0.9: logit 2.197, cross-entropy 0.105 and −0.1; hinge 0 and 0, past its margin', () => {
    const probe = at(0.9);
    expect([probe.z, probe.bce, fixed(probe.bceGradient, 1), probe.hinge, probe.hingeGradient]).toEqual(['2.197', '0.105', '-0.1', 0, 0]);
    stated('a logit of $2.197$. Cross-entropy is 0.105 with gradient $-0.1$');
  });
});

describe('lesson 7, categorical and sparse cross-entropy', () => {
  const logits = [2, 1, 0.1, -1];

  test("lesson 4's logits: 0.449 with class 1 true, bars −0.362, 0.235, 0.095, 0.032; class 4 true: 3.449 and −0.968", () => {
    expect(fixed(loss('cce_logits').value([[1, 0, 0, 0]], [logits]), 3)).toBe('0.449');
    expect(fixed(loss('sparse_cce').value([0], [softmax(logits)]), 3)).toBe('0.449');
    expect(fixed(loss('cce').value([[1, 0, 0, 0]], [softmax(logits)]), 3)).toBe('0.449');
    expect(loss('cce_logits').grad([[1, 0, 0, 0]], [logits])[0].map((g) => fixed(g, 3))).toEqual(['-0.362', '0.235', '0.095', '0.032']);
    expect(fixed(loss('cce_logits').value([[0, 0, 0, 1]], [logits]), 3)).toBe('3.449');
    expect(fixed(loss('cce_logits').grad([[0, 0, 0, 1]], [logits])[0][3], 3)).toBe('-0.968');
    stated('Both routes give 0.449, and so does the line through the probabilities, and the bars are $-0.362$ for class 1 and $0.235$, $0.095$, $0.032$ for the others');
    stated("Both losses rise to 3.449 and class 4's bar reaches down to $-0.968$");
  });

  test('two classes: −ln p1 equals the binary loss of z1 − z2 with y = 1', () => {
    for (const [z1, z2] of [[2, 1], [-3, 0.5], [40, -2]]) {
      expect(loss('cce_logits').value([[1, 0]], [[z1, z2]])).toBeCloseTo(bce.value([1], [z1 - z2]), 12);
    }
  });

  test('label smoothing: H(q, p) ≈ 0.3210 + 0.0805 + 0.1151 = 0.5166, H(q) ≈ 0.0948 + 0.2996 = 0.3944, KL ≈ 0.1222', () => {
    const q = [0.9, 0.05, 0.05];
    const p = [0.7, 0.2, 0.1];
    const crossEntropy = -q.reduce((sum, qk, k) => sum + qk * Math.log(p[k]), 0);
    const entropy = -q.reduce((sum, qk) => sum + qk * Math.log(qk), 0);
    const divergence = q.reduce((sum, qk, k) => sum + qk * Math.log(qk / p[k]), 0);
    expect(divergence).toBeCloseTo(crossEntropy - entropy, 14);
    expect([crossEntropy, entropy, divergence].map((v) => fixed(v, 4))).toEqual(['0.5166', '0.3944', '0.1222']);
    expect([0.9 * -Math.log(0.7), 0.05 * -Math.log(0.2), 0.05 * -Math.log(0.1)].map((v) => fixed(v, 4))).toEqual(['0.3210', '0.0805', '0.1151']);
    expect([-0.9 * Math.log(0.9), -0.1 * Math.log(0.05)].map((v) => fixed(v, 4))).toEqual(['0.0948', '0.2996']);
    // The rounded terms add up to the rounded totals, so the answer's sums are exact as written.
    expect(fixed(0.321 + 0.0805 + 0.1151, 4)).toBe('0.5166');
    expect(fixed(0.0948 + 0.2996, 4)).toBe('0.3944');
    expect(fixed(0.5166 - 0.3944, 4)).toBe('0.1222');
    expect(loss('cce').value([q], [p])).toBeCloseTo(crossEntropy, 14);
    stated('\\approx 0.3210 + 0.0805 + 0.1151 = 0.5166$ nats');
    stated('\\approx 0.0948 + 0.2996 = 0.3944$');
    stated('$0.5166 - 0.3944 = 0.1222$');
    stated('it is $H(\\mathbf{q}) \\approx 0.3944$, not 0');
  });

  test('memory: MNIST 2.4 MB against 480 KB (5 times); 8,192 × 50,000 ≈ 1.64 GB against 64 KiB (25,000 times); 10^6 × 1,000 is 4 GB', () => {
    expect(60_000 * 10 * 4).toBe(2_400_000);
    expect(60_000 * 8).toBe(480_000);
    expect((60_000 * 10 * 4) / (60_000 * 8)).toBe(5);
    expect(fixed((8_192 * 50_000 * 4) / 1e9, 2)).toBe('1.64');
    expect(8_192 * 8).toBe(64 * 1024);
    expect((8_192 * 50_000 * 4) / (8_192 * 8)).toBe(25_000);
    expect((1e6 * 1_000 * 4) / 1e9).toBe(4);
    expect((1e6 * 1_000 * 4) / (1e6 * 8)).toBe(500);
    stated('take $60{,}000 \\cdot 10 \\cdot 4$ bytes = 2.4 MB, against 480 KB');
    stated('a factor of 5');
    stated('$8{,}192 \\cdot 50{,}000 \\cdot 4$ bytes $\\approx 1.64$ GB of one-hot targets, against 64 KiB of indices: 25,000 times as much');
    stated('answer={4}');
    expect(1e6 * 8).toBe(8e6);
    stated('$10^6 \\cdot 8 = 8$ MB, 500 times less ($K/2$)');
  });
});

describe('lesson 7, hinge', () => {
  test('labels 0 and 1: a class-0 example costs 1 with gradient 0 whatever its score; the library refuses y = 0', () => {
    for (const score of [-5, 0, 3]) {
      expect(Math.max(0, 1 - 0 * score)).toBe(1);
    }
    expect(() => hinge.value([0], [2])).toThrow(/must be -1 or \+1/);
  });

  test('an outlier at margin −10: hinge 11 and −1; cross-entropy ≈ 10.000 and −0.99995; at m = 0, 1 against 0.5', () => {
    expect(hinge.value([1], [-10])).toBe(11);
    expect(hinge.grad([1], [-10])[0]).toBe(-1);
    expect(fixed(bce.value([1], [-10]), 3)).toBe('10.000');
    expect(fixed(bce.grad([1], [-10])[0], 5)).toBe('-0.99995');
    expect([hinge.grad([1], [0])[0], bce.grad([1], [0])[0]]).toEqual([-1, -0.5]);
    expect(fixed(squaredGradient(logitOf(0.001), 1), 3)).toBe('-0.002');
    stated('Hinge charges $1 - (-10) = 11$ with gradient $-1$; binary cross-entropy on the same score charges $\\ln(1 + e^{10}) \\approx 10.000$ with gradient $-\\sigma(10) \\approx -1.000$ ($-0.99995$)');
    stated('($0.5$ against $1$ at $m = 0$)');
    stated('($-0.002$ at $p = 0.001$)');
  });

  test("the exercise: at η = 0.7 hinge's minimum is at s = 1 (value 0.6); cross-entropy's at ln(7/3) ≈ 0.847; σ(1) ≈ 0.731", () => {
    const expectedHinge = (s: number) => 0.7 * hinge.value([1], [s]) + 0.3 * hinge.value([-1], [s]);
    expect(expectedHinge(1)).toBeCloseTo(0.6, 14);
    for (const s of [-2, -1, 0, 0.99, 1.01, 2]) expect(expectedHinge(s)).toBeGreaterThan(0.6);
    expect(fixed(Math.log(0.7 / 0.3), 3)).toBe('0.847');
    expect(sigmoid.f(Math.log(0.7 / 0.3))).toBeCloseTo(0.7, 14);
    expect(fixed(sigmoid.f(1), 3)).toBe('0.731');
    stated('where it is 0.6');
    stated('at $s = \\ln(0.7/0.3) \\approx 0.847$');
    stated('$\\sigma(1) \\approx 0.731$');
  });

  test('the slopes at η = 0.7 are −0.7, −0.4 and +0.3, and 1 − 0.4s between −1 and 1', () => {
    const expectedHinge = (s: number) => 0.7 * hinge.value([1], [s]) + 0.3 * hinge.value([-1], [s]);
    const slope = (from: number, to: number) => (expectedHinge(to) - expectedHinge(from)) / (to - from);
    expect([slope(-3, -2), slope(-0.5, 0.5), slope(2, 3)].map((value) => fixed(value, 1))).toEqual(['-0.7', '-0.4', '0.3']);
    for (const s of [-1, -0.3, 0, 0.6, 1]) expect(expectedHinge(s)).toBeCloseTo(1 - 0.4 * s, 14);
    stated('slope $-0.7$');
    stated('$0.7(1 - s) + 0.3(1 + s) = 1 - 0.4 s$, slope $-0.4$');
    stated('slope $+0.3$');
  });

  test('below one half hinge prefers −1 (η = 0.3), whose sigmoid is 0.269; above, +1 (0.6 and 0.99)', () => {
    const best = (eta: number) => {
      const expected = (s: number) => eta * hinge.value([1], [s]) + (1 - eta) * hinge.value([-1], [s]);
      const grid = Array.from({ length: 801 }, (_, index) => -4 + index / 100);
      return grid.reduce((bestScore, s) => (expected(s) < expected(bestScore) ? s : bestScore));
    };
    expect([0.3, 0.1, 0.6, 0.99].map(best)).toEqual([-1, -1, 1, 1]);
    expect(fixed(sigmoid.f(-1), 3)).toBe('0.269');
    stated('for every $\\eta < \\tfrac12$ it is $-1$');
    stated('and 0.269 for any group under half');
  });
});
