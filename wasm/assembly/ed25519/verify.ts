/**
 * Ed25519 signature verification — RFC 8032 5.1.7 (pure Ed25519, no context, no prehash).
 *
 * Policy (identical to @noble/curves 2.x `ed25519.verify(sig, msg, pub, { zip215: false })`,
 * pinned by tests/unit/crypto/ed25519-core.test.ts against Wycheproof, RFC 8032/8037 and the
 * CCTV edge-case vectors):
 *   - S must be canonical: S < L (RFC 8032 5.1.7 step 1), else invalid.
 *   - A and R must be canonical encodings (RFC 8032 5.1.3): y < p, and x = 0 with the sign bit
 *     set is rejected; an encoding with no curve point is rejected.
 *   - A of small order (8·A = O: the eight torsion points) is rejected.
 *   - The equation is the cofactored one of RFC 8032 5.1.7 step 3: [8][S]B = [8]R + [8][k]A,
 *     so a signature whose R and [k]A carry torsion components that do not cancel
 *     ("low_order_residue" in CCTV) is still valid. Small-order R is accepted when the
 *     equation holds.
 *   - k = SHA-512(R ‖ A ‖ M) over the bytes as received (they are canonical by then).
 * noble's DEFAULT for ed25519 is ZIP-215 (accepts non-canonical A/R and small-order A); the JS
 * fallback must pass { zip215: false } to agree with this core.
 *
 * WebCrypto is only the benchmark yardstick and differs on CCTV edge cases (measured: Chromium's
 * BoringSSL and Node 20's OpenSSL behave alike, accepting 208 of the 914 vectors; this core and
 * noble strict accept 212):
 *   - it checks the cofactorless equation [S]B = R + [k]A, so it rejects the 126 accepted
 *     "low_order_residue" vectors that this core accepts;
 *   - it does not reject small-order A, and decodes A without the y < p check, so it accepts
 *     122 low_order_A vectors (36 of them with a non-canonical A encoding) that this core rejects.
 * Both groups need a low-order public key or a low-order component deliberately planted in R;
 * honestly generated keys and signatures verify identically everywhere.
 *
 * Speed (inputs are public — key, message, signature — so everything here is variable time;
 * constant time is not needed to verify, convention 9):
 *   - [S]B uses the precomputed comb table of B (comb.ts; built on first use).
 *   - unknown A: half-size scalars (lattice.ts, Pornin 2020): c ≡ d·k (mod L) with |c|, |d| <
 *     2^127, then one Straus chain of about 127 doublings over width-5 NAFs of c (A's odd
 *     multiples) and d (R's), the B comb of d·S folded into the last COMB_SPACING − 1 doublings
 *     (verifyUnknownKey explains why the answer is the same as over k);
 *   - known A (keys.ts handle): two comb evaluations sharing their COMB_SPACING − 1 doublings.
 */
import { alloc } from '../common/heap';
import { sha512Final, sha512Init, sha512Update } from '../sha512';
import { COMB_SPACING, COMB_TABLE_BYTES, COMB_NAF_WIDTH, combAccumulate, combBuild } from './comb';
import {
  AFFINE_BYTES, CACHED_BYTES, P3_BYTES, p1p1ToP2, p1p1ToP3, p3ToCached, pointAdd, pointAddAffine,
  pointConstantsInit, pointDecode, pointDouble, pointIsIdentity, pointMul8, pointSetIdentity,
  pointSub, pointSubAffine,
} from './point';
import { feIsZero } from './field';
import { halfSizeScalars } from './lattice';
import { scalarIsCanonical, scalarMulAdd, scalarNegate, scalarReduce64, scalarToNaf } from './scalar';

export const PUBLIC_KEY_BYTES: i32 = 32;
/** NAF width for k·A with an unknown A: odd multiples A, 3A, …, 15A. */
const A_NAF_WIDTH: i32 = 5;

// RFC 8032 5.1: B = (x, 4/5) with x positive; its encoding.
const B_BYTES: usize = memory.data<u8>([
  0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
  0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
]);
let B_TABLE: usize = 0; // COMB_TABLE_BYTES from the long-lived heap (common/heap.ts)
let baseReady = false;

