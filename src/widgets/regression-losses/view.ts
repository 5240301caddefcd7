/**
 * The live regression-losses widget: one state object and the reader's edits to the points,
 * from which everything shown is derived again. The address, Reset, the sliders, the pointer on
 * the scatter and the keys on it only ever replace those two. The fits are exact and fast, so
 * they follow a dragged point live; the descent curves (up to 0.4 s) rerun once it is let go.
 */
import { createAnnouncer } from '../common/announcer.ts';
import { controlSet } from '../common/control-set.ts';
import { drawChart } from '../common/plot-theme.ts';
import { addressNotice, serialiseState } from '../common/state.ts';
import { replaceUrlParams } from '../common/url-state.ts';
import { onWidthChange } from '../common/width-watch.ts';
import { enablePointDrag, type PlotChart } from './drag.ts';
import { chartDomain, descentFigure, scatterFigure, type ChartDomain } from './figures.ts';
import { bodyMarkup, contributionsMarkup, readoutMarkup, tableRows, type ChartName } from './markup.ts';
import { descentSeries, regressionModel, type PerLoss, type RegressionModel } from './model.ts';
import { fitNetworks, type NetworkFit } from './network-fit.ts';
import { asPoints, addPoint, movePoint, removePoint, type EditResult, type PointKey } from './points.ts';
import { scatterKeys, selectorMarkup, showSelector } from './selector.ts';
import { MAX_COORDINATE, NO_EDITS, SCHEMA, editsParams, startingState, type ReaderEdits, type RegressionState } from './state.ts';
import { announcement, convergenceSummary, solvedText } from './words.ts';

/** How long after the last change the descent curves are run again (a drag's end runs them at once). */
const DESCENT_DELAY_MS = 200;

const sameKey = (a: PointKey, b: PointKey) => (a.origin === 'generated' ? b.origin === 'generated' && a.row === b.row : b.origin === 'added' && a.index === b.index);

