import { describe, expect, it } from 'vitest';
import { decimalsOf, formatCount, formatExponential, formatFixed, formatPercent, plural, quoteInput } from '../../../src/widgets/common/format.ts';

describe('reader-facing number formatting', () => {
  it('never shows a minus sign on a value that rounds to zero', () => {
    expect(formatFixed(-0.001, 2)).toBe('0.00');
    expect(formatFixed(-0, 1)).toBe('0.0');
    expect(formatFixed(-0.006, 2)).toBe('-0.01');
    expect(formatFixed(0.30000000000000004, decimalsOf(0.1))).toBe('0.3');
    expect(formatFixed(-0.04, decimalsOf(0.1))).toBe('0.0');
  });

  it('shows a value with the decimals of its step', () => {
    expect(formatFixed(-1.2, decimalsOf(0.1))).toBe('-1.2');
    expect(formatFixed(2, decimalsOf(1))).toBe('2');
    expect(formatFixed(0.125, decimalsOf(0.005))).toBe('0.125');
    expect(formatFixed(0.75, decimalsOf(0.25))).toBe('0.75');
    expect([0.25, 1e-7, 100, 0.0001, -2.5].map(decimalsOf)).toEqual([2, 7, 0, 4, 1]);
  });

  it('says in words what cannot be computed', () => {
    expect(formatFixed(Number.NaN, 4)).toBe('not a number');
    expect(formatPercent(Number.NaN)).toBe('not a number');
    expect(formatExponential(Number.POSITIVE_INFINITY)).toBe('infinite');
    expect(formatFixed(Number.NEGATIVE_INFINITY, 2)).toBe('minus infinity');
    expect(formatPercent(0.9633)).toBe('96.3%');
    expect(formatExponential(1.23e-7)).toBe('1.2e-7');
  });

  it('counts with the right noun', () => {
    expect(plural(1, 'epoch')).toBe('1 epoch');
    expect(plural(300, 'epoch')).toBe('300 epochs');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(formatCount(4160)).toBe('4,160');
    expect(formatCount(96)).toBe('96');
    expect(formatCount(Number.NaN)).toBe('not a number');
  });

  it('quotes untrusted text short and without bidirectional controls', () => {
    expect(quoteInput('abc')).toBe('"abc"');
    expect(quoteInput('\u202Eabc\u2066d\u0000')).toBe('"abcd"');
    const long = quoteInput('x'.repeat(10_000));
    expect(long.length).toBeLessThan(50);
    expect(long.endsWith('…"')).toBe(true);
  });
});
