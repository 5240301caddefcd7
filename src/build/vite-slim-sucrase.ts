/**
 * Leaves out of the browser's code cells the parts of sucrase they never use: its options
 * validator (ts-interface-checker and its generated type tables), its source-map writer
 * (@jridgewell), and the transformers for JSX, Flow, Jest, React, ES-module output and the
 * ES-syntax downlevelling that `disableESTransforms` turns off. The cells always pass the same
 * options (`transforms: ['typescript', 'imports']`, `disableESTransforms: true`), which the unit
 * tests run through the real, validating sucrase in Node; sucrase keeps every line where it was,
 * so no source map is needed. Each stub throws if it is ever reached, so a change of options
 * fails loudly instead of transforming wrongly. About 14 KB gzipped of a cell's first run.
 */
import type { Plugin } from 'vite';

const unused = (what: string) => `throw new Error('sucrase: ${what} is left out of the browser build (src/build/vite-slim-sucrase.ts)');`;

/** A transformer class the cells never construct. */
const unusedTransformer = (name: string) => `export default class ${name} { constructor() { ${unused(name)} } }`;

/** Stubs by the importing module (a path ending) and the import it makes. */
const STUBS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'sucrase/dist/esm/index.js': {
    './Options': 'export function validateOptions() {}',
    './computeSourceMap': `export default function computeSourceMap() { ${unused('the source-map writer')} }`,
  },
  'sucrase/dist/esm/transformers/RootTransformer.js': Object.fromEntries(
    [
      'ESMImportTransformer',
      'FlowTransformer',
      'JestHoistTransformer',
      'JSXTransformer',
      'NumericSeparatorTransformer',
      'OptionalCatchBindingTransformer',
      'OptionalChainingNullishTransformer',
      'ReactDisplayNameTransformer',
      'ReactHotLoaderTransformer',
    ].map((name) => [`./${name}`, unusedTransformer(name)]),
  ),
  // The one other import of the JSX transformer wants only this small function, kept as it is.
  'sucrase/dist/esm/util/getNonTypeIdentifiers.js': {
    '../transformers/JSXTransformer':
      'export function startsWithLowerCase(s) { const first = s.charCodeAt(0); return first >= 97 && first <= 122; }',
  },
};

const PREFIX = '\0slim-sucrase:';

/** The Vite plugin: resolves those imports inside sucrase to the stubs above. */
export default function slimSucrase(): Plugin {
  return {
    name: 'slim-sucrase',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return undefined;
      const path = importer.replaceAll('\\', '/');
      const owner = Object.keys(STUBS).find((ending) => path.endsWith(ending));
      return owner && STUBS[owner]?.[source] !== undefined ? `${PREFIX}${owner}|${source}` : undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const [owner = '', source = ''] = id.slice(PREFIX.length).split('|');
      return STUBS[owner]?.[source];
    },
  };
}
