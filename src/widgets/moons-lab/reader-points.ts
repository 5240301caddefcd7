/**
 * The reader's own training points: added by clicking the boundary chart or by typing x and y,
 * refused with a reason outside the chart or past the limit, and cleared.
 */
import { formatFixed } from '../common/format.ts';
import type { drawChart } from '../common/plot-theme.ts';
import { MAX_USER_POINTS, type Bounds, type UserPoint } from './model.ts';

/** What the points need from the lab's view. */
export interface ReaderPointsHost {
  part<T extends Element = HTMLElement>(name: string): T;
  /** The points, changed in place. */
  readonly points: UserPoint[];
  /** The bounds and the chart of the run shown, once drawn. */
  bounds(): Bounds | undefined;
  chart(): ReturnType<typeof drawChart> | undefined;
  /** A point was refused: say why. */
  refuse(message: string): void;
  /** The points changed (`message` says how, or '' when cleared): restart the run with them. */
  changed(message: string): void;
}

/** Wires the form, the chart clicks and the clear button. */
export function wireReaderPoints(host: ReaderPointsHost): void {
  const { part, points } = host;
  part('add-point').addEventListener('click', () => {
    const [x, y] = ['point-x', 'point-y'].map((name) => part<HTMLInputElement>(name).value);
    add(x === '' ? Number.NaN : Number(x), y === '' ? Number.NaN : Number(y));
  });
  part('clear-points').addEventListener('click', () => {
    points.length = 0;
    host.changed('');
  });
  part('boundary').addEventListener('click', (event) => {
    const svg = (event.target as Element).closest('svg');
    const chart = host.chart();
    if (!svg || !chart) return;
    // The chart may be drawn smaller than its own width; map the click back to chart units.
    const box = svg.getBoundingClientRect();
    const factor = Number(svg.getAttribute('width')) / box.width;
    add(chart.scale('x')?.invert?.((event.clientX - box.left) * factor), chart.scale('y')?.invert?.((event.clientY - box.top) * factor));
  });

  /** Adds a training point of the chosen class at (x, y), if it lies inside the chart. */
  function add(x: number, y: number) {
    const bounds = host.bounds();
    if (!bounds) return;
    const { xMin, xMax, yMin, yMax } = bounds;
    if (!(x >= xMin && x <= xMax && y >= yMin && y <= yMax)) {
      const range = (min: number, max: number) => `from ${formatFixed(min, 1)} to ${formatFixed(max, 1)}`;
      return host.refuse(`A new point needs x ${range(xMin, xMax)} and y ${range(yMin, yMax)}.`);
    }
    if (points.length >= MAX_USER_POINTS) return host.refuse(`You can add up to ${MAX_USER_POINTS} points of your own; clear them to add others.`);
    const label = Number(part<HTMLSelectElement>('point-class').value) === 1 ? 1 : 0;
    // Rounded as the address stores them, so a shared link trains on exactly these points.
    const [px, py] = [x, y].map((v) => Number(v.toFixed(2)));
    points.push({ x: px, y: py, label });
    host.changed(`Added a class ${label} point at ${px}, ${py}. The run restarts with it in the training data.`);
  }
}
