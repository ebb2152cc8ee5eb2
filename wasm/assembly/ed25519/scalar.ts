/**
 * Scalars modulo the prime group order L = 2^252 + 27742317777372353535851937790883648493
 * (RFC 8032 5.1: the order of B), and their width-w NAF recoding for scalar multiplication.
 *
 * Scalars are 32-byte little-endian strings in linear memory. Reduction works on signed
 * 21-bit limbs in i64 (as ref10's sc_reduce): 2^252 ≡ −c (mod L), c < 2^125, and −c written
 * in 21-bit limbs is (666643, 470296, 654183, −997805, 136657, −683901).
 */

// L, little-endian (RFC 8032 5.1).
const L_BYTES: usize = memory.data<u8>([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
]);
const MINUS_C: usize = memory.data<i64>([666643, 470296, 654183, -997805, 136657, -683901]);
const LIMBS: usize = memory.data(24 * 8); // 24 limbs of 21 bits (the top one holds 29)

/** RFC 8032 5.1.7 step 1: true when the 32-byte integer at s is < L (canonical S). */
export function scalarIsCanonical(s: usize): bool {
  for (let i = 31; i >= 0; i--) {
    const a = load<u8>(s + <usize>i);
    const b = load<u8>(L_BYTES + <usize>i);
    if (a != b) return a < b;
  }
  return false; // s == L
}

@inline
function bits21(src: usize, bit: i32): i64 {
  // 21 bits starting at `bit` of a 64-byte little-endian string (reads stay inside 64 bytes).
  const byte = bit >> 3;
  let w: u64 = 0;
  for (let k = 0; k < 4 && byte + k < 64; k++) w |= <u64>load<u8>(src + <usize>(byte + k)) << (<u64>k * 8);
  return <i64>((w >> <u64>(bit & 7)) & 0x1fffff);
}

@inline
function limb(i: i32): usize {
  return LIMBS + (<usize>i << 3);
}

/** Carry limbs 0..top−1 into limb `top` so that limbs 0..top−1 lie in [0, 2^21). */
function carryUpTo(top: i32): void {
  for (let j = 0; j < top; j++) {
    const v = load<i64>(limb(j));
    const c = v >> 21; // floor division: keeps the low limb non-negative
    store<i64>(limb(j), v - (c << 21));
    store<i64>(limb(j + 1), load<i64>(limb(j + 1)) + c);
  }
}

/** Replace limb i (weight 2^(21·i), i ≥ 12) by −c times it at limbs i−12 … i−7. */
function fold(i: i32): void {
  const v = load<i64>(limb(i));
  store<i64>(limb(i), 0);
  for (let j = 0; j < 6; j++) {
    const p = limb(i - 12 + j);
    store<i64>(p, load<i64>(p) + v * load<i64>(MINUS_C + (<usize>j << 3)));
  }
}

/** Write limbs 0..12 (limbs 0..11 in [0, 2^21), limb 12 in {0, 1}) as 32 bytes little-endian. */
function writeLimbs(out: usize): void {
  let acc: u64 = 0;
  let accBits: i32 = 0;
  let o: usize = 0;
  for (let j = 0; j < 13; j++) {
    acc |= <u64>load<i64>(limb(j)) << <u64>accBits;
    accBits += 21;
    while (accBits >= 8) {
      store<u8>(out + o, <u8>acc);
      o++;
      acc >>= 8;
      accBits -= 8;
    }
  }
  store<u8>(out + o, <u8>acc); // bits 248..252 (253 = 31·8 + 5)
}

/** out −= L when out ≥ L (out < 2L). */
function subtractLIfNeeded(out: usize): void {
  if (scalarIsCanonical(out)) return;
  let borrow: i32 = 0;
  for (let i: usize = 0; i < 32; i++) {
    const d = <i32>load<u8>(out + i) - <i32>load<u8>(L_BYTES + i) - borrow;
    store<u8>(out + i, <u8>d);
    borrow = d < 0 ? 1 : 0;
  }
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

/** Reduce the current limbs (value in limbs 0..top) modulo L into 32 bytes at out. */
function reduceLimbs(out: usize, top: i32): void {
  for (let i = top; i >= 12; i--) {
    carryUpTo(i);
    fold(i);
  }
  // Value now fits in limbs 0..11 plus a small signed overflow into limb 12: fold until the
  // value lies in [0, 2^253), then one conditional subtraction of L gives [0, L).
  carryUpTo(12);
  while (load<i64>(limb(12)) < 0 || load<i64>(limb(12)) > 1) {
    fold(12);
    carryUpTo(12);
  }
  writeLimbs(out);
  subtractLIfNeeded(out);
}

/** out = the 64-byte little-endian integer at `in64` mod L (RFC 8032 5.1.7 step 2 / 5.1.6). */
export function scalarReduce64(out: usize, in64: usize): void {
  for (let i = 0; i < 23; i++) store<i64>(limb(i), bits21(in64, 21 * i));
  // Limb 23 takes the remaining 29 bits (483..511).
  store<i64>(limb(23), <i64>(load<u32>(in64, 60) >> 3));
  reduceLimbs(out, 23);
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
 * Width-w NAF of the 32-byte scalar at s (< 2^255) into 256 signed digits at `naf` (i8):
 * s = Σ naf[i]·2^i, each digit 0 or odd in (−2^(w−1), 2^(w−1)), nonzero digits ≥ w apart.
 * Returns the index of the highest nonzero digit, or −1 for zero.
 */
export function scalarToNaf(naf: usize, s: usize, w: i32): i32 {
  memory.fill(naf, 0, 256);
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
    const window = carry + (buf & mask);
    if ((window & 1) == 0) {
      pos++;
      continue;
    }
    if (window < (width >> 1)) {
      carry = 0;
      store<i8>(naf + <usize>pos, <i8>window);
    } else {
      carry = 1;
      store<i8>(naf + <usize>pos, <i8>(<i64>window - <i64>width));
    }
    top = pos;
    pos += w;
  }
  return top;
}
