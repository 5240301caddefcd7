/**
 * Turns the reference data's lesson links into addresses, given the lessons that exist: a link
 * to a lesson not yet written resolves to null, so the page names it instead of linking it.
 */
import type { LessonLink } from './types.ts';

/** Where a link points, or null when its lesson does not exist (yet). */
export function linkHref(link: LessonLink, lessonPaths: ReadonlyMap<number, string>): string | null {
  const path = lessonPaths.get(link.lesson);
  if (path === undefined) return null;
  return `${path}${link.query ?? ''}${link.anchor ? `#${link.anchor}` : ''}`;
}

/** "lesson 3", as a link's words. */
export function lessonWords(link: LessonLink): string {
  return `lesson ${link.lesson}`;
}
