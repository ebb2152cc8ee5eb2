import { afterEach, describe, expect, it } from 'vitest';
import { cryptoWorker, stopCryptoWorker } from '../../../src/crypto/client';

describe('crypto worker in Chromium', () => {
  afterEach(() => stopCryptoWorker());

  it('loads the WebAssembly core in a worker and answers through comlink', async () => {
    const status = await cryptoWorker().status();
    expect(status).toEqual({ engine: 'wasm', abiVersion: 1, selfTest: true });
  });

  it('restarts after being stopped', async () => {
    expect(await cryptoWorker().adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    stopCryptoWorker();
    expect(await cryptoWorker().adler32(new Uint8Array([1, 2, 3]))).toBe(0x000d0007);
  });
});
