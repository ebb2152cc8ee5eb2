/**
 * Ed25519 (RFC 8032 5.1.7) and SHA-512 (FIPS 180-4) — the exported ABI of the crypto core.
 *
 * All pointers are byte offsets into the module's exported `memory`; inputs live in the input
 * area JavaScript gets from `inputReserve` (common/heap.ts). This half of the module keeps its
 * small scratch in static `memory.data` and takes its large blocks from the same bump heap,
 * once, on first use: the B table and table-building scratch (first verification, ~160 KB),
 * a 61 440-byte table per key slot (first use of the slot), batch scratch (first batch,
 * ~480 KB). Those calls may grow memory, so JavaScript must re-read `memory.buffer` after any
 * call. No input bytes make it trap (pointers and lengths must of course lie inside memory).
 *
 *   sha512(ptr, length, outPtr): void
 *       64-byte SHA-512 digest of `length` bytes at ptr, written at outPtr.
 *
 *   ed25519Verify(publicKeyPtr, messagePtr, messageLength, signaturePtr): i32
 *       32-byte key, 64-byte signature R ‖ S. 1 valid, 0 invalid (policy: verify.ts header).
 *
 *   ed25519PrecomputeKey(publicKeyPtr): i32
 *       Builds the key's 61 440-byte table (about a millisecond) and returns its handle
 *       0 … ED25519_MAX_KEYS − 1; the same key bytes return the same live handle.
 *       −1: the key can never verify (invalid or non-canonical encoding, small order).
 *       −2: every slot is taken (ed25519ReleaseKey one, or ed25519ResetKeys), or memory
 *           cannot grow.
 *   ed25519VerifyWithKey(handle, messagePtr, messageLength, signaturePtr): i32
 *       Same answer as ed25519Verify with that key; 0 for a dead or out-of-range handle.
 *   ed25519ReleaseKey(handle): void        ed25519ResetKeys(): void
 *   ed25519MaxKeys(): i32                  (16)
 *
 *   ed25519VerifyBatch(itemsPtr, count, randomPtr, resultsPtr): i32   — see batch.ts
 *       itemsPtr: `count` records of ED25519_BATCH_ITEM_BYTES = 20 bytes, little-endian i32:
 *         +0  handle (from ed25519PrecomputeKey) or −1. Only a hint: it is used when it is live
 *             and holds the same 32 bytes as publicKeyPtr; otherwise the item is verified as
 *             an unknown key, so a stale handle can slow an item down but never change it.
 *         +4  publicKeyPtr (always required)
 *         +8  messagePtr
 *         +12 messageLength
 *         +16 signaturePtr
 *       randomPtr: 16·count bytes from crypto.getRandomValues, fresh for every call (the
 *         coefficients z_i of the randomised batch equation (127 bits used); reused or predictable
 *         bytes let a forger craft a batch of bad signatures that passes).
 *       resultsPtr: `count` bytes, each set to 1 (valid) or 0 (invalid).
 *       Returns the number of valid items. Results equal ed25519Verify item by item.
 *       Items that fail RFC 8032 5.1.7 step 1 (S ≥ L, undecodable A or R, small-order A) or
 *       have a negative messageLength are answered 0 and kept out of the batch equation.
 *       Long batches are processed in chunks of BATCH_CHUNK = 1024 items.
 *   ed25519BatchFallbacks(): i32
 *       Diagnostic: how many chunks failed the batch equation (and were re-checked item by
 *       item) since the module started. Tests use it to show the batch equation is really used.
 */
import { sha512Digest } from '../sha512';
import { MAX_KEYS, keyPrecompute, keyRelease, keyReset, keyVerify } from './keys';
import { verifyUnknownKey } from './verify';
import { batchFallbacks, verifyBatch } from './batch';

export function sha512(ptr: usize, length: i32, outPtr: usize): void {
  sha512Digest(ptr, length < 0 ? 0 : length, outPtr);
}

export function ed25519Verify(publicKeyPtr: usize, messagePtr: usize, messageLength: i32, signaturePtr: usize): i32 {
  if (messageLength < 0) return 0;
  return verifyUnknownKey(publicKeyPtr, messagePtr, messageLength, signaturePtr);
}

export function ed25519PrecomputeKey(publicKeyPtr: usize): i32 {
  return keyPrecompute(publicKeyPtr);
}

export function ed25519VerifyWithKey(handle: i32, messagePtr: usize, messageLength: i32, signaturePtr: usize): i32 {
  if (messageLength < 0) return 0;
  return keyVerify(handle, messagePtr, messageLength, signaturePtr);
}

export function ed25519ReleaseKey(handle: i32): void {
  keyRelease(handle);
}

export function ed25519ResetKeys(): void {
  keyReset();
}

export function ed25519MaxKeys(): i32 {
  return MAX_KEYS;
}

export function ed25519VerifyBatch(itemsPtr: usize, count: i32, randomPtr: usize, resultsPtr: usize): i32 {
  return verifyBatch(itemsPtr, count, randomPtr, resultsPtr);
}

export function ed25519BatchFallbacks(): i32 {
  return batchFallbacks();
}
