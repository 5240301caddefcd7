/**
 * The gradient-depth widget's training session, as the worker runs it: both runs of one state
 * (A and B) on the same data, trained epoch by epoch in turn (one of A, one of B) in slices of
 * about one frame's work, so pause and step requests are answered between slices and a slow
 * run (a deep sigmoid network takes twice as long per epoch as ReLU) cannot starve the other.
 * When one side is done or diverged the other trains on alone. Epochs are reported in batches a
 * few times a second; a retrain (a start with `retrain`) keeps every report until both sides
 * stopped and sends them as one 'retrained' report. No worker globals here, so the session runs in Node tests with a
 * synchronous scheduler.
 */
import { cloneNetwork, createTrainer, weightDistances, type EpochMetrics, type Network, type Trainer, type WeightDistance } from '../../lib/index.ts';
import { formatExponential } from '../common/format.ts';
import { layerName, runTitle } from './messages.ts';
import { measureAtInit, prepareMoons } from './model.ts';
import type { DepthDivergence, DepthEpoch, DepthReport, DepthRequest, SideEpoch } from './protocol.ts';
import { RUNS, planOf, runSettings, type DepthState, type RunName } from './state.ts';

/** How the session reaches the outside world. */
export interface DepthSessionHost {
  post(report: DepthReport): void;
  /** Runs `work` soon, after pending requests have been handled (setTimeout in a worker). */
  schedule(work: () => void): void;
  now(): number;
}

/** Milliseconds of training per slice, and between progress reports. */
const SLICE_MS = 30;
const REPORT_MS = 120;

/** What to try after a run diverged: the usual causes are the initialisation, the depth and the step size. */
export const DIVERGENCE_SUGGESTION = 'Use Xavier or He initialisation, fewer layers, or a smaller learning rate.';

/** One of the two runs being trained. */
interface Side {
  readonly name: RunName;
  readonly trainer: Trainer;
  /** The network as it was at initialisation, for the weights' distance from it. */
  readonly initial: Network;
  /** True once the side trained all its epochs or diverged. */
  stopped: boolean;
}

/** Everything that belongs to one run id; replaced whole by the next start or reset. */
interface Run {
  readonly id: number;
  readonly state: DepthState;
  readonly sides: readonly Side[];
  pending: SideEpoch[];
  /** A retrain's reports, kept until its end; null for an ordinary run, which posts them at once. */
  readonly held: DepthReport[] | null;
  running: boolean;
  lastReport: number;
  /** Bumped by every resume and every stop, so a slice scheduled before either does nothing. */
  chain: number;
}

