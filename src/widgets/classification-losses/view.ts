/**
 * The live classification-losses widget: one state object, from which the shown mode's charts
 * and readouts are derived again on every change. Binary and multi-class modes take a few
 * milliseconds and redraw at once; calibration trains two models (15 to 50 ms in Node), so it
 * runs in slices of at most SLICE_MS between which the page stays responsive, and a newer
 * setting supersedes a run under way.
 */
import { createAnnouncer } from '../common/announcer.ts';
import { controlFor, numberControl, type Control } from '../common/controls.ts';
import { drawChart } from '../common/plot-theme.ts';
import { windowScale } from '../common/slider-scale.ts';
import { addressNotice, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { onWidthChange } from '../common/width-watch.ts';
import { startCalibration, type Calibration } from './calibration.ts';
import { binaryFigure, gradientBarsFigure, probabilitiesFigure, reliabilityFigure } from './figures.ts';
import { CHARTS, bodyMarkup, calibrationMarkup, multiMarkup, probeMarkup, type ChartName } from './markup.ts';
import { binaryModel, calibrationSettings, multiModel } from './model.ts';
import { LOGIT_WINDOW, MAX_CLASSES, SCHEMA, classProblems, logitName, type ClassificationState } from './state.ts';
import { binaryAnnouncement, calibrationSentence, multiAnnouncement } from './words.ts';

/** The longest slice of calibration training before the page gets the main thread back. */
const SLICE_MS = 25;

/** Where each control goes. */
const GROUPS: Record<keyof ClassificationState, string> = {
  mode: 'mode',
  axis: 'binary', y: 'binary', scale: 'binary', range: 'binary', p: 'probe',
  k: 'logits', z1: 'logits', z2: 'logits', z3: 'logits', z4: 'logits', z5: 'logits', z6: 'logits', target: 'logits',
  rows: 'memory', vocab: 'memory',
  seed: 'calibration', points: 'calibration', separation: 'calibration', epochs: 'calibration', bins: 'calibration',
};

/** Replaces the element's build-time figure with the live widget. */
export function mountClassificationLosses(host: HTMLElement): void {
  const key = host.dataset.key ?? 'classification';
  const lessonDefaults = parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  const checked = classProblems(fromUrl.state);
  const problems = [...fromUrl.problems, ...checked.problems];
  let state: ClassificationState = checked.state;
  let calibration: { settings: string; result: Calibration | null } | null = null;
  let runs = 0;

  const view = document.createElement('div');
  view.className = 'al-widget-body al-cls';
  view.innerHTML = `
    <p class="al-notice" data-part="notice" hidden></p>
    ${bodyMarkup({ mode: state.mode, charts: {}, probe: '', multi: '', calibration: '' })}
    <p class="al-actions" data-print="hide"><button type="button" class="al-button" data-part="reset">Reset to the lesson’s values</button></p>
    <p class="visually-hidden" data-part="live"></p>`;
  const part = (name: string) => view.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
  const notice = part('notice');
  const announce = createAnnouncer(part('live'));
  const writeAddress = () => replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  notice.textContent = addressNotice(problems);
  notice.hidden = problems.length === 0;
  if (!notice.hidden) writeAddress();

  const controls = new Map<keyof ClassificationState, Control>();
  for (const name of Object.keys(SCHEMA) as (keyof ClassificationState)[]) {
    const field = SCHEMA[name];
    const onChange = (value: unknown) => update({ [name]: value } as Partial<ClassificationState>);
    const control = name.startsWith('z') && field.kind === 'number'
      ? numberControl(`${key}-${name}`, field, state[name] as number, onChange, windowScale(field, LOGIT_WINDOW[0], LOGIT_WINDOW[1], 0.1))
      : controlFor(`${key}-${name}`, field, state[name], onChange);
    view.querySelector(`[data-group="${GROUPS[name]}"]`)!.append(control.element);
    controls.set(name, control);
  }
  const targetSelect = view.querySelector<HTMLSelectElement>(`#${key}-target`)!;

  /** Shows only the K logits in use, offers only their classes as the target, and hides the true class along the margin. */
  function showClasses() {
    for (let index = 0; index < MAX_CLASSES; index++) controls.get(logitName(index))!.element.hidden = index >= state.k;
    for (const option of targetSelect.options) option.disabled = option.hidden = Number(option.value) > state.k;
    // Along the margin the label is folded into y·z, so the true class has nothing to set.
    controls.get('y')!.element.hidden = state.axis === 'margin';
  }

  function update(changes: Partial<ClassificationState>) {
    let next = { ...state, ...changes };
    if (Number(next.target) > next.k) {
      next = { ...next, target: String(next.k) as ClassificationState['target'] };
      controls.get('target')!.set(next.target);
    }
    state = next;
    writeAddress();
    announce(render());
  }

  part('reset').addEventListener('click', () => {
    for (const [name, control] of controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    update(lessonDefaults);
  });

  const frames = Object.fromEntries(CHARTS.map((name) => [name, view.querySelector<HTMLElement>(`[data-chart="${name}"]`)!])) as Record<ChartName, HTMLElement>;
  const width = (name: ChartName) => Math.max(260, frames[name].clientWidth || 600);
  const draw = (name: ChartName, options: Parameters<typeof drawChart>[0]) => frames[name].replaceChildren(drawChart(options));

  /** Trains both calibration models in slices for the current settings, unless that result is already shown or under way; the result is announced unless the page has just opened on it. */
  function calibrate(quiet: boolean) {
    const settings = calibrationSettings(state);
    const signature = JSON.stringify(settings);
    if (calibration?.settings === signature) return;
    const run = ++runs;
    calibration = { settings: signature, result: null };
    host.dataset.calibrated = 'false';
    part('calibration').innerHTML = calibrationMarkup(null);
    const training = startCalibration(settings);
    const slice = () => {
      if (run !== runs) return;
      const until = performance.now() + SLICE_MS;
      if (!training.advance(() => performance.now() < until)) return void setTimeout(slice);
      const result = training.result();
      calibration = { settings: signature, result };
      draw('reliability', reliabilityFigure(result, width('reliability')));
      part('calibration').innerHTML = calibrationMarkup(result);
      host.dataset.calibrated = 'true';
      if (!quiet) announce(calibrationSentence(result));
    };
    setTimeout(slice);
  }

  /** Draws the shown mode and returns what to announce; `opening` is the first draw, which announces nothing. */
  function render(opening = false): string {
    for (const section of view.querySelectorAll<HTMLElement>('[data-mode]')) section.hidden = section.dataset.mode !== state.mode;
    showClasses();
    if (state.mode === 'binary') {
      const model = binaryModel(state);
      const chart = { curves: model.curves, axis: state.axis, y: model.y, range: state.range, scale: state.scale, probe: model.probe, width: width('loss') };
      draw('loss', binaryFigure(chart, 'value'));
      draw('gradient', binaryFigure(chart, 'gradient'));
      part('probe').innerHTML = probeMarkup(model.probe);
      return binaryAnnouncement(model.probe);
    }
    if (state.mode === 'multi') {
      const { model, memory } = multiModel(state);
      draw('probabilities', probabilitiesFigure(model, width('probabilities')));
      draw('gradient-bars', gradientBarsFigure(model, width('gradient-bars')));
      part('multi').innerHTML = multiMarkup(model, memory);
      return multiAnnouncement(model);
    }
    const shown = calibration?.result;
    const same = calibration?.settings === JSON.stringify(calibrationSettings(state));
    if (shown && same) draw('reliability', reliabilityFigure(shown, width('reliability')));
    calibrate(opening);
    return shown && same ? calibrationSentence(shown) : 'Training both models…';
  }

  host.replaceChildren(view);
  render(true);
  onWidthChange(view, () => requestAnimationFrame(() => render()));
  host.dataset.ready = 'true';
}
