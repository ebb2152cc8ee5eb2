import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { selectEngine } from '../../../src/crypto/engine';
import type { Verifier } from '../../../src/crypto/checked-verifier';
import { createNobleVerifier } from '../../../src/crypto/noble-verifier';
import { instantiateVerifier } from '../../../src/crypto/wasm-verifier';

/** The noble verifier, as the worker loads it (load-noble.ts), counting the loads. */
function nobleLoader() {
  const load = Object.assign(async () => { load.calls++; return createNobleVerifier(); }, { calls: 0 });
  return load;
}

const wasmBytes = () => readFile(new URL('../../../wasm/build/satchel-core.wasm', import.meta.url));

describe('engine selection', () => {
  it('uses the WASM core when it loads and passes the self-test', async () => {
    const noble = nobleLoader();
    const e = await selectEngine(async () => instantiateVerifier(await wasmBytes()), noble);
    expect(e).toMatchObject({ engine: 'wasm', selfTest: true });
    expect(e.fallbackReason).toBeUndefined();
    expect(noble.calls).toBe(0); // the noble script is not loaded while the WASM core works
  });

  it('falls back to noble when compilation is refused (CSP without wasm-unsafe-eval)', async () => {
    const refused = () => Promise.reject(new WebAssembly.CompileError("WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source"));
    const noble = nobleLoader();
    const e = await selectEngine(refused, noble);
    expect(e).toMatchObject({ engine: 'noble', selfTest: true });
    expect(noble.calls).toBe(1);
    expect(e.fallbackReason).toMatch(/wasm-unsafe-eval/);
  });

  it('falls back to noble when the WASM engine gives a wrong known answer', async () => {
    const real = await instantiateVerifier(await wasmBytes());
    const lying: Verifier = { ...real, verifyP256: () => true };
    const e = await selectEngine(async () => lying, nobleLoader());
    expect(e.engine).toBe('noble');
    expect(e.fallbackReason).toMatch(/self-test/);
  });

  it('falls back to noble when WebAssembly does not exist', async () => {
    const saved = globalThis.WebAssembly;
    // @ts-expect-error simulate a browser without WebAssembly
    delete globalThis.WebAssembly;
    try {
      const e = await selectEngine(() => Promise.reject(new Error('must not be called')), nobleLoader());
      expect(e).toMatchObject({ engine: 'noble', selfTest: true, fallbackReason: 'WebAssembly is not available' });
    } finally {
      globalThis.WebAssembly = saved;
    }
  });
});
