/**
 * ECDSA verification over P-256 with SHA-256: SEC 1 v2.0 §4.1.4, FIPS 186-5 §6.4.2, as JOSE
 * ES256 uses it (RFC 7518 §3.4): the signature is r‖s, two 32-byte big-endian integers.
 * Public keys are SEC1 §2.3.4 octet strings: 0x04‖x‖y (65 bytes) or 0x02/0x03‖x (33 bytes);
 * the point is validated (coordinates < p, on the curve; infinity cannot be encoded here).
 * High-S signatures are accepted (JOSE has no low-S rule). Inputs are public: variable time.
 */
import { sha256 } from '../sha256';
import {
  fmul, fsqr, fadd, fsub, fEq, fneg, fsqrt, fromMont, toMont, lessThan, limbsFromBytes,
  P_LIMBS, B_M,
} from './field';
import { nmul, scalarInRange, scalarToMont, N_LIMBS } from './scalar';
import { scalarInvVar } from './scalar-inverse';
import { mulAddFixed, mulWnaf, mulWnafJoint, buildFixedTable, tableBytes } from './table';
import { pIsInfinity, pSetInfinity } from './point';
import { alloc } from '../common/heap';

export const P256_PUBLIC_KEY_UNCOMPRESSED_BYTES: usize = 65;
export const P256_PUBLIC_KEY_COMPRESSED_BYTES: usize = 33;
export const P256_SIGNATURE_BYTES: usize = 64;

/** Window width of the generator's table: 33 windows × 128 points, 264 KiB (w = 10 measured no faster: docs/crypto-core.md). */
export const G_WINDOW: i32 = 8;
/** Window width of a known key's table: 33 windows × 128 points, 264 KiB. */
export const KEY_WINDOW: i32 = 8;

/** G = (Gx, Gy) in Montgomery form (SEC 2 §2.4.2). */
const G_AFFINE = memory.data<u32>([
  0x18a9143c, 0x79e730d4, 0x5fedb601, 0x75ba95fc, 0x77622510, 0x79fb732b, 0xa53755c6, 0x18905f76,
  0xce95560a, 0xddf25357, 0xba19e45c, 0x8b4ab8e4, 0xdd21f325, 0xd2e88688, 0x25885d85, 0x8571ff18,
]);
/** p − n: x_R may equal r + n only if r < p − n (SEC1 4.1.4 step 7 without inversion). */
const P_MINUS_N = memory.data<u32>([0x039cdaae, 0x0c46353d, 0x58e8617b, 0x43190553, 0, 0, 0, 0]);

let gTable: usize = 0;

/**
 * Builds the generator table once (about 4.2k point additions, ~10 ms). Single verifications
 * before that use Strauss–Shamir without it; key tables and batches build it first; the worker
 * builds it right after start-up (p256Init), off the critical path of the first verification.
 */
export function ensureGTable(): bool {
  if (gTable != 0) return true;
  const t = alloc(tableBytes(G_WINDOW));
  if (t == 0 || !buildFixedTable(t, G_AFFINE, G_WINDOW)) return false;
  gTable = t;
  return true;
}

const t0 = memory.data(32, 16);
const t1 = memory.data(32, 16);

/**
 * SEC1 2.3.4: decodes the public key at `key` (length `len`) into affine Montgomery (x‖y) at
 * `out`; false if it is not a valid encoding of a point on the curve.
 */
export function decodePublicKey(out: usize, key: usize, len: usize): bool {
  const x = out, y = out + 32;
  if (len == P256_PUBLIC_KEY_UNCOMPRESSED_BYTES) {
    if (load<u8>(key) != 0x04) return false;                   // 2.3.4 step 3: 04‖X‖Y
    limbsFromBytes(x, key + 1);
    limbsFromBytes(y, key + 33);
    if (!lessThan(x, P_LIMBS) || !lessThan(y, P_LIMBS)) return false; // 2.3.4 step 3.2/3.3: xP, yP ∈ [0, p−1]
    toMont(x, x);
    toMont(y, y);
    curveRhs(t0, x);
    fsqr(t1, y);
    return fEq(t0, t1);                                         // 2.3.4 step 3.4 / 3.2.2.1: y² = x³ + ax + b
  }
  if (len == P256_PUBLIC_KEY_COMPRESSED_BYTES) {
    const prefix = load<u8>(key);
    if (prefix != 0x02 && prefix != 0x03) return false;         // 2.3.4 step 2: 02/03‖X
    limbsFromBytes(x, key + 1);
    if (!lessThan(x, P_LIMBS)) return false;                    // 2.3.4 step 2.2
    toMont(x, x);
    curveRhs(t0, x);                                            // 2.3.4 step 2.4.1: α = x³ + ax + b
    if (!fsqrt(y, t0)) return false;                            // β = √α, fail if none
    fromMont(t1, y);
    if ((load<u32>(t1) & 1) != <u32>(prefix & 1)) fneg(y, y);   // ỹ_P selects β or p − β
    return true;
  }
  return false;                                                 // includes the 1-byte infinity 0x00
}

/** r = x³ − 3x + b (Montgomery form). */
function curveRhs(r: usize, x: usize): void {
  fsqr(r, x);
  fmul(r, r, x);
  fsub(r, r, x);
  fsub(r, r, x);
  fsub(r, r, x);
  fadd(r, r, B_M);
}

const digest = memory.data(32, 16);

/** SEC1 4.1.4 steps 2–4: e = SHA-256(M) as an integer (256 bits, so no truncation). */
export function hashToScalar(e: usize, msg: usize, msgLen: usize): void {
  sha256(msg, msgLen, digest);
  limbsFromBytes(e, digest);
}

