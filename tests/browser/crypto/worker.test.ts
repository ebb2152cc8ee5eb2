import { afterEach, describe, expect, it, vi } from 'vitest';
import { cryptoWorker, isCryptoWorkerRunning, stopCryptoWorker, workerSignatureVerifier } from '../../../src/crypto/client';
import rfc7515 from '../../vectors/rfc/rfc7515_a3_es256.json';
import rfc6979 from '../../vectors/rfc/rfc6979_a26_p384.json';
import rfc8032 from '../../vectors/rfc/rfc8032_ed25519.json';
import type { VerifyItem } from '../../../src/lib/signature-verifier';

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

describe('ES384 in the crypto worker (WebCrypto beside the WASM core, noble in the fallback)', () => {
  afterEach(() => stopCryptoWorker());
  const p384Key = hex(`04${rfc6979.public_key_ux_hex}${rfc6979.public_key_uy_hex}`);
  const p384Compressed = Uint8Array.from([0x02 | (p384Key[96]! & 1), ...p384Key.subarray(1, 49)]);
  const [sample, test] = rfc6979.signatures as [typeof rfc6979.signatures[0], typeof rfc6979.signatures[0]];
  const ascii = (s: string) => new TextEncoder().encode(s);
  const es384 = (publicKey: Uint8Array, message: string, v: typeof sample): VerifyItem =>
    ({ alg: 'ES384', publicKey, message: ascii(message), signature: hex(v.r_hex + v.s_hex) });
  const ed = rfc8032.cases[1]!; // TEST 2: a one-byte message
  const eddsa: VerifyItem = { alg: 'EdDSA', publicKey: hex(ed.public_key), message: hex(ed.message), signature: hex(ed.signature) };
  const es256: VerifyItem = { alg: 'ES256', publicKey: key, message: input, signature: sig };
  const offCurve = p384Key.slice();
  offCurve[96]! ^= 1;
  // RFC 6979 A.2.6 (valid, compressed too), swapped messages, bad lengths, a point off the curve, all mixed with ES256 and EdDSA
  const items: VerifyItem[] = [
    es384(p384Key, 'sample', sample), es256, es384(p384Key, 'sample', test), eddsa,
    es384(p384Compressed, 'test', test), { ...es256, signature: sig.slice(0, 63) }, es384(offCurve, 'sample', sample),
    { ...es384(p384Key, 'sample', sample), signature: hex(sample.r_hex + sample.s_hex).subarray(0, 95) },
    { ...eddsa, message: Uint8Array.of(1) }, es384(p384Key, 'test', test),
  ];
  const expected = [true, true, false, true, true, false, false, false, false, true];

  it('loads the noble script only when it is needed: not for the WASM core, ES384 on WebCrypto or EdDSA; for a compressed P-384 key; at once for the noble engine', async () => {
    const uncompressed = items.filter((item) => item.publicKey.length !== 49);
    expect(await cryptoWorker().status()).toMatchObject({ engine: 'wasm', nobleLoaded: false });
    expect(await workerSignatureVerifier().verifyBatch(uncompressed)).toEqual(expected.filter((_, i) => items[i]!.publicKey.length !== 49));
    expect(await cryptoWorker().status()).toMatchObject({ nobleLoaded: false });
    expect(await workerSignatureVerifier().verifyBatch([es384(p384Compressed, 'test', test)])).toEqual([true]);
    expect(await cryptoWorker().status()).toMatchObject({ engine: 'wasm', nobleLoaded: true });
    stopCryptoWorker();
    expect(await cryptoWorker({ engine: 'noble' }).status()).toMatchObject({ engine: 'noble', selfTest: true, nobleLoaded: true });
  });

  for (const engine of ['auto', 'noble'] as const) {
    it(`${engine === 'auto' ? 'WASM' : 'noble'} engine: a packed batch mixing ES256, EdDSA and ES384 answers in order`, async () => {
      const w = cryptoWorker({ engine });
      expect(await w.status()).toMatchObject(engine === 'auto'
        ? { engine: 'wasm', es384Engine: 'webcrypto' }
        : { engine: 'noble', es384Engine: 'noble' });
      expect(await workerSignatureVerifier().verifyBatch(items)).toEqual(expected);
      expect(await w.verifyBatch(items)).toEqual(expected);
    });
  }
});

