/**
 * The lab's training session, as the worker runs it: one run at a time, trained in slices of
 * about one frame's work so that pause and step requests are answered between slices, with
 * progress (new epochs and the heatmap) reported a few times a second, except for a run that
 * will be done soon anyway (QUIET_RUN_MS) and for a retrain (a configure with `retrain`), which
 * trains the whole run at once and reports only its end: configured, one progress report with
 * every epoch and the heatmap, the test evaluation, stopped. A retrain trains the engine's float32
 * preview first (createPreviewTrainer, about 1.5x faster) and reports its end marked `preview`,
 * then trains the float64 run and reports its end again (`replace`), which the page shows as the
 * confirmed figures. A configure replaces the run between slices, so a retrain superseded by the
 * reader's next change (while dragging, usually during its confirmation) stops within one slice. The
 * gradient check (started and read in gradient-check.ts) runs in slices too, and gives way to
 * training. No worker globals here, so the session runs in Node tests with a synchronous scheduler.
 */
import { createPreviewTrainer, createTrainer, type GradientCheckRun, type Trainer } from '../../lib/index.ts';
import { SLICE_MS, warmUp, type SessionHost as WorkerSessionHost } from '../common/session-host.ts';
import { gradientLayers, largestWeightOf, startLabCheck } from './gradient-check.ts';
import { failedRunWarning, previewMessage, stopMessage } from './messages.ts';
import { GRID, confusionMatrix, gridInputs, plotPoints, prepareData, trainingConfig, type LabData } from './model.ts';
import { CHECK_MAX_WEIGHT, type EpochPoint, type LabReport, type LabRequest, type StopReason } from './protocol.ts';
import type { LabState } from './state.ts';

/** How the session reaches the outside world. */
export type SessionHost = WorkerSessionHost<LabReport>;

/** Milliseconds between progress reports (slices: SLICE_MS). */
const REPORT_MS = 120;
/**
 * A run expected to take less than this from Train to its end sends no progress on the way:
 * the reader could not follow two or three reports in 0.4 s, and each one costs the worker a
 * heatmap and the page a redraw. Expected: the epochs left at the pace since Train.
 */
export const QUIET_RUN_MS = 400;
/** Parameters compared between two looks at the clock. */
const CHECK_CHUNK = 8;

/** Everything that belongs to one run; replaced whole by the next configure. */
interface Run {
  readonly id: number;
  readonly state: LabState;
  readonly data: LabData;
  readonly trainer: Trainer;
  /** A retrain's float32 preview, trained before `trainer` and dropped at its end; null otherwise. */
  preview: Trainer<Float32Array> | null;
  readonly grid: Float64Array;
  /** The untrained network's validation loss, to tell a run that got worse. */
  readonly startLoss: number;
  /** Trains at once on configure and reports only its end (see the module comment). */
  readonly retrain: boolean;
  /** The points and bounds, held back by a retrain until its end. */
  readonly configured: Extract<LabReport, { type: 'configured' }>;
  /** A retrain's preview has been posted: the float64 end then replaces its epochs. */
  previewShown: boolean;
  pending: EpochPoint[];
  /** The latest epoch's numbers, reported or not. */
  last: EpochPoint | null;
  running: boolean;
  lastReport: number;
  /** When the latest play started, and the epoch it started from: the pace for QUIET_RUN_MS. */
  playedAt: number;
  playedFrom: number;
  /** Bumped by every play and every stop, so a slice scheduled before either does nothing. */
  chain: number;
  check: GradientCheckRun | null;
}

/** How a session starts: `warmUp` (default true) primes a fresh worker's code on its first run (session-host's warmUp). */
export interface SessionOptions {
  readonly warmUp?: boolean;
}

