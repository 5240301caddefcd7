/**
 * The lab's gradient table never calls a correct backward pass wrong and always calls the
 * article's wrong: the worker's real check (model.ts's configuration, 32 training rows,
 * epsilon 1e-6, sampled layers) read through the table's own verdict, over many seeds.
 */
import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { gradientVerdict } from '../../../src/widgets/moons-lab/panels.ts';
import { SCHEMA, type LabState } from '../../../src/widgets/moons-lab/state.ts';
import { harness } from './lab-session-harness.ts';

/** The table's verdicts for a fresh run of `state`, and again after `epochs` steps. */
function verdicts(state: LabState, epochs: number) {
  const lab = harness();
  lab.send({ type: 'configure', state, points: [] });
  const checks = [];
  for (let epoch = 0; ; epoch++) {
    lab.send({ type: 'gradient-check' });
    lab.runQueue();
    checks.push(lab.of('gradients').at(-1)!.layers!);
    if (epoch === epochs) break;
    lab.send({ type: 'step' });
  }
  return checks.flat().map((layer) => ({
    correct: gradientVerdict(layer.correct, layer.checked),
    article: gradientVerdict(layer.article, layer.checked),
    kinkCrossings: layer.kinkCrossings,
  }));
}

const article = defaultState(SCHEMA);

describe('the gradient table', () => {
  test("on the article's network, seeds 0 to 59, fresh and after one epoch", { timeout: 60_000 }, () => {
    let kinks = 0;
    for (let seed = 0; seed < 60; seed++) {
      for (const layer of verdicts({ ...article, seed }, 1)) {
        expect(layer.correct, `seed ${seed}`).toBe('agrees');
        expect(layer.article, `seed ${seed}`).toBe('wrong');
        kinks += layer.kinkCrossings;
      }
    }
    // Kinks are crossed now and then; each would have spoilt its layer's error.
    expect(kinks).toBeGreaterThan(0);
  });

  test.each([
    { hidden: [4] },
    { hidden: [16, 16], activation: 'leaky_relu' },
    { hidden: [16, 16], activation: 'elu' },
    { hidden: [16, 16], activation: 'swish' },
    { hidden: [16, 16], activation: 'tanh' },
    { hidden: [8, 8, 8, 8, 8], activation: 'sigmoid' },
  ] as Partial<LabState>[])('on %o, ten seeds', { timeout: 20_000 }, (change) => {
    for (let seed = 0; seed < 10; seed++) {
      for (const layer of verdicts({ ...article, ...change, points: 400, seed }, 2)) {
        expect(layer.correct, `seed ${seed}`).toBe('agrees');
        expect(layer.article, `seed ${seed}`).toBe('wrong');
      }
    }
  });

  test('on a wide, sampled network, four seeds', { timeout: 30_000 }, () => {
    for (let seed = 0; seed < 4; seed++) {
      for (const layer of verdicts({ ...article, hidden: [64, 64, 64], points: 400, seed }, 1)) {
        expect(layer.correct, `seed ${seed}`).toBe('agrees');
        expect(layer.article, `seed ${seed}`).toBe('wrong');
      }
    }
  });
});
