/**
 * Scalars modulo the prime group order L = 2^252 + 27742317777372353535851937790883648493
 * (RFC 8032 5.1: the order of B), and their width-w NAF recoding for scalar multiplication.
 *
 * Scalars are 32-byte little-endian strings in linear memory. Reduction is ref10's sc_reduce on
 * signed 21-bit limbs in i64: 2^252 ≡ −c (mod L), c < 2^125, and −c written in 21-bit limbs is
 * (666643, 470296, 654183, −997805, 136657, −683901).
 */

// L, little-endian (RFC 8032 5.1).
const L_BYTES: usize = memory.data<u8>([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
]);
/** RFC 8032 5.1.7 step 1: true when the 32-byte integer at s is < L (canonical S). */
export function scalarIsCanonical(s: usize): bool {
  for (let i = 31; i >= 0; i--) {
    const a = load<u8>(s + <usize>i);
    const b = load<u8>(L_BYTES + <usize>i);
    if (a != b) return a < b;
  }
  return false; // s == L
}

/** out = (L − a) mod L for a canonical scalar a (< L); out may alias a. */
export function scalarNegate(out: usize, a: usize): void {
  let zero = true;
  for (let i: usize = 0; i < 32; i++) if (load<u8>(a + i) != 0) zero = false;
  if (zero) {
    memory.fill(out, 0, 32);
    return;
  }
  let borrow: i32 = 0;
  for (let i: usize = 0; i < 32; i++) {
    const d = <i32>load<u8>(L_BYTES + i) - <i32>load<u8>(a + i) - borrow;
    store<u8>(out + i, <u8>d);
    borrow = d < 0 ? 1 : 0;
  }
}

/**
 * out = the 64-byte little-endian integer at `in64` mod L (RFC 8032 5.1.7 step 2 / 5.1.6), fully
 * reduced (< L). ref10's sc_reduce (crypto_sign/ed25519/ref10/sc_reduce.c, Bernstein et al.),
 * in locals: 24 signed limbs of 21 bits; each top limb s_i (i ≥ 12) is folded into s_(i−12) …
 * s_(i−7) by 2^252 ≡ −c (mod L) with −c = (666643, 470296, 654183, −997805, 136657, −683901) in
 * 21-bit limbs, with ref10's carry rounds in between (rounded carries keep every product in i64;
 * the last two rounds use floor carries so the limbs end in [0, 2^21) and the value below L).
 */
