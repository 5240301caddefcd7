/**
 * Runs a cell's code in its own Worker, never on the page's thread. One worker per cell, made
 * on the first Run and reused; every run has an id its messages carry, so output of a stopped
 * or superseded run is dropped. The time limit, the Stop button and a crashed worker all end
 * the same way: terminate, forget the worker (the next run makes a fresh one), say why.
 */
import type { CellError, CheckResult, OutputEntry, RunRequest, WorkerMessage } from './protocol.ts';
import workerScript from './cell.worker.ts?worker&url';

/**
 * A worker made from a blob: URL, whose one line imports the real worker script. A worker made
 * from its own URL takes its Content-Security-Policy from that script's response headers, which
 * a static host does not send, so code in it could `import()` from anywhere; a blob: worker
 * inherits the page's policy instead (CodeCells.astro sets it: scripts only from this site),
 * and that closes the last door to the network that deleting globals cannot close.
 */
function createCellWorker(): Worker {
  const source = `import ${JSON.stringify(new URL(workerScript, location.href).href)};`;
  const address = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(address, { type: 'module', name: 'code cell' });
  // The worker has fetched its one line once it runs; until then the address must stay valid.
  worker.addEventListener('message', () => URL.revokeObjectURL(address), { once: true });
  return worker;
}

/** How a run ended when it finished on its own. */
export interface RunResult {
  error?: CellError;
  checks?: CheckResult[];
}

/** What the runner tells the cell while a run goes on. */
export interface RunHandlers {
  /** One output entry, in the order the code made it. */
  output(entry: OutputEntry): void;
  /** The code finished (or threw) and its checks ran. */
  done(result: RunResult): void;
  /** The run was ended from outside: the time limit, Stop, or the worker itself failing. */
  stopped(message: string): void;
}

/** The status line after a run that finished on its own: its error, or how its checks went. */
export function resultStatus(result: RunResult, errorText: string | undefined): string {
  if (errorText) return errorText;
  const checks = result.checks ?? [];
  if (checks.length === 0) return 'Done.';
  const failed = checks.filter((check) => !check.passed).length;
  if (failed === 0) return checks.length === 1 ? 'The check passed.' : `All ${checks.length} checks passed.`;
  return `${failed} of ${checks.length} ${checks.length === 1 ? 'check' : 'checks'} failed.`;
}

/** The message for a run that reached the cell's time limit. */
export function limitMessage(limitSeconds: number): string {
  return `Stopped after ${limitSeconds} s. Does a loop never end?`;
}

/** What the reader reads when the worker dies under the code (most often out of memory). */
export const WORKER_FAILED = "The cell's worker stopped: it may have run out of memory.";

/** The message for a worker error event: its own words when it has some (an error thrown in a timer, say). */
export function workerFailedMessage(event: Event): string {
  const message = event instanceof ErrorEvent ? event.message.trim() : '';
  return message ? `The cell's worker stopped: ${message.replace(/\.$/, '')}.` : WORKER_FAILED;
}

/** A starting worker that has not said it is ready by then has failed to load. */
const START_TIMEOUT_MS = 20_000;

interface Active {
  runId: number;
  handlers: RunHandlers;
  timer?: ReturnType<typeof setTimeout>;
  /** Output entries passed on so far: the page caps them too, since code can post past the worker's cap. */
  entries: number;
}

/** The worker's own cap (1,000 entries and its note); more is code posting messages itself. */
const MAX_ENTRIES = 1_001;

const ERROR_KINDS: ReadonlySet<string> = new Set(['syntax', 'runtime', 'import', 'memory', 'thrown']);

/** The error of a done message as the page can show it, or a plain one when its shape is wrong. */
function readError(error: unknown): CellError | undefined {
  if (error === undefined) return undefined;
  const { kind, message, line, column } = (typeof error === 'object' && error !== null ? error : {}) as Partial<Record<keyof CellError, unknown>>;
  if (typeof kind !== 'string' || !ERROR_KINDS.has(kind) || typeof message !== 'string') {
    return { kind: 'runtime', message: 'The code ended with a result the page cannot read.' };
  }
  const whole = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);
  const lineNumber = whole(line);
  const columnNumber = whole(column);
  return { kind: kind as CellError['kind'], message, ...(lineNumber ? { line: lineNumber } : {}), ...(columnNumber ? { column: columnNumber } : {}) };
}

