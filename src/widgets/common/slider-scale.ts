/**
 * Where a number field's value sits on its slider. A linear field's slider moves in the field's
 * own steps. A log field's slider moves over a table of stops, allowed values spaced evenly in
 * log10 where the step allows, so that every key press gives a new value (batch sizes 1, 2, 3, …
 * at the low end, about 3.5% apart higher up) and Home and End give the field's min and max.
 */
import { snapToGrid, type NumberField } from './state.ts';

/** The attributes of a range input that a scale sets and reads (an HTMLInputElement in the page). */
export type RangeInput = Pick<HTMLInputElement, 'min' | 'max' | 'step' | 'value'>;

/** Puts a field's values on a slider and reads them back. */
export interface SliderScale {
  /** Moves the slider to `value`, which must be an allowed value of the field. */
  place(slider: RangeInput, value: number): void;
  /** The allowed value the slider is at. */
  read(slider: RangeInput): number;
}

/** How many evenly spaced log10 positions a log slider's stops are drawn from, before duplicates go. */
const LOG_POSITIONS = 200;

/**
 * A log field's stops, ascending and distinct: each of LOG_POSITIONS log-spaced values rounded
 * to two significant figures (a learning rate reads 0.05, not 0.0501187) and then to the grid,
 * plus min and max exactly.
 */
export function logStops(field: NumberField): number[] {
  const [low, high] = [Math.log10(field.min), Math.log10(field.max)];
  const stops = new Set([field.min, field.max]);
  for (let position = 0; position <= LOG_POSITIONS; position++) {
    const rounded = Number((10 ** (low + ((high - low) * position) / LOG_POSITIONS)).toPrecision(2));
    const value = snapToGrid(field, rounded);
    if (value >= field.min && value <= field.max) stops.add(value);
  }
  return [...stops].sort((a, b) => a - b);
}

/** The scale a field's slider uses: its own steps, or log-spaced stops for a log field. */
export function sliderScale(field: NumberField): SliderScale {
  return field.scale === 'log' ? logScale(field) : linearScale(field);
}

function linearScale(field: NumberField): SliderScale {
  return {
    place(slider, value) {
      Object.assign(slider, { min: String(field.min), max: String(field.max), step: String(field.step) });
      slider.value = String(value);
    },
    read: (slider) => snapToGrid(field, Number(slider.value)),
  };
}

/** The slider's position is an index into the stops; the value it stands for is spoken by aria-valuetext. */
function logScale(field: NumberField): SliderScale {
  const table = logStops(field);
  let stops = table;
  return {
    place(slider, value) {
      // A typed value between two stops becomes a stop of its own while it is shown, so the
      // slider sits exactly on it and the arrow keys move on to its neighbours.
      if (!stops.includes(value)) stops = table.includes(value) ? table : [...table, value].sort((a, b) => a - b);
      Object.assign(slider, { min: '0', max: String(stops.length - 1), step: '1' });
      slider.value = String(stops.indexOf(value));
    },
    read: (slider) => stops[Math.round(Number(slider.value))],
  };
}

/**
 * A linear slider over part of a field's range, in its own step (a multiple of the field's):
 * the number box still takes the whole field. A value outside the window puts the slider at the
 * window's nearer end; the slider reads back only values inside it.
 */
export function windowScale(field: NumberField, low: number, high: number, step: number): SliderScale {
  return {
    place(slider, value) {
      Object.assign(slider, { min: String(low), max: String(high), step: String(step) });
      slider.value = String(Math.min(high, Math.max(low, value)));
    },
    read: (slider) => snapToGrid(field, Number(slider.value)),
  };
}
