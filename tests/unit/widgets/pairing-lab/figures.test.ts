/** The pairing lab's charts from known runs: one line and one set of markers per run that trained, nothing non-finite. */
import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { renderStatic } from '../../../../src/widgets/common/static-figure.ts';
import { gradientFigure, lossFigure, scoreFigure, scoreKind, type SideCurves } from '../../../../src/widgets/pairing-lab/figures.ts';
import { legendMarkup } from '../../../../src/widgets/pairing-lab/markup.ts';
import type { RunEpoch } from '../../../../src/widgets/pairing-lab/model.ts';
import { SIDES } from '../../../../src/widgets/pairing-lab/protocol.ts';
import { trainPairing } from '../../../../src/widgets/pairing-lab/session.ts';
import { SCHEMA, type PairingState } from '../../../../src/widgets/pairing-lab/state.ts';
import { sideTitle } from '../../../../src/widgets/pairing-lab/words.ts';

const base = defaultState(SCHEMA);

function curvesOf(state: PairingState): SideCurves[] {
  const sides = trainPairing(state);
  return SIDES.map((side) => ({ side, title: sideTitle(side, sides[side].pairing), refusal: sides[side].refusal, points: sides[side].points }));
}

/** Every y value a figure's marks were given. */
function yValues(options: ReturnType<typeof lossFigure>): unknown[] {
  const marks = (options.marks ?? []) as { data?: Iterable<{ value?: unknown }> }[];
  return marks.flatMap((mark) => [...(mark.data ?? [])].map((row) => row.value).filter((value) => value !== undefined));
}

describe('the pairing lab figures', () => {
  const softmax = curvesOf({ ...base, epochs: 20 });

  test('softmax, 20 epochs: a line and markers per run in each chart, and every y finite', () => {
    const charts = [lossFigure(softmax, 20, 480), scoreFigure('accuracy', softmax, 20, 480), gradientFigure(softmax, 20, 480)];
    // Loss and gradient: line + dots per run; the score chart adds a rule at 0.
    expect(charts.map((options) => options.marks?.length)).toEqual([4, 5, 4]);
    for (const options of charts) {
      const values = yValues(options);
      expect(values.length).toBeGreaterThan(40);
      expect(values.every((value) => typeof value === 'number' && Number.isFinite(value))).toBe(true);
      const markup = renderStatic(options);
      expect(markup).toContain('role="img"');
      expect(markup).not.toMatch(/NaN|Infinity|undefined/);
    }
    expect(charts[1].ariaDescription).toMatch(/^A: softmax \+ categorical cross-entropy: [\d.]+% at epoch 20; B: softmax \+ MSE: [\d.]+% at epoch 20\.$/);
  });

  test('a refused run draws nothing and says so; the other run is drawn', () => {
    const refused = curvesOf({ ...base, preset: 'refused', epochs: 10 });
    const options = lossFigure(refused, 10, 480);
    expect(options.marks).toHaveLength(2);
    expect(options.ariaDescription).toMatch(/^A: linear output \+ binary cross-entropy: refused, nothing to draw; B: /);
    expect(renderStatic(options)).not.toMatch(/NaN|Infinity|undefined/);
  });

  test('before any epoch the charts still render, with log axes on a default range', () => {
    const empty: SideCurves[] = softmax.map((curves) => ({ ...curves, points: [] }));
    for (const options of [lossFigure(empty, 50, 320), gradientFigure(empty, 50, 320), scoreFigure('rmse', empty, 50, 320)]) {
      expect(options.marks?.filter((mark) => mark !== null).length).toBeLessThanOrEqual(1);
      expect(renderStatic(options)).not.toMatch(/NaN|Infinity|undefined/);
      expect(options.ariaDescription).toMatch(/no epochs yet/);
    }
  });

  test('values a log axis cannot show (0, NaN) are left out, never drawn', () => {
    const point: RunEpoch = { epoch: 1, trainLoss: 1, validationLoss: 0, accuracy: Number.NaN, rowsRight: null, rmse: null, outputGradient: Number.NaN };
    const broken: SideCurves[] = [{ side: 'A', title: 'A', refusal: null, points: [point] }];
    expect(yValues(lossFigure(broken, 5, 320))).toEqual([]);
    expect(yValues(gradientFigure(broken, 5, 320))).toEqual([]);
    expect(renderStatic(scoreFigure('accuracy', broken, 5, 320))).not.toMatch(/NaN|Infinity|undefined/);
  });

  test('each preset is scored by what its task allows; the regression chart is in the target units', () => {
    expect(['softmax', 'sigmoid', 'regression', 'double', 'multilabel', 'refused'].map((preset) => scoreKind(preset as PairingState['preset']))).toEqual(['accuracy', 'accuracy', 'rmse', 'accuracy', 'labels', 'accuracy']);
    const wave = curvesOf({ ...base, preset: 'regression', epochs: 5 });
    const options = scoreFigure('rmse', wave, 5, 480);
    expect((options.y as { label: string }).label).toBe('validation RMSE (target units)');
    expect(options.ariaDescription).toMatch(/RMSE [\d.]+ at epoch 5/);
  });

  test('the legend names each run, its line and its marker in words', () => {
    const legend = legendMarkup({ A: softmax[0].title, B: softmax[1].title });
    expect(legend.replace(/<[^>]+>/g, '')).toBe('A: softmax + categorical cross-entropy (solid line, circles)B: softmax + MSE (dashed line, squares)');
    expect(legendMarkup({ A: 'A: x', B: 'B: y' }, ['A']).replace(/<[^>]+>/g, '')).toBe('A: x (refused, not drawn)B: y (dashed line, squares)');
  });
});
