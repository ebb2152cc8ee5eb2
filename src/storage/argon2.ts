/**
 * Argon2id (RFC 9106) through hash-wasm, for the PIN slot and the backup passphrase.
 *
 * - Variant Argon2id (RFC 9106 §4: the recommended default) with parallelism p = 1, since the
 *   browser build is single-threaded; memory m ≥ 19 MiB (the floor for the second recommended
 *   option in OWASP's password-storage guidance; RFC 9106 §4 option 2 uses 64 MiB) and a time cost
 *   t calibrated once on the device so one derivation takes about ARGON2_TARGET_MS.
 * - Salt: 128 bits from the CSPRNG (RFC 9106 §3.1: "16 bytes is RECOMMENDED for password hashing").
 * - Tag length 32 bytes: the AES-256 key-encryption key.
 * hash-wasm is loaded with a dynamic import so its WASM is not part of the first screen.
 */
import { argumentError } from '../lib/errors';

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const ARGON2_MIN_MEMORY_KIB = 19 * 1024; // 19 MiB
export const ARGON2_MAX_MEMORY_KIB = 256 * 1024; // refuse a (tampered) file that asks for more
export const ARGON2_MAX_ITERATIONS = 64;
export const ARGON2_MIN_ITERATIONS = 1;
export const ARGON2_TARGET_MS = 1000;
export const ARGON2_SALT_BYTES = 16; // RFC 9106 §3.1
export const ARGON2_TAG_BYTES = 32;

/** True when the parameters are in the range this build accepts (memory never below 19 MiB). */
export function argon2ParamsValid(p: unknown): p is Argon2Params {
  const q = p as Partial<Argon2Params> | null;
  return (
    typeof q === 'object' && q !== null &&
    Number.isInteger(q.memoryKiB) && q.memoryKiB! >= ARGON2_MIN_MEMORY_KIB && q.memoryKiB! <= ARGON2_MAX_MEMORY_KIB &&
    Number.isInteger(q.iterations) && q.iterations! >= ARGON2_MIN_ITERATIONS && q.iterations! <= ARGON2_MAX_ITERATIONS &&
    q.parallelism === 1
  );
}

/** Argon2id(secret, salt) → 32 bytes. The caller wipes the result (DESIGN.md convention 9). */
export async function argon2idKey(secret: string, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array> {
  if (!argon2ParamsValid(params)) throw argumentError('params', `Argon2id parameters with memoryKiB ≥ ${ARGON2_MIN_MEMORY_KIB} and parallelism 1`, params);
  if (salt.byteLength < ARGON2_SALT_BYTES) throw new RangeError(`salt must be at least ${ARGON2_SALT_BYTES} bytes (got ${salt.byteLength})`);
  const { argon2id } = await import('hash-wasm');
  const password = new TextEncoder().encode(secret.normalize('NFC'));
  try {
    // RFC 9106 §3.1: H'(…) over P, S, p, T=32, m, t, v=0x13, y=2 (Argon2id)
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

/**
 * Picks the parameters so that one derivation takes about `targetMs` on this device. Time one
 * pass at 19 MiB (after a warm-up that compiles the WASM); if the device is fast enough that the
 * target would need more than ARGON2_PREFER_MEMORY_ABOVE_PASSES passes, spend the budget on memory
 * first (up to `maxMemoryKiB`, RFC 9106 §4 option 2's 64 MiB by default), since memory is what
 * makes guessing costly on GPUs, then fill the rest with passes (cost is linear in t). Run once at
 * set-up; the result is stored with the slot so later unlocks use the same parameters.
 */
export const ARGON2_PREFERRED_MAX_MEMORY_KIB = 64 * 1024;
export const ARGON2_PREFER_MEMORY_ABOVE_PASSES = 8;

export async function calibrateArgon2(
  targetMs: number = ARGON2_TARGET_MS,
  maxMemoryKiB: number = ARGON2_PREFERRED_MAX_MEMORY_KIB,
  now: () => number = () => performance.now(),
): Promise<Argon2Params & { measuredMs: number }> {
  const salt = crypto.getRandomValues(new Uint8Array(ARGON2_SALT_BYTES));
  const timePass = async (memoryKiB: number): Promise<number> => {
    const start = now();
    (await argon2idKey('calibration', salt, { memoryKiB, iterations: 1, parallelism: 1 })).fill(0);
    return Math.max(1, now() - start);
  };
  let memoryKiB = ARGON2_MIN_MEMORY_KIB;
  await timePass(memoryKiB); // warm-up: WASM compile and first allocation
  let perPass = await timePass(memoryKiB);
  const cappedMemory = Math.min(Math.max(maxMemoryKiB, ARGON2_MIN_MEMORY_KIB), ARGON2_MAX_MEMORY_KIB);
  if (targetMs / perPass > ARGON2_PREFER_MEMORY_ABOVE_PASSES && cappedMemory > memoryKiB) {
    memoryKiB = cappedMemory;
    perPass = await timePass(memoryKiB);
  }
  const iterations = Math.min(ARGON2_MAX_ITERATIONS, Math.max(2, Math.round(targetMs / perPass)));
  return { memoryKiB, iterations, parallelism: 1, measuredMs: perPass * iterations };
}
