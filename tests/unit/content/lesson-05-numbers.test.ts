import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loss } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { accuracy, boundaryOf, evaluate, lossValue, type DescentLoss } from '../../../src/widgets/loss-descent/classifier.ts';
import { articleExample, dataOf, descend, marksOf, zeroOneJumps } from '../../../src/widgets/loss-descent/model.ts';
import { SCHEMA, type DescentState } from '../../../src/widgets/loss-descent/state.ts';

// The numbers lesson 5 states about the loss-descent widget, its data and the losses, computed
// with the widget's own model on its defaults and with the course's library, and each found in
// the lesson's text, so that the two cannot drift apart. The cells' own outputs are pinned in
// lesson-05-cells.test.ts.

const LESSON = '05-what-a-loss-measures.mdx';
const source = readFileSync(new URL(`../../../content/lessons/${LESSON}`, import.meta.url), 'utf8');
/** Asserts the lesson says `text`, word for word. */
const says = (text: string) => expect(source, `the lesson says "${text}"`).toContain(text);

const start: DescentState = defaultState(SCHEMA);
const data = dataOf(start);
const at = (id: DescentLoss, w: number, b: number) => lossValue(data, id, w, b);
const fixed = (value: number, digits: number) => value.toFixed(digits);

describe('lesson 5, the widget’s data and start', () => {
  test('20 points from seed 1, classes around −1 and +1 with spread 0.6; w = −2, b = 1: boundary at 0.5, 18 of 20 wrong (10% right)', () => {
    expect([start.seed, start.size, start.w, start.b, start.lr, start.loss]).toEqual([1, 20, -2, 1, 0.5, 'bce']);
    expect(boundaryOf(-2, 1)).toBe(0.5);
    expect(accuracy(data, -2, 1)).toBe(0.1);
    expect(at('zero_one', -2, 1)).toBe(0.9);
    says('20 points from seed 1');
    says('It starts at $w = -2$, $b = 1$');
    says('standard deviation of 0.6');
    says('the boundary is at $x = 0.5$, the wrong way round, so 18 of the 20 points are misclassified (10% right)');
  });

  test('the gap between the classes: the last class-0 point at −0.727, the first class-1 point at −0.123', () => {
    const class0 = data.x.filter((_, i) => data.labels[i] === 0);
    const class1 = data.x.filter((_, i) => data.labels[i] === 1);
    expect(fixed(Math.max(...class0), 3)).toBe('-0.727');
    expect(fixed(Math.min(...class1), 3)).toBe('-0.123');
    says('just right of the class-0 point at $-0.727$');
    says('at $w = 8.1$, the twentieth point, at $x = -0.123$, goes to the wrong side');
    expect(fixed(-1 / Math.min(...class1), 1)).toBe('8.1');
  });
});

