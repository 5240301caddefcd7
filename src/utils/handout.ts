/**
 * The answers a printed handout can carry at its end. While a lesson page renders, each
 * <Exercise> and <Check> takes its number here (in page order) and leaves its answer's HTML;
 * the layout then renders them as the print-only "Answers" section (components/site/Answers.astro).
 * The list lives on the page's own Astro.locals, so two pages never share it.
 */

/** One answer as the handout prints it. */
export interface HandoutAnswer {
  kind: 'exercise' | 'check';
  /** Its number among its kind on the page, as its badge shows it. */
  number: number;
  /** Exercise: its title. Check: its question (HTML). */
  heading: string;
  /** The answer itself (HTML). */
  html: string;
}

/** What a page collects while it renders. */
export interface HandoutAnswers {
  answers: HandoutAnswer[];
}

/** The page's list (created on first use). */
export function handoutAnswers(locals: App.Locals): HandoutAnswers {
  locals.handout ??= { answers: [] };
  return locals.handout;
}

/**
 * Reserves the next number of `kind` and returns a function that files the answer under it.
 * Call it before the component's first await, so numbers follow the page's order.
 */
export function reserveAnswer(locals: App.Locals, kind: HandoutAnswer['kind']): { number: number; file: (heading: string, html: string) => void } {
  const list = handoutAnswers(locals).answers;
  const entry: HandoutAnswer = { kind, number: list.filter((answer) => answer.kind === kind).length + 1, heading: '', html: '' };
  list.push(entry);
  return { number: entry.number, file: (heading, html) => Object.assign(entry, { heading, html }) };
}

/**
 * The answer inside an exercise's rendered body: what follows the summary of its <details>.
 * Returns null when the body has no <details> with a summary (the build then fails, naming it).
 */
export function exerciseAnswer(body: string): string | null {
  const start = body.indexOf('<details');
  const summaryEnd = start < 0 ? -1 : body.indexOf('</summary>', start);
  const end = body.lastIndexOf('</details>');
  if (summaryEnd < 0 || end < summaryEnd) return null;
  return body.slice(summaryEnd + '</summary>'.length, end).trim();
}

/** A graded cell's solution, as the handout prints it: the cell's title (HTML, as rendered) and its code block. */
export interface CellSolution {
  title: string;
  html: string;
}

/**
 * Every graded cell's solution in a rendered lesson, in page order. remark-code-cells writes
 * them, so their shape is known: <al-code-cell data-title="…"> … <details class="cell-solution">.
 */
export function cellSolutions(lessonHtml: string): CellSolution[] {
  const solutions: CellSolution[] = [];
  for (const cell of lessonHtml.split('<al-code-cell').slice(1)) {
    const body = cell.slice(0, cell.indexOf('</al-code-cell>'));
    const title = /\sdata-title="([^"]*)"/.exec(body.slice(0, body.indexOf('>')))?.[1];
    const start = body.indexOf('<details class="cell-solution"');
    const html = start < 0 ? null : exerciseAnswer(body.slice(start));
    if (title && html) solutions.push({ title, html });
  }
  return solutions;
}
