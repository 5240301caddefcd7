/**
 * Seeded randomness on pure-rand's xoroshiro128+ generator: the same seed and stream give the
 * same numbers on every run, so every data set, initialisation and shuffle is reproducible.
 * The 128-bit state is filled from the seed by SplitMix32, as the generator's authors advise:
 * pure-rand's own seeding puts the seed into the state almost as it is, and its first outputs
 * then follow the seed (the first uniform is 0.99999... for every small seed).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of random numbers. Each instance owns its generator state. */
export interface RandomSource {
  /** Uniform on [0, 1), a multiple of 2^-53. */
  uniform(): number;
  /** Standard normal, by the Box–Muller transform on two uniforms. */
  normal(): number;
  /** Uniform integer in [0, n). */
  integer(n: number): number;
  /** Shuffles the first `length` entries of `values` in place (Fisher–Yates). */
  shuffle(values: { [index: number]: number; length: number }, length?: number): void;
}

/** The largest seed accepted; seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;

/** Throws an Error saying what a seed must be unless `seed` is an integer in [0, 2^32). */
export function checkSeed(seed: unknown, owner = 'seed'): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new Error(`${owner} must be an integer in [0, ${MAX_SEED}], got ${String(seed)}`);
  }
  return seed;
}

/** Four well-mixed 32-bit words from `seed` by SplitMix32 (Weyl sequence plus an avalanche hash). */
function splitMix32State(seed: number): number[] {
  let weyl = seed | 0;
  return Array.from({ length: 4 }, () => {
    weyl = (weyl + 0x9e3779b9) | 0;
    let z = weyl;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return z ^ (z >>> 15);
  });
}

/**
 * A random source for `seed`. Different `stream` numbers give independent sequences from one
 * seed (each is 2^64 steps further along, by the generator's jump), so that, for example,
 * weight initialisation does not change when the shuffling draws more numbers.
 */
export function createRandom(seed: number, stream = 0): RandomSource {
  checkSeed(seed);
  const generator = xoroshiro128plusFromState(splitMix32State(seed));
  for (let jump = 0; jump < stream; jump++) generator.jump();
  // Box–Muller yields normals in pairs; the second waits here for the next call.
  let spareNormal = Number.NaN;
  return {
    uniform: () => uniformFloat64(generator),
    normal: () => {
      if (!Number.isNaN(spareNormal)) {
        const value = spareNormal;
        spareNormal = Number.NaN;
        return value;
      }
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - uniformFloat64(generator)));
      const angle = 2 * Math.PI * uniformFloat64(generator);
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    integer: (n) => uniformInt(generator, 0, n - 1),
    shuffle: (values, length = values.length) => {
      for (let i = length - 1; i > 0; i--) {
        const j = uniformInt(generator, 0, i);
        const held = values[i];
        values[i] = values[j];
        values[j] = held;
      }
    },
  };
}