describe('lesson 5, the try-this list', () => {
  test('1: BCE 2.535 → 0.064, w = 3.62, b = 0.61, every point right; ∂L/∂w ≈ −1.050 at the start', () => {
    const run = descend(start, 'bce');
    const last = run.path.at(-1)!;
    expect([fixed(run.path[0].loss, 3), fixed(last.loss, 3), fixed(last.w, 2), fixed(last.b, 2)]).toEqual(['2.535', '0.064', '3.62', '0.61']);
    expect(last.accuracy).toBe(1);
    const [bce] = marksOf(start, ['bce']);
    expect(fixed(bce.gradient.w, 3)).toBe('-1.050');
    says('Its value falls from 2.535 to 0.064 in 100 steps');
    says('($w = 3.62$, $b = 0.61$)');
    says('$\\partial L / \\partial w \\approx -1.050$');
  });

  test('2: under 0-1 loss nothing moves, the loss stays 0.9, and the widget’s sentence is quoted exactly', () => {
    const run = descend(start, 'zero_one');
    expect(run.moved).toBe(false);
    expect(run.path.at(-1)!.loss).toBe(0.9);
    says(`"${run.stuck}"`);
    says('The loss stays at 0.9.');
  });

  test('3: perceptron 2.385 → 0 at step 6, boundary at −0.38 (w = 0.40, b = 0.15); hinge 3.326 → 0.024, w = 2.52, b = 0.83', () => {
    const perceptron = descend(start, 'perceptron').path;
    expect(fixed(perceptron[0].loss, 3)).toBe('2.385');
    expect(perceptron.findIndex((point) => point.loss === 0)).toBe(6);
    expect(perceptron[6].accuracy).toBe(1);
    const end = perceptron.at(-1)!;
    expect([fixed(end.w, 2), fixed(end.b, 2), fixed(boundaryOf(end.w, end.b)!, 2)]).toEqual(['0.40', '0.15', '-0.38']);
    const hinge = descend(start, 'hinge').path;
    expect([fixed(hinge[0].loss, 3), fixed(hinge.at(-1)!.loss, 3), fixed(hinge.at(-1)!.w, 2), fixed(hinge.at(-1)!.b, 2)]).toEqual(['3.326', '0.024', '2.52', '0.83']);
    says('From 2.385 the loss reaches exactly 0 at step 6');
    says('the boundary stops dead at $x = -0.38$');
    says('every point right, and then');
    says('goes from 3.326 to 0.024 and ends at $w = 2.52$, $b = 0.83$');
  });

  test('4: at w = 2, b = 1.4 puts the boundary at −0.7; every b from 0.25 to 1.45 gets all right; BCE 0.215 at b = 1.4, 0.146 at b = 0.3', () => {
    expect(boundaryOf(2, 1.4)).toBeCloseTo(-0.7, 12);
    expect(boundaryOf(2, 0.3)).toBeCloseTo(-0.15, 12);
    for (let step = 25; step <= 145; step++) expect(at('zero_one', 2, step / 100)).toBe(0);
    expect(at('zero_one', 2, 0.24)).toBe(0.05);
    expect(at('zero_one', 2, 1.46)).toBe(0.05);
    expect(fixed(at('bce', 2, 1.4), 3)).toBe('0.215');
    expect(fixed(at('bce', 2, 0.3), 3)).toBe('0.146');
    says('binary cross-entropy falls from 0.215 to 0.146');
    says('[Set $w = 2$ and $b = 1.4$](?descent.w=2&descent.b=1.4#see-it-for-yourself), which puts the boundary at $x = -0.7$');
    says('to about $x = -0.15$, or [set $b = 0.3$](?descent.w=2&descent.b=0.3#see-it-for-yourself)');
  });

  test('60 points under the perceptron loss: the classes overlap, the loss heads for 0 while w shrinks to 0.043', () => {
    const sixty = { ...start, size: 60 };
    const run = descend(sixty, 'perceptron').path;
    const last = run.at(-1)!;
    expect(fixed(last.w, 3)).toBe('0.043');
    expect(last.loss).toBeLessThan(0.001);
    expect(last.loss).toBeLessThan(run[0].loss / 1000);
    expect(Math.abs(last.w)).toBeLessThan(Math.abs(run[50].w));
    says('to 0.04 after 100 steps');
  });
});

describe('lesson 5, the 0-1 staircase', () => {
  const jumps = zeroOneJumps(data, 1, -5, 5);

  test('19 jumps between w = −5 and 5 at b = 1, each of 0.05; 0.95 on the far left, 0 from w = 1.376 on', () => {
    expect(jumps).toHaveLength(19);
    for (const jump of jumps) expect(Math.abs(at('zero_one', jump - 1e-9, 1) - at('zero_one', jump + 1e-9, 1))).toBeCloseTo(0.05, 12);
    expect(at('zero_one', -5, 1)).toBeCloseTo(0.95, 15);
    expect(fixed(jumps.at(-1)!, 3)).toBe('1.376');
    expect(at('zero_one', 1.377, 1)).toBe(0);
    expect(at('zero_one', 5, 1)).toBe(0);
    says('$1/20 = 0.05$');
    says("the widget's data has 19 of them");
    says('down to 0 from $w = 1.376$');
    says('from 0.95 on the far left, through 0.9 at the start');
  });

  test('the start lies on a tread between the jumps at −2.400 and −1.353; the gradient there is 0', () => {
    expect(fixed(jumps[0], 3)).toBe('-2.400');
    expect(fixed(jumps[1], 3)).toBe('-1.353');
    expect(evaluate(data, 'zero_one', -2, 1).gradient).toEqual({ w: 0, b: 0, defined: true });
    says('between the jumps at $w \\approx -2.400$ and $w \\approx -1.353$');
  });

  test('not convex: 0.95 at w = −5 and at w = −2.5, 0.5 at w = 0, so the chord at −2.5 is 0.725, below the loss', () => {
    expect(at('zero_one', -5, 1)).toBeCloseTo(0.95, 15);
    expect(at('zero_one', -2.5, 1)).toBeCloseTo(0.95, 15);
    expect(at('zero_one', 0, 1)).toBe(0.5);
    expect((0.95 + 0.5) / 2).toBeCloseTo(0.725, 15);
    says('the chord at $w = -2.5$ is at 0.725');
    says('at $b = 1$ the loss is 0.95 at $w = -5$ and 0.5 at $w = 0$');
    says('the loss there is 0.95, above it');
  });

  test('the surrogates are convex in (w, b) on the widget’s data: midpoints never above the chord', () => {
    const points = Array.from({ length: 200 }, (_, i) => [Math.sin(i) * 5, Math.cos(3 * i) * 5] as const);
    for (const id of ['perceptron', 'hinge', 'bce'] as const) {
      for (let i = 0; i + 1 < points.length; i += 2) {
        const [[w1, b1], [w2, b2]] = [points[i], points[i + 1]];
        const middle = at(id, (w1 + w2) / 2, (b1 + b2) / 2);
        expect(middle).toBeLessThanOrEqual((at(id, w1, b1) + at(id, w2, b2)) / 2 + 1e-12);
      }
    }
  });
});