describe('crypto worker lifetime and aborts', () => {
  afterEach(() => stopCryptoWorker());
  const bad = sig.slice();
  bad[0]! ^= 1;
  const batch = (n: number) => Array.from({ length: n }, (_, i) => ({ alg: 'ES256' as const, publicKey: key, message: input, signature: i % 7 === 3 ? bad : sig }));
  const expected = (n: number) => Array.from({ length: n }, (_, i) => i % 7 !== 3);

  it('starts on the first call, stops after idling, and starts again on the next call with the same options', async () => {
    const w = cryptoWorker({ engine: 'noble', idleMs: 20 });
    expect(isCryptoWorkerRunning()).toBe(false);
    expect(await w.verifyP256(key, input, sig)).toBe(true);
    expect(isCryptoWorkerRunning()).toBe(true);
    await vi.waitFor(() => expect(isCryptoWorkerRunning()).toBe(false));
    expect(await w.status()).toMatchObject({ engine: 'noble', selfTest: true });
    expect(isCryptoWorkerRunning()).toBe(true);
    await vi.waitFor(() => expect(isCryptoWorkerRunning()).toBe(false));
    expect(await workerSignatureVerifier().verifyBatch(batch(3))).toEqual(expected(3));
  });

  it('is not stopped idle while a call is in flight', async () => {
    const w = cryptoWorker({ idleMs: 1 });
    const long = workerSignatureVerifier().verifyBatch(batch(300));
    const short = w.sha256(new TextEncoder().encode('abc'));
    expect(Array.from((await short).slice(0, 2))).toEqual([0xba, 0x78]);
    expect(isCryptoWorkerRunning()).toBe(true);
    expect(await long).toEqual(expected(300));
  });

  it('rejects an aborted call with an AbortError and leaves the other calls in flight alone', async () => {
    const controller = new AbortController();
    const other = cryptoWorker().verifyP256(key, input, sig);
    const otherBatch = workerSignatureVerifier().verifyBatch(batch(50));
    const aborted = cryptoWorker({ signal: controller.signal }).verifyP256(key, input, sig);
    const abortedBatch = workerSignatureVerifier({ signal: controller.signal }).verifyBatch(batch(50));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(abortedBatch).rejects.toMatchObject({ name: 'AbortError' });
    expect(await other).toBe(true);
    expect(await otherBatch).toEqual(expected(50));
    // the worker carries on for everyone else
    expect(await cryptoWorker().verifyP256Der(key, input, hex(rfc7515.derived_by_collector.signature_der_hex))).toBe(true);
  });

  it('rejects at once, starting nothing, when the signal has already aborted; a later abort changes no answer', async () => {
    const gone = new AbortController();
    gone.abort();
    await expect(cryptoWorker({ signal: gone.signal }).status()).rejects.toMatchObject({ name: 'AbortError' });
    expect(isCryptoWorkerRunning()).toBe(false);
    const later = new AbortController();
    const answer = await cryptoWorker({ signal: later.signal }).verifyP256(key, input, sig);
    later.abort();
    expect(answer).toBe(true);
    expect(await cryptoWorker({ signal: later.signal }).status().catch((e: unknown) => e)).toMatchObject({ name: 'AbortError' });
  });

  it('rejects the calls in flight when stopped, instead of leaving them waiting', async () => {
    const pending = cryptoWorker().status();
    stopCryptoWorker();
    await expect(pending).rejects.toThrow('the crypto worker was stopped');
    expect(isCryptoWorkerRunning()).toBe(false);
    expect(await cryptoWorker().verifyP256(key, input, sig)).toBe(true);
  });
});

