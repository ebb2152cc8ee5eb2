/** JWE ECDH-ES + A256GCM (src/lib/jwe.ts): the RFC 7518 Appendix C key-agreement vector, round trips, and every refusal. */
import { compactDecrypt, CompactEncrypt, exportJWK, generateKeyPair, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { concatKdf, decryptJwe, encryptJwe, generateRecipientKey, JweError, jweHeader } from '../../../../src/lib/jwe';
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';

const enc = new TextEncoder();
const dec = new TextDecoder();

// RFC 7518 Appendix C: ECDH-ES key agreement, Alice (ephemeral) to Bob, apu "Alice", apv "Bob", enc A128GCM.
const ALICE = { kty: 'EC', crv: 'P-256', x: 'gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0', y: 'SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps', d: '0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo' };
const BOB = { kty: 'EC', crv: 'P-256', x: 'weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ', y: 'e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck', d: 'VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw' };
const Z = [158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196];

async function importBobPrivate(): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', BOB, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
}

describe('RFC 7518 Appendix C', () => {
  it('derives Z and the Concat KDF key of the example', async () => {
    const alice = await crypto.subtle.importKey('jwk', ALICE, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    const bobPublic = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: BOB.x, y: BOB.y }, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const z = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: bobPublic }, alice, 256));
    expect(Array.from(z)).toEqual(Z);
    const key = await concatKdf(Uint8Array.from(Z), 'A128GCM', base64urlDecode('QWxpY2U')!, base64urlDecode('Qm9i')!, 128);
    expect(base64urlEncode(key)).toBe('VqqN6vgjbSBcIijNcacQGg');
  });
});

describe('encryptJwe / decryptJwe', () => {
  it('round-trips, with and without compression, and names kid, apu and apv in the header', async () => {
    const { privateKey, publicJwk } = await generateRecipientKey();
    const text = enc.encode('{"vp_token":{"q":["eyJ..."]}}'.repeat(20));
    for (const compress of [false, true]) {
      const jwe = await encryptJwe(text, { ...publicJwk, kid: 'k1' }, { kid: 'k1', compress, apv: enc.encode('nonce-1') });
      const header = jweHeader(jwe);
      expect(header).toMatchObject({ alg: 'ECDH-ES', enc: 'A256GCM', kid: 'k1', apv: base64urlEncode(enc.encode('nonce-1')) });
      expect(header.zip).toBe(compress ? 'DEF' : undefined);
      expect(jwe.split('.')[1]).toBe('');
      expect(dec.decode(await decryptJwe(jwe, privateKey))).toBe(dec.decode(text));
    }
    const small = await encryptJwe(text, publicJwk, { compress: true });
    const large = await encryptJwe(text, publicJwk);
    expect(small.length).toBeLessThan(large.length / 2);
  });

  it('decrypts a JWE made for Bob with Bob\'s imported key (interop with an external key)', async () => {
    const jwe = await encryptJwe(enc.encode('hello'), { kty: 'EC', crv: 'P-256', x: BOB.x, y: BOB.y });
    expect(dec.decode(await decryptJwe(jwe, await importBobPrivate()))).toBe('hello');
  });

  it('says wrong-key for another recipient, and for any altered part', async () => {
    const a = await generateRecipientKey();
    const b = await generateRecipientKey();
    const jwe = await encryptJwe(enc.encode('secret'), a.publicJwk);
    await expect(decryptJwe(jwe, b.privateKey)).rejects.toMatchObject({ code: 'wrong-key' });
    const parts = jwe.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const i of [2, 3, 4]) {
      const altered = parts.map((p, j) => (j === i ? flip(p) : p)).join('.');
      await expect(decryptJwe(altered, a.privateKey)).rejects.toBeInstanceOf(JweError);
    }
    // An altered protected header changes the AAD (or the epk): never decrypts.
    const header = JSON.parse(dec.decode(base64urlDecode(parts[0]!)!)) as Record<string, unknown>;
    const otherHeader = base64urlEncode(enc.encode(JSON.stringify({ ...header, kid: 'x' })));
    await expect(decryptJwe([otherHeader, ...parts.slice(1)].join('.'), a.privateKey)).rejects.toMatchObject({ code: 'wrong-key' });
  });

  it('refuses other algorithms, a non-empty encrypted key, bad epk, wrong sizes and non-JWE text', async () => {
    const { privateKey, publicJwk } = await generateRecipientKey();
    const jwe = await encryptJwe(enc.encode('x'), publicJwk);
    const parts = jwe.split('.');
    const header = JSON.parse(dec.decode(base64urlDecode(parts[0]!)!)) as Record<string, unknown>;
    const withHeader = (h: Record<string, unknown>, rest = parts.slice(1)) => [base64urlEncode(enc.encode(JSON.stringify(h))), ...rest].join('.');
    await expect(decryptJwe(withHeader({ ...header, alg: 'ECDH-ES+A256KW' }), privateKey)).rejects.toMatchObject({ code: 'unsupported' });
    await expect(decryptJwe(withHeader({ ...header, enc: 'A128CBC-HS256' }), privateKey)).rejects.toMatchObject({ code: 'unsupported' });
    await expect(decryptJwe(withHeader({ ...header, zip: 'GZ' }), privateKey)).rejects.toMatchObject({ code: 'unsupported' });
    await expect(decryptJwe(withHeader({ ...header, crit: ['x'] }), privateKey)).rejects.toMatchObject({ code: 'unsupported' });
    await expect(decryptJwe(withHeader(header, ['AAAA', ...parts.slice(2)]), privateKey)).rejects.toMatchObject({ code: 'malformed' });
    // A point off the curve (y + 1) is refused by WebCrypto's import: the invalid-curve attack fails.
    const epk = header.epk as Record<string, string>;
    const y = base64urlDecode(epk.y!)!;
    y[31] = y[31]! ^ 1;
    await expect(decryptJwe(withHeader({ ...header, epk: { ...epk, y: base64urlEncode(y) } }), privateKey)).rejects.toMatchObject({ code: 'malformed' });
    await expect(decryptJwe(withHeader({ ...header, epk: { ...epk, d: 'AAAA' } }), privateKey)).rejects.toMatchObject({ code: 'malformed' });
    await expect(decryptJwe([parts[0], '', 'AAAA', parts[3], parts[4]].join('.'), privateKey)).rejects.toMatchObject({ code: 'malformed' });
    await expect(decryptJwe([parts[0], '', parts[2], parts[3], 'AAAA'].join('.'), privateKey)).rejects.toMatchObject({ code: 'malformed' });
    for (const garbage of ['', 'hello', 'a.b.c', 'a.b.c.d.e', 'SATCHEL-R1:x']) {
      await expect(decryptJwe(garbage, privateKey)).rejects.toMatchObject({ code: 'malformed' });
    }
  });

  it('refuses a compressed payload that inflates past the limit', async () => {
    const { privateKey, publicJwk } = await generateRecipientKey();
    const bomb = new Uint8Array(300 * 1024); // zeros: tiny compressed, 300 KiB inflated (limit 256 KiB)
    const jwe = await encryptJwe(bomb, publicJwk, { compress: true });
    expect(jwe.length).toBeLessThan(2000);
    await expect(decryptJwe(jwe, privateKey)).rejects.toMatchObject({ code: 'malformed' });
  });
});

