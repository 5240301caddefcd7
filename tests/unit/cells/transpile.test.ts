import { describe, expect, test } from 'vitest';
import { transpile } from '../../../src/cells/transpile.ts';

const lines = (code: string) => code.split('\n');
const javascript = (source: string) => {
  const result = transpile(source);
  if (!result.ok) throw new Error(`did not transpile: ${result.error.message}`);
  return result.code;
};

describe('transpile', () => {
  test('keeps every line where it was, through types, interfaces, imports and exports', () => {
    const source = [
      "import { softmax, type Activation } from 'course';",
      'interface Point {',
      '  x: number;',
      '  y: number;',
      '}',
      'type Pair = [number, number];',
      'export function f(z: number): number {',
      '  return z as number;',
      '}',
      'const marker = f(1);',
    ].join('\n');
    const output = lines(javascript(source));
    expect(output.length).toBe(10);
    expect(output[6]).toContain('function f(z)');
    expect(output[7]).toContain('return z');
    expect(output[9]).toContain('const marker = f(1);');
    expect(output[0]).toContain("require('course')");
    expect(output.join('\n')).not.toMatch(/interface|: number/);
  });

  test("a syntax error gives the reader's line and column, both from 1", () => {
    const result = transpile('const a = 1;\nconst b = ;\n');
    expect(result).toEqual({ ok: false, error: { kind: 'syntax', message: 'Unexpected token', line: 2, column: 11 } });
  });

  test('a syntax error after type annotations is still on the reader\u2019s line', () => {
    const result = transpile('interface A {\n  x: number;\n}\nconst a: A = { x: 1 };\nlet = = 2;');
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.line, result.error.column]).toEqual([5, 5]);
  });

  test("an import from anything but 'course' is an import error on its line, even unused", () => {
    expect(transpile("const a = 1;\n\nimport fs from 'node:fs';")).toEqual({
      ok: false,
      error: { kind: 'import', message: "A cell can only import from 'course' (the course's own functions), not from 'node:fs'.", line: 3 },
    });
    const star = transpile("import * as tf from '@tensorflow/tfjs';\ntf.tensor([1]);");
    expect(!star.ok && star.error.kind === 'import' && star.error.line === 1).toBe(true);
  });

  test("imports from 'course' and code without imports pass", () => {
    expect(transpile("import { activation } from 'course';\nactivation('relu');").ok).toBe(true);
    expect(transpile('show(1);').ok).toBe(true);
  });
});
