/**
 * Main-thread handle on the crypto worker (docs/architecture.md, conventions 1 and 5). The worker starts
 * lazily on first use, so the first screen pays nothing for it; it stops after WORKER_IDLE_MS with
 * nothing to do, giving back its memory (the WASM instance and its key tables), and the next call
 * starts a fresh one. Any call can be given up with an AbortSignal. `workerSignatureVerifier()` is
 * the SignatureVerifier the credentials layer is given.
 */
import { wrap, releaseProxy, transfer, type Remote } from 'comlink';
import { namedMethods } from '../lib/named-methods';
import type { SignatureVerifier } from '../lib/signature-verifier';
import { packItems } from './packed-items';
import type { CryptoApi } from './crypto-worker';

/**
 * How long the worker may sit with no call in flight before it is stopped. A restart costs
 * ≈ 20–25 ms in the worker plus loading its script, and known-key tables are rebuilt after
 * KEY_TABLE_AFTER_USES uses; a minute covers a check or a receive in progress, and a phone put
 * down gets the memory back (P-256 key tables alone: up to KEY_CACHE_SIZE × 270 KiB).
 * docs/crypto-core.md describes the worker's lifetime.
 */
export const WORKER_IDLE_MS = 60_000;

export interface CryptoWorkerOptions {
  /**
   * Force the @noble/curves engine (tests; a kill switch should the WASM core misbehave). Like
   * `idleMs`, a start option: it applies when no worker has been started since the last
   * stopCryptoWorker(), and it lasts through idle restarts.
   */
  engine?: 'auto' | 'noble';
  /** Milliseconds with nothing in flight before the worker stops (WORKER_IDLE_MS; tests shorten it). */
  idleMs?: number;
  /** Calls made through this handle reject with an AbortError once it aborts; others carry on. */
  signal?: AbortSignal;
}

type Api = Omit<CryptoApi, 'forceEngine'>;
/** The worker's API, each call answered asynchronously (and abortable through the handle's signal). */
export type CryptoClient = {
  readonly [K in keyof Api]: (...args: Parameters<Api[K]>) => Promise<Awaited<ReturnType<Api[K]>>>;
};

interface Session {
  engine: 'auto' | 'noble';
  idleMs: number;
  running?: { worker: Worker; remote: Remote<CryptoApi> };
  idleTimer?: ReturnType<typeof setTimeout>;
  /** Rejecters of the calls in flight: a worker is never stopped idle under them. */
  inFlight: Set<(reason: unknown) => void>;
}

let session: Session | undefined;
const newSession = (options: CryptoWorkerOptions): Session =>
  ({ engine: options.engine ?? 'auto', idleMs: options.idleMs ?? WORKER_IDLE_MS, inFlight: new Set() });
const handles = new WeakMap<AbortSignal, CryptoClient>();
let unsignalled: CryptoClient | undefined;

/** A handle on the worker; the worker itself starts on the first call. */
export function cryptoWorker(options: CryptoWorkerOptions = {}): CryptoClient {
  session ??= newSession(options);
  const { signal } = options;
  if (!signal) return (unsignalled ??= handle(undefined));
  let h = handles.get(signal);
  if (!h) handles.set(signal, (h = handle(signal)));
  return h;
}

function handle(signal: AbortSignal | undefined): CryptoClient {
  return namedMethods<CryptoClient>((name) => (...args: unknown[]) => call(name, args, signal));
}

