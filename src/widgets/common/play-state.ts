/**
 * Whether a training widget's run is training, as its page shows it. The page counts a run as
 * training from the press of Train, so that the button offers Pause at once and a quick second
 * press pauses; but until the worker has taken the play, the reports it sent before (its answer
 * to the run's start) say "not running", and such a report must not read as a pause: that would
 * announce one, and drop the timing of a full run that sets the retrain setting's default.
 */

/** The page's side of a run's play and pause; see the module comment. */
export interface PlayState {
  /** Whether the run is training, as the page shows it. */
  readonly running: boolean;
  /** Train was pressed: training from now on, whatever reports sent before the play say. */
  trained(): void;
  /** Pause was pressed: the next report that says "not running" is the pause. */
  paused(): void;
  /** A new run, an error, or a retrained run shown whole: not training, nothing asked. */
  stopped(): void;
  /**
   * A report from the worker: whether it trains, and whether the run has ended (then it is not
   * training, whatever was asked). Returns whether the run was training before this report.
   */
  reported(workerRunning: boolean, ended: boolean): boolean;
}

/** A run not training, with nothing asked of it. */
export function playState(): PlayState {
  let running = false;
  /** Train was pressed and no report has said "running" since. */
  let asked = false;
  return {
    get running() {
      return running;
    },
    trained() {
      running = true;
      asked = true;
    },
    paused() {
      asked = false;
    },
    stopped() {
      running = false;
      asked = false;
    },
    reported(workerRunning, ended) {
      const was = running;
      running = workerRunning || (asked && !ended);
      if (workerRunning || !running) asked = false;
      return was;
    },
  };
}
