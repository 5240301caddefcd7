/**
 * The run the lab's figures show, as data: its points, epochs, heatmap and how it stopped, and the
 * run before it (the faint curves). The view feeds it the worker's reports; pure, so Node tests
 * read it.
 */
import type { LabState } from './state.ts';
import type { EpochPoint, LabReport, PlotPoints, StopReason } from './protocol.ts';
import type { Bounds } from './model.ts';

/** What the figures, the progress bar and the status line show. */
export interface ShownRun {
  /** The state it was configured with. */
  state: LabState;
  plotted: { points: PlotPoints; bounds: Bounds; epochs: number } | undefined;
  current: EpochPoint[];
  previous: EpochPoint[];
  heatmap: Float64Array | null;
  epoch: number;
  running: boolean;
  /** Why it last stopped, or null while it has not. */
  stopReason: StopReason | null;
  stopMessage: string;
}

/** Nothing trained yet, for `state`. */
export function emptyRun(state: LabState): ShownRun {
  return { state, plotted: undefined, current: [], previous: [], heatmap: null, epoch: 0, running: false, stopReason: null, stopMessage: '' };
}

/** Starts afresh for `state`: the epochs shown so far (if any) become the faint previous run; the points stay until new ones arrive. */
export function resetRun(shown: ShownRun, state: LabState): void {
  if (shown.current.length > 0) shown.previous = shown.current;
  Object.assign(shown, { state, current: [], heatmap: null, epoch: 0, running: false, stopReason: null, stopMessage: '' });
}

/** Takes a report's numbers (configured, progress, stopped; the others change nothing shown here). */
export function applyReport(shown: ShownRun, report: LabReport): void {
  if (report.type === 'configured') shown.plotted = report;
  else if (report.type === 'progress') {
    shown.current = shown.current.concat(report.epochs);
    shown.epoch = report.epoch;
    shown.heatmap = report.heatmap;
    shown.running = report.running;
  } else if (report.type === 'stopped') {
    shown.running = false;
    shown.stopReason = report.reason;
    shown.stopMessage = report.message;
  } else if (report.type === 'error') shown.running = false;
}

/** Whether the run has ended for good: completed, diverged or dead (not paused). */
export function hasEnded(shown: ShownRun): boolean {
  return shown.stopReason === 'completed' || shown.stopReason === 'diverged' || shown.stopReason === 'dead';
}
