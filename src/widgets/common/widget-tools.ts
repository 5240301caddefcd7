/**
 * The toolbar every widget's figure gets, from `defineLazyWidget` (so no Widget.astro needs a
 * line for it): Present, and while presenting Leave presenter mode, Full screen and the keys
 * list; "Copy link to this setup"; a polite live region. Made by script, so a page without
 * JavaScript shows no button that could do nothing; hidden in print.
 */
import { createAnnouncer } from './announcer.ts';
import { createPresenter } from './presenter.ts';
import { asksToPresent, setupLink, shortcutList, type Shortcut } from './presenter-rules.ts';

const TOOLBAR = `
  <div class="al-tools-buttons">
    <button type="button" class="al-button al-button-small" data-tool="present">Present</button>
    <button type="button" class="al-button al-button-small" data-tool="leave" hidden>Leave presenter mode</button>
    <button type="button" class="al-button al-button-small" data-tool="fullscreen" hidden>Full screen</button>
    <button type="button" class="al-button al-button-small" data-tool="copy">Copy link to this setup</button>
  </div>
  <p class="al-tools-fallback" hidden>
    <label>Link to this setup, selected for you to copy <input type="text" readonly spellcheck="false"></label>
  </p>
  <div class="al-tools-keys" data-part="shortcuts" hidden><p>Keys</p><ul></ul></div>
  <p class="visually-hidden" data-tools-live></p>`;

/**
 * Adds the toolbar to the widget figure around `host` (once), with `shortcuts`, the widget's own
 * keys, listed in presenter mode; and presents the widget now if the address asks for it.
 */
export function addWidgetTools(host: HTMLElement, shortcuts: readonly Shortcut[]): void {
  const figure = host.closest<HTMLElement>('figure.al-widget');
  const key = host.dataset.key ?? figure?.dataset.key;
  if (!figure || !key || figure.querySelector(':scope > .al-tools')) return;
  const tools = document.createElement('div');
  tools.className = 'al-tools';
  tools.dataset.print = 'hide';
  tools.innerHTML = TOOLBAR;
  const part = <T extends HTMLElement>(selector: string) => tools.querySelector<T>(selector)!;
  const button = (name: string) => part<HTMLButtonElement>(`[data-tool="${name}"]`);
  const [present, leave, fullscreen, copy] = ['present', 'leave', 'fullscreen', 'copy'].map(button);
  const fallback = part<HTMLParagraphElement>('.al-tools-fallback');
  const field = part<HTMLInputElement>('.al-tools-fallback input');
  const keys = part<HTMLDivElement>('.al-tools-keys');
  part<HTMLUListElement>('.al-tools-keys ul').replaceChildren(...shortcutList(shortcuts).map(shortcutItem));
  const announce = createAnnouncer(part<HTMLElement>('[data-tools-live]'), 100);

  const presenter = createPresenter(figure, key, {
    changed(active, isFullscreen) {
      present.hidden = active;
      leave.hidden = !active;
      keys.hidden = !active;
      const hadFocus = document.activeElement === fullscreen;
      fullscreen.hidden = !active || isFullscreen || !document.fullscreenEnabled;
      if (hadFocus && fullscreen.hidden && active) figure.focus();
    },
    returnFocus: () => present,
  });
  present.addEventListener('click', () => presenter.enter(true));
  leave.addEventListener('click', () => presenter.leave());
  fullscreen.addEventListener('click', () => presenter.requestFullscreen());
  copy.addEventListener('click', async () => {
    const link = setupLink(location, key, presenter.active, anchorOf(figure));
    try {
      // Missing outside a secure context, refused without permission: both fall back to the field.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      fallback.hidden = true;
      announce('Link copied to the clipboard.');
    } catch {
      field.value = link;
      fallback.hidden = false;
      field.focus();
      field.select();
      announce('The browser did not allow copying: the link is selected in the box, ready to copy with Ctrl+C (⌘C on a Mac).');
    }
  });
  figure.prepend(tools);
  if (asksToPresent(location.search, key)) presenter.enter(false);
}

/** One line of the keys list: the keys as <kbd>, then what they do. */
function shortcutItem([keys, action]: Shortcut): HTMLLIElement {
  const item = document.createElement('li');
  const kbd = document.createElement('kbd');
  kbd.textContent = keys;
  item.append(kbd, ` ${action}`);
  return item;
}

/** The widget's anchor: its own id, else the id of the last heading before it in the page's main content. */
function anchorOf(figure: HTMLElement): string | null {
  if (figure.id) return figure.id;
  let anchor: string | null = null;
  for (const heading of (figure.closest('main') ?? document.body).querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id]')) {
    if (!(heading.compareDocumentPosition(figure) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    anchor = heading.id;
  }
  return anchor;
}
