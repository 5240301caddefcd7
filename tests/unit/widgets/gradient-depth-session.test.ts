import { describe, expect, test } from 'vitest';
import { cloneNetwork, createTrainer, weightDistances } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { prepareMoons } from '../../../src/widgets/gradient-depth/model.ts';
import type { DepthReport, DepthRequest, SideEpoch } from '../../../src/widgets/gradient-depth/protocol.ts';
import { DIVERGENCE_SUGGESTION, createDepthSession, depthEpoch } from '../../../src/widgets/gradient-depth/session.ts';
import { SCHEMA, planOf, type DepthState } from '../../../src/widgets/gradient-depth/state.ts';

const small: DepthState = { ...defaultState(SCHEMA), depth: 3, width: 8, epochs: 10 };

/**
 * The configuration that diverges, as the browser test and the report use it: run B with
 * N(0, 1) weights and ReLU, 20 hidden layers of 64 units, plain SGD at 0.1. Its activations
 * grow about √(64 / 2) ≈ 5.7 times per layer (ReLU keeps half of each layer's second moment), so the gradient of hidden layer 1 overflows to Infinity in
 * the first epoch, while run A (sigmoid, Xavier) trains on.
 */
const DIVERGING: DepthState = { ...defaultState(SCHEMA), initB: 'normal', depth: 20, width: 64, epochs: 10 };

/** A session with a queue for a scheduler and a clock that advances 1 ms per reading. */
function harness() {
  const reports: DepthReport[] = [];
  const queue: (() => void)[] = [];
  let clock = 0;
  const respond = createDepthSession({ post: (report) => reports.push(report), schedule: (work) => queue.push(work), now: () => clock++ });
  const runQueue = (limit = 100_000) => {
    for (let i = 0; i < limit && queue.length > 0; i++) queue.shift()!();
  };
  const of = <T extends DepthReport['type']>(type: T) => reports.filter((report): report is Extract<DepthReport, { type: T }> => report.type === type);
  const epochs = (side?: 'A' | 'B'): SideEpoch[] => of('epochs').flatMap((report) => report.epochs).filter((e) => side === undefined || e.side === side);
  const send = (request: DepthRequest) => respond(request);
  return { send, reports, runQueue, queue, of, epochs };
}

