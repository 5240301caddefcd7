/**
 * The live loss-descent widget: binds the controls to one state object and that state to the
 * charts, the readout and the address. "Gradient descent from here" computes its 100 steps at
 * once (model.ts) and then shows them one by one, or all at once for a reader who prefers
 * reduced motion; at the end w and b take the end point's values, rounded to the sliders' grid.
 */
import { createAnnouncer } from '../common/announcer.ts';
import { controlFor, type Control } from '../common/controls.ts';
import { drawChart } from '../common/plot-theme.ts';
import { addressNotice, parseState, serialiseState, snapToGrid } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { onWidthChange } from '../common/width-watch.ts';
import { enableBoundaryDrag, type PlotChart } from './drag.ts';
import { dataFigure, lossCharts, stepsFigure } from './figures.ts';
import { CHARTS, bodyMarkup, exampleMarkup, lossLegendMarkup, readoutMarkup, type ChartName } from './markup.ts';
import { articleExample, dataOf, descend, DESCENT_STEPS, lossCurve, marksOf, type Descent } from './model.ts';
import { SCHEMA, shownLosses, type DescentState } from './state.ts';
import { announcement, descentSummary, positionSummary, stepsTitle } from './words.ts';

/** How long each step of the animated descent is shown, and how often its steps charts are redrawn. */
const STEP_MS = 40;
const STEPS_EVERY = 10;

/** Where each control goes: next to the data chart, or in one of the settings groups. */
const GROUPS: Record<keyof DescentState, string> = {
  w: 'boundary', b: 'boundary',
  loss: 'descent', lr: 'descent',
  showZeroOne: 'curves', showPerceptron: 'curves', showHinge: 'curves', showBce: 'curves',
  seed: 'data', size: 'data',
};

