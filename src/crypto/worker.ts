/**
 * The crypto worker: the one place the WebAssembly core runs in the app, off the main thread.
 * One API object, typed and exposed through comlink (DESIGN.md convention 1).
 */
import { expose } from 'comlink';
import { loadCore } from './load-core';
import type { CryptoCore } from './wasm-core';

let core: Promise<CryptoCore> | undefined;
const getCore = (): Promise<CryptoCore> => (core ??= loadCore());

const api = {
  /** Which engine answers, and a known-answer check through WebAssembly memory. */
  async status(): Promise<{ engine: 'wasm'; abiVersion: number; selfTest: boolean }> {
    const c = await getCore();
    // RFC 1950 test value: Adler-32("Wikipedia") = 0x11E60398.
    const selfTest = c.adler32(new TextEncoder().encode('Wikipedia')) === 0x11e60398;
    return { engine: 'wasm', abiVersion: c.abiVersion, selfTest };
  },
  async adler32(data: Uint8Array): Promise<number> {
    return (await getCore()).adler32(data);
  },
};

export type CryptoApi = typeof api;
expose(api);
