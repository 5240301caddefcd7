import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../src/widgets/common/state.ts';
import type { EpochPoint, LabReport } from '../../../src/widgets/moons-lab/protocol.ts';
import { applyReport, emptyRun, hasEnded, resetRun } from '../../../src/widgets/moons-lab/shown-run.ts';
import { SCHEMA } from '../../../src/widgets/moons-lab/state.ts';

const point = (epoch: number): EpochPoint => ({ epoch, trainLoss: 0.5, trainAccuracy: 0.8, validationLoss: 0.6, validationAccuracy: 0.75 });
const progress = (epochs: EpochPoint[], running: boolean): LabReport => ({ run: 1, type: 'progress', epochs, epoch: epochs.at(-1)?.epoch ?? 0, heatmap: new Float64Array(4), running });

describe('the run the lab shows', () => {
  test('reports add epochs and say how it stopped; a reset keeps the epochs as the previous run, and the points until new ones come', () => {
    const state = defaultState(SCHEMA);
    const shown = emptyRun(state);
    const points = { x: new Float64Array(1), y: new Float64Array(1), label: new Uint8Array(1), part: ['train' as const] };
    applyReport(shown, { run: 1, type: 'configured', points, bounds: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, epochs: 500 });
    applyReport(shown, progress([point(1), point(2)], true));
    applyReport(shown, progress([point(3)], false));
    expect(shown.current.map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect([shown.epoch, shown.running, hasEnded(shown)]).toEqual([3, false, false]);
    applyReport(shown, { run: 1, type: 'stopped', reason: 'completed', epoch: 3, message: 'Finished 3 epochs.' });
    expect([shown.stopMessage, hasEnded(shown)]).toEqual(['Finished 3 epochs.', true]);

    const next = { ...state, lr: 0.1 };
    resetRun(shown, next);
    expect(shown.previous.map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect([shown.current, shown.epoch, shown.stopReason, shown.heatmap, shown.state.lr]).toEqual([[], 0, null, null, 0.1]);
    expect(shown.plotted?.points).toBe(points);
    // A reset before anything trained keeps the older run as the faint one.
    resetRun(shown, state);
    expect(shown.previous.map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect(hasEnded({ ...shown, stopReason: 'paused' })).toBe(false);
  });
});
