/**
 * Points of edwards25519 (RFC 8032 5.1: −x² + y² = 1 + d·x²·y²) in extended coordinates
 * (Hisil–Wong–Carter–Dawson 2008, "Twisted Edwards curves revisited", a = −1; RFC 8032 5.1.4).
 *
 * Forms, all in linear memory, each coordinate a 40-byte field element (field.ts):
 *   P3      (X, Y, Z, T) with x = X/Z, y = Y/Z, x·y = T/Z           — 160 bytes
 *   P1P1    ((X:Z), (Y:T)) completed point, output of add/double      — 160 bytes
 *   CACHED  (Y+X, Y−X, Z, 2d·T) for repeated additions                — 160 bytes
 *   AFFINE  (y+x, y−x, 2d·x·y) with Z = 1 ("niels"/precomp), tables    — 120 bytes
 * A P3 pointer is also a valid P2 (X, Y, Z) pointer. Formulas and their operand bounds follow
 * ref10 (ge_add, ge_sub, ge_madd, ge_msub, ge_p2_dbl). Variable time; public inputs only.
 */
import {
  FE_BYTES, feAdd, feCarry, feCopy, feFromBytes, feIsOdd, feIsZero, feMul, feNeg, fePow22523,
  feSetSmall, feSq, feSq2, feSub,
} from './field';

export const P3_BYTES: usize = 160;
export const CACHED_BYTES: usize = 160;
export const AFFINE_BYTES: usize = 120;

const X: usize = 0;
const Y: usize = 40;
const Z: usize = 80;
const T: usize = 120;

// RFC 8032 5.1: d = −121665/121666 mod p, and sqrt(−1) = 2^((p−1)/4) mod p (little-endian bytes).
const D_BYTES: usize = memory.data<u8>([
  0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41, 0x41, 0x4d, 0x0a, 0x70, 0x00,
  0x98, 0xe8, 0x79, 0x77, 0x79, 0x40, 0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52,
]);
const SQRTM1_BYTES: usize = memory.data<u8>([
  0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f, 0xad, 0x06, 0x18, 0x43, 0x2f,
  0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00, 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b,
]);

export const FE_D: usize = memory.data(40);
export const FE_D2: usize = memory.data(40);
export const FE_SQRTM1: usize = memory.data(40);
let constantsReady = false;

/** Unpack the curve constants once (idempotent). */
export function pointConstantsInit(): void {
  if (constantsReady) return;
  feFromBytes(FE_D, D_BYTES);
  feAdd(FE_D2, FE_D, FE_D);
  feCarry(FE_D2, FE_D2);
  feFromBytes(FE_SQRTM1, SQRTM1_BYTES);
  constantsReady = true;
}

const TA: usize = memory.data(40);

/** r = 2·p (ref10 ge_p2_dbl; dbl-2008-hwcd). p may be a P3. */
export function pointDouble(r: usize, p: usize): void {
  feSq(r + X, p + X); // A = X1²
  feSq(r + Z, p + Y); // B = Y1²
  feSq2(r + T, p + Z); // C = 2·Z1²
  feAdd(r + Y, p + X, p + Y);
  feSq(TA, r + Y); // (X1 + Y1)²
  feAdd(r + Y, r + Z, r + X); // B + A
  feSub(r + Z, r + Z, r + X); // B − A
  feSub(r + X, TA, r + Y); // (X1+Y1)² − A − B = 2·X1·Y1
  feSub(r + T, r + T, r + Z); // C − (B − A)
}

/** P1P1 → P2 (3 multiplications). */
export function p1p1ToP2(r: usize, p: usize): void {
  feMul(r + X, p + X, p + T);
  feMul(r + Y, p + Y, p + Z);
  feMul(r + Z, p + Z, p + T);
}

