/**
 * A minimal static host for the built site, on loopback: serves `root` under `base` the way
 * static hosts do (directory → index.html, unknown path → 404.html with status 404).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** A running server and the URL of the site's root. */
export interface StaticSite {
  url: string;
  /** Every URL requested so far, in order, from pages and their workers alike (the benchmarks' byte counts). */
  readonly served: string[];
  close(): Promise<void>;
}

/**
 * Serves the folder `root` at `base` (e.g. "/" or "/course/") on a free loopback port. `edit`,
 * if given, may change a file's bytes as they are sent (offline.test.ts deploys a "new" sw.js).
 */
export async function serveStatic(root: string, base = '/', edit?: (path: string, body: Buffer) => Buffer): Promise<StaticSite> {
  const served: string[] = [];
  let origin = '';
  const server: Server = createServer(async (request, response) => {
    served.push(origin + (request.url ?? '/'));
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.startsWith(base) ? await resolveFile(root, path.slice(base.length)) : undefined;
    if (file) {
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      const body = await readFile(file);
      response.end(edit ? edit(path.slice(base.length), body) : body);
      return;
    }
    response.writeHead(404, { 'content-type': TYPES['.html'] });
    response.end(await readFile(join(root, '404.html')).catch(() => 'Not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The file behind a path relative to the site's root (a directory gives its index.html), if there is one. */
export async function resolveFile(root: string, relative: string): Promise<string | undefined> {
  const candidate = normalize(join(root, relative));
  if (!candidate.startsWith(normalize(root))) return undefined;
  for (const file of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}
