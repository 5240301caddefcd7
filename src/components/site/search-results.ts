/**
 * The search's pure parts, with no DOM of their own so they are unit-tested in Node: which key
 * presses open the search, and how Pagefind's answers become the list the dialog shows.
 */

/** One page as Pagefind's `result.data()` gives it (the fields the dialog uses). */
export interface PagefindPage {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: { readonly title?: string };
  readonly sub_results?: readonly { readonly title: string; readonly url: string; readonly excerpt: string }[];
}

/** One line of the result list: the page's title, the heading (when the match is under one), its address and excerpt (Pagefind's HTML, with <mark>). */
export interface SearchHit {
  readonly page: string;
  readonly heading: string | null;
  readonly url: string;
  readonly excerpt: string;
}

/** At most this many headings per page, so that one long lesson does not push the others off the list. */
export const HEADINGS_PER_PAGE = 3;

/**
 * The lines for a set of pages, best page first: each page's best sections under their headings
 * (Pagefind lists the page itself as a sub-result titled like the page, for text before its
 * first heading; that one is shown without a heading).
 */
export function searchHits(pages: readonly PagefindPage[]): SearchHit[] {
  return pages.flatMap((page) => {
    const title = page.meta.title?.trim() || page.url;
    const sections = (page.sub_results ?? []).slice(0, HEADINGS_PER_PAGE);
    if (sections.length === 0) return [{ page: title, heading: null, url: page.url, excerpt: page.excerpt }];
    return sections.map((section) => ({
      page: title,
      heading: section.url.includes('#') && section.title.trim() !== title ? section.title.trim() : null,
      url: section.url,
      excerpt: section.excerpt,
    }));
  });
}

/** What the status line says for `count` pages matching `query`. */
export function searchStatus(query: string, count: number): string {
  if (count === 0) return `No page mentions “${query}”.`;
  return `${count} ${count === 1 ? 'page mentions' : 'pages mention'} “${query}”.`;
}

/** Whether a key press on the page should open the search: "/" with no modifier, unless the reader is typing somewhere. */
export function opensSearch(key: string, modified: boolean, target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (key !== '/' || modified) return false;
  const tag = target?.tagName?.toLowerCase() ?? '';
  return !(tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable);
}
