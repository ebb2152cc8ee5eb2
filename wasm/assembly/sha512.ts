/**
 * SHA-512 — FIPS 180-4 (Secure Hash Standard), sections 4.1.3, 4.2.3, 5.1.2, 5.3.5 and 6.4.
 *
 * Incremental interface over linear memory (init / update / final) plus a one-shot helper.
 * One hashing context lives in static memory: the module is single-threaded and nothing here
 * re-enters, so Ed25519 (RFC 8032 5.1.7 step 2) and the exported one-shot `sha512` share it.
 * No heap allocation: every buffer is a static `memory.data` block.
 */

/** Bytes in one SHA-512 message block (FIPS 180-4 5.1.2: 1024 bits). */
export const SHA512_BLOCK_BYTES: i32 = 128;
/** Bytes in a SHA-512 digest. */
export const SHA512_DIGEST_BYTES: i32 = 64;

// FIPS 180-4 5.3.5: initial hash value H(0).
const IV: usize = memory.data<u64>([
  0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
]);

const H: usize = memory.data(64); // running hash value H(i)
const BUF: usize = memory.data(SHA512_BLOCK_BYTES); // partial block
let bufLen: i32 = 0;
let totalLen: u64 = 0; // message length in bytes (messages < 2^61 bytes)

/**
 * FIPS 180-4 6.4.2: process one 1024-bit block at `p` into H. Fully unrolled (generated): the
 * message schedule W_t lives in sixteen locals (W_t overwrites W_(t−16)), the working variables
 * a..h rotate names instead of moving, and K_t (4.2.3) are immediates. Σ0, Σ1, σ0, σ1, Ch and
 * Maj are the 4.1.3 functions: Σ0 = ROTR28^ROTR34^ROTR39, Σ1 = ROTR14^ROTR18^ROTR41,
 * σ0 = ROTR1^ROTR8^SHR7, σ1 = ROTR19^ROTR61^SHR6, Ch(e,f,g) = g^(e&(f^g)),
 * Maj(a,b,c) = (a&b)|(c&(a|b)).
 */
