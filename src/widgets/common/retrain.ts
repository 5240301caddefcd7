/**
 * "Retrain on every change": what any widget that trains in a worker needs to retrain its whole
 * configured run each time the reader changes a setting, and to show only finished results.
 *
 * - `latestWins(start)` schedules the runs: at most one run in flight (in the worker) plus one
 *   pending configuration (on the page). `request(config)` starts at once when nothing runs;
 *   otherwise the configuration waits, replacing any older one that waited. When the widget
 *   reports that the run in flight `finished()`, the waiting one starts. A run that has been in
 *   flight for `patienceMs` (default RETRAIN_PATIENCE_MS) with a newer configuration waiting is
 *   given up for it: `start` is called with the newer one, and the widget's configure (new run
 *   id) makes the worker drop the old run between slices. So a run fast enough for the setting to
 *   be on by default finishes and shows while the reader drags, even at twice its time on a busy
 *   machine, and a slow one never holds the page more than `patienceMs` behind the slider.
 *   Rapid changes never queue stale runs.
 * - `retrainSetting(options)` is the labelled checkbox with a line saying how long a full run
 *   takes here. Its default follows the last full run measured on this device
 *   (`measured(ms)`; kept in localStorage under `storageKey` when storage works): on at or under
 *   RETRAIN_FAST_MS, off above it, off until a first run is measured. Once the reader ticks or
 *   clears it, their choice stands for the page's life. It is page-local, not in the address:
 *   its default depends on the device, not on the setup a link shares.
 * - `settledAnnouncer(announce)` announces a retrained result only once the reader has left the
 *   controls alone for RETRAIN_ANNOUNCE_MS (`changed()` on every change postpones it), so dragging
 *   does not announce every step, and what is announced is what the figures show then.
 *
 * The widget keeps its run ids and drops reports from superseded runs as before; it calls
 * `finished()` when its current run's final report arrives (completed, stopped early, failed).
 */
import { formatFixed } from './format.ts';

/**
 * A full run at or under this many milliseconds turns the setting on by default. With
 * latest-wins a result shown while dragging is at most about two runs behind the slider (the
 * one in flight finishes, then the waiting one runs), and 2 × 500 ms stays within the second
 * after which a reader stops feeling that the figure follows the hand.
 */
export const RETRAIN_FAST_MS = 500;

/**
 * How long a run in flight may go on while a newer configuration waits: twice RETRAIN_FAST_MS.
 * Giving up runs just before they finish wastes them: dragging the lab's learning rate for about
 * three seconds (runs of 0.5 to 0.6 s) showed 3 finished runs with a patience of 500 ms, 6 with 1 s.
 */
export const RETRAIN_PATIENCE_MS = 2 * RETRAIN_FAST_MS;

/** Quiet time (ms) after the last change before a retrained result is announced. */
export const RETRAIN_ANNOUNCE_MS = 1000;

