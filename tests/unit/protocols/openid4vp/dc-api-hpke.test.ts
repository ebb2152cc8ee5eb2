/**
 * HPKE base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, the recipient's side, against
 * RFC 9180 Appendix A.3.1 (mode_base): the values below are the RFC's (its enc is also the sender
 * public key of Tink's HPKE test vector for this suite).
 */
import { describe, expect, it } from 'vitest';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { dhkemSharedSecret, hpkeOpenBase, HpkeError, setupBaseRecipient } from '../../../../src/protocols/openid4vp/dc-api-hpke';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** RFC 9180 A.3.1. */
const A31 = {
  info: '4f6465206f6e2061204772656369616e2055726e',
  pkRm: '04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f1d128aafd68a2ce72ea0',
  skRm: 'f3ce7fdae57e1a310d87f1ebbde6f328be0a99cdbcadf4d6589cf29de4b8ffd2',
  enc: '04a92719c6195d5085104f469a8b9814d5838ff72b60501e2c4466e5e67b325ac98536d7b61a1af4b78e5b7f951c0900be863c403ce65c9bfcb9382657222d18c4',
  sharedSecret: 'c0d26aeab536609a572b07695d933b589dcf363ff9d93c93adea537aeabb8cb8',
  key: '868c066ef58aae6dc589b6cfdd18f97e',
  baseNonce: '4e0bc5018beba4bf004cca59',
  // Encryptions, sequence number 0.
  aad: '436f756e742d30',
  pt: '4265617574792069732074727574682c20747275746820626561757479',
  ct: '5ad590bb8baa577f8619db35a36311226a896e7342a6d836d8b7bcd2f20b6c7f9076ac232e3ab2523f39513434',
};

/** skRm as a non-extractable WebCrypto ECDH key, as the checker holds its own. */
async function recipientKey(): Promise<CryptoKey> {
  const pk = hex(A31.pkRm);
  const jwk = { kty: 'EC', crv: 'P-256', x: base64urlEncode(pk.subarray(1, 33)), y: base64urlEncode(pk.subarray(33)), d: base64urlEncode(hex(A31.skRm)) };
  return crypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
}

describe('RFC 9180 A.3.1, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode', () => {
  it('derives the shared secret, key and base nonce of the vector', async () => {
    const context = await setupBaseRecipient(hex(A31.enc), await recipientKey(), hex(A31.pkRm), hex(A31.info));
    expect(toHex(context.sharedSecret)).toBe(A31.sharedSecret);
    expect(toHex(context.key)).toBe(A31.key);
    expect(toHex(context.baseNonce)).toBe(A31.baseNonce);
  });

  it('opens the sequence-0 ciphertext to its plaintext', async () => {
    const pt = await hpkeOpenBase({ enc: hex(A31.enc), recipientPrivateKey: await recipientKey(), recipientPublicKey: hex(A31.pkRm), info: hex(A31.info), aad: hex(A31.aad), ciphertext: hex(A31.ct) });
    expect(toHex(pt)).toBe(A31.pt);
  });

  it('refuses the ciphertext with another info, another aad, or one byte changed', async () => {
    const key = await recipientKey();
    const base = { enc: hex(A31.enc), recipientPrivateKey: key, recipientPublicKey: hex(A31.pkRm), info: hex(A31.info), aad: hex(A31.aad), ciphertext: hex(A31.ct) };
    const flipped = hex(A31.ct);
    flipped[0]! ^= 1;
    await expect(hpkeOpenBase({ ...base, info: new Uint8Array(0) })).rejects.toBeInstanceOf(HpkeError);
    await expect(hpkeOpenBase({ ...base, aad: new Uint8Array(0) })).rejects.toBeInstanceOf(HpkeError);
    await expect(hpkeOpenBase({ ...base, ciphertext: flipped })).rejects.toThrow(/could not be decrypted/);
  });

  it('refuses an encapsulated key that is not an uncompressed P-256 point', async () => {
    const key = await recipientKey();
    const bad = hex(A31.enc);
    bad[64]! ^= 1; // off the curve
    await expect(setupBaseRecipient(bad, key, hex(A31.pkRm), new Uint8Array(0))).rejects.toThrow(/not a point on P-256/);
    await expect(setupBaseRecipient(hex(A31.enc).subarray(0, 33), key, hex(A31.pkRm), new Uint8Array(0))).rejects.toThrow(/uncompressed P-256 point/);
  });

  it('ExtractAndExpand alone gives the vector\'s shared secret from DH(skR, pkE)', async () => {
    const peer = await crypto.subtle.importKey('raw', hex(A31.enc), { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const dh = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, await recipientKey(), 256));
    expect(toHex(await dhkemSharedSecret(dh, hex(A31.enc), hex(A31.pkRm)))).toBe(A31.sharedSecret);
  });
});
