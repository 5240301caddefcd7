/**
 * The pure side of reading progress: a lesson's status and counts, and the export file's
 * serialisation, validation and merge. No DOM, no storage: unit-tested in Node.
 */
import { emptyRecord, PROGRESS_VERSION, toProgressRecord, type ProgressRecord } from './progress.ts';

/** Where a reader stands with one lesson. */
export type LessonStatus = 'read' | 'in-progress' | 'not-started';

/** The words a reader (and a screen reader) gets for each status. */
export const STATUS_WORDS: Record<LessonStatus, string> = {
  read: 'read',
  'in-progress': 'in progress',
  'not-started': 'not started',
};

/** The file format's name, so a foreign JSON file is told apart from ours. */
export const EXPORT_FORMAT = 'activation-loss-progress';

function keysOf(record: ProgressRecord, slug: string, kind: 'answers' | 'exercises'): string[] {
  return Object.keys(record[kind]).filter((key) => key.startsWith(`${slug}/`));
}

/** A lesson's status: read when read to the end or marked, in progress once opened or anything recorded. */
export function lessonStatus(record: ProgressRecord, slug: string): LessonStatus {
  const lesson = record.lessons[slug];
  if (lesson?.read) return 'read';
  if (lesson || keysOf(record, slug, 'answers').length > 0 || keysOf(record, slug, 'exercises').length > 0) return 'in-progress';
  return 'not-started';
}

/** Self-checks answered correctly and graded cells passed in one lesson. */
export function lessonCounts(record: ProgressRecord, slug: string): { checks: number; cells: number } {
  const checks = keysOf(record, slug, 'answers').filter((key) => record.answers[key].correct).length;
  return { checks, cells: keysOf(record, slug, 'exercises').length };
}

/** "3 of 5 self-checks, 1 of 1 graded cell"; an empty string when the lesson has neither. */
export function countsText(counts: { checks: number; cells: number }, totals: { checks: number; cells: number }): string {
  const parts: string[] = [];
  if (totals.checks > 0) parts.push(`${counts.checks} of ${totals.checks} self-check${totals.checks === 1 ? '' : 's'}`);
  if (totals.cells > 0) parts.push(`${counts.cells} of ${totals.cells} graded cell${totals.cells === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** The export file's text: the record with the format's name, pretty-printed. */
export function serialiseProgress(record: ProgressRecord): string {
  return JSON.stringify({ format: EXPORT_FORMAT, ...record }, null, 2);
}

/** An import's outcome: the record to merge, or the reason it was refused. */
export type ImportResult = { ok: true; record: ProgressRecord } | { ok: false; message: string };

function slugOf(key: string): string {
  return key.split('/')[0];
}

/** Validates an export file's text against the lessons this site has; refuses rather than guesses. */
export function parseProgressFile(text: string, knownSlugs: readonly string[]): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a progress file: it is not JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, message: 'This file is not a progress file from this course.' };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version !== 'number' || version > PROGRESS_VERSION) {
    return { ok: false, message: `This progress file was written by a newer version of the course (version ${String(version)}); this site reads version ${PROGRESS_VERSION}.` };
  }
  if (version !== PROGRESS_VERSION) return { ok: false, message: `This progress file has version ${version}, which this site cannot read.` };
  const record = toProgressRecord(value);
  const known = new Set(knownSlugs);
  const unknown = [
    ...Object.keys(record.lessons),
    ...Object.keys(record.answers).map(slugOf),
    ...Object.keys(record.exercises).map(slugOf),
  ].filter((slug) => !known.has(slug));
  if (unknown.length > 0) return { ok: false, message: `This progress file names lessons this course does not have: ${[...new Set(unknown)].slice(0, 3).join(', ')}.` };
  return { ok: true, record };
}

function later(a: string, b: string): boolean {
  return a > b;
}

/** Both records in one: read wins over unread, the later answer wins, passes add up; `saved` is never lost. */
export function mergeProgress(saved: ProgressRecord, incoming: ProgressRecord): ProgressRecord {
  const merged = emptyRecord();
  Object.assign(merged.exercises, incoming.exercises, saved.exercises);
  for (const source of [saved, incoming]) {
    for (const [key, answer] of Object.entries(source.answers)) {
      const current = merged.answers[key];
      if (!current || later(answer.at, current.at)) merged.answers[key] = answer;
    }
    for (const [slug, lesson] of Object.entries(source.lessons)) {
      const current = merged.lessons[slug];
      merged.lessons[slug] = current
        ? { opened: later(lesson.opened, current.opened) ? lesson.opened : current.opened, read: current.read || lesson.read, ...((lesson.heading ?? current.heading) ? { heading: lesson.heading ?? current.heading } : {}) }
        : lesson;
    }
  }
  const last = saved.last ?? incoming.last;
  if (last) merged.last = last;
  return merged;
}
