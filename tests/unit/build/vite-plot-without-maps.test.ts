import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { PROJECTION, importedByD3, stubSource } from '../../../src/build/vite-plot-without-maps.ts';

// d3-geo as d3 itself finds it (it is d3's dependency, not ours).
const d3 = createRequire(import.meta.url).resolve('d3');
const d3Geo = createRequire(d3).resolve('d3-geo');

test('only d3-geo as the d3 package imports it is replaced, on any platform', () => {
  expect(importedByD3('/site/node_modules/d3/src/index.js')).toBe(true);
  expect(importedByD3('C:\\site\\node_modules\\d3\\src\\index.js')).toBe(true);
  expect(importedByD3('/site/node_modules/d3-geo-projection/src/index.js')).toBe(false);
  expect(importedByD3('/site/src/widgets/common/plot-theme.ts')).toBe(false);
  expect(importedByD3(undefined)).toBe(false);
});

test('the replacement keeps every name of d3-geo: plane paths real, projections throwing with the reason', async () => {
  const real = await import(pathToFileURL(d3Geo).href);
  const folder = mkdtempSync(join(tmpdir(), 'plot-without-maps-'));
  const file = join(folder, 'd3-geo-stub.mjs');
  writeFileSync(file, await stubSource(d3Geo));
  const stub = await import(pathToFileURL(file).href);
  expect(Object.keys(stub).sort()).toEqual(Object.keys(real).sort());
  expect(stub.geoPath).toBe(real.geoPath);
  expect(stub.geoTransform).toBe(real.geoTransform);
  expect(Object.keys(real).filter((name) => PROJECTION.test(name))).toContain('geoMercator');
  expect(() => stub.geoMercator()).toThrow(/left out of the browser build .*no maps/);
  rmSync(folder, { recursive: true, force: true });
});
