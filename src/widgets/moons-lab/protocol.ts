/** The typed messages between the lab's page and its training worker. */
import type { Bounds, UserPoint } from './model.ts';
import type { LabState } from './state.ts';

/** What the page asks of the worker. */
export type LabRequest =
  | { type: 'configure'; state: LabState; points: UserPoint[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'evaluate' }
  | { type: 'gradient-check' };

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

/** What the worker tells the page. */
export type LabReport =
  | { type: 'configured'; points: PlotPoints; bounds: Bounds; epochs: number }
  | { type: 'progress'; epochs: EpochPoint[]; epoch: number; heatmap: Float64Array; running: boolean }
  | { type: 'stopped'; reason: StopReason; epoch: number; message: string }
  | { type: 'evaluation'; loss: number; accuracy: number; confusion: [[number, number], [number, number]]; size: number }
  | { type: 'gradients'; correct: number[]; article: number[] }
  | { type: 'error'; message: string };
