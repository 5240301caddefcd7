/**
 * The scatter under the pointer (mouse, pen or touch): press on a point and drag it, or click on
 * empty space to add a point there. Positions are read back through the chart's own scales, so
 * the drag follows whatever was drawn. Keyboard readers have the same actions in the view (the
 * chart is focusable: arrow keys, Delete, and the point selector).
 */

/** What a Plot chart offers for reading its scales back. */
interface PlotScale {
  apply(value: unknown): number;
  invert?(position: number): number;
}

/** A chart Plot drew: an SVG with its scales. */
export type PlotChart = Element & { scale(name: 'x' | 'y'): PlotScale | undefined };

/** A position in data units. */
export interface DataPosition {
  readonly x: number;
  readonly y: number;
}

/** What the view answers and hears while the pointer works on the scatter. */
export interface ScatterHandlers {
  /** The chart drawn now (it is redrawn on every change). */
  chart(): PlotChart | undefined;
  /** Where the points are now, in data units, in the model's order. */
  points(): readonly DataPosition[];
  /** A point was pressed: select it, a drag begins. */
  grab(index: number): void;
  /** The grabbed point is under the pointer at this position (unclamped). */
  move(index: number, to: DataPosition): void;
  /** The drag ended (pointer up or cancelled). */
  release(index: number): void;
  /** A click on empty space at this position. */
  add(at: DataPosition): void;
}

/** A press within this many pixels of a point grabs it (more for a finger). */
const REACH = { mouse: 12, pen: 12, touch: 22 } as const;

/** A press that moves less than this many pixels before it ends is a click. */
const CLICK_SLOP = 4;

/** Connects pointer events on `frame` (the scatter's frame) to the handlers. */
export function enablePointDrag(frame: HTMLElement, handlers: ScatterHandlers): void {
  let grabbed: number | undefined;
  let pressed: { x: number; y: number } | undefined;
  const locate = (event: PointerEvent) => {
    const chart = handlers.chart();
    const svg = chart?.tagName.toLowerCase() === 'svg' ? chart : chart?.querySelector('svg');
    const x = chart?.scale('x');
    const y = chart?.scale('y');
    if (!svg || !x?.invert || !y?.invert) return undefined;
    const box = svg.getBoundingClientRect();
    const ratio = box.width / Number(svg.getAttribute('width') || box.width);
    const left = (event.clientX - box.left) / ratio;
    const top = (event.clientY - box.top) / ratio;
    const points = handlers.points();
    let nearest = -1;
    let distance = Infinity;
    points.forEach((point, index) => {
      const d = Math.hypot(x.apply(point.x) - left, y.apply(point.y) - top);
      // The later point wins a tie, as it is drawn on top.
      if (d <= distance) {
        nearest = index;
        distance = d;
      }
    });
    const reach = REACH[event.pointerType as keyof typeof REACH] ?? REACH.mouse;
    return { data: { x: x.invert(left), y: y.invert(top) }, near: distance * ratio <= reach ? nearest : -1 };
  };
  frame.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const place = locate(event);
    if (!place) return;
    pressed = { x: event.clientX, y: event.clientY };
    frame.setPointerCapture(event.pointerId);
    event.preventDefault();
    frame.focus({ preventScroll: true });
    if (place.near >= 0) {
      grabbed = place.near;
      handlers.grab(place.near);
    }
  });
  frame.addEventListener('pointermove', (event) => {
    if (grabbed === undefined) return;
    const place = locate(event);
    if (place) handlers.move(grabbed, place.data);
  });
  frame.addEventListener('pointerup', (event) => {
    const start = pressed;
    pressed = undefined;
    if (grabbed !== undefined) {
      const index = grabbed;
      grabbed = undefined;
      handlers.release(index);
      return;
    }
    if (!start || Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP) return;
    const place = locate(event);
    if (place) handlers.add(place.data);
  });
  frame.addEventListener('pointercancel', () => {
    pressed = undefined;
    if (grabbed === undefined) return;
    const index = grabbed;
    grabbed = undefined;
    handlers.release(index);
  });
}