const PT: usize = memory.data(<i32>P3_BYTES);

/** Build the B table once (about a millisecond); false only if memory cannot grow. */
export function baseTableInit(): bool {
  if (baseReady) return true;
  pointConstantsInit();
  if (B_TABLE == 0) B_TABLE = alloc(COMB_TABLE_BYTES);
  if (B_TABLE == 0) return false;
  pointDecode(PT, B_BYTES);
  if (!combBuild(B_TABLE, PT)) return false;
  baseReady = true;
  return true;
}

// B's table for single verification (verifyUnknownKey): two rows, B and 2^128·B, each with the
// odd multiples 1·, 3·, …, 511· (width-10 NAF digits), 512 AFFINE points = COMB_TABLE_BYTES.
// Its doublings are the Straus chain's own (about 127, for the half-size c and d), so a wider
// NAF only costs table: the B part of the sum drops from about 32 mixed additions (the comb,
// width 7) to about 23 (253 / 11), for 61 440 more bytes built once (about 0.3 ms).
const B_WIDE_NAF_WIDTH: i32 = 10;
const B_WIDE_ENTRIES: i32 = 1 << (B_WIDE_NAF_WIDTH - 2);
const B_WIDE_SPACING: i32 = 128;
const B_WIDE_ROW_BYTES: usize = <usize>B_WIDE_ENTRIES * AFFINE_BYTES;
let B_WIDE: usize = 0;
let wideReady = false;

/**
 * Build B's two-row table once (about as costly as the comb: 512 points). Single verification
 * needs only this one; the comb is built when known keys or a batch first need it.
 */
function wideBaseTableInit(): bool {
  if (wideReady) return true;
  pointConstantsInit();
  if (B_WIDE == 0) B_WIDE = alloc(<usize>(2 * B_WIDE_ENTRIES) * AFFINE_BYTES);
  if (B_WIDE == 0) return false;
  pointDecode(PT, B_BYTES);
  if (!combBuild(B_WIDE, PT, 2, B_WIDE_ENTRIES, B_WIDE_SPACING)) return false;
  wideReady = true;
  return true;
}

const A_POINT: usize = memory.data(<i32>P3_BYTES);
const R_POINT: usize = memory.data(<i32>P3_BYTES);
const R_CACHED: usize = memory.data(<i32>CACHED_BYTES);
const A_ODD: usize = memory.data(<i32>(8 * <i32>CACHED_BYTES)); // A, 3A, …, 15A cached
const ACC: usize = memory.data(<i32>P3_BYTES);
const P1: usize = memory.data(<i32>P3_BYTES);
const P3T: usize = memory.data(<i32>P3_BYTES);
const TWO_P: usize = memory.data(<i32>CACHED_BYTES);
const R_ODD: usize = memory.data(<i32>(8 * <i32>CACHED_BYTES)); // R, 3R, …, 15R cached
const C_WIDE: usize = memory.data(16); // c, d: 128-bit two's complement (lattice.ts)
const D_WIDE: usize = memory.data(16);
const C_ABS: usize = memory.data(32); // |c|, |d| as 32-byte scalars
const D_ABS: usize = memory.data(32);
const E: usize = memory.data(32); // d·S mod L
const ZERO_SCALAR: usize = memory.data(32);
const NAF_D: usize = memory.data(256);
const DIGEST: usize = memory.data(64);
const K: usize = memory.data(32);
const NAF_S: usize = memory.data(256);
const NAF_E: usize = memory.data(512); // i16 digits of d·S mod L, width B_WIDE_NAF_WIDTH
const NAF_K: usize = memory.data(256);

/**
 * Decode the public key at pk into `out` (P3). RFC 8032 5.1.7 step 1 for A, plus this core's
 * small-order rejection. False when the key can never verify anything.
 */
