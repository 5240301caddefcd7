/**
 * The shape of the reference page's data: one entry per activation and per loss, and links that
 * name a lesson by its number, so the page can link a lesson that exists and name one that is
 * still being written without a dead link.
 */
import type { ActivationId, LossId } from '../../lib/index.ts';

/** A place in a lesson: the lesson's number, and optionally a widget's address and a heading. */
export interface LessonLink {
  /** The lesson's `order` in its frontmatter. */
  readonly lesson: number;
  /** A query that configures a widget of that lesson, e.g. `?explorer.f1=elu&explorer.f2=none`. */
  readonly query?: string;
  /** A heading id of that lesson (GitHub-style slug), without the `#`. */
  readonly anchor?: string;
}

/** One function on the page, with what a reader needs to use it. */
export interface ReferenceEntry {
  /** Unique on the page; for a function the library has, its library id. */
  readonly id: string;
  /** The library's id for this function, or null for one src/lib does not implement. */
  readonly library: ActivationId | LossId | 'softmax' | null;
  readonly name: string;
  /** KaTeX sources (typeset at build time). */
  readonly formula: string;
  /** The derivative (activations) or the gradient with respect to the prediction (losses). */
  readonly derivative: string;
  /** The output range (activations) or what the loss takes (losses). */
  readonly range: string;
  /** When to use it, in a sentence or two; `$...$` is typeset. */
  readonly use: string;
  /** PyTorch's name, as code; an empty string when PyTorch has none. */
  readonly pytorch: string;
  /** Keras's name, as code; an empty string when Keras has none. */
  readonly keras: string;
  /** A note on the two libraries' conventions, shown under their names; `$...$` is typeset. */
  readonly note?: string;
  /** The lessons that teach it, first the main one. */
  readonly lessons: readonly LessonLink[];
  /** The widget that shows it, configured; null when no widget does. */
  readonly widget: LessonLink | null;
}

/** A row of one of the seed article's cheat sheets, with the course's correction if any. */
export interface CheatSheetRow {
  readonly cells: readonly string[];
  /** What the course adds or corrects; `$...$` is typeset. */
  readonly correction: string;
  /** Where the row is shown in practice. */
  readonly see: LessonLink | null;
}

/** One of the article's two cheat sheets. */
export interface CheatSheet {
  readonly id: string;
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly CheatSheetRow[];
}