/** A session that answers lab requests. */
export function createLabSession(host: SessionHost, options: SessionOptions = {}): (request: LabRequest) => void {
  let current: Run | null = null;
  /** Whether this worker has primed its code (only a fresh worker's first run does). */
  let warmed = options.warmUp === false;
  const heatmap = new Float64Array(GRID * GRID);

  /** The trainer the run is training now: its preview first, if it has one. */
  const active = (run: Run): Trainer | Trainer<Float32Array> => run.preview ?? run.trainer;

  const report = (run: Run, replace = false) => {
    const trainer = active(run);
    trainer.predict(run.grid, heatmap, GRID * GRID);
    host.post({ run: run.id, type: 'progress', epochs: run.pending, epoch: trainer.epochsCompleted, heatmap: heatmap.slice(), running: run.running, ...(replace ? { replace } : {}) });
    run.pending = [];
    run.lastReport = host.now();
  };

  const evaluation = (run: Run): LabReport => {
    const { data } = run;
    const trainer = active(run);
    const { loss, accuracy } = trainer.evaluate(data.test);
    const probabilities = new Float64Array(data.test.size);
    trainer.predict(data.test.inputs, probabilities, data.test.size);
    return { run: run.id, type: 'evaluation', loss, accuracy, confusion: confusionMatrix(probabilities, data.test.targets), size: data.test.size };
  };

  const stop = (run: Run, reason: StopReason, deadLayer = 0) => {
    // A pause during a retrain's preview drops the preview: the float64 run is the one paused.
    if (run.preview !== null) dropPreview(run);
    run.running = false;
    run.chain++;
    // A retrain that showed its preview has posted its points already: its float64 epochs replace the preview's.
    if (run.retrain && !run.previewShown) host.post(run.configured);
    report(run, run.previewShown);
    if (run.retrain && reason !== 'diverged') host.post(evaluation(run));
    const epoch = run.trainer.epochsCompleted;
    const warning = reason === 'completed' && run.last ? failedRunWarning(run.last, run.startLoss, run.state) : null;
    host.post({ run: run.id, type: 'stopped', reason, epoch, message: stopMessage(reason, epoch, run.state, deadLayer), ...(warning ? { warning } : {}) });
  };

  const dropPreview = (run: Run) => {
    run.preview = null;
    run.pending = [];
    run.last = null;
  };

  /**
   * One epoch of a retrain's preview. At its end a completed preview is posted (points, epochs
   * and heatmap, marked as a preview; no test evaluation), and the float64 run starts from
   * scratch in the next slice; a preview that diverged or
   * went silent is dropped unseen, since the float64 run says how the run really ends.
   */
  const previewEpoch = (run: Run, preview: Trainer<Float32Array>) => {
    if (!epoch(run)) return dropPreview(run);
    if (preview.epochsCompleted < run.state.epochs) return;
    if (deadLayer(run) > 0) return dropPreview(run);
    // No test evaluation: test figures are shown from the float64 run only.
    host.post(run.configured);
    report(run);
    host.post({ run: run.id, type: 'stopped', reason: 'completed', epoch: preview.epochsCompleted, message: previewMessage(preview.epochsCompleted), preview: true });
    run.previewShown = true;
    dropPreview(run);
  };

  /**
   * A hidden layer whose every unit outputs 0 for every training input passes no gradient back
   * and gives a constant output: such a run (ReLU at a learning rate of 10, say) can never
   * recover, though its loss stays finite. Returns the first such layer (1-based), or 0.
   */
  const deadLayer = (run: Run): number => active(run).deadUnitFractions().findIndex((fraction) => fraction === 1) + 1;

  /** One epoch; false when its loss was not finite. */
  const epoch = (run: Run): boolean => {
    const metrics = active(run).epoch();
    run.last = {
      epoch: metrics.epoch,
      trainLoss: metrics.trainLoss,
      trainAccuracy: metrics.trainAccuracy,
      validationLoss: metrics.validationLoss,
      validationAccuracy: metrics.validationAccuracy,
    };
    run.pending.push(run.last);
    return !metrics.diverged;
  };

  /** One epoch, stopping the run if it diverged or reached its last epoch; true if it stopped (a preview's end is not the run's). */
  const epochOrStop = (run: Run): boolean => {
    if (run.preview !== null) {
      previewEpoch(run, run.preview);
      return false;
    }
    if (!epoch(run)) stop(run, 'diverged');
    // A run that ends before its first report is checked for silent layers here, not at a report.
    else if (run.trainer.epochsCompleted >= run.state.epochs) stopIfDead(run) || stop(run, 'completed');
    else return false;
    return true;
  };

  /** Stops the run if a hidden layer has gone entirely silent; true if it stopped (a preview is checked at its end only). */
  const stopIfDead = (run: Run): boolean => {
    if (run.preview !== null) return false;
    const dead = deadLayer(run);
    if (dead > 0) stop(run, 'dead', dead);
    return dead > 0;
  };

  const slice = (run: Run, chain: number) => {
    if (run !== current || chain !== run.chain || !run.running) return;
    const start = host.now();
    while (host.now() - start < SLICE_MS) if (epochOrStop(run)) return;
    if (host.now() - run.lastReport >= REPORT_MS) {
      if (stopIfDead(run)) return;
      if (quiet(run)) run.lastReport = host.now();
      else report(run);
    }
    host.schedule(() => slice(run, chain));
  };

  /** Whether a progress report now would be wasted: a retrain, or a run expected to end within QUIET_RUN_MS of its Train. */
  const quiet = (run: Run): boolean => {
    if (run.retrain) return true;
    const elapsed = host.now() - run.playedAt;
    const done = run.trainer.epochsCompleted - run.playedFrom;
    return done > 0 && elapsed * (1 + (run.state.epochs - run.trainer.epochsCompleted) / done) < QUIET_RUN_MS;
  };

  const play = (run: Run) => {
    run.running = true;
    run.playedAt = host.now();
    run.playedFrom = run.trainer.epochsCompleted;
    const chain = ++run.chain;
    host.schedule(() => slice(run, chain));
  };

  /** `largestWeight`: measured when the check started (a check never outlives a weight change). */
  const checkSlice = (run: Run, check: GradientCheckRun, largestWeight: number) => {
    if (run !== current || run.check !== check) return;
    const start = host.now();
    while (host.now() - start < SLICE_MS) {
      if (check.advance(CHECK_CHUNK)) {
        run.check = null;
        return host.post({ run: run.id, type: 'gradients', layers: gradientLayers(check), largestWeight });
      }
    }
    host.schedule(() => checkSlice(run, check, largestWeight));
  };

  type Handlers = { [K in LabRequest['type']]: (run: Run, request: Extract<LabRequest, { type: K }>) => void };
  const handlers: Omit<Handlers, 'configure'> = {
    play: (run) => {
      run.check = null;
      if (run.running || run.trainer.diverged || run.trainer.epochsCompleted >= run.state.epochs) return;
      play(run);
    },
    pause: (run) => {
      if (run.running) stop(run, 'paused');
    },
    step: (run) => {
      run.check = null;
      if (run.running || run.trainer.diverged || epochOrStop(run) || stopIfDead(run)) return;
      report(run);
    },
    evaluate: (run) => {
      if (!run.running) host.post(evaluation(run));
    },
    'gradient-check': (run) => {
      if (run.running || run.check !== null) return;
      const largestWeight = largestWeightOf(run.trainer);
      if (!(largestWeight <= CHECK_MAX_WEIGHT)) return host.post({ run: run.id, type: 'gradients', layers: null, largestWeight });
      const check = startLabCheck(run.trainer, run.data.train, run.state.lr);
      run.check = check;
      checkSlice(run, check, largestWeight);
    },
  };

  const configure = (request: Extract<LabRequest, { type: 'configure' }>) => {
    // The old run goes first: if anything below throws, no run is left to train.
    current = null;
    const { state, points, retrain = false } = request;
    const data = prepareData(state, points);
    const trainer = createTrainer(trainingConfig(state), { train: data.train, validation: data.validation });
    const run: Run = {
      id: request.run,
      state,
      data,
      trainer,
      grid: gridInputs(data.bounds),
      startLoss: trainer.evaluate(data.validation).loss,
      retrain,
      preview: retrain ? createPreviewTrainer(trainingConfig(state), { train: data.train, validation: data.validation }) : null,
      previewShown: false,
      configured: { run: request.run, type: 'configured', points: plotPoints(data, points.length), bounds: data.bounds, epochs: state.epochs },
      pending: [],
      last: null,
      running: false,
      lastReport: 0,
      playedAt: 0,
      playedFrom: 0,
      chain: 0,
      check: null,
    };
    current = run;
    if (retrain) return play(run);
    host.post(run.configured);
    report(run);
    if (warmed) return;
    // A fresh worker's first run: prime the code it and a retrain's preview will run (session-host's warmUp).
    warmed = true;
    const copies = [createTrainer, createPreviewTrainer].map((create) => create(trainingConfig(state), { train: data.train, validation: data.validation }));
    warmUp(host, copies, () => current === run && !run.running && run.trainer.epochsCompleted === 0);
  };

  return (request) => {
    try {
      if (request.type === 'configure') return configure(request);
      // Requests for a superseded run, or for one whose configure failed, are ignored.
      if (current === null || request.run !== current.id) return;
      (handlers[request.type] as (run: Run, request: LabRequest) => void)(current, request);
    } catch (error) {
      if (current !== null) current.running = false;
      host.post({ run: request.run, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
