/**
 * Which built files the service worker caches, under which URL, and the version that names its
 * cache: pure functions over the paths and contents of `dist/` (src/build/offline.ts reads them).
 */
import { createHash } from 'node:crypto';

/**
 * Built files a reader's browser never asks for: the service worker itself, crawler and host
 * files, KaTeX's .woff and .ttf fonts (every browser with service workers takes the .woff2 its
 * CSS lists first), and Pagefind's own interfaces (the site uses only `pagefind.js`).
 */
const LEFT_OUT: readonly RegExp[] = [
  /^sw\.js$/,
  /^_headers$/,
  /^robots\.txt$/,
  /^sitemap[^/]*\.xml$/,
  /\.(woff|ttf)$/,
  /^pagefind\/pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/,
];

/** Whether the built file at `path` (relative to dist, with "/") is precached. */
export function isPrecached(path: string): boolean {
  return !LEFT_OUT.some((rule) => rule.test(path));
}

/** The URL a reader's browser asks for the built file `path`: pages by their directory, like links do. */
export function urlOf(path: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/(^|\/)index\.html$/, '$1');
}

/** A built file: its path relative to dist (with "/") and its bytes. */
export interface BuiltFile {
  path: string;
  contents: Uint8Array;
}

/** The precache's URLs, sorted, a version that changes when any of them or their contents do, and their size. */
export function precacheList(files: readonly BuiltFile[], base: string): { urls: string[]; version: string; bytes: number } {
  const kept = files.filter((file) => isPrecached(file.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of kept) hash.update(`${file.path}\0${createHash('sha256').update(file.contents).digest('hex')}\n`);
  const bytes = kept.reduce((sum, file) => sum + file.contents.length, 0);
  return { urls: kept.map((file) => urlOf(file.path, base)), version: hash.digest('hex').slice(0, 16), bytes };
}
