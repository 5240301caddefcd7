/**
 * The softmax widget's markup: the chart frames, the readout (sum, entropy, cross-entropy, the
 * temperature's limits), the table of every class and the Jacobian's values. Pure strings from
 * the model's result, so the build-time figure and the live view show the same page; nothing in
 * them comes from the reader's text, only formatted numbers.
 */
import { formatFixed } from '../common/format.ts';
import { coldLimit, type SoftmaxResult } from './model.ts';
import { formatShort, naiveExplanation, naiveText } from './words.ts';

/** The charts the widget draws, by the name of their frame's `data-chart`. */
export const CHARTS = ['logits', 'stable', 'naive', 'jacobian', 'gradient'] as const;

/** One of the widget's charts. */
export type ChartName = (typeof CHARTS)[number];

/** A chart's frame with its title; `content` is the build-time SVG, or empty for the live view to fill. */
function chartFrame(name: ChartName, title: string, content: string): string {
  return `<section class="al-softmax-panel" data-part="${name}"><p class="al-softmax-title">${title}</p><div class="al-chart" data-chart="${name}">${content}</div></section>`;
}

/** Everything under the controls: charts (with `charts` filled in or left empty) and the readout. */
export function bodyMarkup(result: SoftmaxResult, charts: Partial<Record<ChartName, string>> = {}): string {
  return `
    ${chartFrame('logits', 'Logits z', charts.logits ?? '')}
    <div class="al-softmax-pair">
      ${chartFrame('stable', 'Stable: e<sup>z/T − max</sup> / Σ e<sup>z/T − max</sup>', charts.stable ?? '')}
      ${chartFrame('naive', 'Naive: e<sup>z/T</sup> / Σ e<sup>z/T</sup>', charts.naive ?? '')}
    </div>
    <p class="al-softmax-explanation" data-part="explanation">${explanationMarkup(result)}</p>
    <div data-part="readout">${readoutMarkup(result)}</div>
    <div class="al-softmax-pair">
      ${chartFrame('jacobian', 'Jacobian with respect to z/T: diag(p) − p p<sup>T</sup>', charts.jacobian ?? '')}
      ${chartFrame('gradient', 'Gradient of −log p<sub>y</sub> with respect to z/T: p − y', charts.gradient ?? '')}
    </div>
    <details class="al-softmax-details" data-part="jacobian-values"><summary>The Jacobian's values as a table</summary>${jacobianTableMarkup(result)}</details>`;
}

/** The naive side's explanation with its powers as superscripts. */
export function explanationMarkup(result: SoftmaxResult): string {
  return naiveExplanation(result).replace(/\^(−?[\w.]+)/g, '<sup>$1</sup>');
}

/** Where the temperature's two ends lead, in words: one-hot on the largest (ties split) and uniform. */
function limitsText(result: SoftmaxResult): string {
  const cold = coldLimit(result.logits);
  const winners = cold.flatMap((p, index) => (p > 0 ? [index + 1] : []));
  const coldText = winners.length === 1 ? `one-hot on class ${winners[0]}` : `${formatFixed(cold[winners[0] - 1], 3)} each for classes ${winners.join(', ')} (a tie is split)`;
  return `as T → 0, ${coldText}; as T → ∞, uniform, ${formatFixed(1 / result.logits.length, 3)} each`;
}

/** The readout: the sum, entropy, cross-entropy and limits, then every class in a table. */
export function readoutMarkup(result: SoftmaxResult): string {
  const sum = result.probabilities.reduce((total, p) => total + p, 0);
  const count = result.logits.length;
  const y = result.trueClass + 1;
  return `
    <dl class="al-softmax-summary">
      <div><dt>Sum of p</dt><dd data-value="sum">${formatFixed(sum, 3)}</dd></div>
      <div><dt>Entropy H</dt><dd data-value="entropy">${formatFixed(result.entropyNats, 3)} nats = ${formatFixed(result.entropyBits, 3)} bits (at most ln ${count} = ${formatFixed(Math.log(count), 3)} nats)</dd></div>
      <div><dt>Cross-entropy for class ${y}</dt><dd data-value="cross-entropy">−log p<sub>${y}</sub> = ${formatFixed(result.crossEntropy, 3)} nats</dd></div>
      <div><dt>Limits</dt><dd>${limitsText(result)}</dd></div>
    </dl>
    <div class="al-softmax-scroll" tabindex="0" role="region" aria-label="Every class's numbers">
      <table class="al-softmax-table">
        <thead><tr><th scope="col">class</th><th scope="col">z</th><th scope="col">z/T</th><th scope="col">e<sup>z/T − max</sup></th><th scope="col">p</th><th scope="col">naive e<sup>z/T</sup></th><th scope="col">naive p</th></tr></thead>
        <tbody>${result.logits.map((z, index) => classRow(result, z, index)).join('')}</tbody>
      </table>
    </div>`;
}

function classRow(result: SoftmaxResult, z: number, index: number): string {
  const cells = [
    formatShort(z),
    formatShort(result.scaled[index]),
    naiveText(result.shiftedExponentials[index]),
    formatFixed(result.probabilities[index], 3),
    naiveText(result.naive.exponentials[index]),
    naiveText(result.naive.probabilities[index], (p) => formatFixed(p, 3)),
  ];
  return `<tr><th scope="row">${index + 1}</th>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

/** The Jacobian as a table: row i, column j is ∂p_i/∂(z_j/T). */
export function jacobianTableMarkup(result: SoftmaxResult): string {
  const header = result.logits.map((_, j) => `<th scope="col">j = ${j + 1}</th>`).join('');
  const rows = result.jacobian
    .map((row, i) => `<tr><th scope="row">i = ${i + 1}</th>${row.map((value) => `<td>${formatFixed(value, 3)}</td>`).join('')}</tr>`)
    .join('');
  return `<div class="al-softmax-scroll" tabindex="0" role="region" aria-label="Jacobian values"><table class="al-softmax-table"><thead><tr><th scope="col">∂p<sub>i</sub>/∂(z<sub>j</sub>/T)</th>${header}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
