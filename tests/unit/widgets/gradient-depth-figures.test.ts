import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../src/widgets/common/state.ts';
import { renderStatic } from '../../../src/widgets/common/static-figure.ts';
import { derivativeFigure, gradientFigure, histogramFigure, shownLayers, type Measurements } from '../../../src/widgets/gradient-depth/figures.ts';
import { finished, progressLine, runTitles, statusLine, toolbarState, type RunsView } from '../../../src/widgets/gradient-depth/messages.ts';
import { measureAtInit, prepareMoons } from '../../../src/widgets/gradient-depth/model.ts';
import { SCHEMA, runSettings } from '../../../src/widgets/gradient-depth/state.ts';
import { decades, distanceFigure, heatmapFigure, lossFigure } from '../../../src/widgets/gradient-depth/training-figures.ts';

const state = { ...defaultState(SCHEMA), depth: 4, width: 8 };
const data = prepareMoons(state.seed).train;
const measured: Measurements = { A: measureAtInit(runSettings(state, 'A'), data), B: measureAtInit(runSettings(state, 'B'), data) };
const titles = runTitles(state);

describe('the gradient-depth figures', () => {
  test('a layer whose gradient is not finite is left out and named in the description, never drawn as NaN', () => {
    const broken: Measurements = { ...measured, B: { ...measured.B, layers: measured.B.layers.map((layer, l) => (l === 0 ? { ...layer, weightGradientNorm: Number.NaN, theoryNorm: Number.NaN } : layer)) } };
    const options = gradientFigure(broken, titles, state.depth, 640);
    expect(options.ariaDescription).toMatch(/Run B \(ReLU, He\): 1 layer not drawn, because its gradient was zero or not a finite number\./);
    const svg = renderStatic(options);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  test('every chart renders at build time with a description in words, and no raw non-finite text', () => {
    const epoch = { epoch: 1, loss: 0.69, validationLoss: 0.69, gradientNorms: [1e-6, 1e-4, 1e-3, 1e-2, 0.1], weightDistances: [0, 0, 0, 0, 0.1], relativeDistances: [0, 0, 0, 0.01, 0.2] };
    const epochs = { A: [epoch], B: [] };
    const charts = [
      gradientFigure(measured, titles, 4, 640),
      derivativeFigure(measured, titles, 4, 640),
      histogramFigure(measured.A, titles.A, 'A', 4, 320),
      lossFigure(epochs, titles, 10, 640),
      heatmapFigure(epochs.A, 'A', titles.A, 4, 10, [1e-6, 0.1], 320),
      heatmapFigure([], 'B', titles.B, 4, 10, [1e-6, 0.1], 320, 1),
      distanceFigure(epochs, titles, 4, 640),
    ];
    for (const options of charts) {
      expect(String(options.ariaDescription).length).toBeGreaterThan(20);
      const markup = renderStatic(options);
      expect(markup).toContain('role="img"');
      expect(markup).not.toMatch(/NaN|Infinity|undefined/);
    }
    expect(charts[5].ariaDescription).toMatch(/stopped in epoch 1/);
  });

  test('deep networks show ten layers of activations, first and last included; the colour steps are decades', () => {
    expect(shownLayers(4)).toEqual([0, 1, 2, 3]);
    expect(shownLayers(30)).toEqual([0, 3, 6, 10, 13, 16, 19, 23, 26, 29]);
    expect(decades([2e-7, 0.14])).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1]);
  });
});

describe('the gradient-depth toolbar and status', () => {
  const view = (changes: Partial<RunsView>): RunsView => ({ started: true, running: false, epochs: { A: 0, B: 0 }, sides: { A: { kind: 'training' }, B: { kind: 'training' } }, blocked: null, ...changes });
  const divergence = { epoch: 1, value: 'gradient' as const, layer: 0, message: 'Run B stopped.', suggestion: 'Try He.' };

  test('Train before the networks are built is off; Pause while running; Resume after a pause; off once both runs stopped', () => {
    expect(toolbarState(view({ started: false })).playDisabled).toBe(true);
    expect(toolbarState(view({}))).toEqual({ playLabel: 'Train', playDisabled: false, stepDisabled: false });
    expect(toolbarState(view({ running: true, epochs: { A: 3, B: 3 } }))).toEqual({ playLabel: 'Pause', playDisabled: false, stepDisabled: true });
    expect(toolbarState(view({ epochs: { A: 3, B: 3 } })).playLabel).toBe('Resume');
    const stopped = view({ epochs: { A: 10, B: 0 }, sides: { A: { kind: 'done' }, B: { kind: 'diverged', divergence } } });
    expect(finished(stopped)).toBe(true);
    expect(toolbarState(stopped)).toEqual({ playLabel: 'Train', playDisabled: true, stepDisabled: true });
    expect(progressLine(stopped, 10)).toBe('Run A: done, 10 epochs · Run B: stopped in epoch 1');
    expect(statusLine(stopped)).toBe('Run B stopped. Try He.');
  });
});
