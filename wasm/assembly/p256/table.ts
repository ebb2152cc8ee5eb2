/**
 * Scalar multiplication helpers for P-256 verification (variable time; inputs are public).
 *
 * Fixed-base signed windows (a "BGMW"/Brickell-style table without doublings): for a point B and
 * window width w, T[j][k] = (k+1)·2^(w·j)·B in affine form, k < 2^(w−1). A scalar recoded into
 * signed digits d_j ∈ [−2^(w−1), 2^(w−1)) gives k·B = Σ_j sign(d_j)·T[j][|d_j|−1], i.e. one mixed
 * addition per window and no doublings. Used for G (built once) and for known issuer keys.
 *
 * Width-w NAF (Solinas / Möller) for an unknown key Q: odd multiples Q, 3Q, …, (2^(w−1)−1)Q.
 *
 * Tables are converted to affine with one field inversion (Montgomery's simultaneous-inversion
 * trick, "Speeding the Pollard and elliptic curve methods", 1987).
 */
import { fmul, fsqr, finv, fcopy } from './field';
import { pAdd, pAddAffine, pSubAffine, pDouble, pFromAffine, pNeg, pIsInfinity, JAC_BYTES, AFF_BYTES } from './point';
import { alloc } from '../common/heap';

export const SCALAR_BITS: i32 = 256;

export function windowCount(w: i32): i32 {
  return SCALAR_BITS / w + 1;
}

export function tableBytes(w: i32): usize {
  return <usize>windowCount(w) << (w - 1) << 6; // windows × 2^(w−1) entries × 64 bytes
}

// Scratch for building one window: 2^(w−1) + 1 Jacobian points and their prefix products.
let buildScratch: usize = 0;
let buildScratchCount: usize = 0;
const curA = memory.data(64, 16);      // Bⱼ in affine form
const zinv = memory.data(32, 16);
const zinv2 = memory.data(32, 16);
const inv = memory.data(32, 16);

/**
 * Builds the signed-window table of affine point `base` (Montgomery coordinates), window by
 * window: (k+1)·Bⱼ = k·Bⱼ + Bⱼ by mixed additions with Bⱼ affine, then Bⱼ₊₁ = 2^w·Bⱼ, and the
 * window's points plus Bⱼ₊₁ go affine with one simultaneous inversion. False on OOM.
 */
export function buildFixedTable(out: usize, base: usize, w: i32): bool {
  const half: usize = <usize>1 << (w - 1);
  const count: usize = half + 1;
  if (buildScratchCount < count) {
    const p = alloc(count * (JAC_BYTES + 32));
    if (p == 0) return false;
    buildScratch = p;
    buildScratchCount = count;
  }
  const jac = buildScratch;
  const pre = buildScratch + count * JAC_BYTES;
  memory.copy(curA, base, AFF_BYTES);                       // B₀ = B
  for (let j: usize = 0; j < <usize>windowCount(w); j++) {
    pFromAffine(jac, curA);                                 // 1·Bⱼ
    for (let k: usize = 1; k < half; k++) {
      pAddAffine(jac + k * JAC_BYTES, jac + (k - 1) * JAC_BYTES, curA); // (k+1)·Bⱼ
    }
    pDouble(jac + half * JAC_BYTES, jac + (half - 1) * JAC_BYTES);     // Bⱼ₊₁ = 2^w·Bⱼ
    toAffine(jac, pre, count, out + ((j * half) << 6), half);
  }
  return true;
}

/**
 * Converts `count` Jacobian points at `jac` to affine with one inversion (Montgomery's trick);
 * the first `rowCount` go to `row`, the last one to curA. No Z is zero: every point is a
 * multiple (k+1)·2^(wj)·B with k + 1 ≤ 2^w, never a multiple of the prime order n.
 */
function toAffine(jac: usize, pre: usize, count: usize, row: usize, rowCount: usize): void {
  fcopy(pre, jac + 64);
  for (let i: usize = 1; i < count; i++) fmul(pre + (i << 5), pre + ((i - 1) << 5), jac + i * JAC_BYTES + 64);
  finv(inv, pre + ((count - 1) << 5));
  for (let i: isize = <isize>count - 1; i >= 0; i--) {
    const P = jac + <usize>i * JAC_BYTES;
    if (i > 0) {
      fmul(zinv, inv, pre + ((<usize>i - 1) << 5));         // Zᵢ⁻¹
      fmul(inv, inv, P + 64);
    } else {
      fcopy(zinv, inv);
    }
    fsqr(zinv2, zinv);
    const A = <usize>i < rowCount ? row + (<usize>i << 6) : curA;
    fmul(A, P, zinv2);                                      // x = X/Z²
    fmul(zinv2, zinv2, zinv);
    fmul(A + 32, P + 32, zinv2);                            // y = Y/Z³
  }
}

const digits = memory.data(128, 16);   // one i16 signed digit per window (w ≤ 15)