/** The checks of a done message, when every one has the right shape; otherwise none are believed. */
function readChecks(checks: unknown): CheckResult[] | undefined {
  if (!Array.isArray(checks)) return undefined;
  const valid = checks.every(
    (item: unknown) =>
      typeof item === 'object' && item !== null && typeof (item as CheckResult).name === 'string' && typeof (item as CheckResult).passed === 'boolean' && typeof (item as CheckResult).message === 'string',
  );
  return valid ? checks.map(({ name, passed, message }: CheckResult) => ({ name, passed, message })) : [{ name: 'checks', passed: false, message: 'The checks sent a result the page cannot read.' }];
}

/** Starts and stops one cell's runs. */
export class CellRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private active: Active | undefined;
  private nextRunId = 1;
  private readonly limitSeconds: number;

  /** A runner whose runs stop after `limitSeconds` (the cell's data-limit). */
  constructor(limitSeconds: number) {
    this.limitSeconds = limitSeconds;
  }

  /** Whether a run is going on. */
  get running(): boolean {
    return this.active !== undefined;
  }

  /** Runs `code` (and the graded `check`, if any), ending any run still going on. */
  run(code: string, check: string | undefined, handlers: RunHandlers): void {
    // A run still going is superseded, not stopped: its handlers hear nothing more, and its
    // worker (busy with it) is replaced.
    if (this.active) {
      clearTimeout(this.active.timer);
      this.active = undefined;
      this.discardWorker();
    }
    const active: Active = { runId: this.nextRunId++, handlers, entries: 0 };
    this.active = active;
    const worker = this.ensureWorker();
    const request: RunRequest = { type: 'run', runId: active.runId, code, ...(check ? { check } : {}) };
    void this.ready!.then(() => {
      if (this.active !== active) return;
      // The limit counts the reader's code only, not the worker's first load.
      active.timer = setTimeout(() => this.end(limitMessage(this.limitSeconds)), this.limitSeconds * 1000);
      worker.postMessage(request);
    });
  }

  /** The Stop button: ends the run at once. */
  stop(): void {
    if (this.active) this.end('Stopped.');
  }

  /** Ends the current run from outside: the worker is terminated and replaced on the next run. */
  private end(message: string): void {
    const active = this.active;
    this.active = undefined;
    this.discardWorker();
    if (!active) return;
    clearTimeout(active.timer);
    active.handlers.stopped(message);
  }

  private discardWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = createCellWorker();
    this.worker = worker;
    this.ready = new Promise<void>((resolve) => {
      const startTimer = setTimeout(() => {
        if (this.worker === worker) this.end(WORKER_FAILED);
      }, START_TIMEOUT_MS);
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        if (event.data.type === 'ready') {
          clearTimeout(startTimer);
          resolve();
        } else {
          this.receive(event.data);
        }
      });
      const fail = (event: Event): void => {
        // Handled here, and said in the cell: not also an uncaught error in the page's console.
        event.preventDefault();
        clearTimeout(startTimer);
        if (this.worker === worker) this.end(workerFailedMessage(event));
      };
      worker.addEventListener('error', fail);
      worker.addEventListener('messageerror', fail);
    });
    return worker;
  }

  private receive(message: Exclude<WorkerMessage, { type: 'ready' }>): void {
    const active = this.active;
    if (!active || message.runId !== active.runId) return;
    if (message.type === 'output') {
      if (active.entries++ < MAX_ENTRIES) active.handlers.output(message.entry);
      return;
    }
    if (message.type !== 'done') return;
    clearTimeout(active.timer);
    this.active = undefined;
    const error = readError(message.error);
    const checks = readChecks(message.checks);
    active.handlers.done({ ...(error ? { error } : {}), ...(checks ? { checks } : {}) });
  }
}
