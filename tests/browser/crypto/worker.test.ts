import { afterEach, describe, expect, it } from 'vitest';
import { cryptoWorker, stopCryptoWorker, workerSignatureVerifier } from '../../../src/crypto/client';
import rfc7515 from '../../vectors/rfc/rfc7515_a3_es256.json';

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g)!, (b) => parseInt(b, 16));
const key = hex(rfc7515.derived_by_collector.public_key_uncompressed_hex);
const input = new TextEncoder().encode(rfc7515.signing_input);
const sig = hex(rfc7515.derived_by_collector.signature_r_s_hex);

describe('crypto worker in Chromium', () => {
  afterEach(() => stopCryptoWorker());

  it('loads the WebAssembly core in a worker and passes its self-test', async () => {
    const status = await cryptoWorker().status();
    expect(status).toMatchObject({ engine: 'wasm', selfTest: true });
    expect(status.fallbackReason).toBeUndefined();
  });

  it('verifies through comlink, batch included, and restarts after being stopped', async () => {
    expect(await cryptoWorker().verifyP256(key, input, sig)).toBe(true);
    stopCryptoWorker();
    const bad = sig.slice();
    bad[0]! ^= 1;
    const results = await workerSignatureVerifier().verifyBatch([
      { alg: 'ES256', publicKey: key, message: input, signature: sig },
      { alg: 'ES256', publicKey: key, message: input, signature: bad },
      { alg: 'ES256', publicKey: key, message: input, signature: sig },
    ]);
    expect(results).toEqual([true, false, true]);
  });

  it('transfers the SHA-256 digest back', async () => {
    const digest = await cryptoWorker().sha256(new TextEncoder().encode('abc'));
    expect(Array.from(digest.slice(0, 4))).toEqual([0xba, 0x78, 0x16, 0xbf]);
  });

  it('falls back to @noble/curves when asked (as when WebAssembly is refused) with the same answers', async () => {
    const w = cryptoWorker({ engine: 'noble' });
    expect(await w.status()).toMatchObject({ engine: 'noble', selfTest: true, fallbackReason: expect.stringContaining('noble') });
    expect(await w.verifyP256(key, input, sig)).toBe(true);
    expect(await w.verifyP256Der(key, input, hex(rfc7515.derived_by_collector.signature_der_hex))).toBe(true);
  });
});
