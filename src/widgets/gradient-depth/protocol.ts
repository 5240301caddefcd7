/**
 * The typed messages between the gradient-depth widget's page and its training worker, which
 * trains both runs (A and B) of one state on the same data, epoch by epoch in turn. Every start
 * and every reset begins a run with a new id (a counter in the page); every request and report
 * carries the id of its run, so the worker ignores requests for a run it has moved on from, and
 * the page drops reports from a run it has moved on from (an epoch of a deep network can still
 * be reporting after Reset). Everything is plain data, safe for structured clone.
 */
import type { DepthMeasurement } from './model.ts';
import type { DepthState, RunName } from './state.ts';

/** What the page asks of the worker, for run `run`. */
export type DepthRequest = { run: number } & (
  /**
   * Build both networks of `state` at initialisation (same data and seed) as run `run`,
   * dropping any earlier run; train at once when `play`, else wait paused for step or resume.
   * A `retrain` (with `play`) trains both runs to their end with no report on the way, then
   * sends one 'retrained' report.
   */
  | { type: 'start'; state: DepthState; play: boolean; retrain?: boolean }
  /** Train one more epoch of each run still training, then stay paused. */
  | { type: 'step' }
  /** Stop after the epoch under way; a 'paused' report follows. */
  | { type: 'pause' }
  /** Train on from where the runs stand until their last epoch, a divergence or a pause. */
  | { type: 'resume' }
  /**
   * Drop the current run, whatever its id, and begin run `run` from the same state at
   * initialisation, paused: the new id is what makes the old run's late reports droppable.
   */
  | { type: 'reset' }
);

/** One epoch of one side, as the loss curve, the gradient heatmap and the weight-distance chart need it. */
export interface DepthEpoch {
  /** Epochs completed, from 1. */
  epoch: number;
  /** The mean training loss (binary cross-entropy) over the epoch's batches: the engine's EpochMetrics.trainLoss. */
  loss: number;
  /** The validation loss with the weights at the end of the epoch. */
  validationLoss: number;
  /**
   * Each layer's gradient norm, first hidden layer first, output layer last: the engine's
   * EpochMetrics.gradientNorms (the mean over the epoch's batches of ‖∂L/∂θ_l‖).
   */
  gradientNorms: number[];
  /** Each weight layer's ‖W_l − W_l at init‖, in the library's weightDistances order. */
  weightDistances: number[];
  /** The same distances over ‖W_l at init‖, so layers of different sizes compare. */
  relativeDistances: number[];
}

/** One epoch of one side. */
export type SideEpoch = { side: RunName } & DepthEpoch;

/** The value that first went Infinity or NaN in a diverged run. */
export type NonFiniteValue = 'loss' | 'gradient' | 'weights';

/** A run that stopped on its first non-finite value: where, what, and what to try instead. */
export interface DepthDivergence {
  /** The epoch in which the value went non-finite (counting from 1). */
  epoch: number;
  /** Which value went non-finite. */
  value: NonFiniteValue;
  /** The weight layer it was found in (0 = first hidden layer), or null for the loss. */
  layer: number | null;
  /** What happened, in words ("Run A's loss became NaN in epoch 3"), for the live region. */
  message: string;
  /** What to try instead ("Try Xavier or He initialisation, or a smaller learning rate"). */
  suggestion: string;
}

/** What the worker tells the page about run `run`; `side` says which of the two runs a report is about. */
export type DepthReport = { run: number } & (
  /**
   * Both networks are built at initialisation: each side's epochs to train (the state's
   * epochs), and each side measured at initialisation (model.ts's measureAtInit, which takes a
   * quarter of a second at 30 layers of 64, so it runs here rather than on the page).
   */
  | { type: 'started'; epochs: number; initial: Record<RunName, DepthMeasurement> }
  /**
   * Epochs completed with every value finite since the last report, in the order trained (A
   * and B interleaved), batched a few times a second so that messages stay few.
   */
  | { type: 'epochs'; epochs: SideEpoch[] }
  /** One side stopped on its first Infinity or NaN; the other side trains on. */
  | ({ type: 'diverged'; side: RunName } & DepthDivergence)
  /** One side trained all its epochs. */
  | { type: 'done'; side: RunName; epoch: number }
  /** Training stopped at the page's request: each side's epochs completed so far. */
  | { type: 'paused'; epochs: Record<RunName, number> }
  /** Something the worker could not handle (a bug, not a divergence), in words. */
  | { type: 'error'; message: string }
  /**
   * A retrain's end, whole: the 'started', 'epochs', 'done' and 'diverged' reports an ordinary
   * run would have sent on the way, in their order, so the page shows the finished runs at once.
   */
  | { type: 'retrained'; reports: DepthReport[] }
);
