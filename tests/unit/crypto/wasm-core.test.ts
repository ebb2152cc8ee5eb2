import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { instantiateCore, EXPECTED_CORE_ABI_VERSION } from '../../../src/crypto/wasm-core';

const wasmBytes = () => readFile(new URL('../../../wasm/build/satchel-core.wasm', import.meta.url));

describe('crypto core (Node)', () => {
  it('reports the ABI version the wrapper expects', async () => {
    const core = await instantiateCore(await wasmBytes());
    expect(core.abiVersion).toBe(EXPECTED_CORE_ABI_VERSION);
  });

  it('computes Adler-32 known answers (RFC 1950) inside WebAssembly', async () => {
    const core = await instantiateCore(await wasmBytes());
    expect(core.adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    expect(core.adler32(new Uint8Array(0))).toBe(1);
    // Larger than one 64 KiB page: the wrapper must grow memory rather than write out of bounds.
    expect(core.adler32(new Uint8Array(200_000))).toBe(((200_000 % 65521) << 16 | 1) >>> 0);
  });

  it('names the parameter on a wrong type', async () => {
    const core = await instantiateCore(await wasmBytes());
    expect(() => core.adler32('abc' as unknown as Uint8Array)).toThrow(/data must be a Uint8Array/);
  });
});
