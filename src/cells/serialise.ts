import type { OutputEntry, TableOutput } from './protocol.ts';

/** The most rows a table shows; the rest are counted in `omitted`. */
export const MAX_TABLE_ROWS = 200;
/** The most columns a table shows (a wide matrix says in its caption how many it left off). */
export const MAX_TABLE_COLUMNS = 50;
/** The most items written out inside one value, e.g. a row's nested array. */
const MAX_INLINE_ITEMS = 20;
/** How deep nested values are written out before they become `[…]` or `{…}`. */
const MAX_DEPTH = 3;

/**
 * A number as code output shows it: integers as they are (no thousands separators), other
 * numbers to 6 significant digits, very small ones in exponent form, and NaN, ±Infinity and -0
 * by name, since a reader's own NaN is shown on purpose.
 */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (!Number.isFinite(value) || (Number.isInteger(value) && Math.abs(value) < 1e21)) return String(value);
  // toPrecision already switches to exponent form from 1e6 up; below 1e-4 it would print zeros.
  const text = Math.abs(value) < 1e-4 ? value.toExponential(5) : value.toPrecision(6);
  return trimZeros(text);
}

function trimZeros(text: string): string {
  const [mantissa = '', exponent] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isListLike(value: unknown): value is readonly unknown[] | TypedArray {
  return Array.isArray(value) || isTypedArray(value);
}

function itemsOf(value: readonly unknown[] | TypedArray): readonly unknown[] {
  return Array.isArray(value) ? value : Array.from(value as ArrayLike<unknown>);
}

/**
 * Any value written out on one line, as inside a table cell or a console line: strings quoted
 * when nested (`quoteStrings`), nesting cut at a depth of 3, long lists shortened, cycles safe.
 */
export function formatInline(value: unknown, quoteStrings = false, depth = 0, seen: ReadonlySet<object> = new Set()): string {
  switch (typeof value) {
    case 'number':
      return formatNumber(value);
    case 'string':
      return quoteStrings ? JSON.stringify(value) : value;
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[circular]';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof RegExp) return String(value);
  const inner = new Set(seen).add(object);
  const nested = (item: unknown) => formatInline(item, true, depth + 1, inner);
  if (isListLike(value)) {
    const prefix = isTypedArray(value) ? `${value.constructor.name}(${value.length}) ` : '';
    if (depth >= MAX_DEPTH) return `${prefix}[…]`;
    return prefix + bracketed('[', ']', itemsOf(value).slice(0, MAX_INLINE_ITEMS).map(nested), value.length);
  }
  if (value instanceof Map) {
    if (depth >= MAX_DEPTH) return `Map(${value.size}) {…}`;
    const entries = [...value].slice(0, MAX_INLINE_ITEMS).map(([key, item]) => `${nested(key)} => ${nested(item)}`);
    return `Map(${value.size}) ${bracketed('{', '}', entries, value.size)}`;
  }
  if (value instanceof Set) {
    if (depth >= MAX_DEPTH) return `Set(${value.size}) {…}`;
    return `Set(${value.size}) ${bracketed('{', '}', [...value].slice(0, MAX_INLINE_ITEMS).map(nested), value.size)}`;
  }
  if (depth >= MAX_DEPTH) return '{…}';
  const keys = Object.keys(object);
  const entries = keys.slice(0, MAX_INLINE_ITEMS).map((key) => `${propertyName(key)}: ${nested((object as Record<string, unknown>)[key])}`);
  const name = isPlainObject(value) ? '' : `${object.constructor?.name ?? 'Object'} `;
  return name + bracketed('{', '}', entries, keys.length);
}

function bracketed(open: string, close: string, parts: string[], total: number): string {
  if (total === 0) return `${open}${close}`;
  const more = total > parts.length ? [`… ${total - parts.length} more`] : [];
  const inside = [...parts, ...more].join(', ');
  return open === '{' ? `${open} ${inside} ${close}` : `${open}${inside}${close}`;
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/** A cell of a table: numbers formatted, strings as they are, anything else on one line. */
function cellText(value: unknown, seen: ReadonlySet<object>): string {
  return formatInline(value, false, 1, seen);
}

function rowsTable(columns: string[], rows: string[][], total: number, caption?: string): TableOutput {
  return { kind: 'table', columns, rows, omitted: Math.max(0, total - rows.length), ...(caption ? { caption } : {}) };
}

/** Arrays of arrays as a matrix: a column per index, rows numbered. */
function matrixTable(items: readonly unknown[], seen: ReadonlySet<object>): TableOutput {
  const shown = items.slice(0, MAX_TABLE_ROWS).map((row) => itemsOf(row as readonly unknown[]));
  const width = Math.max(0, ...items.map((row) => (row as ArrayLike<unknown>).length));
  const columnCount = Math.min(width, MAX_TABLE_COLUMNS);
  const columns = ['', ...Array.from({ length: columnCount }, (_, index) => String(index))];
  const rows = shown.map((row, index) => [String(index), ...columns.slice(1).map((_, column) => (column < row.length ? cellText(row[column], seen) : ''))]);
  const caption = width > columnCount ? `The first ${MAX_TABLE_COLUMNS} of ${width} columns.` : undefined;
  return rowsTable(columns, rows, items.length, caption);
}

/** Arrays of plain objects: a column per key, in the order the keys first appear. */
function recordsTable(items: readonly Record<string, unknown>[], seen: ReadonlySet<object>): TableOutput {
  const keys: string[] = [];
  for (const item of items) for (const key of Object.keys(item)) if (!keys.includes(key)) keys.push(key);
  const shownKeys = keys.slice(0, MAX_TABLE_COLUMNS);
  const rows = items.slice(0, MAX_TABLE_ROWS).map((item, index) => [String(index), ...shownKeys.map((key) => (key in item ? cellText(item[key], seen) : ''))]);
  const caption = keys.length > shownKeys.length ? `The first ${MAX_TABLE_COLUMNS} of ${keys.length} columns.` : undefined;
  return rowsTable(['', ...shownKeys], rows, items.length, caption);
}

/** Index and value, for a list of anything. */
function listTable(items: readonly unknown[], seen: ReadonlySet<object>): TableOutput {
  const rows = items.slice(0, MAX_TABLE_ROWS).map((item, index) => [String(index), cellText(item, seen)]);
  return rowsTable(['index', 'value'], rows, items.length);
}

function pairsTable(pairs: readonly (readonly [unknown, unknown])[], total: number, seen: ReadonlySet<object>): TableOutput {
  const rows = pairs.slice(0, MAX_TABLE_ROWS).map(([key, item]) => [cellText(key, seen), cellText(item, seen)]);
  return rowsTable(['key', 'value'], rows, total);
}

/** A table of any value, or undefined when the value has no rows to show. */
function tableOf(value: unknown): TableOutput | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const seen = new Set<object>([value]);
  if (isListLike(value)) {
    const items = itemsOf(value);
    if (items.length === 0) return undefined;
    if (items.every(isListLike)) return matrixTable(items, seen);
    if (items.every(isPlainObject)) return recordsTable(items, seen);
    return listTable(items, seen);
  }
  if (value instanceof Map) return value.size === 0 ? undefined : pairsTable([...value].slice(0, MAX_TABLE_ROWS), value.size, seen);
  if (value instanceof Set) return value.size === 0 ? undefined : listTable([...value], seen);
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? undefined : pairsTable(entries.slice(0, MAX_TABLE_ROWS), entries.length, seen);
  }
  return undefined;
}

/**
 * What `show(value)` prints: strings as text, numbers formatted, lists, maps, sets and plain
 * objects as tables (arrays of arrays as a matrix, arrays of objects with a column per key).
 */
export function serialise(value: unknown): OutputEntry {
  return tableOf(value) ?? { kind: 'text', text: formatInline(value) };
}

/** What `table(value)` prints: always a table, a single value in a one-row table. */
export function serialiseTable(value: unknown, caption?: string): TableOutput {
  const table = tableOf(value) ?? rowsTable(['value'], [[formatInline(value)]], 1);
  return caption === undefined ? table : { ...table, caption: String(caption) };
}

/** The text of a console line: its arguments written out and joined by spaces, as a console does. */
export function consoleText(values: readonly unknown[]): string {
  return values.map((value) => formatInline(value)).join(' ');
}