export function decodePublicKey(out: usize, pk: usize): bool {
  if (!pointDecode(out, pk)) return false; // 5.1.3: invalid or non-canonical encoding
  return !isSmallOrderEncoding(pk); // policy: small-order A rejected (noble zip215: false)
}

// The canonical encodings of the eight points of small order (the torsion subgroup E[8]):
// (0, 1), (0, −1), (±sqrt(−1), 0) and the four points of order 8.
const SMALL_ORDER_ENCODINGS: usize = memory.data<u8>([
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80,
  0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
  0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
  0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
  0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x85,
  0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
  0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
  0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
  0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0xfa,
  0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
]);

/**
 * For a key that decoded canonically: true when it is one of the eight small-order points.
 * A canonical encoding names exactly one point, so comparing bytes is the same test as
 * [8]A = O (three doublings and a reduction, point.ts pointMul8) at a fraction of the cost.
 */
function isSmallOrderEncoding(pk: usize): bool {
  for (let i: usize = 0; i < 8; i++) {
    if (memory.compare(pk, SMALL_ORDER_ENCODINGS + (i << 5), 32) == 0) return true;
  }
  return false;
}

/** RFC 8032 5.1.7 step 2: k = SHA-512(R ‖ A ‖ M) mod L into `out` (32 bytes). */
export function challenge(out: usize, sig: usize, pk: usize, msg: usize, msgLen: i32): void {
  sha512Init();
  sha512Update(sig, 32);
  sha512Update(pk, 32);
  sha512Update(msg, msgLen);
  sha512Final(DIGEST);
  scalarReduce64(out, DIGEST);
}

/** Final check of step 3 given ACC = [S]B − [k]A: [8](ACC − R) = O. */
function finishWithR(): i32 {
  p3ToCached(R_CACHED, R_POINT);
  pointSub(P1, ACC, R_CACHED);
  p1p1ToP3(P3T, P1);
  pointMul8(P3T, P3T);
  return pointIsIdentity(P3T) ? 1 : 0;
}

/** out[0..8) = P, 3P, …, 15P as CACHED points (P in P3): the odd multiples a width-5 NAF needs. */
function oddMultiples(out: usize, p: usize): void {
  p3ToCached(out, p);
  pointDouble(P1, p);
  p1p1ToP3(P3T, P1);
  p3ToCached(TWO_P, P3T);
  for (let i = 1; i < 1 << (A_NAF_WIDTH - 2); i++) {
    // P3T holds (2i − 1)·P from the previous step once i > 1.
    pointAdd(P1, i == 1 ? p : P3T, TWO_P);
    p1p1ToP3(P3T, P1);
    p3ToCached(out + <usize>i * CACHED_BYTES, P3T);
  }
}

/**
 * ACC ±= |digit|·P from its odd multiples: `subtract` when the digit's sign says so. `full`:
 * ACC must come out in P3 (another addition follows); otherwise P2 is enough for the doubling
 * that follows, one multiplication less.
 */
// @ts-ignore: decorator
@inline
function addDigit(odd: usize, digit: i32, subtract: bool, full: bool): void {
  const e = odd + <usize>((digit > 0 ? digit : -digit) >> 1) * CACHED_BYTES;
  if (subtract) pointSub(P1, ACC, e);
  else pointAdd(P1, ACC, e);
  if (full) p1p1ToP3(ACC, P1);
  else p1p1ToP2(ACC, P1);
}

/** ACC ±= |digit|·(the row's base) from B's two-row table; `full` as in addDigit. */
// @ts-ignore: decorator
@inline
function addBaseDigit(row: usize, digit: i32, full: bool): void {
  const e = row + <usize>((digit > 0 ? digit : -digit) >> 1) * AFFINE_BYTES;
  if (digit > 0) pointAddAffine(P1, ACC, e);
  else pointSubAffine(P1, ACC, e);
  if (full) p1p1ToP3(ACC, P1);
  else p1p1ToP2(ACC, P1);
}

