/**
 * An Astro integration that writes the service worker, `<outDir>/sw.js`, once the build is done:
 * the worker's source (src/offline/sw.ts, types stripped) called with every file the reader may
 * need offline and a version hashed from them (src/build/precache-list.ts), so the list is always
 * the build's own and a new build installs a new worker. It must come after searchIndex() in the
 * integrations, whose index it caches too; it fails the build if that index is not there yet.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { transformWithOxc } from 'vite';
import { precacheList, type BuiltFile } from './precache-list.ts';

const SOURCE = fileURLToPath(new URL('../offline/sw.ts', import.meta.url));

/** Every file under `dir`, with its path relative to it. */
async function builtFiles(dir: string): Promise<BuiltFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ path: relative(dir, file).split(sep).join('/'), contents: await readFile(file) })));
}

/** The text of sw.js: the worker's source as a classic script, started with `precache`. */
export async function renderServiceWorker(precache: { base: string; version: string; urls: string[] }): Promise<string> {
  const { code } = await transformWithOxc(await readFile(SOURCE, 'utf8'), SOURCE, { lang: 'ts' });
  // The source is a module only so that its types are checked apart from the pages'; sw.js is a classic script.
  const script = code.replace(/^export (?=(const|function|interface) )/gm, '').replace(/^export \{\};?\s*$/m, '');
  if (/^\s*(import|export)\b/m.test(script)) throw new Error('src/offline/sw.ts must not import or export anything but its own declarations');
  return `// Written by src/build/offline.ts from src/offline/sw.ts; version ${precache.version}.\n${script}\nserviceWorker(self, ${JSON.stringify(precache)});\n`;
}

/** The integration: `integrations: [..., searchIndex(), offline()]`. */
export default function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'course-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const files = await builtFiles(site);
        if (!files.some((file) => file.path === 'pagefind/pagefind.js')) {
          throw new Error('offline: no pagefind/pagefind.js in the build; put offline() after searchIndex() in astro.config.mjs');
        }
        const { urls, version, bytes } = precacheList(files, base);
        await writeFile(join(site, 'sw.js'), await renderServiceWorker({ base, version, urls }));
        logger.info(`service worker: ${urls.length} files, ${(bytes / 1e6).toFixed(1)} MB, precached on a first visit (version ${version})`);
      },
    },
  };
}