/** Bits [pos, pos+w) of the 256-bit little-endian scalar at k (0 beyond bit 255). */
function getBits(k: usize, pos: i32, w: i32): u32 {
  if (pos >= SCALAR_BITS) return 0;
  const limb = pos >> 5;
  let v = <u64>load<u32>(k + (<usize>limb << 2));
  if (limb < 7) v |= <u64>load<u32>(k + (<usize>(limb + 1) << 2)) << 32;
  return <u32>(v >> <u64>(pos & 31)) & ((<u32>1 << w) - 1);
}

/** acc += k·B using B's fixed-base table (k < 2^256). */
export function mulAddFixed(acc: usize, table: usize, k: usize, w: i32): void {
  const nWin = windowCount(w);
  const half: u32 = 1 << (w - 1);
  let carry: u32 = 0;
  for (let j = 0; j < nWin; j++) {
    const bits = getBits(k, j * w, w) + carry;
    // signed digit in [−2^(w−1), 2^(w−1)): values from 2^(w−1) up become negative with a carry
    // into the next window
    let d: i32;
    if (bits >= half) { d = <i32>bits - (1 << w); carry = 1; } else { d = <i32>bits; carry = 0; }
    store<i16>(digits + (<usize>j << 1), <i16>d);
  }
  for (let j = 0; j < nWin; j++) {
    const d = <i32>load<i16>(digits + (<usize>j << 1));
    if (d == 0) continue;
    const row = table + ((<usize>j << (w - 1)) << 6);
    if (d > 0) pAddAffine(acc, acc, row + (<usize>(d - 1) << 6));
    else pSubAffine(acc, acc, row + (<usize>(-d - 1) << 6));
  }
}

const WNAF_W: i32 = 5;
const WNAF_LEN: i32 = SCALAR_BITS + 1;
const WNAF_ODD: usize = 8;                  // P, 3P, …, 15P
const nafA = memory.data(260);
const nafB = memory.data(260);
const oddA = memory.data(96 * 8, 16);
const oddB = memory.data(96 * 8, 16);
const twoP = memory.data(96, 16);
const negP = memory.data(96, 16);

/** Width-5 NAF of the 256-bit scalar k into naf[0..256] (libsecp256k1 ecmult_wnaf shape); top index or −1. */
function wnaf(naf: usize, k: usize): i32 {
  memory.fill(naf, 0, WNAF_LEN);
  let bit: i32 = 0, carry: u32 = 0, last: i32 = -1;
  while (bit < WNAF_LEN) {
    if (getBits(k, bit, 1) == carry) { bit++; continue; }
    let now = WNAF_W;
    if (now > WNAF_LEN - bit) now = WNAF_LEN - bit;
    let word = <i32>(getBits(k, bit, now) + carry);
    carry = (<u32>word >> (WNAF_W - 1)) & 1;
    word -= <i32>(carry << WNAF_W);
    store<i8>(naf + <usize>bit, <i8>word);
    last = bit;
    bit += now;
  }
  return last;
}

/** odd[i] = (2i+1)·P for affine P, Jacobian. */
function oddMultiples(odd: usize, P: usize): void {
  pFromAffine(odd, P);
  pDouble(twoP, odd);
  for (let i: usize = 1; i < WNAF_ODD; i++) pAdd(odd + i * JAC_BYTES, odd + (i - 1) * JAC_BYTES, twoP);
}

/** acc += sign(d)·odd[(|d|−1)/2] for a wNAF digit d. */
function addDigit(acc: usize, odd: usize, d: i32): void {
  if (d > 0) pAdd(acc, acc, odd + (<usize>((d - 1) >> 1)) * JAC_BYTES);
  else if (d < 0) { pNeg(negP, odd + (<usize>((-d - 1) >> 1)) * JAC_BYTES); pAdd(acc, acc, negP); }
}

/** acc = k·P for affine P (acc is overwritten): width-5 wNAF, double-and-add. */
export function mulWnaf(acc: usize, P: usize, k: usize): void {
  oddMultiples(oddA, P);
  const top = wnaf(nafA, k);
  memory.fill(acc, 0, JAC_BYTES);          // the point at infinity (Z = 0)
  for (let i = top; i >= 0; i--) {
    if (!pIsInfinity(acc)) pDouble(acc, acc);
    addDigit(acc, oddA, <i32>load<i8>(nafA + <usize>i));
  }
}

/**
 * acc = a·P + b·Q (Strauss–Shamir: one doubling chain, two width-5 NAFs). Used for u1·G + u2·Q
 * before G's table exists, so a cold worker's first verification does not wait for the table.
 */
export function mulWnafJoint(acc: usize, P: usize, a: usize, Q: usize, b: usize): void {
  oddMultiples(oddA, P);
  oddMultiples(oddB, Q);
  const ta = wnaf(nafA, a);
  const tb = wnaf(nafB, b);
  memory.fill(acc, 0, JAC_BYTES);
  for (let i = ta > tb ? ta : tb; i >= 0; i--) {
    if (!pIsInfinity(acc)) pDouble(acc, acc);
    addDigit(acc, oddA, <i32>load<i8>(nafA + <usize>i));
    addDigit(acc, oddB, <i32>load<i8>(nafB + <usize>i));
  }
}
