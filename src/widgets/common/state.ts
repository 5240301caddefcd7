/**
 * A widget's state as data: one table of fields drives parsing, validation, defaults and
 * URL serialisation (the TensorFlow Playground idea), so every widget handles bad input the same way.
 */

import { decimalsOf, quoteInput } from './format.ts';

/**
 * A number the reader sets with a slider. Its allowed values are its grid: min + k·step for
 * whole k, from min to max (so max should lie on the grid too).
 */
export interface NumberField {
  readonly kind: 'number';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  /**
   * 'log' when the range spans orders of magnitude (learning rates): the slider moves in log10,
   * over some of the grid's values (see slider-scale.ts); every grid value may still be typed.
   */
  readonly scale?: 'linear' | 'log';
}

/** One value out of a fixed list, set with a select. */
export interface ChoiceField<V extends string = string> {
  readonly kind: 'choice';
  readonly label: string;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly default: V;
}

/** A short list of whole numbers, e.g. hidden layer sizes; written "32-16-8" in URLs. */
export interface ListField {
  readonly kind: 'list';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly minLength: number;
  readonly maxLength: number;
  readonly default: readonly number[];
}

/** Any field of a state table. */
/** A choice field: its label, its options in order, and the default value. */
export function choiceField<V extends string>(label: string, options: readonly { value: V; label: string }[], value: V): ChoiceField<V> {
  return { kind: 'choice', label, options, default: value };
}

/** A number field on the grid min + k·step up to max; a log scale changes only how its slider moves. */
export function numberField(label: string, min: number, max: number, step: number, value: number, scale?: 'log'): NumberField {
  return { kind: 'number', label, min, max, step, default: value, scale };
}

export type Field = NumberField | ChoiceField | ListField;

/** The table of a widget's fields, keyed by the name used in URLs. */
export type Schema = Readonly<Record<string, Field>>;

/** The state a schema describes: numbers, the option values of choices, arrays for lists. */
export type StateOf<S extends Schema> = {
  -readonly [K in keyof S]: S[K] extends ChoiceField<infer V> ? V : S[K] extends ListField ? number[] : number;
};

type Value = number | string | number[];

const LIST_SEPARATOR = '-';

/** A parsed state and the reasons any input was set aside (shown to the reader). */
export interface Parsed<S extends Schema> {
  state: StateOf<S>;
  problems: string[];
}

/** The defaults of every field. */
export function defaultState<S extends Schema>(schema: S): StateOf<S> {
  const state: Record<string, Value> = {};
  for (const [key, field] of Object.entries(schema)) state[key] = field.kind === 'list' ? [...field.default] : field.default;
  return state as StateOf<S>;
}

/**
 * Turns untrusted text values (URL parameters, attributes) into a valid state. A missing value
 * takes its default; one that is not allowed (unreadable, out of range, off the step) takes its
 * default too and is reported: values are refused, never snapped, so a shared link trains on
 * exactly what it says or visibly on the default.
 */
export function parseState<S extends Schema>(
  schema: S,
  input: Readonly<Record<string, string | undefined>>,
  overrides: Partial<StateOf<S>> = {},
): Parsed<S> {
  const state: Record<string, Value> = { ...defaultState(schema), ...overrides };
  const problems: string[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const raw = input[key];
    if (raw === undefined) continue;
    const value = parseField(field, raw);
    if (value === undefined) problems.push(`${field.label}: ${refusal(field, raw)}, so the default is used.`);
    else state[key] = value;
  }
  return { state: state as StateOf<S>, problems };
}

/**
 * How far from the grid, in steps, a value may lie and still count as on it: float
 * representation, not the reader, puts 0.30000000000000004 next to 0.3.
 */
const GRID_TOLERANCE = 1e-9;

/** The decimals a field's grid values need: those of its step and of its min (0.25 steps need 2). */
export function gridDecimals(field: NumberField): number {
  return Math.max(decimalsOf(field.step), decimalsOf(field.min));
}

