/**
 * What a training session that runs in a Web Worker (and in Node tests) needs from its host:
 * a way to post reports, to run work soon, and a clock. Sessions train in slices of about
 * SLICE_MS, so that pause and step requests are answered between slices.
 */

/** How a session reaches the outside world. */
export interface SessionHost<Report> {
  post(report: Report): void;
  /** Runs `work` soon, after pending requests have been handled (setTimeout in a worker). */
  schedule(work: () => void): void;
  now(): number;
}

/** Milliseconds of training per slice: about one frame's work. */
export const SLICE_MS = 30;

/**
 * A worker's `schedule` without setTimeout's clamp: nested timeouts wait at least 4 ms once five
 * deep, which left the worker idle 4 ms after every 30 ms slice. A MessageChannel message runs
 * as soon as the worker is free, still after the requests already posted to it, so a configure
 * or a pause is handled between slices as before.
 */
export function messageScheduler(): (work: () => void) => void {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (work) => {
    queue.push(work);
    channel.port2.postMessage(null);
  };
}

/** A run as the request router needs it: its id, and whether it trains. */
export interface RoutedRun {
  readonly id: number;
  running: boolean;
}

/**
 * The request router shared by the two-run sessions (dying ReLU, pairing lab): a start replaces
 * the run; any other request goes to its handler only when its id is the current run's (stale
 * ones, or ones for a run whose start failed, are ignored); anything thrown stops the run and is
 * posted as an error report for the request's run.
 */
export function routeRequests<Request extends { run: number; type: string }, Run extends RoutedRun>(
  current: () => Run | null,
  start: (request: Extract<Request, { type: 'start' }>) => void,
  handlers: Record<Exclude<Request['type'], 'start'>, (run: Run) => void>,
  fail: (run: number, message: string) => void,
): (request: Request) => void {
  return (request) => {
    const run = current();
    try {
      if (request.type === 'start') return start(request as Extract<Request, { type: 'start' }>);
      if (run === null || request.run !== run.id) return;
      handlers[request.type as Exclude<Request['type'], 'start'>](run);
    } catch (error) {
      const now = current();
      if (now !== null) now.running = false;
      fail(request.run, error instanceof Error ? error.message : String(error));
    }
  };
}
