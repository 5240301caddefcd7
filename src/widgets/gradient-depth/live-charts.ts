/**
 * The gradient-depth widget's live charts, drawn into the view's parts: the three at
 * initialisation and the four of training, each in a task of its own (one heatmap or histogram
 * grid is a frame's work), at the width its part has now.
 */
import { drawChart } from '../common/plot-theme.ts';
import { derivativeFigure, gradientFigure, histogramFigure, type Measurements, type RunTitles } from './figures.ts';
import { RUNS, type RunName } from './state.ts';
import { distanceFigure, gradientDomain, heatmapFigure, lossFigure, type RunEpochs } from './training-figures.ts';

type Chart = [string, () => Parameters<typeof drawChart>[0]];

/** What the view draws with. */
export interface DepthCharts {
  /** Gradient norms, mean |f'(z)| and both runs' activation histograms at initialisation. */
  initial(measured: Measurements, titles: RunTitles, depth: number): void;
  /** Loss (the runs before a retrain faint), both heatmaps and the weights' distance; `stoppedIn` is a diverged side's epoch. */
  training(shown: RunEpochs, previous: RunEpochs, titles: RunTitles, depth: number, epochs: number, stoppedIn: (name: RunName) => number | null): void;
}

/** The charts of the view whose parts `part` finds. */
export function depthCharts(part: (name: string) => HTMLElement): DepthCharts {
  const width = (name: string) => Math.max(260, part(name).clientWidth || 320);
  const drawEach = (charts: Chart[]) => {
    for (const [name, options] of charts) setTimeout(() => part(name).replaceChildren(drawChart(options())));
  };
  return {
    initial(measured, titles, depth) {
      drawEach([
        ['gradient', () => gradientFigure(measured, titles, depth, width('gradient'))],
        ['derivative', () => derivativeFigure(measured, titles, depth, width('derivative'))],
        ...RUNS.map((name): Chart => [`histogram-${name}`, () => histogramFigure(measured[name], titles[name], name, depth, width(`histogram-${name}`))]),
      ]);
    },
    training(shown, previous, titles, depth, epochs, stoppedIn) {
      const domain = gradientDomain(shown);
      drawEach([
        ['loss', () => lossFigure(shown, titles, epochs, width('loss'), previous)],
        ...RUNS.map((name): Chart => [`heatmap-${name}`, () => heatmapFigure(shown[name], name, titles[name], depth, epochs, domain, width(`heatmap-${name}`), stoppedIn(name))]),
        ['distance', () => distanceFigure(shown, titles, depth, width('distance'))],
      ]);
    },
  };
}
