/**
 * Build-time rules for <Check> props: which combinations make a question a reader can answer.
 * Pure, so the unit tests can list every refusal; Check.astro throws the problems as one error.
 */

/** The kinds of self-check; numeric is chosen by giving `answer`. */
export type CheckKind = 'single' | 'multiple' | 'numeric' | 'predict';

/** What Check.astro knows when it validates: its props and what its slots hold. */
export interface CheckShape {
  id?: unknown;
  hasQuestion: boolean;
  multiple?: boolean;
  predict?: boolean;
  answer?: unknown;
  tolerance?: unknown;
  unit?: unknown;
  explanation?: boolean;
  see?: unknown;
  choices: number;
  correctChoices: number;
}

/** The check's kind, from its props. */
export function checkKind(shape: Pick<CheckShape, 'answer' | 'multiple' | 'predict'>): CheckKind {
  if (shape.answer !== undefined) return 'numeric';
  if (shape.predict) return 'predict';
  return shape.multiple ? 'multiple' : 'single';
}

/** Everything wrong with a check's props, one sentence each; empty when it can be built. */
export function checkProblems(shape: CheckShape): string[] {
  const problems: string[] = [];
  if (typeof shape.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(shape.id)) {
    problems.push('id is required: lowercase letters, digits and dashes, e.g. id="sigmoid-slope".');
  }
  if (!shape.hasQuestion) problems.push('give the question as question="..." or in a slot="question" element.');
  const kind = checkKind(shape);
  if (shape.multiple && shape.predict) problems.push('multiple and predict cannot be combined.');
  if (kind === 'numeric') {
    if (typeof shape.answer !== 'number' || !Number.isFinite(shape.answer)) problems.push('answer must be a finite number, written answer={0.25}.');
    if (shape.tolerance === undefined) problems.push('a numeric check needs tolerance={...}: how far from the answer still counts as right.');
    else if (typeof shape.tolerance !== 'number' || !(shape.tolerance >= 0) || !Number.isFinite(shape.tolerance)) problems.push('tolerance must be a number of 0 or more.');
    if (shape.multiple || shape.predict) problems.push('a numeric check (with answer) cannot also be multiple or predict.');
    if (shape.choices > 0) problems.push('a numeric check (with answer) has no <Choice> children.');
    if (shape.see !== undefined) problems.push('see is for predict checks.');
  } else {
    if (shape.choices === 0) problems.push('give <Choice> children, or answer={...} and tolerance={...} for a numeric check.');
    else if (shape.correctChoices === 0) problems.push('mark the right option(s) with <Choice correct ...>.');
    else if (kind !== 'multiple' && shape.correctChoices > 1) problems.push(`${shape.correctChoices} options are marked correct: add multiple for a multiple-choice check.`);
    if (shape.tolerance !== undefined || shape.unit !== undefined || shape.explanation) {
      problems.push('tolerance, unit and explanation belong to a numeric check (with answer={...}); explain choices in their feedback.');
    }
    if (kind === 'predict') {
      if (typeof shape.see !== 'string' || !/^([?#/]|https:\/\/)/.test(shape.see)) {
        problems.push('a predict check needs see="?widget.field=value#anchor": a link (query, anchor, site path or https) that shows it happen.');
      }
    } else if (shape.see !== undefined) problems.push('see is for predict checks: add predict.');
  }
  return problems;
}

/**
 * The lesson a page is, from its path: "/course/lessons/01-why/" under base "/course/" gives
 * "01-why", the lesson file's name, as code cells' data-lesson. Other pages keep their path.
 */
export function lessonSlugFromPath(pathname: string, base: string): string {
  const baseless = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const path = baseless.replace(/^\/+|\/+$/g, '');
  const lesson = /^lessons\/([^/]+)$/.exec(path);
  return lesson ? lesson[1] : path || 'home';
}

/** Counts the <Choice> items, and the correct ones, in a check's rendered default slot. */
export function countChoices(html: string): { choices: number; correctChoices: number } {
  return {
    choices: (html.match(/data-check-choice(?=[\s>=])/g) ?? []).length,
    correctChoices: (html.match(/data-correct="true"/g) ?? []).length,
  };
}
