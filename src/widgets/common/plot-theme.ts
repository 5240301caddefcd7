/**
 * The shared look of every chart. Colours are CSS variables from tokens.css, so one SVG follows
 * the light and dark themes without being drawn again; the same options serve the live widget
 * and the figure rendered at build time.
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';

/** Chart series colours, in order. */
export const SERIES = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)'] as const;

/** Options every chart starts from; a figure's own options win. */
export function themed(options: PlotOptions): PlotOptions {
  return {
    marginLeft: 48,
    marginBottom: 40,
    grid: true,
    ...options,
    style: {
      background: 'transparent',
      color: 'var(--color-text)',
      fontFamily: 'var(--font-body)',
      fontSize: '13px',
      overflow: 'visible',
    },
  };
}

/**
 * Draws a chart with Plot and makes it read as one image: its label and description come from
 * the figure's ariaLabel and ariaDescription. Plot also labels each mark's <g>, which ARIA does
 * not allow on an element without a role, so those labels are removed.
 */
export function drawChart(options: PlotOptions, document?: Document): ReturnType<typeof Plot.plot> {
  const chart = Plot.plot(document ? { ...options, document } : options);
  // A chart with a legend is a <figure> holding the legend's <svg> first; the image is the chart's own.
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : (chart.querySelector('svg[aria-label]') ?? chart.querySelector('svg'));
  svg?.setAttribute('role', 'img');
  for (const group of chart.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
  return chart;
}
