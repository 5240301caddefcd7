import { describe, expect, test } from 'vitest';
import { activation, logSoftmax, softmax } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { OVERFLOW_EXPONENT, UNDERFLOW_EXPONENT, computeSoftmax, entropy, softmaxJacobian } from '../../../src/widgets/softmax/model.ts';
import { SCHEMA, logitsOf, type SoftmaxState } from '../../../src/widgets/softmax/state.ts';
import { cellOf, run, tableNumbers } from './lesson-cells-harness.ts';

// The numbers lesson 4 states, computed with the course's softmax and the softmax widget's own
// model and defaults, so that the text and the widget cannot drift apart.

const LESSON = '04-softmax.mdx';
const sigmoid = activation('sigmoid').f;
const start = defaultState(SCHEMA);
const widget = (changes: Partial<SoftmaxState> = {}) => computeSoftmax({ ...start, ...changes });
const rounded = (values: readonly number[], digits: number) => values.map((v) => Number(v.toFixed(digits)));

describe('lesson 4, the formula on the starting logits', () => {
  test('the widget starts at (2, 1, 0.1, −1), T = 1, class 1 true; its temperature runs from 0.01 to 100', () => {
    expect(logitsOf(start)).toEqual([2, 1, 0.1, -1]);
    expect(start.t).toBe(1);
    expect(start.y).toBe('1');
    expect([SCHEMA.t.min, SCHEMA.t.max]).toEqual([0.01, 100]);
    expect([SCHEMA.z1.min, SCHEMA.z1.max]).toEqual([-1000, 1000]);
  });

  test('e^z ≈ 7.389, 2.718, 1.105, 0.368, sum 11.580; p ≈ 0.638, 0.235, 0.095, 0.032', () => {
    const exponentials = [2, 1, 0.1, -1].map(Math.exp);
    expect(rounded(exponentials, 3)).toEqual([7.389, 2.718, 1.105, 0.368]);
    expect(exponentials.reduce((a, b) => a + b, 0)).toBeCloseTo(11.58, 3);
    expect(rounded(widget().probabilities, 3)).toEqual([0.638, 0.235, 0.095, 0.032]);
    expect(widget().probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  test('ratios: p1/p2 = e ≈ 2.718; a lead of ln 10 ≈ 2.3 is a factor 10, a lead of 10 about 22,000', () => {
    const [p1, p2] = widget().probabilities;
    expect(p1 / p2).toBeCloseTo(Math.E, 12);
    expect(Math.LN10).toBeCloseTo(2.3, 1);
    expect(Math.round(Math.exp(10) / 1000)).toBe(22);
  });

  test('largest is not dominant: (1, 0.9, 0.8) gives the top class only 0.37', () => {
    const p = softmax([1, 0.9, 0.8]);
    expect(p[0].toFixed(2)).toBe('0.37');
    expect(Math.max(...p)).toBe(p[0]);
  });

  test('the first self-check: softmax(0, ln 3) gives class 2 0.75', () => {
    expect(softmax([0, Math.log(3)])[1]).toBeCloseTo(0.75, 14);
  });
});

describe("lesson 4, the widget's try-this list and self-checks", () => {
  test('z1 = 1000: stable p1 = 1.000 and entropy 0, naive NaN for class 1; 709 works, 710 overflows', () => {
    const result = widget({ z1: 1000 });
    expect(result.probabilities[0].toFixed(3)).toBe('1.000');
    expect(result.entropyNats).toBeCloseTo(0, 12);
    expect(result.naive.failure).toBe('overflow');
    expect(result.naive.notANumber).toEqual([0]);
    expect(widget({ z1: 709 }).naive.failure).toBe('none');
    expect(widget({ z1: 710 }).naive.failure).toBe('overflow');
  });

  test('998 subtracted from every logit: the starting probabilities, and NaN everywhere on the naive side', () => {
    const result = widget({ z1: -996, z2: -997, z3: -997.9, z4: -999 });
    expect(rounded(result.probabilities, 3)).toEqual([0.638, 0.235, 0.095, 0.032]);
    expect(result.naive.failure).toBe('underflow');
    expect(result.naive.notANumber).toEqual([0, 1, 2, 3]);
  });

  test('T = 0.1 gives class 1 0.99995; T = 10 gives 0.288, 0.261, 0.238, 0.213', () => {
    expect(widget({ t: 0.1 }).probabilities[0].toFixed(5)).toBe('0.99995');
    expect(widget({ t: 0.1 }).probabilities[0].toFixed(3)).toBe('1.000'); // what the widget shows
    expect(rounded(widget({ t: 10 }).probabilities, 3)).toEqual([0.288, 0.261, 0.238, 0.213]);
  });

  test('two classes: 0.731 and 0.269, and σ(1) ≈ 0.731', () => {
    expect(rounded(widget({ count: 2 }).probabilities, 3)).toEqual([0.731, 0.269]);
    expect(sigmoid(1)).toBeCloseTo(widget({ count: 2 }).probabilities[0], 15);
  });

  test('class 4 true: cross-entropy 0.449 → 3.449 nats, its gradient p4 − 1 ≈ −0.968, the longest bar', () => {
    expect(widget().crossEntropy.toFixed(3)).toBe('0.449');
    const result = widget({ y: '4' });
    expect(result.crossEntropy.toFixed(3)).toBe('3.449');
    expect(result.gradient[3].toFixed(3)).toBe('-0.968');
    expect(result.probabilities[3].toFixed(3)).toBe('0.032');
    const longest = result.gradient.map(Math.abs).indexOf(Math.max(...result.gradient.map(Math.abs)));
    expect(longest).toBe(3);
  });

  test('the predict check: 5 added to every logit leaves the probabilities as they were; e^5 ≈ 148', () => {
    const shifted = widget({ z1: 7, z2: 6, z3: 5.1, z4: 4 }).probabilities;
    shifted.forEach((p, i) => expect(p).toBeCloseTo(widget().probabilities[i], 14));
    expect(Math.round(Math.exp(5))).toBe(148);
  });
});

describe('lesson 4, overflow, underflow and rounding', () => {
  test('e^709 ≈ 8.2e307 is finite, e^710 is not; the edge is 709.78; the largest float64 is 1.8e308; underflow below −745', () => {
    expect(Math.exp(709)).toBeCloseTo(8.2e307, -306);
    expect(Math.exp(710)).toBe(Infinity);
    expect(OVERFLOW_EXPONENT).toBeCloseTo(709.78, 2);
    expect((Number.MAX_VALUE / 1e308).toFixed(1)).toBe('1.8');
    expect(UNDERFLOW_EXPONENT).toBeCloseTo(-745.13, 2);
    expect(Math.exp(-746)).toBe(0);
  });

  test("the cell's table: [709, 709, 709] gives zeros (3e^709 ≈ 2.5e308 overflows), ±1000 give NaN, the stable side (0.731, 0.269, 0) and (0.5, 0.5)", async () => {
    const { output, error } = await run(cellOf(LESSON, 'overflow').code);
    expect(error).toBeUndefined();
    const rows = output.filter((entry) => entry.kind === 'table')[0].rows;
    const byLogits = Object.fromEntries(rows.map((row) => [row[1], row.slice(2)]));
    expect(byLogits['709, 708']).toEqual(['0.731, 0.269', '0.731, 0.269']);
    expect(byLogits['709, 709, 709']).toEqual(['0.00, 0.00, 0.00', '0.333, 0.333, 0.333']);
    expect(byLogits['1000, 999, -1000']).toEqual(['NaN, NaN, 0.00', '0.731, 0.269, 0.00']);
    expect(byLogits['-1000, -1000']).toEqual(['NaN, NaN', '0.500, 0.500']);
    expect(3 * Math.exp(709)).toBe(Infinity);
    expect((3 * (Math.exp(709) / 1e308)).toFixed(1)).toBe('2.5'); // 3e^709 / 1e308, computed without overflow
    expect(Math.exp(709) + Math.exp(708)).toBeLessThan(Number.MAX_VALUE);
  });

  test('exactly 1 and exactly 0: spacing 2^-52 ≈ 2.2e-16, half 1.1e-16; (36, 0), (37, 0), (745, 0), (746, 0)', () => {
    expect(2 ** -52).toBeCloseTo(2.2e-16, 17);
    expect(2 ** -53).toBeCloseTo(1.1e-16, 17);
    expect(Math.exp(-36)).toBeCloseTo(2.3e-16, 17);
    expect(softmax([36, 0])[0]).toBe(0.9999999999999998);
    expect(softmax([36, 0])[0]).toBe(1 - 2 ** -52);
    expect(softmax([37, 0])[0]).toBe(1);
    expect(softmax([37, 0])[1]).toBeCloseTo(8.5e-17, 18);
    expect(Math.exp(-37)).toBeCloseTo(8.5e-17, 18);
    expect(softmax([745, 0])[1]).toBeGreaterThan(0);
    expect(softmax([746, 0])[1]).toBe(0);
    expect(Number.MIN_VALUE.toPrecision(2)).toBe('4.9e-324');
  });

  test('two float64 steps below 1: the spacing below 1 is 2^-53, and 1 − 2^-52 = 0.9999999999999998', () => {
    expect(1 - 2 ** -53).toBeLessThan(1);
    expect(1 - 2 ** -53 - 2 ** -53).toBe(1 - 2 ** -52);
    expect(1 - 2 ** -52).toBe(0.9999999999999998);
    expect(softmax([36, 0])[0].toFixed(3)).toBe('1.000'); // the widget's three decimals hide it
  });

  test('exactly 0: below half the smallest subnormal, 2.47e-324, i.e. exponents below about −745.13; e^-745 ≈ 2.8e-324 rounds up to 4.9e-324', () => {
    expect(((Number.MIN_VALUE * 1e300) / 2).toPrecision(3)).toBe('2.47e-24'); // MIN_VALUE / 2, scaled to stay normal
    expect(UNDERFLOW_EXPONENT.toFixed(2)).toBe('-745.13');
    expect(Math.exp(-745.13)).toBe(Number.MIN_VALUE);
    expect(Math.exp(-745.14)).toBe(0);
    expect((10 ** (-745 / Math.LN10 + 324)).toFixed(1)).toBe('2.8'); // e^-745 = 2.8 × 10^-324
    expect(Math.exp(-745)).toBe(Number.MIN_VALUE);
    expect(softmax([745, 0])[1]).toBe(Number.MIN_VALUE);
  });

  test('z − m is one rounding, not exact: (0.1 − 1000) + 1000 = 0.10000000000002274, an error in the 17th digit of −999.9', () => {
    expect(0.1 - 1000 + 1000).toBe(0.10000000000002274);
    const error = 0.1 - 1000 + 1000 - 0.1; // adding 1000 back is exact, so this is the rounding of 0.1 − 1000
    expect(error).toBeGreaterThan(1e-14);
    expect(error).toBeLessThan(1e-13);
  });

  test('log of a rounded 0 is −Infinity; log-softmax of (1000, 0) is (0, −1000)', () => {
    expect(Math.log(softmax([1000, 0])[1])).toBe(-Infinity);
    expect(logSoftmax([1000, 0])).toEqual([0, -1000]);
  });

  test('the graded cell: the solution passes, the starter fails (both also run in lesson-cells)', async () => {
    const cell = cellOf(LESSON, 'stable-softmax');
    expect(cell.check).toBe('stable-softmax');
    const solved = await run(cell.solution ?? '', 'stable-softmax');
    expect(solved.checks?.every((check) => check.passed)).toBe(true);
  });
});

describe('lesson 4, temperature and entropy', () => {
  const TABLE: [number, number[], number][] = [
    [0.1, [1, 0, 0, 0], 0], // its entropy, 0.0005 to four decimals, is pinned below
    [0.5, [0.862, 0.117, 0.019, 0.002], 0.468],
    [1, [0.638, 0.235, 0.095, 0.032], 0.961],
    [2, [0.451, 0.274, 0.174, 0.101], 1.249],
    [10, [0.288, 0.261, 0.238, 0.213], 1.38],
    [100, [0.254, 0.251, 0.249, 0.246], 1.386],
  ];

  test.each(TABLE)('at T = %s the table row and its entropy', (t, probabilities, nats) => {
    const result = widget({ t });
    expect(rounded(result.probabilities, 3)).toEqual(probabilities);
    expect(Number(result.entropyNats.toFixed(3))).toBe(nats);
  });

  test('T = 0.1: 0.99995, 0.000045, 5.6e-9, 9.4e-14 and 0.0005 nats', () => {
    const result = widget({ t: 0.1 });
    const [p1, p2, p3, p4] = result.probabilities;
    expect(p1.toFixed(5)).toBe('0.99995');
    expect(p2.toFixed(6)).toBe('0.000045');
    expect(p3.toPrecision(2)).toBe('5.6e-9');
    expect(p4.toPrecision(2)).toBe('9.4e-14');
    expect(result.entropyNats.toFixed(4)).toBe('0.0005');
  });

  test("the slider's ends: at 0.01, p1 is exactly 1 and p2 3.7e-44; at 100 every class within 0.4 points of 1/4", () => {
    const cold = widget({ t: 0.01 }).probabilities;
    expect(cold[0]).toBe(1);
    expect(cold[1].toPrecision(2)).toBe('3.7e-44');
    const hot = widget({ t: 100 }).probabilities;
    expect(Math.max(...hot.map((p) => Math.abs(p - 0.25)))).toBeLessThan(0.004);
  });

  test('the exercise: T = 2 / ln 9 ≈ 0.910 gives 0.9; at T = 1, σ(2) ≈ 0.881', () => {
    const t = 2 / Math.log(9);
    expect(t.toFixed(3)).toBe('0.910');
    expect(softmax([2 / t, 0])[0]).toBeCloseTo(0.9, 14);
    expect(sigmoid(2).toFixed(3)).toBe('0.881');
  });

  test('entropy: 0.961 nats at the start, ln 4 ≈ 1.386 nats = 2 bits at most, about 70% of the way (0.69)', () => {
    expect(widget().entropyNats.toFixed(3)).toBe('0.961');
    expect(Math.log(4).toFixed(3)).toBe('1.386');
    expect(widget({ z1: 0, z2: 0, z3: 0, z4: 0 }).entropyBits).toBeCloseTo(2, 14);
    expect((0.961 / 1.386).toFixed(2)).toBe('0.69');
    expect((widget().entropyNats / Math.log(4)).toFixed(2)).toBe('0.69');
    expect(entropy(logSoftmax([5, 0, 0, 0]))).toBeLessThan(Math.log(4));
  });
});

describe('lesson 4, two classes, the Jacobian and the gradient', () => {
  test('two classes are σ of the difference; the self-check: (3, 1) and (102, 100) give σ(2) ≈ 0.881', () => {
    for (const [a, b] of [[3, 1], [102, 100], [-4, 2.5], [0.3, 0.3]]) expect(softmax([a, b])[0]).toBeCloseTo(sigmoid(a - b), 15);
    expect(softmax([3, 1])[0].toFixed(3)).toBe('0.881');
  });

  test('the Jacobian: diagonal 0.231, 0.180, 0.086, 0.031; the largest off-diagonal −p1 p2 ≈ −0.150; rows sum to 0', () => {
    const { jacobian, probabilities } = widget();
    expect(rounded(jacobian.map((row, i) => row[i]), 3)).toEqual([0.231, 0.18, 0.086, 0.031]);
    const off = jacobian.flatMap((row, i) => row.filter((_, j) => j !== i));
    expect(Math.min(...off)).toBe(jacobian[0][1]);
    expect(jacobian[0][1]).toBeCloseTo(-probabilities[0] * probabilities[1], 15);
    expect(jacobian[0][1].toFixed(3)).toBe('-0.150');
    for (const row of jacobian) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 15);
    jacobian.forEach((row, i) => row.forEach((value, j) => expect(value).toBe(jacobian[j][i])));
  });

  test('the Jacobian fades at T = 0.1: every entry below 1e-4 in size', () => {
    expect(Math.max(...widget({ t: 0.1 }).jacobian.flat().map(Math.abs))).toBeLessThan(1e-4);
  });

  test('the exercise: the diagonal sums to 1 − Σp² ≤ 1 − 1/K, reached at uniform (0.75 for K = 4)', () => {
    const trace = (z: number[]) => widget({ z1: z[0], z2: z[1], z3: z[2], z4: z[3] }).jacobian.reduce((sum, row, i) => sum + row[i], 0);
    expect(trace([0, 0, 0, 0])).toBeCloseTo(0.75, 15);
    expect(trace([2, 1, 0.1, -1])).toBeLessThan(0.75);
  });

  test('cross-entropy 0.449 nats with class 1 true, gradient (−0.362, 0.235, 0.095, 0.032) summing to 0, and central differences agree', () => {
    const result = widget();
    expect(result.crossEntropy.toFixed(3)).toBe('0.449');
    expect(-Math.log(0.638)).toBeCloseTo(0.449, 3);
    expect(rounded(result.gradient, 3)).toEqual([-0.362, 0.235, 0.095, 0.032]);
    expect(result.gradient.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 15);
    const z = [2, 1, 0.1, -1];
    const loss = (v: number[]) => -logSoftmax(v)[0];
    z.forEach((_, i) => {
      const h = 1e-6;
      const up = z.map((v, j) => (j === i ? v + h : v));
      const down = z.map((v, j) => (j === i ? v - h : v));
      expect((loss(up) - loss(down)) / (2 * h)).toBeCloseTo(result.gradient[i], 8);
    });
  });

  test('the self-check: p = (0.7, 0.2, 0.1), class 2 true, gives ∂L/∂z2 = −0.8', () => {
    const p = [0.7, 0.2, 0.1];
    const z = p.map(Math.log);
    expect(softmax(z)[1] - 1).toBeCloseTo(-0.8, 14);
  });

  test('z1 = 1000 with class 2 true: the widget shows 999 nats, while the log of its rounded p2 is −Infinity', () => {
    const result = widget({ z1: 1000, y: '2' });
    expect(result.crossEntropy).toBe(999);
    expect(result.crossEntropy.toFixed(3)).toBe('999.000');
    expect(result.probabilities[1]).toBe(0);
    expect(Math.log(result.probabilities[1])).toBe(-Infinity);
  });

  test('a softmax before the loss: at uniform its Jacobian is (1/K)(I − 11ᵀ/K), so the gradient is 1/K as large; the loss stays above ln(1 + (K − 1)/e), 1.46 for K = 10, 0.31 for K = 2', () => {
    for (const K of [2, 4, 10]) {
      const uniform = Array.from({ length: K }, () => 1 / K);
      softmaxJacobian(uniform).forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(((i === j ? 1 : 0) - 1 / K) / K, 15)));
      // the gradient of −log softmax(p)_1 with respect to the logits, through the extra softmax, against the plain one at equal logits
      const inner = softmax(new Array(K).fill(0));
      const outer = softmax(inner);
      const plain = outer.map((q, i) => q - (i === 0 ? 1 : 0));
      const through = softmaxJacobian(inner).map((_, j) => inner.reduce((sum, _p, i) => sum + softmaxJacobian(inner)[i][j] * plain[i], 0));
      through.forEach((g, i) => expect(g).toBeCloseTo(plain[i] / K, 15));
      // the best the extra softmax can hand the loss is one-hot probabilities: inputs 1 and 0
      const best = -logSoftmax([1, ...new Array(K - 1).fill(0)])[0];
      expect(best).toBeCloseTo(Math.log(1 + (K - 1) / Math.E), 14);
    }
    expect(Math.log(1 + 9 / Math.E).toFixed(2)).toBe('1.46');
    expect(Math.log(1 + 1 / Math.E).toFixed(2)).toBe('0.31');
  });
});