/** P1P1 → P3 (4 multiplications). r must not alias p (p.X, p.Y are read after r.X, r.Y). */
export function p1p1ToP3(r: usize, p: usize): void {
  feMul(r + X, p + X, p + T);
  feMul(r + Y, p + Y, p + Z);
  feMul(r + Z, p + Z, p + T);
  feMul(r + T, p + X, p + Y);
}

/** P3 → CACHED. */
export function p3ToCached(r: usize, p: usize): void {
  feAdd(r, p + Y, p + X);
  feSub(r + 40, p + Y, p + X);
  feCopy(r + 80, p + Z);
  feMul(r + 120, p + T, FE_D2);
}

/** r (P1P1) = p + q, p in P3, q CACHED (ref10 ge_add, add-2008-hwcd-3). r ≠ p. */
export function pointAdd(r: usize, p: usize, q: usize): void {
  feAdd(r + X, p + Y, p + X);
  feSub(r + Y, p + Y, p + X);
  feMul(r + Z, r + X, q); // (Y1+X1)(Y2+X2)
  feMul(r + Y, r + Y, q + 40); // (Y1−X1)(Y2−X2)
  feMul(r + T, q + 120, p + T); // 2d·T1·T2
  feMul(r + X, p + Z, q + 80);
  feAdd(TA, r + X, r + X); // 2·Z1·Z2
  feSub(r + X, r + Z, r + Y);
  feAdd(r + Y, r + Z, r + Y);
  feAdd(r + Z, TA, r + T);
  feSub(r + T, TA, r + T);
}

/** r = p − q, p in P3, q CACHED (ref10 ge_sub). */
export function pointSub(r: usize, p: usize, q: usize): void {
  feAdd(r + X, p + Y, p + X);
  feSub(r + Y, p + Y, p + X);
  feMul(r + Z, r + X, q + 40);
  feMul(r + Y, r + Y, q);
  feMul(r + T, q + 120, p + T);
  feMul(r + X, p + Z, q + 80);
  feAdd(TA, r + X, r + X);
  feSub(r + X, r + Z, r + Y);
  feAdd(r + Y, r + Z, r + Y);
  feSub(r + Z, TA, r + T);
  feAdd(r + T, TA, r + T);
}

/** r = p + q, p in P3, q AFFINE (ref10 ge_madd, madd-2008-hwcd-3). */
export function pointAddAffine(r: usize, p: usize, q: usize): void {
  feAdd(r + X, p + Y, p + X);
  feSub(r + Y, p + Y, p + X);
  feMul(r + Z, r + X, q);
  feMul(r + Y, r + Y, q + 40);
  feMul(r + T, q + 80, p + T);
  feAdd(TA, p + Z, p + Z);
  feSub(r + X, r + Z, r + Y);
  feAdd(r + Y, r + Z, r + Y);
  feAdd(r + Z, TA, r + T);
  feSub(r + T, TA, r + T);
}

/** r = p − q, p in P3, q AFFINE (ref10 ge_msub). */
export function pointSubAffine(r: usize, p: usize, q: usize): void {
  feAdd(r + X, p + Y, p + X);
  feSub(r + Y, p + Y, p + X);
  feMul(r + Z, r + X, q + 40);
  feMul(r + Y, r + Y, q);
  feMul(r + T, q + 80, p + T);
  feAdd(TA, p + Z, p + Z);
  feSub(r + X, r + Z, r + Y);
  feAdd(r + Y, r + Z, r + Y);
  feSub(r + Z, TA, r + T);
  feAdd(r + T, TA, r + T);
}

/** p = the neutral element (0, 1). */
export function pointSetIdentity(p: usize): void {
  feSetSmall(p + X, 0);
  feSetSmall(p + Y, 1);
  feSetSmall(p + Z, 1);
  feSetSmall(p + T, 0);
}

const TY: usize = memory.data(40);

/** True when the P3 point is the neutral element: X ≡ 0 and Y ≡ Z. */
export function pointIsIdentity(p: usize): bool {
  if (!feIsZero(p + X)) return false;
  feSub(TY, p + Y, p + Z);
  return feIsZero(TY);
}

