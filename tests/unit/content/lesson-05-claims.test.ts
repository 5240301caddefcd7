import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultState, snapToGrid } from '../../../src/widgets/common/state.ts';
import { boundaryOf, lossValue, predictedClass } from '../../../src/widgets/loss-descent/classifier.ts';
import { dataOf, descend } from '../../../src/widgets/loss-descent/model.ts';
import { SCHEMA, type DescentState } from '../../../src/widgets/loss-descent/state.ts';
import { positionSummary } from '../../../src/widgets/loss-descent/words.ts';

// More of lesson 5's sentences, each computed here and found in the lesson's text: the tie
// convention, where cross-entropy stops in the gap, hinge's second run, Novikoff's bound, the
// 60-point run as the widget shows it, and the constants of the graded check. The rest of the
// lesson's numbers are pinned in lesson-05-numbers.test.ts and lesson-05-cells.test.ts.

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const source = read('../../../content/lessons/05-what-a-loss-measures.mdx');
/** Asserts the lesson says `text`, word for word. */
const says = (text: string) => expect(source, `the lesson says "${text}"`).toContain(text);

const start: DescentState = defaultState(SCHEMA);
const data = dataOf(start);
const signs = data.labels.map((label) => (label === 1 ? 1 : -1));
/** Where descent leaves w and b in the widget: on the sliders' grid. */
const onSliders = (point: { w: number; b: number }) => ({ w: snapToGrid(SCHEMA.w, point.w), b: snapToGrid(SCHEMA.b, point.b) });

describe('lesson 5, ties', () => {
  test('this lesson calls s = 0 class 0; lesson 1’s form (class 1 at s ≥ 0) ends the exercise at w = 1, b = −1, boundary x = 1', () => {
    expect(predictedClass(0)).toBe(0);
    says('here a tie goes to class 0, as in the widget');
    let w = 0;
    let b = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (const [x, y] of [[2, 1], [-1, 0]]) {
        const predicted = w * x + b >= 0 ? 1 : 0;
        w += (y - predicted) * x;
        b += y - predicted;
      }
    }
    expect([w, b, -b / w]).toEqual([1, -1, 1]);
    says('updates on the second to $w = 1$, $b = -1$, and stops with the boundary at $x = 1$');
    says('The boundary is at $x = -b/w = -0.5$');
  });
});

