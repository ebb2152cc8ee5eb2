/**
 * ABI of the P-256 / SHA-256 part of the crypto core (all pointers into linear memory, inputs
 * written by src/crypto/wasm-verifier.ts into the input area from `inputReserve`):
 *
 *   p256Init(): i32                        build the generator table now (1 ok, 0 out of memory)
 *   p256Verify(key, keyLen, msg, msgLen, sig): i32           1 valid, 0 invalid (never traps)
 *   p256KeyPrepare(key, keyLen): i32       slot ≥ 0; −1 invalid key; −2 no free slot / memory
 *   p256KeyRelease(slot)
 *   p256VerifyPrepared(slot, msg, msgLen, sig): i32
 *   p256VerifyBatch(records, count)        see batch.ts for the 32-byte record layout
 *   p256MaxKeySlots(): i32
 *   sha256(ptr, len, out)                  FIPS 180-4, 32-byte digest at out
 *
 * Signatures are 64-byte r‖s; keys are SEC1 65-byte uncompressed or 33-byte compressed.
 */
import { ensureGTable, verifyEncodedKey, keyPrepare, keyRelease, verifyPrepared, MAX_KEY_SLOTS } from './ecdsa';
import { verifyBatch } from './batch';
export { sha256 } from '../sha256';

export function p256Init(): i32 {
  return ensureGTable() ? 1 : 0;
}

export function p256Verify(key: usize, keyLen: usize, msg: usize, msgLen: usize, sig: usize): i32 {
  return verifyEncodedKey(key, keyLen, msg, msgLen, sig) ? 1 : 0;
}

export function p256KeyPrepare(key: usize, keyLen: usize): i32 {
  return keyPrepare(key, keyLen);
}

export function p256KeyRelease(slot: i32): void {
  keyRelease(slot);
}

export function p256VerifyPrepared(slot: i32, msg: usize, msgLen: usize, sig: usize): i32 {
  return verifyPrepared(slot, msg, msgLen, sig) ? 1 : 0;
}

export function p256VerifyBatch(records: usize, count: i32): void {
  verifyBatch(records, count);
}

export function p256MaxKeySlots(): i32 {
  return MAX_KEY_SLOTS;
}
