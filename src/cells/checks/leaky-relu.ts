import { activation, createRandom } from '../../lib/index.ts';
import { formatNumber } from '../serialise.ts';
import type { CheckResult } from '../protocol.ts';
import { callReader, closeTo, exportedFunction, notANumber, type CellExports } from './types.ts';

const RANDOM_INPUTS = 1000;
const TOLERANCE = 1e-9;
const SEED = 8;

/** The inputs compared: chosen ones first (so a message names a simple number), then random ones. */
function inputs(): { z: number; alpha: number }[] {
  const chosen = [
    { z: 2, alpha: 0.01 },
    { z: -2, alpha: 0.01 },
    { z: -1, alpha: 0.2 },
    { z: 0.5, alpha: 0.3 },
  ];
  const random = createRandom(SEED);
  const drawn = Array.from({ length: RANDOM_INPUTS }, () => ({
    // Mostly moderate z, now and then a large one, on both sides; alpha from 0.001 to 0.5.
    z: (random.uniform() * 2 - 1) * (random.uniform() < 0.1 ? 1e6 : 10),
    alpha: 0.001 + random.uniform() * 0.499,
  }));
  return [...chosen, ...drawn];
}

function side(name: string, cases: { z: number; alpha: number }[], leakyRelu: (z: number, alpha: number) => unknown, hint: string): CheckResult {
  for (const { z, alpha } of cases) {
    const expected = activation('leaky_relu', { alpha }).f(z);
    const call = `leakyRelu(${formatNumber(z)}, ${formatNumber(alpha)})`;
    const result = callReader(() => leakyRelu(z, alpha), call);
    if ('problem' in result) return { name, passed: false, message: result.problem };
    if (!closeTo(result.value, expected, TOLERANCE)) {
      const at = `at z = ${formatNumber(z)} (alpha = ${formatNumber(alpha)}) you return`;
      if (typeof result.value !== 'number') return { name, passed: false, message: `${at} ${notANumber(result.value, 'leakyRelu', expected)}` };
      return { name, passed: false, message: `${at} ${formatNumber(result.value)}, expected ${formatNumber(expected)}: ${hint}` };
    }
  }
  return { name, passed: true, message: `right at all ${cases.length} inputs tried` };
}

/**
 * Lesson 1's exercise: the reader's `leakyRelu(z, alpha)` against the course's leaky ReLU at
 * chosen and 1,000 seeded random inputs (to 1e-9), and at z = 0, where PyTorch gives 0.
 */
export function checkLeakyRelu(exports: CellExports): CheckResult[] {
  const found = exportedFunction(exports, 'leakyRelu');
  if (typeof found !== 'function') return [found];
  const leakyRelu = found as (z: number, alpha: number) => unknown;
  const all = inputs();
  const zero = callReader(() => leakyRelu(0, 0.01), 'leakyRelu(0, 0.01)');
  const zeroPassed = !('problem' in zero) && zero.value === 0;
  return [
    side('positive z', all.filter(({ z }) => z > 0), leakyRelu, 'for z > 0 leaky ReLU is z itself'),
    side('negative z', all.filter(({ z }) => z < 0), leakyRelu, 'the negative side is alpha times z'),
    {
      name: 'z = 0',
      passed: zeroPassed,
      message: zeroPassed
        ? 'leakyRelu(0, alpha) is 0, as in PyTorch'
        : 'problem' in zero
          ? zero.problem
          : typeof zero.value === 'number'
            ? `at z = 0 you return ${formatNumber(zero.value)}, expected 0: both sides meet at 0 (PyTorch gives 0 there)`
            : `at z = 0 you return ${notANumber(zero.value, 'leakyRelu', 0)}`,
    },
  ];
}
