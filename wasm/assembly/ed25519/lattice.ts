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

const R_A: usize = memory.data(32);
const R_B: usize = memory.data(32);
const T_A: usize = memory.data(16);
const T_B: usize = memory.data(16);

/** Bit length of the 256-bit unsigned x (0 for 0). */
function bitLength(x: usize): i32 {
  for (let i = 3; i >= 0; i--) {
    const w = load<u64>(x + (<usize>i << 3));
    if (w != 0) return (i << 6) + 64 - <i32>clz(w);
  }
  return 0;
}

/** a < b for 256-bit unsigned integers. */
function lessThan(a: usize, b: usize): bool {
  for (let i = 3; i >= 0; i--) {
    const x = load<u64>(a + (<usize>i << 3));
    const y = load<u64>(b + (<usize>i << 3));
    if (x != y) return x < y;
  }
  return false;
}

/** Word i (0..3) of the 256-bit y shifted left by s bits (0 ≤ s < 256). */
// @ts-ignore: decorator
@inline
function shiftedWord(y: usize, i: i32, s: i32): u64 {
  const j = i - (s >> 6);
  if (j < 0) return 0;
  const bits = <u64>(s & 63);
  const w = load<u64>(y + (<usize>j << 3)) << bits;
  if (bits == 0 || j == 0) return w;
  return w | (load<u64>(y + (<usize>(j - 1) << 3)) >> (64 - bits));
}

/** x −= y·2^s (mod 2^256); true when it borrowed (the true result is negative). */
function subShifted(x: usize, y: usize, s: i32): bool {
  let borrow: u64 = 0;
  for (let i = s >> 6; i < 4; i++) {
    const p = x + (<usize>i << 3);
    const a = load<u64>(p);
    const w = shiftedWord(y, i, s);
    const t = a - w;
    store<u64>(p, t - borrow);
    borrow = <u64>(a < w) | <u64>(t < borrow);
  }
  return borrow != 0;
}

/** x += y·2^s (mod 2^256). */
function addShifted(x: usize, y: usize, s: i32): void {
  let carry: u64 = 0;
  for (let i = s >> 6; i < 4; i++) {
    const p = x + (<usize>i << 3);
    const a = load<u64>(p);
    const t = a + shiftedWord(y, i, s);
    const r = t + carry;
    store<u64>(p, r);
    carry = <u64>(t < a) | <u64>(r < t);
  }
}

/** 128-bit x −= y·2^s (mod 2^128), two words each. */
function subShifted128(x: usize, y: usize, s: i32): void {
  if (s >= 128) return; // y·2^s ≡ 0 (mod 2^128)
  let lo = load<u64>(y);
  let hi = load<u64>(y, 8);
  if (s >= 64) {
    hi = lo << <u64>(s - 64);
    lo = 0;
  } else if (s > 0) {
    hi = (hi << <u64>s) | (lo >> <u64>(64 - s));
    lo = lo << <u64>s;
  }
  const xl = load<u64>(x);
  store<u64>(x, xl - lo);
  store<u64>(x, load<u64>(x, 8) - hi - <u64>(xl < lo), 8);
}

/**
 * Writes c and d as 128-bit two's complement (lo, hi words) at `c` and `d`; `k` is a 32-byte
 * scalar < L. False only if the guard MAX_STEPS was reached (never, by the bound above).
 */
export function halfSizeScalars(c: usize, d: usize, k: usize): bool {
  let r0 = R_A, r1 = R_B, t0 = T_A, t1 = T_B;
  memory.copy(r0, L_WORDS, 32);
  memory.copy(r1, k, 32);
  store<u64>(t0, 0); store<u64>(t0, 0, 8);
  store<u64>(t1, 1); store<u64>(t1, 0, 8);
  for (let step = 0; step < MAX_STEPS; step++) {
    const len1 = bitLength(r1);
    if (len1 <= HALF_BITS) {
      memory.copy(c, r1, 16); // r1 < 2^126: two words, non-negative
      memory.copy(d, t1, 16);
      return true;
    }
    // Largest s with 2^s·r1 ≤ r0: the length difference, or one less.
    let s = bitLength(r0) - len1;
    if (subShifted(r0, r1, s)) {
      s--;
      addShifted(r0, r1, s); // r0 − 2^(s+1)·r1 + 2^s·r1
    }
    subShifted128(t0, t1, s);
    if (lessThan(r0, r1)) {
      const r = r0; r0 = r1; r1 = r;
      const t = t0; t0 = t1; t1 = t;
    }
  }
  return false;
}
