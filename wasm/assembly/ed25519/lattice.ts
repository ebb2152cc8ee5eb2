/**
 * Half-size scalars for Ed25519 verification: given k (mod L), find c, d with c ≡ d·k (mod L)
 * and |c|, |d| < 2^127, by reducing the two-dimensional lattice spanned by (L, 0) and (k, 1).
 * T. Pornin, "Optimized Lattice Basis Reduction In Dimension 2, and Fast Schnorr and EdDSA
 * Signature Verification", IACR ePrint 2020/454, section 3 (Algorithm 4, the binary variant of
 * Lagrange's algorithm: every quotient is a power of two, so each step is shifts and additions).
 *
 * Why (verify.ts): [8]([S]B − R − [k]A) = O holds iff [8]([d·S mod L]B − [d]R − [c]A) = O, and
 * the second needs about 127 doublings instead of 253 (the base point's part uses its table).
 *
 * Values: u = (u0, u1), v = (v0, v1) are lattice vectors; they are kept modulo 2^128 (two u64
 * words, two's complement): the vector returned has |v0|, |v1| < 2^127, and additions and
 * subtractions modulo 2^128 give it exactly. N(u) = u0² + u1², N(v) and the inner product
 * sp = u0·v0 + u1·v1 are kept exactly as 512-bit two's complement integers (eight u64 words).
 * A vector of norm below 1.16·L < 2^253 always exists (Hermite's constant in dimension 2), and
 * the loop stops at the first v with N(v) < 2^253, so |v0|, |v1| < 2^126.5. Measured: 95 steps
 * on average, at most 116 over 2 000 random k. MAX_STEPS is a guard only.
 * Variable time: k is public (a hash of the signature, key and message).
 */

const WIDE_WORDS: i32 = 8;
const WIDE_BYTES: usize = 64;
const MAX_STEPS: i32 = 1000;

// L (RFC 8032 5.1) as four little-endian u64 words, and L² as eight.
const L_WORDS: usize = memory.data<u64>([
  0x5812631a5cf5d3ed, 0x14def9dea2f79cd6, 0x0000000000000000, 0x1000000000000000,
]);

const NU_A: usize = memory.data(<i32>WIDE_BYTES);
const NV_A: usize = memory.data(<i32>WIDE_BYTES);
const SP: usize = memory.data(<i32>WIDE_BYTES);
const VEC_A: usize = memory.data(32); // (x0, x1), each 128-bit: lo, hi words
const VEC_B: usize = memory.data(32);
const PRODUCT: usize = memory.data(<i32>WIDE_BYTES);

/** out (8 words) = a · b for 4-word unsigned a, b (schoolbook on 32-bit halves). */
function mulWide(out: usize, a: usize, b: usize): void {
  memory.fill(out, 0, WIDE_BYTES);
  for (let i: usize = 0; i < 8; i++) {
    const ai = <u64>load<u32>(a + (i << 2));
    let carry: u64 = 0;
    for (let j: usize = 0; j < 8; j++) {
      const p = out + ((i + j) << 2);
      const t = ai * <u64>load<u32>(b + (j << 2)) + <u64>load<u32>(p) + carry;
      store<u32>(p, <u32>t);
      carry = t >> 32;
    }
    store<u32>(out + ((i + 8) << 2), <u32>carry);
  }
}

/** Bit length of a 512-bit two's complement x: of x when x ≥ 0, of −x − 1 otherwise. */
function bitLength(x: usize): i32 {
  const sign: u64 = <u64>(<i64>load<u64>(x, 56) >> 63); // all ones when negative
  for (let i = WIDE_WORDS - 1; i >= 0; i--) {
    const w = load<u64>(x + (<usize>i << 3)) ^ sign;
    if (w != 0) return (i << 6) + 64 - <i32>clz(w);
  }
  return 0;
}

/** a < b for non-negative 512-bit integers. */
function lessThan(a: usize, b: usize): bool {
  for (let i = WIDE_WORDS - 1; i >= 0; i--) {
    const x = load<u64>(a + (<usize>i << 3));
    const y = load<u64>(b + (<usize>i << 3));
    if (x != y) return x < y;
  }
  return false;
}

/** Word i of the 512-bit y shifted left by s bits (bits below word 0 are zero). */
// @ts-ignore: decorator
@inline
function shiftedWord(y: usize, i: i32, limbs: i32, bits: u64): u64 {
  const j = i - limbs;
  if (j < 0) return 0;
  const w = load<u64>(y + (<usize>j << 3)) << bits;
  if (bits == 0 || j == 0) return w;
  return w | (load<u64>(y + (<usize>(j - 1) << 3)) >> (64 - bits));
}