const M1: usize = memory.data(160);
const M2: usize = memory.data(160);

/** r = [8]·p (clear the cofactor, RFC 8032 5.1.7 step 3's "[8]"). r may alias p. */
export function pointMul8(r: usize, p: usize): void {
  pointDouble(M1, p);
  p1p1ToP2(M2, M1);
  pointDouble(M1, M2);
  p1p1ToP2(M2, M1);
  pointDouble(M1, M2);
  p1p1ToP3(r, M1);
}


const U: usize = memory.data(40);
const V: usize = memory.data(40);
const V3: usize = memory.data(40);
const VXX: usize = memory.data(40);
const CHECK: usize = memory.data(40);

/**
 * RFC 8032 5.1.3: decode the 32 bytes at `s` into the P3 point `r`. Returns false (r undefined)
 * for a non-canonical y (≥ p), for y with no matching x, and for x = 0 with sign bit 1.
 */
export function pointDecode(r: usize, s: usize): bool {
  pointConstantsInit();
  // Step 1: y is bytes with bit 255 cleared; reject y ≥ p = 2^255 − 19 (non-canonical).
  if (isNonCanonicalY(s)) return false;
  const sign = <i32>(load<u8>(s, 31) >> 7);
  feFromBytes(r + Y, s);
  feSetSmall(r + Z, 1);
  // Step 2: u = y² − 1, v = d·y² + 1, candidate x = u·v³·(u·v⁷)^((p−5)/8).
  feSq(U, r + Y);
  feMul(V, U, FE_D);
  feSub(U, U, r + Z);
  feAdd(V, V, r + Z);
  feSq(V3, V);
  feMul(V3, V3, V); // v³
  feSq(r + X, V3);
  feMul(r + X, r + X, V);
  feMul(r + X, r + X, U); // u·v⁷
  fePow22523(r + X, r + X);
  feMul(r + X, r + X, V3);
  feMul(r + X, r + X, U); // u·v³·(u·v⁷)^((p−5)/8)
  // Step 3: if v·x² = u, x is a root; if v·x² = −u, x·sqrt(−1) is; otherwise no root.
  feSq(VXX, r + X);
  feMul(VXX, VXX, V);
  feSub(CHECK, VXX, U);
  if (!feIsZero(CHECK)) {
    feAdd(CHECK, VXX, U);
    if (!feIsZero(CHECK)) return false;
    feMul(r + X, r + X, FE_SQRTM1);
  }
  // Step 4: x = 0 with x_0 = 1 is rejected; otherwise pick the root whose parity is x_0.
  const odd = feIsOdd(r + X);
  if (sign == 1 && odd == 0 && feIsZero(r + X)) return false;
  if (odd != sign) feNeg(r + X, r + X);
  feMul(r + T, r + X, r + Y);
  return true;
}

/** True when the 255-bit y in s[0..32] (bit 255 ignored) is ≥ p = 2^255 − 19. */
function isNonCanonicalY(s: usize): bool {
  if ((load<u8>(s, 31) & 0x7f) != 0x7f) return false;
  for (let i: usize = 30; i >= 1; i--) if (load<u8>(s + i) != 0xff) return false;
  return load<u8>(s) >= 0xed;
}

const INV_Z: usize = memory.data(40);

/** AFFINE (y+x, y−x, 2d·x·y) of a P3 point whose Z⁻¹ is given (carried limbs). */
export function p3ToAffineWithInvZ(r: usize, p: usize, invZ: usize): void {
  feMul(INV_Z, p + X, invZ); // x
  feMul(r + 80, p + Y, invZ); // y (temporarily)
  feAdd(r, r + 80, INV_Z);
  feSub(r + 40, r + 80, INV_Z);
  feCarry(r, r);
  feCarry(r + 40, r + 40);
  feMul(r + 80, r + 80, INV_Z); // x·y
  feMul(r + 80, r + 80, FE_D2); // 2d·x·y
}

export { FE_BYTES };
