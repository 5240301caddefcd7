/**
 * The handout's "Answers" section, built from the page itself while it prints with answers.
 * Every answer is already in the page (an exercise's <details>, a self-check's Answer, a graded
 * cell's solution), so the HTML carries them once; the section clones them into page order,
 * numbered as their badges are, then each graded cell's solution under the cell's title.
 */
/** An element with `className` and, if given, `text` as its only content. */
function element(tag: string, className: string, text?: string): HTMLElement {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

/** Deep copies of `nodes`, without the ids their originals keep (an id stays unique on the page). */
function copies(nodes: Iterable<Node>): Node[] {
  return [...nodes].map((node) => {
    const copy = node.cloneNode(true);
    if (copy instanceof Element) {
      copy.removeAttribute('id');
      for (const inner of copy.querySelectorAll('[id]')) inner.removeAttribute('id');
    }
    return copy;
  });
}

/** What follows the <summary> of `details`, less `skip` (what the page's scripts added to it). */
function afterSummary(details: HTMLDetailsElement | null, skip = ''): Node[] {
  if (!details) return [];
  return [...details.childNodes].filter((node) => !(node instanceof Element && (node.tagName === 'SUMMARY' || (skip !== '' && node.matches(skip)))));
}

/** One answer: its heading, then `content`. */
function answer(heading: string, content: Node[], className = 'handout-answer'): HTMLElement {
  const section = element('section', className);
  section.append(element('h3', '', heading), ...content);
  return section;
}

/** An <Exercise>'s answer: "Exercise N: title" (its accessible name) and its <details> after the summary. */
function exerciseAnswer(exercise: HTMLElement): HTMLElement {
  return answer(exercise.getAttribute('aria-label') ?? '', copies(afterSummary(exercise.querySelector('details'))));
}

/** A <Check>'s answer: "Self-check N", its question, and every option's feedback (or the number and explanation). */
function checkAnswer(check: HTMLElement): HTMLElement {
  const details = check.querySelector<HTMLDetailsElement>('[data-part="answer"]');
  // The Answer also holds the "See it happen" link, which is for the screen; the section never had it.
  const body = check.dataset.kind === 'numeric' ? [...(details?.querySelector('.check-answer-body')?.childNodes ?? [])] : [...(details?.querySelectorAll(':scope > .check-answer-options') ?? [])];
  const question = element('div', 'handout-question');
  question.append(...copies(check.querySelector('.check-question')?.childNodes ?? []));
  return answer(`Self-check ${check.dataset.number ?? ''}`, [question, ...copies(body)], 'handout-answer check-answer');
}

/**
 * The section for `main` (the lesson's text), or null when it has no answer at all. Exercises
 * and self-checks come in page order (their numbers were given in that order at build time).
 */
function buildAnswers(main: HTMLElement): HTMLElement | null {
  const answers = [...main.querySelectorAll<HTMLElement>('section.exercise, al-check')].map((item) => (item.matches('al-check') ? checkAnswer(item) : exerciseAnswer(item)));
  for (const cell of main.querySelectorAll<HTMLElement>('al-code-cell[data-title]')) {
    const solution = afterSummary(cell.querySelector<HTMLDetailsElement>(':scope > details.cell-solution'), '.cell-solution-load');
    if (solution.length > 0) answers.push(answer(`${cell.dataset.title ?? ''}: a solution`, copies(solution)));
  }
  if (answers.length === 0) return null;
  const section = element('section', 'handout-answers');
  section.setAttribute('aria-labelledby', 'handout-answers-title');
  section.dataset.handoutAnswers = '';
  const title = element('h2', '', 'Answers');
  title.id = 'handout-answers-title';
  section.append(title, ...answers);
  return section;
}

/**
 * Puts the section in `main` (after the lesson, before the end-of-lesson mark and the pager)
 * whenever the page prints with answers, and takes it out when printing is over.
 */
export function wireHandoutAnswers(main: HTMLElement, root: HTMLElement = document.documentElement): void {
  let shown: HTMLElement | null = null;
  addEventListener('beforeprint', () => {
    shown?.remove();
    shown = root.dataset.printAnswers === 'with' ? buildAnswers(main) : null;
    if (!shown) return;
    const end = main.querySelector('[data-progress-end]');
    if (end) end.before(shown);
    else main.append(shown);
  });
  addEventListener('afterprint', () => {
    shown?.remove();
    shown = null;
  });
}
