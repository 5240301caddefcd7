/**
 * The live activation explorer: binds controls to one state object and derives everything shown
 * from it (charts, legend, probe readout, formulas and properties, where the inputs land). The
 * URL and the reset button only ever replace that object.
 */
import type { ActivationId } from '../../lib/index.ts';
import { createAnnouncer } from '../common/announcer.ts';
import { controlFor, type Control } from '../common/controls.ts';
import { drawChart } from '../common/plot-theme.ts';
import { addressNotice, parseState, serialiseState } from '../common/state.ts';
import { readParams, replaceUrlParams } from '../common/url-state.ts';
import { derivativeFigure, functionFigure, inputsLandFigure, seriesName } from './figures.ts';
import { EXPLORER_LAYOUT, GROUP_OF, changeKind, formulaSource, type ChangeKind } from './layout.ts';
import { aboutListMarkup, legendMarkup, readoutMarkup } from './markup.ts';
import { curves, inputsLand, probe, type Curve, type InputsLand } from './model.ts';
import { probeControl } from './probe-control.ts';
import { SCHEMA, chosenActivations, type ActivationExplorerState } from './state.ts';
import { landSentence, probeSummary, readoutRows, windowWords } from './words.ts';
import { onWidthChange } from '../common/width-watch.ts';

type Name = keyof ActivationExplorerState;

/** Which chosen function each alpha belongs to: its control shows only while that function is chosen. */
const ALPHA_OF: Partial<Record<Name, ActivationId>> = { leakyAlpha: 'leaky_relu', preluAlpha: 'prelu', eluAlpha: 'elu' };

/** The last value computed from `inputs`, recomputed only when their key changes. */
function remembered<T>(compute: () => T, inputs: () => string): () => T {
  let last: { key: string; value: T } | undefined;
  return () => {
    const key = inputs();
    if (last?.key !== key) last = { key, value: compute() };
    return last.value;
  };
}

/** Replaces the element's build-time figure with the interactive explorer. */
export function mountActivationExplorer(host: HTMLElement): void {
  const key = host.dataset.key ?? 'explorer';
  const lessonDefaults = parseState(SCHEMA, readParams(host.dataset.defaults ?? '', key)).state;
  const fromUrl = parseState(SCHEMA, readParams(location.search, key), lessonDefaults);
  let state: ActivationExplorerState = fromUrl.state;
  const formulaOf = formulaSource(host);

  const view = document.createElement('div');
  view.className = 'al-widget-body ae-body';
  view.innerHTML = EXPLORER_LAYOUT;
  const part = <T extends Element = HTMLElement>(selector: string) => view.querySelector<T>(selector)!;
  const notice = part<HTMLParagraphElement>('.al-notice');
  const announce = createAnnouncer(part('[data-live]'));
  if (fromUrl.problems.length > 0) {
    notice.textContent = addressNotice(fromUrl.problems);
    notice.hidden = false;
    // The address then says what the widget uses: refused values leave it.
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  }

  const controls = new Map<Name, Control>();
  const update = (changes: Partial<ActivationExplorerState>) => {
    state = { ...state, ...changes };
    const kind = changeKind(changes);
    announce(render(kind));
    replaceUrlParams(key, serialiseState(SCHEMA, state, lessonDefaults));
  };
  for (const name of Object.keys(SCHEMA) as Name[]) {
    if (name === 'z') continue;
    const control = controlFor(`${key}-${name}`, SCHEMA[name], state[name], (value) => update({ [name]: value }));
    part(`[data-group="${GROUP_OF[name]}"]`).append(control.element);
    controls.set(name, control);
  }
  const probeInput = probeControl(`${key}-z`, state.z, state.range, (z) => update({ z }));
  part('[data-group="probe"]').append(probeInput.element);
  part('[data-action="reset"]').addEventListener('click', () => {
    for (const [name, control] of controls) control.set(lessonDefaults[name]);
    probeInput.set(lessonDefaults.z);
    notice.hidden = true;
    update(lessonDefaults);
  });

  const charts = { function: part('[data-chart="function"]'), derivative: part('[data-chart="derivative"]'), inputs: part('[data-chart="inputs"]') };
  const curveInputs = () => JSON.stringify([chosenActivations(state), state.leakyAlpha, state.preluAlpha, state.eluAlpha, state.range]);
  const drawnCurves = remembered<Curve[]>(() => curves(state), curveInputs);
  const land = remembered<InputsLand>(() => inputsLand(state), () => JSON.stringify([curveInputs(), state.fanIn, state.init, state.sigma, state.seed]));
  const chartWidth = () => Math.max(260, charts.function.clientWidth || 600);
  const inputsChart = remembered<void>(
    () => charts.inputs.replaceChildren(drawChart(inputsLandFigure(state, land(), drawnCurves(), chartWidth()))),
    () => JSON.stringify([curveInputs(), land().weightDeviation, state.fanIn, state.init, state.sigma, state.seed, state.saturation, chartWidth()]),
  );
  const names = () => drawnCurves().map((curve) => seriesName(state, curve));
  const about = remembered<void>(
    () => (part('[data-part="about"]').innerHTML = aboutListMarkup(state, chosenActivations(state), names(), formulaOf)),
    curveInputs,
  );

  /** Shows everything the state implies and returns what changed, in words, for the live region. */
  function render(kind: ChangeKind): string {
    const width = chartWidth();
    const drawn = drawnCurves();
    for (const [name, id] of Object.entries(ALPHA_OF) as [Name, ActivationId][]) controls.get(name)!.element.hidden = !chosenActivations(state).includes(id);
    for (const input of controls.get('sigma')!.element.querySelectorAll('input')) input.disabled = state.init !== 'custom';
    probeInput.setRange(state.range);
    charts.function.replaceChildren(drawChart(functionFigure(state, drawn, width)));
    charts.derivative.replaceChildren(drawChart(derivativeFigure(state, drawn, width)));
    inputsChart();
    about();
    part('[data-part="legend"]').innerHTML = legendMarkup(names());
    const outside = windowWords(state);
    Object.assign(part('.ae-window-note'), { textContent: outside, hidden: outside === '' });
    const rows = readoutRows(probe(state), names());
    part('[data-part="readout"]').innerHTML = readoutMarkup(state, rows);
    const share = landSentence(land(), names());
    part('[data-part="share"]').textContent = share;
    if (kind === 'probe') return `${probeSummary(state, rows)}${outside ? ' Outside the plotted window.' : ''}`;
    if (kind === 'land') return `Where the inputs land: ${share}`;
    return `Showing ${names().join(', ')}. ${probeSummary(state, rows)}`;
  }

  host.replaceChildren(view);
  render('functions');
  onWidthChange(charts.function, () => requestAnimationFrame(() => render('functions')));
  host.dataset.ready = 'true';
}
