/**
 * Main-thread handle on the crypto worker. The worker starts lazily on first use, so the first
 * screen pays nothing for it, and can be stopped (e.g. when the app is hidden) and restarted.
 * `workerSignatureVerifier()` is the SignatureVerifier the credentials layer is given.
 */
import { wrap, releaseProxy, transfer, type Remote } from 'comlink';
import type { SignatureVerifier } from '../lib/signature-verifier';
import { packItems } from './packed-items';
import type { CryptoApi } from './worker';

let worker: Worker | undefined;
let remote: Remote<CryptoApi> | undefined;

export interface CryptoWorkerOptions {
  /** Force the @noble/curves engine (tests; a kill switch should the WASM core misbehave). */
  engine?: 'auto' | 'noble';
}

export function cryptoWorker(options: CryptoWorkerOptions = {}): Remote<CryptoApi> {
  if (!remote) {
    worker = startWorker();
    remote = wrap<CryptoApi>(worker);
    // Messages are handled in order, so this lands before any verification picks an engine.
    if (options.engine === 'noble') void remote.forceEngine('noble');
  }
  return remote;
}

/**
 * Vite bundles the worker only when it sees `new Worker(new URL('./worker.ts', import.meta.url))`
 * literally. The build makes it a classic script (vite.config.ts: classicWorkersInBuild).
 */
function startWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'satchel-crypto' });
}

/**
 * Starts the worker and its engine in idle time (after the first screen has rendered), so the
 * first real verification does not pay for start-up (≈ 20–25 ms inside the worker, plus
 * loading its script). Safe to call more than once.
 */
export function warmCryptoWorker(): void {
  const start = (): void => { void cryptoWorker().status().catch(() => undefined); };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 0);
}

/** Terminates the worker; any call in flight rejects. The next call starts a fresh one. */
export function stopCryptoWorker(): void {
  remote?.[releaseProxy]();
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}

/** A SignatureVerifier that checks batches in the worker, the batch transferred in one buffer. */
export function workerSignatureVerifier(): SignatureVerifier {
  return {
    async verifyBatch(items) {
      const packed = packItems(items);
      const results = await cryptoWorker().verifyPacked(transfer(packed, [packed]));
      return Array.from(results, (r) => r === 1);
    },
  };
}
