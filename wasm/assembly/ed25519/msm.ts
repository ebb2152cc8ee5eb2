/**
 * Multi-scalar multiplication Σ s_i·P_i on edwards25519 — Pippenger's bucket method with signed
 * digits (Bernstein, Doumen, Lange, Oosterwijk, "Faster batch forgery identification", 2012,
 * section 4; the form used by curve25519-dalek's vartime Pippenger).
 *
 * Each scalar s (< 2^256, stored in a 40-byte slot: 32 bytes little-endian + 8 zero bytes) is
 * written as Σ_j d_j·2^(c·j) with digits d_j ∈ [−2^(c−1), 2^(c−1)]. For each window j, from the
 * top: acc ← 2^c·acc; bucket[|d|] ±= P_i for every point; then Σ_b b·bucket[b] by a running sum.
 * Points are AFFINE (point.ts niels form), so bucket additions are mixed additions.
 * Variable time. In batch verification the points are public; the random coefficients only
 * need to be unpredictable before the signatures are fixed, and their timing leak after the
 * fact gives a forger nothing (the batch answer is already decided).
 */
import { alloc } from '../common/heap';
import {
  AFFINE_BYTES, CACHED_BYTES, P3_BYTES, p1p1ToP2, p1p1ToP3, p3ToCached, pointAdd, pointAddAffine,
  pointDouble, pointSetIdentity, pointSubAffine,
} from './point';

/** Bytes of one scalar slot (32-byte scalar + 8 zero bytes so 64-bit reads never run past it). */
export const MSM_SCALAR_STRIDE: usize = 40;
const MAX_WINDOW_BITS: i32 = 8;
const MAX_BUCKETS: i32 = 1 << (MAX_WINDOW_BITS - 1);

let BUCKETS: usize = 0; // MAX_BUCKETS + 1 P3 points from the heap
const USED: usize = memory.data(MAX_BUCKETS + 1);
const RUNNING: usize = memory.data(<i32>P3_BYTES);
const TOTAL: usize = memory.data(<i32>P3_BYTES);
const SUM: usize = memory.data(<i32>P3_BYTES);
const CACHED: usize = memory.data(<i32>CACHED_BYTES);

/** Window width for n points: larger windows pay off once there are many points per bucket. */
export function msmWindowBits(n: i32): i32 {
  if (n < 16) return 4;
  if (n < 64) return 5;
  if (n < 192) return 6;
  if (n < 640) return 7;
  return 8;
}

@inline
function rawWindow(scalar: usize, bit: i32, c: i32): i32 {
  const w = load<u64>(scalar + <usize>(bit >> 3)) >> <u64>(bit & 7);
  return <i32>(w & ((<u64>1 << <u64>c) - 1));
}

/** Signed digit j of a scalar (window c bits), given the carry out of digit j − 1. */
@inline
function signedDigit(scalar: usize, j: i32, c: i32, carryIn: i32): i32 {
  return rawWindow(scalar, j * c, c) + carryIn;
}

/** p += q for P3 points (q converted to CACHED). `set` says whether p holds a value yet. */
function addP3(p: usize, q: usize, set: bool): void {
  if (!set) {
    memory.copy(p, q, P3_BYTES);
    return;
  }
  p3ToCached(CACHED, q);
  pointAdd(SUM, p, CACHED);
  p1p1ToP3(p, SUM);
}

/**
 * out (P3) = Σ_{i<n} s_i·P_i. points: n AFFINE entries (120 bytes); scalars: n slots of
 * MSM_SCALAR_STRIDE bytes; `bits` bounds every scalar (s_i < 2^bits); `carries` is scratch of
 * n·windows bytes (windows = ⌈(bits + 1)/c⌉ ≤ 64).
 * Returns false only if the bucket memory cannot be allocated.
 */
export function msm(out: usize, points: usize, scalars: usize, n: i32, bits: i32, carries: usize): bool {
  if (BUCKETS == 0) {
    BUCKETS = alloc(<usize>(MAX_BUCKETS + 1) * P3_BYTES);
    if (BUCKETS == 0) return false;
  }
  pointSetIdentity(out);
  if (n <= 0) return true;
  const c = msmWindowBits(n);
  const half = 1 << (c - 1);
  // Signed digits need one bit of headroom: with s < 2^bits and bits + 1 ≤ c·windows the top
  // digit is at most 2^(c−1) and never carries out.
  const windows = (bits + c) / c;
  // Digits are produced low to high (carries propagate upwards) but consumed high to low, so
  // the carry into every window is computed first per scalar: carries[i·windows + j].
  for (let i = 0; i < n; i++) {
    const s = scalars + <usize>i * MSM_SCALAR_STRIDE;
    let carry = 0;
    for (let j = 0; j < windows; j++) {
      store<u8>(carries + <usize>(i * windows + j), <u8>carry);
      const v = j * c < 256 ? signedDigit(s, j, c, carry) : carry;
      carry = v > half ? 1 : 0;
    }
  }
  let outSet = false;
  for (let j = windows - 1; j >= 0; j--) {
    if (outSet) {
      for (let d = 0; d < c; d++) {
        pointDouble(SUM, out);
        if (d < c - 1) p1p1ToP2(out, SUM);
        else p1p1ToP3(out, SUM);
      }
    }
    memory.fill(USED, 0, <usize>(half + 1));
    for (let i = 0; i < n; i++) {
      const s = scalars + <usize>i * MSM_SCALAR_STRIDE;
      const carry = <i32>load<u8>(carries + <usize>(i * windows + j));
      let v = j * c < 256 ? signedDigit(s, j, c, carry) : carry;
      if (v > half) v -= 1 << c;
      if (v == 0) continue;
      const mag = v > 0 ? v : -v;
      const bucket = BUCKETS + <usize>mag * P3_BYTES;
      if (load<u8>(USED + <usize>mag) == 0) {
        pointSetIdentity(bucket);
        store<u8>(USED + <usize>mag, 1);
      }
      const pt = points + <usize>i * AFFINE_BYTES;
      if (v > 0) pointAddAffine(SUM, bucket, pt);
      else pointSubAffine(SUM, bucket, pt);
      p1p1ToP3(bucket, SUM);
    }
    // Σ_b b·bucket[b] = Σ_b (bucket[half] + … + bucket[b]).
    let runningSet = false;
    let totalSet = false;
    for (let b = half; b >= 1; b--) {
      if (load<u8>(USED + <usize>b) != 0) {
        addP3(RUNNING, BUCKETS + <usize>b * P3_BYTES, runningSet);
        runningSet = true;
      }
      if (runningSet) {
        addP3(TOTAL, RUNNING, totalSet);
        totalSet = true;
      }
    }
    if (totalSet) {
      addP3(out, TOTAL, outSet);
      outSet = true;
    }
  }
  if (!outSet) pointSetIdentity(out);
  return true;
}
