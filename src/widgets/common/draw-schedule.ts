/**
 * When a live widget redraws: requests are coalesced into one animation frame, and while the
 * widget is busy (training, say) a reader who prefers reduced motion gets at most one redraw a
 * second. Every widget that redraws on its own uses this, so the motion rule lives in one place.
 */

/** Returns `request()`, which runs `draw` once at the next allowed frame however often it is called. */
export function drawScheduler(draw: () => void, busy: () => boolean): () => void {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  let queued = false;
  let last = 0;
  const run = () => {
    queued = false;
    last = performance.now();
    draw();
  };
  return () => {
    if (queued) return;
    queued = true;
    const wait = busy() && reducedMotion.matches ? Math.max(0, 1000 - (performance.now() - last)) : 0;
    setTimeout(() => requestAnimationFrame(run), wait);
  };
}
