/**
 * Redrawing at a new width, the way every widget does it: `changed` runs each time `element`'s
 * width changes (a window resized, a phone turned), never when only its height does, so a chart
 * that grows taller does not redraw itself in a loop.
 */

/**
 * Calls `changed` whenever `element`'s width differs from the last one seen, starting from
 * `from`: the width the charts were drawn at, or 0 when nothing is drawn yet, so that the
 * observer's first report draws them.
 */
export function onWidthChange(element: HTMLElement, changed: () => void, from = element.clientWidth): void {
  let lastWidth = from;
  new ResizeObserver(() => {
    const width = element.clientWidth;
    if (width === lastWidth) return;
    lastWidth = width;
    changed();
  }).observe(element);
}