/** Writes |x| of the 128-bit two's complement x (lo, hi words) as a 32-byte scalar; x < 0? */
function abs128(out: usize, x: usize): bool {
  let lo = load<u64>(x);
  let hi = load<u64>(x, 8);
  const negative = <i64>hi < 0;
  if (negative) {
    lo = ~lo + 1;
    hi = ~hi + <u64>(lo == 0);
  }
  store<u64>(out, lo);
  store<u64>(out, hi, 8);
  store<u64>(out, 0, 16);
  store<u64>(out, 0, 24);
  return negative;
}

/**
 * RFC 8032 5.1.7 for an unknown key. 1 valid, 0 invalid.
 *
 * Step 3 with half-size scalars (lattice.ts): c ≡ d·k (mod L), |c|, |d| < 2^127, d ≠ 0, and
 *     [8]([S]B − R − [k]A) = O  ⟺  [8]([d·S mod L]B − [d]R − [c]A) = O,
 * because the left side's point lies in the prime-order subgroup (the [8]), where [d] is a
 * bijection (0 < |d| < L) and [d·k]A may be replaced by [c]A after the [8]. So the cofactored
 * equation, small-order R and every accept/reject decision of the policy above are unchanged;
 * only the way the sum is computed differs: one Straus chain of about 127 doublings over the
 * width-5 NAFs of |c| (A's odd multiples) and |d| (R's) and the width-10 NAF of e = d·S mod L
 * split at bit 128 (digit i of e on B, digit i + 128 on 2^128·B: B's two-row table), instead of
 * 253 doublings over k.
 */
export function verifyUnknownKey(pk: usize, msg: usize, msgLen: i32, sig: usize): i32 {
  if (!wideBaseTableInit()) return 0;
  // Step 1: S must be < L; A and R must decode (canonically); A must not be small order.
  if (!scalarIsCanonical(sig + 32)) return 0;
  if (!decodePublicKey(A_POINT, pk)) return 0;
  if (!pointDecode(R_POINT, sig)) return 0;
  // Step 2: k = SHA-512(R ‖ A ‖ M) mod L.
  challenge(K, sig, pk, msg, msgLen);
  // Step 3.
  if (!halfSizeScalars(C_WIDE, D_WIDE, K)) return verifyFullScalars(sig);
  const cNegative = abs128(C_ABS, C_WIDE);
  const dNegative = abs128(D_ABS, D_WIDE);
  scalarMulAdd(E, D_ABS, sig + 32, ZERO_SCALAR); // |d|·S mod L
  if (dNegative) scalarNegate(E, E); // d·S mod L
  const topC = scalarToNaf(NAF_K, C_ABS, A_NAF_WIDTH);
  const topD = scalarToNaf(NAF_D, D_ABS, A_NAF_WIDTH);
  const topE = scalarToNaf(NAF_E, E, B_WIDE_NAF_WIDTH, true);
  oddMultiples(A_ODD, A_POINT);
  oddMultiples(R_ODD, R_POINT);
  // ACC = [d·S]B − [d]R − [c]A. A digit t of |c| contributes −sign(c)·t·A: subtracted when
  // t > 0 and c > 0 or t < 0 and c < 0; likewise for d and R. The NAFs of |c| and |d| (< 2^127)
  // end at bit 127 at most, and e's digits i ≥ 128 are taken at i − 128, so i ≤ 127 throughout.
  // After the last addition of a step only a doubling follows, so that one needs P2 only.
  pointSetIdentity(ACC);
  let topE0 = min(topE, B_WIDE_SPACING - 1); // e's highest digit below bit 128
  while (topE0 >= 0 && load<i16>(NAF_E + (<usize>topE0 << 1)) == 0) topE0--;
  const start = max(max(topC, topD), max(topE0, topE - B_WIDE_SPACING));
  const row1 = B_WIDE + B_WIDE_ROW_BYTES;
  for (let i = start; i >= 0; i--) {
    const dc = <i32>load<i8>(NAF_K + <usize>i);
    const dd = <i32>load<i8>(NAF_D + <usize>i);
    const b0 = <i32>load<i16>(NAF_E + (<usize>i << 1));
    const b1 = <i32>load<i16>(NAF_E + (<usize>(i + B_WIDE_SPACING) << 1));
    let left = <i32>(dc != 0) + <i32>(dd != 0) + <i32>(b0 != 0) + <i32>(b1 != 0);
    if (i != start) { // ACC is the identity (P3) before the first step: nothing to double
      pointDouble(P1, ACC);
      if (left == 0) {
        p1p1ToP2(ACC, P1); // T is not needed before the next doubling
        continue;
      }
      p1p1ToP3(ACC, P1);
    }
    if (dc != 0) addDigit(A_ODD, dc, (dc > 0) != cNegative, --left != 0);
    if (dd != 0) addDigit(R_ODD, dd, (dd > 0) != dNegative, --left != 0);
    if (b0 != 0) addBaseDigit(B_WIDE, b0, --left != 0);
    if (b1 != 0) addBaseDigit(row1, b1, --left != 0);
  }
  // [8]·ACC = O  ⟺  [4]·ACC has order 1 or 2  ⟺  its X is 0 (the points (0, ±1)).
  pointDouble(P1, ACC);
  p1p1ToP2(P3T, P1);
  pointDouble(P1, P3T);
  p1p1ToP2(P3T, P1);
  return feIsZero(P3T) ? 1 : 0;
}

