/**
 * Batch ECDSA P-256 verification (SEC1 4.1.4 per item) sharing the one expensive scalar step:
 * all s⁻¹ mod n of a chunk come from a single inversion by Montgomery's simultaneous-inversion
 * trick (3 multiplications per item instead of one inversion each). Results are exactly the
 * single-verification results; a bad item only affects its own result.
 *
 * Record layout (8 × u32, little-endian) written by the JavaScript wrapper:
 *   0 keyPtr  1 keyLen  2 msgPtr  3 msgLen  4 sigPtr  5 keySlot (i32, −1 = none)  6 result (out)  7 unused
 */
import { nmul, scalarToMont } from './scalar';
import { scalarInvVar } from './scalar-inverse';
import { decodePublicKey, parseSignature, hashToScalar, verifyWithInverse, ensureGTable, slotTablePtr } from './ecdsa';

export const BATCH_RECORD_BYTES: usize = 32;
const CHUNK: i32 = 64;

const eA = memory.data(32 * CHUNK, 16);
const rA = memory.data(32 * CHUNK, 16);
const sA = memory.data(32 * CHUNK, 16);   // s·R, then s⁻¹·R
const preA = memory.data(32 * CHUNK, 16); // prefix products
const okA = memory.data(CHUNK);
const inv = memory.data(32, 16);
const tmp = memory.data(32, 16);
const q = memory.data(64, 16);

export function verifyBatch(records: usize, count: i32): void {
  const gOk = ensureGTable();
  for (let base = 0; base < count; base += CHUNK) {
    const m = count - base < CHUNK ? count - base : CHUNK;
    // pass 1: SEC1 4.1.4 steps 1–3 per item, collect s for the shared inversion (step 4)
    let last: i32 = -1;
    for (let i = 0; i < m; i++) {
      const rec = records + <usize>(base + i) * BATCH_RECORD_BYTES;
      const e = eA + (<usize>i << 5), r = rA + (<usize>i << 5), s = sA + (<usize>i << 5);
      let ok = gOk && parseSignature(r, s, load<u32>(rec, 16));
      if (ok) {
        hashToScalar(e, load<u32>(rec, 8), load<u32>(rec, 12));
        scalarToMont(s, s);
        if (last < 0) memory.copy(preA + (<usize>i << 5), s, 32);
        else nmul(preA + (<usize>i << 5), preA + (<usize>last << 5), s);
        last = i;
      }
      store<u8>(okA + <usize>i, ok ? 1 : 0);
    }
    // step 4 for the whole chunk: one inversion, then walk back
    if (last >= 0) {
      // (Π sᵢ·R)⁻¹ as a plain integer is (Π sᵢ)⁻¹·R⁻¹; two conversions make it (Π sᵢ)⁻¹·R
      scalarInvVar(inv, preA + (<usize>last << 5));
      scalarToMont(inv, inv);
      scalarToMont(inv, inv);
      for (let i = last; i >= 0; i--) {
        if (load<u8>(okA + <usize>i) == 0) continue;
        const s = sA + (<usize>i << 5);
        let prev = i - 1;
        while (prev >= 0 && load<u8>(okA + <usize>prev) == 0) prev--;
        if (prev >= 0) {
          nmul(tmp, inv, preA + (<usize>prev << 5));      // s_i⁻¹ = inv·(s_0…s_{i−1})
          nmul(inv, inv, s);                              // inv = (s_0…s_{i−1})⁻¹
          memory.copy(s, tmp, 32);
        } else {
          memory.copy(s, inv, 32);
        }
      }
    }
    // pass 2: steps 5–8
    for (let i = 0; i < m; i++) {
      const rec = records + <usize>(base + i) * BATCH_RECORD_BYTES;
      let ok = load<u8>(okA + <usize>i) != 0;
      if (ok) {
        const slot = load<i32>(rec, 20);
        const table = slot >= 0 ? slotTablePtr(slot) : 0;
        if (table != 0) {
          ok = verifyWithInverse(eA + (<usize>i << 5), rA + (<usize>i << 5), sA + (<usize>i << 5), 0, table);
        } else {
          ok = decodePublicKey(q, load<u32>(rec, 0), load<u32>(rec, 4))
            && verifyWithInverse(eA + (<usize>i << 5), rA + (<usize>i << 5), sA + (<usize>i << 5), q, 0);
        }
      }
      store<u32>(rec + 24, ok ? 1 : 0);
    }
  }
}
