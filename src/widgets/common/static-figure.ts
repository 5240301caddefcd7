/**
 * Build-time rendering of a chart to SVG markup, for readers without JavaScript and for print.
 * Runs only in Astro frontmatter (Node); jsdom stands in for the browser's document.
 */
import type { PlotOptions } from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { drawChart } from './plot-theme.ts';

/** The chart as SVG (or figure) markup. */
export function renderStatic(options: PlotOptions): string {
  return drawChart(options, new JSDOM('').window.document).outerHTML;
}
