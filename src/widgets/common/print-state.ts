/**
 * How a woken widget prints. Untouched (its address holds the lesson's values and the reader has
 * not worked a control), it prints the figure rendered at build time, which the live view would
 * otherwise have replaced; changed, it prints as it stands on screen, with its settings as a line
 * of text, since controls do not print. The verdict is taken on beforeprint, which every way
 * of printing fires (the handout buttons, Ctrl+P, a headless PDF).
 */
import { readParams } from './url-state.ts';

/** Keys that only move focus or leave, which change nothing the widget shows. */
const QUIET_KEYS = new Set(['Tab', 'Shift', 'Escape', 'Control', 'Alt', 'Meta']);

/** Whether two sets of a widget's URL parameters say the same. */
function sameParams(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => b[name] === a[name]);
}

/** The widget's controls as "Label: value" (select: the option's words; a list: its numbers joined). */
export function settingsText(root: ParentNode): string {
  const parts: string[] = [];
  for (const control of root.querySelectorAll<HTMLElement>('.al-control')) {
    const name = control.querySelector(':scope > label, :scope > legend')?.textContent?.trim();
    const select = control.querySelector('select');
    const boxes = [...control.querySelectorAll<HTMLInputElement>('input[type="number"], input[type="text"]')];
    const value = select ? (select.selectedOptions[0]?.text ?? '') : boxes.map((box) => box.value).join('-');
    if (name && value) parts.push(`${name}: ${value}`);
  }
  return parts.length > 0 ? `Settings: ${parts.join('; ')}.` : '';
}

/**
 * Gives every id in `root` that the document already uses elsewhere (the live view may make the
 * same ones) a "-still" suffix, and follows it in the references inside `root`.
 */
function renameDuplicateIds(root: HTMLElement): void {
  const elsewhere = new Set([...document.querySelectorAll('[id]')].filter((element) => !root.contains(element)).map((element) => element.id));
  const renamed = new Map<string, string>();
  for (const element of root.querySelectorAll('[id]')) {
    if (!elsewhere.has(element.id)) continue;
    renamed.set(element.id, `${element.id}-still`);
    element.id = `${element.id}-still`;
  }
  if (renamed.size === 0) return;
  const follow = (value: string) =>
    value
      .split(' ')
      .map((token) => renamed.get(token) ?? token.replace(/^(url\()?#([^)]+)(\)?)$/, (whole, open = '', id: string, close = '') => (renamed.has(id) ? `${open}#${renamed.get(id)}${close}` : whole)))
      .join(' ');
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      if (attribute.name === 'id' || attribute.name === 'class' || attribute.name === 'd') continue;
      const next = follow(attribute.value);
      if (next !== attribute.value) element.setAttribute(attribute.name, next);
    }
  }
}

/**
 * Keeps `still` (the build-time content the view replaced) for print. From here on, while a
 * print is made (beforeprint to afterprint: the browser's dialog, Ctrl+P and a headless PDF
 * alike), the host is marked "still" and holds the kept figure, or "live" and holds its settings
 * line; outside printing the page holds neither, so nothing is there twice.
 */
export function watchForPrint(host: HTMLElement, still: readonly Node[]): void {
  const key = host.dataset.key ?? '';
  const lessonValues = readParams(host.dataset.defaults ?? '', key);
  const keeper = document.createElement('div');
  keeper.className = 'al-print-still';
  keeper.append(...still);
  renameDuplicateIds(keeper);
  const settings = document.createElement('p');
  settings.className = 'al-print-settings';
  let worked = false;

  const work = () => {
    worked = true;
  };
  host.addEventListener('input', work);
  host.addEventListener('change', work);
  host.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('button, [role="button"], svg, canvas')) work();
  });
  host.addEventListener('pointerdown', (event) => {
    if (event.target instanceof Element && event.target.closest('svg, canvas')) work();
  });
  host.addEventListener('keydown', (event) => {
    if (!QUIET_KEYS.has(event.key) && !(event.target instanceof HTMLAnchorElement)) work();
  });
  addEventListener('beforeprint', () => {
    // A view writes the address only once the state changes (and then all of it), so an address
    // without the widget's parameters means the lesson's values.
    const address = readParams(location.search, key);
    const live = worked || (Object.keys(address).length > 0 && !sameParams(address, lessonValues));
    host.dataset.printAs = live ? 'live' : 'still';
    settings.textContent = live ? settingsText(host) : '';
    host.append(live ? settings : keeper);
  });
  addEventListener('afterprint', () => {
    keeper.remove();
    settings.remove();
    delete host.dataset.printAs;
  });
}
