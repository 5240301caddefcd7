import { describe, expect, test } from 'vitest';
import { executeCell, MAX_OUTPUT_CHARACTERS, MAX_OUTPUT_ENTRIES, type ExecuteResult } from '../../../src/cells/execute.ts';
import type { OutputEntry } from '../../../src/cells/protocol.ts';

async function run(code: string, check?: string): Promise<ExecuteResult & { output: OutputEntry[] }> {
  const output: OutputEntry[] = [];
  const result = await executeCell(code, { ...(check === undefined ? {} : { check }), emit: (entry) => output.push(entry) });
  return { ...result, output };
}

describe("runtime errors report the line in the reader's code", () => {
  test('a throw on line 4 reports line 4', async () => {
    const { error } = await run("const a = 1;\nconst b = 2;\n\nthrow new Error('stop here');\n");
    expect(error).toEqual({ kind: 'runtime', message: 'Error: stop here', line: 4 });
  });

  test('also after type annotations, an interface and an import that sucrase rewrote', async () => {
    const code = [
      "import { softmax, type Activation } from 'course';",
      'interface Point {',
      '  x: number;',
      '}',
      'const p: Point = { x: softmax([1, 1])[0] as number };',
      'const q = (p as unknown as { missing: { deeper: number } }).missing.deeper;',
    ].join('\n');
    const { error } = await run(code);
    expect(error?.kind).toBe('runtime');
    expect(error?.line).toBe(6);
    expect(error?.message).toMatch(/^TypeError: /);
  });

  test('an error inside a function the reader wrote reports the line inside it', async () => {
    const { error } = await run('function f(z: number): number {\n  return (z as unknown as { a: { b: number } }).a.b;\n}\nf(1);');
    expect(error?.line).toBe(2);
  });

  test("an error thrown inside the course's code points to the reader's line that called it", async () => {
    const { error } = await run("import { activation } from 'course';\n\nactivation('nope' as never);");
    expect(error?.kind).toBe('runtime');
    expect(error?.line).toBe(3);
  });
});

describe('what a cell can use', () => {
  test('top-level await works', async () => {
    const { error, output } = await run('const value = await new Promise<number>((resolve) => setTimeout(() => resolve(7), 1));\nshow(value);');
    expect(error).toBeUndefined();
    expect(output).toEqual([{ kind: 'text', text: '7' }]);
  });

  test("import { softmax } from 'course' works", async () => {
    const { error, output } = await run("import { softmax } from 'course';\nshow(softmax([0, 0]));");
    expect(error).toBeUndefined();
    expect(output).toEqual([{ kind: 'table', columns: ['index', 'value'], rows: [['0', '0.5'], ['1', '0.5']], omitted: 0 }]);
  });

  test('an import from anything else is an import error, and nothing runs', async () => {
    const { error, output } = await run("show('before');\nimport { readFileSync } from 'node:fs';");
    expect(error).toEqual({ kind: 'import', message: "A cell can only import from 'course' (the course's own functions), not from 'node:fs'.", line: 2 });
    expect(output).toEqual([]);
  });

  test('a dynamic import of another module is an import error at run time, with its line', async () => {
    const { error } = await run("const name = 'node:' + 'fs';\nawait import(name);");
    expect(error?.kind).toBe('import');
    expect(error?.line).toBe(2);
  });

  test('console.log, warn and error come in order, interleaved with show', async () => {
    const { output } = await run("console.log('a', 1);\nshow('b');\nconsole.warn({ w: 2 });\nconsole.error('c');\nshow(0.5, 'd');");
    expect(output).toEqual([
      { kind: 'console', level: 'log', text: 'a 1' },
      { kind: 'text', text: 'b' },
      { kind: 'console', level: 'warn', text: '{ w: 2 }' },
      { kind: 'console', level: 'error', text: 'c' },
      { kind: 'text', text: '0.5 d' },
    ]);
  });

  test('table and plot print their entries; a bad plot is a runtime error on its line', async () => {
    const { output, error } = await run("table(3, 'Three');\nplot({ x: [0, 1], y: [1, 2] });\nplot({ x: [0], y: ['a'] });");
    expect(output.map((entry) => entry.kind)).toEqual(['table', 'plot']);
    expect(error).toEqual({ kind: 'runtime', message: 'PlotError: plot: y[0] is "a", not a number', line: 3 });
  });

  test('output before an error is kept', async () => {
    const { output, error } = await run("show(1);\nthrow new TypeError('no');");
    expect(output).toEqual([{ kind: 'text', text: '1' }]);
    expect(error?.message).toBe('TypeError: no');
  });
});

describe('syntax errors', () => {
  test("have the reader's line and column", async () => {
    const { error } = await run('const ok = 1;\nconst x: number = (;\n');
    expect(error).toMatchObject({ kind: 'syntax', line: 2 });
    expect(error?.column).toBeGreaterThanOrEqual(19);
  });

  test('one sucrase lets through is still a syntax error, without a line', async () => {
    const { error } = await run('const a = 1;\nconst a = 2;');
    expect(error?.kind).toBe('syntax');
    expect(error?.message).toContain("'a' has already been declared");
  });
});