/** x += y · 2^s, or x −= y · 2^s when `subtract` (512-bit two's complement, mod 2^512). */
function addShifted(x: usize, y: usize, s: i32, subtract: bool): void {
  const limbs = s >> 6;
  const bits = <u64>(s & 63);
  let carry: u64 = 0;
  for (let i = limbs; i < WIDE_WORDS; i++) {
    const p = x + (<usize>i << 3);
    const a = load<u64>(p);
    let w = shiftedWord(y, i, limbs, bits);
    if (subtract) {
      // a − w − borrow, borrow out when the true difference is negative
      const t = a - w;
      const r = t - carry;
      carry = (<u64>(a < w) | <u64>(t < carry));
      store<u64>(p, r);
    } else {
      const t = a + w;
      const r = t + carry;
      carry = (<u64>(t < a) | <u64>(r < t));
      store<u64>(p, r);
    }
  }
}

/** 128-bit x ±= y · 2^s (mod 2^128) for the vectors' coordinates (two words at x, y). */
function addShifted128(x: usize, y: usize, s: i32, subtract: bool): void {
  let lo = load<u64>(y);
  let hi = load<u64>(y, 8);
  if (s >= 128) return; // y·2^s ≡ 0 (mod 2^128)
  if (s >= 64) {
    hi = lo << <u64>(s - 64);
    lo = 0;
  } else if (s > 0) {
    hi = (hi << <u64>s) | (lo >> <u64>(64 - s));
    lo = lo << <u64>s;
  }
  const xl = load<u64>(x);
  const xh = load<u64>(x, 8);
  if (subtract) {
    store<u64>(x, xl - lo);
    store<u64>(x, xh - hi - <u64>(xl < lo), 8);
  } else {
    const l = xl + lo;
    store<u64>(x, l);
    store<u64>(x, xh + hi + <u64>(l < xl), 8);
  }
}

/**
 * Writes c = v0 and d = v1 (the short vector) as 128-bit two's complement (lo, hi words) at
 * `c` and `d`. `k` is the 32-byte scalar (< L). False only if the guard MAX_STEPS was hit.
 */
export function halfSizeScalars(c: usize, d: usize, k: usize): bool {
  // u = (L, 0), v = (k, 1); N(u) = L², N(v) = k² + 1, <u, v> = L·k.
  let u = VEC_A;
  let v = VEC_B;
  let nu = NU_A;
  let nv = NV_A;
  store<u64>(u, load<u64>(L_WORDS)); store<u64>(u, load<u64>(L_WORDS, 8), 8);
  store<u64>(u, 0, 16); store<u64>(u, 0, 24);
  store<u64>(v, load<u64>(k)); store<u64>(v, load<u64>(k, 8), 8);
  store<u64>(v, 1, 16); store<u64>(v, 0, 24);
  mulWide(nu, L_WORDS, L_WORDS);
  mulWide(nv, k, k);
  memory.fill(PRODUCT, 0, WIDE_BYTES);
  store<u64>(PRODUCT, 1);
  addShifted(nv, PRODUCT, 0, false);
  mulWide(SP, L_WORDS, k);
  for (let step = 0; step < MAX_STEPS; step++) {
    if (lessThan(nu, nv)) {
      const t = u; u = v; v = t;
      const n = nu; nu = nv; nv = n;
    }
    const lenV = bitLength(nv);
    if (lenV <= 253) {
      memory.copy(c, v, 16);
      memory.copy(d, v + 16, 16);
      return true;
    }
    let s = bitLength(SP) - lenV;
    if (s < 0) s = 0;
    // u ← u − 2^s·v when <u, v> ≥ 0, u + 2^s·v otherwise; the norms and product follow:
    // N(u) ← N(u) + 2^2s·N(v) ∓ 2^(s+1)·<u, v>;  <u, v> ← <u, v> ∓ 2^s·N(v).
    const negative = (<i64>load<u64>(SP, 56)) < 0;
    addShifted128(u, v, s, !negative);
    addShifted128(u + 16, v + 16, s, !negative);
    addShifted(nu, nv, 2 * s, false);
    addShifted(nu, SP, s + 1, !negative);
    addShifted(SP, nv, s, !negative);
  }
  return false;
}