/** Parses r‖s at `sig` into limbs; false unless both are in [1, n−1] (SEC1 4.1.4 step 1). */
export function parseSignature(r: usize, s: usize, sig: usize): bool {
  limbsFromBytes(r, sig);
  limbsFromBytes(s, sig + 32);
  return scalarInRange(r) && scalarInRange(s);
}

const u1 = memory.data(32, 16);
const u2 = memory.data(32, 16);
const acc = memory.data(96, 16);
const rr = memory.data(32, 16);
const zz = memory.data(32, 16);

/**
 * SEC1 4.1.4 steps 5–8 given e, r and wM = s⁻¹·2^256 mod n (Montgomery form).
 * `keyTable` is a known key's fixed-base table (0 for none, then `keyAffine` is used).
 */
export function verifyWithInverse(e: usize, r: usize, wM: usize, keyAffine: usize, keyTable: usize): bool {
  nmul(u1, e, wM);                              // step 5: u1 = e·s⁻¹ mod n
  nmul(u2, r, wM);                              //         u2 = r·s⁻¹ mod n
  // step 6: R = u1·G + u2·Q
  if (gTable == 0 && keyTable == 0) {
    mulWnafJoint(acc, G_AFFINE, u1, keyAffine, u2);  // cold start: no table built yet
  } else {
    if (!ensureGTable()) return false;
    if (keyTable != 0) {
      pSetInfinity(acc);
      mulAddFixed(acc, keyTable, u2, KEY_WINDOW);
    } else {
      mulWnaf(acc, keyAffine, u2);
    }
    mulAddFixed(acc, gTable, u1, G_WINDOW);
  }
  if (pIsInfinity(acc)) return false;           // step 6: reject R = O
  // steps 7–8: v = x_R mod n == r  ⇔  X == r·Z² or (r + n < p and X == (r+n)·Z²), x_R = X/Z²
  fsqr(zz, acc + 64);
  toMont(rr, r);
  fmul(t0, rr, zz);
  if (fEq(t0, acc)) return true;
  if (!lessThan(r, P_MINUS_N)) return false;
  let c: u64 = 0;
  for (let k: usize = 0; k < 8; k++) {
    c += <u64>load<u32>(r + (k << 2)) + <u64>load<u32>(N_LIMBS + (k << 2));
    store<u32>(rr + (k << 2), <u32>c);
    c >>= 32;
  }
  toMont(rr, rr);
  fmul(t0, rr, zz);
  return fEq(t0, acc);
}

const eS = memory.data(32, 16);
const rS = memory.data(32, 16);
const sS = memory.data(32, 16);
const wS = memory.data(32, 16);
const qS = memory.data(64, 16);

/** One signature, key given as an encoding (decoded and validated here). */
export function verifyEncodedKey(key: usize, keyLen: usize, msg: usize, msgLen: usize, sig: usize): bool {
  if (!decodePublicKey(qS, key, keyLen)) return false;
  if (!parseSignature(rS, sS, sig)) return false;
  hashToScalar(eS, msg, msgLen);
  scalarInvVar(wS, sS);                           // step 4: w = s⁻¹ mod n
  scalarToMont(wS, wS);                           //         in Montgomery form, w·2^256
  return verifyWithInverse(eS, rS, wS, qS, 0);
}

// ---- known keys: per-key fixed-base tables in slots ----

export const MAX_KEY_SLOTS: i32 = 64;
const slotTable = memory.data(MAX_KEY_SLOTS * 4, 16);   // table pointer per slot (0 = none yet)
const slotUsed = memory.data(MAX_KEY_SLOTS);
const slotKey = memory.data(MAX_KEY_SLOTS * 64, 16);    // affine key per slot

/** Decodes and validates a key and builds its table. Slot index ≥ 0, −1 invalid key, −2 no slot/memory. */
export function keyPrepare(key: usize, keyLen: usize): i32 {
  if (!ensureGTable()) return -2;
  if (!decodePublicKey(qS, key, keyLen)) return -1;
  let slot: i32 = -1;
  for (let i = 0; i < MAX_KEY_SLOTS; i++) if (load<u8>(slotUsed + <usize>i) == 0) { slot = i; break; }
  if (slot < 0) return -2;
  let table = load<u32>(slotTable + (<usize>slot << 2));
  if (table == 0) {
    table = <u32>alloc(tableBytes(KEY_WINDOW));
    if (table == 0) return -2;
    store<u32>(slotTable + (<usize>slot << 2), table);
  }
  if (!buildFixedTable(table, qS, KEY_WINDOW)) return -2;
  memory.copy(slotKey + (<usize>slot << 6), qS, 64);
  store<u8>(slotUsed + <usize>slot, 1);
  return slot;
}

export function keyRelease(slot: i32): void {
  if (slot >= 0 && slot < MAX_KEY_SLOTS) store<u8>(slotUsed + <usize>slot, 0);
}

/** Table pointer of a live slot, or 0. */
export function slotTablePtr(slot: i32): usize {
  if (slot < 0 || slot >= MAX_KEY_SLOTS || load<u8>(slotUsed + <usize>slot) == 0) return 0;
  return <usize>load<u32>(slotTable + (<usize>slot << 2));
}

export function verifyPrepared(slot: i32, msg: usize, msgLen: usize, sig: usize): bool {
  const table = slotTablePtr(slot);
  if (table == 0 || !ensureGTable()) return false;
  if (!parseSignature(rS, sS, sig)) return false;
  hashToScalar(eS, msg, msgLen);
  scalarInvVar(wS, sS);                           // step 4: w = s⁻¹ mod n, Montgomery form
  scalarToMont(wS, wS);
  return verifyWithInverse(eS, rS, wS, 0, table);
}
