/**
 * The P-256 base field GF(p), p = 2^256 − 2^224 + 2^192 + 2^96 − 1 (FIPS 186-5 §D.1.2.3,
 * SEC 2 §2.4.2). Elements are 8 little-endian 32-bit limbs (32 bytes) in linear memory, kept
 * canonical (< p) and, inside the curve code, in Montgomery form x·2^256 mod p.
 * Multiplication is in the generated field-mul.ts; this file holds constants, conversions,
 * exponentiation (inverse, square root) and comparisons.
 */
import { fmul, fsqr } from './field-mul';
export { fmul, fsqr, fadd, fsub } from './field-mul';

export const FIELD_BYTES: usize = 32;

// Constants as little-endian u32 limbs (computed with BigInt, see docs/crypto-core.md).
/** p itself. */
export const P_LIMBS = memory.data<u32>([0xffffffff, 0xffffffff, 0xffffffff, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xffffffff]);
/** R² mod p, R = 2^256: toMont(x) = fmul(x, R²). */
const R2_P = memory.data<u32>([0x00000003, 0x00000000, 0xffffffff, 0xfffffffb, 0xfffffffe, 0xffffffff, 0xfffffffd, 0x00000004]);
/** 1 in Montgomery form (R mod p). */
export const ONE_M = memory.data<u32>([0x00000001, 0x00000000, 0x00000000, 0xffffffff, 0xffffffff, 0xffffffff, 0xfffffffe, 0x00000000]);
/** The plain integer 1: fromMont(x) = fmul(x, 1). */
const ONE_PLAIN = memory.data<u32>([1, 0, 0, 0, 0, 0, 0, 0]);
/** Curve coefficient b (SEC 2 §2.4.2) in Montgomery form. */
export const B_M = memory.data<u32>([0x29c4bddf, 0xd89cdf62, 0x78843090, 0xacf005cd, 0xf7212ed6, 0xe5a220ab, 0x04874834, 0xdc30061d]);
/** p − 2: Fermat inverse exponent. */
const P_MINUS_2 = memory.data<u32>([0xfffffffd, 0xffffffff, 0xffffffff, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xffffffff]);
/** (p + 1) / 4: square-root exponent (p ≡ 3 mod 4). */
const SQRT_EXP = memory.data<u32>([0x00000000, 0x00000000, 0x40000000, 0x00000000, 0x00000000, 0x40000000, 0xc0000000, 0x3fffffff]);

const powAcc = memory.data(32, 16);
const powBase = memory.data(32, 16);
const sqrtChk = memory.data(32, 16);

export function fcopy(r: usize, a: usize): void {
  memory.copy(r, a, FIELD_BYTES);
}

export function fzero(r: usize): void {
  memory.fill(r, 0, FIELD_BYTES);
}

export function fIsZero(a: usize): bool {
  return (load<u64>(a, 0) | load<u64>(a, 8) | load<u64>(a, 16) | load<u64>(a, 24)) == 0;
}

export function fEq(a: usize, b: usize): bool {
  return load<u64>(a, 0) == load<u64>(b, 0) && load<u64>(a, 8) == load<u64>(b, 8)
    && load<u64>(a, 16) == load<u64>(b, 16) && load<u64>(a, 24) == load<u64>(b, 24);
}

/** Integer comparison of two 256-bit limb arrays: a < b. */
export function lessThan(a: usize, b: usize): bool {
  for (let i: i32 = 7; i >= 0; i--) {
    const x = load<u32>(a + (<usize>i << 2));
    const y = load<u32>(b + (<usize>i << 2));
    if (x != y) return x < y;
  }
  return false;
}

/** SEC1 2.3.8 (octet string → integer): 32 big-endian bytes at `src` into limbs at `r`. */
export function limbsFromBytes(r: usize, src: usize): void {
  for (let i: usize = 0; i < 8; i++) {
    store<u32>(r + (i << 2), bswap<u32>(load<u32>(src + 28 - (i << 2))));
  }
}

/** SEC1 2.3.7 (integer → octet string): limbs at `a` to 32 big-endian bytes at `dst`. */
export function limbsToBytes(dst: usize, a: usize): void {
  for (let i: usize = 0; i < 8; i++) {
    store<u32>(dst + 28 - (i << 2), bswap<u32>(load<u32>(a + (i << 2))));
  }
}

export function toMont(r: usize, a: usize): void {
  fmul(r, a, R2_P);
}

export function fromMont(r: usize, a: usize): void {
  fmul(r, a, ONE_PLAIN);
}

