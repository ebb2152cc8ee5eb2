/**
 * Main-thread handle on the crypto worker. The worker starts lazily on first use, so the first
 * screen pays nothing for it, and can be stopped (e.g. when the app is hidden) and restarted.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { CryptoApi } from './worker';

const WORKER_NAME = 'satchel-crypto';

let worker: Worker | undefined;
let remote: Remote<CryptoApi> | undefined;

export function cryptoWorker(): Remote<CryptoApi> {
  if (!remote) {
    worker = startWorker();
    remote = wrap<CryptoApi>(worker);
  }
  return remote;
}

/**
 * The build bundles the worker as one classic script (vite.config.ts: worker.format 'iife'),
 * because Firefox before 114 cannot start module workers. Only the dev server needs a module worker.
 */
function startWorker(): Worker {
  return import.meta.env.DEV
    ? new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: WORKER_NAME })
    : new Worker(new URL('./worker.ts', import.meta.url), { name: WORKER_NAME });
}

/** Terminates the worker; any call in flight rejects. The next call starts a fresh one. */
export function stopCryptoWorker(): void {
  remote?.[releaseProxy]();
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}