// OpenID4VP 1.0 §5.1: without encrypted_response_enc_values_supported the verifier expects A128GCM;
// HAIP 1.0: wallets support A128GCM and A256GCM. Only A256GCM existed before the fix.
describe('A128GCM and A256GCM, interoperable with jose', () => {
  it.each(['A128GCM', 'A256GCM'] as const)('%s: Satchel encrypts and jose decrypts; jose encrypts and Satchel decrypts', async (contentEnc) => {
    const text = enc.encode('{"vp_token":{"q":["eyJ..."]}}');
    // Satchel → jose
    const verifier = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
    const verifierJwk = (await exportJWK(verifier.publicKey)) as { kty: 'EC'; crv: 'P-256'; x: string; y: string };
    const jwe = await encryptJwe(text, verifierJwk, { enc: contentEnc });
    expect(jweHeader(jwe)).toMatchObject({ alg: 'ECDH-ES', enc: contentEnc });
    const opened = await compactDecrypt(jwe, verifier.privateKey);
    expect(opened.protectedHeader.enc).toBe(contentEnc);
    expect(dec.decode(opened.plaintext)).toBe(dec.decode(text));
    // jose → Satchel
    const { privateKey, publicJwk } = await generateRecipientKey();
    const made = await new CompactEncrypt(text).setProtectedHeader({ alg: 'ECDH-ES', enc: contentEnc }).encrypt(await importJWK(publicJwk, 'ECDH-ES'));
    expect(dec.decode(await decryptJwe(made, privateKey))).toBe(dec.decode(text));
  });

  it('refuses to encrypt with an enc it does not implement', async () => {
    const { publicJwk } = await generateRecipientKey();
    await expect(encryptJwe(enc.encode('x'), publicJwk, { enc: 'A128CBC-HS256' as never })).rejects.toThrow(/A128GCM or A256GCM/);
  });
});

