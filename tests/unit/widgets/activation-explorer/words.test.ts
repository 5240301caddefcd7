import { describe, expect, test } from 'vitest';
import { ACTIVATION_IDS } from '../../../../src/lib/index.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { SCHEMA, type ActivationExplorerState } from '../../../../src/widgets/activation-explorer/state.ts';
import { inputsLand, probe } from '../../../../src/widgets/activation-explorer/model.ts';
import { changeKind } from '../../../../src/widgets/activation-explorer/layout.ts';
import { aboutListMarkup, legendMarkup, readoutMarkup } from '../../../../src/widgets/activation-explorer/markup.ts';
import {
  differenceWords,
  formatReading,
  landSentence,
  probeSummary,
  propertyLines,
  readoutRows,
  windowWords,
} from '../../../../src/widgets/activation-explorer/words.ts';

const DEFAULTS = defaultState(SCHEMA);
const state = (changes: Partial<ActivationExplorerState>): ActivationExplorerState => ({ ...DEFAULTS, ...changes });
const BAD = /NaN|undefined|Infinity|-0(?![.\d])|-0\.0+(?!\d*[1-9])/;

describe('formatReading', () => {
  test('zero of either sign reads 0, the usual span four decimals, the tails scientific', () => {
    expect(formatReading(0)).toBe('0');
    expect(formatReading(-0)).toBe('0');
    expect(formatReading(0.880797)).toBe('0.8808');
    expect(formatReading(-1000)).toBe('-1000.0000');
    expect(formatReading(5e-435 * 1e300)).toBe('0');
    expect(formatReading(1.2e-7)).toBe('1.200e-7');
    expect(formatReading(3.4e8)).toBe('3.400e+8');
    expect(formatReading(Number.NaN)).toBe('not a number');
  });
});

