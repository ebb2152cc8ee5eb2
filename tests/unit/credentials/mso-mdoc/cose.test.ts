/**
 * COSE for mdoc (formats/mso-mdoc/cose.ts): COSE_Sign1 parsing (RFC 9052 §4.2), the algorithms
 * accepted (RFC 9053 §2), x5chain (RFC 9360 §2), the Sig_structure (RFC 9052 §4.4) checked by a
 * real signature, COSE_Mac0 (§6.2), and COSE_Key → PublicKey / JWK (RFC 9053 §7).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, Tagged } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { coseSign1VerifyItem, jwkFromCoseKey, macStructure, parseCoseMac0, parseCoseSign1, publicKeyFromCoseKey, sigStructure } from '../../../../src/credentials/formats/mso-mdoc/cose';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { DataError } from '../../../../src/lib/errors';
import { nobleVerifier } from '../../../shared/credentials/helpers';

const protectedEs256 = encodeCbor(new Map([[1, -7]]));
const payload = new TextEncoder().encode('the MSO');

function sign1(protectedBytes: Uint8Array, unprotected: Map<unknown, unknown>, body: Uint8Array | null, signature: Uint8Array): unknown {
  // Through the decoder, as parse sees it.
  return decodeCbor(encodeCbor([protectedBytes, unprotected, body, signature]), 'test');
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('parseCoseSign1', () => {
  it('reads an ES256 COSE_Sign1 whose signature over the Sig_structure verifies', async () => {
    const secret = p256.utils.randomSecretKey();
    const draft = parseCoseSign1(sign1(protectedEs256, new Map(), payload, new Uint8Array(64)), 'test signature');
    const signature = p256.sign(sigStructure(draft), secret, { prehash: true, format: 'compact' });
    const parsed = parseCoseSign1(sign1(protectedEs256, new Map([[33, Uint8Array.of(0x30, 0x00)]]), payload, signature), 'test signature');
    expect(parsed.alg).toBe('ES256');
    expect(parsed.x5chain).toEqual([Uint8Array.of(0x30, 0x00)]);
    const item = coseSign1VerifyItem(parsed, { alg: 'ES256', publicKey: p256.getPublicKey(secret, false) }, 'test signature');
    // RFC 9052 §4.4: ["Signature1", protected, h'', payload].
    expect(decodeCbor(item.message, 'sig')).toEqual(['Signature1', protectedEs256, new Uint8Array(0), payload]);
    expect(await nobleVerifier.verifyBatch([item])).toEqual([true]);
    expect(() => coseSign1VerifyItem(parsed, { alg: 'EdDSA', publicKey: new Uint8Array(32) }, 'test signature')).toThrow(/signed with ES256, but the key that should have signed it is a EdDSA key/);
  });

  it('accepts tag 18, ES384 and EdDSA, and an x5chain array', () => {
    const tagged = decodeCbor(encodeCbor(new Tagged(18, [protectedEs256, new Map(), payload, new Uint8Array(64)])), 'test');
    expect(parseCoseSign1(tagged, 'x').alg).toBe('ES256');
    expect(parseCoseSign1(sign1(encodeCbor(new Map([[1, -35]])), new Map(), payload, new Uint8Array(96)), 'x').alg).toBe('ES384');
    expect(parseCoseSign1(sign1(encodeCbor(new Map([[1, -8]])), new Map(), payload, new Uint8Array(64)), 'x').alg).toBe('EdDSA');
    const chain = [Uint8Array.of(1), Uint8Array.of(2)];
    expect(parseCoseSign1(sign1(protectedEs256, new Map([[33, chain]]), payload, new Uint8Array(64)), 'x').x5chain).toEqual(chain);
  });

  it('signs a detached payload only when one is supplied', () => {
    const detached = parseCoseSign1(sign1(protectedEs256, new Map(), null, new Uint8Array(64)), 'x');
    expect(detached.payload).toBeNull();
    expect(() => sigStructure(detached)).toThrow(/detached/);
    expect(decodeCbor(sigStructure(detached, payload), 'sig')).toEqual(['Signature1', protectedEs256, new Uint8Array(0), payload]);
  });

  it('refuses other algorithms, misplaced or critical headers, wrong lengths and shapes', () => {
    expect(refusal(() => parseCoseSign1(sign1(encodeCbor(new Map([[1, -36]])), new Map(), payload, new Uint8Array(132)), 'issuer signature'))).toBe(
      'The issuer signature is signed with COSE algorithm -36; Satchel accepts ES256 (-7), ES384 (-35) and EdDSA (-8).',
    );
    expect(refusal(() => parseCoseSign1(sign1(new Uint8Array(0), new Map([[1, -7]]), payload, new Uint8Array(64)), 'x'))).toMatch(/unprotected header; it must be protected/);
    expect(refusal(() => parseCoseSign1(sign1(new Uint8Array(0), new Map(), payload, new Uint8Array(64)), 'x'))).toMatch(/does not name its algorithm/);
    expect(refusal(() => parseCoseSign1(sign1(encodeCbor(new Map<number, unknown>([[1, -7], [2, [99]]])), new Map(), payload, new Uint8Array(64)), 'x'))).toMatch(/critical/);
    expect(refusal(() => parseCoseSign1(sign1(protectedEs256, new Map(), payload, new Uint8Array(63)), 'x'))).toMatch(/ES256 signature is 63 bytes long; it must be 64/);
    expect(refusal(() => parseCoseSign1(sign1(protectedEs256, new Map([[33, 'a certificate']]), payload, new Uint8Array(64)), 'x'))).toMatch(/x5chain/);
    expect(refusal(() => parseCoseSign1([protectedEs256, new Map(), payload], 'x'))).toMatch(/not a COSE_Sign1 \(an array of four parts\)/);
    expect(refusal(() => parseCoseSign1(new Tagged(17, [protectedEs256, new Map(), payload, new Uint8Array(64)]), 'x'))).toMatch(/has CBOR tag 17/);
    expect(refusal(() => parseCoseSign1(sign1(encodeCbor([1]), new Map(), payload, new Uint8Array(64)), 'x'))).toMatch(/protected header is not a map/);
    expect(refusal(() => parseCoseSign1(sign1(protectedEs256, new Map([[1, -7]]), payload, new Uint8Array(64)), 'x'))).toMatch(/both protected and unprotected/);
  });
});

describe('parseCoseMac0', () => {
  it('reads the MAC and its algorithm, and builds the MAC_structure (RFC 9052 §6.3)', () => {
    const protectedHmac = encodeCbor(new Map([[1, 5]]));
    const mac0 = parseCoseMac0(decodeCbor(encodeCbor([protectedHmac, new Map(), null, new Uint8Array(32)]), 't'), 'device MAC');
    expect(mac0.alg).toBe(5);
    expect(mac0.tag).toEqual(new Uint8Array(32));
    expect(decodeCbor(macStructure(mac0, payload), 'mac')).toEqual(['MAC0', protectedHmac, new Uint8Array(0), payload]);
  });
});

describe('COSE_Key', () => {
  it('P-256 (kty 2, crv 1) → SEC1 uncompressed for ES256, and the same key as a JWK', () => {
    const point = p256.getPublicKey(p256.utils.randomSecretKey(), false);
    const key = new Map<number, unknown>([[1, 2], [-1, 1], [-2, point.subarray(1, 33)], [-3, point.subarray(33)]]);
    expect(publicKeyFromCoseKey(key, 'device key')).toEqual({ alg: 'ES256', publicKey: point });
    expect(jwkFromCoseKey(key, 'device key')).toEqual({ kty: 'EC', crv: 'P-256', x: base64urlEncode(point.subarray(1, 33)), y: base64urlEncode(point.subarray(33)) });
  });

  it('Ed25519 (kty 1, crv 6) → the raw key for EdDSA', () => {
    const x = ed25519.getPublicKey(ed25519.utils.randomSecretKey());
    const key = new Map<number, unknown>([[1, 1], [-1, 6], [-2, x]]);
    expect(publicKeyFromCoseKey(key, 'device key')).toEqual({ alg: 'EdDSA', publicKey: x });
    expect(jwkFromCoseKey(key, 'device key')).toEqual({ kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(x) });
  });

  it('refuses private keys, unknown curves, mismatched kty, compressed points and short coordinates', () => {
    const x = new Uint8Array(32);
    expect(refusal(() => publicKeyFromCoseKey(new Map<number, unknown>([[1, 2], [-1, 1], [-2, x], [-3, x], [-4, x]]), 'device key'))).toMatch(/contains a private key/);
    expect(refusal(() => publicKeyFromCoseKey(new Map<number, unknown>([[1, 2], [-1, 3], [-2, x], [-3, x]]), 'device key'))).toMatch(/key type 2 on curve 3/);
    expect(refusal(() => publicKeyFromCoseKey(new Map<number, unknown>([[1, 1], [-1, 1], [-2, x], [-3, x]]), 'device key'))).toMatch(/key type 1 on curve 1/);
    expect(refusal(() => publicKeyFromCoseKey(new Map<number, unknown>([[1, 2], [-1, 1], [-2, x], [-3, true]]), 'device key'))).toMatch(/compressed points are not accepted/);
    expect(refusal(() => publicKeyFromCoseKey(new Map<number, unknown>([[1, 2], [-1, 1], [-2, x.subarray(1)], [-3, x]]), 'device key'))).toMatch(/x coordinate must be 32 bytes/);
    expect(refusal(() => publicKeyFromCoseKey({ kty: 'EC' }, 'device key'))).toMatch(/not a COSE_Key/);
  });
});
