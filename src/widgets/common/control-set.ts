/**
 * Every field of a state table as a control, each placed in its group: what a widget with
 * grouped settings (the lab, the gradient-depth widget) builds the same way.
 */
import { controlFor, type Control, type FieldValue } from './controls.ts';
import type { Schema, StateOf } from './state.ts';

/** The controls of a state table, and whether any shows a value it refused (then nothing should train). */
export interface ControlSet<S extends Schema> {
  readonly controls: ReadonlyMap<keyof StateOf<S>, Control>;
  refused(): boolean;
}

/**
 * A control for each field, id `${key}-${name}`, appended to `place(name)`; `onChange` hears a
 * field's new value. Fields are built in the table's order.
 */
export function controlSet<S extends Schema>(
  key: string,
  schema: S,
  state: StateOf<S>,
  place: (name: keyof StateOf<S> & string) => HTMLElement,
  onChange: (name: keyof StateOf<S> & string, value: FieldValue) => void,
): ControlSet<S> {
  const controls = new Map<keyof StateOf<S>, Control>();
  for (const name of Object.keys(schema) as (keyof StateOf<S> & string)[]) {
    const control = controlFor(`${key}-${name}`, schema[name], state[name] as FieldValue, (value) => onChange(name, value));
    place(name).append(control.element);
    controls.set(name, control);
  }
  return { controls, refused: () => [...controls.values()].some((control) => !control.valid) };
}
