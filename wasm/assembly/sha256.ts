/**
 * SHA-256, FIPS 180-4 §6.2 (one-shot). Big-endian message words, 64-byte blocks; padding per
 * §5.1.1 (a 1 bit, zeros, the 64-bit bit length). Scratch lives in static buffers, so calls
 * are not re-entrant (the module is single-threaded). The compression function (§6.2.2) is
 * generated, unrolled, in sha256-compress.ts.
 */
import { compressBlock } from './sha256-compress';


/** §5.3.3: initial hash value H⁽⁰⁾. */
const H0 = memory.data<u32>([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const H = memory.data(32, 16);
const tail = memory.data(128, 16);

/** SHA-256 of `length` bytes at `ptr`; writes the 32-byte digest at `out`. */
export function sha256(ptr: usize, length: usize, out: usize): void {
  memory.copy(H, H0, 32);
  let off: usize = 0;
  while (length - off >= 64) { compressBlock(H, ptr + off); off += 64; }
  // §5.1.1 padding: remaining bytes, 0x80, zeros, 64-bit big-endian bit length
  const rest = length - off;
  memory.fill(tail, 0, 128);
  memory.copy(tail, ptr + off, rest);
  store<u8>(tail + rest, 0x80);
  const blocks: usize = rest + 9 <= 64 ? 1 : 2;
  store<u64>(tail + (blocks << 6) - 8, bswap<u64>(<u64>length << 3));
  compressBlock(H, tail);
  if (blocks == 2) compressBlock(H, tail + 64);
  for (let i: usize = 0; i < 8; i++) store<u32>(out + (i << 2), bswap<u32>(load<u32>(H + (i << 2))));
}