/**
 * Step 3 over the full-size k (no lattice reduction): ACC = [S]B − [k]A by Straus, then
 * [8](ACC − R) = O. Only reached if halfSizeScalars gives up (its step guard; never observed).
 */
function verifyFullScalars(sig: usize): i32 {
  if (!baseTableInit()) return 0;
  const topK = scalarToNaf(NAF_K, K, A_NAF_WIDTH);
  scalarToNaf(NAF_S, sig + 32, COMB_NAF_WIDTH);
  oddMultiples(A_ODD, A_POINT);
  pointSetIdentity(ACC);
  const start = max(topK, COMB_SPACING - 1);
  for (let i = start; i >= 0; i--) {
    pointDouble(P1, ACC);
    const d = <i32>load<i8>(NAF_K + <usize>i);
    if (d == 0 && i >= COMB_SPACING) {
      p1p1ToP2(ACC, P1);
      continue;
    }
    p1p1ToP3(ACC, P1);
    if (d != 0) addDigit(A_ODD, d, d > 0, true); // −[k]A: subtract positive digits
    if (i < COMB_SPACING) combAccumulate(ACC, B_TABLE, NAF_S, i, false);
  }
  return finishWithR();
}

/**
 * RFC 8032 5.1.7 with a precomputed table of A (keys.ts): ACC = [S]B − [k]A by two comb
 * evaluations sharing the doublings. `pk` is the key's encoding (for k), `aTable` its table.
 */
export function verifyKnownKey(pk: usize, aTable: usize, msg: usize, msgLen: i32, sig: usize): i32 {
  if (!baseTableInit()) return 0;
  // Step 1: S < L; R decodes canonically (A was checked when the table was built).
  if (!scalarIsCanonical(sig + 32)) return 0;
  if (!pointDecode(R_POINT, sig)) return 0;
  // Step 2: k = SHA-512(R ‖ A ‖ M) mod L.
  challenge(K, sig, pk, msg, msgLen);
  // Step 3: ACC = [S]B − [k]A.
  scalarToNaf(NAF_K, K, COMB_NAF_WIDTH);
  scalarToNaf(NAF_S, sig + 32, COMB_NAF_WIDTH);
  pointSetIdentity(ACC);
  for (let b = COMB_SPACING - 1; b >= 0; b--) {
    if (b != COMB_SPACING - 1) {
      pointDouble(P1, ACC);
      p1p1ToP3(ACC, P1);
    }
    combAccumulate(ACC, B_TABLE, NAF_S, b, false);
    combAccumulate(ACC, aTable, NAF_K, b, true);
  }
  return finishWithR();
}

/** The B comb table (built on demand) for batch verification. */
export function baseTable(): usize {
  baseTableInit();
  return B_TABLE;
}