export function scalarReduce64(out: usize, in64: usize): void {
  let s0: i64 = <i64>((load<u32>(in64, 0) >> 0) & 0x1fffff);
  let s1: i64 = <i64>((load<u32>(in64, 2) >> 5) & 0x1fffff);
  let s2: i64 = <i64>((load<u32>(in64, 5) >> 2) & 0x1fffff);
  let s3: i64 = <i64>((load<u32>(in64, 7) >> 7) & 0x1fffff);
  let s4: i64 = <i64>((load<u32>(in64, 10) >> 4) & 0x1fffff);
  let s5: i64 = <i64>((load<u32>(in64, 13) >> 1) & 0x1fffff);
  let s6: i64 = <i64>((load<u32>(in64, 15) >> 6) & 0x1fffff);
  let s7: i64 = <i64>((load<u32>(in64, 18) >> 3) & 0x1fffff);
  let s8: i64 = <i64>((load<u32>(in64, 21) >> 0) & 0x1fffff);
  let s9: i64 = <i64>((load<u32>(in64, 23) >> 5) & 0x1fffff);
  let s10: i64 = <i64>((load<u32>(in64, 26) >> 2) & 0x1fffff);
  let s11: i64 = <i64>((load<u32>(in64, 28) >> 7) & 0x1fffff);
  let s12: i64 = <i64>((load<u32>(in64, 31) >> 4) & 0x1fffff);
  let s13: i64 = <i64>((load<u32>(in64, 34) >> 1) & 0x1fffff);
  let s14: i64 = <i64>((load<u32>(in64, 36) >> 6) & 0x1fffff);
  let s15: i64 = <i64>((load<u32>(in64, 39) >> 3) & 0x1fffff);
  let s16: i64 = <i64>((load<u32>(in64, 42) >> 0) & 0x1fffff);
  let s17: i64 = <i64>((load<u32>(in64, 44) >> 5) & 0x1fffff);
  let s18: i64 = <i64>((load<u32>(in64, 47) >> 2) & 0x1fffff);
  let s19: i64 = <i64>((load<u32>(in64, 49) >> 7) & 0x1fffff);
  let s20: i64 = <i64>((load<u32>(in64, 52) >> 4) & 0x1fffff);
  let s21: i64 = <i64>((load<u32>(in64, 55) >> 1) & 0x1fffff);
  let s22: i64 = <i64>((load<u32>(in64, 57) >> 6) & 0x1fffff);
  let s23: i64 = <i64>(load<u32>(in64, 60) >> 3);
  let c: i64;
  s11 += s23 * 666643;
  s12 += s23 * 470296;
  s13 += s23 * 654183;
  s14 -= s23 * 997805;
  s15 += s23 * 136657;
  s16 -= s23 * 683901;
  s10 += s22 * 666643;
  s11 += s22 * 470296;
  s12 += s22 * 654183;
  s13 -= s22 * 997805;
  s14 += s22 * 136657;
  s15 -= s22 * 683901;
  s9 += s21 * 666643;
  s10 += s21 * 470296;
  s11 += s21 * 654183;
  s12 -= s21 * 997805;
  s13 += s21 * 136657;
  s14 -= s21 * 683901;
  s8 += s20 * 666643;
  s9 += s20 * 470296;
  s10 += s20 * 654183;
  s11 -= s20 * 997805;
  s12 += s20 * 136657;
  s13 -= s20 * 683901;
  s7 += s19 * 666643;
  s8 += s19 * 470296;
  s9 += s19 * 654183;
  s10 -= s19 * 997805;
  s11 += s19 * 136657;
  s12 -= s19 * 683901;
  s6 += s18 * 666643;
  s7 += s18 * 470296;
  s8 += s18 * 654183;
  s9 -= s18 * 997805;
  s10 += s18 * 136657;
  s11 -= s18 * 683901;
  c = (s6 + (1 << 20)) >> 21; s7 += c; s6 -= c << 21;
  c = (s8 + (1 << 20)) >> 21; s9 += c; s8 -= c << 21;
  c = (s10 + (1 << 20)) >> 21; s11 += c; s10 -= c << 21;
  c = (s12 + (1 << 20)) >> 21; s13 += c; s12 -= c << 21;
  c = (s14 + (1 << 20)) >> 21; s15 += c; s14 -= c << 21;
  c = (s16 + (1 << 20)) >> 21; s17 += c; s16 -= c << 21;
  c = (s7 + (1 << 20)) >> 21; s8 += c; s7 -= c << 21;
  c = (s9 + (1 << 20)) >> 21; s10 += c; s9 -= c << 21;
  c = (s11 + (1 << 20)) >> 21; s12 += c; s11 -= c << 21;
  c = (s13 + (1 << 20)) >> 21; s14 += c; s13 -= c << 21;
  c = (s15 + (1 << 20)) >> 21; s16 += c; s15 -= c << 21;
  s5 += s17 * 666643;
  s6 += s17 * 470296;
  s7 += s17 * 654183;
  s8 -= s17 * 997805;
  s9 += s17 * 136657;
  s10 -= s17 * 683901;
  s4 += s16 * 666643;
  s5 += s16 * 470296;
  s6 += s16 * 654183;
  s7 -= s16 * 997805;
  s8 += s16 * 136657;
  s9 -= s16 * 683901;
  s3 += s15 * 666643;
  s4 += s15 * 470296;
  s5 += s15 * 654183;
  s6 -= s15 * 997805;
  s7 += s15 * 136657;
  s8 -= s15 * 683901;
  s2 += s14 * 666643;
  s3 += s14 * 470296;
  s4 += s14 * 654183;
  s5 -= s14 * 997805;
  s6 += s14 * 136657;
  s7 -= s14 * 683901;
  s1 += s13 * 666643;
  s2 += s13 * 470296;
  s3 += s13 * 654183;
  s4 -= s13 * 997805;
  s5 += s13 * 136657;
  s6 -= s13 * 683901;
  s0 += s12 * 666643;
  s1 += s12 * 470296;
  s2 += s12 * 654183;
  s3 -= s12 * 997805;
  s4 += s12 * 136657;
  s5 -= s12 * 683901;
  s12 = 0;
  c = (s0 + (1 << 20)) >> 21; s1 += c; s0 -= c << 21;
  c = (s2 + (1 << 20)) >> 21; s3 += c; s2 -= c << 21;
  c = (s4 + (1 << 20)) >> 21; s5 += c; s4 -= c << 21;
  c = (s6 + (1 << 20)) >> 21; s7 += c; s6 -= c << 21;
  c = (s8 + (1 << 20)) >> 21; s9 += c; s8 -= c << 21;
  c = (s10 + (1 << 20)) >> 21; s11 += c; s10 -= c << 21;
  c = (s1 + (1 << 20)) >> 21; s2 += c; s1 -= c << 21;
  c = (s3 + (1 << 20)) >> 21; s4 += c; s3 -= c << 21;
  c = (s5 + (1 << 20)) >> 21; s6 += c; s5 -= c << 21;
  c = (s7 + (1 << 20)) >> 21; s8 += c; s7 -= c << 21;
  c = (s9 + (1 << 20)) >> 21; s10 += c; s9 -= c << 21;
  c = (s11 + (1 << 20)) >> 21; s12 += c; s11 -= c << 21;
  s0 += s12 * 666643;
  s1 += s12 * 470296;
  s2 += s12 * 654183;
  s3 -= s12 * 997805;
  s4 += s12 * 136657;
  s5 -= s12 * 683901;
  s12 = 0;
  c = s0 >> 21; s1 += c; s0 -= c << 21;
  c = s1 >> 21; s2 += c; s1 -= c << 21;
  c = s2 >> 21; s3 += c; s2 -= c << 21;
  c = s3 >> 21; s4 += c; s3 -= c << 21;
  c = s4 >> 21; s5 += c; s4 -= c << 21;
  c = s5 >> 21; s6 += c; s5 -= c << 21;
  c = s6 >> 21; s7 += c; s6 -= c << 21;
  c = s7 >> 21; s8 += c; s7 -= c << 21;
  c = s8 >> 21; s9 += c; s8 -= c << 21;
  c = s9 >> 21; s10 += c; s9 -= c << 21;
  c = s10 >> 21; s11 += c; s10 -= c << 21;
  c = s11 >> 21; s12 += c; s11 -= c << 21;
  s0 += s12 * 666643;
  s1 += s12 * 470296;
  s2 += s12 * 654183;
  s3 -= s12 * 997805;
  s4 += s12 * 136657;
  s5 -= s12 * 683901;
  s12 = 0;
  c = s0 >> 21; s1 += c; s0 -= c << 21;
  c = s1 >> 21; s2 += c; s1 -= c << 21;
  c = s2 >> 21; s3 += c; s2 -= c << 21;
  c = s3 >> 21; s4 += c; s3 -= c << 21;
  c = s4 >> 21; s5 += c; s4 -= c << 21;
  c = s5 >> 21; s6 += c; s5 -= c << 21;
  c = s6 >> 21; s7 += c; s6 -= c << 21;
  c = s7 >> 21; s8 += c; s7 -= c << 21;
  c = s8 >> 21; s9 += c; s8 -= c << 21;
  c = s9 >> 21; s10 += c; s9 -= c << 21;
  c = s10 >> 21; s11 += c; s10 -= c << 21;
  const w0: u64 = <u64>s0 | (<u64>s1 << 21) | (<u64>s2 << 42) | (<u64>s3 << 63);
  const w1: u64 = (<u64>s3 >> 1) | (<u64>s4 << 20) | (<u64>s5 << 41) | (<u64>s6 << 62);
  const w2: u64 = (<u64>s6 >> 2) | (<u64>s7 << 19) | (<u64>s8 << 40) | (<u64>s9 << 61);
  const w3: u64 = (<u64>s9 >> 3) | (<u64>s10 << 18) | (<u64>s11 << 39);
  store<u64>(out, w0); store<u64>(out, w1, 8); store<u64>(out, w2, 16); store<u64>(out, w3, 24);
}


