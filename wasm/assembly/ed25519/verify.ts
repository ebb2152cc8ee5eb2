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
 * Speed (inputs are public, so everything here is variable time):
 *   - [S]B uses the precomputed comb table of B (comb.ts; built on first use).
 *   - unknown A: Straus with a width-5 NAF of k over odd multiples of A, the B comb folded into
 *     the last COMB_SPACING − 1 doublings;
 *   - known A (keys.ts handle): two comb evaluations sharing their COMB_SPACING − 1 doublings.
 */
import { alloc } from '../common/heap';
import { sha512Final, sha512Init, sha512Update } from '../sha512';
import { COMB_SPACING, COMB_TABLE_BYTES, COMB_NAF_WIDTH, combAccumulate, combBuild } from './comb';
import {
  CACHED_BYTES, P3_BYTES, p1p1ToP2, p1p1ToP3, p3ToCached, pointAdd, pointConstantsInit,
  pointDecode, pointDouble, pointIsIdentity, pointIsSmallOrder, pointMul8, pointSetIdentity,
  pointSub,
} from './point';
import { scalarIsCanonical, scalarReduce64, scalarToNaf } from './scalar';

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

const A_POINT: usize = memory.data(<i32>P3_BYTES);
const R_POINT: usize = memory.data(<i32>P3_BYTES);
const R_CACHED: usize = memory.data(<i32>CACHED_BYTES);
const A_ODD: usize = memory.data(<i32>(8 * <i32>CACHED_BYTES)); // A, 3A, …, 15A cached
const ACC: usize = memory.data(<i32>P3_BYTES);
const P1: usize = memory.data(<i32>P3_BYTES);
const P3T: usize = memory.data(<i32>P3_BYTES);
const TWO_A: usize = memory.data(<i32>CACHED_BYTES);
const DIGEST: usize = memory.data(64);
const K: usize = memory.data(32);
const NAF_S: usize = memory.data(256);
const NAF_K: usize = memory.data(256);

/**
 * Decode the public key at pk into `out` (P3). RFC 8032 5.1.7 step 1 for A, plus this core's
 * small-order rejection. False when the key can never verify anything.
 */
export function decodePublicKey(out: usize, pk: usize): bool {
  if (!pointDecode(out, pk)) return false; // 5.1.3: invalid or non-canonical encoding
  return !pointIsSmallOrder(out); // policy: small-order A rejected (noble zip215: false)
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

/** RFC 8032 5.1.7 for an unknown key. 1 valid, 0 invalid. */
export function verifyUnknownKey(pk: usize, msg: usize, msgLen: i32, sig: usize): i32 {
  if (!baseTableInit()) return 0;
  // Step 1: S must be < L; A and R must decode (canonically); A must not be small order.
  if (!scalarIsCanonical(sig + 32)) return 0;
  if (!decodePublicKey(A_POINT, pk)) return 0;
  if (!pointDecode(R_POINT, sig)) return 0;
  // Step 2: k = SHA-512(R ‖ A ‖ M) mod L.
  challenge(K, sig, pk, msg, msgLen);
  // Step 3: ACC = [S]B − [k]A (Straus: wNAF of k over A's odd multiples, B's comb at the end).
  const topK = scalarToNaf(NAF_K, K, A_NAF_WIDTH);
  scalarToNaf(NAF_S, sig + 32, COMB_NAF_WIDTH);
  p3ToCached(A_ODD, A_POINT);
  pointDouble(P1, A_POINT);
  p1p1ToP3(P3T, P1);
  p3ToCached(TWO_A, P3T);
  for (let i = 1; i < 8; i++) {
    pointAdd(P1, i == 1 ? A_POINT : P3T, TWO_A);
    // P3T holds (2i−1)·A from the previous step once i > 1.
    p1p1ToP3(P3T, P1);
    p3ToCached(A_ODD + <usize>i * CACHED_BYTES, P3T);
  }
  pointSetIdentity(ACC);
  const start = max(topK, COMB_SPACING - 1);
  for (let i = start; i >= 0; i--) {
    pointDouble(P1, ACC);
    const d = <i32>load<i8>(NAF_K + <usize>i);
    if (d == 0 && i >= COMB_SPACING) {
      p1p1ToP2(ACC, P1); // T is not needed before the next doubling
      continue;
    }
    p1p1ToP3(ACC, P1);
    if (d != 0) {
      const e = A_ODD + <usize>((d > 0 ? d : -d) >> 1) * CACHED_BYTES;
      if (d > 0) pointSub(P1, ACC, e); // −[k]A: subtract positive digits
      else pointAdd(P1, ACC, e);
      p1p1ToP3(ACC, P1);
    }
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
