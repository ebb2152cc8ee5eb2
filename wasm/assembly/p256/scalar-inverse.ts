/**
 * Variable-time inverse modulo the P-256 group order n (SEC 2 §2.4.2) by the binary extended
 * Euclidean algorithm (Knuth, TAOCP vol. 2, §4.5.2, Algorithm X in binary form; Menezes et al.,
 * Handbook of Applied Cryptography, Algorithm 14.61 with the odd modulus n). Inputs are public
 * (ECDSA verification), so variable time is allowed (docs/architecture.md, convention 9); for one signature this is
 * several times faster than Fermat's a^(n−2). Four 64-bit limbs in locals.
 *
 * Invariants: x·a ≡ u and y·a ≡ v (mod n); gcd(u, v) = 1; x, y ∈ [0, n).
 */

const N0: u64 = 0xf3b9cac2fc632551;
const N1: u64 = 0xbce6faada7179e84;
const N2: u64 = 0xffffffffffffffff;
const N3: u64 = 0xffffffff00000000;

// x ← (x + n)/2 or x/2 keeps x·a ≡ u when u is halved (n odd, so x + n is even when x is odd)
let h0: u64 = 0, h1: u64 = 0, h2: u64 = 0, h3: u64 = 0;
// @ts-ignore: decorator
@inline function halveModN(x0: u64, x1: u64, x2: u64, x3: u64): void {
  let top: u64 = 0;
  if (x0 & 1) {
    let s = x0 + N0; let c: u64 = s < N0 ? 1 : 0; x0 = s;
    s = x1 + N1; let d: u64 = s < N1 ? 1 : 0; s += c; d |= s < c ? 1 : 0; x1 = s; c = d;
    s = x2 + N2; d = s < N2 ? 1 : 0; s += c; d |= s < c ? 1 : 0; x2 = s; c = d;
    s = x3 + N3; d = s < N3 ? 1 : 0; s += c; d |= s < c ? 1 : 0; x3 = s; top = d;
  }
  h0 = (x0 >> 1) | (x1 << 63);
  h1 = (x1 >> 1) | (x2 << 63);
  h2 = (x2 >> 1) | (x3 << 63);
  h3 = (x3 >> 1) | (top << 63);
}

// x − y mod n
let d0: u64 = 0, d1: u64 = 0, d2: u64 = 0, d3: u64 = 0;
// @ts-ignore: decorator
@inline function subModN(x0: u64, x1: u64, x2: u64, x3: u64, y0: u64, y1: u64, y2: u64, y3: u64): void {
  let b: u64 = x0 < y0 ? 1 : 0; const r0 = x0 - y0;
  let t = x1 - y1; let b2: u64 = x1 < y1 ? 1 : 0; b2 |= t < b ? 1 : 0; const r1 = t - b; b = b2;
  t = x2 - y2; b2 = x2 < y2 ? 1 : 0; b2 |= t < b ? 1 : 0; const r2 = t - b; b = b2;
  t = x3 - y3; b2 = x3 < y3 ? 1 : 0; b2 |= t < b ? 1 : 0; const r3 = t - b; b = b2;
  if (b) {
    // wrapped below zero: add n back (the carry out cancels the borrow)
    let s = r0 + N0; let c: u64 = s < N0 ? 1 : 0; d0 = s;
    s = r1 + N1; let e: u64 = s < N1 ? 1 : 0; s += c; e |= s < c ? 1 : 0; d1 = s; c = e;
    s = r2 + N2; e = s < N2 ? 1 : 0; s += c; e |= s < c ? 1 : 0; d2 = s; c = e;
    d3 = r3 + N3 + c;
  } else {
    d0 = r0; d1 = r1; d2 = r2; d3 = r3;
  }
}

/** r = a⁻¹ mod n for 1 ≤ a ≤ n − 1 (plain integers, 8 × 32-bit little-endian limbs). */
export function scalarInvVar(r: usize, a: usize): void {
  let u0 = load<u64>(a, 0), u1 = load<u64>(a, 8), u2 = load<u64>(a, 16), u3 = load<u64>(a, 24);
  let v0 = N0, v1 = N1, v2 = N2, v3 = N3;
  let x0: u64 = 1, x1: u64 = 0, x2: u64 = 0, x3: u64 = 0;
  let y0: u64 = 0, y1: u64 = 0, y2: u64 = 0, y3: u64 = 0;
  while (true) {
    while ((u0 & 1) == 0) {                              // u even: u ← u/2, x ← x/2 mod n
      u0 = (u0 >> 1) | (u1 << 63); u1 = (u1 >> 1) | (u2 << 63); u2 = (u2 >> 1) | (u3 << 63); u3 >>= 1;
      halveModN(x0, x1, x2, x3); x0 = h0; x1 = h1; x2 = h2; x3 = h3;
    }
    while ((v0 & 1) == 0) {                              // v even: v ← v/2, y ← y/2 mod n
      v0 = (v0 >> 1) | (v1 << 63); v1 = (v1 >> 1) | (v2 << 63); v2 = (v2 >> 1) | (v3 << 63); v3 >>= 1;
      halveModN(y0, y1, y2, y3); y0 = h0; y1 = h1; y2 = h2; y3 = h3;
    }
    if (u0 == 1 && (u1 | u2 | u3) == 0) break;           // u = 1: x = a⁻¹
    if (v0 == 1 && (v1 | v2 | v3) == 0) { x0 = y0; x1 = y1; x2 = y2; x3 = y3; break; }
    // both odd, coprime and > 1, so u ≠ v: subtract the smaller from the larger
    const uGeV = u3 != v3 ? u3 > v3 : u2 != v2 ? u2 > v2 : u1 != v1 ? u1 > v1 : u0 >= v0;
    if (uGeV) {
      let b: u64 = u0 < v0 ? 1 : 0; u0 -= v0;
      let t = u1 - v1; let b2: u64 = u1 < v1 ? 1 : 0; b2 |= t < b ? 1 : 0; u1 = t - b; b = b2;
      t = u2 - v2; b2 = u2 < v2 ? 1 : 0; b2 |= t < b ? 1 : 0; u2 = t - b; b = b2;
      u3 = u3 - v3 - b;
      subModN(x0, x1, x2, x3, y0, y1, y2, y3); x0 = d0; x1 = d1; x2 = d2; x3 = d3;
    } else {
      let b: u64 = v0 < u0 ? 1 : 0; v0 -= u0;
      let t = v1 - u1; let b2: u64 = v1 < u1 ? 1 : 0; b2 |= t < b ? 1 : 0; v1 = t - b; b = b2;
      t = v2 - u2; b2 = v2 < u2 ? 1 : 0; b2 |= t < b ? 1 : 0; v2 = t - b; b = b2;
      v3 = v3 - u3 - b;
      subModN(y0, y1, y2, y3, x0, x1, x2, x3); y0 = d0; y1 = d1; y2 = d2; y3 = d3;
    }
  }
  store<u64>(r, x0, 0); store<u64>(r, x1, 8); store<u64>(r, x2, 16); store<u64>(r, x3, 24);
}
