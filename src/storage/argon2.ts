/**
 * Argon2id (RFC 9106) through hash-wasm, for the PIN slot and the backup passphrase. Parameters,
 * their bounds and the calibration rule are in argon2-params.ts.
 *
 * The work runs in a one-shot worker (argon2-worker.ts) so the page keeps painting during the
 * ~1 s derivation, and calibration is timed in that same setting. Where a worker cannot start
 * (no Worker, a CSP without worker-src 'self'), it runs on this thread instead, with hash-wasm
 * loaded by dynamic import so it is never part of the first screen.
 */
import { argumentError } from '../lib/errors';
import {
  ARGON2_MIN_MEMORY_KIB,
  ARGON2_PREFERRED_MAX_MEMORY_KIB,
  ARGON2_SALT_BYTES,
  ARGON2_TAG_BYTES,
  ARGON2_TARGET_MS,
  argon2ParamsValid,
  chooseArgon2Params,
  type Argon2Params,
  type Calibration,
} from './argon2-params';
import type { Argon2Request, Argon2Response } from './argon2-worker';

export * from './argon2-params';

/** Where the derivation runs: a one-shot worker (default, falling back to this thread), or this thread. */
export type Argon2Thread = 'worker' | 'main';

/** Argon2id(secret, salt) → 32 bytes. The caller wipes the result (docs/architecture.md, convention 9). */
export async function argon2idKey(secret: string, salt: Uint8Array, params: Argon2Params, thread: Argon2Thread = 'worker'): Promise<Uint8Array> {
  if (!argon2ParamsValid(params)) throw argumentError('params', `Argon2id parameters with memoryKiB ≥ ${ARGON2_MIN_MEMORY_KIB} and parallelism 1`, params);
  if (salt.byteLength < ARGON2_SALT_BYTES) throw new RangeError(`salt must be at least ${ARGON2_SALT_BYTES} bytes (got ${salt.byteLength})`);
  if (thread === 'worker') {
    const password = new TextEncoder().encode(secret.normalize('NFC')); // transferred: detached here
    const { memoryKiB, iterations, parallelism } = params; // only these: callers may pass objects with more fields
    const answer = await inWorker({ kind: 'derive', password, salt: salt.slice(), memoryKiB, iterations, parallelism }, [password.buffer]);
    if (answer?.tag) return answer.tag;
  }
  const { argon2id } = await import('hash-wasm');
  const password = new TextEncoder().encode(secret.normalize('NFC'));
  try {
    // RFC 9106 §3.1: Argon2id(P, S, p, T = 32, m, t), version 0x13
    return await argon2id({
      password,
      salt,
      parallelism: params.parallelism,
      iterations: params.iterations,
      memorySize: params.memoryKiB,
      hashLength: ARGON2_TAG_BYTES,
      outputType: 'binary',
    });
  } finally {
    password.fill(0);
  }
}

/** Calibrates on this device, where unlocking will run (see chooseArgon2Params). Run once at set-up. */
export async function calibrateArgon2(
  targetMs: number = ARGON2_TARGET_MS,
  maxMemoryKiB: number = ARGON2_PREFERRED_MAX_MEMORY_KIB,
  thread: Argon2Thread = 'worker',
): Promise<Calibration> {
  if (thread === 'worker') {
    const answer = await inWorker({ kind: 'calibrate', targetMs, maxMemoryKiB }, []);
    if (answer?.calibration) return answer.calibration;
  }
  const salt = crypto.getRandomValues(new Uint8Array(ARGON2_SALT_BYTES));
  return chooseArgon2Params(
    async (memoryKiB) => {
      const start = performance.now();
      (await argon2idKey('calibration', salt, { memoryKiB, iterations: 1, parallelism: 1 }, 'main')).fill(0);
      return performance.now() - start;
    },
    targetMs,
    maxMemoryKiB,
  );
}

/** One request to a fresh worker; undefined when a worker cannot do it (the caller falls back). */
function inWorker(request: Argon2Request, transfer: Transferable[]): Promise<Extract<Argon2Response, { ok: true }> | undefined> {
  return new Promise((resolve) => {
    if (typeof Worker !== 'function') return resolve(undefined);
    let worker: Worker;
    try {
      worker = new Worker(new URL('./argon2-worker.ts', import.meta.url), { type: 'module', name: 'satchel-argon2' });
    } catch {
      return resolve(undefined);
    }
    const done = (answer: Argon2Response | undefined) => {
      worker.terminate(); // one-shot: its memory goes back at once
      resolve(answer?.ok ? answer : undefined);
    };
    worker.onmessage = (event: MessageEvent<Argon2Response>) => done(event.data);
    worker.onerror = () => done(undefined);
    worker.postMessage(request, transfer);
  });
}