function call(name: string, args: unknown[], signal: AbortSignal | undefined): Promise<unknown> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  // a handle kept from before stopCryptoWorker() starts a session with the defaults
  const s = (session ??= newSession({}));
  const { remote } = (s.running ??= start(s.engine));
  clearTimeout(s.idleTimer);
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      s.inFlight.delete(reject);
      signal?.removeEventListener('abort', onAbort);
      // The worker may still be finishing an aborted call; stopping it then loses nothing.
      if (s.inFlight.size === 0 && session === s && s.running) s.idleTimer = setTimeout(() => stopIdle(s), s.idleMs);
    };
    const onAbort = (): void => {
      settle();
      reject(abortReason(signal!));
    };
    s.inFlight.add(reject);
    signal?.addEventListener('abort', onAbort);
    // `name` is a key of CryptoClient (its type admits no other), and comlink's Remote answers each
    // method with a promise; looking one up by a runtime name needs the index signature.
    const method = (remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!;
    method(...args).then(
      (value) => { if (s.inFlight.has(reject)) { settle(); resolve(value); } },
      (error: unknown) => { if (s.inFlight.has(reject)) { settle(); reject(error); } },
    );
  });
}

/** The signal's reason when it is one (fetch does the same), else a DOMException named AbortError. */
function abortReason(signal: AbortSignal): unknown {
  // `reason` arrived in Chrome 98 / Safari 15.4; older targets get an AbortError made here
  const reason: unknown = (signal as { reason?: unknown }).reason;
  return reason !== undefined ? reason : new DOMException('The crypto worker call was aborted', 'AbortError');
}

function start(engine: 'auto' | 'noble'): { worker: Worker; remote: Remote<CryptoApi> } {
  const worker = startWorker();
  const remote = wrap<CryptoApi>(worker);
  // Messages are handled in order, so this lands before any verification picks an engine.
  if (engine === 'noble') void remote.forceEngine('noble');
  return { worker, remote };
}

/**
 * Vite bundles the worker only when it sees `new Worker(new URL('./crypto-worker.ts', import.meta.url))`
 * literally. The build makes it a classic script (vite.config.ts: classicWorkersInBuild).
 */
function startWorker(): Worker {
  return new Worker(new URL('./crypto-worker.ts', import.meta.url), { type: 'module', name: 'satchel-crypto' });
}

function terminate(s: Session): void {
  clearTimeout(s.idleTimer);
  if (!s.running) return;
  s.running.remote[releaseProxy]();
  s.running.worker.terminate();
  s.running = undefined;
}

/** Idle: the worker goes, the session (engine, idle time) stays for the next call. */
function stopIdle(s: Session): void {
  if (s.inFlight.size === 0) terminate(s);
}

/** Whether a worker is running now (false before the first call, after stopping, and after idling). */
export function isCryptoWorkerRunning(): boolean {
  return session?.running !== undefined;
}

/**
 * Starts the worker and its engine now, so that the first real verification does not pay for
 * start-up (≈ 20–25 ms inside the worker, plus loading its script and compiling the WASM core):
 * src/wallet/app/warm-signature-checking.ts calls it in idle time after the first screen. A
 * running worker is only asked its status (which also restarts its idle timer). Safe to call more
 * than once; resolves when the engine is ready, and never rejects.
 */
export async function warmCryptoWorker(): Promise<void> {
  await cryptoWorker().status().catch(() => undefined);
}

/**
 * Terminates the worker and forgets its start options; calls in flight reject. The next call
 * starts a fresh worker with the options it is given.
 */
export function stopCryptoWorker(): void {
  const s = session;
  session = undefined;
  if (!s) return;
  terminate(s);
  const stopped = new Error('the crypto worker was stopped');
  for (const reject of [...s.inFlight]) reject(stopped);
  s.inFlight.clear();
}

/**
 * A SignatureVerifier that checks batches in the worker, the batch transferred in one buffer.
 * With a signal, a batch in flight rejects with an AbortError once it aborts.
 */
export function workerSignatureVerifier(options: { signal?: AbortSignal } = {}): SignatureVerifier {
  return {
    async verifyBatch(items) {
      const packed = packItems(items);
      const results = await cryptoWorker(options.signal ? { signal: options.signal } : {}).verifyPacked(transfer(packed, [packed]));
      return Array.from(results, (r) => r === 1);
    },
  };
}
