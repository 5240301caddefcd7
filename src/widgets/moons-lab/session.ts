/**
 * The lab's training session, as the worker runs it: one run at a time, trained in slices of
 * about one frame's work so that pause and step requests are answered between slices, with
 * progress (new epochs and the heatmap) reported a few times a second. The gradient check runs
 * in slices too, and gives way to training. No worker globals here, so the session runs in
 * Node tests with a synchronous scheduler.
 */
import { createTrainer, selectRows, startGradientCheck, type GradientCheckRun, type LayerGradientCheck, type Trainer } from '../../lib/index.ts';
import { SLICE_MS, type SessionHost as WorkerSessionHost } from '../common/session-host.ts';
import { failedRunWarning, stopMessage } from './messages.ts';
import { GRID, confusionMatrix, gridInputs, prepareData, trainingConfig, type LabData } from './model.ts';
import { CHECK_EPSILON, CHECK_MAX_WEIGHT, CHECK_ROWS, CHECK_SAMPLE, type EpochPoint, type GradientError, type GradientLayer, type LabReport, type LabRequest, type Part, type PlotPoints, type StopReason } from './protocol.ts';
import type { LabState } from './state.ts';

/** How the session reaches the outside world. */
export type SessionHost = WorkerSessionHost<LabReport>;

/** Milliseconds between progress reports (slices: SLICE_MS). */
const REPORT_MS = 120;
/** Parameters compared between two looks at the clock. */
const CHECK_CHUNK = 8;

/** Everything that belongs to one run; replaced whole by the next configure. */
interface Run {
  readonly id: number;
  readonly state: LabState;
  readonly data: LabData;
  readonly trainer: Trainer;
  readonly grid: Float64Array;
  /** The untrained network's validation loss, to tell a run that got worse. */
  readonly startLoss: number;
  pending: EpochPoint[];
  /** The latest epoch's numbers, reported or not. */
  last: EpochPoint | null;
  running: boolean;
  lastReport: number;
  /** Bumped by every play and every stop, so a slice scheduled before either does nothing. */
  chain: number;
  check: GradientCheckRun | null;
}

