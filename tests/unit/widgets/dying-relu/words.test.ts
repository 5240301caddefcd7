import { describe, expect, test } from 'vitest';
import type { UnitState } from '../../../../src/widgets/dying-relu/model.ts';
import { deadAnnouncement, sideSummary, unitMark, unitReadout } from '../../../../src/widgets/dying-relu/words.ts';

const unit = (dead: boolean, gradientNorm: number): UnitState => ({ dead, negativeShare: dead ? 1 : 0.25, gradientNorm, low: -2, high: dead ? 0 : 1, counts: [] });
const never = { diedAt: null, revivedAt: null };

describe('what the widget says', () => {
  test('only a ReLU unit is dead; the others are all-negative and still pass a gradient; a revived unit says when', () => {
    expect(unitMark(unit(true, 0), { diedAt: 2, revivedAt: null }, 'relu').state).toBe('dead');
    expect(unitMark(unit(true, 1e-4), never, 'leaky_relu').state).toBe('negative');
    expect(unitMark(unit(false, 1), { diedAt: 1, revivedAt: 3 }, 'relu').state).toBe('revived');
    const options = { side: 'A' as const, activation: 'relu' as const, optimizer: 'sgd' as const, layer: 0, unit: 2, rows: 1400 };
    expect(unitReadout({ ...options, state: unit(true, 0), history: { diedAt: 4, revivedAt: null } })).toBe(
      'Run A, layer 1, unit 3: dead (ReLU: output 0 for every training input). 100.0% of its 1,400 pre-activations are ≤ 0; its incoming gradient (weights and bias) is exactly 0. Dead since epoch 4. It has not come back from dead. A first-layer unit sees fixed inputs and gets exactly zero gradient, so under SGD it never comes back.',
    );
    expect(unitReadout({ ...options, optimizer: 'adam', state: unit(true, 0), history: never })).toMatch(/Dead since epoch 0\..*Adam's running averages can still move its weights/);
    expect(unitReadout({ ...options, layer: 1, state: unit(false, 0.0123), history: { diedAt: 2, revivedAt: 5 } })).toBe(
      'Run A, layer 2, unit 3: alive again (came back from dead). 25.0% of its 1,400 pre-activations are ≤ 0; its incoming gradient norm is 1.23e-2. Alive again: it was dead and came back at epoch 5.',
    );
  });

  test('side summaries count per layer, name PReLU alpha, and announcements count dead units', () => {
    const layers = [[unit(true, 0), unit(false, 1)], [unit(false, 1), unit(false, 1)]];
    expect(sideSummary('A', 'relu', { layers, alphas: [null, null] }, [0, 1])).toBe(
      'Run A (ReLU). Dead units: layer 1: 1 of 2, layer 2: 0 of 2. 1 unit came back from dead at least once.',
    );
    expect(sideSummary('B', 'prelu', { layers, alphas: [0.2, 0.31234] }, [0, 0])).toBe(
      'Run B (PReLU). No dead units (PReLU never outputs 0 everywhere). Every pre-activation ≤ 0: layer 1: 1 of 2, layer 2: 0 of 2. 0 units came back from that at least once. Learned α per layer (one each, starting at 0.25): 0.200, 0.312.',
    );
    expect(deadAnnouncement(10, [{ side: 'A', activation: 'relu', shares: [0.5, 0], sizes: [2, 2] }])).toBe('Epoch 10. Run A dead per layer: 1, 0.');
  });
});
