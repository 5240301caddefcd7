/** The gradient-depth widget's page structure, and the legend both the live view and the build-time figure show. */
import { escapeHtml } from '../common/format.ts';
import { RUN_STYLE, type RunTitles } from './figures.ts';
import { RUNS } from './state.ts';

/** The legend: each run's colour, marker and dash beside its name, and the theory line's dots. */
export function legendMarkup(titles: RunTitles, withTheory = true): string {
  const runs = RUNS.map(
    (run) =>
      `<li><span class="al-depth-key al-depth-key-${run.toLowerCase()}" aria-hidden="true"><span class="al-depth-stroke"></span><span class="al-depth-marker"></span></span>${escapeHtml(titles[run])}: ${RUN_STYLE[run].symbol === 'circle' ? 'circles, solid line' : 'squares, dashed line'}</li>`,
  ).join('');
  const theory = withTheory ? '<li><span class="al-depth-key al-depth-key-theory" aria-hidden="true"><span class="al-depth-stroke"></span></span>theory (dotted)</li>' : '';
  return `<ul class="al-legend al-depth-legend" aria-label="Legend">${runs}${theory}</ul>`;
}

/** The live widget's parts; view.ts fills those named by data-part. */
export function depthMarkup(key: string): string {
  const pair = (name: string) => `<div class="al-depth-pair">${RUNS.map((run) => `<div class="al-chart" data-part="${name}-${run}"></div>`).join('')}</div>`;
  return `
  <p class="al-notice" data-part="notice" hidden></p>
  <div class="al-run-toolbar al-depth-toolbar" data-print="hide">
    <button type="button" class="al-button al-button-primary" data-part="play" aria-pressed="false" disabled>Train</button>
    <button type="button" class="al-button" data-part="step" disabled>Step one epoch</button>
    <button type="button" class="al-button" data-part="reset" aria-keyshortcuts="R">Reset</button>
    <button type="button" class="al-button" data-part="defaults">Lesson’s values</button>
    <span class="al-depth-progress" data-part="progress"></span>
  </div>
  <div data-part="retrain" data-print="hide"></div>
  <p class="al-depth-status" data-part="status"></p>
  <div data-part="legend"></div>
  <section class="al-depth-section" aria-labelledby="${key}-init-title">
    <h3 id="${key}-init-title">At initialisation</h3>
    <div class="al-chart" data-part="gradient"></div>
    <div class="al-chart" data-part="derivative"></div>
    <h4>Activations of each hidden layer</h4>
    ${pair('histogram')}
  </section>
  <section class="al-depth-section" aria-labelledby="${key}-training-title">
    <h3 id="${key}-training-title">Training</h3>
    <div class="al-chart" data-part="loss"></div>
    <h4>Gradient norm of each layer, epoch by epoch</h4>
    ${pair('heatmap')}
    <div class="al-chart" data-part="distance"></div>
  </section>
  <div class="al-depth-settings" data-print="hide">
    <fieldset class="al-control-group" data-part="group-A"><legend>Run A</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-B"><legend>Run B</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-network"><legend>Network &amp; data</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-training"><legend>Training</legend></fieldset>
  </div>
  <p class="visually-hidden" data-part="live"></p>`;
}
