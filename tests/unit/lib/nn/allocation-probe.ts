/**
 * Run by record.test.ts in a Node process of its own, with V8's optimising compiler on the main
 * thread (--no-concurrent-recompilation), so that what is measured does not depend on how busy
 * the machine is: young-generation bytes per batch of Trainer.epochInto, and per epoch of
 * Trainer.epoch, printed as one JSON line. `--junk` allocates a one-element array per batch, to
 * show that the measure sees one.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { createTrainer, createTrainingRecord, makeMoons, splitDataset, standardizeSplit, type TrainingConfig } from '../../../../src/lib/index.ts';

const moons = standardizeSplit(splitDataset(makeMoons({ size: 400, noise: 0.2, seed: 5 }), { train: 0.7, validation: 0.15 }, 5));
const data = { train: moons.train, validation: moons.validation };
const config: TrainingConfig = {
  network: { layers: [2, 12, 6, 1], hiddenActivation: 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 9 },
  loss: 'bce',
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  batchSize: 8,
};
const BATCHES = Math.ceil(data.train.size / 8);
const junk = process.argv.includes('--junk');
const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? Number.NaN;

/** The least young-generation growth per epoch over windows of 25 epochs (a minor GC shrinks it; such windows are skipped). */
function leastPerEpoch(epoch: () => void): number {
  for (let e = 0; e < 200; e++) epoch();
  let least = Infinity;
  for (let window = 0; window < 12; window++) {
    const before = young();
    for (let e = 0; e < 25; e++) epoch();
    const grown = young() - before;
    if (grown >= 0) least = Math.min(least, grown / 25);
  }
  return least;
}

const trainer = createTrainer(config, data);
const record = createTrainingRecord(600, 3);
const held: unknown[] = [];
const recorded = leastPerEpoch(() => {
  trainer.epochInto(record);
  if (junk) for (let b = 0; b < BATCHES; b++) held[0] = [b];
});
const objects = createTrainer(config, data);
const returned = leastPerEpoch(() => void objects.epoch());
console.log(JSON.stringify({ recordedPerBatch: recorded / BATCHES, returnedPerEpoch: returned }));
