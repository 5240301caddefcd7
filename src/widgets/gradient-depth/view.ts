/**
 * The live gradient-depth widget: binds controls to state, state to the training worker, and
 * the worker's reports to charts. The worker builds, measures and trains both runs; this thread
 * only draws, at most once a frame (once a second while training, for readers who prefer
 * reduced motion), and each chart in a task of its own so no task runs long. With "Retrain on
 * every change" on (common/retrain-flow.ts), a change of setting retrains both runs to their end
 * in the worker, latest wins; every chart keeps the runs shown until the retrain's one report
 * arrives, and the loss chart keeps the runs before it faint.
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { controlSet } from '../common/control-set.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { plural } from '../common/format.ts';
import { retrainFlow } from '../common/retrain-flow.ts';
import { addressNotice, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import type { Measurements } from './figures.ts';
import { depthCharts } from './live-charts.ts';
import { depthMarkup, legendMarkup } from './markup.ts';
import { INVALID_SETTING, doneAnnouncement, finished, progressLine, runTitles, statusLine, stoppedEpoch, toolbarState, type RunsView, type SideStatus } from './messages.ts';
import type { DepthEpoch, DepthReport, DepthRequest } from './protocol.ts';
import { RUNS, SCHEMA, type DepthState, type RunName } from './state.ts';
import { onWidthChange } from '../common/width-watch.ts';

/** How often the training charts are redrawn while training. */
const TRAINING_CHARTS_MS = 250;

const GROUPS: Record<keyof DepthState, string> = {
  activationA: 'A', initA: 'A', activationB: 'B', initB: 'B',
  depth: 'network', width: 'network', seed: 'network', data: 'network',
  lr: 'training', optimizer: 'training', epochs: 'training',
};

