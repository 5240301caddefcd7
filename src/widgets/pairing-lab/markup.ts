/**
 * The pairing lab's HTML parts, as markup strings from pure data: the legend, the refusals and
 * the final-figures table, which the build-time figure and the live view both show, and the
 * live view's frame, whose parts (data-part) view.ts fills.
 */
import { escapeHtml } from '../common/format.ts';
import { SIDE_STYLE } from './figures.ts';
import { SIDES, type Side } from './protocol.ts';
import type { FinalRow } from './words.ts';

/** A short sample of a run's line and marker, in its colour and dash. */
function sample(side: Side): string {
  const style = SIDE_STYLE[side];
  const dash = style.dash === 'none' ? '' : ` stroke-dasharray="${style.dash}"`;
  const marker = style.symbol === 'circle' ? '<circle cx="18" cy="6" r="3.5"/>' : '<rect x="14.5" y="2.5" width="7" height="7"/>';
  return `<svg class="al-pairing-sample" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="34" y2="6" stroke="${style.colour}" stroke-width="2.5"${dash}/><g fill="${style.colour}">${marker}</g></svg>`;
}

/** The charts' legend: each run's sample beside its title and, in words, its line and marker (or that it is refused). */
export function legendMarkup(titles: Readonly<Record<Side, string>>, refused: readonly Side[] = []): string {
  const items = SIDES.map((side) => `<li>${sample(side)}${escapeHtml(titles[side])} (${refused.includes(side) ? 'refused, not drawn' : SIDE_STYLE[side].words})</li>`);
  return `<ul class="al-legend al-pairing-legend" aria-label="Legend for the charts">${items.join('')}</ul>`;
}

/** A note for each refused run, saying why in the engine's words. */
export function refusalsMarkup(rows: readonly FinalRow[]): string {
  return rows
    .filter((row) => row.refusal !== null)
    .map((row) => {
      const why = row.refusal ?? '';
      return `<p class="al-pairing-refusal" role="note"><strong>Run ${escapeHtml(row.title)} is refused.</strong> ${escapeHtml(why.charAt(0).toUpperCase() + why.slice(1))}</p>`;
    })
    .join('');
}

/** Both runs' figures at the latest epoch as a table; the score's column is named by what it is (accuracy, RMSE). */
export function finalsTableMarkup(rows: readonly FinalRow[], caption: string): string {
  const scored = rows.find((row) => row.refusal === null) ?? rows[0];
  const scoreName = scored.scoreName.charAt(0).toUpperCase() + scored.scoreName.slice(1);
  const body = rows
    .map((row) => `<tr><th scope="row">${escapeHtml(row.title)}</th><td>${row.loss}</td><td>${escapeHtml(row.score)}</td><td>${row.firstGradient}</td><td>${row.lastGradient}</td></tr>`)
    .join('');
  return `<table class="al-pairing-finals al-number-table">
      <caption>${escapeHtml(caption)}</caption>
      <thead><tr><th scope="col">Run</th><th scope="col">Validation loss</th><th scope="col">${scoreName}</th><th scope="col">Output gradient, epoch 1</th><th scope="col">Output gradient, last epoch</th></tr></thead>
      <tbody>${body}</tbody>
    </table>`;
}

/** The table in its own keyboard-reachable region that scrolls sideways on a narrow screen. */
export function finalsMarkup(rows: readonly FinalRow[], caption: string, key: string): string {
  return `<div class="al-table-scroll" tabindex="0" role="region" aria-label="Final figures of runs A and B (${escapeHtml(key)})">${finalsTableMarkup(rows, caption)}</div>`;
}

/** The live widget's frame. */
export function pairingMarkup(): string {
  return `
  <p class="al-notice" data-part="notice" hidden></p>
  <div class="al-control-row" data-part="group-pairing" data-print="hide"></div>
  <div class="al-run-toolbar" data-print="hide">
    <button type="button" class="al-button al-button-primary" data-part="play" aria-pressed="false">Train</button>
    <button type="button" class="al-button" data-part="step">Step one epoch</button>
    <button type="button" class="al-button" data-part="reset">Reset</button>
  </div>
  <div data-part="retrain" data-print="hide"></div>
  <p class="al-run-status" data-part="status"></p>
  <div data-part="refusals"></div>
  <div data-part="legend"></div>
  <div class="al-pairing-charts">
    <div class="al-chart" data-part="loss"></div>
    <div class="al-chart" data-part="score"></div>
    <div class="al-chart" data-part="gradient"></div>
  </div>
  <div data-part="finals"></div>
  <fieldset class="al-control-group al-pairing-settings" data-part="group-training" data-print="hide"><legend>Training (both runs)</legend></fieldset>
  <p class="visually-hidden" data-part="live"></p>`;
}
