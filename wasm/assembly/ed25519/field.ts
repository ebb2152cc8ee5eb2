/**
 * Arithmetic in GF(2^255 − 19), the field of edwards25519 (RFC 8032 5.1, RFC 7748 4.1).
 *
 * Representation (as in the ref10 reference implementation shipped with the Ed25519 paper,
 * "High-speed high-security signatures", Bernstein et al. 2011, section 5): an element is ten
 * signed 32-bit limbs h0..h9 with value h0 + h1·2^26 + h2·2^51 + h3·2^77 + … + h9·2^230 —
 * alternately 26 and 25 bits (radix 2^25.5). Products are formed in i64 (wasm32 has native
 * 64-bit multiply, but no 64×64→128), so 10×10 limb products with 2^255 ≡ 19 folding fit.
 *
 * An element lives in linear memory: FE_BYTES = 40 bytes (10 × i32), passed by pointer. Every
 * operation loads its inputs into locals before storing, so outputs may alias inputs.
 * add/sub/neg do not carry: their outputs may feed mul/sq (limbs stay below 2^27, products
 * below 2^62) but must not be chained more than twice without a carrying operation.
 * Variable time: only public data (keys, signatures, messages) ever reaches this file.
 */

/** Bytes of one field element in memory (10 limbs × 4 bytes). */
export const FE_BYTES: usize = 40;

/** Store h0..h9 after the ref10 carry chain: limbs back to 26/25 bits (signed). */
// @ts-ignore: decorator
@inline
function carryStore(
  out: usize, h0: i64, h1: i64, h2: i64, h3: i64, h4: i64,
  h5: i64, h6: i64, h7: i64, h8: i64, h9: i64,
): void {
  let c: i64;
  c = (h0 + (1 << 25)) >> 26; h1 += c; h0 -= c << 26;
  c = (h4 + (1 << 25)) >> 26; h5 += c; h4 -= c << 26;
  c = (h1 + (1 << 24)) >> 25; h2 += c; h1 -= c << 25;
  c = (h5 + (1 << 24)) >> 25; h6 += c; h5 -= c << 25;
  c = (h2 + (1 << 25)) >> 26; h3 += c; h2 -= c << 26;
  c = (h6 + (1 << 25)) >> 26; h7 += c; h6 -= c << 26;
  c = (h3 + (1 << 24)) >> 25; h4 += c; h3 -= c << 25;
  c = (h7 + (1 << 24)) >> 25; h8 += c; h7 -= c << 25;
  c = (h4 + (1 << 25)) >> 26; h5 += c; h4 -= c << 26;
  c = (h8 + (1 << 25)) >> 26; h9 += c; h8 -= c << 26;
  c = (h9 + (1 << 24)) >> 25; h0 += c * 19; h9 -= c << 25; // 2^255 ≡ 19 (mod p)
  c = (h0 + (1 << 25)) >> 26; h1 += c; h0 -= c << 26;
  store<i32>(out, <i32>h0, 0); store<i32>(out, <i32>h1, 4);
  store<i32>(out, <i32>h2, 8); store<i32>(out, <i32>h3, 12);
  store<i32>(out, <i32>h4, 16); store<i32>(out, <i32>h5, 20);
  store<i32>(out, <i32>h6, 24); store<i32>(out, <i32>h7, 28);
  store<i32>(out, <i32>h8, 32); store<i32>(out, <i32>h9, 36);
}

/**
 * out = a · b mod p: schoolbook 10×10 (ref10 fe_mul), the same h0..h9 as ref10, summed in a
 * different order. ref10 multiplies the operands by 2 (odd limb times odd limb: 2^25.5 rounding)
 * and by 19 (products at 2^255 and above: 2^255 ≡ 19) before the products, which keeps 34
 * values live; here the products are summed first and the partial sums scaled, so only the 20
 * limbs are live (fewer spills: about 7 % faster in Chromium 156, measured).
 * h_k = Σ_{i+j=k} f_i·g_j·[2 if i, j odd] + 19·Σ_{i+j=k+10} f_i·g_j·[2 if i, j odd].
 * The values are ref10's, so are its bounds: inputs up to 1.65·2^26 (1.65·2^25 for odd limbs)
 * keep every h_k, and every partial sum, below 2^63.
 */
