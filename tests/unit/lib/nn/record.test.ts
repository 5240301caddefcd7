import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createTrainer, createTrainingRecord, makeMoons, splitDataset, standardizeSplit, type TrainingConfig } from '../../../../src/lib/index.ts';

const moons = standardizeSplit(splitDataset(makeMoons({ size: 400, noise: 0.2, seed: 5 }), { train: 0.7, validation: 0.15 }, 5));
const data = { train: moons.train, validation: moons.validation };
const config = (overrides: Partial<TrainingConfig> = {}): TrainingConfig => ({
  network: { layers: [2, 12, 6, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 9 },
  loss: 'bce',
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  batchSize: 32,
  ...overrides,
});

/** Bytes in V8's young generation, where short-lived objects and boxed numbers go. */
const youngBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? Number.NaN;

/** Young-generation bytes `work` leaves behind; retried when a minor GC ran meanwhile (the count went down). */
function allocatedBy(work: () => void): number {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = youngBytes();
    work();
    const grown = youngBytes() - before;
    if (grown >= 0) return grown;
  }
  throw new Error('a minor GC ran during every attempt');
}

describe('training records (Trainer.epochInto)', () => {
  it.each([
    ['SGD', config()],
    ['Adam, Leaky ReLU', config({ optimizer: { kind: 'adam', learningRate: 0.01 }, network: { ...config().network, hiddenActivation: 'leaky_relu' } })],
    ["the article's backward pass", config({ backward: 'article' })],
  ])('hold the same epochs, bit for bit, as Trainer.epoch with %s', (_, trainingConfig) => {
    const byObject = createTrainer(trainingConfig, data);
    const byRecord = createTrainer(trainingConfig, data);
    const record = createTrainingRecord(20, 3);
    for (let e = 0; e < 20; e++) {
      const metrics = byObject.epoch();
      expect(byRecord.epochInto(record)).toBe(!metrics.diverged);
      expect([record.trainLoss[e], record.trainAccuracy[e], record.validationLoss[e], record.validationAccuracy[e]]).toEqual([
        metrics.trainLoss,
        metrics.trainAccuracy,
        metrics.validationLoss,
        metrics.validationAccuracy,
      ]);
      expect([...record.gradientNorms.subarray(3 * e, 3 * e + 3)]).toEqual(metrics.gradientNorms);
    }
    expect(record.length).toBe(20);
    expect(byRecord.network.parameters.map((p) => [...p])).toEqual(byObject.network.parameters.map((p) => [...p]));
  });

  it('allocate no object or array per batch or epoch (only a few bytes of boxed numbers stay)', () => {
    // The least of up to 40 windows of 25 epochs (35 batches each), after a warm-up, stopping at
    // the first window under 12 bytes a batch: on a busy machine (the whole suite in parallel) V8 may
    // still be optimising during the first ones, and unoptimised code boxes every number. An array
    // per batch keeps every window above it.
    const leastPerEpoch = (epoch: () => void) => {
      for (let e = 0; e < 100; e++) epoch();
      let least = Infinity;
      for (let window = 0; window < 40 && least >= 12 * 35; window++) {
        least = Math.min(least, allocatedBy(() => {
          for (let e = 0; e < 25; e++) epoch();
        }) / 25);
      }
      return least;
    };
    const trainer = createTrainer(config({ batchSize: 8 }), data);
    const record = createTrainingRecord(1200, 3);
    const recorded = leastPerEpoch(() => trainer.epochInto(record));
    const objects = createTrainer(config({ batchSize: 8 }), data);
    const returned = leastPerEpoch(() => objects.epoch());
    // epoch() returns a metrics object and a norms array every epoch: the measure sees them.
    expect(returned).toBeGreaterThan(100);
    // Measured: about 7 bytes a batch (V8's boxed numbers), up to 24 with the whole suite running
    // in parallel on two cores; a one-element array a batch adds about 58, and so did the SGD
    // step when it returned its sum of squares (four boxed numbers a batch when not inlined).
    expect(recorded / 35).toBeLessThan(40);
    expect(recorded).toBeLessThan(returned);
  });

  it('refuse a full record or one for another network', () => {
    const trainer = createTrainer(config(), data);
    const full = createTrainingRecord(1, 3);
    trainer.epochInto(full);
    expect(() => trainer.epochInto(full)).toThrow(/full/);
    expect(() => trainer.epochInto(createTrainingRecord(5, 4))).toThrow(/4 layers/);
    expect(() => createTrainingRecord(0, 3)).toThrow(/capacity/);
  });
});
