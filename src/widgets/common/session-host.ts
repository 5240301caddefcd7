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

/** Epochs a fresh worker trains on a throwaway copy of its first run (see warmUp). */
export const WARM_UP_EPOCHS = 40;

/**
 * Primes a fresh worker's compiled code while the reader is still reading: V8 runs a worker's
 * first epochs in its baseline tiers, at half speed or less (without this the lab's first 30 ms
 * slice trained 14 epochs, with it about 21, where later ones train about 48), so a first Train
 * that met cold code paid for it. `trainers` are throwaway
 * copies of the run about to be trained (same layer shapes and activations, so the same code
 * paths), each trained WARM_UP_EPOCHS epochs, a slice at a time, for as long as `wanted()` holds
 * (false once the reader trains, changes a setting or the run is gone); a copy that diverged is
 * skipped. Nothing is posted, and the run itself is untouched: a copy has its own weights,
 * shuffles and buffers.
 */
export function warmUp(host: Pick<SessionHost<unknown>, 'schedule' | 'now'>, trainers: readonly { epoch(): unknown; readonly diverged: boolean }[], wanted: () => boolean): void {
  let index = 0;
  let done = 0;
  const slice = () => {
    const start = host.now();
    while (index < trainers.length && wanted() && host.now() - start < SLICE_MS) {
      // A copy that diverged (the reader's setting blows up) would throw at its next epoch: go on to the next one.
      if (!trainers[index].diverged) trainers[index].epoch();
      if (trainers[index].diverged || ++done >= WARM_UP_EPOCHS) [index, done] = [index + 1, 0];
    }
    if (index < trainers.length && wanted()) host.schedule(slice);
  };
  host.schedule(slice);
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
