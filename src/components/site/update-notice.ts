/**
 * Registers the service worker that keeps the course readable offline (production builds only:
 * under `astro dev` it would cache the dev server), and shows the update notice
 * (UpdateNotice.astro) when a newer version is installed and waiting. A failed registration
 * (storage refused, a private window, an old browser) leaves the site as it was, silently.
 */

/** The words of the notice. */
export const UPDATE_MESSAGE = 'A newer version of the course is available.';

/**
 * How long an open page goes between asking whether a newer version was deployed. The browser
 * asks by itself only when a page is opened, so a lesson left open for a whole class, or a tab
 * come back to the next day, would otherwise never hear of one.
 */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Registers the worker once the page has loaded, so its precache never competes with the page itself. */
export function startOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void registerWorker().catch(() => undefined);
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

async function registerWorker(): Promise<void> {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
  // A worker waits only when another controls the page: on a first visit there is nothing to update.
  const offer = (worker: ServiceWorker) => {
    if (navigator.serviceWorker.controller) showNotice(worker);
  };
  if (registration.waiting) offer(registration.waiting);
  // Asks again UPDATE_CHECK_MS after the last ask while the page is open, and when it is shown again
  // that long after (a hidden tab's timers are slowed down or stopped); a failed ask (offline) waits
  // for the next. A timer set again after each ask, so the gap never grows past UPDATE_CHECK_MS.
  let asked = Date.now();
  let next: ReturnType<typeof setTimeout> | undefined;
  const ask = () => {
    asked = Date.now();
    clearTimeout(next);
    next = setTimeout(ask, UPDATE_CHECK_MS);
    void registration.update().catch(() => undefined);
  };
  next = setTimeout(ask, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - asked >= UPDATE_CHECK_MS) ask();
  });
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}

function showNotice(worker: ServiceWorker): void {
  const status = document.querySelector<HTMLElement>('[data-update-status]');
  const actions = document.querySelector<HTMLElement>('[data-update-actions]');
  const reload = document.querySelector<HTMLButtonElement>('[data-update-reload]');
  const dismiss = document.querySelector<HTMLButtonElement>('[data-update-dismiss]');
  if (!status || !actions || !reload || !dismiss) return;
  status.textContent = UPDATE_MESSAGE;
  actions.hidden = false;
  reload.onclick = () => {
    reload.disabled = true;
    // The new worker takes control first, so the reloaded page is served by it, from its cache.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage('skip-waiting');
  };
  dismiss.onclick = () => {
    status.textContent = '';
    actions.hidden = true;
  };
}
