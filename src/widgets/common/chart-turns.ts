/**
 * Draws a widget's charts each in a task of its own, so that no task of the main thread runs
 * long (a Plot chart takes a few milliseconds to tens of milliseconds). A chart whose turn comes
 * after a newer call, the figures having moved on to another run, is skipped: that call draws it.
 */
import { drawChart } from './plot-theme.ts';

/** One chart: the data-part it replaces, and its Plot options, built only when its turn comes. */
export type ChartTurn = readonly [part: string, figure: () => Parameters<typeof drawChart>[0]];

/** Returns the function that draws `charts` in turn into `part(name)`, newest call winning. */
export function chartTurns(part: (name: string) => Element): (charts: readonly ChartTurn[]) => void {
  let latest = 0;
  return (charts) => {
    const call = ++latest;
    charts.forEach(([name, figure], index) => setTimeout(() => call === latest && part(name).replaceChildren(drawChart(figure())), index));
  };
}
