/**
 * The live lab: binds controls to state, state to the training worker, and the worker's reports
 * to charts. The worker trains; this thread only draws, at most once a frame (once a second
 * when the reader prefers reduced motion).
 */
import { createAnnouncer } from '../common/announcer.ts';
import { controlFor, type Control } from '../common/controls.ts';
import { drawChart } from '../common/plot-theme.ts';
import { defaultState, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { boundaryFigure, curvesFigure } from './figures.ts';
import { createHeatmap, type HeatmapPainter } from './heatmap.ts';
import { MAX_USER_POINTS, formatPoints, parsePoints, type Bounds, type UserPoint } from './model.ts';
import { evaluationPanel, gradientPanel, percent } from './panels.ts';
import type { EpochPoint, LabReport, LabRequest, PlotPoints } from './protocol.ts';
import { SCHEMA, type LabState } from './state.ts';
import { labMarkup } from './markup.ts';

/** How often the curves are redrawn while training, and the most points a curve is drawn with. */
const CURVES_MS = 250;
const MAX_CURVE_POINTS = 250;

/** Every k-th epoch and the last, so a 2,000-epoch curve costs what a 250-epoch one does. */
function thin(points: readonly EpochPoint[]): readonly EpochPoint[] {
  const stride = Math.ceil(points.length / MAX_CURVE_POINTS);
  return stride <= 1 ? points : points.filter((_, i) => i % stride === 0 || i === points.length - 1);
}

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
  let stopReason = '';

  const view = document.createElement('div');
  view.className = 'al-widget-body al-lab';
  view.innerHTML = labMarkup(key);
  const part = <T extends Element = HTMLElement>(name: string) => view.querySelector<T>(`[data-part="${name}"]`)!;
  const announce = createAnnouncer(part('live'), 400);
  const notice = part('notice');
  if (problems.length > 0) showNotice(`Some settings in the address could not be used. ${problems.join(' ')}`);

  let worker: Worker;
  try {
    worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    showNotice(`The lab cannot start a background worker here (${String(error)}), so it cannot train. The figure shows a run trained in advance.`);
    return;
  }
  const send = (request: LabRequest) => worker.postMessage(request);
  worker.addEventListener('error', (event) => showNotice(`The training worker failed: ${event.message}. Reload the page to try again.`));
  worker.addEventListener('message', (event: MessageEvent<LabReport>) => receive(event.data));

  // Controls, built from the state table.
  const controls = new Map<keyof LabState, Control>();
  for (const name of Object.keys(SCHEMA) as (keyof LabState)[]) {
    const control = controlFor(`${key}-${name}`, SCHEMA[name], state[name], (value) => configure({ ...state, [name]: value }));
    part(`group-${GROUPS[name]}`).append(control.element);
    controls.set(name, control);
  }

  const buttons = {
    play: part<HTMLButtonElement>('play'),
    step: part<HTMLButtonElement>('step'),
    reset: part<HTMLButtonElement>('reset'),
    defaults: part<HTMLButtonElement>('defaults'),
    evaluate: part<HTMLButtonElement>('evaluate'),
    gradients: part<HTMLButtonElement>('gradients'),
    addPoint: part<HTMLButtonElement>('add-point'),
    clearPoints: part<HTMLButtonElement>('clear-points'),
  };
  buttons.play.addEventListener('click', () => send({ type: running ? 'pause' : 'play' }));
  buttons.step.addEventListener('click', () => send({ type: 'step' }));
  buttons.reset.addEventListener('click', () => configure(state));
  buttons.defaults.addEventListener('click', () => {
    const defaults = defaultState(SCHEMA);
    for (const [name, control] of controls) control.set(defaults[name]);
    notice.hidden = true;
    configure(defaults);
  });
  buttons.evaluate.addEventListener('click', () => send({ type: 'evaluate' }));
  buttons.gradients.addEventListener('click', () => send({ type: 'gradient-check' }));
  buttons.addPoint.addEventListener('click', () => {
    const [x, y] = ['point-x', 'point-y'].map((name) => part<HTMLInputElement>(name).value);
    addPoint(x === '' ? Number.NaN : Number(x), y === '' ? Number.NaN : Number(y));
  });
  buttons.clearPoints.addEventListener('click', () => {
    userPoints.length = 0;
    configure(state);
  });
  part('boundary').addEventListener('click', (event) => {
    const svg = (event.target as Element).closest('svg');
    if (!svg || !boundary || !plotted) return;
    // The chart may be drawn smaller than its own width; map the click back to chart units.
    const box = svg.getBoundingClientRect();
    const factor = Number(svg.getAttribute('width')) / box.width;
    addPoint(boundary.scale('x')?.invert?.((event.clientX - box.left) * factor), boundary.scale('y')?.invert?.((event.clientY - box.top) * factor));
  });

  /** Adds a training point of the chosen class at (x, y), if it lies inside the chart. */
  function addPoint(x: number, y: number) {
    if (!plotted) return;
    const { xMin, xMax, yMin, yMax } = plotted.bounds;
    if (!(x >= xMin && x <= xMax && y >= yMin && y <= yMax)) {
      showNotice(`A new point needs x from ${xMin.toFixed(1)} to ${xMax.toFixed(1)} and y from ${yMin.toFixed(1)} to ${yMax.toFixed(1)}.`);
      return;
    }
    if (userPoints.length >= MAX_USER_POINTS) {
      showNotice(`You can add up to ${MAX_USER_POINTS} points of your own; clear them to add others.`);
      return;
    }
    const label = Number(part<HTMLSelectElement>('point-class').value) === 1 ? 1 : 0;
    // Rounded as the address stores them, so a shared link trains on exactly these points.
    const [px, py] = [x, y].map((v) => Number(v.toFixed(2)));
    userPoints.push({ x: px, y: py, label });
    announce(`Added a class ${label} point at ${px}, ${py}. The run restarts with it in the training data.`);
    configure(state);
  }

  function showNotice(message: string) {
    notice.textContent = message;
    notice.hidden = false;
  }

  /** Starts a new run for `next`; the run before it stays as the faint comparison. */
  function configure(next: LabState) {
    state = next;
    if (current.length > 0) previous = current;
    current = [];
    epoch = 0;
    stopReason = '';
    part('status').textContent = '';
    part('evaluation').replaceChildren();
    part('gradient-table').replaceChildren();
    const mine: Record<string, string> = userPoints.length > 0 ? { mine: formatPoints(userPoints) } : {};
    replaceUrlParams(key, { ...serialiseState(SCHEMA, state), ...mine });
    send({ type: 'configure', state, points: [...userPoints] });
  }

  function receive(report: LabReport) {
    if (report.type === 'configured') {
      plotted = report;
      heatmap = null;
      boundary = undefined;
    } else if (report.type === 'progress') {
      current = current.concat(report.epochs);
      epoch = report.epoch;
      heatmap = report.heatmap;
      if (report.running && !running) announce(`Training started: ${state.epochs} epochs.`);
      running = report.running;
      if (running && report.epochs.some((e) => e.epoch % 100 === 0)) {
        const last = report.epochs.at(-1)!;
        announce(`Epoch ${last.epoch} of ${state.epochs}: validation accuracy ${percent(last.validationAccuracy)}.`);
      }
    } else if (report.type === 'stopped') {
      running = false;
      const last = current.at(-1);
      const accuracy = last ? ` Validation accuracy ${percent(last.validationAccuracy)}.` : '';
      stopReason = report.reason;
      part('status').textContent = report.message;
      announce(`${report.message}${report.reason === 'diverged' || report.reason === 'dead' ? '' : accuracy}`);
    } else if (report.type === 'evaluation') {
      part('evaluation').replaceChildren(evaluationPanel(report));
      announce(`Test accuracy ${percent(report.accuracy)}, test loss ${report.loss.toFixed(4)}.`);
    } else if (report.type === 'gradients') {
      part('gradient-table').replaceChildren(gradientPanel(report, [2, ...state.hidden, 1]));
      const worst = (errors: number[]) => Math.max(...errors).toExponential(1);
      announce(`Gradient check: largest relative error ${worst(report.correct)} for the corrected pass, ${worst(report.article)} for the article's.`);
    } else {
      running = false;
      showNotice(`The lab could not do that: ${report.message}`);
    }
    requestDraw();
  }

  // Drawing: coalesced to one frame; with reduced motion, at most once a second while training.
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  let drawQueued = false;
  let lastDraw = 0;
  let lastCurves = 0;
  function requestDraw() {
    if (drawQueued) return;
    drawQueued = true;
    const wait = running && reducedMotion.matches ? Math.max(0, 1000 - (performance.now() - lastDraw)) : 0;
    setTimeout(() => requestAnimationFrame(draw), wait);
  }

  function draw() {
    drawQueued = false;
    lastDraw = performance.now();
    if (plotted && !boundary) {
      const width = part('boundary').clientWidth || 480;
      boundary = drawChart(boundaryFigure(plotted.points, plotted.bounds, null, width, describeBoundary()));
      part('boundary').replaceChildren(boundary);
      paintHeatmap = createHeatmap(boundary as Parameters<typeof createHeatmap>[0], plotted.bounds, view);
    }
    if (heatmap && paintHeatmap) {
      paintHeatmap(heatmap, themeChanged);
      themeChanged = false;
      boundary?.setAttribute('aria-description', describeBoundary());
    }
    const epochs = state.epochs;
    // The curves are the costliest part of a frame: while training, four times a second is plenty.
    if (!running || lastDraw - lastCurves >= CURVES_MS) {
      lastCurves = lastDraw;
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
    const finished = ['completed', 'diverged', 'dead'].includes(stopReason);
    buttons.play.textContent = running ? 'Pause' : epoch > 0 && !finished ? 'Resume' : 'Train';
    buttons.play.setAttribute('aria-pressed', String(running));
    buttons.play.disabled = !running && finished;
    buttons.step.disabled = running || buttons.play.disabled;
    buttons.evaluate.disabled = running || epoch === 0;
    buttons.gradients.disabled = running;
    host.dataset.running = String(running);
    host.dataset.epoch = String(epoch);
  }

  function describeBoundary(): string {
    const last = current.at(-1);
    return last
      ? `After epoch ${last.epoch}, validation accuracy is ${percent(last.validationAccuracy)}. Blue areas are predicted class 0, red class 1; paler means less sure.`
      : 'Before training: the untrained network is unsure everywhere.';
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
  let lastWidth = 0;
  new ResizeObserver(() => {
    const width = part('loss').clientWidth;
    if (width === lastWidth) return;
    lastWidth = width;
    boundary = undefined;
    lastCurves = 0;
    requestDraw();
  }).observe(part('loss'));
  configure(state);
  host.dataset.ready = 'true';
}
