/**
 * Argon2id (RFC 9106) parameters for the PIN slot and the backup passphrase, and how they are
 * calibrated. Shared by argon2.ts (main thread) and argon2-worker.ts.
 *
 * - Variant Argon2id (RFC 9106 §4: the recommended default) with parallelism p = 1, since the
 *   browser build is single-threaded; memory m ≥ 19 MiB (OWASP's floor for Argon2id; RFC 9106 §4
 *   second option uses 64 MiB) and a time cost t calibrated on the device to ≈ ARGON2_TARGET_MS.
 * - Salt: 128 bits from the CSPRNG (RFC 9106 §3.1: "16 bytes is RECOMMENDED for password hashing").
 * - Tag length 32 bytes: an AES-256 key-encryption key.
 */

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
export const ARGON2_PREFERRED_MAX_MEMORY_KIB = 64 * 1024;
export const ARGON2_PREFER_MEMORY_ABOVE_PASSES = 8;

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

export type Calibration = Argon2Params & { measuredMs: number };

/**
 * Picks parameters so that one derivation takes about `targetMs`, given `timePass(m)` = the time
 * of one pass (t = 1) at memory m on this device. One pass at 19 MiB is timed after a warm-up; if
 * the target would need more than ARGON2_PREFER_MEMORY_ABOVE_PASSES passes, the budget goes to
 * memory first (up to `maxMemoryKiB`), since memory is what makes guessing costly on GPUs, then
 * the rest to passes (cost is linear in t, RFC 9106 §3.2).
 */
export async function chooseArgon2Params(
  timePass: (memoryKiB: number) => Promise<number>,
  targetMs: number = ARGON2_TARGET_MS,
  maxMemoryKiB: number = ARGON2_PREFERRED_MAX_MEMORY_KIB,
): Promise<Calibration> {
  let memoryKiB = ARGON2_MIN_MEMORY_KIB;
  await timePass(memoryKiB); // warm-up: WASM compile and first allocation
  let perPass = Math.max(1, await timePass(memoryKiB));
  const cappedMemory = Math.min(Math.max(maxMemoryKiB, ARGON2_MIN_MEMORY_KIB), ARGON2_MAX_MEMORY_KIB);
  if (targetMs / perPass > ARGON2_PREFER_MEMORY_ABOVE_PASSES && cappedMemory > memoryKiB) {
    memoryKiB = cappedMemory;
    perPass = Math.max(1, await timePass(memoryKiB));
  }
  const iterations = Math.min(ARGON2_MAX_ITERATIONS, Math.max(2, Math.round(targetMs / perPass)));
  return { memoryKiB, iterations, parallelism: 1, measuredMs: perPass * iterations };
}
