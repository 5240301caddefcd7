/**
 * The Worker that runs one code cell: it removes the network from its own global scope before
 * any reader code can run, says it is ready, then answers each RunRequest with the output as it
 * happens and a DoneMessage. The page terminates it on Stop or at the time limit.
 */
import { executeCell } from './execute.ts';
import type { OutputEntry, RunRequest, WorkerMessage } from './protocol.ts';

/** Globals through which code could reach the network (or start a worker that could). */
const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'Worker', 'SharedWorker'] as const;

const scope = self as unknown as DedicatedWorkerGlobalScope;

for (const name of NETWORK_GLOBALS) {
  // The global and every prototype it inherits from: in browsers these names live on the
  // global object or on WorkerGlobalScope.prototype, depending on the interface.
  for (let owner: object | null = scope; owner; owner = Object.getPrototypeOf(owner)) {
    if (Object.getOwnPropertyDescriptor(owner, name)?.configurable) {
      Object.defineProperty(owner, name, { value: undefined, writable: false, configurable: false });
    }
  }
}

const post = (message: WorkerMessage) => scope.postMessage(message);

/**
 * A thrown value as text, even one whose own toString throws (a Proxy the reader threw): were
 * this to throw, no DoneMessage would go and the run would end at its time limit as a "loop".
 */
function writtenOut(error: unknown): string {
  try {
    return String(error);
  } catch {
    return 'a value that cannot be written out';
  }
}

// The page sends one run at a time (it waits for done, or terminates this worker), so runs
// need no queue here.
scope.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  if (request?.type !== 'run') return;
  const emit = (entry: OutputEntry) => post({ type: 'output', runId: request.runId, entry });
  try {
    const result = await executeCell(request.code, { ...(request.check === undefined ? {} : { check: request.check }), emit });
    post({ type: 'done', runId: request.runId, ...result });
  } catch (error) {
    // executeCell reports the reader's errors itself; this is a fault of the runtime, still answered.
    post({ type: 'done', runId: request.runId, error: { kind: 'runtime', message: `The cell runtime failed: ${writtenOut(error)}` } });
  }
});

post({ type: 'ready' });