/** A session that answers the widget's requests. */
export function createDepthSession(host: DepthSessionHost): (request: DepthRequest) => void {
  let current: Run | null = null;

  /** Posts `report`, or keeps it for the end of a retrain. */
  const emit = (run: Run, report: DepthReport) => {
    if (run.held) run.held.push(report);
    else host.post(report);
  };

  const flush = (run: Run) => {
    if (run.pending.length > 0) emit(run, { run: run.id, type: 'epochs', epochs: run.pending });
    run.pending = [];
    run.lastReport = host.now();
  };

  /** One epoch of one side; reports 'done' or 'diverged' (after the epochs before it) when the side stops. */
  const epoch = (run: Run, side: Side) => {
    const metrics = side.trainer.epoch();
    const distances = weightDistances(side.trainer.network, side.initial);
    const divergence = nonFinite(run.state, side, metrics, distances.map((d) => d.distance));
    if (divergence) {
      side.stopped = true;
      flush(run);
      emit(run, { run: run.id, type: 'diverged', side: side.name, ...divergence });
      return;
    }
    run.pending.push({ side: side.name, ...depthEpoch(metrics, distances) });
    if (metrics.epoch >= run.state.epochs) {
      side.stopped = true;
      flush(run);
      emit(run, { run: run.id, type: 'done', side: side.name, epoch: metrics.epoch });
    }
  };

  /** One epoch of each side still training; false once both have stopped. */
  const round = (run: Run): boolean => {
    for (const side of run.sides) if (!side.stopped) epoch(run, side);
    return run.sides.some((side) => !side.stopped);
  };

  const finished = (run: Run) => {
    run.running = false;
    run.chain++;
    flush(run);
    if (run.held) host.post({ run: run.id, type: 'retrained', reports: run.held.splice(0) });
  };

  const slice = (run: Run, chain: number) => {
    if (run !== current || chain !== run.chain || !run.running) return;
    const start = host.now();
    while (host.now() - start < SLICE_MS) {
      if (!round(run)) return finished(run);
    }
    if (!run.held && host.now() - run.lastReport >= REPORT_MS) flush(run);
    host.schedule(() => slice(run, chain));
  };

  const begin = (id: number, state: DepthState, play: boolean, retrain = false) => {
    // The old run goes first: if anything below throws, no run is left to train.
    current = null;
    const plan = planOf(state);
    const data = prepareMoons(state.seed, plan.data);
    const sides = RUNS.map((name): Side => {
      const trainer = createTrainer(plan.runs[name].training, data);
      return { name, trainer, initial: cloneNetwork(trainer.network), stopped: false };
    });
    const initial = { A: measureAtInit(runSettings(state, 'A'), data.train), B: measureAtInit(runSettings(state, 'B'), data.train) };
    const run: Run = { id, state, sides, pending: [], held: retrain && play ? [] : null, running: false, lastReport: host.now(), chain: 0 };
    current = run;
    emit(run, { run: id, type: 'started', epochs: state.epochs, initial });
    if (play) resume(run);
  };

  const resume = (run: Run) => {
    if (run.running || run.sides.every((side) => side.stopped)) return;
    run.running = true;
    const chain = ++run.chain;
    host.schedule(() => slice(run, chain));
  };

  const epochsOf = (run: Run) => ({ A: run.sides[0].trainer.epochsCompleted, B: run.sides[1].trainer.epochsCompleted });

  return (request) => {
    try {
      if (request.type === 'start') return begin(request.run, request.state, request.play, request.retrain);
      if (request.type === 'reset') {
        if (current) return begin(request.run, current.state, false);
        return host.post({ run: request.run, type: 'error', message: 'there is no run to reset, because the last start failed; change a setting to build one' });
      }
      // Requests for a superseded run, or for one whose start failed, are ignored.
      const run = current;
      if (run === null || request.run !== run.id) return;
      if (request.type === 'resume') resume(run);
      else if (request.type === 'pause') {
        if (!run.running) return;
        finished(run);
        host.post({ run: run.id, type: 'paused', epochs: epochsOf(run) });
      } else if (!run.running) {
        round(run);
        flush(run);
      }
    } catch (error) {
      if (current !== null) current.running = false;
      host.post({ run: request.run, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}

/** An epoch as the protocol carries it: the engine's metrics and the weights' distances from their initial values. */
export function depthEpoch(metrics: EpochMetrics, distances: readonly WeightDistance[]): DepthEpoch {
  return {
    epoch: metrics.epoch,
    loss: metrics.trainLoss,
    validationLoss: metrics.validationLoss,
    gradientNorms: [...metrics.gradientNorms],
    weightDistances: distances.map((d) => d.distance),
    relativeDistances: distances.map((d) => d.relative),
  };
}

/**
 * The first value of an epoch that is not finite, in the order the damage spreads: a layer's
 * gradient (found from the first layer on), then its weights, then the loss; null if all are finite.
 */
function nonFinite(state: DepthState, side: Side, metrics: EpochMetrics, distances: readonly number[]): DepthDivergence | null {
  const title = runTitle(state, side.name);
  const where = (value: DepthDivergence['value'], layer: number | null, number: number): DepthDivergence => {
    const what = value === 'loss' ? 'loss' : `${value === 'gradient' ? 'gradient' : 'weights'} in ${layerName(layer!, state.depth)}`;
    return {
      epoch: metrics.epoch,
      value,
      layer,
      message: `${title} stopped: its ${what} became ${formatExponential(number)} in epoch ${metrics.epoch}.`,
      suggestion: DIVERGENCE_SUGGESTION,
    };
  };
  const gradient = metrics.gradientNorms.findIndex((norm) => !Number.isFinite(norm));
  if (gradient >= 0) return where('gradient', gradient, metrics.gradientNorms[gradient]);
  const weights = distances.findIndex((distance) => !Number.isFinite(distance));
  if (weights >= 0) return where('weights', weights, distances[weights]);
  if (metrics.diverged || !Number.isFinite(metrics.trainLoss) || !Number.isFinite(metrics.validationLoss)) {
    return where('loss', null, Number.isFinite(metrics.trainLoss) ? metrics.validationLoss : metrics.trainLoss);
  }
  return null;
}
