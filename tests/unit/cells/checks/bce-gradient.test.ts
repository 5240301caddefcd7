import { describe, expect, test } from 'vitest';
import { bceGradient } from '../../../../src/cells/checks/bce-gradient.ts';
import { loss } from '../../../../src/lib/index.ts';

// Lesson 9's graded exercise: ŷ − y passes; the article's extra slope, a flipped sign, the
// unsimplified formula (NaN at ±1000) and a missing export fail with a message that helps.

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The messages of the failed checks, joined, for matching. */
function failures(fn: unknown): string {
  return bceGradient({ bceGradient: fn })
    .filter((result) => !result.passed)
    .map((result) => result.message)
    .join('\n');
}

describe('bce-gradient', () => {
  test('ŷ − y passes both checks', () => {
    const results = bceGradient({ bceGradient: (z: number, y: number) => sigmoid(z) - y });
    expect(results.map((result) => result.passed)).toEqual([true, true]);
    expect(results[0].message).toMatch(/^All 1,004 agree to 1e-9/);
    expect(results[1].message).toMatch(/^All 4 agree/);
  });

  test('a missing export is named', () => {
    const results = bceGradient({ gradient: () => 0 });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ passed: false, message: 'Export a function named bceGradient: write export function bceGradient(...) { ... }.' });
  });

  test("the lesson's starter code (return 0) fails", () => {
    expect(failures(() => 0)).toContain('your code still returns 0');
  });

  test('y − ŷ is the wrong sign', () => {
    expect(failures((z: number, y: number) => y - sigmoid(z))).toMatch(/you return .*: the sign is flipped/);
  });

  test("the article's bug 1, the sigmoid's slope once more, is named", () => {
    const article = (z: number, y: number) => (sigmoid(z) - y) * sigmoid(z) * (1 - sigmoid(z));
    expect(failures(article)).toContain("that is the article's bug 1");
  });

  test('the unsimplified chain rule is right in the middle but NaN at ±1000, and the check says why', () => {
    const unsimplified = (z: number, y: number) => {
      const p = 1 / (1 + Math.exp(-z));
      return ((p - y) / (p * (1 - p))) * p * (1 - p);
    };
    const results = bceGradient({ bceGradient: unsimplified });
    expect(results[0].passed).toBe(true);
    expect(results[1].passed).toBe(false);
    expect(results[1].message).toMatch(/^At logit = 1000, target = 0 you return NaN, expected 1: at a logit this large ŷ rounds to exactly 0 or 1/);
  });

  test('a central difference agrees to six digits but not to 1e-9, and the message shows where they part', () => {
    const bce = loss('bce_logits');
    const h = 1e-6;
    const numeric = (z: number, y: number) => (bce.value([y], [z + h]) - bce.value([y], [z - h])) / (2 * h);
    expect(failures(numeric)).toMatch(
      /^At logit = -11\.107, target = 1 you return -0\.999984\d{6}, expected -0\.999984\d{6} \(a difference of [0-9.]+e-9, more than the tolerance 1e-9; an approximation such as a central difference is not close enough: write the formula\)\.$/m,
    );
  });

  test('the gradient at ŷ and ŷ alone each get their own hint', () => {
    expect(failures((z: number, y: number) => -y / sigmoid(z) + (1 - y) / (1 - sigmoid(z)))).toContain('the gradient at the probability');
    expect(failures((z: number) => sigmoid(z))).toContain('subtract the target');
  });
});