export function feMul(out: usize, a: usize, b: usize): void {
  const f0 = <i64>load<i32>(a, 0);
  const f1 = <i64>load<i32>(a, 4);
  const f2 = <i64>load<i32>(a, 8);
  const f3 = <i64>load<i32>(a, 12);
  const f4 = <i64>load<i32>(a, 16);
  const f5 = <i64>load<i32>(a, 20);
  const f6 = <i64>load<i32>(a, 24);
  const f7 = <i64>load<i32>(a, 28);
  const f8 = <i64>load<i32>(a, 32);
  const f9 = <i64>load<i32>(a, 36);
  const g0 = <i64>load<i32>(b, 0);
  const g1 = <i64>load<i32>(b, 4);
  const g2 = <i64>load<i32>(b, 8);
  const g3 = <i64>load<i32>(b, 12);
  const g4 = <i64>load<i32>(b, 16);
  const g5 = <i64>load<i32>(b, 20);
  const g6 = <i64>load<i32>(b, 24);
  const g7 = <i64>load<i32>(b, 28);
  const g8 = <i64>load<i32>(b, 32);
  const g9 = <i64>load<i32>(b, 36);
  const h0 = f0 * g0
    + (f2 * g8 + f4 * g6 + f6 * g4 + f8 * g2 + ((f1 * g9 + f3 * g7 + f5 * g5 + f7 * g3 + f9 * g1) << 1)) * 19;
  const h1 = f0 * g1 + f1 * g0
    + (f2 * g9 + f3 * g8 + f4 * g7 + f5 * g6 + f6 * g5 + f7 * g4 + f8 * g3 + f9 * g2) * 19;
  const h2 = f0 * g2 + f2 * g0 + ((f1 * g1) << 1)
    + (f4 * g8 + f6 * g6 + f8 * g4 + ((f3 * g9 + f5 * g7 + f7 * g5 + f9 * g3) << 1)) * 19;
  const h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0
    + (f4 * g9 + f5 * g8 + f6 * g7 + f7 * g6 + f8 * g5 + f9 * g4) * 19;
  const h4 = f0 * g4 + f2 * g2 + f4 * g0 + ((f1 * g3 + f3 * g1) << 1)
    + (f6 * g8 + f8 * g6 + ((f5 * g9 + f7 * g7 + f9 * g5) << 1)) * 19;
  const h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0
    + (f6 * g9 + f7 * g8 + f8 * g7 + f9 * g6) * 19;
  const h6 = f0 * g6 + f2 * g4 + f4 * g2 + f6 * g0 + ((f1 * g5 + f3 * g3 + f5 * g1) << 1)
    + (f8 * g8 + ((f7 * g9 + f9 * g7) << 1)) * 19;
  const h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0
    + (f8 * g9 + f9 * g8) * 19;
  const h8 = f0 * g8 + f2 * g6 + f4 * g4 + f6 * g2 + f8 * g0 + ((f1 * g7 + f3 * g5 + f5 * g3 + f7 * g1) << 1)
    + ((f9 * g9) << 1) * 19;
  const h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
  carryStore(out, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/**
 * out = a² (or 2·a² when `twice`) mod p: the 55 distinct products of feMul (ref10 fe_sq,
 * fe_sq2), each pair i < j once; products are grouped by their weight (2 for i ≠ j, times 2 for
 * odd i and j) and each group's sum is shifted once; wrapped products use 19·f_j.
 */
// @ts-ignore: decorator
@inline
function square(out: usize, a: usize, twice: bool): void {
  const f0 = <i64>load<i32>(a, 0);
  const f1 = <i64>load<i32>(a, 4);
  const f2 = <i64>load<i32>(a, 8);
  const f3 = <i64>load<i32>(a, 12);
  const f4 = <i64>load<i32>(a, 16);
  const f5 = <i64>load<i32>(a, 20);
  const f6 = <i64>load<i32>(a, 24);
  const f7 = <i64>load<i32>(a, 28);
  const f8 = <i64>load<i32>(a, 32);
  const f9 = <i64>load<i32>(a, 36);
  const f5_19 = f5 * 19;
  const f6_19 = f6 * 19;
  const f7_19 = f7 * 19;
  const f8_19 = f8 * 19;
  const f9_19 = f9 * 19;
  let h0 = f0 * f0 + ((f2 * f8_19 + f4 * f6_19 + f5 * f5_19) << 1) + ((f1 * f9_19 + f3 * f7_19) << 2);
  let h1 = ((f0 * f1) << 1) + ((f2 * f9_19 + f3 * f8_19 + f4 * f7_19 + f5 * f6_19) << 1);
  let h2 = ((f0 * f2 + f1 * f1) << 1) + f6 * f6_19 + ((f4 * f8_19) << 1) + ((f3 * f9_19 + f5 * f7_19) << 2);
  let h3 = ((f0 * f3 + f1 * f2) << 1) + ((f4 * f9_19 + f5 * f8_19 + f6 * f7_19) << 1);
  let h4 = f2 * f2 + ((f0 * f4) << 1) + ((f1 * f3) << 2) + ((f6 * f8_19 + f7 * f7_19) << 1) + ((f5 * f9_19) << 2);
  let h5 = ((f0 * f5 + f1 * f4 + f2 * f3) << 1) + ((f6 * f9_19 + f7 * f8_19) << 1);
  let h6 = ((f0 * f6 + f2 * f4 + f3 * f3) << 1) + ((f1 * f5) << 2) + f8 * f8_19 + ((f7 * f9_19) << 2);
  let h7 = ((f0 * f7 + f1 * f6 + f2 * f5 + f3 * f4) << 1) + ((f8 * f9_19) << 1);
  let h8 = f4 * f4 + ((f0 * f8 + f2 * f6) << 1) + ((f1 * f7 + f3 * f5) << 2) + ((f9 * f9_19) << 1);
  let h9 = (f0 * f9 + f1 * f8 + f2 * f7 + f3 * f6 + f4 * f5) << 1;
  if (twice) {
    h0 <<= 1; h1 <<= 1; h2 <<= 1; h3 <<= 1; h4 <<= 1;
    h5 <<= 1; h6 <<= 1; h7 <<= 1; h8 <<= 1; h9 <<= 1;
  }
  carryStore(out, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** out = a² mod p. */
export function feSq(out: usize, a: usize): void {
  square(out, a, false);
}

/** out = 2·a² mod p (used by point doubling). */
export function feSq2(out: usize, a: usize): void {
  square(out, a, true);
}

/**
 * out = a^(2^n) mod p (n ≥ 1 squarings). The exponentiations (feInvert, fePow22523: 250 of their
 * 254 squarings) run here, so the limbs stay in locals from one squaring to the next: the
 * products of `square` and the carry chain of carryStore, without storing and reloading every
 * intermediate square.
 */
export function feSqN(out: usize, a: usize, n: i32): void {
  let f0 = <i64>load<i32>(a, 0);
  let f1 = <i64>load<i32>(a, 4);
  let f2 = <i64>load<i32>(a, 8);
  let f3 = <i64>load<i32>(a, 12);
  let f4 = <i64>load<i32>(a, 16);
  let f5 = <i64>load<i32>(a, 20);
  let f6 = <i64>load<i32>(a, 24);
  let f7 = <i64>load<i32>(a, 28);
  let f8 = <i64>load<i32>(a, 32);
  let f9 = <i64>load<i32>(a, 36);
  for (let i = 0; i < n; i++) {
    const f5_19 = f5 * 19;
    const f6_19 = f6 * 19;
    const f7_19 = f7 * 19;
    const f8_19 = f8 * 19;
    const f9_19 = f9 * 19;
    let h0 = f0 * f0 + ((f2 * f8_19 + f4 * f6_19 + f5 * f5_19) << 1) + ((f1 * f9_19 + f3 * f7_19) << 2);
    let h1 = ((f0 * f1) << 1) + ((f2 * f9_19 + f3 * f8_19 + f4 * f7_19 + f5 * f6_19) << 1);
    let h2 = ((f0 * f2 + f1 * f1) << 1) + f6 * f6_19 + ((f4 * f8_19) << 1) + ((f3 * f9_19 + f5 * f7_19) << 2);
    let h3 = ((f0 * f3 + f1 * f2) << 1) + ((f4 * f9_19 + f5 * f8_19 + f6 * f7_19) << 1);
    let h4 = f2 * f2 + ((f0 * f4) << 1) + ((f1 * f3) << 2) + ((f6 * f8_19 + f7 * f7_19) << 1) + ((f5 * f9_19) << 2);
    let h5 = ((f0 * f5 + f1 * f4 + f2 * f3) << 1) + ((f6 * f9_19 + f7 * f8_19) << 1);
    let h6 = ((f0 * f6 + f2 * f4 + f3 * f3) << 1) + ((f1 * f5) << 2) + f8 * f8_19 + ((f7 * f9_19) << 2);
    let h7 = ((f0 * f7 + f1 * f6 + f2 * f5 + f3 * f4) << 1) + ((f8 * f9_19) << 1);
    let h8 = f4 * f4 + ((f0 * f8 + f2 * f6) << 1) + ((f1 * f7 + f3 * f5) << 2) + ((f9 * f9_19) << 1);
    let h9 = (f0 * f9 + f1 * f8 + f2 * f7 + f3 * f6 + f4 * f5) << 1;
    let c: i64; // carryStore's chain (ref10)
    c = (h0 + (1 << 25)) >> 26; h1 += c; h0 -= c << 26;
    c = (h4 + (1 << 25)) >> 26; h5 += c; h4 -= c << 26;
    c = (h1 + (1 << 24)) >> 25; h2 += c; h1 -= c << 25;
    c = (h5 + (1 << 24)) >> 25; h6 += c; h5 -= c << 25;
    c = (h2 + (1 << 25)) >> 26; h3 += c; h2 -= c << 26;
    c = (h6 + (1 << 25)) >> 26; h7 += c; h6 -= c << 26;
    c = (h3 + (1 << 24)) >> 25; h4 += c; h3 -= c << 25;
    c = (h7 + (1 << 24)) >> 25; h8 += c; h7 -= c << 25;
    c = (h4 + (1 << 25)) >> 26; h5 += c; h4 -= c << 26;
    c = (h8 + (1 << 25)) >> 26; h9 += c; h8 -= c << 26;
    c = (h9 + (1 << 24)) >> 25; h0 += c * 19; h9 -= c << 25; // 2^255 ≡ 19 (mod p)
    c = (h0 + (1 << 25)) >> 26; h1 += c; h0 -= c << 26;
    f0 = h0; f1 = h1; f2 = h2; f3 = h3; f4 = h4;
    f5 = h5; f6 = h6; f7 = h7; f8 = h8; f9 = h9;
  }
  store<i32>(out, <i32>f0, 0); store<i32>(out, <i32>f1, 4);
  store<i32>(out, <i32>f2, 8); store<i32>(out, <i32>f3, 12);
  store<i32>(out, <i32>f4, 16); store<i32>(out, <i32>f5, 20);
  store<i32>(out, <i32>f6, 24); store<i32>(out, <i32>f7, 28);
  store<i32>(out, <i32>f8, 32); store<i32>(out, <i32>f9, 36);
}

/** out = a with limbs carried back to 26/25 bits. */
export function feCarry(out: usize, a: usize): void {
  carryStore(out,
    <i64>load<i32>(a, 0), <i64>load<i32>(a, 4), <i64>load<i32>(a, 8), <i64>load<i32>(a, 12),
    <i64>load<i32>(a, 16), <i64>load<i32>(a, 20), <i64>load<i32>(a, 24), <i64>load<i32>(a, 28),
    <i64>load<i32>(a, 32), <i64>load<i32>(a, 36));
}

// feAdd and feSub run about a thousand times per verification: written out limb by limb and
// inlined (a 10-step loop kept as a loop cost as much as a quarter of a multiplication). Limb i
// is read before it is written, so out may alias a or b.

/** out = a + b (limbwise, no carry). */
// @ts-ignore: decorator
@inline
export function feAdd(out: usize, a: usize, b: usize): void {
  store<i32>(out, load<i32>(a, 0) + load<i32>(b, 0), 0);
  store<i32>(out, load<i32>(a, 4) + load<i32>(b, 4), 4);
  store<i32>(out, load<i32>(a, 8) + load<i32>(b, 8), 8);
  store<i32>(out, load<i32>(a, 12) + load<i32>(b, 12), 12);
  store<i32>(out, load<i32>(a, 16) + load<i32>(b, 16), 16);
  store<i32>(out, load<i32>(a, 20) + load<i32>(b, 20), 20);
  store<i32>(out, load<i32>(a, 24) + load<i32>(b, 24), 24);
  store<i32>(out, load<i32>(a, 28) + load<i32>(b, 28), 28);
  store<i32>(out, load<i32>(a, 32) + load<i32>(b, 32), 32);
  store<i32>(out, load<i32>(a, 36) + load<i32>(b, 36), 36);
}

/** out = a − b (limbwise, no carry). */
// @ts-ignore: decorator
@inline
export function feSub(out: usize, a: usize, b: usize): void {
  store<i32>(out, load<i32>(a, 0) - load<i32>(b, 0), 0);
  store<i32>(out, load<i32>(a, 4) - load<i32>(b, 4), 4);
  store<i32>(out, load<i32>(a, 8) - load<i32>(b, 8), 8);
  store<i32>(out, load<i32>(a, 12) - load<i32>(b, 12), 12);
  store<i32>(out, load<i32>(a, 16) - load<i32>(b, 16), 16);
  store<i32>(out, load<i32>(a, 20) - load<i32>(b, 20), 20);
  store<i32>(out, load<i32>(a, 24) - load<i32>(b, 24), 24);
  store<i32>(out, load<i32>(a, 28) - load<i32>(b, 28), 28);
  store<i32>(out, load<i32>(a, 32) - load<i32>(b, 32), 32);
  store<i32>(out, load<i32>(a, 36) - load<i32>(b, 36), 36);
}

/** out = −a (limbwise). */
export function feNeg(out: usize, a: usize): void {
  for (let i: usize = 0; i < 40; i += 4) store<i32>(out + i, -load<i32>(a + i));
}

/** out = a. */
export function feCopy(out: usize, a: usize): void {
  memory.copy(out, a, FE_BYTES);
}

/** out = n for a small non-negative n < 2^26. */
export function feSetSmall(out: usize, n: i32): void {
  memory.fill(out, 0, FE_BYTES);
  store<i32>(out, n);
}

const LIMB_BITS: usize = memory.data<u8>([26, 25, 26, 25, 26, 25, 26, 25, 26, 25]);
const LIMB_POS: usize = memory.data<u8>([0, 26, 51, 77, 102, 128, 153, 179, 204, 230]);
const BYTES40: usize = memory.data(40);

/**
 * out = the integer in bytes[0..32] little-endian with bit 255 ignored (RFC 8032 5.1.2 / 5.1.3
 * step 1). Not reduced: the caller checks canonicity (value < p) itself when it matters.
 */
export function feFromBytes(out: usize, bytes: usize): void {
  memory.copy(BYTES40, bytes, 32);
  store<u64>(BYTES40, 0, 32);
  for (let i: usize = 0; i < 10; i++) {
    const pos = <usize>load<u8>(LIMB_POS + i);
    const bits = <u64>load<u8>(LIMB_BITS + i);
    const w = load<u64>(BYTES40 + (pos >> 3)) >> <u64>(pos & 7);
    store<i32>(out + (i << 2), <i32>(w & ((<u64>1 << bits) - 1)));
  }
}

const TOBYTES_T: usize = memory.data(40);

/** bytes[0..32] = the canonical little-endian encoding of a mod p (RFC 8032 5.1.2). */
export function feToBytes(bytes: usize, a: usize): void {
  feCarry(TOBYTES_T, a);
  let h0 = <i64>load<i32>(TOBYTES_T, 0), h1 = <i64>load<i32>(TOBYTES_T, 4);
  let h2 = <i64>load<i32>(TOBYTES_T, 8), h3 = <i64>load<i32>(TOBYTES_T, 12);
  let h4 = <i64>load<i32>(TOBYTES_T, 16), h5 = <i64>load<i32>(TOBYTES_T, 20);
  let h6 = <i64>load<i32>(TOBYTES_T, 24), h7 = <i64>load<i32>(TOBYTES_T, 28);
  let h8 = <i64>load<i32>(TOBYTES_T, 32), h9 = <i64>load<i32>(TOBYTES_T, 36);
  // q = floor(h / p) ∈ {0, 1} after carrying (ref10 fe_tobytes).
  let q: i64 = (19 * h9 + (1 << 24)) >> 25;
  q = (h0 + q) >> 26; q = (h1 + q) >> 25; q = (h2 + q) >> 26; q = (h3 + q) >> 25;
  q = (h4 + q) >> 26; q = (h5 + q) >> 25; q = (h6 + q) >> 26; q = (h7 + q) >> 25;
  q = (h8 + q) >> 26; q = (h9 + q) >> 25;
  h0 += 19 * q; // h − q·p, the 2^255 part is dropped below
  let c: i64;
  c = h0 >> 26; h1 += c; h0 -= c << 26;
  c = h1 >> 25; h2 += c; h1 -= c << 25;
  c = h2 >> 26; h3 += c; h2 -= c << 26;
  c = h3 >> 25; h4 += c; h3 -= c << 25;
  c = h4 >> 26; h5 += c; h4 -= c << 26;
  c = h5 >> 25; h6 += c; h5 -= c << 25;
  c = h6 >> 26; h7 += c; h6 -= c << 26;
  c = h7 >> 25; h8 += c; h7 -= c << 25;
  c = h8 >> 26; h9 += c; h8 -= c << 26;
  c = h9 >> 25; h9 -= c << 25;
  // Pack the 255 bits little-endian.
  const lo0: u64 = <u64>h0 | (<u64>h1 << 26) | (<u64>h2 << 51);
  const lo1: u64 = (<u64>h2 >> 13) | (<u64>h3 << 13) | (<u64>h4 << 38);
  const lo2: u64 = <u64>h5 | (<u64>h6 << 25) | (<u64>h7 << 51);
  const lo3: u64 = (<u64>h7 >> 13) | (<u64>h8 << 12) | (<u64>h9 << 38);
  store<u64>(bytes, lo0, 0);
  store<u64>(bytes, lo1, 8);
  store<u64>(bytes, lo2, 16);
  store<u64>(bytes, lo3, 24);
}

const ISZ_B: usize = memory.data(32);

/** True when a ≡ 0 (mod p). */
export function feIsZero(a: usize): bool {
  feToBytes(ISZ_B, a);
  return (load<u64>(ISZ_B, 0) | load<u64>(ISZ_B, 8) | load<u64>(ISZ_B, 16) | load<u64>(ISZ_B, 24)) == 0;
}

/** RFC 8032 5.1.2: the "sign" of x is its least significant bit once fully reduced. */
export function feIsOdd(a: usize): i32 {
  feToBytes(ISZ_B, a);
  return load<u8>(ISZ_B) & 1;
}

const T0: usize = memory.data(40);
const T1: usize = memory.data(40);
const T2: usize = memory.data(40);
const T3: usize = memory.data(40);

/** out = z^(p−2) = z^(2^255 − 21) = z⁻¹ (Fermat; ref10 addition chain). */
export function feInvert(out: usize, z: usize): void {
  feSq(T0, z); // z^2
  feSqN(T1, T0, 2); // z^8
  feMul(T1, z, T1); // z^9
  feMul(T0, T0, T1); // z^11
  feSq(T2, T0); // z^22
  feMul(T1, T1, T2); // z^(2^5 − 1)
  feSqN(T2, T1, 5); feMul(T1, T2, T1); // z^(2^10 − 1)
  feSqN(T2, T1, 10); feMul(T2, T2, T1); // z^(2^20 − 1)
  feSqN(T3, T2, 20); feMul(T2, T3, T2); // z^(2^40 − 1)
  feSqN(T2, T2, 10); feMul(T1, T2, T1); // z^(2^50 − 1)
  feSqN(T2, T1, 50); feMul(T2, T2, T1); // z^(2^100 − 1)
  feSqN(T3, T2, 100); feMul(T2, T3, T2); // z^(2^200 − 1)
  feSqN(T2, T2, 50); feMul(T1, T2, T1); // z^(2^250 − 1)
  feSqN(T1, T1, 5); // z^(2^255 − 32)
  feMul(out, T1, T0); // z^(2^255 − 21)
}

/** out = z^((p−5)/8) = z^(2^252 − 3), the exponent of RFC 8032 5.1.3 step 2. */
export function fePow22523(out: usize, z: usize): void {
  feSq(T0, z); // z^2
  feSqN(T1, T0, 2); // z^8
  feMul(T1, z, T1); // z^9
  feMul(T0, T0, T1); // z^11
  feSq(T0, T0); // z^22
  feMul(T0, T1, T0); // z^(2^5 − 1)
  feSqN(T1, T0, 5); feMul(T0, T1, T0); // z^(2^10 − 1)
  feSqN(T1, T0, 10); feMul(T1, T1, T0); // z^(2^20 − 1)
  feSqN(T2, T1, 20); feMul(T1, T2, T1); // z^(2^40 − 1)
  feSqN(T1, T1, 10); feMul(T0, T1, T0); // z^(2^50 − 1)
  feSqN(T1, T0, 50); feMul(T1, T1, T0); // z^(2^100 − 1)
  feSqN(T2, T1, 100); feMul(T1, T2, T1); // z^(2^200 − 1)
  feSqN(T1, T1, 50); feMul(T0, T1, T0); // z^(2^250 − 1)
  feSqN(T0, T0, 2); // z^(2^252 − 4)
  feMul(out, T0, z); // z^(2^252 − 3)
}
