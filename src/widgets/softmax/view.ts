/**
 * The live softmax widget: binds controls to one state object and that state to the charts and
 * the readout. The URL, the reset button, the sliders, the number boxes and the dragged bars
 * only ever replace that object; everything shown is derived from it again.
 */
import { createAnnouncer } from '../common/announcer.ts';
import { choiceControl, controlFor, numberControl, type Control } from '../common/controls.ts';
import { drawChart } from '../common/plot-theme.ts';
import { windowScale } from '../common/slider-scale.ts';
import { addressNotice, parseState, serialiseState, snapToGrid } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { enableBarDrag, type PlotChart } from './drag.ts';
import { gradientFigure, jacobianFigure, logitsFigure, naiveFigure, probabilityFigure } from './figures.ts';
import { computeSoftmax } from './model.ts';
import { CHARTS, bodyMarkup, explanationMarkup, jacobianTableMarkup, readoutMarkup, type ChartName } from './readout.ts';
import { LOGIT_SLIDER_STEP, LOGIT_WINDOW, MAX_CLASSES, SCHEMA, classProblems, logitName, type SoftmaxState } from './state.ts';
import { announcement } from './words.ts';
import { onWidthChange } from '../common/width-watch.ts';

/** The state a lesson's defaults and the address give, with every problem found on the way. */
function startingState(host: HTMLElement, key: string) {
  const lessonDefaults = classProblems(parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  const checked = classProblems(fromUrl.state);
  return { lessonDefaults, state: checked.state, problems: [...fromUrl.problems, ...checked.problems] };
}

/** Replaces the element's build-time figure with the live widget. */
export function mountSoftmax(host: HTMLElement): void {
  const key = host.dataset.key ?? 'softmax';
  const start = startingState(host, key);
  const { lessonDefaults } = start;
  let state: SoftmaxState = start.state;

  const view = document.createElement('div');
  view.className = 'al-widget-body al-softmax';
  view.innerHTML = `
    <p class="al-notice" hidden></p>
    <div class="al-control-row" data-group="top" data-print="hide"></div>
    ${bodyMarkup(computeSoftmax(state))}
    <p class="al-actions" data-print="hide"><button type="button" class="al-button" data-action="reset">Reset to the lesson's values</button></p>
    <p class="visually-hidden" data-live></p>`;
  const part = <T extends Element = HTMLElement>(selector: string) => view.querySelector<T>(selector)!;
  // The logits' sliders sit right under their bars, which mirror them (and are dragged the same way).
  part('[data-part="logits"]').insertAdjacentHTML(
    'beforeend',
    '<fieldset class="al-control-group al-softmax-logits" data-group="logits" data-print="hide"><legend>Drag a bar above up or down, or set a logit here: sliders from −10 to 10, boxes from −1000 to 1000</legend></fieldset>',
  );
  const notice = part<HTMLParagraphElement>('.al-notice');
  const announce = createAnnouncer(part('[data-live]'));
  const writeAddress = () => replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  // Refused values leave the address, which then says what the widget uses.
  notice.textContent = addressNotice(start.problems);
  notice.hidden = start.problems.length === 0;
  if (!notice.hidden) writeAddress();

  const controls = new Map<keyof SoftmaxState, Control>();
  const update = (changes: Partial<SoftmaxState>) => {
    state = { ...state, ...changes };
    // Fewer classes than the true one: the last class becomes the true one, as its select shows.
    if (Number(state.y) > state.count) state = { ...state, y: String(state.count) };
    showClasses();
    announce(render());
    writeAddress();
  };
  const top = part('[data-group="top"]');
  for (const name of ['count', 't', 'naive'] as const) {
    const control = controlFor(`${key}-${name}`, SCHEMA[name], state[name], (value) => update({ [name]: value }));
    top.append(control.element);
    controls.set(name, control);
  }
  for (let index = 0; index < MAX_CLASSES; index++) {
    const name = logitName(index);
    const field = SCHEMA[name];
    const scale = windowScale(field, LOGIT_WINDOW[0], LOGIT_WINDOW[1], LOGIT_SLIDER_STEP);
    const control = numberControl(`${key}-${name}`, field, state[name], (value) => update({ [name]: value }), scale);
    part('[data-group="logits"]').append(control.element);
    controls.set(name, control);
  }

  /** The true-class select offers only the classes there are, so it is rebuilt when the count changes. */
  let shownCount = 0;
  function showClasses(): void {
    for (let index = 0; index < MAX_CLASSES; index++) controls.get(logitName(index))!.element.hidden = index >= state.count;
    const current = controls.get('y');
    if (shownCount === state.count) {
      current?.set(state.y);
      return;
    }
    shownCount = state.count;
    const field = { ...SCHEMA.y, options: SCHEMA.y.options.slice(0, state.count) };
    const control = choiceControl(`${key}-y`, field, state.y, (value) => update({ y: value }));
    if (current) current.element.replaceWith(control.element);
    else top.append(control.element);
    controls.set('y', control);
  }

  part('[data-action="reset"]').addEventListener('click', () => {
    for (const [name, control] of controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    update(lessonDefaults);
  });

  const frames = Object.fromEntries(
    CHARTS.map((name) => [name, part(`[data-chart="${name}"]`)]),
  ) as Record<ChartName, HTMLElement>;
  const drawn = new Map<ChartName, PlotChart>();
  const draw = (name: ChartName, chart: ReturnType<typeof drawChart>) => {
    frames[name].replaceChildren(chart);
    drawn.set(name, chart as unknown as PlotChart);
  };
  /** Draws every chart and the readout from the state and returns what to announce. */
  function render(): string {
    const result = computeSoftmax(state);
    const width = (name: ChartName) => Math.max(240, frames[name].clientWidth || 600);
    const naiveShown = state.naive === 'shown';
    part('[data-part="naive"]').hidden = !naiveShown;
    part('[data-part="explanation"]').hidden = !naiveShown;
    draw('logits', drawChart(logitsFigure(result, width('logits'))));
    draw('stable', drawChart(probabilityFigure(result, width('stable'))));
    if (naiveShown) draw('naive', drawChart(naiveFigure(result, width('naive'))));
    draw('jacobian', drawChart(jacobianFigure(result, width('jacobian'))));
    draw('gradient', drawChart(gradientFigure(result, width('gradient'))));
    part('[data-part="explanation"]').innerHTML = explanationMarkup(result);
    part('[data-part="explanation"]').dataset.failure = result.naive.failure;
    part('[data-part="readout"]').innerHTML = readoutMarkup(result);
    part('[data-part="jacobian-values"] .al-softmax-scroll').outerHTML = jacobianTableMarkup(result);
    return announcement(result);
  }

  enableBarDrag(frames.logits, () => drawn.get('logits'), (index, value) => {
    const name = logitName(index);
    const [low, high] = LOGIT_WINDOW;
    const stepped = Math.round(Math.min(high, Math.max(low, value)) / LOGIT_SLIDER_STEP) * LOGIT_SLIDER_STEP;
    const next = snapToGrid(SCHEMA[name], stepped);
    if (next === state[name]) return;
    controls.get(name)!.set(next);
    update({ [name]: next });
  });

  host.replaceChildren(view);
  showClasses();
  render();
  onWidthChange(frames.logits, () => requestAnimationFrame(render));
  host.dataset.ready = 'true';
}
