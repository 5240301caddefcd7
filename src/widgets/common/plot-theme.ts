/**
 * The shared look of every chart. Colours are CSS variables from tokens.css, so one SVG follows
 * the light and dark themes without being drawn again; the same options serve the live widget
 * and the figure rendered at build time.
 */
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
