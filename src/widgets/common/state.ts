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
}

/** One value out of a fixed list, set with a select. */
export interface ChoiceField<V extends string = string> {
  readonly kind: 'choice';
  readonly label: string;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly default: V;
}

/** The table of a widget's fields, keyed by the name used in URLs. */
export type Schema = Readonly<Record<string, NumberField | ChoiceField>>;

/** The state a schema describes: numbers for number fields, the option values for choices. */
export type StateOf<S extends Schema> = {
  -readonly [K in keyof S]: S[K] extends ChoiceField<infer V> ? V : number;
};

/** A parsed state and the reasons any input was set aside (shown to the reader). */
export interface Parsed<S extends Schema> {
  state: StateOf<S>;
  problems: string[];
}

/** The defaults of every field. */
export function defaultState<S extends Schema>(schema: S): StateOf<S> {
  const state: Record<string, number | string> = {};
  for (const [key, field] of Object.entries(schema)) state[key] = field.default;
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
  const state: Record<string, number | string> = { ...defaultState(schema), ...overrides };
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
export function parseField(field: NumberField | ChoiceField, raw: string): number | string | undefined {
  if (field.kind === 'choice') return field.options.some((option) => option.value === raw) ? raw : undefined;
  if (raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= field.min && value <= field.max ? value : undefined;
}

/** What a field accepts, in words, for messages. */
export function allowed(field: NumberField | ChoiceField): string {
  if (field.kind === 'choice') return `one of ${field.options.map((option) => option.value).join(', ')}`;
  return `a number from ${field.min} to ${field.max}`;
}

/** The fields that differ from their defaults, as text, so shared URLs stay short. */
export function serialiseState<S extends Schema>(schema: S, state: StateOf<S>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema)) {
    const value = (state as Record<string, number | string>)[key];
    if (value !== field.default) values[key] = String(value);
  }
  return values;
}
