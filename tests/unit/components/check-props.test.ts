import { describe, expect, test } from 'vitest';
import { checkKind, checkProblems, countChoices, lessonSlugFromPath, type CheckShape } from '../../../src/components/check/props.ts';
import { renderInlineMath } from '../../../src/components/check/inline-math.ts';

const single: CheckShape = { id: 'two-layers', hasQuestion: true, choices: 3, correctChoices: 1 };
const numeric: CheckShape = { id: 'slope', hasQuestion: true, answer: 0.25, tolerance: 0.001, choices: 0, correctChoices: 0 };

describe('checkProblems', () => {
  test('well-formed checks of every kind pass', () => {
    expect(checkProblems(single)).toEqual([]);
    expect(checkProblems(numeric)).toEqual([]);
    expect(checkProblems({ ...single, multiple: true, correctChoices: 2 })).toEqual([]);
    expect(checkProblems({ ...single, predict: true, see: '?explorer.f=step#explorer' })).toEqual([]);
  });

  test('the kind follows the props', () => {
    expect(checkKind(single)).toBe('single');
    expect(checkKind(numeric)).toBe('numeric');
    expect(checkKind({ multiple: true })).toBe('multiple');
    expect(checkKind({ predict: true })).toBe('predict');
  });

  test.each<[string, CheckShape, RegExp]>([
    ['no id', { ...single, id: undefined }, /id is required/],
    ['a bad id', { ...single, id: 'Two Layers' }, /id is required/],
    ['no question', { ...single, hasQuestion: false }, /question/],
    ['no choices and no answer', { ...single, choices: 0, correctChoices: 0 }, /give <Choice> children, or answer/],
    ['no correct choice', { ...single, correctChoices: 0 }, /mark the right option/],
    ['two correct without multiple', { ...single, correctChoices: 2 }, /add multiple/],
    ['numeric without tolerance', { ...numeric, tolerance: undefined }, /needs tolerance/],
    ['a negative tolerance', { ...numeric, tolerance: -1 }, /tolerance must be a number of 0 or more/],
    ['a non-finite answer', { ...numeric, answer: Number.NaN }, /answer must be a finite number/],
    ['numeric with choices', { ...numeric, choices: 2, correctChoices: 1 }, /has no <Choice> children/],
    ['tolerance on a choice check', { ...single, tolerance: 0.1 }, /belong to a numeric check/],
    ['predict without see', { ...single, predict: true }, /a predict check needs see/],
    ['predict with a javascript: link', { ...single, predict: true, see: 'javascript:alert(1)' }, /a predict check needs see/],
    ['see without predict', { ...single, see: '?a=1' }, /see is for predict checks/],
    ['multiple and predict', { ...single, multiple: true, predict: true, see: '#x' }, /cannot be combined/],
  ])('refuses %s', (_name, shape, message) => {
    expect(checkProblems(shape).join(' ')).toMatch(message);
  });
});

test('the lesson slug comes from the page path, under any base', () => {
  expect(lessonSlugFromPath('/lessons/01-why-activation-functions/', '/')).toBe('01-why-activation-functions');
  expect(lessonSlugFromPath('/course/lessons/01-why-activation-functions/', '/course/')).toBe('01-why-activation-functions');
  expect(lessonSlugFromPath('/course/lessons/09-lab-two-moons', '/course')).toBe('09-lab-two-moons');
  expect(lessonSlugFromPath('/scratchpad/', '/')).toBe('scratchpad');
  expect(lessonSlugFromPath('/', '/')).toBe('home');
});

test('choices are counted from the rendered slot', () => {
  const html = '<li class="check-choice" data-check-choice data-correct="false"></li><li class="check-choice" data-check-choice data-correct="true"></li>';
  expect(countChoices(html)).toEqual({ choices: 2, correctChoices: 1 });
  expect(countChoices('')).toEqual({ choices: 0, correctChoices: 0 });
});

describe('renderInlineMath', () => {
  test('typesets $...$ and escapes the rest', () => {
    const html = renderInlineMath("What is $\\sigma'(0)$ <b>?", 'test');
    expect(html).toContain('class="katex"');
    expect(html).toContain('&lt;b&gt;?');
    expect(html.startsWith('What is ')).toBe(true);
  });

  test('a bad formula fails with where it was', () => {
    expect(() => renderInlineMath('see $\\frac{1}$', '<Check id="x"> question')).toThrow(/<Check id="x"> question: the formula \$\\frac\{1\}\$ does not typeset/);
  });
});