/** r = a^e (Montgomery form), e a 256-bit little-endian limb array; left-to-right binary. */
function fpow(r: usize, a: usize, e: usize): void {
  fcopy(powBase, a);
  fcopy(powAcc, ONE_M);
  for (let i: i32 = 255; i >= 0; i--) {
    fsqr(powAcc, powAcc);
    if ((load<u32>(e + (<usize>(i >> 5) << 2)) >> (<u32>i & 31)) & 1) fmul(powAcc, powAcc, powBase);
  }
  fcopy(r, powAcc);
}

/** r = a⁻¹ (Fermat: a^(p−2)); a must be non-zero. */
export function finv(r: usize, a: usize): void {
  fpow(r, a, P_MINUS_2);
}

/** r = √a if a is a square (returns true), SEC1 2.3.4 step 2.4.1 via a^((p+1)/4) since p ≡ 3 mod 4. */
export function fsqrt(r: usize, a: usize): bool {
  fpow(r, a, SQRT_EXP);
  fsqr(sqrtChk, r);
  return fEq(sqrtChk, a);
}

/** r = −a mod p. */
export function fneg(r: usize, a: usize): void {
  if (fIsZero(a)) { fzero(r); return; }
  let c: i64 = 0;
  for (let k: usize = 0; k < 8; k++) {
    c += <i64>load<u32>(P_LIMBS + (k << 2)) - <i64>load<u32>(a + (k << 2));
    store<u32>(r + (k << 2), <u32>c);
    c >>= 32;
  }
}

/**
 * r = k·a mod p for a small constant k ≤ 8 (replaces chains of additions in the point
 * formulas). k·a < 2^259: the top word t is folded back with 2^256 ≡ 2^224 − 2^192 − 2^96 + 1
 * (mod p), then at most one addition or subtraction of p makes the result canonical.
 */
export function fmulSmall(r: usize, a: usize, k: u32): void {
  const K = <u64>k;
  let c: u64 = 0;
  c += <u64>load<u32>(a, 0) * K; let s0 = <i64>(c & 0xffffffff); c >>= 32;
  c += <u64>load<u32>(a, 4) * K; let s1 = <i64>(c & 0xffffffff); c >>= 32;
  c += <u64>load<u32>(a, 8) * K; let s2 = <i64>(c & 0xffffffff); c >>= 32;
  c += <u64>load<u32>(a, 12) * K; let s3 = <i64>(c & 0xffffffff); c >>= 32;
  c += <u64>load<u32>(a, 16) * K; let s4 = <i64>(c & 0xffffffff); c >>= 32;
  c += <u64>load<u32>(a, 20) * K; let s5 = <i64>(c & 0xffffffff); c >>= 32;
  c += <u64>load<u32>(a, 24) * K; let s6 = <i64>(c & 0xffffffff); c >>= 32;
  c += <u64>load<u32>(a, 28) * K; let s7 = <i64>(c & 0xffffffff); c >>= 32;
  const t = <i64>c;
  // fold t·2^256: +t at word 0, −t at word 3, −t at word 6, +t at word 7
  s0 += t; s3 -= t; s6 -= t; s7 += t;
  s1 += s0 >> 32; s0 &= 0xffffffff;
  s2 += s1 >> 32; s1 &= 0xffffffff;
  s3 += s2 >> 32; s2 &= 0xffffffff;
  s4 += s3 >> 32; s3 &= 0xffffffff;
  s5 += s4 >> 32; s4 &= 0xffffffff;
  s6 += s5 >> 32; s5 &= 0xffffffff;
  s7 += s6 >> 32; s6 &= 0xffffffff;
  const top = s7 >> 32; s7 &= 0xffffffff;
  store<u32>(r, <u32>s0, 0); store<u32>(r, <u32>s1, 4); store<u32>(r, <u32>s2, 8); store<u32>(r, <u32>s3, 12);
  store<u32>(r, <u32>s4, 16); store<u32>(r, <u32>s5, 20); store<u32>(r, <u32>s6, 24); store<u32>(r, <u32>s7, 28);
  // the value is now r + top·2^256 with top ∈ {−1, 0, 1}, and below 2p when top = 0
  if (top > 0) subP(r);
  else if (top < 0) addP(r);
  if (!lessThan(r, P_LIMBS)) subP(r);
}

function subP(r: usize): void {
  let c: i64 = 0;
  for (let k: usize = 0; k < 8; k++) {
    c += <i64>load<u32>(r + (k << 2)) - <i64>load<u32>(P_LIMBS + (k << 2));
    store<u32>(r + (k << 2), <u32>c);
    c >>= 32;
  }
}

function addP(r: usize): void {
  let c: i64 = 0;
  for (let k: usize = 0; k < 8; k++) {
    c += <i64>load<u32>(r + (k << 2)) + <i64>load<u32>(P_LIMBS + (k << 2));
    store<u32>(r + (k << 2), <u32>c);
    c >>= 32;
  }
}
