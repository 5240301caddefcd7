import { expect, test } from 'vitest';
import slimSucrase from '../../../src/build/vite-slim-sucrase.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const plugin = slimSucrase();
const resolve = (source: string, importer?: string) => (plugin.resolveId as Hook).call({}, source, importer, {});
const load = (id: string) => (plugin.load as Hook).call({}, id);

test('only the imports the cells never use are stubbed, and only inside sucrase', () => {
  const root = '/site/node_modules/sucrase/dist/esm/';
  expect(resolve('./Options', `${root}index.js`)).toBeTypeOf('string');
  expect(resolve('./JSXTransformer', `${root}transformers/RootTransformer.js`)).toBeTypeOf('string');
  // What the cells do use is left alone: the TypeScript and CommonJS-imports transformers.
  expect(resolve('./TypeScriptTransformer', `${root}transformers/RootTransformer.js`)).toBeUndefined();
  expect(resolve('./CJSImportTransformer', `${root}transformers/RootTransformer.js`)).toBeUndefined();
  expect(resolve('./Options', '/site/src/cells/transpile.ts')).toBeUndefined();
  expect(resolve('./Options')).toBeUndefined();
  // Windows paths too.
  expect(resolve('./computeSourceMap', 'C:\\site\\node_modules\\sucrase\\dist\\esm\\index.js')).toBeTypeOf('string');
});

test('a stubbed transformer fails loudly if a change of options ever reaches it', () => {
  const id = resolve('./JSXTransformer', '/x/node_modules/sucrase/dist/esm/transformers/RootTransformer.js') as string;
  const code = load(id) as string;
  const Transformer = new Function(`${code.replace('export default class', 'return class')}`)() as new () => unknown;
  expect(() => new Transformer()).toThrow(/left out of the browser build/);
  const helper = load(resolve('../transformers/JSXTransformer', '/x/node_modules/sucrase/dist/esm/util/getNonTypeIdentifiers.js') as string) as string;
  const startsWithLowerCase = new Function(`${helper.replace('export function', 'return function')}`)() as (s: string) => boolean;
  expect([startsWithLowerCase('div'), startsWithLowerCase('Div'), startsWithLowerCase('_a'), startsWithLowerCase('z')]).toEqual([true, false, false, true]);
});
