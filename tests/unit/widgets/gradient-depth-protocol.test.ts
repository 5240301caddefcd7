import { describe, expect, expectTypeOf, test } from 'vitest';
import { cloneNetwork, createTrainer, weightDistances } from '../../../src/lib/index.ts';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { measureAtInit, prepareMoons } from '../../../src/widgets/gradient-depth/model.ts';
import { depthEpoch } from '../../../src/widgets/gradient-depth/session.ts';
import type { DepthEpoch, DepthReport, DepthRequest } from '../../../src/widgets/gradient-depth/protocol.ts';
import { SCHEMA, planOf, runSettings, type DepthState } from '../../../src/widgets/gradient-depth/state.ts';

const state: DepthState = { ...defaultState(SCHEMA), depth: 3, width: 4 };

/** One epoch of run A of `state`, measured by the engine and put into the protocol's shape. */
function firstEpoch(): DepthEpoch {
  const plan = planOf(state);
  const trainer = createTrainer(plan.runs.A.training, prepareMoons(state.seed, plan.data));
  const initial = cloneNetwork(trainer.network);
  return depthEpoch(trainer.epoch(), weightDistances(trainer.network, initial));
}

describe('the gradient-depth protocol', () => {
  test('every request carries its run id and survives structured clone unchanged', () => {
    const requests: DepthRequest[] = [
      { run: 1, type: 'start', state, play: true },
      { run: 1, type: 'step' },
      { run: 1, type: 'pause' },
      { run: 1, type: 'resume' },
      { run: 2, type: 'reset' },
    ];
    for (const request of requests) expect(structuredClone(request)).toEqual(request);
    expectTypeOf<DepthRequest['run']>().toEqualTypeOf<number>();
  });

  test('an epoch measured by the engine fills one report per layer (depth + 1 weight layers) and clones as plain data', () => {
    const epoch = firstEpoch();
    expect(epoch.epoch).toBe(1);
    for (const values of [epoch.gradientNorms, epoch.weightDistances, epoch.relativeDistances]) {
      expect(values).toHaveLength(state.depth + 1);
      for (const value of values) expect(Number.isFinite(value) && value > 0, String(value)).toBe(true);
    }
    const report: DepthReport = { run: 3, type: 'epochs', epochs: [{ side: 'A', ...epoch }] };
    expect(structuredClone(report)).toEqual(report);
  });

  test('a divergence names the epoch, the value, the layer and a suggestion; done and paused count epochs per side', () => {
    const reports: DepthReport[] = [
      { run: 4, type: 'started', epochs: 100, initial: { A: measureAtInit(runSettings(state, 'A')), B: measureAtInit(runSettings(state, 'B')) } },
      {
        run: 4,
        type: 'diverged',
        side: 'B',
        epoch: 3,
        value: 'gradient',
        layer: 0,
        message: "Run B's gradient in hidden layer 1 became infinite in epoch 3.",
        suggestion: 'Try Xavier or He initialisation, or a smaller learning rate.',
      },
      { run: 4, type: 'done', side: 'A', epoch: 100 },
      { run: 4, type: 'paused', epochs: { A: 40, B: 3 } },
      { run: 4, type: 'error', message: 'Out of memory.' },
    ];
    for (const report of reports) expect(structuredClone(report)).toEqual(report);
    expectTypeOf<Extract<DepthReport, { type: 'diverged' }>['value']>().toEqualTypeOf<'loss' | 'gradient' | 'weights'>();
    expectTypeOf<Extract<DepthReport, { type: 'epochs' }>['epochs'][number]['side']>().toEqualTypeOf<'A' | 'B'>();
  });
});
