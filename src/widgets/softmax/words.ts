/**
 * The softmax widget's results in words: the charts' descriptions, the live region's
 * announcement and why the naive formula failed. Every number goes through common/format.ts;
 * the naive side's IEEE values are named on purpose (`naiveText`), since showing them is the point.
 */
import { decimalsOf, formatExponential, formatFixed } from '../common/format.ts';
import { OVERFLOW_EXPONENT, type SoftmaxResult } from './model.ts';

/** A value with at most two decimals and no trailing zeros: 1000, 0.1, 1.33. */
export function formatShort(value: number): string {
  return formatFixed(value, Math.min(2, decimalsOf(value)));
}

/**
 * A value of the naive formula as float64 holds it: "Infinity" and "NaN" by their IEEE names
 * (the one place the course shows them, because the widget is about where they come from).
 */
export function naiveText(value: number, format: (value: number) => string = (v) => formatExponential(v, 2)): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  return format(value);
}

/** "class 1 0.644, class 2 0.237" for a list of values. */
function byClass(values: readonly number[], format: (value: number) => string): string {
  return values.map((value, index) => `class ${index + 1} ${format(value)}`).join(', ');
}

/** The logits chart's description. */
export function describeLogits(result: SoftmaxResult): string {
  return `Logits: ${byClass(result.logits, formatShort)}. Drag a bar up or down, or use its slider, to change a logit.`;
}

/** The stable probabilities' description. */
export function describeProbabilities(result: SoftmaxResult): string {
  return `With the largest logit subtracted first: ${byClass(result.probabilities, (p) => formatFixed(p, 3))}. They sum to 1.`;
}

/** The naive probabilities' description, with NaN named as such. */
export function describeNaive(result: SoftmaxResult): string {
  const values = byClass(result.naive.probabilities, (p) => naiveText(p, (v) => formatFixed(v, 3)));
  const failed = result.naive.notANumber.length;
  return `Computed as exp(z) over the sum of exp(z): ${values}.${failed > 0 ? ` ${failed === 1 ? 'One class has' : `${failed} classes have`} no probability: NaN, not a number.` : ''}`;
}

/** The Jacobian heatmap's description: its diagonal and its most negative entry. */
export function describeJacobian(result: SoftmaxResult): string {
  const diagonal = result.jacobian.map((row, i) => row[i]);
  const off = result.jacobian.flatMap((row, i) => row.filter((_, j) => j !== i));
  return `Diagonal entries p_i(1 − p_i): ${diagonal.map((value) => formatFixed(value, 3)).join(', ')}. Off the diagonal every entry is −p_i p_j, at least ${formatFixed(Math.min(...off), 3)}. Every row sums to 0, because the probabilities always sum to 1.`;
}

/** The gradient chart's description (the gradient is with respect to the scaled logits z/T). */
export function describeGradient(result: SoftmaxResult): string {
  return `For true class ${result.trueClass + 1}, the gradient with respect to z/T, p − y: ${byClass(result.gradient, (g) => formatFixed(g, 3))}. The true class's bar is p − 1, never positive; every other bar is its p.`;
}

/** Why the naive formula failed, or that it did not, in plain text (the panel shows the same with superscripts). */
export function naiveExplanation(result: SoftmaxResult): string {
  const largest = Math.max(...result.scaled);
  if (result.naive.failure === 'overflow') {
    return `e^${formatShort(largest)} is larger than the largest float64 number, 1.8 × 10^308, so it becomes Infinity, and Infinity / Infinity is NaN; subtracting the largest logit first makes every exponent ≤ 0, so the stable side stays exact.`;
  }
  if (result.naive.failure === 'underflow') {
    return `e^${formatShort(largest)} and every other term is below half the smallest positive float64 number (half of 4.9 × 10^−324), so each rounds to 0, and 0 / 0 is NaN; subtracting the largest logit first makes the largest exponent 0, whose term is 1.`;
  }
  return `Both formulas agree here: the largest exponent, z/T = ${formatShort(largest)}, is below ${formatFixed(OVERFLOW_EXPONENT, 2)}, where e^x overflows float64. Raise a logit until z/T passes that (type 710 at T = 1), or lower T, to break the naive side.`;
}

/** What the live region says after a change: the probabilities, the entropy and any naive failure. */
export function announcement(result: SoftmaxResult): string {
  const failed = result.naive.notANumber.map((index) => index + 1);
  const naive = failed.length > 0 ? ` The naive formula gives NaN for class ${failed.join(', ')}.` : '';
  return `Probabilities: ${byClass(result.probabilities, (p) => formatFixed(p, 3))}. Entropy ${formatFixed(result.entropyNats, 2)} nats.${naive}`;
}
