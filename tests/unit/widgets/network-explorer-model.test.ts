import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { describe as describeCurves, isStraight, sampleCurves, thresholds } from '../../../src/widgets/network-explorer/model.ts';
import { SCHEMA, type ExplorerState } from '../../../src/widgets/network-explorer/state.ts';

const weight = fc.double({ min: -3, max: 3, noNaN: true });
const states = (f: ExplorerState['f']) =>
  fc.record({ w1: weight, b1: weight, w2: weight, b2: weight, w3: weight, b3: weight, v1: weight, v2: weight, v3: weight, c: weight, wrt: fc.constantFrom('w1', 'w2', 'w3') as fc.Arbitrary<ExplorerState['wrt']> }).map((values) => ({ ...defaultState(SCHEMA), ...values, f }));

describe('the explorer network', () => {
  test('computes ŷ = Σ vⱼ f(wⱼ x + bⱼ) + c (ReLU, hand-checked at x = 1)', () => {
    const state = { ...defaultState(SCHEMA), f: 'relu' as const };
    // Unit 1: relu(1.5 + 0.5) = 2; unit 2: relu(-1.2 + 1) = 0; unit 3: relu(0.8 - 1.2) = 0 → ŷ = 1·2 = 2.
    const atOne = sampleCurves(state, 7).find((point) => point.x === 1)!;
    expect(atOne.y).toBeCloseTo(2, 12);
    // ∂ŷ/∂w₁ = v₁ relu'(2) x = 1.
    expect(atOne.dy).toBeCloseTo(1, 12);
  });

  test('with no activation the output is a straight line for any weights', () => {
    fc.assert(fc.property(states('none'), (state) => isStraight(sampleCurves(state))));
  });

  test('ReLU with the lesson defaults bends, at x = −b/w for each unit', () => {
    const state = { ...defaultState(SCHEMA), f: 'relu' as const };
    expect(isStraight(sampleCurves(state))).toBe(false);
    const expected = [-0.5 / 1.5, 1 / 1.2, 1.2 / 0.8];
    thresholds(state).forEach((x, i) => expect(x).toBeCloseTo(expected[i], 12));
    expect(thresholds(state)).toHaveLength(3);
  });

  test('∂ŷ/∂wⱼ matches central differences for the smooth activations', () => {
    for (const f of ['none', 'sigmoid', 'tanh'] as const) {
      fc.assert(
        fc.property(states(f), (state) => {
          const h = 1e-6;
          const key = state.wrt;
          const plus = sampleCurves({ ...state, [key]: state[key] + h }, 13);
          const minus = sampleCurves({ ...state, [key]: state[key] - h }, 13);
          sampleCurves(state, 13).forEach((point, i) => {
            const numeric = (plus[i].y - minus[i].y) / (2 * h);
            expect(Math.abs(point.dy - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
          });
        }),
        { numRuns: 50 },
      );
    }
  });

  test('with the step function the derivative is zero at every x', () => {
    fc.assert(fc.property(states('step'), (state) => sampleCurves(state).every((point) => point.dy === 0)));
  });

  test('the description says what a reader should notice', () => {
    const linear = defaultState(SCHEMA);
    expect(describeCurves(linear, sampleCurves(linear))).toMatch(/^With no activation, the output is a straight line/);
    const step = { ...linear, f: 'step' as const };
    expect(describeCurves(step, sampleCurves(step))).toMatch(/staircase.*zero everywhere/);
    const relu = { ...linear, f: 'relu' as const };
    expect(describeCurves(relu, sampleCurves(relu))).toMatch(/With ReLU, the output bends/);
    // Named as the control names it, not "Tanh" mid-sentence.
    const tanh = { ...linear, f: 'tanh' as const };
    expect(describeCurves(tanh, sampleCurves(tanh))).toMatch(/^With tanh, the output bends/);
  });
});