/** Replaces the element's build-time figure with the live widget. */
export function mountDepth(host: HTMLElement): void {
  const key = host.dataset.key ?? 'depth';
  const lessonDefaults = parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  /** What the controls say; `shown` is the state of the runs the figures show (a retrain on its way keeps those before it). */
  let state: DepthState = fromUrl.state;
  let shown = state;
  /** The runs shown before the last retrain, faint in the loss chart. */
  let previous: Record<RunName, DepthEpoch[]> = { A: [], B: [] };
  /** True while a retrain's reports are replayed: they say nothing to the live region on the way. */
  let replaying = false;
  /** The run asked for last: every start and reset begins a new one, and reports from older runs are dropped. */
  let run = 0;
  let initial: Measurements | null = null;
  let epochs: Record<RunName, DepthEpoch[]> = { A: [], B: [] };
  let sides: Record<RunName, SideStatus> = { A: { kind: 'training' }, B: { kind: 'training' } };
  /** Both runs trained all their epochs (none diverged): only then is the run's time a full run's. */
  const completed = () => RUNS.every((name) => sides[name].kind === 'done');
  let started = false;
  let running = false;
  let failure: string | null = null;
  let initialDrawn = false;
  let lastTrainingDraw = 0;
  /** A redraw of the training charts is waiting for its turn (four times a second while training). */
  let trainingDrawQueued = false;

  const view = document.createElement('div');
  view.className = 'al-widget-body al-depth';
  // Focusable by a click anywhere in it (not by Tab), so that its shortcuts work after one.
  view.tabIndex = -1;
  view.innerHTML = depthMarkup(key);
  const part = <T extends HTMLElement = HTMLElement>(name: string) => view.querySelector<T>(`[data-part="${name}"]`)!;
  const announceNow = createAnnouncer(part('live'), 400);
  const announce = (message: string) => !replaying && announceNow(message);
  const notice = part('notice');
  const showNotice = (message: string) => {
    notice.textContent = message;
    notice.hidden = false;
  };
  if (fromUrl.problems.length > 0) {
    showNotice(addressNotice(fromUrl.problems));
    // The address then says what the widget uses: refused values leave it.
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  }

  const { started: workerStarted, send } = connectWorker<DepthRequest, DepthReport>({
    create: () => new Worker(new URL('./depth.worker.ts', import.meta.url), { type: 'module' }),
    receive: (report) => receive(report),
    say: (message) => showNotice(message),
    subject: 'This widget',
    figure: 'a run',
  });
  if (!workerStarted) return;

  const retrain = retrainFlow<DepthState>({
    id: `${key}-retrain`,
    storageKey: 'al-retrain-ms:gradient-depth',
    place: part('retrain'),
    current: () => state,
    adopt: (next) => {
      state = next;
      replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
      requestDraw();
    },
    // A retrain is a new run (the worker drops the one it had); the figures keep theirs until it ends.
    retrain: (next) => {
      run++;
      running = false;
      send({ run, type: 'start', state: next, play: true, retrain: true });
      // At once, not at the next frame: the status and data-retraining say a retrain is on its way.
      updateToolbar();
    },
    fresh: (next) => restart(next),
    refused: () => settingRefused(),
    ended: () => started && finished(runsView()),
    live: part('live'),
    toggled: (on) => {
      if (!on) previous = { A: [], B: [] };
      lastTrainingDraw = 0;
      requestDraw();
    },
  });
  const { controls, refused: settingRefused } = controlSet(key, SCHEMA, state, (name) => part(`group-${GROUPS[name]}`), (name, value) => retrain.changed({ ...state, [name]: value }));

  const buttons = { play: part<HTMLButtonElement>('play'), step: part<HTMLButtonElement>('step'), reset: part<HTMLButtonElement>('reset'), defaults: part<HTMLButtonElement>('defaults') };
  const runsView = (): RunsView => ({
    started,
    running,
    epochs: { A: epochs.A.at(-1)?.epoch ?? 0, B: epochs.B.at(-1)?.epoch ?? 0 },
    sides,
    blocked: settingRefused() ? INVALID_SETTING : failure,
  });
  buttons.play.addEventListener('click', () => {
    if (running) return send({ run, type: 'pause' });
    if (toolbarState(runsView()).playDisabled) return;
    // Train while a retrain is on its way: the controls' runs, built afresh and trained in view.
    if (retrain.pending) restart(state);
    retrain.trainStarted(epochs.A.length + epochs.B.length === 0);
    running = true;
    announce(`Training started: ${plural(state.epochs, 'epoch')} for each run.`);
    send({ run, type: 'resume' });
    requestDraw();
  });
  buttons.step.addEventListener('click', () => !toolbarState(runsView()).stepDisabled && send({ run, type: 'step' }));
  buttons.reset.addEventListener('click', () => {
    // The worker resets the run it has, which a retrain under way has replaced: that one is built afresh instead.
    if (retrain.pending) restart(state);
    else {
      begin();
      send({ run, type: 'reset' });
    }
    announce('Reset: both networks are back at initialisation.');
  });
  buttons.defaults.addEventListener('click', () => {
    for (const [name, control] of controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    retrain.changed(lessonDefaults);
  });
  // A control that shows a value it refused blocks training; a run under way pauses.
  view.addEventListener('al-validity', () => {
    if (settingRefused() && running) send({ run, type: 'pause' });
    else retrain.validityChanged();
    requestDraw();
  });
  // Space trains or pauses and R resets, but only while focus is in the widget and not in a field.
  view.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, select, textarea, button')) return;
    if (event.key === ' ') buttons.play.click();
    else if (event.key === 'r' || event.key === 'R') buttons.reset.click();
    else return;
    event.preventDefault();
  });

  /** Forgets the run shown and starts counting for the next one. */
  function begin() {
    retrain.cancel();
    run++;
    showAnew(state);
  }

  /** The figures start afresh for runs of `next`, nothing measured or trained yet. */
  function showAnew(next: DepthState) {
    shown = next;
    part('legend').innerHTML = legendMarkup(runTitles(shown));
    initial = null;
    epochs = { A: [], B: [] };
    sides = { A: { kind: 'training' }, B: { kind: 'training' } };
    started = false;
    running = false;
    failure = null;
    initialDrawn = false;
    lastTrainingDraw = 0;
    requestDraw();
  }

  /** Rebuilds both networks at initialisation for `next`, paused. */
  function restart(next: DepthState) {
    state = next;
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
    begin();
    send({ run, type: 'start', state, play: false });
  }

  /** A retrain's one report: the finished runs replace those shown (whose loss stays faint), then the result is announced once the reader pauses. */
  function showRetrained(reports: readonly DepthReport[]) {
    previous = epochs;
    showAnew(retrain.sent);
    replaying = true;
    for (const report of reports) receive(report);
    replaying = false;
    retrain.runEnded(`Retrained. ${doneAnnouncement(shown, runsView(), { A: epochs.A.at(-1), B: epochs.B.at(-1) })}`, completed());
  }

  function receive(report: DepthReport) {
    // A report from a run the reader has moved on from (a slow epoch after Reset) is dropped.
    if (report.run !== run) return;
    if (report.type === 'retrained') return showRetrained(report.reports);
    const wasFinished = started && finished(runsView());
    if (report.type === 'started') {
      started = true;
      initial = report.initial;
    } else if (report.type === 'epochs') {
      const milestone = Math.max(10, Math.ceil(shown.epochs / 4 / 10) * 10);
      for (const epoch of report.epochs) {
        epochs[epoch.side].push(epoch);
        if (running && epoch.side === 'A' && epoch.epoch % milestone === 0 && epoch.epoch < shown.epochs) announce(progressLine(runsView(), shown.epochs));
      }
    } else if (report.type === 'diverged') {
      sides = { ...sides, [report.side]: { kind: 'diverged', divergence: report } };
      announce(`${report.message} ${report.suggestion}`);
    } else if (report.type === 'done') {
      sides = { ...sides, [report.side]: { kind: 'done' } };
    } else if (report.type === 'paused') {
      running = false;
      retrain.paused();
      announce(`Paused. ${progressLine(runsView(), shown.epochs)}.`);
    } else {
      running = false;
      if (!started) failure = report.message;
      showNotice(`The widget could not do that: ${report.message}`);
      retrain.runFailed();
    }
    const now = runsView();
    if (started && finished(now)) {
      running = false;
      // A retrain's replay is announced as a whole once the reader pauses (showRetrained).
      if (!wasFinished && !replaying && (epochs.A.length > 0 || epochs.B.length > 0)) {
        const diverged = RUNS.some((name) => sides[name].kind === 'diverged');
        // A divergence was just announced; the summary follows it rather than replacing it.
        setTimeout(() => announce(doneAnnouncement(shown, runsView(), { A: epochs.A.at(-1), B: epochs.B.at(-1) })), diverged ? 1200 : 0);
        retrain.runEnded('', completed());
      }
    }
    requestDraw();
  }

  const requestDraw = drawScheduler(draw, () => running);
  const charts = depthCharts(part);

  const stoppedIn = (name: RunName) => stoppedEpoch(sides[name]);

  function draw() {
    const titles = runTitles(shown);
    if (initial && !initialDrawn) {
      initialDrawn = true;
      charts.initial(initial, titles, shown.depth);
    }
    const now = performance.now();
    if (!running || now - lastTrainingDraw >= TRAINING_CHARTS_MS) {
      lastTrainingDraw = now;
      charts.training({ A: epochs.A, B: epochs.B }, previous, titles, shown.depth, shown.epochs, stoppedIn);
    } else if (!trainingDrawQueued) {
      trainingDrawQueued = true;
      setTimeout(() => {
        trainingDrawQueued = false;
        requestDraw();
      }, TRAINING_CHARTS_MS - (now - lastTrainingDraw));
    }
    updateToolbar();
  }

  function updateToolbar() {
    const current = runsView();
    const toolbar = toolbarState(current);
    buttons.play.textContent = toolbar.playLabel;
    buttons.play.setAttribute('aria-pressed', String(running));
    buttons.play.disabled = toolbar.playDisabled;
    buttons.step.disabled = toolbar.stepDisabled || retrain.pending;
    // A button disabled under the keyboard's focus would drop focus to the page's top: Reset,
    // never disabled, is where a reader goes next after a run ends.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled && view.contains(document.activeElement)) buttons.reset.focus();
    // The status line is for warnings (a divergence, a refused value): a retrain on its way is news for the progress line.
    part('progress').textContent = retrain.pending ? 'Retraining both runs…' : started ? progressLine(current, shown.epochs) : 'Building both networks…';
    part('status').textContent = statusLine(current);
    host.dataset.running = String(running);
    host.dataset.retraining = String(retrain.pending);
    host.dataset.started = String(started);
    host.dataset.finished = String(started && finished(current));
    host.dataset.epochA = String(current.epochs.A);
    host.dataset.epochB = String(current.epochs.B);
  }

  host.replaceChildren(view);
  // A new width (a phone turned, a window resized) redraws every chart at the new size.
  onWidthChange(
    part('loss'),
    () => {
      initialDrawn = false;
      lastTrainingDraw = 0;
      requestDraw();
    },
    0,
  );
  restart(state);
  host.dataset.ready = 'true';
}
