/**
 * Wide display formulas and prose tables scroll sideways inside the text column on a phone
 * (.katex-display and .prose table have overflow-x: auto). A region that scrolls must be
 * reachable from the keyboard, so each one that actually overflows gets tabindex="0" and a
 * label, and loses them again when the window grows and it fits: no tab stop for a formula
 * that needs none. Code blocks already carry tabindex="0" from the highlighter.
 */
const SCROLLERS = '.prose .katex-display, .prose > table';
const MARK = 'data-scroll-focus';

/** Gives every overflowing region a tab stop, and takes it from those that fit now. */
function markScrollableRegions(root: ParentNode): void {
  for (const region of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const overflows = region.scrollWidth > region.clientWidth + 1;
    if (overflows && !region.hasAttribute(MARK)) {
      region.setAttribute(MARK, '');
      region.tabIndex = 0;
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', region.tagName === 'TABLE' ? 'Table, scrolls sideways' : 'Formula, scrolls sideways');
    } else if (!overflows && region.hasAttribute(MARK)) {
      for (const name of [MARK, 'tabindex', 'role', 'aria-label']) region.removeAttribute(name);
    }
  }
}

markScrollableRegions(document);
let pending = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => markScrollableRegions(document));
}).observe(document.documentElement);
