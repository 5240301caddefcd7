import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { gradientFigure, jacobianFigure, logitsFigure, naiveFigure, probabilityFigure } from '../../../../src/widgets/softmax/figures.ts';
import { computeSoftmax } from '../../../../src/widgets/softmax/model.ts';
import { explanationMarkup, jacobianTableMarkup, readoutMarkup } from '../../../../src/widgets/softmax/readout.ts';
import { SCHEMA, type SoftmaxState } from '../../../../src/widgets/softmax/state.ts';
import { announcement, naiveExplanation } from '../../../../src/widgets/softmax/words.ts';

const state = (changes: Partial<SoftmaxState>): SoftmaxState => ({ ...defaultState(SCHEMA), ...changes });

describe('what the widget says', () => {
  test('explains an overflow in the issue’s words, with the real exponent', () => {
    const result = computeSoftmax(state({ z1: 1000 }));
    expect(naiveExplanation(result)).toBe(
      'e^1000 is larger than the largest float64 number, 1.8 × 10^308, so it becomes Infinity, and Infinity / Infinity is NaN; subtracting the largest logit first makes every exponent ≤ 0, so the stable side stays exact.',
    );
    expect(explanationMarkup(result)).toContain('e<sup>1000</sup> is larger than the largest float64 number, 1.8 × 10<sup>308</sup>');
    expect(naiveExplanation(computeSoftmax(state({ z1: 8, t: 0.01 })))).toMatch(/^e\^800 is larger/);
  });

  test('explains an underflow, and says when both sides agree', () => {
    const all = { z1: -1000, z2: -1000, z3: -1000, z4: -1000 };
    expect(naiveExplanation(computeSoftmax(state(all)))).toMatch(/^e\^-1000 and every other term is below half the smallest positive float64 number .* rounds to 0, and 0 \/ 0 is NaN/);
    expect(naiveExplanation(computeSoftmax(state({})))).toMatch(/^Both formulas agree here: the largest exponent, z\/T = 2, is below 709\.78/);
  });

  test('names NaN and Infinity only on the naive side', () => {
    const result = computeSoftmax(state({ z1: 1000, count: 10 }));
    const readout = readoutMarkup(result);
    const [summary] = readout.split('<table');
    expect(summary).not.toMatch(/NaN|Infinity|not a number/);
    expect(readout).toContain('<td>Infinity</td><td>NaN</td>');
    expect(jacobianTableMarkup(result)).not.toMatch(/NaN|Infinity/);
    for (const figure of [logitsFigure, probabilityFigure, jacobianFigure, gradientFigure]) {
      expect(figure(result, 320).ariaDescription).not.toMatch(/NaN|Infinity|not a number|undefined/);
    }
    expect(naiveFigure(result, 320).ariaDescription).toMatch(/class 1 NaN, class 2 0\.000.*One class has no probability: NaN, not a number\./);
    expect(announcement(result)).toMatch(/^Probabilities: class 1 1\.000, class 2 0\.000.*Entropy 0\.00 nats\. The naive formula gives NaN for class 1\.$/);
  });

  test('reads the sum of the stable probabilities as 1.000, and the limits of T', () => {
    const readout = readoutMarkup(computeSoftmax(state({ z2: 2 })));
    expect(readout).toContain('<dd data-value="sum">1.000</dd>');
    expect(readout).toContain('as T → 0, 0.500 each for classes 1, 2 (a tie is split); as T → ∞, uniform, 0.250 each');
  });
});
