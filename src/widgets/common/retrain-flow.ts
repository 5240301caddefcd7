/**
 * "Retrain on every change" as a training widget's page wires it (the moons lab, the
 * gradient-depth, dying-ReLU and pairing widgets): the checkbox (`retrainSetting`), the latest-wins scheduler
 * (`latestWins`), the timing of full runs that sets the checkbox's default, and the settled
 * announcement of a retrained result, all from common/retrain.ts, joined in one place so each
 * widget only says how to send a retrain, how to start an ordinary run, and what it shows.
 *
 * The widget keeps its run ids and its figures. It calls `changed(config)` for every control
 * change (and for its button back to the lesson's values); `trainStarted`/`paused` around an ordinary run so its time is known;
 * and, for the run it asked for last, `runEnded(words)` when the final report arrived, or
 * `runFailed()` on an error. While `retraining` is true the reports it gets are a retrain's: it
 * keeps showing the run before until the final one, then shows the finished run whole.
 *
 * A retrain may end in two steps (the lab's: a float32 preview, then the float64 run): the widget
 * calls `previewEnded()` at the first, which lets the next waiting retrain start (a newer change
 * drops the rest of this one) and announces nothing, and `runEnded(words)` at the final end, whose
 * words alone are announced. Such a widget passes `timeRetrains: false`, since a retrain's time
 * then says nothing about a full run's: only its ordinary runs from epoch 0 set the default.
 */
import { latestWins, retrainSetting, settledAnnouncer } from './retrain.ts';

/** What a widget tells `retrainFlow`. */
export interface RetrainFlowOptions<Config> {
  /** The checkbox's id (`${key}-retrain`). */
  id: string;
  /** Where the last full run's time is remembered (`al-retrain-ms:NAME`), shared by a widget's instances. */
  storageKey: string;
  /** Where the checkbox and its hint go. */
  place: HTMLElement;
  /** The controls' configuration now. */
  current(): Config;
  /** Takes `config` as the controls' configuration (and writes the address): called first by `changed`. */
  adopt(config: Config): void;
  /** Sends a retrain of `config` to the worker as a new run: trained to its end, one final report. */
  retrain(config: Config): void;
  /** Starts an ordinary run of `config`, untrained and paused, as the widget does with the setting off. */
  fresh(config: Config): void;
  /** Whether a control shows a value it refused (then nothing retrains). */
  refused(): boolean;
  /** Whether the run shown is trained to its end (then switching the setting on retrains nothing). */
  ended(): boolean;
  /** The live region, where a retrained result is written once the reader pauses (unless `say` is given). */
  live: HTMLElement;
  /** Says a settled retrained result instead of writing it into `live` at once (the lab's announcer, so its pending words cannot overwrite it). */
  say?(message: string): void;
  /**
   * Whether a retrain's time, from sending it to `runEnded`, counts as a full run's for the
   * checkbox's default (default true). False when a retrain's first result is not a full run
   * (the lab's float32 preview): then only ordinary runs timed by `trainStarted(true)` count.
   */
  timeRetrains?: boolean;
  /** Hears every switch of the setting, after the flow has acted on it. */
  toggled?(on: boolean): void;
}

/** What `retrainFlow` returns. */
export interface RetrainFlow<Config> {
  /** Whether the setting is on. */
  readonly on: boolean;
  /** True from sending a retrain until its end, failure or cancellation: the reports that come are a retrain's. */
  readonly retraining: boolean;
  /** Whether a retrain is in flight or waiting (the status can say "Retraining…"). */
  readonly pending: boolean;
  /** The configuration of the retrain sent last (the controls may have moved on since): what its report shows. */
  readonly sent: Config;
  /** The controls now say `config`: retrained (latest wins) when the setting is on and every value is usable, else a fresh run. */
  changed(config: Config): void;
  /** A control's validity changed: once every value is usable again, a run left untrained meanwhile is retrained. */
  validityChanged(): void;
  /** Training of an ordinary run starts; `fromStart` (epoch 0) makes its end count as a full run's time. */
  trainStarted(fromStart: boolean): void;
  /** The ordinary run paused: its time no longer says how long a full run takes. */
  paused(): void;
  /**
   * The run asked for last ended; a retrain's `words` are announced once the reader pauses, then
   * the next waiting retrain starts. `full`: every run trained all its epochs (one that diverged
   * or was refused ended early, so its time says nothing about a full run's and is not kept).
   */
  runEnded(words: string, full: boolean): void;
  /**
   * A retrain's preview, its first result, has arrived and its final result is still to come: the
   * next waiting retrain starts now (a newer change need not wait for the final result, and drops
   * it), nothing is announced, and `retraining` stays true until `runEnded` or `runFailed`.
   */
  previewEnded(): void;
  /** The run asked for last failed (an error report). */
  runFailed(): void;
  /** A manual action (Train, Reset) replaced the run: forget the retrain under way and the one waiting. */
  cancel(): void;
}

/** The page side of "Retrain on every change" for one widget; see the module comment. */
export function retrainFlow<Config>(options: RetrainFlowOptions<Config>): RetrainFlow<Config> {
  let retraining = false;
  let sent = options.current();
  /** When the run under way started from epoch 0 with nothing in between, to time a full run; else null. */
  let timedFrom: number | null = null;
  const settled = settledAnnouncer((message) => (options.say ? options.say(message) : void (options.live.textContent = message)));
  const runs = latestWins<Config>((config) => {
    retraining = true;
    sent = config;
    timedFrom = options.timeRetrains === false ? null : performance.now();
    options.retrain(config);
  });
  const cancel = () => {
    runs.cancel();
    retraining = false;
  };
  const setting = retrainSetting({
    id: options.id,
    storageKey: options.storageKey,
    onToggle: (on) => {
      if (on && !options.ended() && !options.refused()) flow.changed(options.current());
      if (!on && (runs.busy || runs.waiting)) {
        cancel();
        options.fresh(options.current());
      }
      options.toggled?.(on);
    },
  });

  options.place.append(setting.element);

  const flow: RetrainFlow<Config> = {
    get on() {
      return setting.on;
    },
    get retraining() {
      return retraining;
    },
    get pending() {
      return runs.busy || runs.waiting;
    },
    get sent() {
      return sent;
    },
    changed(config) {
      options.adopt(config);
      settled.changed();
      if (setting.on && !options.refused()) return runs.request(config);
      cancel();
      options.fresh(config);
    },
    validityChanged() {
      // After the event's own task: a good typed value is shown (and valid) before it is reported as a change.
      queueMicrotask(() => {
        if (!options.refused() && setting.on && !options.ended() && !runs.busy) flow.changed(options.current());
      });
    },
    trainStarted(fromStart) {
      timedFrom = fromStart ? performance.now() : null;
    },
    paused() {
      timedFrom = null;
    },
    runEnded(words, full) {
      const took = timedFrom === null || !full ? null : performance.now() - timedFrom;
      timedFrom = null;
      if (retraining) {
        retraining = false;
        settled.result(words);
        runs.finished();
      }
      // Last: a new default may switch the setting, which may start or drop a run.
      if (took !== null) setting.measured(took);
    },
    previewEnded() {
      if (retraining) runs.finished();
    },
    runFailed() {
      timedFrom = null;
      if (!retraining) return;
      retraining = false;
      runs.finished();
    },
    cancel() {
      cancel();
      timedFrom = null;
    },
  };
  return flow;
}