const WIDE: usize = memory.data(64);

/** out = (a · b + c) mod L for 32-byte little-endian a, b, c (any values < 2^256). */
export function scalarMulAdd(out: usize, a: usize, b: usize, c: usize): void {
  memory.fill(WIDE, 0, 64);
  memory.copy(WIDE, c, 32);
  // Schoolbook 8×8 words of 32 bits, product < 2^512, plus c.
  for (let i: usize = 0; i < 8; i++) {
    const ai = <u64>load<u32>(a + (i << 2));
    let carry: u64 = 0;
    for (let j: usize = 0; j < 8; j++) {
      const p = WIDE + ((i + j) << 2);
      const t = ai * <u64>load<u32>(b + (j << 2)) + <u64>load<u32>(p) + carry;
      store<u32>(p, <u32>t);
      carry = t >> 32;
    }
    for (let k: usize = i + 8; k < 16 && carry != 0; k++) {
      const p = WIDE + (k << 2);
      const t = <u64>load<u32>(p) + carry;
      store<u32>(p, <u32>t);
      carry = t >> 32;
    }
  }
  scalarReduce64(out, WIDE);
}

/**
 * Width-w NAF of the 32-byte scalar at s (< 2^255) into 256 signed digits at `naf`:
 * s = Σ naf[i]·2^i, each digit 0 or odd in (−2^(w−1), 2^(w−1)), nonzero digits ≥ w apart.
 * Digits are i8 (w ≤ 8), or i16 when `wide` (w ≤ 16; 512 bytes at naf).
 * Returns the index of the highest nonzero digit, or −1 for zero.
 *
 * The recoding is curve25519-dalek's `non_adjacent_form` (scalar.rs), which scans bit by bit;
 * here a run of zero digits is skipped at once: with no carry pending the next digit is at the
 * buffer's lowest set bit, and with a carry pending its lowest clear bit (the run of ones plus
 * the carry is a run of zeros that passes the carry on). Same digits, fewer steps.
 */