describe('the gradient-depth session', () => {
  test('trains both runs to the end, interleaved, with the same numbers as a direct createTrainer run, bit for bit', () => {
    const { send, runQueue, of, epochs } = harness();
    send({ run: 1, type: 'start', state: small, play: true });
    runQueue();
    expect(of('started')[0]).toMatchObject({ run: 1, epochs: 10 });
    expect(of('started')[0].initial.A.layers).toHaveLength(4);
    expect(epochs().slice(0, 4).map((e) => `${e.side}${e.epoch}`)).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(of('done').map((d) => [d.side, d.epoch])).toEqual([['A', 10], ['B', 10]]);
    const plan = planOf(small);
    for (const side of ['A', 'B'] as const) {
      const trainer = createTrainer(plan.runs[side].training, prepareMoons(small.seed, small.data));
      const initial = cloneNetwork(trainer.network);
      const reported = epochs(side);
      expect(reported).toHaveLength(10);
      for (const e of reported) {
        const metrics = trainer.epoch();
        expect(e).toEqual({ side, ...depthEpoch(metrics, weightDistances(trainer.network, initial)) });
        expect(e.loss).toBe(metrics.trainLoss);
        expect(e.gradientNorms).toEqual(metrics.gradientNorms);
      }
    }
  });

  test('step trains one epoch of each side; pause stops and reports; resume goes on; stale run ids are ignored', () => {
    const { send, runQueue, of, epochs, queue } = harness();
    send({ run: 1, type: 'start', state: small, play: false });
    expect(queue).toHaveLength(0);
    send({ run: 1, type: 'step' });
    expect(epochs().map((e) => `${e.side}${e.epoch}`)).toEqual(['A1', 'B1']);
    send({ run: 1, type: 'resume' });
    send({ run: 1, type: 'pause' });
    runQueue();
    expect(of('paused')).toEqual([{ run: 1, type: 'paused', epochs: { A: 1, B: 1 } }]);
    // A request for another run does nothing.
    send({ run: 0, type: 'step' });
    send({ run: 0, type: 'resume' });
    runQueue();
    expect(epochs()).toHaveLength(2);
    // Reset begins run 2 at initialisation, paused; run 1's requests are then stale.
    send({ run: 2, type: 'reset' });
    send({ run: 1, type: 'resume' });
    runQueue();
    expect(of('started').map((s) => s.run)).toEqual([1, 2]);
    expect(epochs()).toHaveLength(2);
    send({ run: 2, type: 'resume' });
    runQueue();
    expect(epochs().filter((e) => e.epoch === 10)).toHaveLength(2);
    expect(of('epochs').every((r) => r.run === 1 || r.run === 2)).toBe(true);
    expect(of('done').map((d) => d.run)).toEqual([2, 2]);
  });

  test('a reset with no run to reset (a start that failed, or none yet) says so rather than staying silent', () => {
    const { send, of } = harness();
    send({ run: 1, type: 'reset' });
    expect(of('error')).toEqual([{ run: 1, type: 'error', message: 'there is no run to reset, because the last start failed; change a setting to build one' }]);
  });

  test('a diverging run stops on its first Infinity with the message and suggestion, and the other run trains on', () => {
    const { send, runQueue, of, epochs } = harness();
    send({ run: 1, type: 'start', state: DIVERGING, play: true });
    runQueue();
    expect(of('diverged')).toEqual([
      {
        run: 1,
        type: 'diverged',
        side: 'B',
        epoch: 1,
        value: 'gradient',
        layer: 0,
        message: 'Run B (ReLU, N(0, 1)) stopped: its gradient in hidden layer 1 became infinite in epoch 1.',
        suggestion: DIVERGENCE_SUGGESTION,
      },
    ]);
    expect(epochs('B')).toHaveLength(0);
    expect(epochs('A')).toHaveLength(10);
    expect(of('done').map((d) => d.side)).toEqual(['A']);
    for (const e of epochs()) for (const v of [e.loss, ...e.gradientNorms, ...e.relativeDistances]) expect(Number.isFinite(v)).toBe(true);
  });

  test("under the default settings the sigmoid's first layer barely moves while its output layer learns, and every ReLU/He layer moves", () => {
    const { send, runQueue, epochs } = harness();
    send({ run: 1, type: 'start', state: { ...defaultState(SCHEMA), epochs: 30 }, play: true });
    runQueue();
    const a = epochs('A').at(-1)!;
    const b = epochs('B').at(-1)!;
    expect(a.relativeDistances[0]).toBeLessThan(1e-3);
    expect(a.relativeDistances.at(-1)).toBeGreaterThan(0.1);
    for (const distance of b.relativeDistances) expect(distance).toBeGreaterThan(0.01);
    expect(b.loss).toBeLessThan(a.loss);
  });

  test('a retrain sends one report at its end holding what an ordinary run sent on the way, in order', () => {
    const ordinary = harness();
    ordinary.send({ run: 1, type: 'start', state: small, play: true });
    ordinary.runQueue();
    const retrain = harness();
    retrain.send({ run: 1, type: 'start', state: small, play: true, retrain: true });
    expect(retrain.reports).toEqual([]);
    retrain.runQueue();
    expect(retrain.reports.map((report) => report.type)).toEqual(['retrained']);
    const [only] = retrain.of('retrained');
    const held = only.reports;
    expect(held[0]).toEqual(ordinary.reports[0]);
    expect(held.flatMap((report) => (report.type === 'epochs' ? report.epochs : []))).toEqual(ordinary.epochs());
    const ends = (reports: DepthReport[]) => reports.filter((report) => report.type === 'done' || report.type === 'diverged');
    expect(ends(held)).toEqual(ends(ordinary.reports));
    expect(ends(held).map((report) => report.type === 'done' && report.side)).toEqual(['A', 'B']);
  });

  test('a retrain that diverges holds the divergence too; a start during a retrain drops it', () => {
    const diverging = harness();
    diverging.send({ run: 1, type: 'start', state: { ...DIVERGING, epochs: 2 }, play: true, retrain: true });
    diverging.runQueue();
    const [only] = diverging.of('retrained');
    expect(only.reports.find((report) => report.type === 'diverged')).toMatchObject({ side: 'B', value: 'gradient', epoch: 1 });

    const replaced = harness();
    replaced.send({ run: 1, type: 'start', state: { ...small, epochs: 500 }, play: true, retrain: true });
    replaced.queue.shift()!();
    replaced.send({ run: 2, type: 'start', state: small, play: true, retrain: true });
    replaced.runQueue();
    expect(replaced.reports.map((report) => [report.run, report.type])).toEqual([[2, 'retrained']]);
  });
});