describe('lesson 5, the four predictions', () => {
  const rows = articleExample();

  test('0-1: 1, 0, 1, 0; cross-entropy 0.713, 0.673, 4.605, 0.010 nats; squared error 0.260, 0.240, 0.980, 0.0001; hinge 1.040, 0.960, 5.595, 0', () => {
    expect(rows.map((row) => row.zeroOne)).toEqual([1, 0, 1, 0]);
    expect(rows.map((row) => fixed(row.crossEntropy, 3))).toEqual(['0.713', '0.673', '4.605', '0.010']);
    expect(rows.map((row) => fixed(row.squaredError, 3))).toEqual(['0.260', '0.240', '0.980', '0.000']);
    expect(fixed(rows[3].squaredError, 4)).toBe('0.0001');
    expect(rows.map((row) => fixed(row.hinge, 3))).toEqual(['1.040', '0.960', '5.595', '0.000']);
    expect(rows[3].hinge).toBe(0);
    says('| 0.49 | 0, wrong | 1 | 0.713 | 0.260 | 1.040 |');
    says('| 0.51 | 1, right | 0 | 0.673 | 0.240 | 0.960 |');
    says('| 0.01 | 0, wrong | 1 | 4.605 | 0.980 | 5.595 |');
    says('| 0.99 | 1, right | 0 | 0.010 | 0.0001 | 0 |');
  });

  test('the logits ±0.040 and ±4.595; the confident mistake costs six and a half times the near miss; squared error under four times', () => {
    expect(rows.map((row) => fixed(row.logit, 3))).toEqual(['-0.040', '0.040', '-4.595', '4.595']);
    expect(fixed(rows[2].crossEntropy / rows[0].crossEntropy, 1)).toBe('6.5');
    expect(rows[2].squaredError / rows[0].squaredError).toBeGreaterThan(3.5);
    expect(rows[2].squaredError / rows[0].squaredError).toBeLessThan(4);
    says('±0.040 for 0.49 and 0.51, ±4.595 for 0.01 and 0.99');
    says('six and a half times the near miss');
    says('under four times as much as 0.49');
  });

  test('0.5 counts as class 0, so for a true class 1 it costs 1 (the self-check)', () => {
    expect(loss('zero_one').value([1], [0.5 > 0.5 ? 1 : 0])).toBe(1);
  });

  test('the clamp: BCE at p = 0 with y = 1 is 100, and caps every p below e^−100 ≈ 3.7e-44', () => {
    expect(loss('bce').value([1], [0])).toBe(100);
    expect(loss('bce').value([0], [0])).toBe(0);
    expect(Math.exp(-100).toPrecision(2)).toBe('3.7e-44');
    expect(loss('bce').value([1], [1e-50])).toBe(100);
    says('$e^{-100} \\approx 3.7 \\times 10^{-44}$');
  });

  test('the self-check on the mean: (0.2 + 0 + 1.4 + 0.6) / 4 = 0.55', () => {
    expect((0.2 + 0 + 1.4 + 0.6) / 4).toBeCloseTo(0.55, 15);
    says('$(0.2 + 0 + 1.4 + 0.6) / 4 = 2.2 / 4 = 0.55$');
  });
});

