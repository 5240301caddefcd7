// A fingerprint of the engine's float64 results: every epoch's metrics and the final weights, as
// exact bits, for configurations across activations, backward passes, optimisers, batch sizes and
// losses. Speed work on the engine (fused kernels, kept exponentials, one-log BCE) must leave every
// one of these unchanged; a change that moves a result in its last bit fails here, on purpose.
// If a change is meant to alter results, recompute the hashes and say why in the commit.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTrainer, makeMoons, splitDataset, standardizeSplit, type TrainingConfig } from '../../../../src/lib/index.ts';

const moons = standardizeSplit(splitDataset(makeMoons({ size: 300, noise: 0.2, seed: 7 }), { train: 0.7, validation: 0.15 }, 7));

/** The 16 hex digits of a double's bits. */
function bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** Hash of 5 epochs' metrics, the final weights and a test evaluation. */
function fingerprint(config: TrainingConfig): string {
  const trainer = createTrainer(config, { train: moons.train, validation: moons.validation });
  const hash = createHash('sha256');
  for (let e = 0; e < 5 && !trainer.diverged; e++) {
    const m = trainer.epoch();
    hash.update([m.trainLoss, m.trainAccuracy, m.validationLoss, m.validationAccuracy, ...m.gradientNorms].map(bits).join());
  }
  for (const layer of trainer.network.parameters) hash.update(Array.from(layer, bits).join());
  const test = trainer.evaluate(moons.test);
  hash.update(bits(test.loss) + bits(test.accuracy));
  return hash.digest('hex').slice(0, 16);
}

const config = (hidden: string, loss: string, optimizer: 'sgd' | 'adam', batchSize: number, backward: 'correct' | 'article'): TrainingConfig => ({
  network: { layers: [2, 9, 6, 1], hiddenActivation: hidden as 'relu', outputActivation: 'sigmoid', init: 'xavier', seed: 3 },
  loss: loss as 'bce',
  optimizer: { kind: optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.2 },
  batchSize,
  backward,
});

/** Measured on the engine before issue 14's speed work (commit 26d6774) and after: identical. */
const EXPECTED: Record<string, string> = {
  'relu bce sgd 32 correct': '557e8be8431a399b',
  'relu mse adam 7 article': 'a81778cbf3e55c97',
  'leaky_relu bce sgd 32 correct': '434ab65f8645cbc7',
  'leaky_relu mse adam 7 article': '07c0776660bd80b5',
  'prelu bce sgd 32 correct': '1a2aea37cc85ae1d',
  'prelu mse adam 7 article': '0802f25fbaa7f197',
  'sigmoid bce sgd 32 correct': '6ba96f3d33a40654',
  'sigmoid mse adam 7 article': '5a35725923850bb0',
  'tanh bce sgd 32 correct': '355519cb3d56d1a8',
  'tanh mse adam 7 article': '045020bda5686dc4',
  'elu bce sgd 32 correct': '0ba218a7e3eba226',
  'elu mse adam 7 article': 'bc1e88be7e3de74b',
  'gelu bce sgd 32 correct': '1bdef88a207c12cb',
  'gelu mse adam 7 article': '14c45f080fbce6b1',
  'swish bce sgd 32 correct': '666b4a8bafff8465',
  'swish mse adam 7 article': 'ce582853486ccf38',
};

const CASES = ['relu', 'leaky_relu', 'prelu', 'sigmoid', 'tanh', 'elu', 'gelu', 'swish'].flatMap((hidden) =>
  (
    [
      ['bce', 'sgd', 32, 'correct'],
      ['mse', 'adam', 7, 'article'],
    ] as const
  ).map(([loss, optimizer, batch, backward]) => [`${hidden} ${loss} ${optimizer} ${batch} ${backward}`, config(hidden, loss, optimizer, batch, backward)] as const),
);

describe('the float64 engine fingerprint', () => {
  it.each(CASES)('is unchanged for %s', (name, trainingConfig) => {
    expect(fingerprint(trainingConfig)).toBe(EXPECTED[name]);
  });
});
