import { describe, expect, test } from 'vitest';
import { consoleText, formatInline, formatNumber, MAX_TABLE_ROWS, serialise, serialiseTable } from '../../../src/cells/serialise.ts';

describe('formatNumber', () => {
  test.each([
    [0, '0'],
    [42, '42'],
    [-7, '-7'],
    [1234567, '1234567'],
    [2 ** 53, '9007199254740992'],
    [0.1 + 0.2, '0.3'],
    [Math.PI, '3.14159'],
    [-2.5, '-2.5'],
    [0.000123456789, '0.000123457'],
    [1.5e-7, '1.5e-7'],
    [-3.3e-12, '-3.3e-12'],
    [1234567.891, '1.23457e+6'],
    [1e21, '1e+21'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [-0, '-0'],
  ])('%s is shown as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('serialise (what show prints)', () => {
  test('strings are text as they are; numbers and other scalars formatted', () => {
    expect(serialise('a "quoted" <b>')).toEqual({ kind: 'text', text: 'a "quoted" <b>' });
    expect(serialise(0.1 + 0.2)).toEqual({ kind: 'text', text: '0.3' });
    expect(serialise(Number.NaN)).toEqual({ kind: 'text', text: 'NaN' });
    expect(serialise(undefined)).toEqual({ kind: 'text', text: 'undefined' });
    expect(serialise(null)).toEqual({ kind: 'text', text: 'null' });
    expect(serialise(12n)).toEqual({ kind: 'text', text: '12n' });
    expect(serialise(function softplus() {})).toEqual({ kind: 'text', text: '[function softplus]' });
  });

  test('an array is an index/value table, numbers formatted', () => {
    expect(serialise([1, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 'a'])).toEqual({
      kind: 'table',
      columns: ['index', 'value'],
      rows: [['0', '1'], ['1', '0.5'], ['2', '-0'], ['3', 'NaN'], ['4', 'Infinity'], ['5', 'a']],
      omitted: 0,
    });
  });

  test('a typed array is a table too', () => {
    expect(serialise(new Float64Array([0.25, 1 / 3]))).toEqual({ kind: 'table', columns: ['index', 'value'], rows: [['0', '0.25'], ['1', '0.333333']], omitted: 0 });
    expect(serialise(new Int32Array([7])).kind).toBe('table');
  });

  test('an array of arrays (or typed arrays) is a matrix', () => {
    expect(serialise([[1, 2], new Float32Array([3, 4.5]), [5]])).toEqual({
      kind: 'table',
      columns: ['', '0', '1'],
      rows: [['0', '1', '2'], ['1', '3', '4.5'], ['2', '5', '']],
      omitted: 0,
    });
  });

  test('an array of plain objects has a column per key, in first-seen order', () => {
    expect(serialise([{ z: -1, f: 0 }, { z: 1, f: 1, note: 'kink' }])).toEqual({
      kind: 'table',
      columns: ['', 'z', 'f', 'note'],
      rows: [['0', '-1', '0', ''], ['1', '1', '1', 'kink']],
      omitted: 0,
    });
  });

  test('a plain object is a key/value table, nested values written on one line', () => {
    expect(serialise({ loss: 0.693147, weights: [1, [2, 3]], inner: { a: 'x' } })).toEqual({
      kind: 'table',
      columns: ['key', 'value'],
      rows: [['loss', '0.693147'], ['weights', '[1, [2, 3]]'], ['inner', '{ a: "x" }']],
      omitted: 0,
    });
  });

  test('a Map is a key/value table and a Set an index/value table', () => {
    expect(serialise(new Map([['relu', 1]]))).toEqual({ kind: 'table', columns: ['key', 'value'], rows: [['relu', '1']], omitted: 0 });
    expect(serialise(new Set(['a']))).toEqual({ kind: 'table', columns: ['index', 'value'], rows: [['0', 'a']], omitted: 0 });
  });

  test(`a big array shows ${MAX_TABLE_ROWS} rows and counts the rest`, () => {
    const table = serialise(Array.from({ length: 5000 }, (_, index) => index));
    expect(table.kind === 'table' && [table.rows.length, table.omitted, table.rows.at(-1)]).toEqual([200, 4800, ['199', '199']]);
    const matrix = serialise(Array.from({ length: 3 }, () => new Float64Array(80)));
    expect(matrix.kind === 'table' && [matrix.columns.length, matrix.caption]).toEqual([51, 'The first 50 of 80 columns.']);
  });

  test('cycles are safe, nesting is capped, long inline lists are shortened', () => {
    const node: Record<string, unknown> = { name: 'loop' };
    node.self = node;
    expect(serialise(node)).toEqual({ kind: 'table', columns: ['key', 'value'], rows: [['name', 'loop'], ['self', '[circular]']], omitted: 0 });
    const list: unknown[] = [1];
    list.push(list);
    expect(formatInline(list)).toBe('[1, [circular]]');
    expect(formatInline({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: {…} } } }');
    expect(formatInline(Array.from({ length: 25 }, (_, index) => index))).toBe(`[${Array.from({ length: 20 }, (_, index) => index).join(', ')}, … 5 more]`);
    expect(formatInline(new Float64Array([0.5, 2]))).toBe('Float64Array(2) [0.5, 2]');
  });

  test('empty containers are text', () => {
    expect(serialise([])).toEqual({ kind: 'text', text: '[]' });
    expect(serialise({})).toEqual({ kind: 'text', text: '{}' });
  });

  test('every output is plain strings, so it survives structured cloning unchanged', () => {
    const entry = serialise([{ a: 1n, b: Symbol('s'), c: () => 1, d: new Date(0) }]);
    expect(structuredClone(entry)).toEqual(entry);
    expect(JSON.stringify(entry)).toContain('1970-01-01T00:00:00.000Z');
  });
});

describe('serialiseTable (what table prints)', () => {
  test('forces a table, even for a single value, and keeps a caption', () => {
    expect(serialiseTable(3.5)).toEqual({ kind: 'table', columns: ['value'], rows: [['3.5']], omitted: 0 });
    expect(serialiseTable([1], 'Ones')).toEqual({ kind: 'table', columns: ['index', 'value'], rows: [['0', '1']], omitted: 0, caption: 'Ones' });
  });
});

describe('consoleText', () => {
  test('joins its arguments with spaces, strings unquoted, objects on one line', () => {
    expect(consoleText(['loss', 0.1 + 0.2, { epoch: 3 }, [1, 2]])).toBe('loss 0.3 { epoch: 3 } [1, 2]');
  });
});
