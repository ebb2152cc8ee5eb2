/**
 * Ed25519 batch entry (exports.ts ABI). Interim: verifies each item singly; the randomised
 * multi-scalar batch equation replaces this.
 */
import { keyVerify } from './keys';
import { verifyUnknownKey } from './verify';

export function verifyBatch(itemsPtr: usize, count: i32, randomPtr: usize, resultsPtr: usize): i32 {
  let valid = 0;
  for (let i = 0; i < count; i++) {
    const it = itemsPtr + <usize>(i * 20);
    const h = load<i32>(it);
    const r = h >= 0
      ? keyVerify(h, <usize>load<u32>(it, 8), load<i32>(it, 12), <usize>load<u32>(it, 16))
      : verifyUnknownKey(<usize>load<u32>(it, 4), <usize>load<u32>(it, 8), load<i32>(it, 12), <usize>load<u32>(it, 16));
    store<u8>(resultsPtr + <usize>i, <u8>r);
    valid += r;
  }
  return valid;
}
