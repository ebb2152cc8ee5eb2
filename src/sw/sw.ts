/**
 * Satchel's service worker (Workbox, injectManifest). Precaches the whole app shell — HTML, JS,
 * CSS, the WebAssembly core, icons — so that after the first visit the app opens with no network.
 * A new version installs in the background and waits; it takes over only when the page sends
 * SKIP_WAITING after the person agreed (see register.ts).
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every in-app navigation (deep links like /about, offline reloads) gets the cached app shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// On the very first install, take control at once so the first visit already works offline.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
