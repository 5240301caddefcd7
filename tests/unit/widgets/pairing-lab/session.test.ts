/** The pairing lab's session in Node: run ids, play/pause/step, finals equal to runPair's, refusals. */
import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { runPair } from '../../../../src/widgets/pairing-lab/model.ts';
import type { PairingReport } from '../../../../src/widgets/pairing-lab/protocol.ts';
import { createPairingSession, trainPairing } from '../../../../src/widgets/pairing-lab/session.ts';
import { SCHEMA, pairSettings, type PairingState } from '../../../../src/widgets/pairing-lab/state.ts';

const base = defaultState(SCHEMA);

/** A session on a manual scheduler and a clock that moves 10 ms per reading. */
function harness() {
  const reports: PairingReport[] = [];
  const queue: (() => void)[] = [];
  let clock = 0;
  const respond = createPairingSession({ post: (r) => reports.push(r), schedule: (w) => queue.push(w), now: () => (clock += 10) });
  const drain = () => {
    for (let w = queue.shift(); w !== undefined; w = queue.shift()) w();
  };
  return { reports, queue, respond, drain };
}

describe('pairing session', () => {
  test('start, step, play, pause carry the run id; stale requests are ignored', () => {
    const h = harness();
    h.respond({ run: 1, type: 'start', state: base, play: false });
    expect(h.reports).toHaveLength(1);
    h.respond({ run: 1, type: 'step' });
    const stepped = h.reports[1];
    expect(stepped.type === 'progress' && stepped.sides.A.epoch).toBe(1);
    h.respond({ run: 2, type: 'start', state: base, play: false });
    const count = h.reports.length;
    h.respond({ run: 1, type: 'step' });
    expect(h.reports).toHaveLength(count);
    h.respond({ run: 2, type: 'play' });
    h.queue.shift()?.();
    h.respond({ run: 2, type: 'pause' });
    const paused = h.reports[h.reports.length - 1];
    expect(paused.run).toBe(2);
    expect(paused.type === 'progress' && paused.running).toBe(false);
    h.drain();
    expect(h.reports[h.reports.length - 1]).toBe(paused);
    expect(h.reports.every((r) => r.type === 'progress')).toBe(true);
  });

  test.each(['softmax', 'regression'] as const)('%s: the trained reports equal runPair epoch for epoch', (preset) => {
    const state: PairingState = { ...base, preset };
    const sides = trainPairing(state);
    const [a, b] = runPair(pairSettings(state));
    expect(sides.A.points).toEqual(a.epochs);
    expect(sides.B.points).toEqual(b.epochs);
    expect(sides.A.status).toBe('completed');
    expect(sides.A.epoch).toBe(50);
  });

  test('refused: run A reports the engine message and no numbers, run B trains', () => {
    const sides = trainPairing({ ...base, preset: 'refused' });
    expect(sides.A.status).toBe('refused');
    expect(sides.A.refusal).toMatch(/BCEWithLogits|sigmoid/i);
    expect(sides.A.points).toEqual([]);
    expect(sides.B.points).toHaveLength(50);
    expect(sides.B.status).toBe('completed');
  });

  test('a retrain reports once, at its end, with every epoch of both runs, the same numbers as an ordinary run', () => {
    const h = harness();
    const state: PairingState = { ...base, epochs: 20 };
    h.respond({ run: 1, type: 'start', state, play: true, retrain: true });
    expect(h.reports).toEqual([]);
    h.drain();
    expect(h.reports).toHaveLength(1);
    const [only] = h.reports;
    expect(only.type === 'progress' && only.running).toBe(false);
    const trained = trainPairing(state);
    for (const side of ['A', 'B'] as const) {
      expect(only.type === 'progress' && only.sides[side].points).toEqual(trained[side].points);
      expect(only.type === 'progress' && only.sides[side].status).toBe('completed');
    }
  });

  test('a start during a retrain drops it between slices: only the newest run reports', () => {
    const h = harness();
    h.respond({ run: 1, type: 'start', state: { ...base, epochs: 200 }, play: true, retrain: true });
    h.queue.shift()?.();
    h.respond({ run: 2, type: 'start', state: { ...base, epochs: 10 }, play: true, retrain: true });
    h.drain();
    expect(h.reports.map((r) => r.run)).toEqual([2]);
    const [only] = h.reports;
    expect(only.type === 'progress' && only.sides.A.epoch).toBe(10);
  });
});
