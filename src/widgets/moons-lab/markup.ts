import type { LabState } from './state.ts';

/** The settings group (`group-${name}` part) each field's control goes in. */
export const GROUPS: Record<keyof LabState, string> = {
  data: 'data', noise: 'data', points: 'data', seed: 'data',
  hidden: 'network', activation: 'network',
  lr: 'training', batch: 'training', epochs: 'training', optimizer: 'training',
  backward: 'backward',
};

/** The lab's page structure; view.ts fills the parts named by data-part. */
export function labMarkup(key: string): string {
  return `
  <p class="al-notice" data-part="notice" hidden></p>
  <div class="al-run-toolbar al-lab-toolbar" data-print="hide">
    <button type="button" class="al-button al-button-primary" data-part="play" aria-pressed="false">Train</button>
    <button type="button" class="al-button" data-part="step">Step one epoch</button>
    <button type="button" class="al-button" data-part="reset">Reset</button>
    <button type="button" class="al-button" data-part="defaults">Article defaults</button>
    <div class="al-lab-progress">
      <label><span data-part="epoch">Epoch 0</span><progress data-part="progress" value="0" max="500"></progress></label>
    </div>
  </div>
  <div class="al-lab-retrain" data-part="retrain" data-print="hide"></div>
  <p class="al-run-status al-lab-status" data-part="status" role="status"></p>
  <p class="al-lab-warning" data-part="warning" hidden></p>
  <div class="al-lab-charts">
    <div class="al-lab-boundary">
      <div class="al-chart al-lab-clickable" data-part="boundary"></div>
      <ul class="al-legend" aria-label="Legend">
        <li><span class="al-swatch al-class-0"></span>class 0</li>
        <li><span class="al-swatch al-class-1"></span>class 1</li>
        <li><span aria-hidden="true">●</span> training</li>
        <li><span aria-hidden="true">■</span> validation</li>
        <li><span aria-hidden="true">▲</span> test</li>
        <li><span aria-hidden="true">★</span> yours</li>
      </ul>
      <fieldset class="al-control-group al-lab-points" data-print="hide">
        <legend>Your own points</legend>
        <p class="al-hint">Click the chart to add a training point of this class, or type its coordinates.</p>
        <div class="al-lab-point-inputs">
          <span class="al-field"><label for="${key}-point-class">Class</label>
          <select id="${key}-point-class" data-part="point-class"><option value="0">0 (blue)</option><option value="1">1 (red)</option></select></span>
          <span class="al-field"><label for="${key}-point-x">x</label>
          <input id="${key}-point-x" type="number" step="0.1" data-part="point-x"></span>
          <span class="al-field"><label for="${key}-point-y">y</label>
          <input id="${key}-point-y" type="number" step="0.1" data-part="point-y"></span>
          <span class="al-field"><button type="button" class="al-button al-button-small" data-part="add-point">Add point</button>
          <button type="button" class="al-button al-button-small" data-part="clear-points">Clear my points</button></span>
        </div>
      </fieldset>
    </div>
    <div class="al-lab-curves">
      <div class="al-chart" data-part="loss"></div>
      <div class="al-chart" data-part="accuracy"></div>
      <ul class="al-legend" aria-label="Legend for the curves">
        <li><span class="al-line al-line-training"></span>training</li>
        <li><span class="al-line al-line-validation"></span>validation</li>
        <li><span class="al-line al-line-previous"></span>previous run</li>
      </ul>
    </div>
  </div>
  <div class="al-lab-results">
    <section aria-labelledby="${key}-test-title">
      <h3 id="${key}-test-title">Test set</h3>
      <p class="al-hint">Touch the test set once, when training is done.</p>
      <button type="button" class="al-button" data-part="evaluate" disabled>Evaluate on the test set</button>
      <div data-part="evaluation"></div>
    </section>
    <section aria-labelledby="${key}-gradient-title">
      <h3 id="${key}-gradient-title">Gradient check</h3>
      <p class="al-hint">Each layer's gradient from both backward passes against central differences.</p>
      <button type="button" class="al-button" data-part="gradients">Check the gradients</button>
      <div data-part="gradient-table"></div>
    </section>
  </div>
  <div class="al-lab-settings" data-print="hide">
    <fieldset class="al-control-group" data-part="group-data"><legend>Data</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-network"><legend>Network</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-training"><legend>Training</legend></fieldset>
    <fieldset class="al-control-group" data-part="group-backward"><legend>Backward pass</legend></fieldset>
  </div>
  <p class="visually-hidden" data-part="live"></p>`;
}
