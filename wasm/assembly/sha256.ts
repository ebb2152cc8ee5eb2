/**
 * SHA-256, FIPS 180-4 §6.2 (one-shot). Big-endian message words, 64-byte blocks; padding per
 * §5.1.1 (a 1 bit, zeros, the 64-bit bit length). Scratch lives in static buffers, so calls
 * are not re-entrant (the module is single-threaded).
 */

/** §4.2.2: the 64 round constants K₀…K₆₃. */
const K = memory.data<u32>([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** §5.3.3: initial hash value H⁽⁰⁾. */
const H0 = memory.data<u32>([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const H = memory.data(32, 16);
const W = memory.data(256, 16);
const tail = memory.data(128, 16);

/** §6.2.2: process one 64-byte block at `block` into H. */
function compress(block: usize): void {
  // step 1: message schedule W₀…W₆₃
  for (let t: usize = 0; t < 16; t++) store<u32>(W + (t << 2), bswap<u32>(load<u32>(block + (t << 2))));
  for (let t: usize = 16; t < 64; t++) {
    const w15 = load<u32>(W + ((t - 15) << 2));
    const w2 = load<u32>(W + ((t - 2) << 2));
    const s0 = rotr<u32>(w15, 7) ^ rotr<u32>(w15, 18) ^ (w15 >>> 3);   // σ₀ (4.6)
    const s1 = rotr<u32>(w2, 17) ^ rotr<u32>(w2, 19) ^ (w2 >>> 10);    // σ₁ (4.7)
    store<u32>(W + (t << 2), s1 + load<u32>(W + ((t - 7) << 2)) + s0 + load<u32>(W + ((t - 16) << 2)));
  }
  // step 2: working variables
  let a = load<u32>(H, 0), b = load<u32>(H, 4), c = load<u32>(H, 8), d = load<u32>(H, 12);
  let e = load<u32>(H, 16), f = load<u32>(H, 20), g = load<u32>(H, 24), h = load<u32>(H, 28);
  // step 3: 64 rounds
  for (let t: usize = 0; t < 64; t++) {
    const S1 = rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25);  // Σ₁ (4.5)
    const ch = (e & f) ^ (~e & g);                                     // Ch (4.2)
    const T1 = h + S1 + ch + load<u32>(K + (t << 2)) + load<u32>(W + (t << 2));
    const S0 = rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22);  // Σ₀ (4.4)
    const maj = (a & b) ^ (a & c) ^ (b & c);                           // Maj (4.3)
    const T2 = S0 + maj;
    h = g; g = f; f = e; e = d + T1; d = c; c = b; b = a; a = T1 + T2;
  }
  // step 4: intermediate hash value H⁽ⁱ⁾
  store<u32>(H, load<u32>(H, 0) + a, 0); store<u32>(H, load<u32>(H, 4) + b, 4);
  store<u32>(H, load<u32>(H, 8) + c, 8); store<u32>(H, load<u32>(H, 12) + d, 12);
  store<u32>(H, load<u32>(H, 16) + e, 16); store<u32>(H, load<u32>(H, 20) + f, 20);
  store<u32>(H, load<u32>(H, 24) + g, 24); store<u32>(H, load<u32>(H, 28) + h, 28);
}

/** SHA-256 of `length` bytes at `ptr`; writes the 32-byte digest at `out`. */
export function sha256(ptr: usize, length: usize, out: usize): void {
  memory.copy(H, H0, 32);
  let off: usize = 0;
  while (length - off >= 64) { compress(ptr + off); off += 64; }
  // §5.1.1 padding: remaining bytes, 0x80, zeros, 64-bit big-endian bit length
  const rest = length - off;
  memory.fill(tail, 0, 128);
  memory.copy(tail, ptr + off, rest);
  store<u8>(tail + rest, 0x80);
  const blocks: usize = rest + 9 <= 64 ? 1 : 2;
  store<u64>(tail + (blocks << 6) - 8, bswap<u64>(<u64>length << 3));
  compress(tail);
  if (blocks == 2) compress(tail + 64);
  for (let i: usize = 0; i < 8; i++) store<u32>(out + (i << 2), bswap<u32>(load<u32>(H + (i << 2))));
}
