/** The handout's answers: numbers in page order per kind, and the answer found inside rendered markup. */
import { expect, test } from 'vitest';
import { cellSolutions, exerciseAnswer, handoutAnswers, reserveAnswer } from '../../../src/utils/handout.ts';

test('exercises and checks are numbered apart, in the order they reserve, and filed in place', () => {
  const locals: App.Locals = {};
  const first = reserveAnswer(locals, 'exercise');
  const check = reserveAnswer(locals, 'check');
  const second = reserveAnswer(locals, 'exercise');
  // Filed out of order (a later component finished rendering first), listed in reserved order.
  second.file('Second', '<p>b</p>');
  first.file('First', '<p>a</p>');
  check.file('<p>Which?</p>', '<ol></ol>');
  expect([first.number, check.number, second.number]).toEqual([1, 1, 2]);
  expect(handoutAnswers(locals).answers.map((answer) => `${answer.kind} ${answer.number} ${answer.heading}`)).toEqual(['exercise 1 First', 'check 1 <p>Which?</p>', 'exercise 2 Second']);
  expect(handoutAnswers({}).answers).toEqual([]);
});

test("an exercise's answer is what follows its summary, nested details included; none without a summary", () => {
  const body = '<p>Question</p>\n<details><summary>Show answer</summary>\n<p>It is 3.</p><details><summary>More</summary><p>why</p></details>\n</details>';
  expect(exerciseAnswer(body)).toBe('<p>It is 3.</p><details><summary>More</summary><p>why</p></details>');
  expect(exerciseAnswer('<p>Question only</p>')).toBeNull();
  expect(exerciseAnswer('<details><p>no summary</p></details>')).toBeNull();
});

test("each graded cell's solution is found with the cell's title; a cell without one is skipped", () => {
  const cell = (title: string, solution: string) =>
    `<al-code-cell id="cell-${title}" data-title="Exercise: ${title}"><p class="cell-title">Exercise: ${title}</p><pre><code>start</code></pre>${solution}</al-code-cell>`;
  const html = [
    cell('one', '<details class="cell-solution"><summary>Show a solution</summary><pre><code>one()</code></pre></details>'),
    '<al-code-cell id="cell-plain"><pre><code>no title</code></pre></al-code-cell>',
    cell('two', ''),
    cell('three &amp; more', '<details class="cell-solution"><summary>Show a solution</summary><pre><code>three()</code></pre></details>'),
  ].join('\n');
  expect(cellSolutions(html)).toEqual([
    { title: 'Exercise: one', html: '<pre><code>one()</code></pre>' },
    { title: 'Exercise: three &amp; more', html: '<pre><code>three()</code></pre>' },
  ]);
});
