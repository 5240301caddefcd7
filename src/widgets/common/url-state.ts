/**
 * Widget state in the page URL, so a reader or teacher can share a configured widget by
 * copying the address. Each widget's parameters carry its key as a prefix ("explorer.w1=2"),
 * so several widgets on one page keep apart.
 */

/** The parameters under a prefix, without it. */
export function readParams(search: string, prefix: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    if (name.startsWith(`${prefix}.`)) values[name.slice(prefix.length + 1)] = value;
  }
  return values;
}

/** A query string with the prefix's parameters replaced by `values`; others are kept as they were. */
export function writeParams(search: string, prefix: string, values: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) if (name.startsWith(`${prefix}.`)) params.delete(name);
  for (const [name, value] of Object.entries(values)) params.set(`${prefix}.${name}`, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Writes a widget's values into the address bar without a new history entry (browser only). */
export function replaceUrlParams(prefix: string, values: Readonly<Record<string, string>>): void {
  history.replaceState(history.state, '', `${location.pathname}${writeParams(location.search, prefix, values)}${location.hash}`);
}
