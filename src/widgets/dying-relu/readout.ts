/** The dying-ReLU widget's readout of the selected unit: its words (words.ts) and its pre-activation histogram. */
import { drawChart } from '../common/plot-theme.ts';
import { histogramFigure } from './figures.ts';
import type { DyingActivation, DyingOptimizer } from './model.ts';
import type { SideProgress } from './protocol.ts';
import type { Side } from './state.ts';
import { unitReadout } from './words.ts';

/** A unit of one run: its run, hidden layer and index, from 0. */
export interface SelectedUnit {
  side: Side;
  layer: number;
  unit: number;
}

/** Writes what `selected` is at the run's latest report into `readout`, and draws its histogram into `histogram`; says so when nothing is selected. */
export function drawReadout(readout: HTMLElement, histogram: HTMLElement, selected: SelectedUnit | null, latest: SideProgress | null, activation: DyingActivation, optimizer: DyingOptimizer): void {
  const unit = selected && latest ? latest.units.layers[selected.layer]?.[selected.unit] : undefined;
  if (!selected || !latest || !unit) {
    readout.textContent = 'No unit selected yet.';
    histogram.replaceChildren();
    return;
  }
  const history = latest.histories[selected.layer][selected.unit];
  const rows = unit.counts.reduce((sum, count) => sum + count, 0);
  readout.textContent = unitReadout({ ...selected, activation, optimizer, state: unit, history, rows });
  const width = histogram.clientWidth || 480;
  histogram.replaceChildren(drawChart(histogramFigure(unit, `run ${selected.side}, layer ${selected.layer + 1}, unit ${selected.unit + 1}`, width)));
}
