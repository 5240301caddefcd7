import { describe, expect, test } from 'vitest';
import { createTrainer } from '../../../../src/lib/index.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { deadShares, measureNetworkUnits, prepareMoons, trainingConfig } from '../../../../src/widgets/dying-relu/model.ts';
import { SCHEMA, sideSettings, type DyingState } from '../../../../src/widgets/dying-relu/state.ts';
import { harness } from './harness.ts';

const short: DyingState = { ...defaultState(SCHEMA), epochs: 10 };

describe('the dying-ReLU session', () => {
  test('both sides give the same numbers as a direct createTrainer run', () => {
    const session = harness();
    session.send({ type: 'start', state: short, play: true });
    session.runQueue();
    const progress = session.progress();
    const last = progress.at(-1)!;
    expect(last.running).toBe(false);
    const data = prepareMoons(short.seed);
    for (const side of ['A', 'B'] as const) {
      const trainer = createTrainer(trainingConfig(sideSettings(short, side)), data);
      const points = progress.flatMap((report) => report.sides[side].points);
      expect(points.map((point) => point.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const point of points.slice(1)) {
        const metrics = trainer.epoch();
        expect(point.trainLoss).toBe(metrics.trainLoss);
        expect(point.validationAccuracy).toBe(metrics.validationAccuracy);
        expect(point.deadShares).toEqual(deadShares(measureNetworkUnits(trainer.network, data.train).layers));
      }
      expect(last.sides[side].status).toBe('completed');
      expect(last.sides[side].units.layers.map((layer) => layer.length)).toEqual([16, 16, 16]);
    }
    // The default run kills ReLU units; Leaky ReLU's units are never dead in that sense of the word, only all-negative.
    expect(last.sides.A.points.at(-1)!.deadShares.some((share) => share > 0.2)).toBe(true);
  });

  test('step trains one epoch of each side; pause stops a run between slices', () => {
    const session = harness();
    session.send({ type: 'start', state: short, play: false });
    session.send({ type: 'step' });
    expect(session.progress().at(-1)!.sides.A.epoch).toBe(1);
    expect(session.progress().at(-1)!.sides.B.epoch).toBe(1);
    session.send({ type: 'play' });
    session.send({ type: 'pause' });
    session.runQueue();
    const last = session.progress().at(-1)!;
    expect(last.running).toBe(false);
    expect(last.sides.A.epoch).toBeLessThan(10);
  });

  test('requests and slices of a superseded run are ignored', () => {
    const session = harness();
    session.send({ type: 'start', state: short, play: true });
    const stale = session.run();
    session.send({ type: 'start', state: { ...short, epochs: 5 }, play: false });
    const before = session.reports.length;
    session.send({ type: 'step' }, stale);
    session.send({ type: 'play' }, stale);
    session.runQueue();
    expect(session.reports.length).toBe(before);
    expect(session.reports.every((report) => report.run === stale || report.run === session.run())).toBe(true);
  });

  test('a side whose loss stops being finite stops with a message; the other trains on', () => {
    const session = harness();
    // PReLU at SGD 2 diverges in its first epoch (measured); ReLU does not.
    session.send({ type: 'start', state: { ...short, activationB: 'prelu', epochs: 5 }, play: true });
    session.runQueue();
    const last = session.progress().at(-1)!;
    expect(last.sides.B.status).toBe('diverged');
    expect(last.sides.B.message).toMatch(/Run B stopped in epoch 1: its loss stopped being a finite number/);
    expect(last.sides.A.status).toBe('completed');
    expect(last.sides.A.epoch).toBe(5);
  });

  test('a start that cannot be built reports an error and leaves no run', () => {
    const session = harness();
    session.send({ type: 'start', state: { ...short, seed: -1 }, play: false });
    expect(session.reports.at(-1)).toMatchObject({ type: 'error' });
    session.send({ type: 'step' });
    expect(session.reports.at(-1)).toMatchObject({ type: 'error' });
    expect(session.progress()).toHaveLength(0);
  });

  test('a retrain reports once, when both sides stop, with every epoch from 0: the same as an ordinary run', () => {
    const ordinary = harness();
    ordinary.send({ type: 'start', state: short, play: true });
    ordinary.runQueue();
    const retrain = harness();
    retrain.send({ type: 'start', state: short, play: true, retrain: true });
    expect(retrain.reports).toEqual([]);
    retrain.runQueue();
    const [only, ...more] = retrain.progress();
    expect(more).toEqual([]);
    expect(only.running).toBe(false);
    const last = ordinary.progress().at(-1)!;
    for (const side of ['A', 'B'] as const) {
      expect(only.sides[side].points).toEqual(ordinary.progress().flatMap((report) => report.sides[side].points));
      expect(only.sides[side].revivedCounts).toEqual(last.sides[side].revivedCounts);
      expect(only.sides[side].status).toBe('completed');
    }
  });

  test('a start during a retrain drops it between slices: only the newest run reports', () => {
    const session = harness();
    session.send({ type: 'start', state: { ...short, epochs: 200 }, play: true, retrain: true });
    session.queue.shift()!();
    session.send({ type: 'start', state: { ...short, epochs: 3 }, play: true, retrain: true });
    session.runQueue();
    expect(session.reports.map((report) => report.run)).toEqual([2]);
    expect(session.progress()[0].sides.A.epoch).toBe(3);
  });
});
