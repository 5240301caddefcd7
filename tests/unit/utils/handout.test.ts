/** The handout's numbering: numbers in page order per kind; and where an exercise's answer must be. */
import { expect, test } from 'vitest';
import { hasExerciseAnswer, reserveAnswer } from '../../../src/utils/handout.ts';

test('exercises and checks are numbered apart, in the order they reserve, and per page', () => {
  const locals: App.Locals = {};
  const numbers = [reserveAnswer(locals, 'exercise'), reserveAnswer(locals, 'check'), reserveAnswer(locals, 'exercise'), reserveAnswer(locals, 'check')];
  expect(numbers).toEqual([1, 1, 2, 2]);
  // Another page's locals start again at 1.
  expect(reserveAnswer({}, 'check')).toBe(1);
});

test("an exercise's answer is what follows the summary of its <details>; none without a summary", () => {
  expect(hasExerciseAnswer('<p>Question</p>\n<details><summary>Show answer</summary>\n<p>It is 3.</p><details><summary>More</summary><p>why</p></details>\n</details>')).toBe(true);
  expect(hasExerciseAnswer('<p>Question only</p>')).toBe(false);
  expect(hasExerciseAnswer('<details><p>no summary</p></details>')).toBe(false);
});
