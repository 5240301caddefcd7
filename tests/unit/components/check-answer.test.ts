import { describe, expect, test } from 'vitest';
import { choiceSummary, judgeChoices, judgeNumber, optionId, parseNumber } from '../../../src/components/check/answer.ts';

describe('parseNumber', () => {
  test.each([
    ['0.25', 0.25],
    ['.25', 0.25],
    [' 0.25 ', 0.25],
    ['2.5e-1', 0.25],
    ['25E-2', 0.25],
    ['1/4', 0.25],
    ['1 / 4', 0.25],
    ['-3', -3],
    ['\u22120.5', -0.5],
    ['- 0.5', -0.5],
    ['+2', 2],
    ['3.', 3],
  ])('reads %j as %d', (typed, value) => {
    expect(parseNumber(typed)).toEqual({ ok: true, value });
  });

  test.each([
    ['', 'Type a number first.'],
    ['   ', 'Type a number first.'],
    ['0,25', 'Use a point for the decimals, as in 0.25.'],
    ['1/0', 'A fraction cannot divide by zero.'],
    ['1e999', 'That number is too large to check.'],
  ])('refuses %j with its own message', (typed, message) => {
    expect(parseNumber(typed)).toEqual({ ok: false, message });
  });

  test.each(['abc', 'NaN', 'Infinity', '0x10', '1..2', '1/4/2', '1.5/2', 'e5', '.', '--1', '0.25abc'])('refuses garbage %j, never a NaN', (typed) => {
    const parsed = parseNumber(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/not a number/);
  });
});

describe('judgeNumber', () => {
  test('inside the tolerance is right, and its edge counts despite float noise', () => {
    expect(judgeNumber(0.25, 0.25, 0.001)).toBe('right');
    expect(judgeNumber(0.251, 0.25, 0.001)).toBe('right');
    expect(judgeNumber(0.1 + 0.2, 0.3, 0)).toBe('right');
  });

  test('outside it says which way the answer is off', () => {
    expect(judgeNumber(0.3, 0.25, 0.001)).toBe('too-high');
    expect(judgeNumber(0.2, 0.25, 0.001)).toBe('too-low');
  });
});

describe('judgeChoices', () => {
  test('right only when the chosen set equals the correct set', () => {
    expect(judgeChoices(['b'], ['b'])).toEqual({ correct: true, wrongChosen: 0, missed: 0 });
    expect(judgeChoices(['a'], ['b'])).toEqual({ correct: false, wrongChosen: 1, missed: 1 });
    expect(judgeChoices(['a', 'c'], ['a', 'c'])).toEqual({ correct: true, wrongChosen: 0, missed: 0 });
    expect(judgeChoices(['a'], ['a', 'c'])).toEqual({ correct: false, wrongChosen: 0, missed: 1 });
  });

  test('the multiple-choice summary counts in words', () => {
    expect(choiceSummary({ correct: true, wrongChosen: 0, missed: 0 })).toMatch(/^Right:/);
    expect(choiceSummary({ correct: false, wrongChosen: 1, missed: 2 })).toBe(
      'Not quite: 1 of your choices is wrong and 2 correct options are missing. Read the feedback beside your choices.',
    );
  });
});

test('option ids follow the printed letters', () => {
  expect([0, 1, 25, 26, 27].map(optionId)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
});
