/** Helpers shared by the engine's measurement tests. */
import { createDataset, createRandom, type Dataset } from '../../../../src/lib/index.ts';

/** `rows` rows of standard normal inputs with random 0/1 labels, drawn from stream 2 of `seed`. */
export function randomBatch(seed: number, inputs: number, rows: number): Dataset {
  const random = createRandom(seed, 2);
  const x = Float64Array.from({ length: rows * inputs }, () => random.normal());
  const y = Float64Array.from({ length: rows }, () => random.integer(2));
  return createDataset(x, y, inputs, 1, 2);
}
