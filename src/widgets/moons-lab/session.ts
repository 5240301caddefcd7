/**
 * The lab's training session, as the worker runs it: one trainer, stepped in slices of about
 * one frame's work so that pause and step requests are answered between slices, with progress
 * (new epochs and the heatmap) reported a few times a second. No worker globals here, so the
 * session runs in Node tests with a synchronous scheduler.
 */
import { createTrainer, gradientCheck, selectRows, type Trainer } from '../../lib/index.ts';
import { GRID, confusionMatrix, gridInputs, prepareData, trainingConfig, type LabData } from './model.ts';
import type { EpochPoint, LabReport, LabRequest, Part, PlotPoints, StopReason } from './protocol.ts';
import type { LabState } from './state.ts';

/** How the session reaches the outside world. */
export interface SessionHost {
  post(report: LabReport): void;
  /** Runs `work` soon, after pending requests have been handled (setTimeout in a worker). */
  schedule(work: () => void): void;
  now(): number;
}

/** Milliseconds of training per slice, and between progress reports. */
const SLICE_MS = 30;
const REPORT_MS = 120;
/** Rows the gradient check uses: enough to exercise every unit, few enough to answer at once. */
const CHECK_ROWS = 32;

/** A session that answers lab requests. */
export function createLabSession(host: SessionHost): (request: LabRequest) => void {
  let state: LabState | undefined;
  let data: LabData | undefined;
  let trainer: Trainer | undefined;
  let grid: Float64Array = new Float64Array(0);
  const heatmap = new Float64Array(GRID * GRID);
  let pending: EpochPoint[] = [];
  let running = false;
  let lastReport = 0;

  const report = () => {
    trainer!.predict(grid, heatmap, GRID * GRID);
    host.post({ type: 'progress', epochs: pending, epoch: trainer!.epochsCompleted, heatmap: heatmap.slice(), running });
    pending = [];
    lastReport = host.now();
  };

  const stop = (reason: StopReason, deadLayer = 0) => {
    running = false;
    report();
    const message = stopMessage(reason, trainer!.epochsCompleted, state!, deadLayer);
    host.post({ type: 'stopped', reason, epoch: trainer!.epochsCompleted, message });
  };

  /**
   * A hidden layer whose every unit outputs 0 for every training input passes no gradient back
   * and gives a constant output: such a run (ReLU at a learning rate of 10, say) can never
   * recover, though its loss stays finite. Returns the first such layer (1-based), or 0.
   */
  const deadLayer = (): number => trainer!.deadUnitFractions().findIndex((fraction) => fraction === 1) + 1;

  /** One epoch; false when the run cannot go on. */
  const epoch = (): boolean => {
    const metrics = trainer!.epoch();
    pending.push({
      epoch: metrics.epoch,
      trainLoss: metrics.trainLoss,
      trainAccuracy: metrics.trainAccuracy,
      validationLoss: metrics.validationLoss,
      validationAccuracy: metrics.validationAccuracy,
    });
    return !metrics.diverged;
  };

  const slice = () => {
    if (!running || !trainer) return;
    const start = host.now();
    while (host.now() - start < SLICE_MS) {
      if (!epoch()) return stop('diverged');
      if (trainer.epochsCompleted >= state!.epochs) return stop('completed');
    }
    if (host.now() - lastReport >= REPORT_MS) {
      const dead = deadLayer();
      if (dead > 0) return stop('dead', dead);
      report();
    }
    host.schedule(slice);
  };

  const handlers: { [K in LabRequest['type']]: (request: Extract<LabRequest, { type: K }>) => void } = {
    configure: (request) => {
      running = false;
      state = request.state;
      data = prepareData(state, request.points);
      trainer = createTrainer(trainingConfig(state), { train: data.train, validation: data.validation });
      grid = gridInputs(data.bounds);
      pending = [];
      host.post({ type: 'configured', points: plotPoints(data, request.points.length), bounds: data.bounds, epochs: state.epochs });
      report();
    },
    play: () => {
      if (!trainer || running || trainer.diverged || trainer.epochsCompleted >= state!.epochs) return;
      running = true;
      host.schedule(slice);
    },
    pause: () => {
      if (running) stop('paused');
    },
    step: () => {
      if (!trainer || running || trainer.diverged) return;
      if (!epoch()) return stop('diverged');
      if (trainer.epochsCompleted >= state!.epochs) return stop('completed');
      const dead = deadLayer();
      if (dead > 0) return stop('dead', dead);
      report();
    },
    evaluate: () => {
      if (!trainer || !data || running) return;
      const { loss, accuracy } = trainer.evaluate(data.test);
      const probabilities = new Float64Array(data.test.size);
      trainer.predict(data.test.inputs, probabilities, data.test.size);
      host.post({ type: 'evaluation', loss, accuracy, confusion: confusionMatrix(probabilities, data.test.targets), size: data.test.size });
    },
    'gradient-check': () => {
      if (!trainer || !data || running) return;
      const batch = selectRows(data.train, Array.from({ length: Math.min(CHECK_ROWS, data.train.size) }, (_, i) => i));
      const check = (backward: 'correct' | 'article') =>
        gradientCheck({ network: trainer!.network, data: batch, loss: 'bce', backward, learningRate: state!.lr }).map((layer) => layer.relativeError);
      host.post({ type: 'gradients', correct: check('correct'), article: check('article') });
    },
  };

  return (request) => {
    try {
      (handlers[request.type] as (request: LabRequest) => void)(request);
    } catch (error) {
      running = false;
      host.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
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

function stopMessage(reason: StopReason, epoch: number, state: LabState, deadLayer: number): string {
  if (reason === 'paused') return `Paused after epoch ${epoch}.`;
  if (reason === 'completed') return `Finished ${epoch} epochs.`;
  const advice = `A learning rate of ${state.lr} is too large for this network; try ${suggestedRate(state.lr)} and press Reset.`;
  if (reason === 'dead') {
    return (
      `Training stopped in epoch ${epoch}: every unit in hidden layer ${deadLayer} outputs 0 for every training point, ` +
      `so no gradient flows back and the network cannot recover (dead ReLUs). ${advice}`
    );
  }
  return `Training stopped in epoch ${epoch}: the loss became infinite or not a number, so the weights blew up. ${advice}`;
}

function suggestedRate(rate: number): number {
  return Number((rate / 20).toPrecision(1));
}
