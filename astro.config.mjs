// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeFailOnMathErrors from './src/build/rehype-fail-on-math-errors.ts';
import slimSucrase from './src/build/vite-slim-sucrase.ts';
import katexFonts from './src/build/vite-katex-fonts.ts';
import plotWithoutMaps from './src/build/vite-plot-without-maps.ts';
import remarkCodeCells from './src/build/remark-code-cells.ts';
import searchIndex from './src/build/search-index.ts';
import offline from './src/build/offline.ts';

// BASE_PATH lets the same site be hosted under a sub-path, e.g. BASE_PATH=/course/ npm run build.
// OUT_DIR and ASTRO_CACHE_DIR let the browser tests build the root and the sub-path sites side by
// side, at the same time: each build keeps its content store and Vite cache in its own folder.
const base = process.env.BASE_PATH ?? '/';
// SITE_URL is the host's origin (https://example.org, without the sub-path): with it the build
// adds canonical links and og:url to every page, sitemap-index.xml, and robots.txt points at it.
const site = process.env.SITE_URL || undefined;

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkCodeCells],
      rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeFailOnMathErrors],
    }),
    shikiConfig: {
      // The high-contrast themes keep comments readable (WCAG AA) on both backgrounds.
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    },
  },
  // Workers are bundled by Vite's worker pipeline, with its own plugin list; as ES modules they can
  // split, so a cell's worker loads the course library only for code that imports it.
  // KaTeX's fonts swap in, woff2 only (src/build/vite-katex-fonts.ts); no map code in the chart chunk.
  vite: { plugins: [katexFonts(), plotWithoutMaps()], worker: { format: 'es', plugins: () => [slimSucrase()] } },
  // The sitemap needs the site's address; the 404 page is left out of it.
  // Pagefind indexes the finished pages for the header's search (src/components/site/Search.astro).
  // offline() comes last: its service worker caches every built file, the search index included.
  integrations: [mdx(), searchIndex(), ...(site ? [sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) })] : []), offline()],
});
