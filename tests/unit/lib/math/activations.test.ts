import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, activation, isActivationId, type ActivationId } from '../../../../src/lib/index.ts';

/** Central difference with a step scaled to |z| so that rounding and truncation balance. */
function centralDifference(f: (z: number) => number, z: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(z));
  return (f(z + h) - f(z - h)) / (2 * h);
}

// Points where the derivative jumps: central differences are meaningless within h of them.
const KINKS: Partial<Record<ActivationId, number>> = { step: 0, relu: 0, leaky_relu: 0, prelu: 0, elu: 0 };

describe('activation(id)', () => {
  it('has a description for every id', () => {
    for (const id of ACTIVATION_IDS) {
      const a = activation(id);
      expect(a.id).toBe(id);
      expect(a.name.length).toBeGreaterThan(0);
      expect(a.formula.length).toBeGreaterThan(0);
      expect(a.derivativeFormula.length).toBeGreaterThan(0);
      expect(a.range.length).toBeGreaterThan(0);
      expect(Object.isFrozen(a.params)).toBe(true);
    }
  });

  it.each(ACTIVATION_IDS)('%s: df agrees with central differences', (id) => {
    const a = activation(id);
    const kink = KINKS[id];
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        fc.pre(kink === undefined || Math.abs(z - kink) > 1e-3);
        const numeric = centralDifference(a.f, z);
        expect(Math.abs(numeric - a.df(z))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(a.df(z))));
      }),
      { numRuns: 300 },
    );
  });

  it.each(ACTIVATION_IDS)('%s: value and derivative are finite for extreme finite inputs', (id) => {
    const a = activation(id);
    for (const z of [-1e308, -1000, -745, -700, -40, -1e-300, 0, -0, 1e-300, 40, 700, 745, 1000, 1e308]) {
      // Only the unbounded ones may overflow, and only at the very edge of float64.
      if (Math.abs(z) < 1e308) expect(Number.isFinite(a.f(z)), `${id}.f(${z})`).toBe(true);
      expect(Number.isFinite(a.df(z)), `${id}.df(${z})`).toBe(true);
    }
  });

  it('matches hand-computed values (Python math module, float64)', () => {
    // sigmoid: 1/(1+e^-2) = 0.8807970779778823; extremes saturate rather than overflow.
    expect(activation('sigmoid').f(2)).toBe(0.8807970779778823);
    expect(activation('sigmoid').f(1000)).toBe(1);
    expect(activation('sigmoid').f(-1000)).toBe(0);
    expect(activation('sigmoid').f(-700)).toBeGreaterThan(0);
    expect(activation('sigmoid').df(0)).toBe(0.25);
    // tanh'(20) = 4e^-40/(1+e^-40)^2 = 1.6993417021166355e-17, where 1 - tanh^2 would give 0.
    expect(activation('tanh').df(20)).toBeCloseTo(1.6993417021166355e-17, 30);
    expect(activation('tanh').df(0)).toBe(1);
    // GELU exact: Φ(1) = 0.8413447460685429; GELU'(1) = Φ(1) + φ(1) = 1.0833154705876864.
    expect(activation('gelu').f(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(activation('gelu').f(-1)).toBeCloseTo(-0.15865525393145707, 15);
    expect(activation('gelu').f(-3)).toBeCloseTo(-0.00404969409489031, 15);
    expect(activation('gelu').df(1)).toBeCloseTo(1.0833154705876864, 15);
    expect(activation('gelu').df(0)).toBe(0.5);
    // softplus(0) = ln 2; linear far out; softplus(20) = 20 + log1p(e^-20).
    expect(activation('softplus').f(0)).toBe(Math.LN2);
    expect(activation('softplus').f(1000)).toBe(1000);
    expect(activation('softplus').f(20)).toBe(20 + 2.061153620314381e-9);
    expect(activation('softplus').df(0)).toBe(0.5);
    // ELU(-1) = expm1(-1) = -0.6321205588285577; swish(2) = 2σ(2) = 1.7615941559557646.
    expect(activation('elu').f(-1)).toBe(-0.6321205588285577);
    expect(activation('elu', { alpha: 2 }).f(-1)).toBe(2 * -0.6321205588285577);
    expect(activation('swish').f(2)).toBe(1.7615941559557646);
    expect(activation('swish').df(0)).toBe(0.5);
    expect(activation('linear').f(-3.5)).toBe(-3.5);
    expect(activation('linear').df(-3.5)).toBe(1);
  });

  it('follows PyTorch at the kinks', () => {
    // torch.heaviside(z, values=1): H(0) = 1, derivative 0 everywhere.
    expect(activation('step').f(0)).toBe(1);
    expect(activation('step').f(-1e-300)).toBe(0);
    expect([-1, 0, 1].map(activation('step').df)).toEqual([0, 0, 0]);
    // threshold_backward: ReLU'(0) = 0.
    expect(activation('relu').df(0)).toBe(0);
    expect(activation('relu').df(1e-300)).toBe(1);
    expect(activation('relu').f(-2)).toBe(0);
    // leaky_relu_backward: z > 0 ? 1 : alpha, so LeakyReLU'(0) = alpha (default 0.01).
    expect(activation('leaky_relu').df(0)).toBe(0.01);
    expect(activation('leaky_relu', { alpha: 0.2 }).df(0)).toBe(0.2);
    expect(activation('leaky_relu').f(-3)).toBe(-0.03);
    // prelu default alpha 0.25; d/dalpha is z on the left branch (and at 0), 0 on the right.
    const prelu = activation('prelu');
    expect(prelu.params).toEqual({ alpha: 0.25 });
    expect(prelu.df(0)).toBe(0.25);
    expect(prelu.dAlpha?.(-2)).toBe(-2);
    expect(prelu.dAlpha?.(3)).toBe(0);
    // elu_backward: z <= 0 ? alpha e^z : 1, so ELU'(0) = alpha.
    expect(activation('elu', { alpha: 0.5 }).df(0)).toBe(0.5);
  });

  it('prelu dAlpha agrees with a central difference in alpha', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (z, alpha) => {
        const h = 1e-6;
        const numeric = (activation('prelu', { alpha: alpha + h }).f(z) - activation('prelu', { alpha: alpha - h }).f(z)) / (2 * h);
        expect(Math.abs(numeric - (activation('prelu', { alpha }).dAlpha?.(z) ?? Number.NaN))).toBeLessThan(1e-8);
      }),
      { numRuns: 200 },
    );
  });

  it('passes NaN through', () => {
    for (const id of ACTIVATION_IDS) {
      expect(activation(id).f(Number.NaN), id).toBeNaN();
    }
  });

  it('describes ranges that depend on alpha', () => {
    expect(activation('relu').range).toBe('[0, \\infty)');
    expect(activation('elu').range).toBe('(-1, \\infty)');
    expect(activation('leaky_relu').range).toBe('(-\\infty, \\infty)');
    expect(activation('leaky_relu', { alpha: 0 }).range).toBe('[0, \\infty)');
  });

  it('throws a clear Error for an unknown id or a bad parameter', () => {
    expect(() => activation('relu6' as ActivationId)).toThrow(/Unknown activation "relu6": expected one of step, sigmoid/);
    expect(() => activation('leaky_relu', { alpha: Number.NaN })).toThrow(/"alpha" must be a finite number, got NaN/);
    expect(() => activation('elu', { alpha: Infinity })).toThrow(/activation "elu": parameter "alpha"/);
    expect(() => activation('relu', { alpha: 0.1 })).toThrow(/unknown parameter "alpha" \(it takes no parameters\)/);
    expect(() => activation('prelu', { beta: 1 })).toThrow(/unknown parameter "beta" \(allowed: alpha\)/);
    expect(() => activation('prelu', { alpha: '0.1' as unknown as number })).toThrow(/got "0.1"/);
  });

  it('recognises ids', () => {
    expect(isActivationId('gelu')).toBe(true);
    expect(isActivationId('GELU')).toBe(false);
    expect(isActivationId(3)).toBe(false);
  });
});
