import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { exampleMarkup, readoutMarkup } from '../../../../src/widgets/loss-descent/markup.ts';
import { ZERO_ONE_STUCK, articleExample, dataOf, descend, marksOf } from '../../../../src/widgets/loss-descent/model.ts';
import { SCHEMA, type DescentState } from '../../../../src/widgets/loss-descent/state.ts';
import { announcement, descentSummary, partialText, positionSummary, stepsTitle, undefinedWords } from '../../../../src/widgets/loss-descent/words.ts';

const defaults: DescentState = defaultState(SCHEMA);
const data = dataOf(defaults);

describe('the sentence after a descent', () => {
  test('under 0-1 loss: why nothing moved, and that w, b and the mistakes are as they were', () => {
    expect(descentSummary(descend(defaults, 'zero_one'), 100, 20)).toBe(
      `${ZERO_ONE_STUCK} After 100 steps w and b are still -2.00 and 1.00, and 18 of 20 points are still wrong.`,
    );
  });

  test('under BCE from the defaults: the loss, the accuracy and the end point (as measured in model.test.ts)', () => {
    expect(descentSummary(descend(defaults, 'bce'), 100, 20)).toBe(
      '100 steps of gradient descent under Binary cross-entropy: the loss went from 2.535 to 0.064, and 20 of 20 points right (100.0%). Now w = 3.62 and b = 0.61 (the sliders round to 0.01).',
    );
  });

  test('stopped early, and held at the sliders’ edge', () => {
    const text = descentSummary(descend(defaults, 'hinge'), 3, 20);
    expect(text).toMatch(/^Stopped after 3 of 100 steps of gradient descent under Hinge loss: the loss went from 3\.326 to /);
    const start = { ...defaults, w: 5, b: -5, lr: 10, loss: 'hinge' as const };
    const far = descend(start, 'hinge');
    expect(far.path.at(-1)!.w).toBeGreaterThan(5);
    expect(descentSummary(far, 100, 20, { w: 5, b: 2 })).toBe(
      `100 steps of gradient descent under Hinge loss: the loss went from 0.728 to 0.000, and 20 of 20 points right (100.0%), at w = ${far.path.at(-1)!.w.toFixed(2)}, b = 2.00. That is outside the sliders’ range, so w and b are held at its edge: w = 5.00, b = 2.00.`,
    );
  });

  test('the perceptron loss, once every point is right, has gradient 0 and stops, but it did move first', () => {
    const run = descend(defaults, 'perceptron');
    expect(run.stuck).toBeNull();
    expect(descentSummary(run, 100, 20)).toMatch(/from 2\.385 to 0\.000, and 20 of 20 points right/);
  });
});

describe('the readout', () => {
  test('at the defaults every derivative exists and is shown to three decimals', () => {
    const html = readoutMarkup(marksOf(defaults, ['zero_one', 'bce']), positionSummary(data, -2, 1));
    expect(html).toContain('<td>0.900</td><td>0.000</td><td>0.000</td>');
    expect(html).toContain('<td>2.535</td><td>-1.050</td><td>0.119</td>');
    expect(html).not.toContain('undefined-notes');
  });

  test('where a point sits on a jump or a kink, the derivative is "not defined here", with the reason and the convention', () => {
    const marks = marksOf({ ...defaults, w: 0, b: 1 }, ['hinge']);
    expect(marks[0].gradient.defined).toBe(false);
    expect(partialText(marks[0].gradient, 'w')).toBe('not defined here');
    const html = readoutMarkup(marks, '');
    expect(html).toContain('<td>not defined here</td><td>not defined here</td>');
    expect(html).toContain(`Hinge loss: ${undefinedWords('hinge')}.`);
    expect(undefinedWords('hinge')).toMatch(/y·s = 1 exactly.*as PyTorch’s relu\(1 − y·s\) does/);
  });

  test('the line above it, and the announcement', () => {
    expect(positionSummary(data, -2, 1)).toBe('At w = -2.00, b = 1.00: 2 of 20 points right (10.0%); boundary at x = 0.50, class 1 to its left.');
    expect(positionSummary(data, 0, 1)).toMatch(/no boundary \(w = 0\)/);
    expect(announcement(data, -2, 1, marksOf(defaults, ['zero_one', 'bce']))).toBe('w = -2.00, b = 1.00: 2 of 20 points right (10.0%). 0-1 loss 0.900, Binary cross-entropy 2.535.');
  });

  test('the steps charts’ title: a forecast, or the run under way', () => {
    expect(stepsTitle('bce', 0.5, null)).toBe('What 100 steps of gradient descent under Binary cross-entropy would do from here (learning rate 0.5)');
    const start = descend(defaults, 'bce').path[0];
    expect(stepsTitle('bce', 0.5, { start, reached: 7 })).toBe('Gradient descent under Binary cross-entropy from w = -2.00, b = 1.00 (learning rate 0.5): step 7 of 100');
  });
});

describe('the article’s example table', () => {
  const html = exampleMarkup(articleExample());

  test('has a caption and a row per prediction', () => {
    expect(html).toContain('<caption>The article’s example: four predicted probabilities p for one point whose true class is 1</caption>');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(4);
    expect(html).toContain('<th scope="row">0.01</th><td>0</td><td>1</td><td>4.605</td><td>0.980</td><td>-4.595</td><td>5.595</td><td>4.595</td>');
  });

  test('"more than six times": cross-entropy of the confident mistake over the near miss', () => {
    const [nearMiss, , confident] = articleExample();
    const ratio = confident.crossEntropy / nearMiss.crossEntropy;
    expect(ratio).toBeGreaterThan(6);
    expect(ratio).toBeLessThan(7);
    expect(html).toContain('more than six times the near miss');
  });
});
