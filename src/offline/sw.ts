/**
 * The service worker's source (src/build/offline.ts turns it into `<base>sw.js` after every build,
 * with the build's file list and version). A classic script, so it runs in every browser with
 * service workers: no imports; everything it needs arrives in `precache`.
 *
 * Installing caches every listed file in one cache named after the base path and the version
 * (hashed files an older version holds are copied from its cache, not downloaded again);
 * activating deletes this base path's older caches (a site at / and one at /course/ on the same
 * origin keep theirs). Hashed files under `_astro/` never change, so they are served from the
 * cache first; everything else (pages, the search index, programs) is fetched first and falls
 * back to the cache when there is no network, so an online reader never sees a stale page.
 */

/** What the build hands the worker. */
export interface Precache {
  /** The base path the site is built for, e.g. "/" or "/course/". */
  base: string;
  /** A hash of every precached file's path and contents. */
  version: string;
  /** Every URL to cache, each starting with the base (pages as their directory URL). */
  urls: string[];
}

/** The cache names of one base path start with this; the version follows. */
export const CACHE_PREFIX = 'al-offline:';

/** Sets up the worker in `scope` with the build's list; sw.js calls it once. */
export function serviceWorker(scope: ServiceWorkerGlobalScope, precache: Precache): void {
  const mine = `${CACHE_PREFIX}${precache.base}:`;
  const current = `${mine}${precache.version}`;
  const hashed = `${precache.base}_astro/`;
  const notFound = `${precache.base}404.html`;

  scope.addEventListener('install', (event) => {
    event.waitUntil(fill());
  });

  async function fill(): Promise<void> {
    const cache = await caches.open(current);
    const older = (await caches.keys()).filter((name) => name.startsWith(mine) && name !== current);
    await Promise.all(precache.urls.map(async (url) => {
      // A hashed file an older version holds has the same bytes: a new deploy costs only what changed.
      const kept = url.startsWith(hashed) ? await firstMatch(older, url) : undefined;
      await cache.put(url, kept ?? (await download(url)));
    }));
  }

  async function firstMatch(names: string[], url: string): Promise<Response | undefined> {
    for (const name of names) {
      const found = await caches.match(url, { cacheName: name });
      if (found) return found;
    }
    return undefined;
  }

  async function download(url: string): Promise<Response> {
    // 'reload' skips the HTTP cache, so a page cached by an older visit is not taken for the new one.
    const response = await fetch(new Request(url, { cache: 'reload' }));
    // As cache.addAll would: an install that cannot cache everything fails, and the old version stays.
    if (!response.ok) throw new Error(`sw.js: ${url} answered ${response.status}`);
    return response;
  }

  scope.addEventListener('activate', (event) => {
    const old = caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(mine) && name !== current).map((name) => caches.delete(name))));
    // The first visit's page is controlled at once, so its later fetches (workers, search) are cached too.
    event.waitUntil(old.then(() => scope.clients.claim()));
  });

  // The update notice's Reload button: the waiting worker takes over, and the page reloads on controllerchange.
  scope.addEventListener('message', (event) => {
    if (event.data === 'skip-waiting') void scope.skipWaiting();
  });

  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== scope.location.origin || !url.pathname.startsWith(precache.base)) return;
    if (url.pathname.startsWith(hashed)) event.respondWith(cacheFirst(request));
    else event.respondWith(networkFirst(request, request.mode === 'navigate'));
  });

  // A static host sends the same file whatever the query string: a lesson's widget state lives
  // there, and Pagefind asks for `pagefind-entry.json?ts=<now>`, so the cache ignores it too.
  const lookup = { cacheName: current, ignoreSearch: true };

  async function cacheFirst(request: Request): Promise<Response> {
    return (await caches.match(request, lookup)) ?? fetch(request);
  }

  // Nothing is cached at run time: the cache stays one build's consistent copy (a newer page
  // fetched online would name hashed files, or a search index, that this cache does not hold).
  async function networkFirst(request: Request, page: boolean): Promise<Response> {
    try {
      return await fetch(request);
    } catch (offline) {
      const cached = await caches.match(request, lookup);
      if (cached) return cached;
      const missing = page ? await caches.match(notFound, lookup) : undefined;
      if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
      throw offline;
    }
  }
}
