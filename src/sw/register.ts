/**
 * Registers the service worker (workbox-window) and reports two things to the UI:
 * when Satchel is saved for offline use, and when a new version is waiting.
 * A waiting version is activated only through `applyUpdate()`, i.e. when the person agrees:
 * the app never reloads itself in the middle of a task (docs/architecture.md, convention 7).
 */
import type { Workbox } from 'workbox-window';

/** How often a long-open app looks for a new version when it comes back to the foreground. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * How long "Update now" waits for the new version to take control before reloading the page anyway.
 * Chromium can leave the new version waiting for good when the old one is being stopped and started
 * again to serve a request at that moment (the crypto worker's files, fetched just after the first
 * screen: the update e2e hung in about 1 run in 15, with skipWaiting sent again to no effect).
 * Unloading the page lets the new version take over, and a reload that comes while it is still
 * activating waits for it, so reloading early costs nothing.
 */
export const TAKE_OVER_WAIT_MS = 3000;

export type OfflineReadiness = 'pending' | 'ready' | 'unsupported';

export interface ServiceWorkerEvents {
  onOfflineReadiness(state: OfflineReadiness): void;
  /** A new version is installed and waiting; call `applyUpdate` once the person agrees. */
  onUpdateWaiting(applyUpdate: () => void): void;
}

export function registerServiceWorker(events: ServiceWorkerEvents): void {
  if (!('serviceWorker' in navigator)) {
    events.onOfflineReadiness('unsupported');
    return;
  }
  events.onOfflineReadiness(navigator.serviceWorker.controller ? 'ready' : 'pending');
  // workbox-window is fetched once the first screen is up, not with it (issue 18): registering
  // waits for the page's load event anyway. Offline, the service worker serves it from its cache.
  import('workbox-window').then(
    ({ Workbox: WorkboxWindow }) => listen(new WorkboxWindow(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }), events),
    () => events.onOfflineReadiness('unsupported'),
  );
}

function listen(workbox: Workbox, events: ServiceWorkerEvents): void {
  workbox.addEventListener('activated', (event) => {
    if (!event.isUpdate) events.onOfflineReadiness('ready');
  });

  workbox.addEventListener('waiting', () => {
    events.onUpdateWaiting(() => {
      // Reload once the new worker has taken control, so the page and its cache match; if the
      // browser has not let it by TAKE_OVER_WAIT_MS, reload anyway (see there).
      workbox.addEventListener('controlling', () => location.reload());
      setTimeout(() => location.reload(), TAKE_OVER_WAIT_MS);
      workbox.messageSkipWaiting();
    });
  });

  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine) return;
    if (Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = Date.now();
    void workbox.update();
  });

  workbox.register().catch(() => events.onOfflineReadiness('unsupported'));
}
