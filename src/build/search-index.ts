/**
 * An Astro integration that indexes the built site with Pagefind once the build is done, so every
 * `astro build` (npm run build, the browser tests' setup, the benchmarks) writes a search index to
 * `<outDir>/pagefind/`. What is indexed is marked in the pages: `data-pagefind-body` on a lesson's
 * and the reference page's text, `data-pagefind-ignore` on what is not prose. A build whose
 * index fails, or finds no page, fails.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * What a page holds that is not text to find: formulas (KaTeX's two renderings repeat each
 * other), charts, the widgets' controls and readouts, code blocks (whose `(z:` and `=>` would
 * match a one-letter word in every lesson), and teacher notes, hidden from most readers.
 */
const EXCLUDED = ['.katex', 'svg', 'pre', '.al-widget', 'al-validity', '.teacher-note'];

/** The integration: `integrations: [searchIndex()]`. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'course-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'en', excludeSelectors: EXCLUDED });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0 || added.page_count === 0) {
            throw new Error(`Pagefind indexed ${added.page_count} pages: ${added.errors.join('; ') || 'no page is marked data-pagefind-body'}`);
          }
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await close();
        }
      },
    },
  };
}