/** A session that answers lab requests. */
export function createLabSession(host: SessionHost): (request: LabRequest) => void {
  let current: Run | null = null;
  const heatmap = new Float64Array(GRID * GRID);

  const report = (run: Run) => {
    run.trainer.predict(run.grid, heatmap, GRID * GRID);
    host.post({ run: run.id, type: 'progress', epochs: run.pending, epoch: run.trainer.epochsCompleted, heatmap: heatmap.slice(), running: run.running });
    run.pending = [];
    run.lastReport = host.now();
  };

  const stop = (run: Run, reason: StopReason, deadLayer = 0) => {
    run.running = false;
    run.chain++;
    report(run);
    const epoch = run.trainer.epochsCompleted;
    const warning = reason === 'completed' && run.last ? failedRunWarning(run.last, run.startLoss, run.state) : null;
    host.post({ run: run.id, type: 'stopped', reason, epoch, message: stopMessage(reason, epoch, run.state, deadLayer), ...(warning ? { warning } : {}) });
  };

  /**
   * A hidden layer whose every unit outputs 0 for every training input passes no gradient back
   * and gives a constant output: such a run (ReLU at a learning rate of 10, say) can never
   * recover, though its loss stays finite. Returns the first such layer (1-based), or 0.
   */
  const deadLayer = (run: Run): number => run.trainer.deadUnitFractions().findIndex((fraction) => fraction === 1) + 1;

  /** One epoch; false when its loss was not finite. */
  const epoch = (run: Run): boolean => {
    const metrics = run.trainer.epoch();
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

  /** One epoch, stopping the run if it diverged or reached its last epoch; true if it stopped. */
  const epochOrStop = (run: Run): boolean => {
    if (!epoch(run)) stop(run, 'diverged');
    else if (run.trainer.epochsCompleted >= run.state.epochs) stop(run, 'completed');
    else return false;
    return true;
  };

  /** Stops the run if a hidden layer has gone entirely silent; true if it stopped. */
  const stopIfDead = (run: Run): boolean => {
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
      report(run);
    }
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
      run.running = true;
      const chain = ++run.chain;
      host.schedule(() => slice(run, chain));
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
      if (run.running) return;
      const { data, trainer } = run;
      const { loss, accuracy } = trainer.evaluate(data.test);
      const probabilities = new Float64Array(data.test.size);
      trainer.predict(data.test.inputs, probabilities, data.test.size);
      host.post({ run: run.id, type: 'evaluation', loss, accuracy, confusion: confusionMatrix(probabilities, data.test.targets), size: data.test.size });
    },
    'gradient-check': (run) => {
      if (run.running || run.check !== null) return;
      const largestWeight = largestWeightOf(run.trainer);
      if (!(largestWeight <= CHECK_MAX_WEIGHT)) return host.post({ run: run.id, type: 'gradients', layers: null, largestWeight });
      const rows = Array.from({ length: Math.min(CHECK_ROWS, run.data.train.size) }, (_, i) => i);
      const check = startGradientCheck({
        network: run.trainer.network,
        data: selectRows(run.data.train, rows),
        loss: 'bce',
        variants: ['correct', 'article'],
        learningRate: run.state.lr,
        epsilon: CHECK_EPSILON,
        sample: CHECK_SAMPLE,
      });
      run.check = check;
      checkSlice(run, check, largestWeight);
    },
  };

  const configure = (request: Extract<LabRequest, { type: 'configure' }>) => {
    // The old run goes first: if anything below throws, no run is left to train.
    current = null;
    const { state, points } = request;
    const data = prepareData(state, points);
    const trainer = createTrainer(trainingConfig(state), { train: data.train, validation: data.validation });
    const run: Run = {
      id: request.run,
      state,
      data,
      trainer,
      grid: gridInputs(data.bounds),
      startLoss: trainer.evaluate(data.validation).loss,
      pending: [],
      last: null,
      running: false,
      lastReport: 0,
      chain: 0,
      check: null,
    };
    current = run;
    host.post({ run: run.id, type: 'configured', points: plotPoints(data, points.length), bounds: data.bounds, epochs: state.epochs });
    report(run);
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

/** The largest |parameter| of the trainer's network; NaN if any is not a number. */
function largestWeightOf(trainer: Trainer): number {
  let largest = 0;
  for (const layer of trainer.network.parameters) for (const w of layer) largest = Number.isNaN(w) ? Number.NaN : Math.max(largest, Math.abs(w));
  return largest;
}

/** One row per weight layer from a finished check of the 'correct' and 'article' passes, or null if any error is not a finite number. */
function gradientLayers(check: GradientCheckRun): GradientLayer[] | null {
  const [correct, article] = check.results();
  const error = ({ relativeError, absoluteError, analyticNorm, numericNorm }: LayerGradientCheck): GradientError => ({
    relativeError,
    absoluteError,
    scale: analyticNorm + numericNorm,
  });
  const layers = correct.map((layer, l) => ({
    parameterCount: layer.parameterCount,
    checked: layer.checked,
    kinkCrossings: layer.kinkCrossings,
    unresolved: layer.unresolved,
    correct: error(layer),
    article: error(article[l]),
  }));
  const finite = layers.every((layer) => [layer.correct, layer.article].every((e) => Number.isFinite(e.relativeError) && Number.isFinite(e.scale)));
  return finite ? layers : null;
}

function plotPoints(data: LabData, yours: number): PlotPoints {
  const parts: [Part, Float64Array, Float64Array][] = [
    ['train', data.train.inputs, data.train.targets],
    ['validation', data.validation.inputs, data.validation.targets],
    ['test', data.test.inputs, data.test.targets],
  ];
  const size = data.train.size + data.validation.size + data.test.size;
  const points: PlotPoints = { x: new Float64Array(size), y: new Float64Array(size), label: new Uint8Array(size), part: [] };
  let row = 0;
  for (const [part, inputs, targets] of parts) {
    // The reader's own points sit at the end of the training part.
    const own = part === 'train' ? targets.length - yours : targets.length;
    for (let i = 0; i < targets.length; i++, row++) {
      points.x[row] = inputs[2 * i];
      points.y[row] = inputs[2 * i + 1];
      points.label[row] = targets[i];
      points.part.push(i >= own ? 'yours' : part);
    }
  }
  return points;
}
