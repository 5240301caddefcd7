/**
 * Presenter mode for one widget: the figure alone on the screen, for a projector. It is always
 * a fixed full-viewport overlay (presenter.css), and full screen on top of that when the browser
 * grants it, so a refused or missing Fullscreen API (headless Chromium, an iframe, a page opened
 * from a bookmark with no click yet) still presents. The rest of the page is inert meanwhile, so
 * Tab, clicks and screen readers stay inside the widget.
 */
import { withPresent } from './presenter-rules.ts';

/** Presenter mode of one widget figure. */
export interface Presenter {
  /** Whether the figure is being presented. */
  readonly active: boolean;
  /** Presents the figure; with `fullscreen`, also asks for full screen (which needs a user gesture). */
  enter(fullscreen: boolean): void;
  /** Asks for full screen while presenting (the button inside, for a page opened at `?present=`). */
  requestFullscreen(): void;
  /** Leaves presenter mode (and full screen) and gives focus back to `returnFocus`. */
  leave(): void;
}

/** What the toolbar does when presenter mode or full screen changes. */
export interface PresenterHooks {
  /** Called after every change, with whether the figure is presented and whether it is full screen. */
  changed(active: boolean, fullscreen: boolean): void;
  /** Where focus goes on leaving: the Present button. */
  returnFocus(): HTMLElement;
}

/** Presenter mode for `figure`, whose widget's URL parameters are under `key`. */
export function createPresenter(figure: HTMLElement, key: string, hooks: PresenterHooks): Presenter {
  let active = false;
  let restoreRest: (() => void) | null = null;
  const isFullscreen = () => document.fullscreenElement === figure;

  const report = () => hooks.changed(active, isFullscreen());
  const setAddress = (presented: string | null) =>
    history.replaceState(history.state, '', `${location.pathname}${withPresent(location.search, presented)}${location.hash}`);

  const presenter: Presenter = {
    get active() {
      return active;
    },
    enter(fullscreen) {
      if (active) return;
      active = true;
      figure.dataset.presenting = '';
      document.documentElement.dataset.presenting = '';
      restoreRest = makeRestInert(figure);
      // Focusable from script only, so Tab still starts at the first control inside.
      figure.tabIndex = -1;
      figure.focus({ preventScroll: true });
      setAddress(key);
      report();
      if (fullscreen) presenter.requestFullscreen();
    },
    requestFullscreen() {
      if (!active || isFullscreen() || !document.fullscreenEnabled) return;
      // Refused (no gesture, a policy, headless): the overlay is already on screen, so nothing is lost.
      figure.requestFullscreen?.().catch(() => report());
    },
    leave() {
      if (!active) return;
      active = false;
      if (isFullscreen()) document.exitFullscreen().catch(() => undefined);
      delete figure.dataset.presenting;
      delete document.documentElement.dataset.presenting;
      restoreRest?.();
      restoreRest = null;
      figure.removeAttribute('tabindex');
      setAddress(null);
      report();
      hooks.returnFocus().focus();
    },
  };

  // The browser's own Escape ends full screen without a key event reaching the page; that is
  // the reader leaving, so presenter mode ends with it. Entering full screen only updates the buttons.
  document.addEventListener('fullscreenchange', () => {
    if (!active) return;
    if (isFullscreen()) report();
    else presenter.leave();
  });
  // Escape leaves, unless a control inside used it first. Other keys stop at the figure, so the
  // page's own shortcuts (the search's "/") cannot open anything behind the presented widget.
  figure.addEventListener('keydown', (event) => {
    if (!active) return;
    event.stopPropagation();
    if (event.key === 'Tab' && !event.defaultPrevented) wrapTab(figure, event);
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    presenter.leave();
  });
  // Focus can fall to the body (a removed control, a click on the backdrop); Escape still leaves.
  document.addEventListener('keydown', (event) => {
    if (active && event.key === 'Escape' && !figure.contains(event.target as Node)) presenter.leave();
  });
  return presenter;
}

/** What Tab can reach inside `root`, in order (positive tabindex is not used on this site). */
function tabbables(root: HTMLElement): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
  return [...candidates].filter(
    (element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.checkVisibility({ visibilityProperty: true }),
  );
}

/**
 * Tab from the last control goes round to the first, Shift + Tab from the first (or from the
 * figure itself) to the last. Inert alone would let focus leave for the browser's own bar.
 */
function wrapTab(figure: HTMLElement, event: KeyboardEvent): void {
  const reachable = tabbables(figure);
  if (reachable.length === 0) return;
  const at = document.activeElement;
  const first = reachable[0];
  const last = reachable[reachable.length - 1];
  const next = event.shiftKey ? (at === first || at === figure ? last : null) : at === last ? first : null;
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * Makes everything outside `figure` inert: the siblings of the figure and of each of its
 * ancestors up to the body (an ancestor itself cannot be, as inert is inherited). Returns how to
 * undo it, touching only what it changed, so content that was inert before stays inert.
 */
function makeRestInert(figure: HTMLElement): () => void {
  const changed: HTMLElement[] = [];
  for (let node: HTMLElement = figure; node !== document.body && node.parentElement; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      changed.push(sibling);
    }
  }
  return () => {
    for (const element of changed) element.inert = false;
  };
}