/** Replaces the element's build-time figure with the live widget. */
export function mountRegressionLosses(host: HTMLElement): void {
  const key = host.dataset.key ?? 'regression';
  const start = startingState(host.dataset.defaults ?? '', location.search, key);
  const { lesson } = start;
  let state: RegressionState = start.state;
  let edits: ReaderEdits = start.edits;
  let model: RegressionModel = regressionModel(state, edits);
  let selectedKey: PointKey | null = model.points[tableRows(model, null, 1)[0]]?.key ?? null;
  let frozen: ChartDomain | null = null;
  let descentTimer: ReturnType<typeof setTimeout> | undefined;
  let networks: PerLoss<NetworkFit> | null = null;

  const view = document.createElement('div');
  view.className = 'al-widget-body al-rl';
  const scatterAttributes = ` tabindex="0" role="application" aria-roledescription="scatter chart" aria-label="Points: arrow keys move the selected point by 0.1 (with Shift by 1), Page Up and Page Down select the previous or next point, Delete removes it" aria-describedby="${key}-hint"`;
  view.innerHTML = `
    <p class="al-notice" data-part="notice" hidden></p>
    ${bodyMarkup(model, null, {}, { scatterAttributes })}
    <p class="al-actions" data-print="hide"><button type="button" class="al-button" data-action="reset">Reset to the lesson's values</button></p>
    <p class="visually-hidden" data-part="live"></p>`;
  const part = <T extends Element = HTMLElement>(selector: string) => view.querySelector<T>(selector)!;
  part('[data-part="scatter"]').insertAdjacentHTML('beforeend', selectorMarkup(key));
  part('[data-part="convergence"]').insertAdjacentHTML('beforebegin', '<fieldset class="al-control-group" data-group="descent" data-print="hide"><legend>Gradient descent</legend></fieldset>');
  part('[data-part="scatter"]').insertAdjacentHTML('beforeend', '<fieldset class="al-control-group" data-group="huber" data-print="hide"><legend>Huber’s threshold: residuals beyond ±delta pull with a constant force</legend></fieldset>');
  part('[data-part="scatter"]').insertAdjacentHTML('beforeend', '<fieldset class="al-control-group" data-group="data" data-print="hide"><legend>Data and fitted model</legend></fieldset>');
  const notice = part<HTMLParagraphElement>('[data-part="notice"]');
  const message = part<HTMLParagraphElement>('[data-part="message"]');
  const announce = createAnnouncer(part('[data-part="live"]'));
  const frames = { scatter: part('[data-chart="scatter"]'), loss: part('[data-chart="loss"]'), distance: part('[data-chart="distance"]') } satisfies Record<ChartName, HTMLElement>;
  let scatterChart: PlotChart | undefined;

  const writeAddress = () => replaceUrlParams(key, { ...serialiseState(SCHEMA, state, lesson.state), ...editsParams(edits) });
  notice.textContent = addressNotice(start.problems);
  notice.hidden = start.problems.length === 0;
  if (!notice.hidden) writeAddress();

  const selectedIndex = () => {
    const index = selectedKey === null ? -1 : model.points.findIndex((p) => sameKey(p.key, selectedKey!));
    return index < 0 ? null : index;
  };
  const select = (index: number | null) => {
    selectedKey = index === null ? null : (model.points[index]?.key ?? null);
  };

  const width = (name: ChartName) => Math.max(280, frames[name].clientWidth || 640);
  function drawScatter(): void {
    const domain = frozen ?? chartDomain(model.points);
    const curves = state.fit === 'network' && networks ? networks : undefined;
    const chart = drawChart(scatterFigure({ model, selected: selectedIndex(), delta: state.delta, domain, width: width('scatter'), curves }));
    frames.scatter.replaceChildren(chart);
    scatterChart = chart as unknown as PlotChart;
  }
  /** The networks for the points as they are now, over the chart's x range (tens of ms, so only when a change is done). */
  function refitNetworks(): void {
    const domain = chartDomain(model.points);
    networks = state.fit === 'network' ? fitNetworks(asPoints(model.points), state.delta, { seed: state.seed, from: domain.x[0], to: domain.x[1] }) : null;
  }
  /** What waits until a change is done: the networks (redrawn on the scatter) and the descent. */
  function settle(): void {
    clearTimeout(descentTimer);
    if (state.fit === 'network') {
      refitNetworks();
      drawScatter();
    }
    drawDescent();
  }
  function drawDescent(): void {
    const { runs, losses, distances } = descentSeries(state, model);
    frames.loss.replaceChildren(drawChart(descentFigure('loss', losses, runs, state.steps, width('loss'))));
    frames.distance.replaceChildren(drawChart(descentFigure('distance', distances, runs, state.steps, width('distance'))));
    part('[data-part="convergence"]').textContent = convergenceSummary(runs, distances, state);
  }
  const scheduleDescent = () => {
    clearTimeout(descentTimer);
    descentTimer = setTimeout(settle, DESCENT_DELAY_MS);
  };
  /** Redraws what depends on the points; the descent only when `descent` says how. */
  function render(descent: 'now' | 'later' | 'skip'): void {
    model = regressionModel(state, edits);
    const selected = selectedIndex();
    if (state.fit !== 'network') networks = null;
    drawScatter();
    part('[data-part="readout"]').innerHTML = readoutMarkup(model);
    part('[data-part="solved"]').textContent = solvedText(state.fit);
    part('[data-part="table"]').innerHTML = contributionsMarkup(model, selected);
    showSelector(part('[data-part="selector"]'), model, selected);
    part<HTMLButtonElement>('[data-action="remove"]').disabled = selected === null;
    if (descent === 'now') settle();
    else if (descent === 'later') scheduleDescent();
  }
  /** Says what happened (a refusal stays visible in the message line) and announces it with the slopes. */
  const report = (problem?: string, lead = '') => {
    message.textContent = problem ?? '';
    message.hidden = !problem;
    announce(announcement(model, selectedIndex(), `${problem ? `${problem} ` : ''}${lead}`));
  };
  /** Applies an edit's result: new edits are drawn and written; a refusal is only said. */
  const apply = (result: EditResult, descent: 'now' | 'later' | 'skip', lead = '') => {
    edits = result.edits;
    render(descent);
    if (descent !== 'skip') writeAddress();
    report(result.problem, lead);
  };
  const clamp = (value: number) => Math.min(MAX_COORDINATE, Math.max(-MAX_COORDINATE, value));
  const moveTo = (index: number, to: { x: number; y: number }, descent: 'now' | 'later' | 'skip') => {
    const point = model.points[index];
    const at = { x: clamp(to.x), y: clamp(to.y) };
    const limited = at.x !== to.x || at.y !== to.y ? `Coordinates stay within ±${MAX_COORDINATE}.` : undefined;
    const result = movePoint(edits, point.key, at);
    apply(result.problem ? result : { edits: result.edits, problem: limited }, descent);
  };
  const removeSelected = () => {
    const index = selectedIndex();
    if (index === null) return;
    const name = `Removed point ${index + 1}. `;
    const result = removePoint(edits, model.points[index].key, model.points.length);
    if (!result.problem) {
      edits = result.edits;
      model = regressionModel(state, edits);
      select(Math.min(index, model.points.length - 1));
    }
    apply(result, 'later', result.problem ? '' : name);
  };
  const addAt = (at: { x: number; y: number }) => {
    const result = addPoint(edits, { x: clamp(at.x), y: clamp(at.y) });
    if (!result.problem) {
      edits = result.edits;
      model = regressionModel(state, edits);
      select(model.points.length - 1);
    }
    apply(result, 'later', result.problem ? '' : 'Added a point. ');
  };

  enablePointDrag(frames.scatter, {
    chart: () => scatterChart,
    points: () => model.points,
    grab: (index) => {
      frozen = chartDomain(model.points);
      select(index);
      render('skip');
    },
    move: (index, to) => {
      const [x0, x1] = frozen!.x;
      const [y0, y1] = frozen!.y;
      moveTo(index, { x: Math.min(x1, Math.max(x0, to.x)), y: Math.min(y1, Math.max(y0, to.y)) }, 'skip');
    },
    release: () => {
      frozen = null;
      render('now');
      writeAddress();
      report(undefined);
    },
    add: addAt,
  });
  scatterKeys(frames.scatter, {
    count: () => model.points.length,
    selected: selectedIndex,
    select: (index) => {
      select(index);
      render('skip');
      report(undefined);
    },
    nudge: (dx, dy) => {
      const index = selectedIndex() ?? 0;
      select(index);
      const point = model.points[index];
      moveTo(index, { x: point.x + dx, y: point.y + dy }, 'later');
    },
    remove: removeSelected,
  });
  part<HTMLSelectElement>('[data-part="selector"]').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    select(value === '' ? null : Number(value));
    render('skip');
    report(undefined);
  });
  part('[data-action="add"]').addEventListener('click', () => {
    const domain = chartDomain(model.points);
    addAt({ x: 0, y: (domain.y[0] + domain.y[1]) / 2 });
  });
  part('[data-action="remove"]').addEventListener('click', removeSelected);

  const groups: Record<keyof RegressionState, string> = { seed: 'data', points: 'data', target: 'data', fit: 'data', delta: 'huber', lr: 'descent', steps: 'descent' };
  const controls = controlSet(key, SCHEMA, state, (name) => part(`[data-group="${groups[name]}"]`), (name, value) => {
    const dataChanged = name === 'seed' || name === 'points';
    const cleared = dataChanged && edits !== NO_EDITS && edits.moved.length + edits.removed.length + edits.added.length > 0;
    state = { ...state, [name]: value };
    if (dataChanged) {
      edits = NO_EDITS;
      model = regressionModel(state, edits);
      select(tableRows(model, null, 1)[0] ?? null);
    }
    render('later');
    writeAddress();
    report(undefined, cleared ? 'Your changes to the points were cleared: they belonged to the other data set. ' : '');
  });

  part('[data-action="reset"]').addEventListener('click', () => {
    state = lesson.state;
    edits = lesson.edits;
    for (const [name, control] of controls.controls) control.set(state[name]);
    notice.hidden = true;
    model = regressionModel(state, edits);
    select(tableRows(model, null, 1)[0] ?? null);
    render('now');
    writeAddress();
    report(undefined, 'Back to the lesson’s values. ');
  });

  host.replaceChildren(view);
  render('now');
  onWidthChange(frames.scatter, () => requestAnimationFrame(() => {
    drawScatter();
    drawDescent();
  }));
  host.dataset.ready = 'true';
}
