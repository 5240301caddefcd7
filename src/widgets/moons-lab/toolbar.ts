/** Which of the lab's buttons a reader may press, and what the Train button says, from what the page knows. Pure. */
import type { StopReason } from './protocol.ts';

/** What the page knows about the run it shows. */
export interface RunView {
  running: boolean;
  epoch: number;
  /** Why the run last stopped, or null while it has not. */
  stopReason: StopReason | null;
  /** A gradient check is under way. */
  checking: boolean;
  /** Why nothing may train now (a refused setting, a configure that failed), or null. */
  blocked: string | null;
}

/** The toolbar and result buttons as the reader sees them. */
export interface ToolbarState {
  playLabel: 'Train' | 'Pause' | 'Resume';
  playDisabled: boolean;
  stepDisabled: boolean;
  evaluateDisabled: boolean;
  gradientsDisabled: boolean;
}

/** Status line text while training is off because a control shows a value it refused. */
export const INVALID_SETTING = 'Training is off while a setting shows a value it cannot use: correct it, or press Article defaults.';

/** Status line text while a retrain is on its way (the figures still show the run before it). */
export const RETRAINING = 'Retraining…';

/** Status line text after the worker refused a configuration, leaving no run. */
export const NO_RUN = 'There is no run to train: that setting could not be used (see the notice above). Change it, or press Article defaults.';

/**
 * Train pauses while running (always allowed) and is off once a run has finished, diverged or died; Step is off
 * whenever Train is or while running; Evaluate needs a trained, finite network; the gradient
 * check needs the run paused and no check already under way. Nothing trains while blocked (the
 * view pauses a run that becomes blocked).
 */
export function toolbarState(view: RunView): ToolbarState {
  const finished = view.stopReason === 'completed' || view.stopReason === 'diverged' || view.stopReason === 'dead';
  const blocked = view.blocked !== null;
  // Pausing is always allowed: a run that becomes blocked keeps its Pause until the pause lands.
  const playDisabled = view.running ? false : blocked || finished;
  return {
    playLabel: view.running ? 'Pause' : view.epoch > 0 && !finished ? 'Resume' : 'Train',
    playDisabled,
    stepDisabled: view.running || playDisabled,
    evaluateDisabled: blocked || view.running || view.epoch === 0 || view.stopReason === 'diverged',
    gradientsDisabled: blocked || view.running || view.checking,
  };
}
