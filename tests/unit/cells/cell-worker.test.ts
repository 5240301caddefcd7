import { afterAll, expect, test } from 'vitest';
import type { RunRequest, WorkerMessage } from '../../../src/cells/protocol.ts';

// A stand-in for the worker's global scope: the network globals on it and on its prototype,
// postMessage recorded, and one message listener, as a DedicatedWorkerGlobalScope has.
const prototype = { XMLHttpRequest: class {}, importScripts: () => {} };
const posted: WorkerMessage[] = [];
const listeners: ((event: { data: RunRequest }) => unknown)[] = [];
const scope = Object.assign(Object.create(prototype) as Record<string, unknown>, {
  fetch: () => Promise.resolve(),
  WebSocket: class {},
  postMessage: (message: WorkerMessage) => posted.push(structuredClone(message)),
  addEventListener: (_type: string, listener: (event: { data: RunRequest }) => unknown) => listeners.push(listener),
});
for (const name of ['fetch', 'WebSocket']) Object.defineProperty(scope, name, { configurable: true, writable: true, enumerable: true, value: scope[name] });
const previousSelf = (globalThis as { self?: unknown }).self;
(globalThis as { self?: unknown }).self = scope;
await import('../../../src/cells/cell.worker.ts');

afterAll(() => {
  (globalThis as { self?: unknown }).self = previousSelf;
});

const ask = async (request: RunRequest) => {
  posted.length = 0;
  await Promise.all(listeners.map((listener) => listener({ data: request })));
  return [...posted];
};

test('removes the network globals before any code runs, and says it is ready', () => {
  expect(scope.fetch).toBeUndefined();
  expect(scope.WebSocket).toBeUndefined();
  expect(scope.XMLHttpRequest).toBeUndefined();
  expect(scope.importScripts).toBeUndefined();
  expect(() => Object.assign(scope, { fetch: () => 1 })).toThrow();
  expect(listeners.length).toBe(1);
});

test('streams output with the run id and ends with done', async () => {
  expect(await ask({ type: 'run', runId: 4, code: "show('a');\nconsole.log(2);" })).toEqual([
    { type: 'output', runId: 4, entry: { kind: 'text', text: 'a' } },
    { type: 'output', runId: 4, entry: { kind: 'console', level: 'log', text: '2' } },
    { type: 'done', runId: 4 },
  ]);
});

test('done carries the error, or the check results', async () => {
  expect(await ask({ type: 'run', runId: 5, code: 'throw 42;' })).toEqual([{ type: 'done', runId: 5, error: expect.objectContaining({ kind: 'thrown' }) }]);
  const [done] = await ask({ type: 'run', runId: 6, code: 'export const leakyRelu = (z: number, a: number) => (z > 0 ? z : a * z);', check: 'leaky-relu' });
  expect(done?.type === 'done' && done.checks?.every((check) => check.passed)).toBe(true);
});

test('ignores messages that are not run requests', async () => {
  expect(await ask({ type: 'other' } as unknown as RunRequest)).toEqual([]);
});