describe('lesson 5, the surrogate bounds', () => {
  const margins = Array.from({ length: 20001 }, (_, i) => -10 + i / 1000);
  const zeroOne = (m: number) => (m <= 0 ? 1 : 0);
  const hinge = (m: number) => loss('hinge').value([1], [m]);
  const nats = (m: number) => loss('bce_logits').value([1], [m]);

  test('hinge and logistic in bits never fall below 0-1 loss; logistic in nats is ln 2 ≈ 0.693 at m = 0; the perceptron loss is 0.5 at m = −0.5', () => {
    for (const m of margins) {
      expect(hinge(m)).toBeGreaterThanOrEqual(zeroOne(m));
      expect(nats(m) / Math.LN2).toBeGreaterThanOrEqual(zeroOne(m) - 1e-15);
    }
    expect(fixed(nats(0), 3)).toBe('0.693');
    expect(fixed(1 - Math.LN2, 3)).toBe('0.307');
    expect(Math.max(0, 0.5)).toBe(0.5);
    says('$\\ln 2 \\approx 0.693$ at $m = 0$');
    says('$1 - \\ln 2 \\approx 0.307$');
  });

  test('at the start: hinge 3.326, logistic 2.535 nats = 3.657 bits, both above the error rate 0.9', () => {
    const [zero, , hingeMark, bceMark] = marksOf(start, ['zero_one', 'perceptron', 'hinge', 'bce']);
    expect(fixed(hingeMark.value, 3)).toBe('3.326');
    expect(fixed(bceMark.value, 3)).toBe('2.535');
    expect(fixed(bceMark.value / Math.LN2, 3)).toBe('3.657');
    expect(hingeMark.value).toBeGreaterThan(zero.value);
    says('$2.535 / \\ln 2 = 3.657$ bits');
  });

  test('the mean hinge 0.024 at the end of the hinge run bounds the error rate, which moves in steps of 0.05, so it is 0', () => {
    const end = descend(start, 'hinge').path.at(-1)!;
    expect(fixed(end.loss, 3)).toBe('0.024');
    expect(end.loss).toBeLessThan(1 / 20);
    expect(end.accuracy).toBe(1);
    says('the mean hinge loss is 3.326 and the mean logistic loss 2.535 nats');
    says('above the error rate 0.9');
    says('the mean hinge loss is 0.024, so the error rate is at most 0.024; with 20 points it moves in steps of 0.05');
  });

  test('the logistic loss has second derivative σ(m)σ(−m), positive: central differences agree', () => {
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    for (const m of [-3, -0.5, 0, 1, 4]) {
      const h = 1e-4;
      const second = (nats(m + h) - 2 * nats(m) + nats(m - h)) / (h * h);
      expect(second).toBeCloseTo(sigmoid(m) * sigmoid(-m), 5);
    }
  });
});

describe('lesson 5, the widget runs the lesson explains', () => {
  test('BCE falls at every step while one point slips back from step 24 to step 49', () => {
    const path = descend(start, 'bce').path;
    for (let step = 1; step < path.length; step++) expect(path[step].loss).toBeLessThan(path[step - 1].loss);
    expect(path[23].accuracy).toBe(1);
    expect(path.slice(24, 50).every((point) => point.accuracy === 0.95)).toBe(true);
    expect(path[50].accuracy).toBe(1);
    says('from step 24 to step 49');
  });

  test('hinge rises on some step; BCE’s w is still rising at step 100', () => {
    const hinge = descend(start, 'hinge').path.map((point) => point.loss);
    expect(hinge.some((value, step) => step > 0 && value > hinge[step - 1])).toBe(true);
    const bce = descend(start, 'bce').path;
    expect(bce[100].w).toBeGreaterThan(bce[99].w);
    says('after 100 steps $w = 3.62$ and still rising');
  });

  test('at w = b = 0 the perceptron loss is 0, hinge 1 (the exercise: the widget would not move from there)', () => {
    expect(at('perceptron', 0, 0)).toBe(0);
    expect(at('hinge', 0, 0)).toBe(1);
    says('$w = b = 0$ is no minimum: there every point costs 1');
    expect(descend({ ...start, w: 0, b: 0 }, 'perceptron').moved).toBe(false);
  });

  test('the exercise by hand: from (0, 0) the points (2, +1), (−1, −1) give one update to w = 2, b = 1, boundary −0.5', () => {
    let w = 0;
    let b = 0;
    let updates = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (const [x, y] of [[2, 1], [-1, -1]]) {
        if (y * (w * x + b) <= 0) {
          w += y * x;
          b += y;
          updates++;
        }
      }
    }
    expect([w, b, updates, -b / w]).toEqual([2, 1, 1, -0.5]);
    expect([2 * 2 + 1, 2 * -1 + 1]).toEqual([5, -1]);
    says('$w = 0 + 1 \\cdot 1 \\cdot 2 = 2$, $b = 0 + 1 = 1$');
    says('$s = 2 \\cdot (-1) + 1 = -1$, $y s = (-1)(-1) = 1 > 0$');
    says('the first point has $s = 5$, $y s = 5$');
    says('$x = -b/w = -0.5$');
  });
});
