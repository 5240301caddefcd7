import { describe, expect, test } from 'vitest';
import { outputGradients } from '../../../../src/cells/checks/output-gradients.ts';

// Lesson 8's graded exercise: the three right formulas pass; the starter code, a kept or
// forgotten p(1 − p), a missing ½ and a missing export fail with a message that helps.

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const right = {
  sigmoidBce: (z: number, y: number) => sigmoid(z) - y,
  linearMse: (z: number, y: number) => z - y,
  sigmoidMse: (z: number, y: number) => (sigmoid(z) - y) * sigmoid(z) * (1 - sigmoid(z)),
};

/** The messages of the failed checks, joined, for matching. */
function failures(exports: Record<string, unknown>): string {
  return outputGradients(exports)
    .filter((result) => !result.passed)
    .map((result) => result.message)
    .join('\n');
}

describe('output-gradients', () => {
  test('the three right gradients pass, each against a central difference', () => {
    const results = outputGradients(right);
    expect(results.map((result) => result.passed)).toEqual([true, true, true]);
    for (const result of results) expect(result.message).toMatch(/^All 204 agree to 1e-7/);
  });

  test("the lesson's starter code (return 0) fails at the first function, and the others wait", () => {
    const zero = () => 0;
    const results = outputGradients({ sigmoidBce: zero, linearMse: zero, sigmoidMse: zero });
    expect(results[0].message).toContain('your code still returns 0');
    expect(results[1].message).toMatch(/^Not checked yet/);
    expect(results[2].message).toMatch(/^Not checked yet/);
  });

  test("keeping the sigmoid's slope in the BCE gradient is named", () => {
    expect(failures({ ...right, sigmoidBce: right.sigmoidMse })).toContain('has already cancelled');
  });

  test("dropping it from the mismatch's gradient is named", () => {
    expect(failures({ ...right, sigmoidMse: right.sigmoidBce })).toContain('does not cancel');
  });

  test('a missing ½ is named', () => {
    expect(failures({ ...right, linearMse: (z: number, y: number) => 2 * (z - y) })).toContain('without the ½');
  });

  test('a missing export is named', () => {
    expect(failures({ sigmoidBce: right.sigmoidBce, linearMse: right.linearMse })).toContain('Export a function named sigmoidMse');
  });
});
