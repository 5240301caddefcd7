import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatPercent } from '../../../src/widgets/common/format.ts';
import { calibrate } from '../../../src/widgets/classification-losses/calibration.ts';
import { multiMarkup } from '../../../src/widgets/classification-losses/markup.ts';
import { binaryModel, calibrationSettings, multiModel } from '../../../src/widgets/classification-losses/model.ts';
import { formatBytes, targetMemory } from '../../../src/widgets/classification-losses/multiclass.ts';
import { SCHEMA, stateFromProps, type ClassificationState } from '../../../src/widgets/classification-losses/state.ts';
import { formatValue, memorySentence } from '../../../src/widgets/classification-losses/words.ts';
import { formatFixed } from '../../../src/widgets/common/format.ts';

// What lesson 7 tells the reader to read in the classification-losses widget, computed with the
// widget's own code at the states the lesson's embeds and links open (props, then the link's
// fields), each compared with the rounded value the lesson states, and the text checked to
// contain it. The library's numbers behind the prose are pinned in lesson-07-numbers.test.ts.

const source = readFileSync(new URL('../../../content/lessons/07-classification-losses.mdx', import.meta.url), 'utf8');

/** Fails unless the lesson says exactly this. */
function stated(text: string) {
  expect(source, `the lesson states "${text}"`).toContain(text);
}

/** The widget's state for an embed's props and a configuring link's fields. */
function stateOf(props: Record<string, string | number>): ClassificationState {
  return stateFromProps(props, 'lesson-07-widget.test');
}

describe('lesson 7, the embeds', () => {
  test('each embed names a mode the widget has', () => {
    const modes = [...source.matchAll(/<ClassificationLosses id="(\w+)" mode="(\w+)" \/>/g)].map(([, id, mode]) => [id, mode]);
    expect(modes).toEqual([['binary', 'binary'], ['multiclass', 'multi'], ['calibration', 'calibration']]);
    for (const [, mode] of modes) expect(() => stateOf({ mode })).not.toThrow();
  });
});

describe('lesson 7, binary mode', () => {
  test('the probe opens at p = 0.01, as the teacher note says; the prompts at 0.5, 0.01 and 0.9 read as stated', () => {
    expect(stateOf({ mode: 'binary' }).p).toBe(0.01);
    const at = (p: number) => binaryModel(stateOf({ mode: 'binary', p })).probe.losses;
    expect([at(0.5).bce.value, at(0.5).bce.gradient, at(0.5).squared.value, at(0.5).squared.gradient, at(0.5).hinge.value, at(0.5).hinge.gradient].map(formatValue)).toEqual(['0.693', '-0.500', '0.250', '-0.250', '1.000', '-1.000']);
    expect([at(0.01).bce.value, at(0.01).bce.gradient, at(0.01).squared.value, at(0.01).squared.gradient].map(formatValue)).toEqual(['4.605', '-0.990', '0.980', '-0.020']);
    expect([at(0.9).bce.value, at(0.9).hinge.value, at(0.9).hinge.gradient].map(formatValue)).toEqual(['0.105', '0.000', '0.000']);
    stated('Cross-entropy rises to 4.605 and its gradient to $-0.99$; squared error creeps to 0.980 while its gradient shrinks to $-0.020$');
  });
});

describe('lesson 7, multi-class mode', () => {
  test('opens on lesson 4’s logits with class 1: 0.449 by both routes and through the probabilities; class 4: 3.449 and −0.968', () => {
    const { model } = multiModel(stateOf({ mode: 'multi' }));
    expect(model.logits).toEqual([2, 1, 0.1, -1]);
    expect([model.categorical, model.sparse, model.fromProbabilities].map(formatValue)).toEqual(['0.449', '0.449', '0.449']);
    expect(model.gradient.map(formatValue)).toEqual(['-0.362', '0.235', '0.095', '0.032']);
    const four = multiModel(stateOf({ mode: 'multi', target: '4' })).model;
    expect([four.categorical, four.sparse, four.gradient[3]].map(formatValue)).toEqual(['3.449', '3.449', '-0.968']);
    stated('The widget opens on four logits, 2, 1, 0.1 and $-1$, lesson 4\'s, with class 1 as the target. Both routes give 0.449');
  });

  test('logits 1000, −1000, 0 with class 2: 2000 by both routes, 100 through the clamp', () => {
    const { model } = multiModel(stateOf({ mode: 'multi', k: 3, z1: 1000, z2: -1000, z3: 0, target: '2' }));
    expect([model.categorical, model.sparse, model.fromProbabilities].map((value) => formatFixed(value, 0))).toEqual(['2000', '2000', '100']);
    stated('?multiclass.k=3&multiclass.z1=1000&multiclass.z2=-1000&multiclass.z3=0&multiclass.target=2#');
    stated('Both routes from the logits give 2000, the true loss; through the probabilities, where $p_2$ has rounded to 0, the clamp gives 100');
  });

  test('each route is labelled with the PyTorch and Keras names the lesson gives it', () => {
    const { model, memory } = multiModel(stateOf({ mode: 'multi' }));
    const html = multiMarkup(model, memory);
    for (const name of ['nn.CrossEntropyLoss', 'CategoricalCrossentropy(from_logits=True)', 'SparseCategoricalCrossentropy(from_logits=True)', 'sparse_cce']) {
      expect(html).toContain(`<code>${name}</code>`);
      stated(`\`${name}\``);
    }
  });

  test('the memory readout: float32 one-hot entries and int64 indices; 8,192 × 50,000 is 1.64 GB against 65.5 kB, and 10 classes 328 kB', () => {
    const { memory } = multiModel(stateOf({ mode: 'multi', rows: 8192 }));
    expect(memory).toMatchObject({ rows: 8192, classes: 50_000, oneHotBytes: 8192 * 50_000 * 4, indexBytes: 8192 * 8, ratio: 25_000 });
    expect(memorySentence(memory)).toBe('8,192 targets over 50,000 classes: 1.64 GB as float32 one-hot rows (50,000 numbers each), 65.5 kB as int64 class indices (one each): 25,000 times less.');
    expect(8192 * 8).toBe(64 * 1024);
    const ten = multiModel(stateOf({ mode: 'multi', rows: 8192, vocab: 10 })).memory;
    expect([formatBytes(ten.oneHotBytes), formatBytes(ten.indexBytes), ten.ratio]).toEqual(['328 kB', '65.5 kB', 5]);
    expect(targetMemory(8192, 10)).toEqual(ten);
    stated('1.64 GB against 65.5 kB (the 64 KiB above, counted in thousands of bytes), 25,000 times less');
    stated('the one-hot rows shrink to 328 kB, the indices stay at 65.5 kB, and the factor falls to 5');
  });
});

