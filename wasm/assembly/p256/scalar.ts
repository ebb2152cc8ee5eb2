/**
 * Scalars modulo the P-256 group order n (SEC 2 §2.4.2), as 8 little-endian 32-bit limbs.
 * Montgomery form (R = 2^256) is used only inside inversion: for w = s⁻¹ the code computes
 * s·R, inverts it to s⁻¹·R⁻¹·R² … precisely: wM = (s·R)⁻¹·R² = s⁻¹·R, and then
 * nmul(e, wM) = e·s⁻¹ mod n in plain form (SEC1 4.1.4 step 5), saving conversions.
 */
import { nmul } from './field-mul';
import { lessThan, fIsZero } from './field';

/** n, little-endian limbs. */
export const N_LIMBS = memory.data<u32>([0xfc632551, 0xf3b9cac2, 0xa7179e84, 0xbce6faad, 0xffffffff, 0xffffffff, 0x00000000, 0xffffffff]);
/** R² mod n. */
const R2_N = memory.data<u32>([0xbe79eea2, 0x83244c95, 0x49bd6fa6, 0x4699799c, 0x2b6bec59, 0x2845b239, 0xf3d95620, 0x66e12d94]);
/** R mod n = 2^256 − n: Montgomery one. */
const ONE_N = memory.data<u32>([0x039cdaaf, 0x0c46353d, 0x58e8617b, 0x43190552, 0x00000000, 0x00000000, 0xffffffff, 0x00000000]);
/** n − 2, Fermat exponent. */
const N_MINUS_2 = memory.data<u32>([0xfc63254f, 0xf3b9cac2, 0xa7179e84, 0xbce6faad, 0xffffffff, 0xffffffff, 0x00000000, 0xffffffff]);

const WIN_BITS: i32 = 4;
const winTable = memory.data(32 * 16, 16); // a^0 .. a^15 (Montgomery)
const acc = memory.data(32, 16);

export { nmul };

/** SEC1 4.1.4 step 1: 1 ≤ x ≤ n − 1. */
export function scalarInRange(x: usize): bool {
  return !fIsZero(x) && lessThan(x, N_LIMBS);
}

/** r = x mod n for any 256-bit x (x < 2n always holds, as 2^256 < 2n). */
export function scalarReduce(r: usize, x: usize): void {
  if (!lessThan(x, N_LIMBS)) {
    let c: i64 = 0;
    for (let k: usize = 0; k < 8; k++) {
      c += <i64>load<u32>(x + (k << 2)) - <i64>load<u32>(N_LIMBS + (k << 2));
      store<u32>(r + (k << 2), <u32>c);
      c >>= 32;
    }
  } else if (r != x) {
    memory.copy(r, x, 32);
  }
}

/** r = x·R mod n (x < 2^256). */
export function scalarToMont(r: usize, x: usize): void {
  nmul(r, x, R2_N);
}

/**
 * r = a⁻¹ in Montgomery form: for a = x·R returns x⁻¹·R. Fermat a^(n−2) with a fixed 4-bit
 * window (255 squarings, 64 multiplications). a must be non-zero mod n.
 */
export function scalarInvMont(r: usize, a: usize): void {
  memory.copy(winTable, ONE_N, 32);
  memory.copy(winTable + 32, a, 32);
  for (let i: usize = 2; i < 16; i++) nmul(winTable + (i << 5), winTable + ((i - 1) << 5), a);
  memory.copy(acc, ONE_N, 32);
  for (let i: i32 = 63; i >= 0; i--) {
    if (i != 63) for (let k = 0; k < WIN_BITS; k++) nmul(acc, acc, acc);
    const nib = (load<u32>(N_MINUS_2 + (<usize>(i >> 3) << 2)) >> ((<u32>i & 7) << 2)) & 15;
    if (nib != 0) nmul(acc, acc, winTable + (<usize>nib << 5));
  }
  memory.copy(r, acc, 32);
}
