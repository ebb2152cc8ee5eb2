/**
 * Instantiates the AssemblyScript crypto core (wasm/assembly) and wraps its raw exports in a
 * typed, bounds-checked API. Runtime-agnostic: no DOM, runs in workers, pages and Node.
 * Nothing outside src/crypto/ may load the module (see .dependency-cruiser.cjs).
 */

/** The ABI this wrapper was written for; must equal the module's CORE_ABI_VERSION export. */
export const EXPECTED_CORE_ABI_VERSION = 1;

interface CoreExports {
  memory: WebAssembly.Memory;
  abiVersion(): number;
  adler32(ptr: number, length: number): number;
  scratchPointer(): number;
}

export interface CryptoCore {
  readonly abiVersion: number;
  /** Adler-32 (RFC 1950) computed inside WebAssembly — proves bytes cross the boundary. */
  adler32(data: Uint8Array): number;
}

export async function instantiateCore(wasm: BufferSource | WebAssembly.Module): Promise<CryptoCore> {
  const instance = wasm instanceof WebAssembly.Module
    ? await WebAssembly.instantiate(wasm, {})
    : (await WebAssembly.instantiate(wasm, {})).instance;
  const raw = instance.exports as unknown as CoreExports;
  const abiVersion = raw.abiVersion();
  if (abiVersion !== EXPECTED_CORE_ABI_VERSION) {
    throw new Error(`crypto core ABI ${abiVersion} does not match the expected ${EXPECTED_CORE_ABI_VERSION}`);
  }
  return {
    abiVersion,
    adler32(data) {
      if (!(data instanceof Uint8Array)) throw new TypeError('adler32: data must be a Uint8Array');
      const ptr = raw.scratchPointer();
      ensureCapacity(raw.memory, ptr + data.byteLength);
      new Uint8Array(raw.memory.buffer, ptr, data.byteLength).set(data);
      return raw.adler32(ptr, data.byteLength) >>> 0;
    },
  };
}

const WASM_PAGE_BYTES = 65_536;

function ensureCapacity(memory: WebAssembly.Memory, endByte: number): void {
  const missing = endByte - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
}
