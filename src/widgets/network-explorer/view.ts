/**
 * The live explorer: binds controls to state and state to figures. Everything shown is derived
 * from one state object; the URL and the reset button only ever replace that object.
 */
import { createAnnouncer } from '../common/announcer.ts';
import { drawChart } from '../common/plot-theme.ts';
import { controlFor, type Control } from '../common/controls.ts';
import { addressNotice, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { derivativeFigure, outputFigure } from './figures.ts';
import { describe, sampleCurves } from './model.ts';
import { HIDDEN_UNITS, SCHEMA, type ExplorerState } from './state.ts';
import { onWidthChange } from '../common/width-watch.ts';

/** Replaces the element's build-time figure with the interactive explorer. */
export function mountExplorer(host: HTMLElement): void {
  const key = host.dataset.key ?? 'explorer';
  const lessonDefaults = parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  let state: ExplorerState = fromUrl.state;

  const view = document.createElement('div');
  view.className = 'al-widget-body';
  view.innerHTML = `
    <p class="al-notice" hidden></p>
    <div class="al-control-row" data-group="top" data-print="hide"></div>
    <div class="al-chart" data-chart="output"></div>
    <div class="al-chart" data-chart="derivative"></div>
    <div class="al-control-columns" data-print="hide">
      ${Array.from({ length: HIDDEN_UNITS }, (_, j) => `<fieldset class="al-control-group" data-group="unit${j + 1}"><legend>Hidden unit ${j + 1}</legend></fieldset>`).join('')}
    </div>
    <p class="al-actions" data-print="hide"><button type="button" class="al-button" data-action="reset">Reset to the lesson's values</button></p>
    <p class="visually-hidden" data-live></p>`;
  const part = <T extends Element>(selector: string) => view.querySelector<T>(selector)!;
  const notice = part<HTMLParagraphElement>('.al-notice');
  const announce = createAnnouncer(part<HTMLElement>('[data-live]'));
  if (fromUrl.problems.length > 0) {
    notice.textContent = addressNotice(fromUrl.problems);
    notice.hidden = false;
    // The address then says what the widget uses, as the lab's does: refused values leave it.
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  }

  const controls = new Map<keyof ExplorerState, Control>();
  const update = (changes: Partial<ExplorerState>) => {
    state = { ...state, ...changes };
    announce(render());
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  };
  for (const name of Object.keys(SCHEMA) as (keyof ExplorerState)[]) {
    const control = controlFor(`${key}-${name}`, SCHEMA[name], state[name], (value) => update({ [name]: value }));
    const group = name === 'f' || name === 'wrt' || name === 'c' ? 'top' : `unit${name.slice(1)}`;
    part(`[data-group="${group}"]`).append(control.element);
    controls.set(name, control);
  }
  part('[data-action="reset"]').addEventListener('click', () => {
    for (const [name, control] of controls) control.set(lessonDefaults[name]);
    notice.hidden = true;
    update(lessonDefaults);
  });

  const charts = { output: part<HTMLElement>('[data-chart="output"]'), derivative: part<HTMLElement>('[data-chart="derivative"]') };
  /** Draws both charts from the state and returns what they show, in words. */
  function render(): string {
    const points = sampleCurves(state);
    const description = describe(state, points);
    const width = Math.max(260, charts.output.clientWidth || 600);
    charts.output.replaceChildren(drawChart(outputFigure(state, points, width, description)));
    charts.derivative.replaceChildren(drawChart(derivativeFigure(state, points, width, description)));
    return description;
  }

  host.replaceChildren(view);
  render();
  onWidthChange(charts.output, () => requestAnimationFrame(render));
  host.dataset.ready = 'true';
}