describe('lesson 7, calibration mode', () => {
  const result = calibrate(calibrationSettings(stateOf({ mode: 'calibration' })));
  const { bce, hinge } = result.models;

  test("the defaults the text names: seed 42, 2,000 and 2,000 points, 50 epochs, 10 bins, centres 2 apart", () => {
    expect([SCHEMA.seed.default, SCHEMA.points.default, SCHEMA.epochs.default, SCHEMA.bins.default, SCHEMA.separation.default]).toEqual([42, 2000, 50, 10, 2]);
    stated("At the widget's defaults (seed 42, 2,000 training and 2,000 held-out points, 50 epochs, 10 bins)");
    stated("against cross-entropy's 1.84 and the true 2");
  });

  test('accuracy 85.3% and 85.0%; ECE 0.023 for cross-entropy, 0.062 for hinge, 0.013 for the truth', () => {
    expect([formatPercent(bce.accuracy), formatPercent(hinge.accuracy)]).toEqual(['85.3%', '85.0%']);
    expect([bce.ece, hinge.ece, result.truthEce].map(formatValue)).toEqual(['0.023', '0.062', '0.013']);
    expect(hinge.ece / bce.ece).toBeGreaterThan(2.5);
    expect(hinge.ece / bce.ece).toBeLessThan(3);
    stated('85.3% and 85.0% of the held-out points');
    stated("Cross-entropy's expected calibration error is 0.023, not far above the 0.013 that the true probabilities themselves score");
    stated("Hinge's is 0.062, nearly three times as large");
  });

  test('hinge leans one way: every bin above 0.5 under-predicts class 1, every bin below over-predicts; 0.7–0.8 is furthest', () => {
    const filled = hinge.bins.filter((bin) => bin.count > 0);
    expect(filled.filter((bin) => bin.from >= 0.5).every((bin) => bin.observed > bin.meanPredicted)).toBe(true);
    expect(filled.filter((bin) => bin.to <= 0.5).every((bin) => bin.observed < bin.meanPredicted)).toBe(true);
    const furthest = filled.reduce((best, bin) => (Math.abs(bin.observed - bin.meanPredicted) > Math.abs(best.observed - best.meanPredicted) ? bin : best));
    expect([furthest.from, furthest.to].map((edge) => formatFixed(edge, 1))).toEqual(['0.7', '0.8']);
    expect([furthest.meanPredicted, furthest.observed].map((value) => formatFixed(value, 2))).toEqual(['0.75', '0.86']);
    const below = filled.find((bin) => formatFixed(bin.from, 1) === '0.4');
    expect([below?.meanPredicted ?? NaN, below?.observed ?? NaN].map((value) => formatFixed(value, 2))).toEqual(['0.45', '0.37']);
    expect([hinge.weights[0], bce.weights[0]].map((weight) => formatFixed(weight, 2))).toEqual(['1.37', '1.84']);
    stated('most in the bin from 0.7 to 0.8 (0.75 predicted, 0.86 observed)');
    stated('(0.45 against 0.37 in the bin from 0.4 to 0.5)');
    stated("its weight on $x_1$ is 1.37, against cross-entropy's 1.84 and the true 2");
  });

  test('at seed 1, the link’s, the pattern stays: hinge’s ECE is larger and it leans the same way', () => {
    const other = calibrate(calibrationSettings(stateOf({ mode: 'calibration', seed: 1 })));
    expect(other.models.hinge.ece).toBeGreaterThan(other.models.bce.ece);
    const filled = other.models.hinge.bins.filter((bin) => bin.count > 0);
    expect(filled.filter((bin) => bin.from >= 0.5).every((bin) => bin.observed > bin.meanPredicted)).toBe(true);
    expect(filled.filter((bin) => bin.to <= 0.5).every((bin) => bin.observed < bin.meanPredicted)).toBe(true);
    stated('[Try another seed](?calibration.seed=1#probabilities-and-calibration): the numbers move, the pattern stays.');
  });
});
