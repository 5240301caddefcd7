import { describe, expect, test } from 'vitest';
import { MAX_PLOT_POINTS, plotSpec } from '../../../src/cells/plot-spec.ts';

describe('plot({ x, y })', () => {
  test('one series: a line of x against y, labels and log scale passed on', () => {
    expect(plotSpec({ x: [0, 1], y: new Float64Array([2, 3]), title: 'Loss', xLabel: 'epoch', yLabel: 'loss', yType: 'log' })).toEqual({
      kind: 'plot',
      marks: [{ mark: 'line', data: [{ x: 0, y: 2 }, { x: 1, y: 3 }], options: { x: 'x', y: 'y' } }],
      x: { label: 'epoch' },
      y: { label: 'loss', type: 'log' },
      title: 'Loss',
    });
  });

  test('named series: one line each, told apart by stroke, with a legend in order', () => {
    const spec = plotSpec({ x: [0, 1], y: { relu: [0, 1], sigmoid: [0.5, 0.731059] } });
    expect(spec.legend).toEqual(['relu', 'sigmoid']);
    expect(spec.marks.map((mark) => [mark.mark, mark.options.stroke, mark.data[1]])).toEqual([
      ['line', 'series', { x: 1, y: 1, series: 'relu' }],
      ['line', 'series', { x: 1, y: 0.731059, series: 'sigmoid' }],
    ]);
  });

  test('NaN and Infinity become gaps (null)', () => {
    expect(plotSpec({ x: [0, 1, 2], y: [1, Number.NaN, Number.POSITIVE_INFINITY] }).marks[0]?.data.map((row) => row.y)).toEqual([1, null, null]);
  });

  test.each([
    [{ x: [1, 'a'], y: [1, 2] }, 'plot: x[1] is "a", not a number'],
    [{ x: [1, 2], y: [1] }, 'plot: x has 2 values but y has 1; they must pair up'],
    [{ x: [1], y: { a: [1], b: 'no' } }, 'plot: y.b must be an array of numbers'],
    [{ x: [1], y: [1], yType: 'cubic' }, 'plot: y type "cubic" is not one of linear, log, symlog'],
    [{ x: [1], y: [1], title: 3 }, 'plot: title must be a string, not number'],
    [42, 'plot: give plot an object'],
    [{ y: [1] }, 'plot: give plot either x and y arrays or a list of marks'],
  ])('refuses %j: %s', (options, message) => {
    expect(() => plotSpec(options)).toThrow(message);
  });

  test(`more than ${MAX_PLOT_POINTS} points is refused, with advice`, () => {
    const x = Array.from({ length: 10_001 }, (_, index) => index);
    expect(() => plotSpec({ x, y: { a: x, b: x } })).toThrow('plot: 20002 points is more than 20000 a chart can take; keep 1 point in every 2');
    expect(() => plotSpec({ x, y: x })).not.toThrow();
  });
});

describe('plot({ marks })', () => {
  const rows = [
    { z: -1, f: 0, name: 'relu' },
    { z: 1, f: 1, name: 'relu' },
    { z: 1, f: 0.5, name: 'half' },
  ];

  test("Plot's own shape: options kept as they are, legend from the stroke field's values", () => {
    expect(plotSpec({ marks: [{ mark: 'line', data: rows, x: 'z', y: 'f', stroke: 'name' }, { mark: 'ruleY', data: [0] }], x: { label: 'z' }, y: { domain: [-1, 2] }, title: 'Two' })).toEqual({
      kind: 'plot',
      marks: [
        { mark: 'line', data: rows, options: { x: 'z', y: 'f', stroke: 'name' } },
        { mark: 'ruleY', data: [{ index: 0, value: 0 }], options: { x: 'index', y: 'value' } },
      ],
      x: { label: 'z' },
      y: { domain: [-1, 2] },
      title: 'Two',
      legend: ['relu', 'half'],
    });
  });

  test.each([
    [{ marks: [] }, 'plot: marks must be a non-empty array'],
    [{ marks: [{ mark: 'pie', data: rows }] }, 'plot: mark 1: unknown mark "pie"; use one of line, lineY'],
    [{ marks: [{ mark: 'line', data: 'rows' }] }, 'plot: mark 1: data must be an array of rows'],
    [{ marks: [{ mark: 'dot', data: [{ z: [1] }] }] }, 'plot: mark 1: data[0].z is an array; a row holds numbers and strings'],
    [{ marks: [{ mark: 'line', data: rows, x: 'zz', y: 'f' }] }, "plot: mark 1: x: 'zz' names no field of its rows (they have z, f, name)"],
    [{ marks: [{ mark: 'line', data: rows, x: 'z', y: 'name' }] }, 'plot: mark 1: data[0].name is "relu", not a number'],
    [{ marks: [{ mark: 'line', data: rows, x: (row: { z: number }) => row.z }] }, 'plot: mark 1: x is a function'],
    [{ marks: [{ mark: 'line', data: rows }], x: { type: 'weird' } }, 'plot: x type "weird" is not one of linear, log, symlog'],
    [{ marks: [{ mark: 'line', data: rows }], y: { domain: [0] } }, 'plot: y.domain must be two finite numbers'],
    // Plot would wrap the mark in a link to the field's value, e.g. 'javascript:...', in the page.
    [{ marks: [{ mark: 'dot', data: rows, x: 'z', y: 'f', href: 'name' }] }, 'plot: mark 1: unknown option "href"'],
  ])('refuses %j: %s', (options, message) => {
    expect(() => plotSpec(options)).toThrow(message);
  });

  test('counts the points of every mark together', () => {
    const many = Array.from({ length: 12_000 }, (_, index) => ({ z: index, f: index }));
    expect(() => plotSpec({ marks: [{ mark: 'line', data: many }, { mark: 'dot', data: many }] })).toThrow('24000 points is more than 20000');
  });

  test('a chart is plain data that survives structured cloning', () => {
    const spec = plotSpec({ marks: [{ mark: 'dot', data: [{ z: 1, ok: true }], x: 'z', y: 'z', r: 3 }] });
    expect(structuredClone(spec)).toEqual(spec);
    expect(spec.marks[0]?.data[0]).toEqual({ z: 1, ok: 'true' });
  });
});
