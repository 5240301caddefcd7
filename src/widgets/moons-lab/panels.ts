/** The lab's text panels: test results with a confusion matrix, and the gradient-check table. */
import { formatCount, formatExponential, formatFixed, formatPercent, plural } from '../common/format.ts';
import { CHECK_EPSILON, CHECK_ROWS, type GradientError, type GradientLayer, type LabReport } from './protocol.ts';

type Evaluation = Extract<LabReport, { type: 'evaluation' }>;

/** Relative errors below this mean the backward pass agrees with central differences. */
export const GRADIENT_TOLERANCE = 1e-5;
/**
 * Below this ‖analytic - numeric‖ the gradient is too small for a ratio to mean anything: the
 * central differences' rounding noise (about 1e-10 per entry at epsilon 1e-6) is of its size.
 */
const GRADIENT_NOISE_FLOOR = 1e-7;

/** What the table says of one backward pass on one layer. */
export type GradientVerdict = 'agrees' | 'wrong' | 'too small to judge' | 'nothing compared';

/** The verdict on one pass's error over `checked` entries. */
export function gradientVerdict(error: GradientError, checked: number): GradientVerdict {
  if (checked === 0) return 'nothing compared';
  // A layer through which no gradient flows (dead or saturated units) agrees with anything.
  if (error.scale < GRADIENT_NOISE_FLOOR) return 'too small to judge';
  if (error.relativeError < GRADIENT_TOLERANCE) return 'agrees';
  return error.absoluteError < GRADIENT_NOISE_FLOOR ? 'too small to judge' : 'wrong';
}

/** What a diverged run's test results and gradients are, in words. */
const NOT_FINITE = 'the weights are no longer finite numbers (the run diverged)';

/** The test result in one sentence, for the live region. */
export function evaluationSummary(result: Evaluation): string {
  return Number.isFinite(result.loss)
    ? `Test accuracy ${formatPercent(result.accuracy)}, test loss ${formatFixed(result.loss, 4)}.`
    : `The test loss and accuracy cannot be computed: ${NOT_FINITE}.`;
}

/** Test accuracy and loss, and the confusion matrix as a table with headers. */
export function evaluationPanel(result: Evaluation): HTMLElement {
  const panel = document.createElement('div');
  if (!Number.isFinite(result.loss)) {
    panel.innerHTML = `<p class="al-result">${evaluationSummary(result)} Lower the learning rate and press Reset.</p>`;
    return panel;
  }
  const [[tn, fp], [fn, tp]] = result.confusion;
  panel.innerHTML = `
    <p class="al-result"><strong>Test accuracy ${formatPercent(result.accuracy)}</strong>, test loss ${formatFixed(result.loss, 4)}, on ${plural(result.size, 'point')} the network never trained on.</p>
    <table class="al-table">
      <caption>Confusion matrix on the test set</caption>
      <thead><tr><td></td><th scope="col">Predicted class 0</th><th scope="col">Predicted class 1</th></tr></thead>
      <tbody>
        <tr><th scope="row">Actual class 0</th><td>${tn}</td><td>${fp}</td></tr>
        <tr><th scope="row">Actual class 1</th><td>${fn}</td><td>${tp}</td></tr>
      </tbody>
    </table>`;
  return panel;
}

/** The gradient check in one sentence, for the live region. */
export function gradientSummary(layers: readonly GradientLayer[] | null, largestWeight = Number.NaN): string {
  if (layers === null) return uncheckable(largestWeight);
  const worst = (pass: 'correct' | 'article') => formatExponential(Math.max(...layers.map((layer) => layer[pass].relativeError)));
  const kinks = layers.reduce((total, layer) => total + layer.kinkCrossings, 0);
  const left = kinks > 0 ? ` ${kinkNote(kinks)}.` : '';
  return `Gradient check: largest relative error ${worst('correct')} for the corrected pass, ${worst('article')} for the article's.${left}`;
}

/** Why a network cannot be checked, from its largest weight, as a sentence. */
function uncheckable(largestWeight: number): string {
  if (!Number.isFinite(largestWeight)) return `The gradients cannot be computed: ${NOT_FINITE}.`;
  return (
    `The gradients cannot be checked: the weights have grown to about ${formatExponential(largestWeight, 0)}, so a nudge of ` +
    `${formatExponential(CHECK_EPSILON, 0)} is lost in rounding and central differences measure nothing (the run failed).`
  );
}

/** Which entries of a layer were compared: all or a sample, and how many crossed a kink. */
export function entriesNote(layer: GradientLayer): string {
  const sampled = layer.checked + layer.kinkCrossings + layer.unresolved;
  const compared = sampled === layer.parameterCount ? `all ${formatCount(sampled)}` : `${formatCount(sampled)} of ${formatCount(layer.parameterCount)} (a sample)`;
  const notes = [compared];
  if (layer.kinkCrossings > 0) notes.push(kinkNote(layer.kinkCrossings));
  if (layer.unresolved > 0) notes.push(`${plural(layer.unresolved, 'entry', 'entries')} too large for a nudge of ${formatExponential(CHECK_EPSILON, 0)} to register, left out`);
  return notes.join('; ');
}

/** "2 entries crossed a kink and were left out". */
function kinkNote(count: number): string {
  return `${plural(count, 'entry', 'entries')} crossed a kink and ${count === 1 ? 'was' : 'were'} left out`;
}

/**
 * One line per weight layer: the relative error of each backward pass with a verdict, and
 * which entries were compared. `layers` null: the check could not be computed.
 */
export function gradientPanel(layers: readonly GradientLayer[] | null, sizes: readonly number[], largestWeight = Number.NaN, captionId = 'gradient-caption'): HTMLElement {
  const panel = document.createElement('div');
  if (layers === null) {
    panel.innerHTML = `<p class="al-result">${gradientSummary(layers, largestWeight)} Press Reset to check a fresh network.</p>`;
    return panel;
  }
  const verdict = (error: GradientError, checked: number) => {
    const word = gradientVerdict(error, checked);
    const tone = word === 'wrong' ? 'al-bad' : word === 'agrees' ? 'al-ok' : '';
    // A ratio of two vanishing norms means nothing, so it is not shown beside "too small to judge".
    const shown = word === 'agrees' || word === 'wrong';
    return `${shown ? `${formatExponential(error.relativeError)} ` : ''}<span class="${tone}">${word}</span>`;
  };
  const rows = layers
    .map(
      (layer, l) =>
        `<tr><th scope="row">Layer ${l + 1} <span class="al-table-layer">(${sizes[l]} → ${sizes[l + 1]})</span></th><td>${verdict(layer.correct, layer.checked)}</td>` +
        `<td>${verdict(layer.article, layer.checked)}</td><td>${entriesNote(layer)}</td></tr>`,
    )
    .join('');
  panel.innerHTML = `
    <p class="al-table-caption" id="${captionId}">Relative error against central differences (epsilon ${formatExponential(CHECK_EPSILON, 0)}, ${CHECK_ROWS} training rows), per layer</p>
    <div class="al-table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="al-table" aria-labelledby="${captionId}">
      <thead><tr><th scope="col">Layer</th><th scope="col">Corrected</th><th scope="col">As printed in the article</th><th scope="col">Entries compared</th></tr></thead>
      <tbody>${rows}</tbody>
    </table></div>`;
  return panel;
}
