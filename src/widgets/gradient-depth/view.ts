/**
 * The live gradient-depth widget: binds controls to state, state to the training worker, and
 * the worker's reports to charts. The worker builds, measures and trains both runs; this thread
 * only draws, at most once a frame (once a second while training, for readers who prefer
 * reduced motion), and each chart in a task of its own so no task runs long.
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { controlSet } from '../common/control-set.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { plural } from '../common/format.ts';
import { drawChart } from '../common/plot-theme.ts';
import { addressNotice, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { derivativeFigure, gradientFigure, histogramFigure, type Measurements } from './figures.ts';
import { depthMarkup, legendMarkup } from './markup.ts';
import { INVALID_SETTING, doneAnnouncement, finished, progressLine, runTitles, statusLine, toolbarState, type RunsView, type SideStatus } from './messages.ts';
import type { DepthEpoch, DepthReport, DepthRequest } from './protocol.ts';
import { RUNS, SCHEMA, type DepthState, type RunName } from './state.ts';
import { distanceFigure, gradientDomain, heatmapFigure, lossFigure } from './training-figures.ts';
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
  let state: DepthState = fromUrl.state;
  /** The run this page shows: every start and reset begins a new one, and reports from older runs are dropped. */
  let run = 0;
  let initial: Measurements | null = null;
  let epochs: Record<RunName, DepthEpoch[]> = { A: [], B: [] };
  let sides: Record<RunName, SideStatus> = { A: { kind: 'training' }, B: { kind: 'training' } };
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
  const announce = createAnnouncer(part('live'), 400);
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

  const { controls, refused: settingRefused } = controlSet(key, SCHEMA, state, (name) => part(`group-${GROUPS[name]}`), (name, value) => restart({ ...state, [name]: value }));

  const buttons = {
    play: part<HTMLButtonElement>('play'),
    step: part<HTMLButtonElement>('step'),
    reset: part<HTMLButtonElement>('reset'),
    defaults: part<HTMLButtonElement>('defaults'),
  };
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
    running = true;
    announce(`Training started: ${plural(state.epochs, 'epoch')} for each run.`);
    send({ run, type: 'resume' });
    requestDraw();
  });
  buttons.step.addEventListener('click', () => !toolbarState(runsView()).stepDisabled && send({ run, type: 'step' }));
  buttons.reset.addEventListener('click', () => {
    begin();
    send({ run, type: 'reset' });
    announce('Reset: both networks are back at initialisation.');
  });
  buttons.defaults.addEventListener('click', () => {
    for (const [name, control] of controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    restart(lessonDefaults);
  });
  // A control that shows a value it refused blocks training; a run under way pauses.
  view.addEventListener('al-validity', () => {
    if (settingRefused() && running) send({ run, type: 'pause' });
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
    run++;
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
    part('legend').innerHTML = legendMarkup(runTitles(state));
    begin();
    send({ run, type: 'start', state, play: false });
  }

  function receive(report: DepthReport) {
    // A report from a run the reader has moved on from (a slow epoch after Reset) is dropped.
    if (report.run !== run) return;
    const wasFinished = started && finished(runsView());
    if (report.type === 'started') {
      started = true;
      initial = report.initial;
    } else if (report.type === 'epochs') {
      const milestone = Math.max(10, Math.ceil(state.epochs / 4 / 10) * 10);
      for (const epoch of report.epochs) {
        epochs[epoch.side].push(epoch);
        if (running && epoch.side === 'A' && epoch.epoch % milestone === 0 && epoch.epoch < state.epochs) announce(progressLine(runsView(), state.epochs));
      }
    } else if (report.type === 'diverged') {
      sides = { ...sides, [report.side]: { kind: 'diverged', divergence: report } };
      announce(`${report.message} ${report.suggestion}`);
    } else if (report.type === 'done') {
      sides = { ...sides, [report.side]: { kind: 'done' } };
    } else if (report.type === 'paused') {
      running = false;
      announce(`Paused. ${progressLine(runsView(), state.epochs)}.`);
    } else {
      running = false;
      if (!started) failure = report.message;
      showNotice(`The widget could not do that: ${report.message}`);
    }
    const now = runsView();
    if (started && finished(now)) {
      running = false;
      if (!wasFinished && (epochs.A.length > 0 || epochs.B.length > 0)) {
        const diverged = RUNS.some((name) => sides[name].kind === 'diverged');
        // A divergence was just announced; the summary follows it rather than replacing it.
        setTimeout(() => announce(doneAnnouncement(state, runsView(), { A: epochs.A.at(-1), B: epochs.B.at(-1) })), diverged ? 1200 : 0);
      }
    }
    requestDraw();
  }

  const requestDraw = drawScheduler(draw, () => running);
  const width = (name: string) => Math.max(260, part(name).clientWidth || 320);

  /** Draws each chart in a task of its own: one heatmap or histogram grid is a frame's work. */
  function drawEach(charts: [string, () => Parameters<typeof drawChart>[0]][]) {
    for (const [name, options] of charts) setTimeout(() => part(name).replaceChildren(drawChart(options())));
  }

  const stoppedIn = (name: RunName) => {
    const side = sides[name];
    return side.kind === 'diverged' ? side.divergence.epoch : null;
  };

  function draw() {
    const titles = runTitles(state);
    if (initial && !initialDrawn) {
      const measured = initial;
      initialDrawn = true;
      drawEach([
        ['gradient', () => gradientFigure(measured, titles, state.depth, width('gradient'))],
        ['derivative', () => derivativeFigure(measured, titles, state.depth, width('derivative'))],
        ...RUNS.map((name): [string, () => Parameters<typeof drawChart>[0]] => [`histogram-${name}`, () => histogramFigure(measured[name], titles[name], name, state.depth, width(`histogram-${name}`))]),
      ]);
    }
    const now = performance.now();
    if (!running || now - lastTrainingDraw >= TRAINING_CHARTS_MS) {
      lastTrainingDraw = now;
      const shown = { A: epochs.A, B: epochs.B };
      const domain = gradientDomain(shown);
      drawEach([
        ['loss', () => lossFigure(shown, titles, state.epochs, width('loss'))],
        ...RUNS.map((name): [string, () => Parameters<typeof drawChart>[0]] => [`heatmap-${name}`, () => heatmapFigure(shown[name], name, titles[name], state.depth, state.epochs, domain, width(`heatmap-${name}`), stoppedIn(name))]),
        ['distance', () => distanceFigure(shown, titles, state.depth, width('distance'))],
      ]);
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
    buttons.step.disabled = toolbar.stepDisabled;
    // A button disabled under the keyboard's focus would drop focus to the page's top: Reset,
    // never disabled, is where a reader goes next after a run ends.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled && view.contains(document.activeElement)) buttons.reset.focus();
    part('progress').textContent = started ? progressLine(current, state.epochs) : 'Building both networks…';
    part('status').textContent = statusLine(current);
    host.dataset.running = String(running);
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
