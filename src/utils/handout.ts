/**
 * The numbers a lesson's exercises and self-checks show on their badges ("Exercise 2",
 * "Self-check 3"), given in page order while the page renders. The printed handout's Answers
 * section is built from the page itself (components/site/handout-answers.ts) under the same numbers.
 * The counts live on the page's own Astro.locals, so two pages never share them.
 */

/** What is numbered: an <Exercise> or a <Check>. */
export type AnswerKind = 'exercise' | 'check';

/** How many of each kind the page has numbered so far. */
export type HandoutCounts = Record<AnswerKind, number>;

/**
 * The next number of `kind` on the page. Call it before the component's first await, so
 * numbers follow the page's order.
 */
export function reserveAnswer(locals: App.Locals, kind: AnswerKind): number {
  locals.handout ??= { exercise: 0, check: 0 };
  locals.handout[kind] += 1;
  return locals.handout[kind];
}

/**
 * Whether an exercise's rendered body has its answer where the handout looks for it: in a
 * <details>, after its <summary>.
 */
export function hasExerciseAnswer(body: string): boolean {
  const start = body.indexOf('<details');
  const summaryEnd = start < 0 ? -1 : body.indexOf('</summary>', start);
  const end = body.lastIndexOf('</details>');
  return summaryEnd >= 0 && end >= summaryEnd;
}
