/**
 * Leaves two parts of sucrase out of the browser's code cells, which never use them: its options
 * validator (ts-interface-checker and its generated type tables) and its source-map writer
 * (@jridgewell). The cells always pass the same options, which the unit tests run through the
 * real, validating sucrase in Node; source maps are not needed because sucrase keeps every line
 * where it was. About 8 KB gzipped of the first run a reader loads.
 */
import type { Plugin } from 'vite';

const STUBS: Readonly<Record<string, string>> = {
  './Options': 'export function validateOptions() {}',
  './computeSourceMap': "export default function computeSourceMap() { throw new Error('sucrase source maps are left out of the browser build'); }",
};

const PREFIX = '\0slim-sucrase:';

/** The Vite plugin: resolves those two imports of sucrase's entry module to the stubs above. */
export default function slimSucrase(): Plugin {
  return {
    name: 'slim-sucrase',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && /[\\/]sucrase[\\/]dist[\\/]esm[\\/]index\.js$/.test(importer) && source in STUBS) return PREFIX + source;
      return undefined;
    },
    load(id) {
      return id.startsWith(PREFIX) ? STUBS[id.slice(PREFIX.length)] : undefined;
    },
  };
}