/** The grid value nearest `value`, free of float noise (0.30000000000000004 gives 0.3, never -0). */
export function snapToGrid(field: NumberField, value: number): number {
  const steps = Math.round((value - field.min) / field.step);
  return Number((field.min + steps * field.step).toFixed(gridDecimals(field))) + 0;
}

/** A list's items as a number field of their own: whole numbers from the list's min to max. */
export function listItemField(field: ListField): NumberField {
  return { kind: 'number', label: field.label, min: field.min, max: field.max, step: 1, default: field.min };
}

/**
 * One field's value from text, or undefined when the text is not an allowed value. A number
 * must lie on its field's grid (for a step of 1: be a whole number); the value returned is the
 * grid value itself, so what is shown, where the slider sits and what is computed agree.
 */
export function parseField(field: ChoiceField, raw: string): string | undefined;
export function parseField(field: NumberField, raw: string): number | undefined;
export function parseField(field: ListField, raw: string): number[] | undefined;
export function parseField(field: Field, raw: string): Value | undefined;
export function parseField(field: Field, raw: string): Value | undefined {
  if (field.kind === 'choice') return field.options.some((option) => option.value === raw) ? raw : undefined;
  if (field.kind === 'list') {
    const item = listItemField(field);
    const items = raw.split(LIST_SEPARATOR).map((text) => parseField(item, text));
    const fits = items.length >= field.minLength && items.length <= field.maxLength;
    return fits && items.every((value) => value !== undefined) ? (items as number[]) : undefined;
  }
  if (raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) return undefined;
  const snapped = snapToGrid(field, value);
  const onGrid = Math.abs(value - snapped) <= GRID_TOLERANCE * field.step;
  return onGrid && snapped >= field.min && snapped <= field.max ? snapped : undefined;
}

/** What a field accepts, in words, for messages ("a whole number from 100 to 5000 in steps of 100"). */
export function allowed(field: Field): string {
  if (field.kind === 'choice') return `one of ${field.options.map((option) => option.value).join(', ')}`;
  if (field.kind === 'list') {
    return `${field.minLength} to ${field.maxLength} whole numbers from ${field.min} to ${field.max}, joined by "${LIST_SEPARATOR}"`;
  }
  const range = `from ${field.min} to ${field.max}`;
  if (Number.isInteger(field.min) && Number.isInteger(field.step)) {
    return `a whole number ${range}${field.step === 1 ? '' : ` in steps of ${field.step}`}`;
  }
  return `a number ${range} in steps of ${field.step}`;
}

/**
 * Why a reader's text was refused: the text, quoted safely (short, no bidirectional controls),
 * and what the field accepts. Every message that repeats a reader's input is made here.
 */
export function refusal(field: Field, raw: string): string {
  return `${quoteInput(raw)} is not allowed (${allowed(field)})`;
}

/** What a choice field's control calls one of its values ("tanh", "ReLU"), so messages name what the reader chose. */
export function optionLabel<V extends string>(field: ChoiceField<V>, value: V): string {
  return field.options.find((option) => option.value === value)?.label ?? value;
}

/** The notice a widget shows when some values in its address could not be used. */
export function addressNotice(problems: readonly string[]): string {
  return `Some settings in the address could not be used. ${problems.join(' ')}`;
}

/**
 * The fields that differ from their defaults, as text, so shared URLs stay short. A widget whose
 * lesson starts it elsewhere passes the lesson's values as `base`, the same base it reads the
 * address against: then opening the page writes nothing, and a value the reader chose that
 * happens to be the table's default is still written, so the link keeps it.
 */
export function serialiseState<S extends Schema>(schema: S, state: StateOf<S>, base?: StateOf<S>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema)) {
    const value = (state as Record<string, Value>)[key];
    const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
    const start = base ? (base as Record<string, Value>)[key] : field.default;
    const fallback = Array.isArray(start) ? start.join(LIST_SEPARATOR) : String(start);
    if (text !== fallback) values[key] = text;
  }
  return values;
}
