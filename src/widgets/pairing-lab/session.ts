/**
 * The pairing lab's training session, as the worker runs it: both runs of `startPair` advanced
 * together one epoch at a time in slices of SLICE_MS, so pause and step are answered between
 * slices, with a report a few times a second. A retrain (a start with `retrain`, sent when the
 * reader changes a setting with "Retrain on every change" on) reports nothing until its end, so
 * the page gets the finished run whole; a start superseding it drops it between two slices. A
 * refused run reports its message and no numbers.
 * No worker globals here, so the session runs in Node tests with a synchronous scheduler.
 */
import { routeRequests, SLICE_MS, type SessionHost } from '../common/session-host.ts';
import { startPair, type PairSession, type RunEpoch } from './model.ts';
import { SIDES, type PairingReport, type PairingRequest, type Side, type SideProgress } from './protocol.ts';
import { pairSettings, type PairingState } from './state.ts';

/** Milliseconds between progress reports. */
const REPORT_MS = 150;

/** Everything that belongs to one run; replaced whole by the next start. */
interface Run {
  readonly id: number;
  readonly state: PairingState;
  readonly pair: PairSession;
  readonly pending: Record<Side, RunEpoch[]>;
  /** A retrain: no report until it stops. */
  readonly quiet: boolean;
  running: boolean;
  lastReport: number;
  /** Bumped by every play and every stop, so a slice scheduled before either does nothing. */
  chain: number;
}

const index = (side: Side): 0 | 1 => (side === 'A' ? 0 : 1);

/** Epochs completed by the runs that train (both have the same count). */
function epochsDone(run: Run): number {
  return Math.max(...run.pair.runs.map((result) => result.epochs.length));
}

/** True once every run that trains has all its epochs. */
function finished(run: Run): boolean {
  return epochsDone(run) >= run.state.epochs || run.pair.runs.every((result) => result.refusal !== null);
}

/** A session that answers the widget's requests. */
export function createPairingSession(host: SessionHost<PairingReport>): (request: PairingRequest) => void {
  let current: Run | null = null;

  const progress = (run: Run, side: Side): SideProgress => {
    const result = run.pair.runs[index(side)];
    const points = run.pending[side];
    run.pending[side] = [];
    return {
      pairing: result.pairing,
      epoch: result.epochs.length,
      points,
      status: result.refusal !== null ? 'refused' : finished(run) ? 'completed' : 'training',
      refusal: result.refusal,
    };
  };

  const report = (run: Run) => {
    host.post({ run: run.id, type: 'progress', sides: { A: progress(run, 'A'), B: progress(run, 'B') }, running: run.running, epochs: run.state.epochs });
    run.lastReport = host.now();
  };

  const round = (run: Run): boolean => {
    const [a, b] = run.pair.step(1);
    run.pending.A.push(...a);
    run.pending.B.push(...b);
    return finished(run);
  };

  const stop = (run: Run) => {
    run.running = false;
    run.chain++;
    report(run);
  };

  const slice = (run: Run, chain: number) => {
    if (run !== current || chain !== run.chain || !run.running) return;
    const start = host.now();
    do {
      if (round(run)) return stop(run);
    } while (host.now() - start < SLICE_MS);
    if (!run.quiet && host.now() - run.lastReport >= REPORT_MS) report(run);
    host.schedule(() => slice(run, chain));
  };

  const play = (run: Run) => {
    if (run.running || finished(run)) return;
    run.running = true;
    const chain = ++run.chain;
    if (!run.quiet) report(run);
    host.schedule(() => slice(run, chain));
  };

  const handlers: Record<'play' | 'pause' | 'step', (run: Run) => void> = {
    play,
    pause: (run) => {
      if (run.running) stop(run);
    },
    step: (run) => {
      if (run.running || finished(run)) return;
      round(run);
      report(run);
    },
  };

  const start = (request: Extract<PairingRequest, { type: 'start' }>) => {
    current = null;
    const { state } = request;
    const quiet = request.retrain === true;
    const run: Run = { id: request.run, state, pair: startPair(pairSettings(state)), pending: { A: [], B: [] }, quiet, running: false, lastReport: 0, chain: 0 };
    current = run;
    // A run with nothing to train (every side refused) still reports, so the page hears its end.
    if (request.play && !finished(run)) play(run);
    else report(run);
  };

  return routeRequests<PairingRequest, Run>(() => current, start, handlers, (run, message) => host.post({ run, type: 'error', message }));
}

/** Both runs of `state` trained to the end with the same session, synchronously (for the build). */
export function trainPairing(state: PairingState): Record<Side, SideProgress> {
  const sides: Record<Side, SideProgress[]> = { A: [], B: [] };
  const queue: (() => void)[] = [];
  let clock = 0;
  const respond = createPairingSession({
    post: (report) => {
      if (report.type === 'error') throw new Error(report.message);
      for (const side of SIDES) sides[side].push(report.sides[side]);
    },
    schedule: (work) => queue.push(work),
    now: () => (clock += 1),
  });
  respond({ run: 1, type: 'start', state, play: true });
  for (let work = queue.shift(); work !== undefined; work = queue.shift()) work();
  const merge = (side: Side): SideProgress => {
    const all = sides[side];
    const lastReport = all[all.length - 1];
    return { ...lastReport, points: all.flatMap((p) => p.points) };
  };
  return { A: merge('A'), B: merge('B') };
}