/** The timers `latestWins` uses (the page's by default; tests pass their own). */
export interface RetrainClock {
  now(): number;
  setTimer(work: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

/** The scheduler `latestWins` returns. */
export interface LatestWins<Config> {
  /** Asks for a run of `config`: now if nothing is in flight, else as the one waiting configuration. */
  request(config: Config): void;
  /** The run in flight has ended (its final report arrived, or it failed): the waiting one, if any, starts. */
  finished(): void;
  /** Forgets the run in flight and drops the waiting configuration (the setting was switched off, or a manual action replaced the run). */
  cancel(): void;
  /** Whether a run is in flight. */
  readonly busy: boolean;
  /** Whether a configuration is waiting. */
  readonly waiting: boolean;
}

const pageClock: RetrainClock = {
  now: () => performance.now(),
  setTimer: (work, ms) => window.setTimeout(work, ms),
  clearTimer: (handle) => window.clearTimeout(handle),
};

/** A latest-wins scheduler for runs of `Config`; `start` sends one to the worker. See the module comment. */
export function latestWins<Config>(start: (config: Config) => void, patienceMs = RETRAIN_PATIENCE_MS, clock: RetrainClock = pageClock): LatestWins<Config> {
  let inFlight = false;
  let startedAt = 0;
  let waiting: { config: Config } | null = null;
  let timer: number | null = null;

  const clearPatience = () => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
  };
  const launch = (config: Config) => {
    clearPatience();
    waiting = null;
    inFlight = true;
    startedAt = clock.now();
    start(config);
  };
  const giveUp = () => {
    timer = null;
    if (waiting) launch(waiting.config);
  };

  return {
    request(config) {
      if (!inFlight) return launch(config);
      waiting = { config };
      const left = patienceMs - (clock.now() - startedAt);
      if (left <= 0) return launch(config);
      if (timer === null) timer = clock.setTimer(giveUp, left);
    },
    finished() {
      inFlight = false;
      clearPatience();
      if (waiting) launch(waiting.config);
    },
    cancel() {
      inFlight = false;
      waiting = null;
      clearPatience();
    },
    get busy() {
      return inFlight;
    },
    get waiting() {
      return waiting !== null;
    },
  };
}

/** What `settledAnnouncer` returns. */
export interface SettledAnnouncer {
  /** A retrained result to announce once things are quiet; replaces one not yet announced. */
  result(message: string): void;
  /** The reader changed something: a result not yet announced waits RETRAIN_ANNOUNCE_MS more. */
  changed(): void;
}

/** Debounces retrained results for a live region (`announce` says a message at once). See the module comment. */
export function settledAnnouncer(announce: (message: string) => void, quietMs = RETRAIN_ANNOUNCE_MS, clock: RetrainClock = pageClock): SettledAnnouncer {
  let message: string | null = null;
  let timer: number | null = null;
  const arm = () => {
    if (timer !== null) clock.clearTimer(timer);
    timer = clock.setTimer(() => {
      timer = null;
      if (message !== null) announce(message);
      message = null;
    }, quietMs);
  };
  return {
    result(next) {
      message = next;
      arm();
    },
    changed() {
      if (message !== null) arm();
    },
  };
}

/** Whether the setting is on by default after a full run of `ms` (null: none measured yet). */
export function retrainDefault(ms: number | null, fastMs = RETRAIN_FAST_MS): boolean {
  return ms !== null && ms <= fastMs;
}

/** A duration as the hint says it: "0.2 s", "1.4 s", "12 s". */
export function formatRunTime(ms: number): string {
  const seconds = ms / 1000;
  return seconds >= 10 ? `${Math.round(seconds)} s` : `${formatFixed(Math.max(seconds, 0.1), 1)} s`;
}

/** The line beside the checkbox: how long a full run takes here, and why the setting is off when it is off by default. */
export function retrainHint(ms: number | null, on: boolean, fastMs = RETRAIN_FAST_MS): string {
  if (ms === null) return on ? 'No full run measured here yet.' : 'Off until a first full run (press Train) shows how long a run takes here.';
  if (ms <= fastMs) return `A full run takes about ${formatRunTime(ms)} here.`;
  return `${on ? 'On, though' : 'Off:'} a full run takes ${formatRunTime(ms)} on this device${on ? ', so results arrive late.' : '.'}`;
}

/** What a widget passes to `retrainSetting`. */
export interface RetrainOptions {
  /** The checkbox's id (`${key}-retrain`). */
  id: string;
  /** Hears every switch, by the reader or by a new default. */
  onToggle: (on: boolean) => void;
  /** Where the last full run's time is remembered ("al-retrain-ms:lab"); none: this page only. */
  storageKey?: string;
  /** Defaults to localStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  fastMs?: number;
}

/** The setting as a widget holds it. */
export interface RetrainSetting {
  /** The control: a labelled checkbox and its hint line. */
  readonly element: HTMLElement;
  /** Whether retraining on every change is on. */
  readonly on: boolean;
  /** Records a full run's duration (ms); while the reader has not chosen, the default follows it. */
  measured(ms: number): void;
}

/** The "Retrain on every change" checkbox; see the module comment. */
export function retrainSetting(options: RetrainOptions): RetrainSetting {
  const { id, onToggle, storageKey, fastMs = RETRAIN_FAST_MS } = options;
  const store = () => options.storage ?? localStorage;
  let last: number | null = null;
  try {
    // Even naming localStorage can throw (a sandboxed frame), so it is reached inside the try.
    const saved = storageKey ? Number.parseFloat(store().getItem(storageKey) ?? '') : Number.NaN;
    if (Number.isFinite(saved) && saved > 0) last = saved;
  } catch {
    // No storage: the first run on this page decides.
  }
  let chosen = false;

  const element = document.createElement('div');
  element.className = 'al-retrain';
  const label = document.createElement('label');
  const box = document.createElement('input');
  Object.assign(box, { type: 'checkbox', id, checked: retrainDefault(last, fastMs) });
  const hint = document.createElement('span');
  Object.assign(hint, { className: 'al-hint', id: `${id}-hint` });
  box.setAttribute('aria-describedby', hint.id);
  label.append(box, ' Retrain on every change');
  element.append(label, hint);
  const showHint = () => void (hint.textContent = retrainHint(last, box.checked, fastMs));
  showHint();

  box.addEventListener('change', () => {
    chosen = true;
    showHint();
    onToggle(box.checked);
  });

  return {
    element,
    get on() {
      return box.checked;
    },
    measured(ms) {
      last = ms;
      try {
        if (storageKey) store().setItem(storageKey, String(Math.round(ms)));
      } catch {
        // Private mode: remembered for this page only.
      }
      const next = chosen ? box.checked : retrainDefault(ms, fastMs);
      const switched = next !== box.checked;
      box.checked = next;
      showHint();
      if (switched) onToggle(next);
    },
  };
}
