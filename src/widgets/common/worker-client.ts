/**
 * The page side of a widget whose training runs in a Web Worker: start it, route its reports,
 * and say plainly when it cannot start or fails, so the build-time figure stays the answer.
 * The worker is created by the caller (`() => new Worker(new URL('./x.worker.ts', import.meta.url),
 * { type: 'module' })`), because Vite bundles a worker only from that literal expression.
 */

/** What a widget passes to `connectWorker`. */
export interface WorkerClient<Report> {
  /** Creates the worker (see the module comment for why the caller does it). */
  create: () => Worker;
  /** Handles each report the worker posts. */
  receive: (report: Report) => void;
  /** Shows a message in the widget's notice. */
  say: (message: string) => void;
  /** Who cannot train, as the sentence starts ("This widget", "The lab"). */
  subject: string;
  /** What the still figure shows instead ("a run", "the runs"). */
  figure: string;
}

/** What `connectWorker` gives back: whether a worker started, and how to send it requests (a no-op when none did). */
export interface WorkerConnection<Request> {
  started: boolean;
  send: (request: Request) => void;
}

/** Starts the worker and wires its reports; when no worker can start, says why and returns `started: false`. */
export function connectWorker<Request, Report>(client: WorkerClient<Report>): WorkerConnection<Request> {
  let worker: Worker;
  try {
    worker = client.create();
  } catch (error) {
    client.say(`${client.subject} cannot start a background worker here (${String(error)}), so it cannot train. The figure shows ${client.figure} trained in advance.`);
    return { started: false, send: () => {} };
  }
  worker.addEventListener('error', (event) => client.say(`The training worker failed: ${event.message}. Reload the page to try again.`));
  worker.addEventListener('message', (event: MessageEvent<Report>) => client.receive(event.data));
  return { started: true, send: (request) => worker.postMessage(request) };
}
