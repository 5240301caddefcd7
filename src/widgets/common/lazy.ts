import type { Shortcut } from './presenter-rules.ts';
import { watchForPrint } from './print-state.ts';
import { addWidgetTools } from './widget-tools.ts';

/** Calls `start` once, when the element comes within a screen of the viewport; widgets do no work before. */
export function whenNearViewport(element: Element, start: () => void): void {
  if (!('IntersectionObserver' in globalThis)) {
    start();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      start();
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(element);
}

/**
 * Defines <tag> as an element that keeps its build-time content until it nears the viewport,
 * then loads its view module (and with it Plot and the model) and lets it take over; the
 * build-time content stays for print (common/print-state.ts). Its figure
 * gets the toolbar (Present, Copy link) at once, from here, so every widget has it without a
 * line of its own; `shortcuts` are the widget's keys, which presenter mode lists.
 */
export function defineLazyWidget(tag: string, loadView: () => Promise<(host: HTMLElement) => void>, shortcuts: readonly Shortcut[] = []): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback(): void {
        addWidgetTools(this, shortcuts);
        whenNearViewport(this, async () => {
          const mount = await loadView();
          // The build-time content, kept (out of sight) for printing an untouched widget.
          const still = [...this.childNodes];
          mount(this);
          watchForPrint(this, still);
        });
      }
    },
  );
}
