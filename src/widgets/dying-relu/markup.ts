/** The dying-ReLU widget's page structure; view.ts fills the parts named by data-part. */
import { chartLegendMarkup, legendMarkup } from './grid.ts';
import { SIDES, type DyingState } from './state.ts';

/** The settings group (`group-${name}` part) each field's control goes in. */
export const GROUPS: Record<keyof DyingState, string> = {
  activationA: 'runs', activationB: 'runs',
  layers: 'network', bias: 'network', seed: 'network',
  lr: 'training', optimizer: 'training', epochs: 'training',
};

/** The live widget's markup for the widget with URL prefix `key`. */
export function dyingMarkup(key: string): string {
  const sides = SIDES.map(
    (side) => `
    <section class="al-dying-side" aria-labelledby="${key}-side-${side}">
      <h3 id="${key}-side-${side}" data-part="title-${side}">Run ${side}</h3>
      <p class="al-dying-epoch" data-part="epoch-${side}">Epoch 0</p>
      <p class="al-dying-summary" data-part="summary-${side}"></p>
      <div data-part="grid-${side}"></div>
    </section>`,
  );
  return `
  <p class="al-notice" data-part="notice" hidden></p>
  <div class="al-run-toolbar" data-print="hide">
    <button type="button" class="al-button al-button-primary" data-part="play" aria-pressed="false">Train</button>
    <button type="button" class="al-button" data-part="step">Step one epoch</button>
    <button type="button" class="al-button" data-part="reset">Reset</button>
    <button type="button" class="al-button" data-part="defaults">Lesson's values</button>
  </div>
  <div data-part="retrain" data-print="hide"></div>
  <p class="al-run-status al-dying-status" data-part="status" role="status"></p>
  <p class="al-hint">Each cell is a hidden unit, measured over all training inputs after every epoch. Select a unit (click, or Tab to a grid, arrow keys, then Enter) to see its pre-activations.</p>
  ${legendMarkup()}
  <div class="al-dying-sides">${sides.join('')}</div>
  <section class="al-dying-readout" aria-labelledby="${key}-readout-title">
    <h3 id="${key}-readout-title">Selected unit</h3>
    <p data-part="readout" aria-live="polite">No unit selected yet.</p>
    <div class="al-chart" data-part="histogram"></div>
  </section>
  <div class="al-dying-charts">
    <div class="al-chart" data-part="dead"></div>
    <div class="al-chart" data-part="loss"></div>
    <div class="al-chart" data-part="accuracy"></div>
    <div class="al-chart" data-part="alpha" hidden></div>
    ${chartLegendMarkup(4)}
  </div>
  <div class="al-dying-settings" data-print="hide">
    <fieldset class="al-control-group" data-part="group-runs"><legend>The two runs</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-network"><legend>Network</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-training"><legend>Training</legend></fieldset>
  </div>
  <p class="visually-hidden" data-part="live"></p>`;
}
