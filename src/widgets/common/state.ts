/**
 * A widget's state as data: one table of fields drives parsing, validation, defaults and
 * URL serialisation (the TensorFlow Playground idea), so every widget handles bad input the same way.
 */

/** A number the reader sets with a slider. */
export interface NumberField {
  readonly kind: 'number';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  /** 'log' when the range spans orders of magnitude (learning rates): the slider moves in log10. */
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
 * takes its default; an unreadable or out-of-range one takes its default too and is reported.
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
    if (value === undefined) problems.push(`${field.label}: "${raw}" is not allowed (${allowed(field)}), so the default is used.`);
    else state[key] = value;
  }
  return { state: state as StateOf<S>, problems };
}

/** One field's value from text, or undefined when the text is not an allowed value. */
export function parseField(field: ChoiceField, raw: string): string | undefined;
export function parseField(field: NumberField, raw: string): number | undefined;
export function parseField(field: ListField, raw: string): number[] | undefined;
export function parseField(field: Field, raw: string): Value | undefined;
export function parseField(field: Field, raw: string): Value | undefined {
  if (field.kind === 'choice') return field.options.some((option) => option.value === raw) ? raw : undefined;
  if (field.kind === 'list') {
    const items = raw.split(LIST_SEPARATOR).map(Number);
    const fits = items.length >= field.minLength && items.length <= field.maxLength;
    return fits && items.every((item) => Number.isInteger(item) && item >= field.min && item <= field.max) ? items : undefined;
  }
  if (raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= field.min && value <= field.max ? value : undefined;
}

/** What a field accepts, in words, for messages. */
export function allowed(field: Field): string {
  if (field.kind === 'choice') return `one of ${field.options.map((option) => option.value).join(', ')}`;
  if (field.kind === 'list') {
    return `${field.minLength} to ${field.maxLength} whole numbers from ${field.min} to ${field.max}, joined by "${LIST_SEPARATOR}"`;
  }
  return `a number from ${field.min} to ${field.max}`;
}

/** The fields that differ from their defaults, as text, so shared URLs stay short. */
export function serialiseState<S extends Schema>(schema: S, state: StateOf<S>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema)) {
    const value = (state as Record<string, Value>)[key];
    const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
    const fallback = Array.isArray(field.default) ? field.default.join(LIST_SEPARATOR) : String(field.default);
    if (text !== fallback) values[key] = text;
  }
  return values;
}
