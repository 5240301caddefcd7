/**
 * The dying-ReLU widget's training session, as the worker runs it: both runs of one state
 * (A and B, differing only in the hidden activation) on identical data, initial weights and
 * shuffles, interleaved epoch by epoch in slices of about 30 ms so that pause and step are
 * answered between slices, with a report a few times a second (none until the end for a retrain,
 * the start the page sends with "Retrain on every change" on). After every epoch each hidden
 * unit is measured over the training set and followed for revivals. No worker globals here, so
 * the session runs in Node tests with a synchronous scheduler.
 */
import { createTrainer, type Dataset, type Trainer } from '../../lib/index.ts';
import { routeRequests, SLICE_MS, type SessionHost as WorkerSessionHost } from '../common/session-host.ts';
import { plural } from '../common/format.ts';
import { createRevivalTracker, deadShares, measureNetworkUnits, prepareMoons, trainingConfig, type NetworkUnits, type RevivalTracker } from './model.ts';
import type { DyingReport, DyingRequest, EpochPoint, SideProgress, SideStatus } from './protocol.ts';
import { SIDES, sideSettings, type DyingState, type Side } from './state.ts';

/** How the session reaches the outside world. */
export type SessionHost = WorkerSessionHost<DyingReport>;

/** Milliseconds between progress reports (slices: SLICE_MS). */
const REPORT_MS = 150;

/** One side of a run. */
interface SideRun {
  readonly side: Side;
  readonly trainer: Trainer;
  readonly tracker: RevivalTracker;
  units: NetworkUnits;
  pending: EpochPoint[];
  status: SideStatus;
  message: string;
}

/** Everything that belongs to one run; replaced whole by the next start. */
interface Run {
  readonly id: number;
  readonly state: DyingState;
  readonly train: Dataset;
  readonly sides: Record<Side, SideRun>;
  /** A retrain: no report until both sides stop. */
  readonly quiet: boolean;
  running: boolean;
  lastReport: number;
  /** Bumped by every play and every stop, so a slice scheduled before either does nothing. */
  chain: number;
}

/** Measures a side's units, follows revivals and queues the epoch's point. */
function observe(side: SideRun, train: Dataset, point: Omit<EpochPoint, 'deadShares' | 'alphas'>): void {
  side.units = measureNetworkUnits(side.trainer.network, train);
  side.tracker.observe(point.epoch, side.units.layers.map((units) => units.map((unit) => unit.dead)));
  side.pending.push({ ...point, deadShares: deadShares(side.units.layers), alphas: side.units.alphas });
}

/** A side at initialisation, its epoch-0 state already measured. */
function createSide(state: DyingState, side: Side, data: ReturnType<typeof prepareMoons>): SideRun {
  const trainer = createTrainer(trainingConfig(sideSettings(state, side)), data);
  const start = trainer.evaluate(data.validation);
  const run: SideRun = { side, trainer, tracker: createRevivalTracker(state.layers), units: { layers: [], alphas: [] }, pending: [], status: 'training', message: '' };
  const trainLoss = trainer.evaluate(data.train).loss;
  observe(run, data.train, { epoch: 0, trainLoss, validationLoss: start.loss, validationAccuracy: start.accuracy });
  return run;
}

/** A session that answers the widget's requests. */
export function createDyingSession(host: SessionHost): (request: DyingRequest) => void {
  let current: Run | null = null;

  const progress = (side: SideRun): SideProgress => {
    const sizes = side.units.layers.map((units) => units.length);
    const report: SideProgress = {
      epoch: side.trainer.epochsCompleted,
      points: side.pending,
      units: side.units,
      histories: sizes.map((size, l) => Array.from({ length: size }, (_, j) => side.tracker.history(l, j))),
      revivedCounts: side.tracker.revivedCounts(),
      status: side.status,
      message: side.message,
    };
    side.pending = [];
    return report;
  };

  const report = (run: Run) => {
    host.post({ run: run.id, type: 'progress', sides: { A: progress(run.sides.A), B: progress(run.sides.B) }, running: run.running, epochs: run.state.epochs });
    run.lastReport = host.now();
  };

  /** One epoch of one side, stopping it on a non-finite loss or at its last epoch. */
  const epoch = (run: Run, side: SideRun) => {
    const metrics = side.trainer.epoch();
    if (metrics.diverged) {
      side.status = 'diverged';
      side.message = `Run ${side.side} stopped in epoch ${metrics.epoch}: its loss stopped being a finite number, so its weights are no longer numbers. Try a smaller learning rate.`;
      return;
    }
    observe(side, run.train, { epoch: metrics.epoch, trainLoss: metrics.trainLoss, validationLoss: metrics.validationLoss, validationAccuracy: metrics.validationAccuracy });
    if (metrics.epoch >= run.state.epochs) {
      side.status = 'completed';
      side.message = `Run ${side.side} trained all ${plural(metrics.epoch, 'epoch')}.`;
    }
  };

  /** One epoch of each side still training; true once neither is. */
  const round = (run: Run): boolean => {
    for (const name of SIDES) if (run.sides[name].status === 'training') epoch(run, run.sides[name]);
    return SIDES.every((name) => run.sides[name].status !== 'training');
  };

  const stop = (run: Run) => {
    run.running = false;
    run.chain++;
    report(run);
  };

  const slice = (run: Run, chain: number) => {
    if (run !== current || chain !== run.chain || !run.running) return;
    const start = host.now();
    while (host.now() - start < SLICE_MS) {
      if (round(run)) return stop(run);
    }
    if (!run.quiet && host.now() - run.lastReport >= REPORT_MS) report(run);
    host.schedule(() => slice(run, chain));
  };

  const play = (run: Run) => {
    if (run.running || SIDES.every((name) => run.sides[name].status !== 'training')) return;
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
      if (run.running || SIDES.every((name) => run.sides[name].status !== 'training')) return;
      round(run);
      report(run);
    },
  };

  const start = (request: Extract<DyingRequest, { type: 'start' }>) => {
    // The old run goes first: if anything below throws, no run is left to train.
    current = null;
    const { state } = request;
    const data = prepareMoons(state.seed);
    const run: Run = {
      id: request.run,
      state,
      train: data.train,
      sides: { A: createSide(state, 'A', data), B: createSide(state, 'B', data) },
      quiet: request.retrain === true,
      running: false,
      lastReport: 0,
      chain: 0,
    };
    current = run;
    if (request.play) play(run);
    else report(run);
  };

  return routeRequests<DyingRequest, Run>(() => current, start, handlers, (run, message) => host.post({ run, type: 'error', message }));
}
