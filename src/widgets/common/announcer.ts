/**
 * A polite ARIA live region for a widget's results. Announcements wait until the reader pauses,
 * so dragging a slider does not flood a screen reader with every intermediate value. A call may
 * wait longer than the region's usual delay (a retrained result waits for the reader to stop).
 */
export function createAnnouncer(region: HTMLElement, delayMs = 700): (message: string, waitMs?: number) => void {
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('role', 'status');
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (message: string, waitMs = delayMs) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      region.textContent = message;
    }, waitMs);
  };
}
