// @vitest-environment jsdom
/**
 * <al-check> in jsdom, on markup shaped as Check.astro and Choice.astro render it: the kinds
 * lesson 1 does not use in the browser tests (multiple choice), and the duplicate-id warning.
 */
import { afterEach, beforeAll, expect, test, vi } from 'vitest';

function choice(correct: boolean, text: string): string {
  return `<li class="check-choice" data-check-choice data-correct="${correct}"><span class="choice-text">${text}</span>
    <span class="choice-feedback"><strong class="choice-mark">${correct ? 'Right:' : 'Not quite:'}</strong> because ${text}</span></li>`;
}

function checkMarkup(id: string, kind: string, choices: string): string {
  return `<al-check class="check" id="check-${id}" data-check-id="${id}" data-lesson="lesson" data-kind="${kind}">
    <div class="check-question" id="check-${id}-question"><p>Which?</p></div>
    <form class="check-form" novalidate>
      <ol class="check-options" data-part="options">${choices}</ol>
      <p class="check-actions" data-part="actions" hidden><button type="submit">Check</button><button type="button" data-part="retry" hidden>Try again</button></p>
    </form>
    <p class="check-status" data-part="status" role="status" aria-live="polite"></p>
    <details class="check-answer" data-part="answer"><summary>Answer</summary><ol>${choices}</ol></details>
  </al-check>`;
}

beforeAll(async () => {
  await import('../../../src/components/check/element.ts');
});

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  vi.useRealTimers();
});

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

function submit(check: HTMLElement): string {
  vi.useFakeTimers();
  check.querySelector('form')!.requestSubmit();
  vi.runAllTimers();
  return check.querySelector('[data-part="status"]')!.textContent ?? '';
}

const MULTIPLE = checkMarkup('pick', 'multiple', choice(true, 'one') + choice(false, 'two') + choice(true, 'three'));

test('a multiple-choice check gives checkboxes, counts what is wrong and missing, and saves the ids', () => {
  const check = mount(MULTIPLE);
  const boxes = [...check.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  expect(boxes.map((box) => box.value)).toEqual(['a', 'b', 'c']);
  expect(check.querySelector<HTMLDetailsElement>('[data-part="answer"]')!.hidden).toBe(true);
  expect(submit(check)).toBe('Tick at least one option first.');
  boxes[0].checked = true;
  boxes[1].checked = true;
  expect(submit(check)).toBe('Not quite: 1 of your choices is wrong and 1 correct option is missing. Read the feedback beside your choices.');
  expect([...check.querySelectorAll('[data-feedback-shown]')].length).toBe(2);
  expect(check.querySelector<HTMLDetailsElement>('[data-part="answer"]')!.hidden).toBe(false);
  boxes[1].checked = false;
  boxes[2].checked = true;
  boxes[2].dispatchEvent(new Event('input', { bubbles: true }));
  expect(check.querySelector('[data-part="status"]')!.textContent).toBe('');
  expect(submit(check)).toBe('Right: you chose every correct option and nothing else.');
  const saved = JSON.parse(localStorage.getItem('al-progress')!);
  expect(saved.answers['lesson/pick']).toMatchObject({ answer: ['a', 'c'], correct: true });
});

test('a saved answer is shown again, marked as given before', () => {
  localStorage.setItem('al-progress', JSON.stringify({ version: 1, exercises: {}, answers: { 'lesson/pick': { answer: ['b'], correct: false, at: '2026-01-01T00:00:00Z' } } }));
  const check = mount(MULTIPLE);
  const boxes = [...check.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  expect(boxes.map((box) => box.checked)).toEqual([false, true, false]);
  expect(check.querySelector('[data-part="status"]')!.textContent).toMatch(/^You answered this before\. Not quite: /);
  expect(check.querySelector<HTMLButtonElement>('[data-part="retry"]')!.hidden).toBe(false);
});

test('a saved answer that no longer fits the check (unknown option ids, a tampered record) is not put back', () => {
  for (const answer of [['x', 'y'], [], ['a', 'zz']]) {
    localStorage.setItem('al-progress', JSON.stringify({ version: 1, exercises: {}, answers: { 'lesson/pick': { answer, correct: true, at: '2026-01-01T00:00:00Z' } } }));
    const check = mount(MULTIPLE);
    expect([...check.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => box.checked)).toEqual([false, false, false]);
    expect(check.querySelector('[data-part="status"]')!.textContent).toBe('');
  }
});

test('a single choice announces the chosen option feedback, KaTeX source left out', () => {
  const check = mount(checkMarkup('one', 'single', choice(false, 'x') + choice(true, '<span class="katex"><span class="katex-mathml"><math><mi>y</mi><annotation>y</annotation></math></span><span class="katex-html" aria-hidden="true">y</span></span>')));
  check.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].checked = true;
  expect(submit(check)).toBe('Right: because y');
});

test('two checks with one id on a page are reported in the console', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  document.body.innerHTML = MULTIPLE + MULTIPLE;
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('Two self-checks on this page have id "pick"'));
  warn.mockRestore();
});
