/**
 * The seed article's lab problem, prepared once so that both engines train on identical data:
 * make_moons(2000, noise 0.2, seed 42), a 70/15/15 split, standardised on the training set.
 */
import { makeMoons, splitDataset, standardizeSplit, type Split, type TrainingConfig } from '../../src/lib/index.ts';

/** Epochs the lab trains for. */
export const LAB_EPOCHS = 500;

/** The lab's data, split and standardised. */
export function labData(): Split {
  return standardizeSplit(splitDataset(makeMoons({ size: 2000, noise: 0.2, seed: 42 }), { train: 0.7, validation: 0.15 }, 42));
}

/** 2→32→16→8→1, ReLU hidden, sigmoid output, Xavier init; SGD lr 0.05, batch 64, BCE. */
export function labConfig(seed: number): TrainingConfig {
  return {
    network: { layers: [2, 32, 16, 8, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed },
    loss: 'bce',
    optimizer: { kind: 'sgd', learningRate: 0.05 },
    batchSize: 64,
  };
}

/** One timed run: wall-clock milliseconds and the resulting test accuracy. */
export interface Run {
  readonly ms: number;
  readonly testAccuracy: number;
}