describe('lesson 4, the cost of many classes and the exercises', () => {
  test("GPT-2's sizes: 768 × 50,257 = 38,597,376 multiply-adds (38.6 million weights), against 50,257 exponentials; the cell's matrix 2.56 million", () => {
    expect(768 * 50257).toBe(38597376);
    expect((768 * 50257) / 1e6).toBeCloseTo(38.6, 1);
    expect((256 * 10000) / 1e6).toBe(2.56);
  });

  test("the cell's counts: 2,560,000 multiply-adds against 10,000 exponentials, a factor of d = 256", async () => {
    const { output, error } = await run(cellOf(LESSON, 'class-cost').code);
    expect(error).toBeUndefined();
    const rows = tableNumbers(output, 0);
    expect(rows.map((row) => row[2])).toEqual([2560000, 10000]);
    expect(rows[0][2] / rows[1][2]).toBe(256);
    expect(rows.every((row) => row[3] >= 0)).toBe(true);
  });

  test('softmax(1, 2, 3) ≈ (0.090, 0.245, 0.665), sum of exponentials 30.193; (101, 102, 103) the same', () => {
    expect(rounded(softmax([1, 2, 3]), 3)).toEqual([0.09, 0.245, 0.665]);
    expect([1, 2, 3].map(Math.exp).reduce((a, b) => a + b, 0)).toBeCloseTo(30.193, 3);
    expect(rounded([1, 2, 3].map(Math.exp), 3)).toEqual([2.718, 7.389, 20.086]);
    softmax([101, 102, 103]).forEach((p, i) => expect(p).toBeCloseTo(softmax([1, 2, 3])[i], 14));
  });

  test('the cat-and-dog exercise: neither 0.48 passes 0.5 and the three sum to 1', () => {
    expect(0.48 + 0.48 + 0.04).toBeCloseTo(1, 15);
  });
});
