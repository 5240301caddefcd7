/**
 * Leaves d3-geo's map projections out of the browser's chart chunk. Observable Plot names every
 * projection it supports (Albers, Mercator, …) in one switch, so the bundler keeps them all,
 * though no chart of the course draws a map; they were about an eighth of the chunk every widget
 * loads. In the browser build, `d3-geo` imported by `d3` resolves to a module that re-exports the
 * real d3-geo except its projections, which throw if they are ever called, so a chart that starts
 * using one fails loudly. Plot's own plane paths (geoPath, geoTransform, geoStream) stay real.
 * Build-time figures (Node) keep all of d3-geo.
 */
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const STUB = '\0plot-without-maps:d3-geo';

/** A projection's name in d3-geo: what is left out. */
export const PROJECTION = /^geo(Albers|Azimuthal|Conic|EqualEarth|Equirectangular|Gnomonic|Mercator|NaturalEarth|Orthographic|Stereographic|TransverseMercator)/;

/** The module's source: the d3-geo module at `path` re-exported, each projection replaced by a function that says why it is missing. */
export async function stubSource(path: string): Promise<string> {
  const names = Object.keys(await import(pathToFileURL(path).href));
  const projections = names.filter((name) => PROJECTION.test(name));
  if (projections.length === 0) throw new Error('vite-plot-without-maps: no projection found in d3-geo; has it changed?');
  const fail = (name: string) => `export function ${name}() { throw new Error('d3-geo (${name}) is left out of the browser build (src/build/vite-plot-without-maps.ts): the course draws no maps'); }`;
  const kept = names.filter((name) => !PROJECTION.test(name));
  return [`export { ${kept.join(', ')} } from ${JSON.stringify(path)};`, ...projections.map(fail)].join('\n');
}

/** Whether `importer` is the d3 umbrella package, the one way Plot reaches d3-geo. */
export function importedByD3(importer: string | undefined): boolean {
  return importer !== undefined && /[\\/]node_modules[\\/]d3[\\/]/.test(importer);
}

/** The Vite plugin, for the client environment only. */
export default function plotWithoutMaps(): Plugin {
  return {
    name: 'al-plot-without-maps',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    async resolveId(source, importer) {
      if (source !== 'd3-geo' || !importedByD3(importer)) return undefined;
      // The real module is found as d3 would find it, so its names are the ones d3 re-exports.
      const real = await this.resolve(source, importer, { skipSelf: true });
      return real ? `${STUB}|${real.id}` : undefined;
    },
    load(id) {
      return id.startsWith(`${STUB}|`) ? stubSource(id.slice(STUB.length + 1)) : undefined;
    },
  };
}
