import { expect, test } from 'vitest';
import { HEADINGS_PER_PAGE, opensSearch, searchHits, searchStatus, type PagefindPage } from '../../../../src/components/site/search-results.ts';

const lesson: PagefindPage = {
  url: '/lessons/06-regression-losses/',
  excerpt: 'the <mark>Huber</mark> loss',
  meta: { title: 'Regression losses: MSE, MAE and Huber' },
  sub_results: [
    { title: 'Regression losses: MSE, MAE and Huber', url: '/lessons/06-regression-losses/', excerpt: 'intro <mark>Huber</mark>' },
    { title: 'One outlier’s pull', url: '/lessons/06-regression-losses/#one-outliers-pull', excerpt: '<mark>Huber’s</mark> pull' },
    { title: 'Huber', url: '/lessons/06-regression-losses/#huber', excerpt: 'a' },
    { title: 'MAE', url: '/lessons/06-regression-losses/#mae', excerpt: 'b' },
  ],
};

test('each page gives its best sections, named by page and heading; the text before the first heading has no heading', () => {
  const hits = searchHits([lesson]);
  expect(hits).toHaveLength(HEADINGS_PER_PAGE);
  expect(hits[0]).toEqual({ page: lesson.meta.title, heading: null, url: '/lessons/06-regression-losses/', excerpt: 'intro <mark>Huber</mark>' });
  expect(hits[1].heading).toBe('One outlier’s pull');
  expect(hits[1].url).toBe('/lessons/06-regression-losses/#one-outliers-pull');
  expect(hits.map((hit) => hit.heading)).not.toContain('MAE');
});

test('a page without sections is one line with its own excerpt, and a page without a title is named by its address', () => {
  expect(searchHits([{ url: '/reference/', excerpt: 'x', meta: {} }])).toEqual([{ page: '/reference/', heading: null, url: '/reference/', excerpt: 'x' }]);
});

test('the status line counts pages in words', () => {
  expect(searchStatus('Huber', 0)).toBe('No page mentions “Huber”.');
  expect(searchStatus('Huber', 1)).toBe('1 page mentions “Huber”.');
  expect(searchStatus('Huber', 3)).toBe('3 pages mention “Huber”.');
});

test('"/" opens the search unless a modifier is held or the reader is typing in a field or an editor', () => {
  expect(opensSearch('/', false, { tagName: 'BODY' })).toBe(true);
  expect(opensSearch('/', false, null)).toBe(true);
  expect(opensSearch('/', true, { tagName: 'BODY' })).toBe(false);
  expect(opensSearch('?', false, { tagName: 'BODY' })).toBe(false);
  for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(opensSearch('/', false, { tagName })).toBe(false);
  expect(opensSearch('/', false, { tagName: 'DIV', isContentEditable: true })).toBe(false);
});
