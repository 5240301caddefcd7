/**
 * A polite ARIA live region for a widget's results. Announcements wait until the reader pauses,
 * so dragging a slider does not flood a screen reader with every intermediate value.
 */
export function createAnnouncer(region: HTMLElement, delayMs = 700): (message: string) => void {
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('role', 'status');
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (message: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      region.textContent = message;
    }, delayMs);
  };
}
