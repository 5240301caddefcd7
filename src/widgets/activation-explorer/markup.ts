/**
 * The explorer's HTML parts that the build-time figure and the live view both show, as markup
 * strings from pure data: the legend, the probe's readout table and each function's formula and
 * properties. One source, so the still widget and the live one say the same things.
 */
import type { ActivationId } from '../../lib/index.ts';
import { escapeHtml } from '../common/format.ts';
import { SERIES_STYLES } from './figures.ts';
import type { ActivationExplorerState } from './state.ts';
import { formatZ, propertyLines, type ReadoutRow } from './words.ts';

/** A short line in a slot's colour and dash, the legend's sample of the chart's line. */
export function lineSample(slot: number): string {
  const style = SERIES_STYLES[slot];
  const dash = style.dash === 'none' ? '' : ` stroke-dasharray="${style.dash}"`;
  return `<svg class="ae-sample" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="34" y2="6" stroke="${style.colour}" stroke-width="2.5"${dash}/></svg>`;
}

/** The legend: each slot's line sample, series name and the dash in words. */
export function legendMarkup(names: readonly string[]): string {
  const items = names.map(
    (name, slot) => `<li data-slot="${slot + 1}">${lineSample(slot)}<span class="ae-series-name">${escapeHtml(name)}</span> <span class="ae-dash">(${SERIES_STYLES[slot].dashName})</span></li>`,
  );
  return `<ul class="ae-legend" aria-label="Legend">${items.join('')}</ul>`;
}

/** The probe's readout as a table with caption and headers, and the kink notes under it. */
export function readoutMarkup(state: ActivationExplorerState, rows: readonly ReadoutRow[]): string {
  const body = rows
    .map((row) => `<tr><th scope="row">${escapeHtml(row.name)}</th><td>${row.f}</td><td>${row.df}</td><td>${row.estimate}</td><td>${escapeHtml(row.difference)}</td></tr>`)
    .join('');
  const notes = rows.filter((row) => row.note).map((row) => `<li><strong>${escapeHtml(row.name)}:</strong> ${escapeHtml(row.note ?? '')}</li>`);
  return `<div class="ae-table-scroll" tabindex="0" role="region" aria-label="Probe readout"><table class="ae-readout">
<caption>The probe at z = ${formatZ(state.z)}</caption>
<thead><tr><th scope="col">Function</th><th scope="col">f(z)</th><th scope="col">f′(z), library</th><th scope="col">Central difference</th><th scope="col">Relative difference</th></tr></thead>
<tbody>${body}</tbody></table></div>${notes.length > 0 ? `<ul class="ae-kink-notes">${notes.join('')}</ul>` : ''}`;
}

/** One function's card: its name with the line sample, its typeset formulas and its computed properties. */
export function aboutMarkup(state: ActivationExplorerState, id: ActivationId, slot: number, name: string, formulaHtml: string): string {
  const lines = propertyLines(state, id)
    .map((line) => `<div><dt>${escapeHtml(line.term)}</dt><dd>${escapeHtml(line.value)}</dd></div>`)
    .join('');
  return `<section class="ae-about" data-about="${id}" aria-label="${escapeHtml(name)}"><p class="ae-about-title">${lineSample(slot)}<strong>${escapeHtml(name)}</strong></p>${formulaHtml}<dl class="ae-properties">${lines}</dl></section>`;
}

/** The cards of every chosen function, in slot order. */
export function aboutListMarkup(state: ActivationExplorerState, ids: readonly ActivationId[], names: readonly string[], formulaOf: (id: ActivationId) => string): string {
  return ids.map((id, slot) => aboutMarkup(state, id, slot, names[slot], formulaOf(id))).join('');
}

/** An activation's typeset formula and derivative (KaTeX HTML made at build time), keyed by id. */
export function formulaMarkup(id: ActivationId, f: string, df: string): string {
  return `<div class="ae-formula" data-formula="${id}"><div class="ae-formula-line">${f}</div><div class="ae-formula-line">${df}</div></div>`;
}
