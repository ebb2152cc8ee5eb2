/**
 * Half-size scalars for Ed25519 verification: given k (mod L), find c, d with c ≡ d·k (mod L),
 * |c|, |d| < 2^127 and d ≠ 0 — a short vector of the lattice spanned by (L, 0) and (k, 1).
 * Why (verify.ts): [8]([S]B − R − [k]A) = O holds iff [8]([d·S mod L]B − [d]R − [c]A) = O,
 * and the second needs about 127 doublings instead of 253. The idea is T. Pornin's,
 * "Optimized Lattice Basis Reduction In Dimension 2, and Fast Schnorr and EdDSA Signature
 * Verification", IACR ePrint 2020/454; the vector is found here as in the GLV decomposition
 * (Gallant, Lambert, Vanstone, CRYPTO 2001, section 4): the extended Euclidean algorithm on
 * (L, k), stopped halfway, in a binary form (each step subtracts r1·2^s, shifts only).
 * (Pornin's own Algorithm 4 keeps 512-bit norms; measured here it cost about three times as much.)
 *
 * Invariants (r0 ≥ r1 ≥ 0, t0 and t1 of opposite signs or zero):
 *     r0 ≡ t0·k and r1 ≡ t1·k (mod L),   |r0·t1| + |r1·t0| = L.
 * They hold for (r0, t0) = (L, 0), (r1, t1) = (k, 1), and a step (r0, t0) −= 2^s·(r1, t1) with
 * 2^s·r1 ≤ r0, followed by a swap when r0 < r1, keeps them. The loop stops at the first r1 <
 * 2^126; then r0 ≥ 2^126 (it was r1 one step before), so |t1| ≤ L / r0 < 2^127; and t1 ≠ 0,
 * since t1 = 0 would give r1 ≡ 0, so r1 = 0 and |r0·t1| = L. Output c = r1, d = t1.
 * Measured: 110 steps on average, at most 131 over 5 000 random k. MAX_STEPS is a guard only:
 * each step at least halves r0 (2^(s+1)·r1 > r0), so r0·r1 < 2^506 allows at most 506 steps.
 *
 * t0, t1 are kept modulo 2^128 (two u64 words, two's complement): only additions and
 * subtractions touch them and the t1 returned is exact. Variable time: k is public (a hash of
 * the signature, key and message), convention 9.
 */

const MAX_STEPS: i32 = 600;
/** Stop once r1 < 2^HALF_BITS. */
const HALF_BITS: i32 = 126;

// L (RFC 8032 5.1) as four little-endian u64 words.
const L_WORDS: usize = memory.data<u64>([
  0x5812631a5cf5d3ed, 0x14def9dea2f79cd6, 0x0000000000000000, 0x1000000000000000,
]);

/** Bit length of the 256-bit unsigned (x0, x1, x2, x3), words little-endian (0 for 0). */
// @ts-ignore: decorator
@inline
function bitLength4(x0: u64, x1: u64, x2: u64, x3: u64): i32 {
  if (x3 != 0) return 256 - <i32>clz(x3);
  if (x2 != 0) return 192 - <i32>clz(x2);
  if (x1 != 0) return 128 - <i32>clz(x1);
  return 64 - <i32>clz(x0);
}

/**
 * Writes c and d as 128-bit two's complement (lo, hi words) at `c` and `d`; `k` is a 32-byte
 * scalar < L. False only if the guard MAX_STEPS was reached (never, by the bound above).
 * r0, r1 (four words each) and t0, t1 (two words each) live in locals: a step is a handful of
 * word operations, and the quotient bit s is almost always below 64, so the word-shift branch
 * is rarely taken.
 */
export function halfSizeScalars(c: usize, d: usize, k: usize): bool {
  let a0 = load<u64>(L_WORDS), a1 = load<u64>(L_WORDS, 8);
  let a2 = load<u64>(L_WORDS, 16), a3 = load<u64>(L_WORDS, 24); // r0 = L
  let b0 = load<u64>(k), b1 = load<u64>(k, 8), b2 = load<u64>(k, 16), b3 = load<u64>(k, 24); // r1 = k
  let u0: u64 = 0, u1: u64 = 0; // t0 = 0
  let v0: u64 = 1, v1: u64 = 0; // t1 = 1
  for (let step = 0; step < MAX_STEPS; step++) {
    const len1 = bitLength4(b0, b1, b2, b3);
    if (len1 <= HALF_BITS) {
      store<u64>(c, b0); store<u64>(c, b1, 8); // r1 < 2^126: two words, non-negative
      store<u64>(d, v0); store<u64>(d, v1, 8);
      return true;
    }
    // Largest s with 2^s·r1 ≤ r0: the length difference, or one less. y = 2^s·r1 < 2^256.
    let s = bitLength4(a0, a1, a2, a3) - len1;
    let y0 = b0, y1 = b1, y2 = b2, y3 = b3;
    for (let q = s >> 6; q > 0; q--) { y3 = y2; y2 = y1; y1 = y0; y0 = 0; }
    const sh = <u64>(s & 63);
    if (sh != 0) {
      const back = 64 - sh;
      y3 = (y3 << sh) | (y2 >> back);
      y2 = (y2 << sh) | (y1 >> back);
      y1 = (y1 << sh) | (y0 >> back);
      y0 = y0 << sh;
    }
    // y > r0: take s − 1 (halve y; its lowest bit is 0, since s ≥ 1 here).
    if (y3 > a3 || (y3 == a3 && (y2 > a2 || (y2 == a2 && (y1 > a1 || (y1 == a1 && y0 > a0)))))) {
      s--;
      y0 = (y0 >> 1) | (y1 << 63);
      y1 = (y1 >> 1) | (y2 << 63);
      y2 = (y2 >> 1) | (y3 << 63);
      y3 = y3 >> 1;
    }
    // r0 −= y (no borrow out: y ≤ r0).
    let borrow = <u64>(a0 < y0);
    a0 -= y0;
    let t = a1 - y1;
    let nb = <u64>(a1 < y1) | <u64>(t < borrow);
    a1 = t - borrow; borrow = nb;
    t = a2 - y2;
    nb = <u64>(a2 < y2) | <u64>(t < borrow);
    a2 = t - borrow; borrow = nb;
    a3 = a3 - y3 - borrow;
    // t0 −= 2^s·t1 (mod 2^128).
    if (s < 128) {
      let lo = v0, hi = v1;
      if (s >= 64) {
        hi = lo << <u64>(s - 64);
        lo = 0;
      } else if (s > 0) {
        hi = (hi << <u64>s) | (lo >> <u64>(64 - s));
        lo = lo << <u64>s;
      }
      u1 = u1 - hi - <u64>(u0 < lo);
      u0 -= lo;
    }
    // r0 < r1: swap the pairs.
    if (a3 < b3 || (a3 == b3 && (a2 < b2 || (a2 == b2 && (a1 < b1 || (a1 == b1 && a0 < b0)))))) {
      let x = a0; a0 = b0; b0 = x;
      x = a1; a1 = b1; b1 = x;
      x = a2; a2 = b2; b2 = x;
      x = a3; a3 = b3; b3 = x;
      x = u0; u0 = v0; v0 = x;
      x = u1; u1 = v1; v1 = x;
    }
  }
  return false;
}
