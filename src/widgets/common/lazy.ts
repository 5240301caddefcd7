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
