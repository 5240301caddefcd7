/**
 * sw.js as the build writes it, run against a stand-in for the browser's service worker scope,
 * Cache Storage and network: what it caches on install, what it deletes on activate, and where
 * each request is answered from with and without a network.
 */
import { describe, expect, test } from 'vitest';
import { renderServiceWorker } from '../../../src/build/offline.ts';

type Listener = (event: { request?: Request; data?: unknown; waitUntil(p: Promise<unknown>): void; respondWith(p: Promise<Response>): void }) => void;

/** Cache Storage in memory, keyed by URL (with or without its query string). */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      // What a page or a file was when it was cached: the network's words, or an older cache's.
      put: async (url: string, response: Response) => {
        const text = (await response.text()).replace(/^network /, 'cached ');
        store.set(new URL(url, ORIGIN).href, new Response(text));
      },
    };
  };
  const match = async (request: Request | string, options: { cacheName: string; ignoreSearch?: boolean }) => {
    const url = new URL(typeof request === 'string' ? request : request.url, ORIGIN);
    if (options.ignoreSearch) url.search = '';
    return stores.get(options.cacheName)?.get(url.href)?.clone();
  };
  return { stores, api: { open, match, keys: async () => [...stores.keys()], delete: async (name: string) => stores.delete(name) } };
}

const ORIGIN = 'https://course.example.org';

/**
 * Installs and activates sw.js (version v2) for `base` with `urls`, beside caches left by older
 * versions (each holding /course/_astro/a.js), with a network that answers 404 for `missing`.
 */
async function startWorker(base: string, urls: string[], older: string[] = [], missing = '') {
  const caches = memoryCaches();
  for (const name of older) await (await caches.api.open(name)).put('/course/_astro/a.js', new Response(`kept by ${name}`));
  const listeners = new Map<string, Listener>();
  const network = { online: true, asked: [] as string[] };
  const fetchFromNetwork = async (request: Request) => {
    network.asked.push(new URL(request.url).pathname);
    if (!network.online) throw new TypeError('Failed to fetch');
    if (new URL(request.url).pathname === missing) return new Response('not found', { status: 404 });
    return new Response(`network ${new URL(request.url).pathname}`);
  };
  let skipped = false;
  const scope = {
    location: new URL(ORIGIN),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => { skipped = true; },
    clients: { claim: async () => undefined },
  };
  // In a worker a relative URL is resolved against its location; Node's Request needs it whole.
  const WorkerRequest = class extends Request {
    constructor(input: string, init?: RequestInit) {
      super(new URL(input, ORIGIN), init);
    }
  };
  const code = await renderServiceWorker({ base, version: 'v2', urls });
  new Function('self', 'caches', 'fetch', 'Request', code)(scope, caches.api, fetchFromNetwork, WorkerRequest);
  /** Fires `type` at the worker; its response, if it gave one (a fetch it handles). */
  const dispatch = async (type: string, init: { request?: Request; data?: unknown } = {}): Promise<Response | undefined> => {
    const waits: Promise<unknown>[] = [];
    const responses: Promise<Response>[] = [];
    listeners.get(type)?.({ ...init, waitUntil: (p) => waits.push(p), respondWith: (r) => responses.push(r) });
    await Promise.all(waits);
    return responses[0];
  };
  const installed = await dispatch('install').then(() => true, () => false);
  if (installed) await dispatch('activate');
  const downloaded = network.asked.splice(0);
  /** The text the worker answers `path` with, `undefined` if it leaves the request to the browser. */
  const get = async (path: string, mode: RequestMode = 'cors') => {
    const request = new Request(new URL(path, ORIGIN));
    Object.defineProperty(request, 'mode', { value: mode });
    const response = await dispatch('fetch', { request });
    return response && { status: response.status, text: await response.text() };
  };
  return { caches, network, installed, downloaded, get, dispatch, skipped: () => skipped };
}

