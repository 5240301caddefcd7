/**
 * Builds the site as a reader gets it, at the root and under a sub-path, and serves both on
 * loopback for the browser tests. The URLs reach the tests through Vitest's provide/inject.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticSite } from './static-server.ts';

/** The sub-path the second build is hosted under. */
export const SUB_PATH = '/course/';

/** The address the sub-path build is told it is hosted at (SITE_URL), so that its canonical links and sitemap are tested; the root build is given none. */
export const SUB_PATH_SITE = 'https://course.example.org';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    subPathSiteUrl: string;
  }
}

const run = promisify(execFile);

/** Variables Vitest sets for its own Vite; a build that inherits them would take BASE_URL=/ and test mode. */
const VITEST_VARIABLES = /^(VITEST.*|BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV)$/;

/** Builds the site into `outDir` for `basePath`, with its own cache so that two builds can run at once. */
async function build(outDir: string, basePath: string, cacheDir: string, siteUrl = ''): Promise<void> {
  const inherited = Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.test(name) && name !== 'SITE_URL');
  const env = { ...Object.fromEntries(inherited), OUT_DIR: outDir, BASE_PATH: basePath, ASTRO_CACHE_DIR: cacheDir, SITE_URL: siteUrl, ASTRO_TELEMETRY_DISABLED: '1' };
  await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { env, maxBuffer: 64 * 1024 * 1024 });
}

export default async function setup(project: TestProject) {
  // Side by side: on two cores the pair takes about two thirds of the time of one after the other.
  await Promise.all([build('./dist', '/', './node_modules/.astro'), build('./dist-subpath', SUB_PATH, './node_modules/.astro-subpath', SUB_PATH_SITE)]);
  const sites: StaticSite[] = [await serveStatic('dist'), await serveStatic('dist-subpath', SUB_PATH)];
  project.provide('siteUrl', sites[0].url);
  project.provide('subPathSiteUrl', sites[1].url);
  return async () => {
    await Promise.all(sites.map((site) => site.close()));
  };
}