/** A descent being shown: every step computed, and the step reached so far. */
interface Run {
  readonly descent: Descent;
  reached: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** Replaces the element's build-time figure with the live widget. */
export function mountLossDescent(host: HTMLElement): void {
  const key = host.dataset.key ?? 'descent';
  const lessonDefaults = parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  let state: DescentState = fromUrl.state;
  let run: Run | null = null;

  const view = document.createElement('div');
  view.className = 'al-widget-body al-descent';
  view.innerHTML = `
    <p class="al-notice" data-part="notice" hidden></p>
    ${bodyMarkup({ charts: {}, shown: shownLosses(state), descent: state.loss, stepsTitle: '', readout: '', example: exampleMarkup(articleExample()) })}
    <div class="al-control-columns" data-print="hide">
      <fieldset class="al-control-group" data-group="curves"><legend>Curves drawn</legend></fieldset>
      <fieldset class="al-control-group" data-group="data"><legend>Data</legend></fieldset>
    </div>
    <p class="visually-hidden" data-part="live"></p>`;
  const part = <T extends HTMLElement = HTMLElement>(name: string) => view.querySelector<T>(`[data-part="${name}"]`)!;
  const slot = (name: string) => view.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
  slot('boundary').outerHTML = `<fieldset class="al-control-group al-descent-boundary" data-group="boundary" data-print="hide"><legend>Move the boundary: drag on the chart (this sets b), or set w and b</legend></fieldset>`;
  slot('toolbar').outerHTML = `
    <div class="al-control-row al-descent-run" data-group="descent" data-print="hide"></div>
    <div class="al-descent-toolbar" data-print="hide">
      <button type="button" class="al-button al-button-primary" data-part="descend">Gradient descent from here</button>
      <button type="button" class="al-button" data-part="reset">Reset to the lesson’s values</button>
    </div>
    <p class="al-descent-status" data-part="status"></p>`;
  const notice = part('notice');
  const status = part('status');
  const button = part<HTMLButtonElement>('descend');
  const announce = createAnnouncer(part('live'));
  const writeAddress = () => replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  // Refused values leave the address, which then says what the widget uses.
  notice.textContent = addressNotice(fromUrl.problems);
  notice.hidden = fromUrl.problems.length === 0;
  if (!notice.hidden) writeAddress();

  const controls = new Map<keyof DescentState, Control>();
  for (const name of Object.keys(SCHEMA) as (keyof DescentState)[]) {
    const control = controlFor(`${key}-${name}`, SCHEMA[name], state[name], (value) => update({ [name]: value }));
    view.querySelector(`[data-group="${GROUPS[name]}"]`)!.append(control.element);
    controls.set(name, control);
  }

  /** A new state from the reader: any descent on show stops and is forgotten. */
  function update(changes: Partial<DescentState>) {
    stopTimer();
    run = null;
    state = { ...state, ...changes };
    status.textContent = '';
    writeAddress();
    announce(render());
  }

  function stopTimer() {
    if (run?.timer !== undefined) clearTimeout(run.timer);
    if (run) run.timer = undefined;
    button.textContent = 'Gradient descent from here';
    host.dataset.running = 'false';
  }

  /** Ends the run at the step reached: w and b take that step's values on the sliders' grid. */
  function finish(current: Run) {
    stopTimer();
    const end = current.descent.path[current.reached];
    const place = (field: typeof SCHEMA.w, value: number) => snapToGrid(field, Math.min(field.max, Math.max(field.min, value)));
    const outside = ([['w', end.w], ['b', end.b]] as const).some(([name, value]) => value < SCHEMA[name].min || value > SCHEMA[name].max);
    state = { ...state, w: place(SCHEMA.w, end.w), b: place(SCHEMA.b, end.b) };
    const held = outside ? { w: state.w, b: state.b } : null;
    controls.get('w')!.set(state.w);
    controls.get('b')!.set(state.b);
    writeAddress();
    render();
    const summary = descentSummary(current.descent, current.reached, state.size, held);
    status.textContent = summary;
    announce(summary);
  }

  function advance(current: Run) {
    if (run !== current) return;
    current.reached = Math.min(DESCENT_STEPS, current.reached + 1);
    if (current.reached >= DESCENT_STEPS) return finish(current);
    // The steps charts only move their marker: redrawn every STEPS_EVERY steps, so a step stays well under 50 ms.
    render(current.reached % STEPS_EVERY === 0);
    current.timer = setTimeout(() => advance(current), STEP_MS);
  }

  button.addEventListener('click', () => {
    if (run?.timer !== undefined) return finish(run);
    const current: Run = { descent: descend(state, state.loss), reached: 0 };
    run = current;
    status.textContent = '';
    if (!current.descent.moved || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      current.reached = DESCENT_STEPS;
      return finish(current);
    }
    button.textContent = 'Stop';
    host.dataset.running = 'true';
    advance(current);
  });

  part('reset').addEventListener('click', () => {
    for (const [name, control] of controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    update(lessonDefaults);
  });

  const frames = Object.fromEntries(CHARTS.map((name) => [name, view.querySelector<HTMLElement>(`[data-chart="${name}"]`)!])) as Record<ChartName, HTMLElement>;
  const drawn = new Map<ChartName, PlotChart>();
  let renders = 0;
  const draw = (name: ChartName, chart: ReturnType<typeof drawChart>) => {
    frames[name].replaceChildren(chart);
    drawn.set(name, chart as unknown as PlotChart);
  };

  /** Draws the charts (the steps charts too unless told not to) and the readout at the step shown, or at the state's w and b, and returns what to announce. */
  function render(withSteps = true): string {
    const data = dataOf(state);
    // While a descent runs, its current step; otherwise the state (after a run, its end on the sliders' grid).
    const at = run?.timer !== undefined ? run.descent.path[run.reached] : { w: state.w, b: state.b };
    const shown = shownLosses(state);
    const marks = marksOf({ ...state, w: at.w, b: at.b }, shown);
    const curves = shown.map((id) => ({ loss: id, points: lossCurve(data, id, at.b) }));
    const path = run ? run.descent.path : descend(state, state.loss).path;
    const reached = run ? run.reached : 0;
    const width = (name: ChartName) => Math.max(240, frames[name].clientWidth || 600);
    draw('data', drawChart(dataFigure(data, at.w, at.b, width('data'))));
    const charts = lossCharts(curves, marks, at.w, at.b, run ? path.slice(0, reached + 1) : [], state.loss, width('data'));
    for (const [name, options] of [['loss', charts.smooth], ['zero-one', charts.zeroOne]] as const) {
      frames[name].hidden = options === null;
      if (options) draw(name, drawChart(options));
      else frames[name].replaceChildren();
    }
    if (withSteps) {
      // Each steps chart in a task of its own, so no task of the main thread runs long; a later render's charts win.
      const drawing = ++renders;
      for (const kind of ['loss', 'accuracy'] as const) {
        const name = kind === 'loss' ? 'steps-loss' : 'steps-accuracy';
        setTimeout(() => drawing === renders && draw(name, drawChart(stepsFigure(kind, state.loss, path, reached, width(name)))));
      }
    }
    part('loss-legend').outerHTML = lossLegendMarkup(shown, state.loss);
    part('steps-title').textContent = stepsTitle(state.loss, state.lr, run ? { start: path[0], reached } : null);
    part('readout').innerHTML = readoutMarkup(marks, positionSummary(data, at.w, at.b));
    return announcement(data, at.w, at.b, marks);
  }

  enableBoundaryDrag(frames.data, () => drawn.get('data'), (x) => {
    if (run?.timer !== undefined) return;
    if (state.w === 0) {
      status.textContent = 'With w = 0 there is no boundary to drag: move w away from 0 first.';
      return;
    }
    const b = snapToGrid(SCHEMA.b, Math.min(SCHEMA.b.max, Math.max(SCHEMA.b.min, -state.w * x)));
    if (b === state.b && run === null) return;
    controls.get('b')!.set(b);
    update({ b });
  });

  host.replaceChildren(view);
  host.dataset.running = 'false';
  render();
  onWidthChange(frames.data, () => requestAnimationFrame(() => render()));
  host.dataset.ready = 'true';
}
