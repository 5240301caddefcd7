/**
 * Dragging the boundary on the data chart with the pointer (mouse, pen or touch): the feature
 * under the pointer, read back through the chart's own x scale, becomes the boundary. The chart
 * stays one image with no focusable parts; keyboard readers move the boundary with the w and b
 * sliders, which say the same thing.
 */

/** What a Plot chart offers for reading its x scale back. */
interface PlotScale {
  invert?(position: number): number;
}

/** A chart Plot drew: an SVG with its scales. */
export type PlotChart = Element & { scale(name: 'x'): PlotScale | undefined };

/**
 * Lets the reader drag on the chart inside `frame`. `chart()` gives the chart drawn now (it is
 * redrawn on every change); `onDrag(x)` gets the feature value under the pointer, unrounded.
 */
export function enableBoundaryDrag(frame: HTMLElement, chart: () => PlotChart | undefined, onDrag: (x: number) => void): void {
  let dragging = false;
  const featureAt = (event: PointerEvent) => {
    const current = chart();
    const x = current?.scale('x');
    if (!current || !x?.invert) return undefined;
    const box = current.getBoundingClientRect();
    const ratio = box.width / Number(current.getAttribute('width') || box.width);
    return x.invert((event.clientX - box.left) / ratio);
  };
  frame.addEventListener('pointerdown', (event) => {
    const x = featureAt(event);
    if (x === undefined || event.button !== 0) return;
    dragging = true;
    frame.setPointerCapture(event.pointerId);
    event.preventDefault();
    onDrag(x);
  });
  frame.addEventListener('pointermove', (event) => {
    if (!dragging) return;
    const x = featureAt(event);
    if (x !== undefined) onDrag(x);
  });
  const stop = () => {
    dragging = false;
  };
  frame.addEventListener('pointerup', stop);
  frame.addEventListener('pointercancel', stop);
}
