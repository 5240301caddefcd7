/**
 * The pure rules behind every widget's toolbar (presenter mode and "Copy link to this setup"):
 * what the address says, what a copied link holds, and which keys presenter mode lists. No DOM,
 * so they are unit-tested in Node.
 */
import { readParams, writeParams } from './url-state.ts';

/** The query parameter that opens one widget in presenter mode: `?present=<widget id>`. */
export const PRESENT_PARAM = 'present';

/** A key (or keys) and what it does in a widget, as presenter mode lists it: `['R', 'reset']`. */
export type Shortcut = readonly [keys: string, action: string];

/** What every widget's keyboard does in presenter mode, listed after the widget's own keys. */
export const GENERIC_SHORTCUTS: readonly Shortcut[] = [
  ['Tab', 'moves between controls (Shift + Tab goes back)'],
  ['Escape', 'leaves presenter mode'],
];

/** The keys presenter mode shows for a widget: its own, then the ones every widget has. */
export function shortcutList(own: readonly Shortcut[]): Shortcut[] {
  return [...own, ...GENERIC_SHORTCUTS];
}

/** Whether the query string asks for the widget `key` in presenter mode (any other value is ignored). */
export function asksToPresent(search: string, key: string): boolean {
  return new URLSearchParams(search).get(PRESENT_PARAM) === key;
}

/** The query string with presenter mode on `key`, or without it for null; every other parameter stays. */
export function withPresent(search: string, key: string | null): string {
  const params = new URLSearchParams(search);
  if (key === null) params.delete(PRESENT_PARAM);
  else params.set(PRESENT_PARAM, key);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Where a page is, as much of `location` as a copied link needs. */
export interface PageAddress {
  origin: string;
  pathname: string;
  search: string;
}

/**
 * The link "Copy link to this setup" copies: the page with only this widget's parameters (other
 * widgets' settings and switches such as `teacher=` are the copier's, not the setup's), with
 * `present=` while the widget is presented, and the anchor of the widget's section if it has one.
 */
export function setupLink(page: PageAddress, key: string, presenting: boolean, anchor: string | null): string {
  const own = writeParams('', key, readParams(page.search, key));
  const search = presenting ? withPresent(own, key) : own;
  return `${page.origin}${page.pathname}${search}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}
