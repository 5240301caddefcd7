/**
 * The live lab: binds controls to state, state to the training worker, and the worker's reports
 * to charts. The worker trains; this thread only draws, at most once a frame (once a second
 * when the reader prefers reduced motion). With "Retrain on every change" on, a change asks for
 * a retrain (common/retrain.ts: latest wins), and the figures keep the run before it until the
 * retrain's end has arrived whole; the status says "Retraining…" meanwhile.
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { controlSet } from '../common/control-set.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { formatPercent, plural } from '../common/format.ts';
import { latestWins, retrainSetting, settledAnnouncer } from '../common/retrain.ts';
import { addressNotice, defaultState, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { liveFigures } from './live-figures.ts';
import { GROUPS, labMarkup } from './markup.ts';
import { defaultsNotice, stopAnnouncement } from './messages.ts';
import { formatPoints, parsePoints, type UserPoint } from './model.ts';
import { evaluationPanel, evaluationSummary, gradientPanel, gradientSummary } from './panels.ts';
import type { LabReport, LabRequest } from './protocol.ts';
import { wireReaderPoints } from './reader-points.ts';
import { applyReport, emptyRun, hasEnded, resetRun } from './shown-run.ts';
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
  /** The run this page asked for last: every configure starts a new one, and reports from older runs are dropped. */
  let run = 0;
  /** The state that run was configured with, and whether it is a retrain. */
  let sent = { state, retrain: false };
  /** True from a configure until the worker has built its run. */
  let configuring = false;
  /** Why the worker could not build the current run, or null. */
  let failure: string | null = null;
  let checking = false;
  /** What the notice shows: a refused point is cleared by the next point that is accepted. */
  let noticeAbout: 'point' | 'other' = 'other';
  /** The run whose points the figures show (a test hook, `data-shown-run`, once drawn). */
  let shownRun = 0;
  /** A retrain's end is arriving (configured … stopped): nothing is drawn until all of it has. */
  let holding = false;
  /** A retrain's float32 preview is shown and its float64 run is on its way (session.ts). */
  let confirming = false;
  /** The reader has asked for the test set: retrains then show their test figures too. */
  let followTest = false;
  /** The test summary of the retrain arriving, for its announcement. */
  let testSummary = '';
  /** When the run under way started from epoch 0 with nothing in between, to time a full run; else null. */
  let timedFrom: number | null = null;

  const view = document.createElement('div');
  view.className = 'al-widget-body al-lab';
  view.innerHTML = labMarkup(key);
  const part = <T extends Element = HTMLElement>(name: string) => view.querySelector<T>(`[data-part="${name}"]`)!;
  const announce = createAnnouncer(part('live'), 400);
  const settled = settledAnnouncer((message) => announce(message, 0));
  const notice = part('notice');
  if (problems.length > 0) showNotice(addressNotice(problems));

  const { started: workerStarted, send } = connectWorker<LabRequest, LabReport>({
    create: () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' }),
    receive: (report) => receive(report),
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
    timedFrom = type === 'play' && shown.epoch === 0 ? performance.now() : null;
    if (type === 'play') {
      shown.running = true;
      announce(`Training started: ${plural(shown.state.epochs, 'epoch')}.`);
      requestDraw();
    }
    if (checking && (type === 'play' || type === 'step')) {
      checking = false;
      part('gradient-table').textContent = 'The gradient check was cancelled, because training changes the weights. Check again when training is paused.';
    }
    send({ run, type });
  };

  // Drawing: coalesced to one frame; with reduced motion, at most once a second while training.
  const requestDraw = drawScheduler(draw, () => shown.running);
  const figures = liveFigures(part, view, requestDraw);
  const runs = latestWins<LabState>((next) => startRun(next, true));
  const retrain = retrainSetting({ id: `${key}-retrain`, storageKey: `al-retrain-ms:${key}`, onToggle: (on) => retrainToggled(on) });
  part('retrain').append(retrain.element);

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
    followTest = true;
    ask('evaluate');
  });
  buttons.gradients.addEventListener('click', () => {
    // Off at once, not at the next frame, so a double click cannot queue a second check.
    buttons.gradients.disabled = true;
    checking = true;
    part('gradient-table').textContent = 'Checking… comparing each layer’s gradient with central differences.';
    announce('Checking the gradients…');
    requestDraw();
    ask('gradient-check');
  });
  // A control that shows a value it refused says so; a run under way pauses. Once every value is
  // usable again, a run left untrained meanwhile is retrained.
  view.addEventListener('al-validity', () => {
    if (settingRefused() && shown.running) ask('pause');
    else if (!settingRefused() && retrain.on && !hasEnded(shown) && !runs.busy) configure(state);
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
    state = next;
    writeAddress();
    settled.changed();
    if (retrain.on && !settingRefused()) runs.request(next);
    else {
      runs.cancel();
      startRun(next, false);
    }
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
    run++;
    sent = { state: next, retrain: retrainIt };
    configuring = true;
    failure = null;
    checking = false;
    holding = false;
    confirming = false;
    // Only a Train from epoch 0 is timed: a retrain's first result is its float32 preview, not a full float64 run.
    timedFrom = null;
    // The worker drops the run shown for the new one: a retrain keeps its figures, but it no longer trains.
    if (retrainIt) shown.running = false;
    else resetShown(next);
    send({ run, type: 'configure', state: next, points: [...userPoints], retrain: retrainIt });
    requestDraw();
  }

  /** Switched by the reader or by a new default: on retrains unless a finished run is shown; off goes back to Train. */
  function retrainToggled(on: boolean) {
    // The status line flips between "Retraining…" and a result on every drag step: the live region announces instead.
    part('status').setAttribute('aria-live', on ? 'off' : 'polite');
    if (on && !hasEnded(shown) && !settingRefused()) configure(state);
    if (!on && (runs.busy || runs.waiting)) {
      runs.cancel();
      startRun(state, false);
    }
    updateToolbar();
  }

  function receive(report: LabReport) {
    // A report from a run the reader has moved on from (a slow epoch after Reset) is dropped.
    if (report.run !== run) return;
    // A retrain's end arrives in one go (configured, progress, evaluation, stopped): only now does the shown run change.
    if (report.type === 'configured' && sent.retrain) {
      holding = true;
      resetShown(sent.state);
    }
    // The float64 confirmation of a preview arrives whole too, and replaces the preview's epochs.
    if (report.type === 'progress' && report.replace) holding = true;
    applyReport(shown, report);
    if (report.type === 'configured') {
      configuring = false;
      shownRun = report.run;
    }
    else if (report.type === 'progress') {
      if (shown.running && report.epochs.some((e) => e.epoch % 100 === 0)) {
        const last = report.epochs.at(-1)!;
        announce(`Epoch ${last.epoch} of ${shown.state.epochs}: validation accuracy ${formatPercent(last.validationAccuracy)}.`);
      }
    } else if (report.type === 'stopped') {
      const warning = part('warning');
      warning.textContent = report.warning ?? '';
      warning.hidden = report.warning === undefined;
      const said = stopAnnouncement(report, shown.current.at(-1));
      const took = report.reason === 'completed' && timedFrom !== null ? performance.now() - timedFrom : null;
      timedFrom = null;
      if (sent.retrain) {
        holding = false;
        confirming = report.preview === true;
        // A preview is shown at once but announced only once confirmed; a newer change need not wait for it.
        if (!confirming) settled.result(`Retrained. ${said}${testSummary}`);
        runs.finished();
      } else announce(said);
      // Last: a new default may switch the setting, which may start a run.
      if (took !== null) retrain.measured(took);
    } else if (report.type === 'evaluation') {
      // A retrain evaluates every run; its test figures show once the reader has asked for them.
      testSummary = '';
      if (sent.retrain && !followTest) return;
      part('evaluation').replaceChildren(evaluationPanel(report));
      if (sent.retrain) testSummary = ` ${evaluationSummary(report)}`;
      else announce(evaluationSummary(report));
    } else if (report.type === 'gradients') {
      if (!checking) return;
      checking = false;
      part('gradient-table').replaceChildren(gradientPanel(report.layers, [2, ...shown.state.hidden, 1], report.largestWeight, `${key}-gradient-caption`));
      announce(gradientSummary(report.layers, report.largestWeight));
    } else if (report.type === 'error') {
      checking = false;
      holding = false;
      if (configuring) failure = report.message;
      showNotice(`The lab could not do that: ${report.message}`);
      if (sent.retrain) runs.finished();
    }
    requestDraw();
  }

  function draw() {
    // Half a retrain's end is never drawn: the figures change once, when all of it is here.
    if (!holding) {
      figures.draw({ ...shown, epochs: shown.state.epochs });
      host.dataset.shownRun = String(shownRun);
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
    const retraining = runs.busy || runs.waiting;
    const blocked = settingRefused() ? INVALID_SETTING : failure !== null ? NO_RUN : retraining ? RETRAINING : null;
    const { running, epoch, stopReason } = shown;
    const toolbar = toolbarState({ running, epoch, stopReason, checking, blocked, confirming });
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
    host.dataset.precision = confirming ? 'float32' : 'float64';
  }

  host.replaceChildren(view);
  part('status').setAttribute('aria-live', retrain.on ? 'off' : 'polite');
  // Opening the page is not a change: the first run waits for Train, whatever the setting.
  writeAddress();
  startRun(state, false);
  host.dataset.ready = 'true';
}
