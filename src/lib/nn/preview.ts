/**
 * The float32 preview: the same trainer with every stored number in 32 bits, so the
 * WebAssembly products take four numbers per instruction instead of two. It exists to show a
 * run's result while a reader drags a slider, and only as a preview: inputs, weights,
 * activations and gradients are rounded to float32 (arithmetic in JavaScript still runs in
 * float64 before the store), so its losses and accuracies differ from the engine's after a few
 * digits, and its run is not the float64 run. A float64 run of the same config confirms every
 * figure a page keeps. Same seed, same preview, bit for bit.
 */
import { buildTrainer, type Trainer, type TrainingConfig, type TrainingData } from './train.ts';
import { FLOAT32 } from './wasm/precision.ts';

/** A trainer like createTrainer's in float32: the labelled fast preview (see above). */
export function createPreviewTrainer(config: TrainingConfig, data: TrainingData): Trainer<Float32Array> {
  // In float32 every array the arena hands out is a Float32Array.
  return buildTrainer(config, data, FLOAT32) as Trainer<Float32Array>;
}
