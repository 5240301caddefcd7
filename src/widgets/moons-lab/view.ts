/**
 * The live lab: binds controls to state, state to the training worker, and the worker's reports
 * to charts. The worker trains; this thread only draws, at most once a frame (once a second
 * when the reader prefers reduced motion). With "Retrain on every change" on (common/retrain-flow.ts),
 * a change asks for a retrain (latest wins), and the figures keep the run before it until the
 * retrain's end has arrived whole; the status says "Retraining…" meanwhile.
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { controlSet } from '../common/control-set.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { plural } from '../common/format.ts';
import { retrainFlow } from '../common/retrain-flow.ts';
import { addressNotice, defaultState, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { liveFigures } from './live-figures.ts';
import { GROUPS, labMarkup } from './markup.ts';
import { defaultsNotice } from './messages.ts';
import { formatPoints, parsePoints, type UserPoint } from './model.ts';
import type { LabReport, LabRequest } from './protocol.ts';
import { wireReaderPoints } from './reader-points.ts';
import { initialFlags, receiveReport } from './reports.ts';
import { emptyRun, hasEnded, resetRun } from './shown-run.ts';
import { SCHEMA, type LabState } from './state.ts';
import { INVALID_SETTING, NO_RUN, RETRAINING, toolbarState } from './toolbar.ts';

/** Replaces the element's build-time figure with the live lab. */
export function mountLab(host: HTMLElement): void {
  const key = host.dataset.key ?? 'lab';
  const params = readParams(location.search, key);
  const fromUrl = parseState(SCHEMA, params);
  let state: LabState = fromUrl.state;
  // The reader's own points travel in the address too ("lab.mine"), so a shared setup includes them.
  const shared = params.mine === undefined ? { points: [] } : parsePoints(params.mine);
  const userPoints: UserPoint[] = shared.points;
  const problems = [...fromUrl.problems, ...(shared.problem ? [shared.problem] : [])];
  /** What the figures show; a retrain on its way changes it only when its end arrives. */
  const shown = emptyRun(state);
  /** The run asked for last and what is known of it (reports.ts updates them from the worker's reports). */
  const flags = initialFlags();
  /** What the notice shows: a refused point is cleared by the next point that is accepted. */
  let noticeAbout: 'point' | 'other' = 'other';

  const view = document.createElement('div');
  view.className = 'al-widget-body al-lab';
  view.innerHTML = labMarkup(key);
  const part = <T extends Element = HTMLElement>(name: string) => view.querySelector<T>(`[data-part="${name}"]`)!;
  const announce = createAnnouncer(part('live'), 400);
  const notice = part('notice');
  if (problems.length > 0) showNotice(addressNotice(problems));

  const { started: workerStarted, send } = connectWorker<LabRequest, LabReport>({
    create: () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' }),
    receive: (report) => {
      if (receiveReport(report, { key, flags, shown, flow, part, announce, showNotice, resetShown })) requestDraw();
    },
    say: (message) => showNotice(message),
    subject: 'The lab',
    figure: 'a run',
  });
  if (!workerStarted) return;
  /**
   * Sends a request for the current run; training and stepping first cancel a gradient check
   * under way. Train counts as running at once: a run that will end within a quarter of a second
   * sends no report until its end (session.ts), and Pause must be there meanwhile.
   */
  const ask = (type: 'play' | 'pause' | 'step' | 'evaluate' | 'gradient-check') => {
    // Only a Train from epoch 0 is timed, until anything else is asked.
    if (type === 'play') flow.trainStarted(shown.epoch === 0);
    else flow.paused();
    if (type === 'play') {
      shown.running = true;
      announce(`Training started: ${plural(shown.state.epochs, 'epoch')}.`);
      requestDraw();
    }
    if (flags.checking && (type === 'play' || type === 'step')) {
      flags.checking = false;
      part('gradient-table').textContent = 'The gradient check was cancelled, because training changes the weights. Check again when training is paused.';
    }
    send({ run: flags.run, type });
  };

  // Drawing: coalesced to one frame; with reduced motion, at most once a second while training.
  const requestDraw = drawScheduler(draw, () => shown.running);
  const figures = liveFigures(part, view, requestDraw);
  const flow = retrainFlow<LabState>({
    id: `${key}-retrain`,
    storageKey: `al-retrain-ms:${key}`,
    place: part('retrain'),
    live: part('live'),
    say: (message) => announce(message, 0),
    // A retrain's first result is its float32 preview, not a full float64 run: only Train from epoch 0 is timed.
    timeRetrains: false,
    current: () => state,
    adopt: (next) => {
      state = next;
      writeAddress();
    },
    retrain: (next) => startRun(next, true),
    fresh: (next) => startRun(next, false),
    refused: () => settingRefused(),
    ended: () => hasEnded(shown),
    toggled: (on) => {
      // The status line flips between "Retraining…" and a result on every drag step: the live region announces instead.
      part('status').setAttribute('aria-live', on ? 'off' : 'polite');
      updateToolbar();
    },
  });

  // Controls, built from the state table.
  /** `settingRefused`: whether a control shows a value it refused: then nothing trains (common/controls.ts). */
  const { controls, refused: settingRefused } = controlSet(key, SCHEMA, state, (name) => part(`group-${GROUPS[name]}`), (name, value) => configure({ ...state, [name]: value }));

  const buttons = Object.fromEntries(['play', 'step', 'reset', 'defaults', 'evaluate', 'gradients'].map((name) => [name, part<HTMLButtonElement>(name)]));
  // A refused setting blocks training even from a click that lands before the buttons redraw.
  buttons.play.addEventListener('click', () => (shown.running ? ask('pause') : !settingRefused() && ask('play')));
  buttons.step.addEventListener('click', () => !settingRefused() && ask('step'));
  buttons.reset.addEventListener('click', () => configure(state));
  // The article's setup has none of the reader's points: they go too, and the notice says so.
  buttons.defaults.addEventListener('click', () => {
    const defaults = defaultState(SCHEMA);
    for (const [name, control] of controls) control.set(defaults[name]);
    const cleared = userPoints.splice(0).length;
    notice.hidden = true;
    if (cleared > 0) showNotice(defaultsNotice(cleared));
    configure(defaults);
  });
  buttons.evaluate.addEventListener('click', () => {
    flags.followTest = true;
    ask('evaluate');
  });
  buttons.gradients.addEventListener('click', () => {
    // Off at once, not at the next frame, so a double click cannot queue a second check.
    buttons.gradients.disabled = true;
    flags.checking = true;
    part('gradient-table').textContent = 'Checking… comparing each layer’s gradient with central differences.';
    announce('Checking the gradients…');
    requestDraw();
    ask('gradient-check');
  });
  // A control that shows a value it refused says so; a run under way pauses. Once every value is
  // usable again, a run left untrained meanwhile is retrained.
  view.addEventListener('al-validity', () => {
    if (settingRefused() && shown.running) ask('pause');
    else flow.validityChanged();
    updateToolbar();
    requestDraw();
  });
  wireReaderPoints({
    part,
    points: userPoints,
    bounds: () => shown.plotted?.bounds,
    chart: () => (shown.plotted ? figures.chart() : undefined),
    refuse: (message) => showNotice(message, 'point'),
    changed: (message) => {
      if (noticeAbout === 'point') notice.hidden = true;
      if (message) announce(message);
      configure(state);
    },
  });

  function showNotice(message: string, about: 'point' | 'other' = 'other') {
    notice.textContent = message;
    notice.hidden = false;
    noticeAbout = about;
  }

  /** The state, and the reader's own points, in the address. */
  function writeAddress() {
    const mine: Record<string, string> = userPoints.length > 0 ? { mine: formatPoints(userPoints) } : {};
    replaceUrlParams(key, { ...serialiseState(SCHEMA, state), ...mine });
  }

  /** Takes `next` as the state: retrained (latest wins) when the setting is on and every value is usable, else a fresh untrained run. */
  function configure(next: LabState) {
    flow.changed(next);
    updateToolbar();
  }

  /** The figures start afresh for `next`; the run shown so far stays as the faint comparison. */
  function resetShown(next: LabState) {
    resetRun(shown, next);
    part('evaluation').replaceChildren();
    part('gradient-table').replaceChildren();
    part('warning').hidden = true;
  }

  /** Asks the worker for a run of `next`; a retrain leaves the figures as they are until its end arrives. */
  function startRun(next: LabState, retrainIt: boolean) {
    // A fresh run replaces any retrain under way or waiting, and is not timed until Train.
    if (!retrainIt) flow.cancel();
    flags.run++;
    flags.retrainRun = retrainIt;
    flags.configuring = true;
    flags.failure = null;
    flags.checking = false;
    flags.holding = false;
    flags.confirming = false;
    // The worker drops the run shown for the new one: a retrain keeps its figures, but it no longer trains.
    if (retrainIt) shown.running = false;
    else resetShown(next);
    send({ run: flags.run, type: 'configure', state: next, points: [...userPoints], retrain: retrainIt });
    // At once, not at the next frame: the status and data-retraining say a retrain is on its way.
    updateToolbar();
    requestDraw();
  }

  function draw() {
    // Half a retrain's end is never drawn: the figures change once, when all of it is here.
    if (!flags.holding) {
      figures.draw({ ...shown, epochs: shown.state.epochs });
      host.dataset.shownRun = String(flags.shownRun);
    }
    const epochs = shown.state.epochs;
    const progress = part<HTMLProgressElement>('progress');
    progress.max = epochs;
    progress.value = Math.min(shown.epoch, epochs);
    part('epoch').textContent = `Epoch ${shown.epoch} of ${epochs}`;
    updateToolbar();
  }

  /** Buttons and status from the state; run at once when a control turns invalid, not a frame later. */
  function updateToolbar() {
    const retraining = flow.pending;
    const blocked = settingRefused() ? INVALID_SETTING : flags.failure !== null ? NO_RUN : retraining ? RETRAINING : null;
    const { running, epoch, stopReason } = shown;
    const toolbar = toolbarState({ running, epoch, stopReason, checking: flags.checking, blocked, confirming: flags.confirming });
    buttons.play.textContent = toolbar.playLabel;
    buttons.play.setAttribute('aria-pressed', String(running));
    buttons.play.disabled = toolbar.playDisabled;
    buttons.step.disabled = toolbar.stepDisabled;
    buttons.evaluate.disabled = toolbar.evaluateDisabled;
    buttons.gradients.disabled = toolbar.gradientsDisabled;
    // A button disabled under the keyboard's focus would drop focus to the page's top: Reset,
    // never disabled, is where a reader goes next after a run ends.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled && view.contains(document.activeElement)) {
      buttons.reset.focus();
    }
    part('status').textContent = blocked ?? shown.stopMessage;
    host.dataset.running = String(running);
    host.dataset.epoch = String(epoch);
    host.dataset.retraining = String(retraining);
    host.dataset.precision = flags.confirming ? 'float32' : 'float64';
  }

  host.replaceChildren(view);
  part('status').setAttribute('aria-live', flow.on ? 'off' : 'polite');
  // Opening the page is not a change: the first run waits for Train, whatever the setting.
  writeAddress();
  startRun(state, false);
  host.dataset.ready = 'true';
}