describe('lesson 5, where the losses stop', () => {
  test('at w = 2 cross-entropy is lowest at b ≈ 0.248, a boundary at x ≈ −0.124, and its best boundary moves inward as w grows', () => {
    const bestBoundary = (w: number) => {
      let best = { b: 0, value: Infinity };
      for (let i = 0; i <= 40000; i++) {
        const b = (i / 40000) * 10;
        const value = lossValue(data, 'bce', w, b);
        if (value < best.value) best = { b, value };
      }
      return -best.b / w;
    };
    expect(bestBoundary(2).toFixed(3)).toBe('-0.124');
    says('its lowest point is at about $x = -0.124$, right against the class-1 point at $-0.123$');
    const inward = [2, 3.62, 10, 20].map(bestBoundary);
    for (let i = 1; i < inward.length; i++) expect(inward[i]).toBeLessThan(inward[i - 1]);
  });

  test('perceptron: the widget puts w, b on the grid at 0.40, 0.15, where its readout says x = −0.37', () => {
    const end = onSliders(descend(start, 'perceptron').path.at(-1)!);
    expect(end).toEqual({ w: 0.4, b: 0.15 });
    expect(positionSummary(data, end.w, end.b)).toContain('boundary at x = -0.37');
    says('$w = 0.40$, $b = 0.15$, where its readout says $x = -0.37$');
  });

  test('hinge is above 0 at every one of the 100 steps; pressed again from (2.52, 0.83) it reaches 0 at step 89 at x ≈ −0.43, every margin at least 1; one run reaches 0 at step 185', () => {
    const first = descend(start, 'hinge').path;
    expect(first.every((point) => point.loss > 0)).toBe(true);
    says('hinge is still above 0 after all 100 steps');
    const again = descend({ ...start, ...onSliders(first.at(-1)!) }, 'hinge').path;
    expect(again.findIndex((point) => point.loss === 0)).toBe(89);
    const end = again.at(-1)!;
    expect(boundaryOf(end.w, end.b)!.toFixed(2)).toBe('-0.43');
    const stopped = onSliders(end);
    expect(positionSummary(data, stopped.w, stopped.b)).toContain('boundary at x = -0.43');
    expect(Math.min(...data.x.map((x, i) => signs[i] * (end.w * x + end.b)))).toBeGreaterThanOrEqual(1);
    says('hinge reaches 0 at step 89 and stops');
    says('at $x \\approx -0.43$, near the middle of the gap');
    expect(descend(start, 'hinge', 300).path.findIndex((point) => point.loss === 0)).toBe(185);
    says('one run of 185 steps would get there too');
  });

  test('beyond w = 8.1 at b = 1 the twentieth point goes wrong and the 0-1 loss is back to 0.05', () => {
    expect(lossValue(data, 'zero_one', 8, 1)).toBe(0);
    expect(lossValue(data, 'zero_one', 8.2, 1)).toBeCloseTo(0.05, 15);
    says('down to 0 from $w = 1.376$ to the edge of the range');
    says('the twentieth point, at $x = -0.123$, goes to the wrong side and the loss is back to 0.05');
  });

  test('60 points under the perceptron loss: w from −2 to 0.31 in 6 steps, then shrinking, 0.04 on the slider, 58 of 60 right', () => {
    const path = descend({ ...start, size: 60 }, 'perceptron').path;
    expect(path[0].w).toBe(-2);
    expect(path[6].w.toFixed(2)).toBe('0.31');
    for (let step = 7; step < path.length; step++) expect(path[step].w).toBeLessThan(path[step - 1].w);
    expect(onSliders(path.at(-1)!).w).toBe(0.04);
    expect(Math.round(path.at(-1)!.accuracy * 60)).toBe(58);
    says('($w$ from −2 to 0.31)');
    says('to 0.04 after 100 steps, with 58 of the 60 points right');
  });

  test('the best single boundary on the 60 points makes 2 mistakes', () => {
    const sixty = dataOf({ ...start, size: 60 });
    const sorted = [...sixty.x].sort((p, q) => p - q);
    const cuts = [sorted[0] - 1, ...sorted.slice(1).map((x, i) => (x + sorted[i]) / 2), sorted.at(-1)! + 1];
    const wrong = (cut: number, side: 1 | -1) => sixty.x.filter((x, i) => (side * (x - cut) > 0 ? 1 : 0) !== sixty.labels[i]).length;
    expect(Math.min(...cuts.flatMap((cut) => [wrong(cut, 1), wrong(cut, -1)]))).toBe(2);
    says('4 mistakes in every pass, though the best boundary makes only 2');
  });
});

describe('lesson 5, Novikoff’s bound on the widget’s 20 points', () => {
  test('γ ≈ 0.278 for the best unit (w, b), R ≈ 2.477, bound (R/γ)² = 79', () => {
    let gamma = -Infinity;
    for (let i = 0; i < 200000; i++) {
      const angle = (i / 200000) * 2 * Math.PI;
      const [w, b] = [Math.cos(angle), Math.sin(angle)];
      gamma = Math.max(gamma, Math.min(...data.x.map((x, j) => signs[j] * (w * x + b))));
    }
    const radius = Math.max(...data.x.map((x) => Math.hypot(x, 1)));
    expect([gamma.toFixed(3), radius.toFixed(3), Math.floor((radius / gamma) ** 2)]).toEqual(['0.278', '2.477', 79]);
    says('$\\gamma \\approx 0.278$, $R \\approx 2.477$ and the bound is 79; the cell\'s run makes 5');
  });
});

describe('lesson 5, constants the text states', () => {
  test('the graded check: 1,000 seeded random pairs, to within 1e-9; the clamp at −100', () => {
    const check = read('../../../src/cells/checks/four-predictions.ts');
    expect(check).toContain('samplePoints(1000,');
    expect(check).toContain('TOLERANCE = 1e-9');
    says('at 1,000 seeded random pairs, to within $10^{-9}$');
    says('clamps each logarithm at $-100$ before it is multiplied, so that a certain mistake costs 100');
  });

  test('the self-checks’ answers: 0.55 for the mean, 0 for the staircase’s slope', () => {
    says('answer={0.55}');
    says('answer={0} tolerance={0.0005} explanation="$w = -2$ lies on a tread');
  });

  test('lesson 1’s step read 500,000: a jump of 1 over 2h with h = 1e-6', () => {
    expect(1 / (2 * 1e-6)).toBeCloseTo(500000, 6);
    says('as lesson 1\'s step read 500,000');
  });
});