function compress(p: usize): void {
  // 6.4.2 step 1 (first 16 words) and step 2.
  let w0 = bswap<u64>(load<u64>(p, 0));
  let w1 = bswap<u64>(load<u64>(p, 8));
  let w2 = bswap<u64>(load<u64>(p, 16));
  let w3 = bswap<u64>(load<u64>(p, 24));
  let w4 = bswap<u64>(load<u64>(p, 32));
  let w5 = bswap<u64>(load<u64>(p, 40));
  let w6 = bswap<u64>(load<u64>(p, 48));
  let w7 = bswap<u64>(load<u64>(p, 56));
  let w8 = bswap<u64>(load<u64>(p, 64));
  let w9 = bswap<u64>(load<u64>(p, 72));
  let w10 = bswap<u64>(load<u64>(p, 80));
  let w11 = bswap<u64>(load<u64>(p, 88));
  let w12 = bswap<u64>(load<u64>(p, 96));
  let w13 = bswap<u64>(load<u64>(p, 104));
  let w14 = bswap<u64>(load<u64>(p, 112));
  let w15 = bswap<u64>(load<u64>(p, 120));
  let a = load<u64>(H, 0);
  let b = load<u64>(H, 8);
  let c = load<u64>(H, 16);
  let d = load<u64>(H, 24);
  let e = load<u64>(H, 32);
  let f = load<u64>(H, 40);
  let g = load<u64>(H, 48);
  let h = load<u64>(H, 56);
  // 6.4.2 step 3: rounds t = 0..79; W_t for t ≥ 16 from step 1, in a 16-word window.
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0x428a2f98d728ae22 + w0;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0x7137449123ef65cd + w1;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0xb5c0fbcfec4d3b2f + w2;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0xe9b5dba58189dbbc + w3;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x3956c25bf348b538 + w4;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0x59f111f1b605d019 + w5;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x923f82a4af194f9b + w6;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0xab1c5ed5da6d8118 + w7;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0xd807aa98a3030242 + w8;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0x12835b0145706fbe + w9;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0x243185be4ee4b28c + w10;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0x550c7dc3d5ffb4e2 + w11;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x72be5d74f27b896f + w12;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0x80deb1fe3b1696b1 + w13;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x9bdc06a725c71235 + w14;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0xc19bf174cf692694 + w15;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w0 += (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6)) + w9 + (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0xe49b69c19ef14ad2 + w0;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w1 += (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6)) + w10 + (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0xefbe4786384f25e3 + w1;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w2 += (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6)) + w11 + (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0x0fc19dc68b8cd5b5 + w2;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w3 += (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6)) + w12 + (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0x240ca1cc77ac9c65 + w3;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w4 += (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6)) + w13 + (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x2de92c6f592b0275 + w4;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w5 += (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6)) + w14 + (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0x4a7484aa6ea6e483 + w5;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w6 += (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6)) + w15 + (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x5cb0a9dcbd41fbd4 + w6;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w7 += (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6)) + w0 + (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0x76f988da831153b5 + w7;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w8 += (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6)) + w1 + (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0x983e5152ee66dfab + w8;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w9 += (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6)) + w2 + (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0xa831c66d2db43210 + w9;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w10 += (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6)) + w3 + (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0xb00327c898fb213f + w10;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w11 += (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6)) + w4 + (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0xbf597fc7beef0ee4 + w11;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w12 += (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6)) + w5 + (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0xc6e00bf33da88fc2 + w12;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w13 += (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6)) + w6 + (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0xd5a79147930aa725 + w13;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w14 += (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6)) + w7 + (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x06ca6351e003826f + w14;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w15 += (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6)) + w8 + (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0x142929670a0e6e70 + w15;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w0 += (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6)) + w9 + (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0x27b70a8546d22ffc + w0;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w1 += (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6)) + w10 + (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0x2e1b21385c26c926 + w1;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w2 += (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6)) + w11 + (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0x4d2c6dfc5ac42aed + w2;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w3 += (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6)) + w12 + (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0x53380d139d95b3df + w3;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w4 += (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6)) + w13 + (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x650a73548baf63de + w4;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w5 += (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6)) + w14 + (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0x766a0abb3c77b2a8 + w5;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w6 += (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6)) + w15 + (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x81c2c92e47edaee6 + w6;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w7 += (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6)) + w0 + (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0x92722c851482353b + w7;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w8 += (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6)) + w1 + (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0xa2bfe8a14cf10364 + w8;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w9 += (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6)) + w2 + (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0xa81a664bbc423001 + w9;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w10 += (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6)) + w3 + (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0xc24b8b70d0f89791 + w10;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w11 += (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6)) + w4 + (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0xc76c51a30654be30 + w11;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w12 += (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6)) + w5 + (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0xd192e819d6ef5218 + w12;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w13 += (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6)) + w6 + (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0xd69906245565a910 + w13;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w14 += (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6)) + w7 + (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0xf40e35855771202a + w14;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w15 += (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6)) + w8 + (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0x106aa07032bbd1b8 + w15;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w0 += (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6)) + w9 + (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0x19a4c116b8d2d0c8 + w0;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w1 += (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6)) + w10 + (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0x1e376c085141ab53 + w1;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w2 += (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6)) + w11 + (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0x2748774cdf8eeb99 + w2;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w3 += (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6)) + w12 + (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0x34b0bcb5e19b48a8 + w3;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w4 += (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6)) + w13 + (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x391c0cb3c5c95a63 + w4;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w5 += (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6)) + w14 + (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0x4ed8aa4ae3418acb + w5;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w6 += (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6)) + w15 + (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x5b9cca4f7763e373 + w6;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w7 += (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6)) + w0 + (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0x682e6ff3d6b2b8a3 + w7;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w8 += (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6)) + w1 + (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0x748f82ee5defb2fc + w8;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w9 += (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6)) + w2 + (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0x78a5636f43172f60 + w9;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w10 += (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6)) + w3 + (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0x84c87814a1f0ab72 + w10;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w11 += (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6)) + w4 + (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0x8cc702081a6439ec + w11;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w12 += (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6)) + w5 + (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x90befffa23631e28 + w12;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w13 += (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6)) + w6 + (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0xa4506cebde82bde9 + w13;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w14 += (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6)) + w7 + (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0xbef9a3f7b2c67915 + w14;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w15 += (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6)) + w8 + (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0xc67178f2e372532b + w15;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w0 += (rotr<u64>(w14, 19) ^ rotr<u64>(w14, 61) ^ (w14 >> 6)) + w9 + (rotr<u64>(w1, 1) ^ rotr<u64>(w1, 8) ^ (w1 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0xca273eceea26619c + w0;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w1 += (rotr<u64>(w15, 19) ^ rotr<u64>(w15, 61) ^ (w15 >> 6)) + w10 + (rotr<u64>(w2, 1) ^ rotr<u64>(w2, 8) ^ (w2 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0xd186b8c721c0c207 + w1;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w2 += (rotr<u64>(w0, 19) ^ rotr<u64>(w0, 61) ^ (w0 >> 6)) + w11 + (rotr<u64>(w3, 1) ^ rotr<u64>(w3, 8) ^ (w3 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0xeada7dd6cde0eb1e + w2;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w3 += (rotr<u64>(w1, 19) ^ rotr<u64>(w1, 61) ^ (w1 >> 6)) + w12 + (rotr<u64>(w4, 1) ^ rotr<u64>(w4, 8) ^ (w4 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0xf57d4f7fee6ed178 + w3;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w4 += (rotr<u64>(w2, 19) ^ rotr<u64>(w2, 61) ^ (w2 >> 6)) + w13 + (rotr<u64>(w5, 1) ^ rotr<u64>(w5, 8) ^ (w5 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x06f067aa72176fba + w4;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w5 += (rotr<u64>(w3, 19) ^ rotr<u64>(w3, 61) ^ (w3 >> 6)) + w14 + (rotr<u64>(w6, 1) ^ rotr<u64>(w6, 8) ^ (w6 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0x0a637dc5a2c898a6 + w5;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w6 += (rotr<u64>(w4, 19) ^ rotr<u64>(w4, 61) ^ (w4 >> 6)) + w15 + (rotr<u64>(w7, 1) ^ rotr<u64>(w7, 8) ^ (w7 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x113f9804bef90dae + w6;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w7 += (rotr<u64>(w5, 19) ^ rotr<u64>(w5, 61) ^ (w5 >> 6)) + w0 + (rotr<u64>(w8, 1) ^ rotr<u64>(w8, 8) ^ (w8 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0x1b710b35131c471b + w7;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  w8 += (rotr<u64>(w6, 19) ^ rotr<u64>(w6, 61) ^ (w6 >> 6)) + w1 + (rotr<u64>(w9, 1) ^ rotr<u64>(w9, 8) ^ (w9 >> 7));
  h += (rotr<u64>(e, 14) ^ rotr<u64>(e, 18) ^ rotr<u64>(e, 41)) + (g ^ (e & (f ^ g))) + <u64>0x28db77f523047d84 + w8;
  d += h;
  h += (rotr<u64>(a, 28) ^ rotr<u64>(a, 34) ^ rotr<u64>(a, 39)) + ((a & b) | (c & (a | b)));
  w9 += (rotr<u64>(w7, 19) ^ rotr<u64>(w7, 61) ^ (w7 >> 6)) + w2 + (rotr<u64>(w10, 1) ^ rotr<u64>(w10, 8) ^ (w10 >> 7));
  g += (rotr<u64>(d, 14) ^ rotr<u64>(d, 18) ^ rotr<u64>(d, 41)) + (f ^ (d & (e ^ f))) + <u64>0x32caab7b40c72493 + w9;
  c += g;
  g += (rotr<u64>(h, 28) ^ rotr<u64>(h, 34) ^ rotr<u64>(h, 39)) + ((h & a) | (b & (h | a)));
  w10 += (rotr<u64>(w8, 19) ^ rotr<u64>(w8, 61) ^ (w8 >> 6)) + w3 + (rotr<u64>(w11, 1) ^ rotr<u64>(w11, 8) ^ (w11 >> 7));
  f += (rotr<u64>(c, 14) ^ rotr<u64>(c, 18) ^ rotr<u64>(c, 41)) + (e ^ (c & (d ^ e))) + <u64>0x3c9ebe0a15c9bebc + w10;
  b += f;
  f += (rotr<u64>(g, 28) ^ rotr<u64>(g, 34) ^ rotr<u64>(g, 39)) + ((g & h) | (a & (g | h)));
  w11 += (rotr<u64>(w9, 19) ^ rotr<u64>(w9, 61) ^ (w9 >> 6)) + w4 + (rotr<u64>(w12, 1) ^ rotr<u64>(w12, 8) ^ (w12 >> 7));
  e += (rotr<u64>(b, 14) ^ rotr<u64>(b, 18) ^ rotr<u64>(b, 41)) + (d ^ (b & (c ^ d))) + <u64>0x431d67c49c100d4c + w11;
  a += e;
  e += (rotr<u64>(f, 28) ^ rotr<u64>(f, 34) ^ rotr<u64>(f, 39)) + ((f & g) | (h & (f | g)));
  w12 += (rotr<u64>(w10, 19) ^ rotr<u64>(w10, 61) ^ (w10 >> 6)) + w5 + (rotr<u64>(w13, 1) ^ rotr<u64>(w13, 8) ^ (w13 >> 7));
  d += (rotr<u64>(a, 14) ^ rotr<u64>(a, 18) ^ rotr<u64>(a, 41)) + (c ^ (a & (b ^ c))) + <u64>0x4cc5d4becb3e42b6 + w12;
  h += d;
  d += (rotr<u64>(e, 28) ^ rotr<u64>(e, 34) ^ rotr<u64>(e, 39)) + ((e & f) | (g & (e | f)));
  w13 += (rotr<u64>(w11, 19) ^ rotr<u64>(w11, 61) ^ (w11 >> 6)) + w6 + (rotr<u64>(w14, 1) ^ rotr<u64>(w14, 8) ^ (w14 >> 7));
  c += (rotr<u64>(h, 14) ^ rotr<u64>(h, 18) ^ rotr<u64>(h, 41)) + (b ^ (h & (a ^ b))) + <u64>0x597f299cfc657e2a + w13;
  g += c;
  c += (rotr<u64>(d, 28) ^ rotr<u64>(d, 34) ^ rotr<u64>(d, 39)) + ((d & e) | (f & (d | e)));
  w14 += (rotr<u64>(w12, 19) ^ rotr<u64>(w12, 61) ^ (w12 >> 6)) + w7 + (rotr<u64>(w15, 1) ^ rotr<u64>(w15, 8) ^ (w15 >> 7));
  b += (rotr<u64>(g, 14) ^ rotr<u64>(g, 18) ^ rotr<u64>(g, 41)) + (a ^ (g & (h ^ a))) + <u64>0x5fcb6fab3ad6faec + w14;
  f += b;
  b += (rotr<u64>(c, 28) ^ rotr<u64>(c, 34) ^ rotr<u64>(c, 39)) + ((c & d) | (e & (c | d)));
  w15 += (rotr<u64>(w13, 19) ^ rotr<u64>(w13, 61) ^ (w13 >> 6)) + w8 + (rotr<u64>(w0, 1) ^ rotr<u64>(w0, 8) ^ (w0 >> 7));
  a += (rotr<u64>(f, 14) ^ rotr<u64>(f, 18) ^ rotr<u64>(f, 41)) + (h ^ (f & (g ^ h))) + <u64>0x6c44198c4a475817 + w15;
  e += a;
  a += (rotr<u64>(b, 28) ^ rotr<u64>(b, 34) ^ rotr<u64>(b, 39)) + ((b & c) | (d & (b | c)));
  // 6.4.2 step 4.
  store<u64>(H, load<u64>(H, 0) + a, 0);
  store<u64>(H, load<u64>(H, 8) + b, 8);
  store<u64>(H, load<u64>(H, 16) + c, 16);
  store<u64>(H, load<u64>(H, 24) + d, 24);
  store<u64>(H, load<u64>(H, 32) + e, 32);
  store<u64>(H, load<u64>(H, 40) + f, 40);
  store<u64>(H, load<u64>(H, 48) + g, 48);
  store<u64>(H, load<u64>(H, 56) + h, 56);
}

/** FIPS 180-4 5.3.5: set H(0) and forget any buffered input. */
export function sha512Init(): void {
  memory.copy(H, IV, 64);
  bufLen = 0;
  totalLen = 0;
}

/** Absorb `length` bytes at `ptr` (5.2.2 parsing into 1024-bit blocks). */
export function sha512Update(ptr: usize, length: i32): void {
  if (length <= 0) return;
  totalLen += <u64>length;
  let p = ptr;
  let left = length;
  if (bufLen > 0) {
    const take = min(SHA512_BLOCK_BYTES - bufLen, left);
    memory.copy(BUF + <usize>bufLen, p, <usize>take);
    bufLen += take;
    p += <usize>take;
    left -= take;
    if (bufLen < SHA512_BLOCK_BYTES) return;
    compress(BUF);
    bufLen = 0;
  }
  while (left >= SHA512_BLOCK_BYTES) {
    compress(p);
    p += <usize>SHA512_BLOCK_BYTES;
    left -= SHA512_BLOCK_BYTES;
  }
  if (left > 0) {
    memory.copy(BUF, p, <usize>left);
    bufLen = left;
  }
}

/** FIPS 180-4 5.1.2 padding, then write the 64-byte digest H(N) big-endian to `outPtr`. */
export function sha512Final(outPtr: usize): void {
  // 5.1.2: append bit 1, then zeros so that length ≡ 896 mod 1024, then the 128-bit length.
  store<u8>(BUF + <usize>bufLen, 0x80);
  bufLen++;
  if (bufLen > 112) {
    memory.fill(BUF + <usize>bufLen, 0, <usize>(SHA512_BLOCK_BYTES - bufLen));
    compress(BUF);
    bufLen = 0;
  }
  memory.fill(BUF + <usize>bufLen, 0, <usize>(112 - bufLen));
  store<u64>(BUF, bswap<u64>(totalLen >> 61), 112); // high 64 bits of the bit length
  store<u64>(BUF, bswap<u64>(totalLen << 3), 120); // low 64 bits of the bit length
  compress(BUF);
  for (let i: usize = 0; i < 8; i++) store<u64>(outPtr + (i << 3), bswap<u64>(load<u64>(H + (i << 3))));
  bufLen = 0;
}

/** One-shot SHA-512 of `length` bytes at `ptr`, digest to `outPtr` (64 bytes). */
export function sha512Digest(ptr: usize, length: i32, outPtr: usize): void {
  sha512Init();
  sha512Update(ptr, length);
  sha512Final(outPtr);
}