describe('thrown values and memory', () => {
  test.each(['42', 'null', "'text'", '{ code: 1 }'])('throw %s is kind thrown, with a clear sentence', async (value) => {
    const { error } = await run(`throw ${value};`);
    expect(error?.kind).toBe('thrown');
    expect(error?.message).toMatch(/^The code threw .+, which is not an Error, so it has no message or line\. Throw new Error/);
  });

  test('throw 42 names the value', async () => {
    expect((await run('throw 42;')).error?.message).toContain('threw 42,');
  });

  test('an Error whose message or name getter throws is still described, with its line', async () => {
    // V8 writes a stack out on first read, with the message: read once before, it keeps the line.
    const message = await run("const e = new Error('x');\ne.stack;\nObject.defineProperty(e, 'message', { get() { throw 1; } });\nthrow e;");
    expect(message.error).toEqual({ kind: 'thrown', message: 'The code threw a value that cannot be read: reading its name or message throws.', line: 1 });
    const name = await run("class Bad extends Error {\n  get name(): string { throw 1; }\n}\nthrow new Bad('x');");
    expect(name.error?.kind).toBe('thrown');
    expect(name.error?.message).toBe('The code threw a value that cannot be read: reading its name or message throws.');
  });

  test.each([
    ['a Proxy whose every read throws', 'throw new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 1; }, ownKeys() { throw 1; } });'],
    ['a Proxy of an Error whose reads throw', "throw new Proxy(new Error('x'), { get() { throw 1; } });"],
  ])('%s is described, not a runtime failure', async (_, code) => {
    const { error } = await run(code);
    expect(error?.kind).toBe('thrown');
    expect(error?.message).toMatch(/^The code threw a value that cannot be read/);
  });

  test('new ArrayBuffer(1e15) is a memory error on its line', async () => {
    const { error } = await run('const size = 1e15;\nnew ArrayBuffer(size);');
    expect(error).toMatchObject({ kind: 'memory', line: 2 });
    expect(error?.message).toContain('Array buffer allocation failed');
  });

  test('new Array(-1) is a memory-kind error explaining array lengths', async () => {
    const { error } = await run('\nnew Array(-1);');
    expect(error).toMatchObject({ kind: 'memory', line: 2 });
    expect(error?.message).toContain("RangeError: Invalid array length: an array's length must be a whole number");
  });

  test('a runaway recursion is a runtime error with a hint, not memory', async () => {
    const { error } = await run('function f(n: number): number { return f(n + 1) + 1; }\nf(0);');
    expect(error?.kind).toBe('runtime');
    expect(error?.message).toContain('does a function call itself');
  });
});

describe('output caps', () => {
  test(`at most ${MAX_OUTPUT_ENTRIES} entries, then exactly one note, and the code goes on`, async () => {
    const { output, error } = await run("for (let i = 0; i < 5000; i++) console.log(i);\nexport const finished = true;\nshow('never shown');");
    expect(error).toBeUndefined();
    expect(output.length).toBe(MAX_OUTPUT_ENTRIES + 1);
    expect(output[MAX_OUTPUT_ENTRIES - 1]).toEqual({ kind: 'console', level: 'log', text: '999' });
    expect(output.at(-1)).toEqual({ kind: 'note', text: 'Output stopped after 1,000 entries; the code went on running.' });
    expect(output.filter((entry) => entry.kind === 'note').length).toBe(1);
  });

  test(`at most ${MAX_OUTPUT_CHARACTERS} characters, then exactly one note`, async () => {
    const { output } = await run("const line = 'x'.repeat(30000);\nfor (let i = 0; i < 20; i++) show(line);");
    expect(output.length).toBe(7);
    expect(output.slice(0, 6).every((entry) => entry.kind === 'text' && entry.text.length === 30000)).toBe(true);
    expect(output.at(-1)).toEqual({ kind: 'note', text: 'Output stopped after 200,000 characters; the code went on running.' });
  });

  test('output from a timer after the run ended is dropped', async () => {
    const { output } = await run("setTimeout(() => show('late'), 0);\nshow('on time');");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(output).toEqual([{ kind: 'text', text: 'on time' }]);
  });
});

describe('graded checks', () => {
  test('run on the exports after the code, when asked', async () => {
    const { checks, error } = await run('export function leakyRelu(z: number, alpha: number): number {\n  return z > 0 ? z : alpha * z;\n}', 'leaky-relu');
    expect(error).toBeUndefined();
    expect(checks?.map((check) => check.passed)).toEqual([true, true, true]);
  });

  test('do not run when the code failed', async () => {
    const { checks, error } = await run("export function leakyRelu(z: number) { return z; }\nthrow new Error('x');", 'leaky-relu');
    expect(error?.line).toBe(2);
    expect(checks).toBeUndefined();
  });

  test('an unknown check is a failed check, not a crash', async () => {
    const { checks } = await run('show(1);', 'no-such-check');
    expect(checks).toEqual([{ name: 'no-such-check', passed: false, message: 'There is no check named "no-such-check".' }]);
  });

  test('without check, no checks', async () => {
    expect((await run('export const a = 1;')).checks).toBeUndefined();
  });
});
