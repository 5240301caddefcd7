/**
 * Build-time rendering of a chart to SVG markup, for readers without JavaScript and for print.
 * Runs only in Astro frontmatter (Node); jsdom stands in for the browser's document.
 */
import type { PlotOptions } from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { compactFigure } from './compact-figure.ts';
import { drawChart } from './plot-theme.ts';

/** The chart as SVG (or figure) markup, compacted (compact-figure.ts): it is part of the lesson's HTML. */
export function renderStatic(options: PlotOptions): string {
  const chart = drawChart(options, new JSDOM('').window.document);
  compactFigure(chart);
  return chart.outerHTML;
}
