/**
 * Build-time rendering of a chart to SVG markup, for readers without JavaScript and for print.
 * Runs only in Astro frontmatter (Node); jsdom stands in for the browser's document.
 */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';

/** The chart as SVG (or figure) markup. */
export function renderStatic(options: Plot.PlotOptions): string {
  const { document } = new JSDOM('').window;
  return Plot.plot({ ...options, document }).outerHTML;
}