export function scalarToNaf(naf: usize, s: usize, w: i32, wide: bool = false): i32 {
  memory.fill(naf, 0, wide ? 512 : 256);
  const width: u64 = <u64>1 << <u64>w;
  const mask: u64 = width - 1;
  let pos: i32 = 0;
  let carry: u64 = 0;
  let top: i32 = -1;
  while (pos < 256) {
    const idx = pos >> 6;
    const bit = <u64>(pos & 63);
    let buf: u64 = load<u64>(s + (<usize>idx << 3)) >> bit;
    if (bit > 0 && idx < 3) buf |= load<u64>(s + (<usize>(idx + 1) << 3)) << (64 - bit);
    // Skip to the next odd window: trailing zeros of buf (no carry) or of buf + 1 (carry).
    const skip = <i32>ctz(carry == 0 ? buf : ~buf);
    if (skip != 0) {
      pos += skip; // skip = 64 when the rest of this buffer needs no digit
      continue;
    }
    const window = carry + (buf & mask);
    let digit: i32;
    if (window < (width >> 1)) {
      carry = 0;
      digit = <i32>window;
    } else {
      carry = 1;
      digit = <i32>(<i64>window - <i64>width);
    }
    if (wide) store<i16>(naf + (<usize>pos << 1), <i16>digit);
    else store<i8>(naf + <usize>pos, <i8>digit);
    top = pos;
    pos += w;
  }
  return top;
}
