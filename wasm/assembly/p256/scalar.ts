/**
 * Scalars modulo the P-256 group order n (SEC 2 §2.4.2), as 8 little-endian 32-bit limbs.
 * Montgomery form (R = 2^256) is used for w = s⁻¹ only: with wM = w·R, nmul(e, wM) = e·w mod n
 * in plain form (SEC1 4.1.4 step 5), so u1 and u2 need no conversion. The inverse itself is
 * scalar-inverse.ts (binary extended Euclid, variable time).
 */
import { nmul } from './field-mul';
import { lessThan, fIsZero } from './field';

/** n, little-endian limbs. */
export const N_LIMBS = memory.data<u32>([0xfc632551, 0xf3b9cac2, 0xa7179e84, 0xbce6faad, 0xffffffff, 0xffffffff, 0x00000000, 0xffffffff]);
/** R² mod n. */
const R2_N = memory.data<u32>([0xbe79eea2, 0x83244c95, 0x49bd6fa6, 0x4699799c, 0x2b6bec59, 0x2845b239, 0xf3d95620, 0x66e12d94]);
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
