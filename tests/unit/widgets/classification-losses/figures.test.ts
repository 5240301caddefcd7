import { describe, expect, test } from 'vitest';
import { renderStatic } from '../../../../src/widgets/common/static-figure.ts';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { calibrate } from '../../../../src/widgets/classification-losses/calibration.ts';
import { binaryFigure, gradientBarsFigure, probabilitiesFigure, reliabilityFigure } from '../../../../src/widgets/classification-losses/figures.ts';
import { bodyMarkup, calibrationMarkup, multiMarkup, probeMarkup } from '../../../../src/widgets/classification-losses/markup.ts';
import { binaryModel, calibrationSettings, multiModel } from '../../../../src/widgets/classification-losses/model.ts';
import { SCHEMA, type ClassificationState } from '../../../../src/widgets/classification-losses/state.ts';

const BROKEN = /NaN|Infinity|undefined/;
const state = (changes: Partial<ClassificationState> = {}): ClassificationState => ({ ...defaultState(SCHEMA), ...changes });

/** The build-time figures of a state, as Widget.astro renders them. */
function stillFigures(from: ClassificationState): string[] {
  if (from.mode === 'binary') {
    const model = binaryModel(from);
    const chart = { curves: model.curves, axis: from.axis, y: model.y, range: from.range, scale: from.scale, probe: model.probe, width: 640 };
    return [renderStatic(binaryFigure(chart, 'value')), renderStatic(binaryFigure(chart, 'gradient')), probeMarkup(model.probe)];
  }
  if (from.mode === 'multi') {
    const { model, memory } = multiModel(from);
    return [renderStatic(probabilitiesFigure(model, 320)), renderStatic(gradientBarsFigure(model, 320)), multiMarkup(model, memory)];
  }
  const result = calibrate(calibrationSettings(from));
  return [renderStatic(reliabilityFigure(result, 640)), calibrationMarkup(result)];
}

describe('the build-time figures', () => {
  test.each([
    ['binary', state()],
    ['binary, class 0, log axis, ±20', state({ y: '0', scale: 'log', range: 20 })],
    ['binary along the margin, p = 0.999', state({ axis: 'margin', p: 0.999 })],
    ['multi at ±1000', state({ mode: 'multi', k: 6, z1: 1000, z2: -1000, z3: 1000, z4: -1000, target: '2' })],
    ['calibration, small', state({ mode: 'calibration', points: 200, epochs: 10, bins: 20 })],
  ])('%s: one image per chart, described, nothing broken on it', (_, from) => {
    const parts = stillFigures(from);
    const charts = parts.filter((part) => part.includes('role="img"'));
    expect(charts.length).toBe(from.mode === 'calibration' ? 1 : 2);
    for (const part of parts) expect(part).not.toMatch(BROKEN);
    for (const chart of charts) expect(chart).toMatch(/aria-description="[^"]{40,}"/);
  });

  test('the body shows only the chosen mode', () => {
    const body = bodyMarkup({ mode: 'multi', charts: {}, probe: '', multi: '', calibration: '' });
    expect(body).toMatch(/data-mode="binary" hidden/);
    expect(body).toMatch(/data-mode="multi">/);
    expect(body).toMatch(/data-mode="calibration" hidden/);
  });
});
