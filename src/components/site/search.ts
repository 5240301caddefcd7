/**
 * The header's search: a button (and the "/" key) opens a dialog; typing searches the Pagefind
 * index the build wrote to `<base>pagefind/`, loaded only when the dialog first opens, and lists
 * each match under its lesson and heading. Without the index (the dev server) it says how to get one.
 */
import { opensSearch, searchHits, searchStatus, type PagefindPage } from './search-results.ts';

/** The part of Pagefind's browser API the dialog uses. */
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string, options?: object, wait?: number): Promise<{ results: { data(): Promise<PagefindPage> }[] } | null>;
}

/** At most this many pages are listed. */
const PAGES_SHOWN = 8;

/** Pagefind's excerpt as nodes: its text, and its <mark> elements, nothing else. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild;
  return [...(parsed?.childNodes ?? [])].map((node) => {
    if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

/** Wires one search dialog and its opening button. */
function wire(dialog: HTMLDialogElement, opener: HTMLButtonElement): void {
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  const base = dialog.dataset.base ?? '/';
  let loading: Promise<Pagefind> | null = null;
  let asked = 0;
  let returnTo: HTMLElement | null = null;

  const load = (): Promise<Pagefind> => {
    loading ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
      await module.options({ baseUrl: base });
      return module;
    });
    return loading;
  };

  const render = (pages: PagefindPage[], query: string) => {
    list.replaceChildren(
      ...searchHits(pages).map((hit) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = hit.url;
        const where = document.createElement('span');
        where.className = 'search-where';
        where.textContent = hit.heading ? `${hit.page} › ${hit.heading}` : hit.page;
        const excerpt = document.createElement('span');
        excerpt.className = 'search-excerpt';
        excerpt.append(...excerptNodes(hit.excerpt));
        link.append(where, excerpt);
        item.append(link);
        return item;
      }),
    );
    status.textContent = searchStatus(query, pages.length);
  };

  const search = async () => {
    const query = input.value.trim();
    const ticket = ++asked;
    if (query === '') {
      list.replaceChildren();
      status.textContent = 'Type a word, for example “Huber” or “dying ReLU”.';
      return;
    }
    try {
      const pagefind = await load();
      const found = await pagefind.debouncedSearch(query, {}, 150);
      if (found === null || ticket !== asked) return;
      const pages = await Promise.all(found.results.slice(0, PAGES_SHOWN).map((result) => result.data()));
      if (ticket === asked) render(pages, query);
    } catch {
      loading = null;
      list.replaceChildren();
      status.textContent = 'The search index is not here. It is written by “npm run build”; “npm run preview” serves the site with it.';
    }
  };

  const open = () => {
    if (dialog.open) return void input.select();
    returnTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : opener;
    dialog.showModal();
    input.select();
    void search();
  };

  opener.hidden = false;
  opener.addEventListener('click', open);
  input.addEventListener('input', () => void search());
  // Down from the box goes to the first result; the results are links, so Tab and Enter work as anywhere.
  input.addEventListener('keydown', (event) => {
    // A search field's own Escape only empties it; here Escape leaves the search at once.
    if (event.key === 'Escape') {
      dialog.close();
      event.preventDefault();
    }
    if (event.key === 'ArrowDown') {
      list.querySelector('a')?.focus();
      event.preventDefault();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? input : links[Math.min(next, links.length - 1)]).focus();
    event.preventDefault();
  });
  // Back to where the reader was: the button, when the dialog was opened from it or with "/".
  dialog.addEventListener('close', () => {
    if (!dialog.contains(document.activeElement) && document.activeElement !== document.body) return;
    returnTo?.focus();
  });
  // A click on the backdrop (the dialog itself, outside its box) closes it, as Escape does.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  // Following a result to a heading on this same page: close, so the heading is not under the dialog.
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) dialog.close();
  });
  document.addEventListener('keydown', (event) => {
    if (opensSearch(event.key, event.ctrlKey || event.metaKey || event.altKey, event.target as HTMLElement | null)) {
      event.preventDefault();
      open();
    }
  });
}

for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog[data-search]')) {
  const opener = document.querySelector<HTMLButtonElement>(`[data-search-open="${dialog.id}"]`);
  if (opener) wire(dialog, opener);
}
