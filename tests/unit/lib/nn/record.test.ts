import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTrainer, createTrainingRecord, makeMoons, splitDataset, standardizeSplit, type TrainingConfig } from '../../../../src/lib/index.ts';

/** The allocation probe, run in a process of its own. */
const PROBE = fileURLToPath(new URL('./allocation-probe.ts', import.meta.url));

const moons = standardizeSplit(splitDataset(makeMoons({ size: 400, noise: 0.2, seed: 5 }), { train: 0.7, validation: 0.15 }, 5));
const data = { train: moons.train, validation: moons.validation };
const config = (overrides: Partial<TrainingConfig> = {}): TrainingConfig => ({
  network: { layers: [2, 12, 6, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 9 },
  loss: 'bce',
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  batchSize: 32,
  ...overrides,
});

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
    // Measured in a Node process of its own with V8 optimising on the main thread, so the figure
    // does not depend on how busy the machine is (in this process, with the suite running in
    // parallel, V8 sometimes had not finished optimising and boxed several numbers a batch).
    const probe = (...flags: string[]) =>
      JSON.parse(execFileSync(process.execPath, ['--no-concurrent-recompilation', PROBE, ...flags], { encoding: 'utf8', timeout: 60_000 })) as { recordedPerBatch: number; returnedPerEpoch: number };
    const clean = probe();
    const junk = probe('--junk');
    // Measured: about 8.5 bytes a batch (V8's boxed numbers); a one-element array a batch adds about 51.
    expect(clean.recordedPerBatch).toBeLessThan(24);
    expect(junk.recordedPerBatch).toBeGreaterThan(clean.recordedPerBatch + 32);
    // epoch() returns a metrics object and a norms array every epoch: the measure sees them.
    expect(clean.returnedPerEpoch).toBeGreaterThan(100);
  }, 120_000);

  it('refuse a full record or one for another network', () => {
    const trainer = createTrainer(config(), data);
    const full = createTrainingRecord(1, 3);
    trainer.epochInto(full);
    expect(() => trainer.epochInto(full)).toThrow(/full/);
    expect(() => trainer.epochInto(createTrainingRecord(5, 4))).toThrow(/4 layers/);
    expect(() => createTrainingRecord(0, 3)).toThrow(/capacity/);
  });
});
