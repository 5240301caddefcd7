/**
 * The live heatmap: the network's probabilities painted into a tiny canvas (one pixel a cell)
 * and shown, smoothly scaled, as an SVG image beneath the points. Repainting is one putImageData
 * and a 48×48 PNG, where recolouring thousands of SVG cells took longer than a frame.
 */
import { CLASS_COLOURS, heatmapStrength } from './figures.ts';
import { GRID, type Bounds } from './model.ts';

type Chart = SVGSVGElement & { scale(name: string): { apply(value: number): number } | undefined };

/** Repaints the heatmap; `themeChanged` re-reads the colours, which otherwise are read once. */
export type HeatmapPainter = (probabilities: Float64Array, themeChanged?: boolean) => void;

/** A painter for one chart: places the image over the plot area, then repaints it on demand. */
export function createHeatmap(chart: Chart, bounds: Bounds, host: HTMLElement): HeatmapPainter {
  const x = chart.scale('x')!;
  const y = chart.scale('y')!;
  const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
  const left = x.apply(bounds.xMin);
  const top = y.apply(bounds.yMax);
  image.setAttribute('x', String(left));
  image.setAttribute('y', String(top));
  image.setAttribute('width', String(x.apply(bounds.xMax) - left));
  image.setAttribute('height', String(y.apply(bounds.yMin) - top));
  image.setAttribute('preserveAspectRatio', 'none');
  image.setAttribute('aria-hidden', 'true');
  const firstMark = chart.querySelector('g.al-points');
  chart.insertBefore(image, firstMark);

  const canvas = document.createElement('canvas');
  canvas.width = GRID;
  canvas.height = GRID;
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(GRID, GRID);
  // Reading a computed colour forces a style pass over the page, so it is done once per theme.
  const readColours = () => ['var(--color-bg)', ...CLASS_COLOURS].map((colour) => resolve(host, colour));
  let [background, class0, class1] = readColours();
  return (probabilities, themeChanged = false) => {
    if (themeChanged) [background, class0, class1] = readColours();
    for (let i = 0; i < GRID * GRID; i++) {
      const p = probabilities[i];
      const strength = Number.isFinite(p) ? heatmapStrength(p) : 0;
      const colour = p >= 0.5 ? class1 : class0;
      for (let channel = 0; channel < 3; channel++) {
        pixels.data[4 * i + channel] = background[channel] + (colour[channel] - background[channel]) * strength;
      }
      pixels.data[4 * i + 3] = 255;
    }
    context.putImageData(pixels, 0, 0);
    image.setAttribute('href', canvas.toDataURL());
  };
}

/** A CSS colour (variables included) as the browser computes it, in RGB. */
function resolve(host: HTMLElement, colour: string): [number, number, number] {
  const probe = document.createElement('span');
  probe.style.color = colour;
  host.append(probe);
  const [r, g, b] = getComputedStyle(probe).color.match(/[\d.]+/g)!.map(Number);
  probe.remove();
  return [r, g, b];
}
