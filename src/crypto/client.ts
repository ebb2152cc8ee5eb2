/**
 * Main-thread handle on the crypto worker. The worker starts lazily on first use, so the first
 * screen pays nothing for it, and can be stopped (e.g. when the app is hidden) and restarted.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { CryptoApi } from './worker';

let worker: Worker | undefined;
let remote: Remote<CryptoApi> | undefined;

export function cryptoWorker(): Remote<CryptoApi> {
  if (!remote) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'satchel-crypto' });
    remote = wrap<CryptoApi>(worker);
  }
  return remote;
}

/** Terminates the worker; any call in flight rejects. The next call starts a fresh one. */
export function stopCryptoWorker(): void {
  remote?.[releaseProxy]();
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}
