/**
 * The gradient-depth widget's live charts, drawn into the view's parts: the three at
 * initialisation and the four of training, each in a task of its own (one heatmap or histogram
 * grid is a frame's work), at the width its part has now.
 */
import { chartTurns, type ChartTurn } from '../common/chart-turns.ts';
import { derivativeFigure, gradientFigure, histogramFigure, type Measurements, type RunTitles } from './figures.ts';
import { RUNS, type RunName } from './state.ts';
import { distanceFigure, gradientDomain, heatmapFigure, lossFigure, type RunEpochs } from './training-figures.ts';

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
  // One turn-taker each: a training draw must not skip the initial charts still queued.
  const [drawInitial, drawTraining] = [chartTurns(part), chartTurns(part)];
  return {
    initial(measured, titles, depth) {
      drawInitial([
        ['gradient', () => gradientFigure(measured, titles, depth, width('gradient'))],
        ['derivative', () => derivativeFigure(measured, titles, depth, width('derivative'))],
        ...RUNS.map((name): ChartTurn => [`histogram-${name}`, () => histogramFigure(measured[name], titles[name], name, depth, width(`histogram-${name}`))]),
      ]);
    },
    training(shown, previous, titles, depth, epochs, stoppedIn) {
      const domain = gradientDomain(shown);
      drawTraining([
        ['loss', () => lossFigure(shown, titles, epochs, width('loss'), previous)],
        ...RUNS.map((name): ChartTurn => [`heatmap-${name}`, () => heatmapFigure(shown[name], name, titles[name], depth, epochs, domain, width(`heatmap-${name}`), stoppedIn(name))]),
        ['distance', () => distanceFigure(shown, titles, depth, width('distance'))],
      ]);
    },
  };
}
