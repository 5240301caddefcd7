/**
 * The typed messages between the lab's page and its training worker. Every configure starts a
 * run with a new id (a counter in the page); every request and report carries the id of its
 * run, so the worker ignores requests for a run it has moved on from, and the page drops
 * reports from a run it has moved on from (a slow epoch can still be reporting after Reset).
 */
import type { Bounds, UserPoint } from './model.ts';
import type { LabState } from './state.ts';

/** What the page asks of the worker, for run `run`. */
export type LabRequest = { run: number } & (
  /** `retrain`: train the whole run at once and report only its end (session.ts). */
  | { type: 'configure'; state: LabState; points: UserPoint[]; retrain?: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'evaluate' }
  | { type: 'gradient-check' }
);

/** One epoch's numbers, as the charts need them. */
export interface EpochPoint {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss: number;
  validationAccuracy: number;
}

/** Where each plotted point came from. */
export type Part = 'train' | 'validation' | 'test' | 'yours';

/** The plotted points: coordinates, class and part, in parallel arrays. */
export interface PlotPoints {
  x: Float64Array;
  y: Float64Array;
  label: Uint8Array;
  part: Part[];
}

/** Why a run stopped. */
export type StopReason = 'paused' | 'completed' | 'diverged' | 'dead';

/** Rows the gradient check uses: enough to exercise every unit, few enough to answer at once. */
export const CHECK_ROWS = 32;
/** The gradient check's central-difference step (the lesson quotes it). */
export const CHECK_EPSILON = 1e-6;
/** The most parameters of one layer the gradient check compares; a larger layer is sampled, and the table says so. */
export const CHECK_SAMPLE = 256;
/**
 * Above this weight size the check is refused: a run whose weights blew up has pre-activations
 * so large that a nudge of CHECK_EPSILON is lost in their rounding, wherever it is applied.
 */
export const CHECK_MAX_WEIGHT = 1e6;

/** One backward pass's error on one layer (lib's LayerGradientCheck, as much as the table needs). */
export interface GradientError {
  relativeError: number;
  absoluteError: number;
  /** ‖numeric‖ + ‖analytic‖: when both vanish (a dead or saturated layer) no bug can show. */
  scale: number;
}

/** One weight layer in the gradient check: how many entries were compared, and each pass's error. */
export interface GradientLayer {
  parameterCount: number;
  /** Entries compared: sampled, less the kink crossings and the unresolved. */
  checked: number;
  /** Sampled entries whose central difference crossed a kink, left out. */
  kinkCrossings: number;
  /** Sampled entries so large that the ±ε nudge was lost in rounding, left out. */
  unresolved: number;
  correct: GradientError;
  article: GradientError;
}

/** What the worker tells the page about run `run`. */
export type LabReport = { run: number } & (
  | { type: 'configured'; points: PlotPoints; bounds: Bounds; epochs: number }
  | { type: 'progress'; epochs: EpochPoint[]; epoch: number; heatmap: Float64Array; running: boolean }
  /** `warning`: a run that completed but failed (its loss rose far above the start, or it ended at chance), with advice. */
  | { type: 'stopped'; reason: StopReason; epoch: number; message: string; warning?: string }
  | { type: 'evaluation'; loss: number; accuracy: number; confusion: [[number, number], [number, number]]; size: number }
  /** `layers` null: not checkable, because the largest weight (`largestWeight`) is not finite or too large to nudge. */
  | { type: 'gradients'; layers: GradientLayer[] | null; largestWeight: number }
  | { type: 'error'; message: string }
);
