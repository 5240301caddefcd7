/**
 * Dragging a logit's bar up or down with the pointer (mouse, pen or touch). The bar under the
 * pointer is found from the chart's own x scale and the value from its y scale, so the drag
 * follows whatever the chart drew. Keyboard readers have the same control in each logit's
 * slider, which the bars mirror; the SVG stays one image, with no focusable parts inside.
 */

/** What a Plot chart offers for reading its scales back. */
interface PlotScale {
  domain: readonly unknown[];
  bandwidth?: number;
  apply(value: unknown): number;
  invert?(position: number): number;
}

/** A chart Plot drew: an SVG (or a figure around one) with its scales. */
export type PlotChart = Element & { scale(name: 'x' | 'y'): PlotScale | undefined };

/**
 * Lets the reader drag the bars of the chart inside `frame`. `chart()` gives the chart drawn
 * now (it is redrawn on every change); `onDrag(index, value)` gets the bar and the y value
 * under the pointer, unrounded.
 */
export function enableBarDrag(frame: HTMLElement, chart: () => PlotChart | undefined, onDrag: (index: number, value: number) => void): void {
  let dragged: number | undefined;
  const locate = (event: PointerEvent) => {
    const current = chart();
    const svg = current?.tagName.toLowerCase() === 'svg' ? current : current?.querySelector('svg');
    const x = current?.scale('x');
    const y = current?.scale('y');
    if (!svg || !x || !y?.invert || x.bandwidth === undefined) return undefined;
    const box = svg.getBoundingClientRect();
    const ratio = box.width / Number(svg.getAttribute('width') || box.width);
    const left = (event.clientX - box.left) / ratio;
    const top = (event.clientY - box.top) / ratio;
    const centres = x.domain.map((label) => x.apply(label) + x.bandwidth! / 2);
    const nearest = centres.reduce((best, centre, index) => (Math.abs(centre - left) < Math.abs(centres[best] - left) ? index : best), 0);
    return { index: nearest, value: y.invert(top), near: Math.abs(centres[nearest] - left) <= x.bandwidth };
  };
  frame.addEventListener('pointerdown', (event) => {
    const place = locate(event);
    if (!place?.near || event.button !== 0) return;
    dragged = place.index;
    frame.setPointerCapture(event.pointerId);
    event.preventDefault();
    onDrag(place.index, place.value);
  });
  frame.addEventListener('pointermove', (event) => {
    if (dragged === undefined) return;
    const place = locate(event);
    if (place) onDrag(dragged, place.value);
  });
  const stop = () => {
    dragged = undefined;
  };
  frame.addEventListener('pointerup', stop);
  frame.addEventListener('pointercancel', stop);
}
