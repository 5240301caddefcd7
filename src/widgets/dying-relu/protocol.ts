/**
 * The typed messages between the dying-ReLU widget's page and its training worker, which
 * trains both runs (A and B) of one state on the same data, epoch by epoch in turn. Every
 * start (and so every reset) begins a run with a new id, a counter in the page; every request
 * and report carries it, so the worker ignores requests for a run it has moved on from and the
 * page drops reports from one (a slice can still be reporting after Reset). Plain data only.
 */
import type { NetworkUnits, UnitHistory } from './model.ts';
import type { DyingState, Side } from './state.ts';

/** What the page asks of the worker, for run `run`. */
export type DyingRequest = { run: number } & (
  /**
   * Build both networks of `state` (same data, seed and initial weights), dropping any earlier
   * run; train at once when `play`. A `retrain` trains to the end with no report on the way: one
   * report, with every epoch from 0, once both sides stop.
   */
  | { type: 'start'; state: DyingState; play: boolean; retrain?: boolean }
  /** Train on until the last epoch, a divergence or a pause. */
  | { type: 'play' }
  /** Stop after the epoch under way. */
  | { type: 'pause' }
  /** One more epoch of each side still training, then stay paused. */
  | { type: 'step' }
);

/** One epoch of one side, as the charts need it. */
export interface EpochPoint {
  epoch: number;
  /** Mean training loss over the epoch's batches, and the validation loss and accuracy at its end. */
  trainLoss: number;
  validationLoss: number;
  validationAccuracy: number;
  /** Per hidden layer: share of units with every pre-activation ≤ 0 over the training set. */
  deadShares: number[];
  /** Per hidden layer: PReLU's learned alpha, or null for another activation. */
  alphas: (number | null)[];
}

/** Where a side stands: still training, trained all its epochs, or stopped on a non-finite loss. */
export type SideStatus = 'training' | 'completed' | 'diverged';

/** One side's news since the last report. */
export interface SideProgress {
  /** Epochs completed. */
  epoch: number;
  /** Epochs completed since the last report (epoch 0, at initialisation, in the first). */
  points: EpochPoint[];
  /** Every hidden unit at the latest epoch. */
  units: NetworkUnits;
  /** Per hidden layer, per unit: when it last died and first came back. */
  histories: UnitHistory[][];
  /** Per hidden layer: units that came back from dead at least once. */
  revivedCounts: number[];
  status: SideStatus;
  /** What happened, in words, once the side stopped ("Run B's loss became not a number in epoch 3 …"); else empty. */
  message: string;
}

/** What the worker tells the page about run `run`. */
export type DyingReport = { run: number } & (
  /** Both sides' news; `running` false once training stopped (paused, or both sides done). */
  | { type: 'progress'; sides: Record<Side, SideProgress>; running: boolean; epochs: number }
  /** Something the worker could not handle (a bug, not a divergence), in words. */
  | { type: 'error'; message: string }
);
