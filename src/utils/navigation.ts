import { getCollection, type CollectionEntry } from 'astro:content';

/** A lesson as the site's navigation sees it. */
export type Lesson = CollectionEntry<'lessons'>;

/** The course's name, as shown in titles and the header. */
export const COURSE_TITLE = 'Activation & Loss';

/** All lessons in reading order. */
export async function lessonsInOrder(): Promise<Lesson[]> {
  const lessons = await getCollection('lessons');
  return lessons.sort((a, b) => a.data.order - b.data.order);
}

/** A path inside the site, prefixed with the base path it is built for (BASE_PATH). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** The URL of a lesson's page. */
export function lessonHref(lesson: Lesson): string {
  return href(`lessons/${lesson.id}/`);
}
