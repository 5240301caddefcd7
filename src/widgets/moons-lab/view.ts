/**
 * The live lab: binds controls to state, state to the training worker, and the worker's reports
 * to charts. The worker trains; this thread only draws, at most once a frame (once a second
 * when the reader prefers reduced motion).
 */
import { connectWorker } from '../common/worker-client.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { controlSet } from '../common/control-set.ts';
import { drawScheduler } from '../common/draw-schedule.ts';
import { drawChart } from '../common/plot-theme.ts';
import { addressNotice, defaultState, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { boundaryFigure, curvesFigure, describeBoundary, thin } from './figures.ts';
import { createHeatmap, type HeatmapPainter } from './heatmap.ts';
import { formatPercent, plural } from '../common/format.ts';
import { defaultsNotice, stopAnnouncement } from './messages.ts';
import { formatPoints, parsePoints, type Bounds, type UserPoint } from './model.ts';
import { wireReaderPoints } from './reader-points.ts';
import { evaluationPanel, evaluationSummary, gradientPanel, gradientSummary } from './panels.ts';
import type { EpochPoint, LabReport, LabRequest, PlotPoints, StopReason } from './protocol.ts';
import { INVALID_SETTING, NO_RUN, toolbarState } from './toolbar.ts';
import { SCHEMA, type LabState } from './state.ts';
import { labMarkup } from './markup.ts';
import { onWidthChange } from '../common/width-watch.ts';

/** How often the curves are redrawn while training. */
const CURVES_MS = 250;

const GROUPS: Record<keyof LabState, string> = {
  data: 'data', noise: 'data', points: 'data', seed: 'data',
  hidden: 'network', activation: 'network',
  lr: 'training', batch: 'training', epochs: 'training', optimizer: 'training',
  backward: 'backward',
};

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
  let current: EpochPoint[] = [];
  let previous: EpochPoint[] = [];
  let plotted: { points: PlotPoints; bounds: Bounds; epochs: number } | undefined;
  let heatmap: Float64Array | null = null;
  let epoch = 0;
  let running = false;
  let paintHeatmap: HeatmapPainter | undefined;
  let themeChanged = false;
  let boundary: ReturnType<typeof drawChart> | undefined;
  let stopReason: StopReason | null = null;
  let stopMessage = '';
  /** The run this page shows: every configure starts a new one, and reports from older runs are dropped. */
  let run = 0;
  /** True from a configure until the worker has built its run. */
  let configuring = false;
  /** Why the worker could not build the current run, or null. */
  let failure: string | null = null;
  let checking = false;
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
    receive: (report) => receive(report),
    say: (message) => showNotice(message),
    subject: 'The lab',
    figure: 'a run',
  });
  if (!workerStarted) return;
  /** Sends a request for the current run; training and stepping first cancel a gradient check under way. */
  const ask = (type: 'play' | 'pause' | 'step' | 'evaluate' | 'gradient-check') => {
    if (checking && (type === 'play' || type === 'step')) {
      checking = false;
      part('gradient-table').textContent = 'The gradient check was cancelled, because training changes the weights. Check again when training is paused.';
    }
    send({ run, type });
  };

  // Controls, built from the state table.
  /** `settingRefused`: whether a control shows a value it refused: then nothing trains (common/controls.ts). */
  const { controls, refused: settingRefused } = controlSet(key, SCHEMA, state, (name) => part(`group-${GROUPS[name]}`), (name, value) => configure({ ...state, [name]: value }));

  const buttons = {
    play: part<HTMLButtonElement>('play'),
    step: part<HTMLButtonElement>('step'),
    reset: part<HTMLButtonElement>('reset'),
    defaults: part<HTMLButtonElement>('defaults'),
    evaluate: part<HTMLButtonElement>('evaluate'),
    gradients: part<HTMLButtonElement>('gradients'),
  };
  // A refused setting blocks training even from a click that lands before the buttons redraw.
  buttons.play.addEventListener('click', () => (running ? ask('pause') : !settingRefused() && ask('play')));
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
  buttons.evaluate.addEventListener('click', () => ask('evaluate'));
  buttons.gradients.addEventListener('click', () => {
    // Off at once, not at the next frame, so a double click cannot queue a second check.
    buttons.gradients.disabled = true;
    checking = true;
    part('gradient-table').textContent = 'Checking… comparing each layer’s gradient with central differences.';
    announce('Checking the gradients…');
    requestDraw();
    ask('gradient-check');
  });
  // A control that shows a value it refused says so; a run under way pauses.
  view.addEventListener('al-validity', () => {
    if (settingRefused() && running) ask('pause');
    updateToolbar();
    requestDraw();
  });
  wireReaderPoints({
    part,
    points: userPoints,
    bounds: () => plotted?.bounds,
    chart: () => (plotted ? boundary : undefined),
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

  /** Starts a new run for `next`; the run before it stays as the faint comparison. */
  function configure(next: LabState) {
    state = next;
    if (current.length > 0) previous = current;
    current = [];
    epoch = 0;
    running = false;
    stopReason = null;
    stopMessage = '';
    configuring = true;
    failure = null;
    checking = false;
    run++;
    part('evaluation').replaceChildren();
    part('gradient-table').replaceChildren();
    part('warning').hidden = true;
    const mine: Record<string, string> = userPoints.length > 0 ? { mine: formatPoints(userPoints) } : {};
    replaceUrlParams(key, { ...serialiseState(SCHEMA, state), ...mine });
    send({ run, type: 'configure', state, points: [...userPoints] });
    requestDraw();
  }

  function receive(report: LabReport) {
    // A report from a run the reader has moved on from (a slow epoch after Reset) is dropped.
    if (report.run !== run) return;
    if (report.type === 'configured') {
      configuring = false;
      plotted = report;
      heatmap = null;
      boundary = undefined;
    } else if (report.type === 'progress') {
      current = current.concat(report.epochs);
      epoch = report.epoch;
      heatmap = report.heatmap;
      if (report.running && !running) announce(`Training started: ${plural(state.epochs, 'epoch')}.`);
      running = report.running;
      if (running && report.epochs.some((e) => e.epoch % 100 === 0)) {
        const last = report.epochs.at(-1)!;
        announce(`Epoch ${last.epoch} of ${state.epochs}: validation accuracy ${formatPercent(last.validationAccuracy)}.`);
      }
    } else if (report.type === 'stopped') {
      running = false;
      stopReason = report.reason;
      stopMessage = report.message;
      const warning = part('warning');
      warning.textContent = report.warning ?? '';
      warning.hidden = report.warning === undefined;
      announce(stopAnnouncement(report, current.at(-1)));
    } else if (report.type === 'evaluation') {
      part('evaluation').replaceChildren(evaluationPanel(report));
      announce(evaluationSummary(report));
    } else if (report.type === 'gradients') {
      if (!checking) return;
      checking = false;
      part('gradient-table').replaceChildren(gradientPanel(report.layers, [2, ...state.hidden, 1], report.largestWeight, `${key}-gradient-caption`));
      announce(gradientSummary(report.layers, report.largestWeight));
    } else {
      running = false;
      checking = false;
      if (configuring) failure = report.message;
      showNotice(`The lab could not do that: ${report.message}`);
    }
    requestDraw();
  }

  // Drawing: coalesced to one frame; with reduced motion, at most once a second while training.
  const requestDraw = drawScheduler(draw, () => running);
  let lastCurves = 0;

  function draw() {
    const now = performance.now();
    if (plotted && !boundary) {
      const width = part('boundary').clientWidth || 480;
      boundary = drawChart(boundaryFigure(plotted.points, plotted.bounds, null, width, describeBoundary(current)));
      part('boundary').replaceChildren(boundary);
      paintHeatmap = createHeatmap(boundary as Parameters<typeof createHeatmap>[0], plotted.bounds, view);
    }
    if (heatmap && paintHeatmap) {
      paintHeatmap(heatmap, themeChanged);
      themeChanged = false;
      boundary?.setAttribute('aria-description', describeBoundary(current));
    }
    const epochs = state.epochs;
    // The curves are the costliest part of a frame: while training, four times a second is plenty.
    if (!running || now - lastCurves >= CURVES_MS) {
      lastCurves = now;
      const width = part('loss').clientWidth || 320;
      const [shown, shownBefore] = [thin(current), thin(previous)];
      part('loss').replaceChildren(drawChart(curvesFigure('Loss', shown, shownBefore, epochs, width)));
      // The second chart in a task of its own keeps each task short.
      setTimeout(() => part('accuracy').replaceChildren(drawChart(curvesFigure('Accuracy', shown, shownBefore, epochs, width))));
    }
    const progress = part<HTMLProgressElement>('progress');
    progress.max = epochs;
    progress.value = Math.min(epoch, epochs);
    part('epoch').textContent = `Epoch ${epoch} of ${epochs}`;
    updateToolbar();
  }

  /** Buttons and status from the state; run at once when a control turns invalid, not a frame later. */
  function updateToolbar() {
    const blocked = settingRefused() ? INVALID_SETTING : failure !== null ? NO_RUN : null;
    const toolbar = toolbarState({ running, epoch, stopReason, checking, blocked });
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
    part('status').textContent = blocked ?? stopMessage;
    host.dataset.running = String(running);
    host.dataset.epoch = String(epoch);
  }

  // A theme switch changes the heatmap's colours, which live in its pixels.
  const onThemeChange = () => {
    themeChanged = true;
    requestDraw();
  };
  document.addEventListener('al-themechange', onThemeChange);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', onThemeChange);

  host.replaceChildren(view);
  // A new width (a phone turned, a window resized) redraws every chart at the new size.
  onWidthChange(
    part('loss'),
    () => {
      boundary = undefined;
      lastCurves = 0;
      requestDraw();
    },
    0,
  );
  configure(state);
  host.dataset.ready = 'true';
}