describe('the probe at the edges of its field', () => {
  const pairs = ACTIVATION_IDS.map((id) => [id, id === 'tanh' ? 'sigmoid' : 'tanh'] as const);
  test.each(pairs)('%s at z = ±1000 and 0: every cell finite, no NaN, no -0', (f1, f2) => {
    for (const z of [1000, -1000, 0, 0.01, -0.01]) {
      const s = state({ f1, f2, f3: 'none', z });
      const rows = readoutRows(probe(s), [f1, f2]);
      const text = [readoutMarkup(s, rows), probeSummary(s, rows), windowWords(s)].join(' ');
      expect(text).not.toMatch(BAD);
    }
  });

  test('where f′ = 0 the difference is absolute and says so; otherwise relative', () => {
    const [sigmoid] = probe(state({ z: 1000, f2: 'none' }));
    expect(sigmoid.df).toBe(0);
    expect(differenceWords(sigmoid)).toMatch(/^0 \(both are 0\)$|^absolute/);
    const [relu] = probe(state({ f1: 'relu', f2: 'none', z: -3 }));
    expect(differenceWords(relu)).toBe('0 (both are 0)');
    const [step] = probe(state({ f1: 'step', f2: 'none', z: 0 }));
    expect(differenceWords(step)).toMatch(/^absolute \d+\.\d{4} \(f′ = 0\)$/);
    const [tanh] = probe(state({ f1: 'tanh', f2: 'none', z: 1 }));
    expect(differenceWords(tanh)).toMatch(/^\d\.\de-\d+$/);
  });

  test('at a kink the row carries the note with the convention, and the table lists it', () => {
    const s = state({ f1: 'relu', f2: 'sigmoid', z: 0 });
    const rows = readoutRows(probe(s), ['ReLU', 'Sigmoid']);
    expect(rows[0].note).toMatch(/ReLU'\(0\) = 0, as in PyTorch/);
    expect(rows[1].note).toBeUndefined();
    expect(readoutMarkup(s, rows)).toMatch(/<caption>The probe at z = 0.00<\/caption>[\s\S]*<li><strong>ReLU:<\/strong>/);
  });

  test('outside the window the probe says so, inside it says nothing', () => {
    expect(windowWords(state({ z: 1000 }))).toMatch(/z = 1000.00 lies outside the plotted window \(z from -6.00 to 6.00\)/);
    expect(windowWords(state({ z: 6 }))).toBe('');
  });
});

describe('properties in words', () => {
  test('sigmoid, ReLU, step and Swish read as computed', () => {
    const words = (f1: ActivationExplorerState['f1']) => Object.fromEntries(propertyLines(state({ f1 }), f1).map((line) => [line.term, line.value]));
    expect(words('sigmoid')).toMatchObject({ Range: '(0, 1)', Bounded: 'bounded', 'Zero-centred': 'no (mean output 0.5 for standard normal z)', Monotonic: 'yes', 'Largest slope': '0.25, at z = 0' });
    expect(words('tanh')).toMatchObject({ Range: '(−1, 1)', 'Zero-centred': 'yes (mean output 0 for standard normal z)', 'Largest slope': '1, at z = 0' });
    expect(words('relu')).toMatchObject({ Range: '[0, ∞)', Bounded: 'bounded below, not above', 'Largest slope': '1, for z ≥ 0' });
    expect(words('relu')['At the kink']).toMatch(/PyTorch/);
    expect(words('step')).toMatchObject({ Range: '{0, 1}' });
    expect(words('swish').Monotonic).toMatch(/^no \(lowest at z ≈ -1\.278\)$/);
    expect(words('linear')).toMatchObject({ Range: '(−∞, ∞)', Bounded: 'unbounded', 'Largest slope': '1, everywhere' });
  });

  test('α is given with the library default beside it', () => {
    const line = (changes: Partial<ActivationExplorerState>) => propertyLines(state(changes), 'leaky_relu').find((item) => item.term === 'α')?.value;
    expect(line({ f1: 'leaky_relu' })).toBe("0.01 (the library's default)");
    expect(line({ f1: 'leaky_relu', leakyAlpha: 0.2 })).toBe("0.2 (the library's default is 0.01)");
    expect(propertyLines(state({}), 'sigmoid').some((item) => item.term === 'α')).toBe(false);
  });

  test('no property of any activation reads NaN, undefined or Infinity', () => {
    for (const id of ACTIVATION_IDS) {
      const text = aboutListMarkup(state({ f1: id }), [id], [id], () => '');
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});

describe('where the inputs land, the legend and the kinds of change', () => {
  test('N(0, 1) at fan-in 100 puts 64.7% of sigmoid units in the saturated zone; Xavier none', () => {
    expect(landSentence(inputsLand(state({})), ['Sigmoid', 'Tanh'])).toMatch(/Sigmoid 64\.7%; Tanh/);
    expect(landSentence(inputsLand(state({ init: 'xavier' })), ['Sigmoid', 'Tanh'])).toMatch(/Sigmoid 0\.0%/);
    // N(0, 1) at fan-in 100 spreads z with sd 10: P(|z| > 6) ≈ 55% lies off a ±6 chart, and the sentence says so.
    const wide = inputsLand(state({}));
    const outside = (wide.below + wide.above) / wide.samples.length;
    expect(outside).toBeGreaterThan(0.5);
    expect(landSentence(wide, ['Sigmoid', 'Tanh'])).toContain(`of the pre-activations lie outside the plotted window (|z| > 6.00)`);
    expect(landSentence(inputsLand(state({ init: 'xavier' })), ['Sigmoid', 'Tanh'])).not.toContain('outside');
  });

  test('the legend has one item per name with its dash in words', () => {
    const legend = legendMarkup(['Sigmoid', 'Tanh', 'ReLU <b>']);
    expect(legend.match(/<li /g)).toHaveLength(3);
    expect(legend).toMatch(/\(solid\)[\s\S]*\(dashed\)[\s\S]*\(dotted\)/);
    expect(legend).toContain('ReLU &lt;b&gt;');
  });

  test('a change is the probe, the inputs-land settings, or the functions and view', () => {
    expect(changeKind({ z: 1 })).toBe('probe');
    expect(changeKind({ fanIn: 10, init: 'he' })).toBe('land');
    expect(changeKind({ f1: 'relu' })).toBe('functions');
    expect(changeKind({ z: 1, fanIn: 3 })).toBe('functions');
  });
});
