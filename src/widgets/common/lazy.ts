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
 * then loads its view module (and with it Plot and the model) and lets it take over.
 */
export function defineLazyWidget(tag: string, loadView: () => Promise<(host: HTMLElement) => void>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback(): void {
        whenNearViewport(this, async () => (await loadView())(this));
      }
    },
  );
}
