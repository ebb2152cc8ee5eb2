/**
 * Satchel crypto core — the WebAssembly module's exports.
 *
 * This first module only proves the pipeline (AssemblyScript → .wasm → worker → comlink → UI).
 * The real verifiers (SHA-2, ECDSA P-256, Ed25519) arrive with the crypto-core issue.
 */

/** Bumped whenever the exported ABI changes, so the worker can refuse a stale module. */
export const CORE_ABI_VERSION: i32 = 1;

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

/** First byte of linear memory the JavaScript side may use as a scratch input buffer. */
export function scratchPointer(): usize {
  return __heap_base;
}
