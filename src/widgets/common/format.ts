/**
 * Numbers and echoed text as a reader sees them, in one place, so every widget says the same
 * thing the same way: no "-0.00", no "NaN" or "Infinity" (a value that cannot be computed says
 * so in words), and no reader-supplied text longer than a line or able to reverse a notice.
 */

/** What a number that is not finite reads as. */
function nonFiniteWords(value: number): string {
  if (Number.isNaN(value)) return 'not a number';
  return value > 0 ? 'infinite' : 'minus infinity';
}

/** `value` with a fixed number of decimals; a value that rounds to zero never shows a minus sign. */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return nonFiniteWords(value);
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? text.replace('-', '') : text;
}

/** How many decimals a number is written with at its shortest: 0.25 has 2, 1e-7 has 7, 100 has 0. */
export function decimalsOf(value: number): number {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

/** A share as a percentage with one decimal ("96.3%"). */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${formatFixed(value * 100, 1)}%` : nonFiniteWords(value);
}

/** A value in scientific notation with `digits` decimals ("1.2e-7"). */
export function formatExponential(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toExponential(digits) : nonFiniteWords(value);
}

/** A whole number with thousands grouped ("4,160"); words when it is not finite. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en') : nonFiniteWords(value);
}

/** "1 epoch", "2 epochs": a count with its noun, singular or plural. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The longest piece of reader-supplied text a message repeats. */
const MAX_ECHO = 40;

/**
 * Untrusted text (a URL value, a typed entry) made safe to repeat in a message: control and
 * bidirectional formatting characters (U+202E and friends, which would reverse the rest of the
 * notice) removed, and anything past `max` characters cut with an ellipsis. Quoted.
 */
export function quoteInput(raw: string, max = MAX_ECHO): string {
  // Cc controls, and the bidi embeddings, overrides, isolates and marks.
  const clean = raw.replace(/[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '');
  const characters = [...clean];
  const shown = characters.length > max ? `${characters.slice(0, max).join('')}…` : clean;
  return `"${shown}"`;
}

/** Text made safe to place in HTML markup (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
