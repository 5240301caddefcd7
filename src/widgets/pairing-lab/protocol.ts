/**
 * The typed messages between the pairing lab's page and its training worker, which trains both
 * runs (A and B) of one preset on the same data, weights and shuffles. As in the dying-ReLU
 * widget, every start begins a run with a new id; requests and reports carry it, so stale ones
 * are ignored on either side. Plain data only.
 */
import type { RunEpoch, RunPairing } from './model.ts';
import type { PairingState } from './state.ts';

/** The two runs, in order. */
export const SIDES = ['A', 'B'] as const;

/** Run A or run B. */
export type Side = (typeof SIDES)[number];

/** What the page asks of the worker, for run `run`. */
export type PairingRequest = { run: number } & (
  /**
   * Build both runs of `state`, dropping any earlier run; train at once when `play`. A `retrain`
   * trains to the end with no report on the way: one report, with every epoch, once it stops.
   */
  | { type: 'start'; state: PairingState; play: boolean; retrain?: boolean }
  /** Train on until the last epoch or a pause. */
  | { type: 'play' }
  /** Stop after the slice under way. */
  | { type: 'pause' }
  /** One more epoch of both runs, then stay paused. */
  | { type: 'step' }
);

/** Where a side stands: training, done, or refused by the engine before its first epoch. */
export type SideStatus = 'training' | 'completed' | 'refused';

/** One side's news since the last report. */
export interface SideProgress {
  readonly pairing: RunPairing;
  /** Epochs completed. */
  readonly epoch: number;
  /** Epochs completed since the last report. */
  readonly points: RunEpoch[];
  readonly status: SideStatus;
  /** The engine's refusal (what is wrong, what to use instead), or null. */
  readonly refusal: string | null;
}

/** What the worker tells the page about run `run`. */
export type PairingReport = { run: number } & (
  /** Both sides' news; `running` false once training stopped (paused, or done). */
  | { type: 'progress'; sides: Record<Side, SideProgress>; running: boolean; epochs: number }
  /** Something the worker could not handle (a bug), in words. */
  | { type: 'error'; message: string }
);
