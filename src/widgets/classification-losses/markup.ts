/**
 * The widget's markup: each mode's section with chart frames, legends and readouts. Pure strings
 * from computed values and fixed words, so the build-time figure and the live view show the same.
 */
import { formatFixed, formatPercent } from '../common/format.ts';
import { BINARY_LOSSES, BINARY_LOSS_LABELS, type Probe } from './binary.ts';
import type { Calibration } from './calibration.ts';
import { LOSS_STYLES, MODEL_STYLES } from './figures.ts';
import type { MultiClass, TargetMemory } from './multiclass.ts';
import { calibrationSentence, formatValue, memorySentence, probeSentence, routesSentence } from './words.ts';

/** The charts, by their frame's `data-chart`. */
export const CHARTS = ['loss', 'gradient', 'probabilities', 'gradient-bars', 'reliability'] as const;

/** One of the widget's charts. */
export type ChartName = (typeof CHARTS)[number];

/** The mode each chart belongs to. */
export const CHART_MODES: Readonly<Record<ChartName, 'binary' | 'multi' | 'calibration'>> = {
  loss: 'binary',
  gradient: 'binary',
  probabilities: 'multi',
  'gradient-bars': 'multi',
  reliability: 'calibration',
};

const SYMBOL_TEXT: Readonly<Record<string, string>> = { circle: '●', square: '■', diamond: '◆', triangle: '▲' };

/** A legend item: a short line in the series' colour and dash, its marker and its name. */
function key(style: { stroke: string; dash: string; symbol: string }, label: string): string {
  const dash = style.dash === 'none' ? '' : ` stroke-dasharray="${style.dash}"`;
  return `<li><svg width="36" height="12" aria-hidden="true"><line x1="1" y1="6" x2="35" y2="6" stroke="${style.stroke}" stroke-width="2.5"${dash}/></svg><span style="color: ${style.stroke}" aria-hidden="true">${SYMBOL_TEXT[style.symbol]}</span> ${label}</li>`;
}

function frame(name: ChartName, charts: Partial<Record<ChartName, string>>): string {
  return `<div class="al-chart" data-chart="${name}">${charts[name] ?? ''}</div>`;
}

/** The binary probe's table: each loss's value and derivative with respect to the logit. */
export function probeMarkup(probe: Probe): string {
  const rows = BINARY_LOSSES.map((id) => `<tr data-loss="${id}"><th scope="row">${BINARY_LOSS_LABELS[id]}</th><td>${formatValue(probe.losses[id].value)}</td><td>${formatValue(probe.losses[id].gradient)}</td></tr>`).join('');
  return `
    <p class="al-cls-sentence" data-value="probe">${probeSentence(probe)}</p>
    <div class="al-table-scroll" tabindex="0" role="region" aria-label="The probe: each loss and its gradient">
      <table class="al-number-table"><caption>True class 1, predicted p = ${formatFixed(probe.p, 3)}, logit z = ${formatValue(probe.logit)}</caption>
        <thead><tr><th scope="col">loss</th><th scope="col">value</th><th scope="col">∂loss/∂z</th></tr></thead><tbody>${rows}</tbody></table>
    </div>`;
}

/** Multi-class mode's readout: per class logit, probability, one-hot target and gradient; both routes; the memory count. */
export function multiMarkup(model: MultiClass, memory: TargetMemory): string {
  const rows = model.logits
    .map((z, k) => `<tr data-class="${k + 1}"><th scope="row">class ${k + 1}${k === model.target ? ' (target)' : ''}</th><td>${formatFixed(z, 2)}</td><td>${formatValue(model.probabilities[k])}</td><td>${model.oneHot[k]}</td><td>${formatValue(model.gradient[k])}</td></tr>`)
    .join('');
  return `
    <div class="al-table-scroll" tabindex="0" role="region" aria-label="Each class: logit, probability, target and gradient">
      <table class="al-number-table"><caption>Each class</caption>
        <thead><tr><th scope="col">class</th><th scope="col">logit z</th><th scope="col">softmax p</th><th scope="col">one-hot y</th><th scope="col">p − y</th></tr></thead><tbody>${rows}</tbody></table>
    </div>
    <dl class="al-cls-routes">
      <div><dt>Categorical cross-entropy from the logits, one-hot target <span class="al-cls-api">PyTorch <code>nn.CrossEntropyLoss</code> with probability rows; Keras <code>CategoricalCrossentropy(from_logits=True)</code></span></dt><dd data-value="categorical">${formatValue(model.categorical)}</dd></div>
      <div><dt>Sparse categorical cross-entropy from the logits, class index <span class="al-cls-api">PyTorch <code>nn.CrossEntropyLoss</code> with class indices; Keras <code>SparseCategoricalCrossentropy(from_logits=True)</code></span></dt><dd data-value="sparse">${formatValue(model.sparse)}</dd></div>
      <div><dt>Softmax first, then the probabilities with the index <span class="al-cls-api">the course’s <code>sparse_cce</code>, each log clamped at −100 (Keras’s <code>from_logits=False</code> clips p to 1e-7 instead, so at most 16.118)</span></dt><dd data-value="clamped">${formatValue(model.fromProbabilities)}</dd></div>
    </dl>
    <p class="al-cls-sentence" data-value="routes">${routesSentence(model)}${model.fromProbabilities !== model.sparse && Math.abs(model.fromProbabilities - model.sparse) > 1e-9 ? ' Going through the probabilities loses it: a probability that rounds to 0 has log −∞, which the clamp turns into 100.' : ''}</p>
    <p class="al-cls-sentence" data-value="memory">${memorySentence(memory)}</p>`;
}

