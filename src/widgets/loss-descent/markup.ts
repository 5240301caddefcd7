/**
 * The loss-descent widget's markup: chart frames with their legends, the readout of every shown
 * loss at the current (w, b), and the article's example as a table. Pure strings from computed
 * values, so the build-time figure and the live view show the same page; nothing in them comes
 * from the reader's text, only formatted numbers and fixed words.
 */
import { formatFixed } from '../common/format.ts';
import { DESCENT_LOSSES, DESCENT_LOSS_LABELS, type DescentLoss } from './classifier.ts';
import { CLASS_STYLES, LOSS_STYLES } from './figures.ts';
import type { ExampleRow, LossMark } from './model.ts';
import { formatValue, partialText, undefinedWords } from './words.ts';

/** The charts the widget draws, by the name of their frame's `data-chart`. */
export const CHARTS = ['data', 'loss', 'zero-one', 'steps-loss', 'steps-accuracy'] as const;

/** One of the widget's charts. */
export type ChartName = (typeof CHARTS)[number];

/** The text symbol of each marker shape, for legends. */
const SYMBOL_TEXT: Readonly<Record<string, string>> = { circle: '●', square: '■', diamond: '◆', triangle: '▲' };

/** A legend item: a short line in the loss's colour and dash, its marker, and its name. */
function lossKey(id: DescentLoss, shown: boolean, descent: DescentLoss): string {
  const style = LOSS_STYLES[id];
  const dash = style.dash === 'none' ? '' : ` stroke-dasharray="${style.dash}"`;
  const line = `<svg width="36" height="12" aria-hidden="true"><line x1="1" y1="6" x2="35" y2="6" stroke="${style.stroke}" stroke-width="2.5"${dash}/></svg>`;
  const note = id === descent ? ' (descent follows it)' : '';
  return `<li data-loss="${id}"${shown ? '' : ' hidden'}>${line}<span style="color: ${style.stroke}" aria-hidden="true">${SYMBOL_TEXT[style.symbol]}</span><span>${DESCENT_LOSS_LABELS[id]}${note}</span></li>`;
}

/** The loss chart's legend, every loss listed and those not drawn hidden. */
export function lossLegendMarkup(shown: readonly DescentLoss[], descent: DescentLoss): string {
  const trail = '<li><svg width="36" height="12" aria-hidden="true"><line x1="1" y1="6" x2="35" y2="6" stroke="var(--color-text)" stroke-width="1.5" stroke-dasharray="1 3"/></svg> descent’s trail: the loss at each step’s own w and b (the curves are at the current b)</li>';
  return `<ul class="al-legend" data-part="loss-legend">${DESCENT_LOSSES.map((id) => lossKey(id, shown.includes(id), descent)).join('')}${trail}</ul>`;
}

/** The data chart's legend: shape and colour name the class, fill says right or wrong. */
function classLegendMarkup(): string {
  const item = (label: 0 | 1) => `<li><span style="color: ${CLASS_STYLES[label].stroke}" aria-hidden="true">${SYMBOL_TEXT[CLASS_STYLES[label].symbol]}</span> class ${label}</li>`;
  return `<ul class="al-legend">${item(0)}${item(1)}<li>filled: classified right; hollow: wrong</li><li>shaded: the side predicted class 1</li></ul>`;
}

/** A chart's frame with its title; `content` is the build-time SVG, or empty for the live view to fill. */
function chartFrame(name: ChartName, content: string | undefined): string {
  return `<div class="al-chart" data-chart="${name}"${content === '' ? ' hidden' : ''}>${content ?? ''}</div>`;
}

/** What goes into the body: the charts' markup (left out in the live view until drawn; '' for a chart not drawn at all) and the text parts. */
export interface BodyParts {
  readonly charts: Partial<Record<ChartName, string>>;
  readonly shown: readonly DescentLoss[];
  readonly descent: DescentLoss;
  readonly stepsTitle: string;
  readonly readout: string;
  readonly example: string;
}

