import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { activation } from '../../../../src/lib/index.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { SCHEMA, type ActivationExplorerState } from '../../../../src/widgets/activation-explorer/state.ts';
import { CURVE_SAMPLES, curves, inputsLand, probe } from '../../../../src/widgets/activation-explorer/model.ts';

const DEFAULTS = defaultState(SCHEMA);
const state = (changes: Partial<ActivationExplorerState>): ActivationExplorerState => ({ ...DEFAULTS, ...changes });

describe('curves', () => {
  test('samples every chosen function over the range, z = 0 (the kink) exactly among them', () => {
    const [relu] = curves(state({ f1: 'relu', f2: 'none', range: 3 }));
    expect(relu.points).toHaveLength(CURVE_SAMPLES);
    expect([relu.points[0].z, relu.points.at(-1)!.z]).toEqual([-3, 3]);
    expect(relu.points.find((point) => point.z === 0)).toEqual({ z: 0, f: 0, df: 0 });
    expect(relu.kinks).toEqual([0]);
    expect(relu.saturated).toEqual([[-3, 0]]);
  });

  test("the sigmoid's saturated zones start where σ'(z) = 0.01, |z| ≈ 4.595", () => {
    const [sigmoid, tanh] = curves(state({ range: 6 }));
    const zStar = Math.log((1 + Math.sqrt(0.96)) / (1 - Math.sqrt(0.96)));
    expect(sigmoid.saturated).toHaveLength(2);
    expect(sigmoid.saturated[0][0]).toBe(-6);
    expect(sigmoid.saturated[0][1]).toBeCloseTo(-zStar, 9);
    expect(sigmoid.saturated[1][0]).toBeCloseTo(zStar, 9);
    expect(tanh.kinks).toEqual([]);
  });
});

describe('probe', () => {
  test('the central difference agrees with the library away from kinks, also at z = ±1000', () => {
    for (const z of [-1000, -3.7, 0.5, 2, 1000]) {
      for (const reading of probe(state({ f1: 'swish', f2: 'gelu', f3: 'softplus', z }))) {
        expect(reading.relativeDifference, `${reading.id} at ${z}`).toBeLessThan(1e-6);
        expect(reading.note).toBeUndefined();
      }
    }
  });

  test('at a kink it says so and names the convention; the difference stays finite', () => {
    const [relu, step, elu] = probe(state({ f1: 'relu', f2: 'step', f3: 'elu', eluAlpha: 0.5, z: 0 }));
    expect(relu).toMatchObject({ df: 0, estimate: 0.5, relativeDifference: 1 });
    expect(relu.note).toContain("ReLU'(0) = 0, as in PyTorch");
    expect(step.note).toContain('torch.heaviside');
    expect(Number.isFinite(step.estimate)).toBe(true);
    expect(elu.note).toContain("ELU'(0) = α = 0.50");
    expect(probe(state({ f1: 'elu', eluAlpha: 1, z: 0 }))[0].note).toBeUndefined();
  });
});

describe('where the inputs land', () => {
  const zStar = Math.log((1 + Math.sqrt(0.96)) / (1 - Math.sqrt(0.96)));

  test("the saturated share is a direct count over the same samples", () => {
    const land = inputsLand(state({ f3: 'relu' }));
    for (const { id, share } of land.saturated) {
      const fn = activation(id);
      const count = [...land.samples].filter((z) => Math.abs(fn.df(z)) < 0.01).length;
      expect(share).toBe(count / land.samples.length);
    }
    const binned = land.bins.reduce((sum, bin) => sum + bin.count, 0);
    expect(binned + land.below + land.above).toBe(land.samples.length);
  });

  test('N(0, 1) weights with fan-in 100 saturate most sigmoid units, as z ~ N(0, 100) predicts', () => {
    const [sigmoid] = inputsLand(state({ init: 'normal', fanIn: 100 })).saturated;
    expect(sigmoid.share).toBe(0.6473388671875);
    // P(|z| > z*) for z ~ N(0, 10²): 2(1 - Φ(z*/10)) = erfc(z*/(10√2)).
    const analytic = 1 - erfApprox(zStar / (10 * Math.SQRT2));
    expect(analytic).toBeCloseTo(0.6466, 3);
    expect(Math.abs(sigmoid.share - analytic)).toBeLessThan(0.02);
  });

  test('Xavier keeps Var(z) = 1, so almost no sigmoid unit saturates', () => {
    const land = inputsLand(state({ init: 'xavier', fanIn: 100 }));
    expect(land.weightDeviation).toBeCloseTo(0.1, 12);
    expect(land.saturated[0].share).toBe(0);
    expect(land.saturated[1].share).toBe(0.00390625);
  });

  test('the same seed gives the same samples, bit for bit; another seed others', () => {
    const settings = state({ init: 'he', fanIn: 37, seed: 7 });
    expect(inputsLand(settings)).toEqual(inputsLand(settings));
    expect(inputsLand({ ...settings, seed: 8 }).samples).not.toEqual(inputsLand(settings).samples);
  });
});

/** erf by Abramowitz and Stegun 7.1.26 (error < 1.5e-7), enough for a check to 3 decimals. */
function erfApprox(x: number): number {
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 1 - poly * Math.exp(-x * x);
}

describe('every field at its extremes', () => {
  const choices = <K extends 'f1' | 'f2' | 'f3' | 'init'>(key: K) =>
    fc.constantFrom(...SCHEMA[key].options.map((option) => option.value as ActivationExplorerState[K]));
  const extreme = (key: 'leakyAlpha' | 'preluAlpha' | 'eluAlpha' | 'range' | 'z' | 'fanIn' | 'sigma' | 'seed') =>
    fc.constantFrom(SCHEMA[key].min, SCHEMA[key].max, SCHEMA[key].default);

  test('curves, probe and the histogram stay finite, with no NaN anywhere', () => {
    fc.assert(
      fc.property(
        fc.record({
          f1: choices('f1'), f2: choices('f2'), f3: choices('f3'), init: choices('init'),
          leakyAlpha: extreme('leakyAlpha'), preluAlpha: extreme('preluAlpha'), eluAlpha: extreme('eluAlpha'),
          range: extreme('range'), z: extreme('z'), fanIn: extreme('fanIn'), sigma: extreme('sigma'), seed: extreme('seed'),
        }),
        (changes) => {
          const settings = state(changes);
          const numbers = [
            ...curves(settings).flatMap((curve) => [...curve.points.flatMap((p) => [p.z, p.f, p.df]), ...curve.saturated.flat()]),
            ...probe(settings).flatMap((r) => [r.f, r.df, r.estimate, r.h, r.relativeDifference]),
          ];
          const land = inputsLand(settings);
          numbers.push(...land.samples, ...land.bins.flatMap((bin) => [bin.from, bin.to, bin.share]), ...land.saturated.map((s) => s.share));
          expect(numbers.every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
