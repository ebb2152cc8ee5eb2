/**
 * Fixed-base precomputed tables for edwards25519 scalar multiplication (a wNAF comb).
 *
 * For a point P the table holds, for every row j = 0..15 and odd m = 1, 3, …, 63, the affine
 * point m·2^(16j)·P ("niels" form, point.ts AFFINE). With the width-7 NAF of a scalar
 * s = Σ d_i·2^i (scalar.ts) and i = 16j + b:
 *     [s]P = Σ_{b=15..0} 2^b · Σ_j d_{16j+b} · (2^(16j)·P)
 * so a multiplication costs 15 doublings (shared with every other table evaluated into the
 * same accumulator) and one mixed addition per nonzero digit (about 32 for a 253-bit scalar).
 * The additions depend only on the NAF width and the doublings only on the spacing, so for a
 * fixed table size (512 points, 61 440 bytes) a wide NAF with a wide spacing is the cheaper
 * choice: spacing 4 / width 5 costs 3 doublings + ~42 additions, spacing 16 / width 7
 * 15 doublings + ~32 additions, and the doublings are shared by B and A.
 * Used for the base point B (RFC 8032 5.1) and for the public keys of known issuers.
 * Tables are built in projective form and normalised with one Montgomery batch inversion.
 */
import { alloc } from '../common/heap';
import { FE_BYTES, feCopy, feInvert, feMul } from './field';
import {
  AFFINE_BYTES, P3_BYTES, p1p1ToP3, p3ToAffineWithInvZ, p3ToCached, pointAdd, pointAddAffine,
  pointDouble, pointSubAffine, CACHED_BYTES,
} from './point';

/** Bits between rows (doublings per evaluation + 1). */
export const COMB_SPACING: i32 = 16;
/** NAF width: digits are odd in [−63, 63]. */
export const COMB_NAF_WIDTH: i32 = 7;
/** Rows (256 / COMB_SPACING). */
export const COMB_ROWS: i32 = 16;
/** Odd multiples per row (2^(COMB_NAF_WIDTH − 2)). */
export const COMB_ENTRIES: i32 = 32;
/** Bytes of one table: 16 rows × 32 entries × 120 bytes = 61 440. */
export const COMB_TABLE_BYTES: usize = <usize>(COMB_ROWS * COMB_ENTRIES) * AFFINE_BYTES;

const POINTS: i32 = COMB_ROWS * COMB_ENTRIES;
// Scratch for building (projective points, then prefix products of Z): 102 400 bytes taken from
// the long-lived heap on first use, since the module's initial memory is one page.
let PROJ: usize = 0;
let PREFIX: usize = 0;
const CUR: usize = memory.data(<i32>P3_BYTES);
const TMP: usize = memory.data(<i32>P3_BYTES);
const TWICE: usize = memory.data(<i32>CACHED_BYTES);
const INV: usize = memory.data(<i32>FE_BYTES);
const INV_P3: usize = memory.data(<i32>P3_BYTES);
const INVZ: usize = memory.data(<i32>FE_BYTES);

/**
 * Build the table of the P3 point p into `table` (rows · entries · AFFINE_BYTES bytes, at most
 * COMB_TABLE_BYTES); false if out of memory. Row j holds the odd multiples m·2^(spacing·j)·P,
 * m = 1, 3, …, 2·entries − 1. The defaults are the comb above; verify.ts also builds B's
 * two-row table (B and 2^128·B, 256 odd multiples each) for single verification.
 */
export function combBuild(
  table: usize, p: usize, rows: i32 = COMB_ROWS, entries: i32 = COMB_ENTRIES, spacing: i32 = COMB_SPACING,
): bool {
  const points = rows * entries;
  if (points > POINTS) return false;
  if (PROJ == 0) {
    PROJ = alloc(<usize>POINTS * P3_BYTES + <usize>POINTS * FE_BYTES);
    if (PROJ == 0) return false;
    PREFIX = PROJ + <usize>POINTS * P3_BYTES;
  }
  memory.copy(CUR, p, P3_BYTES);
  for (let j = 0; j < rows; j++) {
    const row = PROJ + <usize>(j * entries) * P3_BYTES;
    // Odd multiples of cur = 2^(spacing·j)·P: m_0 = cur, m_k = m_(k−1) + 2·cur.
    memory.copy(row, CUR, P3_BYTES);
    pointDouble(TMP, CUR);
    p1p1ToP3(INV_P3, TMP);
    p3ToCached(TWICE, INV_P3);
    for (let k = 1; k < entries; k++) {
      pointAdd(TMP, row + <usize>(k - 1) * P3_BYTES, TWICE);
      p1p1ToP3(row + <usize>k * P3_BYTES, TMP);
    }
    // cur ← 2^spacing·cur for the next row (none after the last).
    if (j == rows - 1) break;
    for (let d = 0; d < spacing; d++) {
      pointDouble(TMP, CUR);
      p1p1ToP3(CUR, TMP);
    }
  }
  // Montgomery's trick: one inversion for all Z.
  feCopy(PREFIX, PROJ + 80);
  for (let i = 1; i < points; i++) {
    feMul(PREFIX + <usize>i * FE_BYTES, PREFIX + <usize>(i - 1) * FE_BYTES, PROJ + <usize>i * P3_BYTES + 80);
  }
  feInvert(INV, PREFIX + <usize>(points - 1) * FE_BYTES);
  for (let i = points - 1; i >= 0; i--) {
    const pt = PROJ + <usize>i * P3_BYTES;
    if (i > 0) {
      feMul(INVZ, INV, PREFIX + <usize>(i - 1) * FE_BYTES); // 1/Z_i
      feMul(INV, INV, pt + 80); // 1/(Z_0 … Z_(i−1))
    } else {
      feCopy(INVZ, INV);
    }
    p3ToAffineWithInvZ(table + <usize>i * AFFINE_BYTES, pt, INVZ);
  }
  return true;
}

const SUM: usize = memory.data(<i32>P3_BYTES);

/**
 * acc += Σ_j naf[16j + b] · table[j] for one bit offset b (0..15); `negate` adds the negatives.
 * acc is P3; the caller doubles acc between offsets (b = 15, 14, …, 0).
 */
export function combAccumulate(acc: usize, table: usize, naf: usize, b: i32, negate: bool): void {
  for (let j = 0; j < COMB_ROWS; j++) {
    const d = <i32>load<i8>(naf + <usize>(j * COMB_SPACING + b));
    if (d == 0) continue;
    const mag = d > 0 ? d : -d;
    const entry = table + <usize>(j * COMB_ENTRIES + (mag >> 1)) * AFFINE_BYTES;
    if ((d > 0) != negate) pointAddAffine(SUM, acc, entry);
    else pointSubAffine(SUM, acc, entry);
    p1p1ToP3(acc, SUM);
  }
}
