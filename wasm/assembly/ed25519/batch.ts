/**
 * Randomised batch verification of Ed25519 signatures (Bernstein, Duif, Lange, Schwabe, Yang,
 * "High-speed high-security signatures", 2011, section 5; RFC 8032 5.1.7 per item).
 *
 * For the items that pass the per-item checks of RFC 8032 5.1.7 step 1 (S < L, R and A decode
 * canonically, A not of small order) the batch equation, with 127-bit random z_i, is
 *     [8]·( [Σ z_i·S_i]B − Σ_i [z_i]R_i − Σ_i [z_i·k_i]A_i ) = O
 * It holds whenever every item satisfies the single cofactored equation (verify.ts); if any
 * item does not, it fails except with probability about 2^−127 over the z_i. On failure every
 * item of the chunk is verified singly, so the results always equal ed25519Verify's.
 *
 * Cost: Σ z_i·S_i and, per known key h, Σ z_i·k_i are accumulated unreduced (512-bit) and
 * reduced once; [·]B and each known key's term use the comb tables (shared doublings);
 * the R_i (and the A_i of items without a handle) go through one Pippenger MSM (msm.ts).
 *
 * The z_i come from the caller (randomPtr, 16 bytes per item): the JavaScript side fills them
 * from crypto.getRandomValues for every call. Predictable z_i would let an attacker build a
 * batch of invalid signatures that passes.
 */
import { alloc } from '../common/heap';
import { COMB_NAF_WIDTH, COMB_SPACING, combAccumulate } from './comb';
import { feAdd, feCarry, feMul, feSub } from './field';
import { MAX_KEYS, keyBytes, keyIsLive, keyTable } from './keys';
import { MSM_SCALAR_STRIDE, msm } from './msm';
import {
  AFFINE_BYTES, CACHED_BYTES, FE_D2, P3_BYTES, p1p1ToP3, p3ToCached, pointDecode,
  pointDouble, pointIsIdentity, pointMul8, pointSetIdentity, pointSub,
} from './point';
import { scalarIsCanonical, scalarMulAdd, scalarReduce64, scalarToNaf } from './scalar';
import {
  PUBLIC_KEY_BYTES, baseTable, challenge, decodePublicKey, verifyKnownKey, verifyUnknownKey,
} from './verify';

/** Bytes per item record: handle, publicKeyPtr, messagePtr, messageLength, signaturePtr. */
export const BATCH_ITEM_BYTES: i32 = 20;
/** Random bytes per item (z_i, little-endian). */
export const BATCH_RANDOM_BYTES: i32 = 16;
/** Items per batch equation; longer batches are split into chunks of this size. */
export const BATCH_CHUNK: i32 = 1024;

// Per-chunk scratch from the heap on first use: 2 points, 2 scalars and carries per item.
const MAX_POINTS: i32 = 2 * BATCH_CHUNK;
const MAX_WINDOWS: i32 = 66;
let POINTS: usize = 0; // MAX_POINTS AFFINE
let SCALARS: usize = 0; // MAX_POINTS × MSM_SCALAR_STRIDE
let CARRIES: usize = 0; // MAX_POINTS × MAX_WINDOWS
let STATE: usize = 0; // BATCH_CHUNK bytes: 1 = in the batch equation, 0 = already invalid

const WIDE_S: usize = memory.data(64); // Σ z_i·S_i, unreduced
const WIDE_K: usize = memory.data(MAX_KEYS * 64); // per key handle: Σ z_i·k_i, unreduced
const KEY_IN_BATCH: usize = memory.data(MAX_KEYS);
const SCALAR: usize = memory.data(32);
const Z: usize = memory.data(32);
const K: usize = memory.data(32);
const ZERO: usize = memory.data(32);
const NAF_S: usize = memory.data(256);
const NAF_K: usize = memory.data(MAX_KEYS * 256);
const PT: usize = memory.data(<i32>P3_BYTES);
const ACC: usize = memory.data(<i32>P3_BYTES);
const MSUM: usize = memory.data(<i32>P3_BYTES);
const P1: usize = memory.data(<i32>P3_BYTES);
const CACHED: usize = memory.data(<i32>CACHED_BYTES);

/** Chunks whose batch equation failed (so each item was re-checked singly), since start-up. */
let fallbackCount: i32 = 0;

/** Diagnostic for tests and benchmarks: see fallbackCount. */
export function batchFallbacks(): i32 {
  return fallbackCount;
}

