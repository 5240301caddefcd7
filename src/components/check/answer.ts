/**
 * The pure rules of a self-check: reading a typed number and judging an answer. No DOM, so the
 * unit tests run them in Node and the page runs the same code.
 */

/** A typed number: its value, or the sentence that says why it was refused. */
export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/**
 * Reads what a reader typed: a decimal ("0.25", ".25", "-3"), an exponent form ("2.5e-1") or a
 * fraction of whole numbers ("1/4"). A typographic minus and spaces around it are allowed; a
 * decimal comma is refused with advice rather than guessed at, since "1,000" could mean either.
 */
export function parseNumber(raw: string): ParsedNumber {
  const text = raw.trim().replace(/\u2212/g, '-').replace(/^([+-])\s+/, '$1');
  if (text === '') return { ok: false, message: 'Type a number first.' };
  if (/^[+-]?\d*,\d+$/.test(text)) return { ok: false, message: 'Use a point for the decimals, as in 0.25.' };
  if (DECIMAL.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { ok: true, value };
    return { ok: false, message: 'That number is too large to check.' };
  }
  const fraction = FRACTION.exec(text);
  if (fraction) {
    const denominator = Number(fraction[2]);
    if (denominator === 0) return { ok: false, message: 'A fraction cannot divide by zero.' };
    return { ok: true, value: Number(fraction[1]) / denominator };
  }
  return { ok: false, message: 'That is not a number. Type a decimal such as 0.25, an exponent such as 2.5e-1, or a fraction such as 1/4.' };
}

/** How a numeric answer compares with the expected one. */
export type NumericVerdict = 'right' | 'too-high' | 'too-low';

/**
 * Whether `value` is within `tolerance` of `answer`. A hair of slack (1e-12 relative) keeps
 * 0.1 + 0.2 style float noise from failing an answer typed exactly at the tolerance's edge.
 */
export function judgeNumber(value: number, answer: number, tolerance: number): NumericVerdict {
  const slack = 1e-12 * Math.max(1, Math.abs(answer));
  if (Math.abs(value - answer) <= tolerance + slack) return 'right';
  return value > answer ? 'too-high' : 'too-low';
}

/** What a choice question's answer amounts to. */
export interface ChoiceVerdict {
  correct: boolean;
  /** Chosen options that are wrong. */
  wrongChosen: number;
  /** Correct options left unchosen. */
  missed: number;
}

/** Judges the chosen option ids against the correct ones: right only when the two sets are equal. */
export function judgeChoices(chosen: readonly string[], correct: readonly string[]): ChoiceVerdict {
  const wrongChosen = chosen.filter((id) => !correct.includes(id)).length;
  const missed = correct.filter((id) => !chosen.includes(id)).length;
  return { correct: wrongChosen === 0 && missed === 0, wrongChosen, missed };
}

/** The option id for the option at `index`: a, b, c, … as the printed list letters them. */
export function optionId(index: number): string {
  let id = '';
  let rest = index;
  do {
    id = String.fromCharCode(97 + (rest % 26)) + id;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return id;
}

/** The sentence a multiple-choice verdict announces. */
export function choiceSummary(verdict: ChoiceVerdict): string {
  if (verdict.correct) return 'Right: you chose every correct option and nothing else.';
  const parts: string[] = [];
  if (verdict.wrongChosen > 0) parts.push(`${verdict.wrongChosen} of your choices ${verdict.wrongChosen === 1 ? 'is' : 'are'} wrong`);
  if (verdict.missed > 0) parts.push(`${verdict.missed} correct ${verdict.missed === 1 ? 'option is' : 'options are'} missing`);
  return `Not quite: ${parts.join(' and ')}. Read the feedback beside your choices.`;
}
