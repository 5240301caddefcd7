/**
 * Softmax and log-softmax by the log-sum-exp trick: subtracting the largest logit first keeps
 * every exponential in [0, 1], so logits of ±1000 give exact, finite results.
 */
import { describe } from './params.ts';

/** The largest of `count` entries of `z` starting at `offset`, `stride` apart. */
export function maxStrided(z: ArrayLike<number>, offset: number, count: number, stride: number): number {
  let max = -Infinity;
  for (let k = 0, i = offset; k < count; k++, i += stride) if (z[i] > max) max = z[i];
  return max;
}

/**
 * log Σ exp(z - shift) over `count` strided entries, with shift their maximum: kept apart from
 * the shift so that z - logsumexp(z) is computed as (z - shift) - this, without cancellation.
 */
export function logSumExpShifted(z: ArrayLike<number>, offset: number, count: number, stride: number, shift: number): number {
  let sum = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) sum += Math.exp(z[i] - shift);
  return Math.log(sum);
}

/** Writes softmax of `count` strided entries of `z` into the same positions of `out` (may alias z). */
export function softmaxStrided(
  z: ArrayLike<number>,
  out: Float64Array | Float32Array | number[],
  offset: number,
  count: number,
  stride: number,
): void {
  const max = maxStrided(z, offset, count, stride);
  let sum = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) {
    const e = Math.exp(z[i] - max);
    out[i] = e;
    sum += e;
  }
  const scale = 1 / sum;
  for (let k = 0, i = offset; k < count; k++, i += stride) out[i] *= scale;
}

function checkLogits(z: readonly number[], owner: string): void {
  if (!Array.isArray(z) || z.length === 0) {
    throw new Error(`${owner}: expected a non-empty array of logits, got ${describe(z)}`);
  }
  let anyFinite = false;
  for (let i = 0; i < z.length; i++) {
    const value = z[i];
    if (typeof value !== 'number' || Number.isNaN(value) || value === Infinity) {
      throw new Error(`${owner}: logit ${i} must be a number below +Infinity, got ${describe(value)}`);
    }
    if (value !== -Infinity) anyFinite = true;
  }
  if (!anyFinite) throw new Error(`${owner}: at least one logit must be finite`);
}

/** softmax(z)_i = e^{z_i} / Σ_j e^{z_j}, stable for any finite logits; -Infinity gives 0. */
export function softmax(z: readonly number[]): number[] {
  checkLogits(z, 'softmax');
  const out = new Array<number>(z.length);
  softmaxStrided(z, out, 0, z.length, 1);
  return out;
}

/** logSoftmax(z)_i = z_i - log Σ_j e^{z_j}, exact where log(softmax(z)) would give -Infinity. */
export function logSoftmax(z: readonly number[]): number[] {
  checkLogits(z, 'logSoftmax');
  const max = maxStrided(z, 0, z.length, 1);
  const logSum = logSumExpShifted(z, 0, z.length, 1, max);
  return z.map((value) => value - max - logSum);
}