function ensureScratch(): bool {
  if (POINTS != 0) return true;
  const points = alloc(<usize>MAX_POINTS * AFFINE_BYTES);
  const scalars = alloc(<usize>MAX_POINTS * MSM_SCALAR_STRIDE);
  const carries = alloc(<usize>(MAX_POINTS * MAX_WINDOWS));
  const state = alloc(<usize>BATCH_CHUNK);
  if (points == 0 || scalars == 0 || carries == 0 || state == 0) return false;
  POINTS = points;
  SCALARS = scalars;
  CARRIES = carries;
  STATE = state;
  return true;
}

/** acc (16 little-endian u32 words) += a (8 words) · b (8 words). */
function wideMulAcc(acc: usize, a: usize, b: usize): void {
  for (let i: usize = 0; i < 8; i++) {
    const ai = <u64>load<u32>(a + (i << 2));
    if (ai == 0) continue;
    let carry: u64 = 0;
    for (let j: usize = 0; j < 8; j++) {
      const p = acc + ((i + j) << 2);
      const t = ai * <u64>load<u32>(b + (j << 2)) + <u64>load<u32>(p) + carry;
      store<u32>(p, <u32>t);
      carry = t >> 32;
    }
    for (let k: usize = i + 8; k < 16 && carry != 0; k++) {
      const p = acc + (k << 2);
      const t = <u64>load<u32>(p) + carry;
      store<u32>(p, <u32>t);
      carry = t >> 32;
    }
  }
}

/** Store the decoded P3 point `p` (Z = 1 after decoding) as AFFINE niels at `out`. */
function decodedToAffine(out: usize, p: usize): void {
  feAdd(out, p + 40, p);
  feSub(out + 40, p + 40, p);
  feCarry(out, out);
  feCarry(out + 40, out + 40);
  feMul(out + 80, p + 120, FE_D2); // T = x·y since Z = 1
}

@inline
function itemField(items: usize, i: i32, offset: usize): u32 {
  return load<u32>(items + <usize>(i * BATCH_ITEM_BYTES) + offset);
}

/**
 * The handle of item i if it is live and holds the item's own public key bytes, else −1: the
 * handle is only a hint, so a stale or mismatched one cannot change an answer.
 */
function usableHandle(items: usize, i: i32): i32 {
  const h = <i32>itemField(items, i, 0);
  if (!keyIsLive(h)) return -1;
  const pk = <usize>itemField(items, i, 4);
  return memory.compare(keyBytes(h), pk, <usize>PUBLIC_KEY_BYTES) == 0 ? h : -1;
}

/** Single verification of item i (the fallback path). */
function verifySingle(items: usize, i: i32): i32 {
  const h = usableHandle(items, i);
  const msg = <usize>itemField(items, i, 8);
  const len = <i32>itemField(items, i, 12);
  const sig = <usize>itemField(items, i, 16);
  if (len < 0) return 0;
  if (h >= 0) return verifyKnownKey(keyBytes(h), keyTable(h), msg, len, sig);
  return verifyUnknownKey(<usize>itemField(items, i, 4), msg, len, sig);
}

