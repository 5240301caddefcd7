import { describe, expect, test } from 'vitest';
import { CHECKS, runCheck } from '../../../../src/cells/checks/index.ts';
import { CHECK_NAMES } from '../../../../src/cells/checks/names.ts';

const messages = async (leakyRelu: unknown) => runCheck('leaky-relu', { leakyRelu });
const failures = async (leakyRelu: unknown) => (await messages(leakyRelu)).filter((result) => !result.passed);

describe('the registry', () => {
  test('has a check for every name the build accepts, and no other', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...CHECK_NAMES].sort());
  });
});

describe('leaky-relu', () => {
  test('passes a right implementation, every part of it', async () => {
    const results = await messages((z: number, alpha: number) => (z > 0 ? z : alpha * z));
    expect(results.map(({ name, passed }) => [name, passed])).toEqual([
      ['positive z', true],
      ['negative z', true],
      ['z = 0', true],
    ]);
    expect(results[0]?.message).toMatch(/^right at all \d{3} inputs tried$/);
  });

  test('passes z >= 0 ? z : alpha z too: at 0 both give 0', async () => {
    expect(await failures((z: number, alpha: number) => (z >= 0 ? z : alpha * z))).toEqual([]);
  });

  test('plain ReLU fails the negative side with the example the lesson uses', async () => {
    expect(await failures((z: number) => Math.max(0, z))).toEqual([
      { name: 'negative z', passed: false, message: 'at z = -2 (alpha = 0.01) you return 0, expected -0.02: the negative side is alpha times z' },
    ]);
  });

  test('a fixed alpha of 0.01 fails where alpha is another number', async () => {
    const [failure] = await failures((z: number) => (z > 0 ? z : 0.01 * z));
    expect(failure?.message).toBe('at z = -1 (alpha = 0.2) you return -0.01, expected -0.2: the negative side is alpha times z');
  });

  test('a wrong positive side says so', async () => {
    const [failure] = await failures((z: number, alpha: number) => (z > 0 ? alpha * z : alpha * z));
    expect(failure).toEqual({ name: 'positive z', passed: false, message: 'at z = 2 (alpha = 0.01) you return 0.02, expected 2: for z > 0 leaky ReLU is z itself' });
  });

  test('an error of 1e-6 on random inputs only is caught (the tolerance is 1e-9)', async () => {
    const chosen = new Set([2, -2, -1, 0.5, 0]);
    const [failure] = await failures((z: number, alpha: number) => (chosen.has(z) ? (z > 0 ? z : alpha * z) : (z > 0 ? z : alpha * z) + 1e-6));
    expect(failure?.passed).toBe(false);
    expect(failure?.message).toMatch(/^at z = -?[\d.e+-]+ \(alpha = [\d.e+-]+\) you return/);
  });

  test('a wrong value at 0 fails the z = 0 check', async () => {
    const results = await failures((z: number, alpha: number) => (z > 0 ? z : z === 0 ? alpha : alpha * z));
    expect(results).toEqual([{ name: 'z = 0', passed: false, message: 'at z = 0 you return 0.01, expected 0: both sides meet at 0 (PyTorch gives 0 there)' }]);
  });

  test('a string result and a throw are named', async () => {
    expect((await failures(() => 'zero'))[0]?.message).toBe('at z = 2 (alpha = 0.01) you return the string "zero", expected the number 2');
    expect((await failures(() => {
      throw new Error('not yet');
    }))[0]?.message).toBe('leakyRelu(2, 0.01) threw Error: not yet');
  });

  test('a number-like string, an object with valueOf and a Promise are named as what they are', async () => {
    const right = (z: number, alpha: number) => (z > 0 ? z : alpha * z);
    const asString = await failures((z: number, alpha: number) => String(right(z, alpha)));
    expect(asString.map(({ message }) => message)).toEqual([
      'at z = 2 (alpha = 0.01) you return the string "2", expected the number 2',
      'at z = -2 (alpha = 0.01) you return the string "-0.02", expected the number -0.02',
      'at z = 0 you return the string "0", expected the number 0',
    ]);
    const [object] = await failures((z: number, alpha: number) => ({ valueOf: () => right(z, alpha) }));
    expect(object?.message).toBe('at z = 2 (alpha = 0.01) you return an object { valueOf: [function valueOf] }, expected the number 2');
    const [promise] = await failures(async (z: number, alpha: number) => right(z, alpha));
    expect(promise?.message).toBe('at z = 2 (alpha = 0.01) you return a Promise: write leakyRelu without async');
  });

  test('a missing export asks for it by name', async () => {
    expect(await runCheck('leaky-relu', { leaky: () => 0 })).toEqual([
      { name: 'exports leakyRelu', passed: false, message: 'Export a function named leakyRelu: write export function leakyRelu(...) { ... }.' },
    ]);
    expect((await messages(3))[0]?.message).toContain('Export a function named leakyRelu (your leakyRelu is number, not a function)');
  });
});
