/**
 * The keyboard's way to the points: a select naming every point (with its position), buttons to
 * add and remove, and keys on the focused scatter (arrows move the selected point, Shift for a
 * larger step, Page Up and Page Down choose the previous or next point, Delete removes it).
 */
import type { RegressionModel } from './model.ts';
import { pointName, positionText } from './words.ts';

/** A key press moves the selected point by this much, or by LARGE_STEP with Shift. */
export const SMALL_STEP = 0.1;
/** The step with Shift held. */
export const LARGE_STEP = 1;

/** The point tools under the scatter: hint, selector, add and remove, and the line for refusals. */
export function selectorMarkup(key: string): string {
  return `
    <p class="al-hint" id="${key}-hint" data-print="hide">Drag a point, or click empty space to add one. From the keyboard: choose a point below or focus the chart, then use the arrow keys (Shift for steps of ${LARGE_STEP}), Page Up and Page Down, and Delete. The lines follow every move; the networks (if shown) and the descent below refit when you let go.</p>
    <div class="al-rl-tools" data-print="hide">
      <span class="al-control"><label for="${key}-selected">Selected point</label>
      <select id="${key}-selected" data-part="selector"></select></span>
      <button type="button" class="al-button" data-action="add">Add point</button>
      <button type="button" class="al-button" data-action="remove">Remove selected point</button>
    </div>
    <p class="al-rl-message" data-part="message" hidden></p>`;
}

/** Fills the selector with the points, the selected one chosen ("None" when there is none). */
export function showSelector(select: HTMLSelectElement, model: RegressionModel, selected: number | null): void {
  const options = [new Option('None', ''), ...model.points.map((point, index) => new Option(`${pointName(point, index)} ${positionText(point)}`, String(index)))];
  select.replaceChildren(...options);
  select.value = selected === null ? '' : String(selected);
}

/** What the scatter's keys do, through the view. */
export interface ScatterKeyHandlers {
  count(): number;
  selected(): number | null;
  select(index: number): void;
  nudge(dx: number, dy: number): void;
  remove(): void;
}

/** Listens for the scatter's keys on its focusable frame. */
export function scatterKeys(frame: HTMLElement, handlers: ScatterKeyHandlers): void {
  frame.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? LARGE_STEP : SMALL_STEP;
    const moves: Record<string, [number, number]> = { ArrowUp: [0, step], ArrowDown: [0, -step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    const count = handlers.count();
    const current = handlers.selected();
    if (event.key in moves) {
      handlers.nudge(...moves[event.key]);
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const next = current === null ? 0 : (current + (event.key === 'PageDown' ? 1 : count - 1)) % count;
      handlers.select(next);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      handlers.remove();
    } else {
      return;
    }
    event.preventDefault();
  });
}
