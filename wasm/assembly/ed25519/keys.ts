/**
 * Known-key handles: per-key precomputed comb tables (comb.ts) for Ed25519 public keys seen
 * before (an issuer's key from a trust list), so that RFC 8032 5.1.7 step 3 becomes two
 * fixed-base multiplications. MAX_KEYS slots; a slot's 61 440-byte table is taken from the
 * long-lived heap (common/heap.ts alloc) the first time the slot is used and reused after a
 * release. The JavaScript side decides which keys deserve a slot and releases them.
 */
import { alloc } from '../common/heap';
import { COMB_TABLE_BYTES, combBuild } from './comb';
import { P3_BYTES } from './point';
import { PUBLIC_KEY_BYTES, baseTableInit, decodePublicKey, verifyKnownKey } from './verify';

/** Number of key slots (handles 0 … MAX_KEYS − 1). */
export const MAX_KEYS: i32 = 16;
/** Returned by keyPrecompute when the key is invalid, small-order or non-canonical. */
export const KEY_INVALID: i32 = -1;
/** Returned by keyPrecompute when every slot is taken (release one, or reset). */
export const KEY_SLOTS_FULL: i32 = -2;

const KEYS: usize = memory.data(MAX_KEYS * PUBLIC_KEY_BYTES); // encodings, for k
const USED: usize = memory.data(MAX_KEYS);
const TABLES: usize = memory.data(MAX_KEYS * 4); // u32 pointer per slot, 0 = not yet allocated
const A: usize = memory.data(<i32>P3_BYTES);

@inline
function keyAt(h: i32): usize {
  return KEYS + <usize>(h * PUBLIC_KEY_BYTES);
}

/** True when h names a slot in use. */
export function keyIsLive(h: i32): bool {
  return h >= 0 && h < MAX_KEYS && load<u8>(USED + <usize>h) != 0;
}

/** The comb table of a live handle. */
export function keyTable(h: i32): usize {
  return <usize>load<u32>(TABLES + (<usize>h << 2));
}

/** The 32-byte encoding of a live handle. */
export function keyBytes(h: i32): usize {
  return keyAt(h);
}

/** Handle of the slot already holding these 32 bytes, or −1. */
export function keyFind(pk: usize): i32 {
  for (let h = 0; h < MAX_KEYS; h++) {
    if (keyIsLive(h) && memory.compare(keyAt(h), pk, PUBLIC_KEY_BYTES) == 0) return h;
  }
  return -1;
}

/** Decode, check (RFC 8032 5.1.3 + small-order policy) and tabulate a key; see exports.ts. */
export function keyPrecompute(pk: usize): i32 {
  if (!baseTableInit()) return KEY_SLOTS_FULL;
  if (!decodePublicKey(A, pk)) return KEY_INVALID;
  const existing = keyFind(pk);
  if (existing >= 0) return existing;
  for (let h = 0; h < MAX_KEYS; h++) {
    if (load<u8>(USED + <usize>h) != 0) continue;
    if (keyTable(h) == 0) {
      const t = alloc(COMB_TABLE_BYTES);
      if (t == 0) return KEY_SLOTS_FULL; // memory cannot grow
      store<u32>(TABLES + (<usize>h << 2), <u32>t);
    }
    memory.copy(keyAt(h), pk, PUBLIC_KEY_BYTES);
    if (!combBuild(keyTable(h), A)) return KEY_SLOTS_FULL;
    store<u8>(USED + <usize>h, 1);
    return h;
  }
  return KEY_SLOTS_FULL;
}

/** Verify with a live handle; 0 for a dead or out-of-range handle. */
export function keyVerify(h: i32, msg: usize, msgLen: i32, sig: usize): i32 {
  if (!keyIsLive(h)) return 0;
  return verifyKnownKey(keyAt(h), keyTable(h), msg, msgLen, sig);
}

/** Free one slot (no-op for a dead handle). */
export function keyRelease(h: i32): void {
  if (h >= 0 && h < MAX_KEYS) store<u8>(USED + <usize>h, 0);
}

/** Free every slot. */
export function keyReset(): void {
  memory.fill(USED, 0, <usize>MAX_KEYS);
}