/** One chunk of at most BATCH_CHUNK items; returns the number of valid ones. */
function verifyChunk(items: usize, count: i32, random: usize, results: usize): i32 {
  memory.fill(WIDE_S, 0, 64);
  memory.fill(KEY_IN_BATCH, 0, <usize>MAX_KEYS);
  memory.fill(Z, 0, 32);
  let n = 0; // points in the MSM
  let inBatch = 0;
  let maxBits = 127;
  for (let i = 0; i < count; i++) {
    store<u8>(STATE + <usize>i, 0);
    store<u8>(results + <usize>i, 0);
    const h = usableHandle(items, i);
    const msg = <usize>itemField(items, i, 8);
    const len = <i32>itemField(items, i, 12);
    const sig = <usize>itemField(items, i, 16);
    // RFC 8032 5.1.7 step 1 per item: S < L, A (or a live handle) valid, R decodes.
    if (len < 0 || !scalarIsCanonical(sig + 32)) continue;
    let pk: usize;
    if (h >= 0) {
      pk = keyBytes(h);
    } else {
      pk = <usize>itemField(items, i, 4);
      if (!decodePublicKey(PT, pk)) continue;
      decodedToAffine(POINTS + <usize>(n + 1) * AFFINE_BYTES, PT); // A_i goes after R_i
    }
    if (!pointDecode(PT, sig)) continue;
    decodedToAffine(POINTS + <usize>n * AFFINE_BYTES, PT);
    // Step 2: k_i = SHA-512(R ‖ A ‖ M) mod L.
    challenge(K, sig, pk, msg, len);
    // z_i: 127 of the caller's 128 random bits (top bit cleared: z_i < 2^127 keeps the MSM's
    // signed digits within 16 windows of 8 bits; a forgery then passes with probability 2^−127).
    memory.copy(Z, random + <usize>(i * BATCH_RANDOM_BYTES), <usize>BATCH_RANDOM_BYTES);
    store<u8>(Z, load<u8>(Z, 15) & 0x7f, 15);
    wideMulAcc(WIDE_S, Z, sig + 32); // Σ z_i·S_i
    // MSM point R_i with scalar z_i.
    const rSlot = SCALARS + <usize>n * MSM_SCALAR_STRIDE;
    memory.fill(rSlot, 0, MSM_SCALAR_STRIDE);
    memory.copy(rSlot, Z, 16);
    n++;
    if (h >= 0) {
      // Known key: Σ z_i·k_i per handle, one comb evaluation later.
      const wide = WIDE_K + <usize>(h * 64);
      if (load<u8>(KEY_IN_BATCH + <usize>h) == 0) {
        memory.fill(wide, 0, 64);
        store<u8>(KEY_IN_BATCH + <usize>h, 1);
      }
      wideMulAcc(wide, Z, K);
    } else {
      // Unknown key: MSM point A_i with scalar z_i·k_i mod L.
      const aSlot = SCALARS + <usize>n * MSM_SCALAR_STRIDE;
      memory.fill(aSlot, 0, MSM_SCALAR_STRIDE);
      scalarMulAdd(aSlot, Z, K, ZERO);
      n++;
      maxBits = 253;
    }
    store<u8>(STATE + <usize>i, 1);
    inBatch++;
  }
  if (inBatch == 0) return 0;
  // ACC = [Σ z_i·S_i]B − Σ_h [Σ z_i·k_i]A_h (comb tables, shared doublings).
  scalarReduce64(SCALAR, WIDE_S);
  scalarToNaf(NAF_S, SCALAR, COMB_NAF_WIDTH);
  for (let h = 0; h < MAX_KEYS; h++) {
    if (load<u8>(KEY_IN_BATCH + <usize>h) == 0) continue;
    scalarReduce64(SCALAR, WIDE_K + <usize>(h * 64));
    scalarToNaf(NAF_K + <usize>(h * 256), SCALAR, COMB_NAF_WIDTH);
  }
  const bTable = baseTable();
  pointSetIdentity(ACC);
  for (let b = COMB_SPACING - 1; b >= 0; b--) {
    if (b != COMB_SPACING - 1) {
      pointDouble(P1, ACC);
      p1p1ToP3(ACC, P1);
    }
    combAccumulate(ACC, bTable, NAF_S, b, false);
    for (let h = 0; h < MAX_KEYS; h++) {
      if (load<u8>(KEY_IN_BATCH + <usize>h) == 0) continue;
      combAccumulate(ACC, keyTable(h), NAF_K + <usize>(h * 256), b, true);
    }
  }
  // MSUM = Σ [z_i]R_i + Σ [z_i·k_i]A_i (items without a handle).
  let ok = msm(MSUM, POINTS, SCALARS, n, maxBits, CARRIES);
  if (ok) {
    p3ToCached(CACHED, MSUM);
    pointSub(P1, ACC, CACHED);
    p1p1ToP3(PT, P1);
    pointMul8(PT, PT);
    ok = pointIsIdentity(PT);
  }
  if (!ok) fallbackCount++;
  let valid = 0;
  for (let i = 0; i < count; i++) {
    if (load<u8>(STATE + <usize>i) == 0) continue;
    const r = ok ? 1 : verifySingle(items, i); // batch failed: find the bad ones one by one
    store<u8>(results + <usize>i, <u8>r);
    valid += r;
  }
  return valid;
}

/** ed25519VerifyBatch (exports.ts): results[i] ∈ {0, 1}; returns the number of valid items. */
export function verifyBatch(items: usize, count: i32, random: usize, results: usize): i32 {
  if (count <= 0) return 0;
  if (!ensureScratch() || baseTable() == 0) {
    let valid = 0;
    for (let i = 0; i < count; i++) {
      const r = verifySingle(items, i);
      store<u8>(results + <usize>i, <u8>r);
      valid += r;
    }
    return valid;
  }
  let valid = 0;
  for (let start = 0; start < count; start += BATCH_CHUNK) {
    const m = min(BATCH_CHUNK, count - start);
    valid += verifyChunk(
      items + <usize>(start * BATCH_ITEM_BYTES), m,
      random + <usize>(start * BATCH_RANDOM_BYTES), results + <usize>start,
    );
  }
  return valid;
}