describe('sw.js, under a sub-path', () => {
  const urls = ['/course/', '/course/lessons/04-softmax/', '/course/404.html', '/course/_astro/a.js', '/course/pagefind/pagefind.js'];

  test('install caches every listed file in a cache named after the base and the version', async () => {
    const worker = await startWorker('/course/', urls);
    expect([...worker.caches.stores.keys()]).toEqual(['al-offline:/course/:v2']);
    expect([...(worker.caches.stores.get('al-offline:/course/:v2')?.keys() ?? [])].sort()).toEqual(urls.map((url) => ORIGIN + url).sort());
    expect(worker.downloaded.sort()).toEqual([...urls].sort());
  });

  test('a new version copies the hashed files an older one holds, and downloads the rest', async () => {
    const worker = await startWorker('/course/', urls, ['al-offline:/course/:v1']);
    expect(worker.downloaded.sort()).toEqual(urls.filter((url) => url !== '/course/_astro/a.js').sort());
    expect((await worker.get('/course/_astro/a.js'))?.text).toBe('kept by al-offline:/course/:v1');
  });

  test('an install that cannot cache every file fails, and the older version keeps its cache', async () => {
    const worker = await startWorker('/course/', urls, ['al-offline:/course/:v1'], '/course/pagefind/pagefind.js');
    expect(worker.installed).toBe(false);
    expect(worker.caches.stores.has('al-offline:/course/:v1')).toBe(true);
  });

  test("activate deletes this base's older caches and leaves the root site's and others' alone", async () => {
    const worker = await startWorker('/course/', urls, ['al-offline:/course/:v1', 'al-offline:/:v1', 'someone-else']);
    expect([...worker.caches.stores.keys()].sort()).toEqual(['al-offline:/:v1', 'al-offline:/course/:v2', 'someone-else']);
  });

  test('hashed files come from the cache without asking the network', async () => {
    const worker = await startWorker('/course/', urls);
    expect(await worker.get('/course/_astro/a.js')).toEqual({ status: 200, text: 'cached /course/_astro/a.js' });
    expect(worker.network.asked).toEqual([]);
    expect(await worker.get('/course/_astro/not-listed.js')).toEqual({ status: 200, text: 'network /course/_astro/not-listed.js' });
  });

  test('pages and the search index come from the network while there is one', async () => {
    const worker = await startWorker('/course/', urls);
    expect((await worker.get('/course/lessons/04-softmax/', 'navigate'))?.text).toBe('network /course/lessons/04-softmax/');
    expect((await worker.get('/course/pagefind/pagefind.js'))?.text).toBe('network /course/pagefind/pagefind.js');
  });

  test('offline, from the cache, whatever the query string (widget state, Pagefind\'s time stamp); an unknown page gets the 404 page', async () => {
    const worker = await startWorker('/course/', urls);
    worker.network.online = false;
    expect(await worker.get('/course/lessons/04-softmax/?t=2', 'navigate')).toEqual({ status: 200, text: 'cached /course/lessons/04-softmax/' });
    expect((await worker.get('/course/pagefind/pagefind.js?ts=1764763200000'))?.text).toBe('cached /course/pagefind/pagefind.js');
    expect(await worker.get('/course/lessons/99-none/', 'navigate')).toEqual({ status: 404, text: 'cached /course/404.html' });
    await expect(worker.get('/course/code/missing.py')).rejects.toThrow('Failed to fetch');
  });

  test('leaves alone what is outside its base or its origin, and what is not a GET', async () => {
    const worker = await startWorker('/course/', urls);
    expect(await worker.get('/elsewhere/')).toBeUndefined();
    expect(await worker.get('https://cdn.example.net/course/a.js')).toBeUndefined();
    const post = new Request(`${ORIGIN}/course/`, { method: 'POST' });
    expect(await worker.dispatch('fetch', { request: post })).toBeUndefined();
  });

  test('takes over only when the update notice asks it to', async () => {
    const worker = await startWorker('/course/', urls);
    await worker.dispatch('message', { data: 'something else' });
    expect(worker.skipped()).toBe(false);
    await worker.dispatch('message', { data: 'skip-waiting' });
    expect(worker.skipped()).toBe(true);
  });
});

test('sw.js is a classic script that names its version', async () => {
  const code = await renderServiceWorker({ base: '/', version: 'abc', urls: ['/'] });
  expect(code).not.toMatch(/^\s*(import|export)\b/m);
  expect(code).toContain('version abc');
  expect(code).toMatch(/serviceWorker\(self, \{"base":"\/","version":"abc","urls":\["\/"\]\}\);\s*$/);
});
