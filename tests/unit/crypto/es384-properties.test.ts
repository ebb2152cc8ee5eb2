/**
 * Property test (fast-check): for ES384, the worker's WASM-engine path (the core with ES384 routed
 * to WebCrypto, src/crypto/es384-routing.ts + webcrypto-p384.ts) and the noble fallback give the
 * same answer on random keys (compressed or not), messages and high- or low-S signatures, valid
 * and with one bit flipped in the key, message or signature, or cut short — mixed into batches
 * with ES256 items, so the order of answers is checked too.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { p256, p384 } from '@noble/curves/nist.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiateVerifier, type WasmVerifier } from '../../../src/crypto/wasm-verifier';
import { createNobleVerifier } from '../../../src/crypto/noble-verifier';
import { createWebCryptoP384 } from '../../../src/crypto/webcrypto-p384';
import { verifyBatchRoutingEs384 } from '../../../src/crypto/es384-routing';
import type { VerifyItem } from '../../../src/lib/signature-verifier';

const N384 = p384.Point.Fn.ORDER;
let wasm: WasmVerifier;
const noble = createNobleVerifier();
const p384WebCrypto = createWebCryptoP384();

beforeAll(async () => {
  wasm = await instantiateVerifier(await readFile(new URL('../../../wasm/build/satchel-core.wasm', import.meta.url)));
});

const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');

const es384Item = fc.record({
  seed: fc.uint8Array({ minLength: 72, maxLength: 72 }),
  msg: fc.uint8Array({ minLength: 0, maxLength: 200 }),
  compressed: fc.boolean(),
  highS: fc.boolean(),
  mutation: fc.option(fc.record({ part: fc.constantFrom('publicKey', 'message', 'signature', 'cut'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { nil: undefined }),
}).map(({ seed, msg, compressed, highS, mutation }): VerifyItem => {
  const sk = p384.utils.randomSecretKey(seed);
  let signature = p384.sign(msg, sk, { prehash: true, lowS: true });
  if (highS) {
    const s = BigInt(`0x${hexOf(signature.subarray(48))}`);
    signature = Uint8Array.from([...signature.subarray(0, 48), ...Buffer.from((N384 - s).toString(16).padStart(96, '0'), 'hex')]);
  }
  const item: VerifyItem = { alg: 'ES384', publicKey: p384.getPublicKey(sk, !compressed), message: msg.slice(), signature };
  if (mutation?.part === 'cut') item.signature = item.signature.subarray(0, mutation.at % 96);
  else if (mutation) {
    const target = item[mutation.part as 'publicKey' | 'message' | 'signature'];
    if (target.length === 0) item.message = Uint8Array.of(mutation.bit);
    else target[mutation.at % target.length]! ^= 1 << mutation.bit;
  }
  return item;
});

const es256Item = fc.uint8Array({ minLength: 48, maxLength: 48 }).map((seed): VerifyItem => {
  const sk = p256.utils.randomSecretKey(seed);
  const message = seed.subarray(0, 20);
  return { alg: 'ES256', publicKey: p256.getPublicKey(sk, false), message, signature: p256.sign(message, sk, { prehash: true }) };
});

describe('ES384: the WASM engine path (WebCrypto for P-384) agrees with noble', () => {
  it('on random valid and mutated signatures, mixed with ES256 items, answer by answer in order', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(es384Item, es256Item), { minLength: 1, maxLength: 8 }), async (items) => {
      const viaWorkerPath = await verifyBatchRoutingEs384(wasm, p384WebCrypto, items);
      expect(viaWorkerPath).toEqual(noble.verifyBatch(items));
    }), { numRuns: 60 });
  });
});