/** Everything the static figure and the live view share, with `data-slot`s where the live view puts its controls. */
export function bodyMarkup(parts: BodyParts): string {
  const { charts } = parts;
  return `
    <section class="al-descent-panel" data-part="data-panel">
      <p class="al-descent-title">The data and the boundary</p>
      <div data-slot="boundary"></div>
      ${chartFrame('data', charts.data)}
      ${classLegendMarkup()}
    </section>
    <section class="al-descent-panel">
      <p class="al-descent-title">Loss against the weight w, at the current bias b</p>
      ${chartFrame('loss', charts.loss)}
      ${chartFrame('zero-one', charts['zero-one'])}
      ${lossLegendMarkup(parts.shown, parts.descent)}
    </section>
    <div data-slot="toolbar"></div>
    <section class="al-descent-panel">
      <p class="al-descent-title" data-part="steps-title">${parts.stepsTitle}</p>
      <div class="al-descent-pair">${chartFrame('steps-loss', charts['steps-loss'])}${chartFrame('steps-accuracy', charts['steps-accuracy'])}</div>
    </section>
    <div data-part="readout">${parts.readout}</div>
    <div data-part="example">${parts.example}</div>`;
}

/** The readout: every shown loss's value and partial derivatives at the current (w, b), with the accuracy and the boundary above. */
export function readoutMarkup(marks: readonly LossMark[], summary: string): string {
  const rows = marks
    .map((mark) => `<tr data-loss="${mark.loss}"><th scope="row">${DESCENT_LOSS_LABELS[mark.loss]}</th><td>${formatValue(mark.value)}</td><td>${partialText(mark.gradient, 'w')}</td><td>${partialText(mark.gradient, 'b')}</td></tr>`)
    .join('');
  const notes = marks
    .filter((mark) => !mark.gradient.defined)
    .map((mark) => `<li>${DESCENT_LOSS_LABELS[mark.loss]}: ${undefinedWords(mark.loss)}.</li>`)
    .join('');
  return `
    <p class="al-descent-summary" data-value="summary">${summary}</p>
    <div class="al-table-scroll" tabindex="0" role="region" aria-label="Each shown loss at the current w and b">
      <table class="al-descent-table">
        <caption>Each shown loss at the current w and b</caption>
        <thead><tr><th scope="col">loss</th><th scope="col">L</th><th scope="col">∂L/∂w</th><th scope="col">∂L/∂b</th></tr></thead>
        <tbody>${rows}</tbody>
      </table>
    </div>
    ${notes ? `<ul class="al-descent-notes" data-part="undefined-notes">${notes}</ul>` : ''}`;
}

/** The article's example as a table: four predicted probabilities for a point of true class 1 and what each loss charges. */
export function exampleMarkup(rows: readonly ExampleRow[]): string {
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${formatFixed(row.probability, 2)}</th><td>${row.probability > 0.5 ? 1 : 0}</td><td>${row.zeroOne}</td><td>${formatValue(row.crossEntropy)}</td><td>${formatValue(row.squaredError)}</td><td>${formatValue(row.logit)}</td><td>${formatValue(row.hinge)}</td><td>${formatValue(row.perceptron)}</td></tr>`,
    )
    .join('');
  return `
    <div class="al-table-scroll" tabindex="0" role="region" aria-label="The article’s example: four predictions for a point of class 1">
      <table class="al-descent-table" data-part="example-table">
        <caption>The article’s example: four predicted probabilities p for one point whose true class is 1</caption>
        <thead><tr><th scope="col">p</th><th scope="col">class</th><th scope="col">0&#8209;1</th><th scope="col">cross-entropy</th><th scope="col">squared error</th><th scope="col">logit z</th><th scope="col">hinge</th><th scope="col">perceptron</th></tr></thead>
        <tbody>${body}</tbody>
      </table>
    </div>
    <p class="al-descent-note">The class predicted is 1 when p &gt; 0.5, and the 0-1 column is 1 for a mistake. Cross-entropy is −ln p and squared error (1 − p)². Hinge, max(0, 1 − z), and the perceptron loss, max(0, −z), take the logit z = ln(p/(1 − p)), the score whose sigmoid is p.</p>
    <p class="al-descent-note">0-1 loss charges 0.49 and 0.01 the same, 1, and 0.51 and 0.99 the same, 0: it cannot tell a near miss from a confident mistake. Cross-entropy charges the confident mistake more than six times the near miss. The perceptron loss charges nothing for any right answer, however unsure.</p>`;
}
