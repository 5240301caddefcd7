/**
 * The numbers the lesson may quote, measured with the widget's own model: dead units per hidden
 * layer at the end of the default run (2-16-16-16-1 ReLU, He, bias 0, batch 64, 30 epochs,
 * seed 42) at three SGD learning rates, and how many units came back from dead under SGD and
 * under Adam over four seeds and three learning rates each.
 */
import { describe, expect, test } from 'vitest';
import { createTrainer } from '../../../../src/lib/index.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { createRevivalTracker, measureNetworkUnits, prepareMoons, trainingConfig } from '../../../../src/widgets/dying-relu/model.ts';
import { SCHEMA, sideSettings, type DyingState } from '../../../../src/widgets/dying-relu/state.ts';

/** Dead units per layer at the end, and units per layer that revived, for side A of `state`. */
function measure(state: DyingState): { dead: number[]; revived: number[] } {
  const data = prepareMoons(state.seed);
  const trainer = createTrainer(trainingConfig(sideSettings(state, 'A')), data);
  const tracker = createRevivalTracker(state.layers);
  const flags = () => measureNetworkUnits(trainer.network, data.train).layers.map((units) => units.map((unit) => unit.dead));
  tracker.observe(0, flags());
  let last = flags();
  for (let e = 1; e <= state.epochs; e++) {
    if (trainer.epoch().diverged) break;
    last = flags();
    tracker.observe(e, last);
  }
  return { dead: last.map((units) => units.filter(Boolean).length), revived: tracker.revivedCounts() };
}

const defaults = defaultState(SCHEMA);

describe('measured for the lesson (default setup, seed 42, 30 epochs)', () => {
  test('dead units of 16 per hidden layer at SGD learning rates 0.05, 0.5 and 2', () => {
    expect(measure({ ...defaults, lr: 0.05 })).toEqual({ dead: [0, 1, 1], revived: [0, 1, 0] });
    expect(measure({ ...defaults, lr: 0.5 })).toEqual({ dead: [0, 1, 0], revived: [0, 3, 2] });
    expect(measure({ ...defaults, lr: 2 })).toEqual({ dead: [4, 9, 7], revived: [0, 5, 8] });
  });

  test('under SGD no first-layer unit ever came back; under Adam some did, and deeper units came back under both', () => {
    const totals = (optimizer: 'sgd' | 'adam', rates: number[]) => {
      const sum = [0, 0, 0];
      for (const seed of [1, 2, 3, 42]) {
        for (const lr of rates) measure({ ...defaults, seed, lr, optimizer }).revived.forEach((count, l) => (sum[l] += count));
      }
      return sum;
    };
    expect(totals('sgd', [0.5, 1, 2])).toEqual([0, 33, 48]);
    expect(totals('adam', [0.01, 0.05, 0.2])).toEqual([3, 24, 39]);
  }, 30_000);
});