/** Calibration's readout: each model's ECE, held-out accuracy, final training loss and weights. */
export function calibrationMarkup(result: Calibration | null): string {
  if (result === null) return '<p class="al-cls-sentence" data-value="calibration">Training both models…</p>';
  const rows = (['bce', 'hinge'] as const)
    .map((id) => {
      const model = result.models[id];
      return `<tr data-model="${id}"><th scope="row">${MODEL_STYLES[id].label}</th><td>${formatValue(model.ece)}</td><td>${formatPercent(model.accuracy)}</td><td>${formatValue(model.trainLoss)}</td><td>${formatFixed(model.weights[0], 2)}</td></tr>`;
    })
    .join('');
  return `
    <div class="al-table-scroll" tabindex="0" role="region" aria-label="Each model's calibration">
      <table class="al-number-table"><caption>Each model on the held-out points</caption>
        <thead><tr><th scope="col">model</th><th scope="col">ECE</th><th scope="col">accuracy</th><th scope="col">final training loss</th><th scope="col">weight on x₁</th></tr></thead><tbody>${rows}</tbody></table>
    </div>
    <p class="al-cls-sentence" data-value="calibration">${calibrationSentence(result)}</p>`;
}

/** What goes into the body: the mode, the charts' markup (empty in the live view until drawn) and the readouts. */
export interface BodyParts {
  readonly mode: 'binary' | 'multi' | 'calibration';
  readonly charts: Partial<Record<ChartName, string>>;
  readonly probe: string;
  readonly multi: string;
  readonly calibration: string;
}

/** Every mode's section, only `mode`'s shown, with `data-group`s where the live view puts controls. */
export function bodyMarkup(parts: BodyParts): string {
  const hidden = (mode: BodyParts['mode']) => (parts.mode === mode ? '' : ' hidden');
  const lossLegend = `<ul class="al-legend">${BINARY_LOSSES.map((id) => key(LOSS_STYLES[id], BINARY_LOSS_LABELS[id])).join('')}</ul>`;
  const modelLegend = `<ul class="al-legend">${(['bce', 'hinge'] as const).map((id) => key(MODEL_STYLES[id], MODEL_STYLES[id].label)).join('')}<li>dotted diagonal: perfectly calibrated</li></ul>`;
  return `
    <div data-group="mode" data-print="hide"></div>
    <section class="al-cls-mode" data-mode="binary"${hidden('binary')}>
      <p class="al-cls-title">Each loss of one example against its logit</p>
      <div class="al-control-columns" data-print="hide"><fieldset class="al-control-group" data-group="binary"><legend>Curves</legend></fieldset><fieldset class="al-control-group" data-group="probe"><legend>Probe</legend></fieldset></div>
      ${frame('loss', parts.charts)}
      ${lossLegend}
      <p class="al-cls-title">Their gradients</p>
      ${frame('gradient', parts.charts)}
      <div data-part="probe">${parts.probe}</div>
    </section>
    <section class="al-cls-mode" data-mode="multi"${hidden('multi')}>
      <fieldset class="al-control-group al-cls-logits" data-group="logits" data-print="hide"><legend>Logits and target</legend></fieldset>
      <div class="al-cls-pair">
        <div><p class="al-cls-title">Softmax probabilities</p>${frame('probabilities', parts.charts)}</div>
        <div><p class="al-cls-title">The gradient p − y</p>${frame('gradient-bars', parts.charts)}</div>
      </div>
      <fieldset class="al-control-group" data-group="memory" data-print="hide"><legend>Memory of the targets</legend></fieldset>
      <div data-part="multi">${parts.multi}</div>
    </section>
    <section class="al-cls-mode" data-mode="calibration"${hidden('calibration')}>
      <fieldset class="al-control-group" data-group="calibration" data-print="hide"><legend>Data and training</legend></fieldset>
      <p class="al-cls-title">Reliability diagram (held-out points)</p>
      ${frame('reliability', parts.charts)}
      ${modelLegend}
      <div data-part="calibration">${parts.calibration}</div>
    </section>`;
}
