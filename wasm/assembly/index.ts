/**
 * Satchel crypto core — the WebAssembly module's exports (AssemblyScript, `stub` runtime).
 *
 * - memory layout and the input area: common/heap.ts
 * - SHA-256 (FIPS 180-4) and ECDSA P-256 verification (SEC1 4.1.4): p256/exports.ts
 * - Ed25519 (RFC 8032 5.1.7) and SHA-512: ed25519/exports.ts
 */

/** Bumped whenever the exported ABI changes, so the worker can refuse a stale module. */
export const CORE_ABI_VERSION: i32 = 2;

export function abiVersion(): i32 {
  return CORE_ABI_VERSION;
}

/**
 * Adler-32 (RFC 1950 §8.2) over `length` bytes at `ptr` in linear memory: a small, known answer
 * that shows bytes really cross from JavaScript into the module and back.
 */
export function adler32(ptr: usize, length: i32): u32 {
  const MOD_ADLER: u32 = 65521;
  let a: u32 = 1;
  let b: u32 = 0;
  for (let i = 0; i < length; i++) {
    a = (a + <u32>load<u8>(ptr + <usize>i)) % MOD_ADLER;
    b = (b + a) % MOD_ADLER;
  }
  return (b << 16) | a;
}

export { alloc as heapAlloc, inputReserve, inputPointer, inputCapacity } from './common/heap';
export * from './p256/exports';
export * from './ed25519/exports';
