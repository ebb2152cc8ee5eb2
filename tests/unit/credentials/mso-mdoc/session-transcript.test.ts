/**
 * The SessionTranscript against OpenID4VP 1.0 Appendix B's own examples (tests/vectors/oid4vp/
 * mdoc_session_transcript_examples.json, the redirect and DC API flows) and @owf/mdoc's DC API
 * transcript, the Satchel QR handover, and an ISO/IEC 18013-5 session's transcript given whole
 * (Annex D's SessionTranscriptBytes).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { SessionTranscript } from '@owf/mdoc';
import { describe, expect, it } from 'vitest';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import example from '../../../vectors/oid4vp/mdoc_session_transcript_examples.json';
import { owfContext } from '../../../shared/credentials/owf-mdoc';
import { decodeCbor, EmbeddedCbor, encodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { sessionTranscriptBytes } from '../../../../src/credentials/formats/mso-mdoc/session-transcript';
import { DataError } from '../../../../src/lib/errors';

const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const redirect = example.cases.find((c) => c.name.startsWith('redirect'))!;
const dcApi = example.cases.find((c) => c.name.startsWith('dc_api'))!;
const thumbprint = fromHex(example.jwk_thumbprint_sha256_hex);

describe('sessionTranscriptBytes, OpenID4VP 1.0 Appendix B.2.6.1', () => {
  it("equals the spec's example byte for byte (encrypted response: the thumbprint is a byte string)", () => {
    const bytes = sessionTranscriptBytes({ kind: 'openid4vp', responseUri: redirect.inputs.response_uri ?? '', encryptionKeyThumbprint: thumbprint }, redirect.inputs.client_id ?? '', redirect.inputs.nonce);
    expect(toHex(bytes)).toBe(redirect.session_transcript_hex);
  });

  it('hashes the handover info with a null thumbprint when the response is not encrypted', () => {
    const bytes = sessionTranscriptBytes({ kind: 'openid4vp', responseUri: 'https://example.com/response', encryptionKeyThumbprint: null }, 'x509_san_dns:example.com', 'n-1');
    const info = fromHex('8478' + '18' + toHex(new TextEncoder().encode('x509_san_dns:example.com')) + '63' + toHex(new TextEncoder().encode('n-1')) + 'f6' + '781c' + toHex(new TextEncoder().encode('https://example.com/response')));
    expect(decodeCbor(bytes, 'test')).toEqual([null, null, ['OpenID4VPHandover', sha256(info)]]);
  });

  it('differs when any input differs (client id, nonce, response URI, thumbprint)', () => {
    const base = { kind: 'openid4vp' as const, responseUri: 'https://v.example/r', encryptionKeyThumbprint: thumbprint };
    const reference = toHex(sessionTranscriptBytes(base, 'a', 'n'));
    expect(toHex(sessionTranscriptBytes(base, 'b', 'n'))).not.toBe(reference);
    expect(toHex(sessionTranscriptBytes(base, 'a', 'm'))).not.toBe(reference);
    expect(toHex(sessionTranscriptBytes({ ...base, responseUri: 'https://v.example/s' }, 'a', 'n'))).not.toBe(reference);
    expect(toHex(sessionTranscriptBytes({ ...base, encryptionKeyThumbprint: null }, 'a', 'n'))).not.toBe(reference);
  });

  it('refuses a thumbprint that is not 32 bytes, an empty response URI, audience or nonce', () => {
    expect(() => sessionTranscriptBytes({ kind: 'openid4vp', responseUri: 'https://v.example/r', encryptionKeyThumbprint: new Uint8Array(31) }, 'a', 'n')).toThrow(/32 bytes/);
    expect(() => sessionTranscriptBytes({ kind: 'openid4vp', responseUri: '', encryptionKeyThumbprint: null }, 'a', 'n')).toThrow(/response URI/);
    expect(() => sessionTranscriptBytes({ kind: 'openid4vp', responseUri: 'https://v.example/r', encryptionKeyThumbprint: null }, '', 'n')).toThrow(DataError);
    expect(() => sessionTranscriptBytes({ kind: 'openid4vp', responseUri: 'https://v.example/r', encryptionKeyThumbprint: null }, 'a', '')).toThrow(/nonce/);
  });
});

describe('sessionTranscriptBytes, the Satchel request QR handover (docs/sharing.md)', () => {
  it('is [null, null, ["SatchelQRHandover", SHA-256(UTF-8 of the request QR)]]', () => {
    const requestQr = 'SVQ1.abc-ŵ';
    const bytes = sessionTranscriptBytes({ kind: 'satchel-qr', requestQr }, 'satchel-in-person:r1', 'n');
    expect(decodeCbor(bytes, 'test')).toEqual([null, null, ['SatchelQRHandover', sha256(new TextEncoder().encode(requestQr))]]);
    expect(toHex(sessionTranscriptBytes({ kind: 'satchel-qr', requestQr: 'SVQ1.abd-ŵ' }, 'satchel-in-person:r1', 'n'))).not.toBe(toHex(bytes));
  });

  it('refuses an empty request QR and an unknown handover kind', () => {
    expect(() => sessionTranscriptBytes({ kind: 'satchel-qr', requestQr: '' }, 'a', 'n')).toThrow(/request QR/);
    expect(() => sessionTranscriptBytes({ kind: 'iso-nfc' } as never, 'a', 'n')).toThrow(/handover kind/);
  });
});

describe('sessionTranscriptBytes, OpenID4VP 1.0 Appendix B.2.6.2 (the Digital Credentials API)', () => {
  it("equals the spec's example byte for byte", () => {
    const bytes = sessionTranscriptBytes({ kind: 'openid4vp-dc-api', origin: dcApi.inputs.origin ?? '', encryptionKeyThumbprint: thumbprint }, `origin:${dcApi.inputs.origin}`, dcApi.inputs.nonce);
    expect(toHex(bytes)).toBe(dcApi.session_transcript_hex);
  });

  it("equals @owf/mdoc's, with and without the encryption key thumbprint; the origin, not the client id, is hashed", async () => {
    const origin = 'https://checker.example.gov.uk';
    for (const jwkThumbprint of [thumbprint, undefined]) {
      const owf = await SessionTranscript.forOid4VpDcApi({ origin, nonce: 'n-7', ...(jwkThumbprint ? { jwkThumbprint } : {}) }, owfContext);
      const ours = sessionTranscriptBytes({ kind: 'openid4vp-dc-api', origin, encryptionKeyThumbprint: jwkThumbprint ?? null }, 'origin:https://checker.example.gov.uk', 'n-7');
      expect(toHex(ours)).toBe(toHex(owf.encode()));
      expect(toHex(sessionTranscriptBytes({ kind: 'openid4vp-dc-api', origin, encryptionKeyThumbprint: jwkThumbprint ?? null }, 'another client id', 'n-7'))).toBe(toHex(ours));
    }
  });

  it('refuses an empty origin and a thumbprint that is not 32 bytes', () => {
    expect(() => sessionTranscriptBytes({ kind: 'openid4vp-dc-api', origin: '', encryptionKeyThumbprint: null }, 'a', 'n')).toThrow(/no origin/);
    expect(() => sessionTranscriptBytes({ kind: 'openid4vp-dc-api', origin: 'https://a.example', encryptionKeyThumbprint: new Uint8Array(33) }, 'a', 'n')).toThrow(/32 bytes/);
  });
});

describe('sessionTranscriptBytes, an ISO/IEC 18013-5 proximity session (§9.1.5.1)', () => {
  const readerPrivateKey = {} as CryptoKey;

  it("is the transcript given, byte for byte, inside its tag 24 (Annex D's), with no audience or nonce", () => {
    const given = fromHex(annexD.hex.SESSION_TRANSCRIPT_BYTES);
    const content = sessionTranscriptBytes({ kind: 'iso-18013-5', sessionTranscriptBytes: given, readerPrivateKey });
    expect(toHex(encodeCbor(new EmbeddedCbor(content)))).toBe(annexD.hex.SESSION_TRANSCRIPT_BYTES);
    expect(decodeCbor(content, 'test')).toHaveLength(3);
  });

  it('refuses bytes that are not SessionTranscriptBytes, and a tag 24 around something other than an array of three', () => {
    const bare = (decodeCbor(fromHex(annexD.hex.SESSION_TRANSCRIPT_BYTES), 'test') as EmbeddedCbor).bytes;
    expect(() => sessionTranscriptBytes({ kind: 'iso-18013-5', sessionTranscriptBytes: bare, readerPrivateKey })).toThrow(/tag 24 around the transcript/);
    const pair = encodeCbor(new EmbeddedCbor(encodeCbor([null, null])));
    expect(() => sessionTranscriptBytes({ kind: 'iso-18013-5', sessionTranscriptBytes: pair, readerPrivateKey })).toThrow(/array of three/);
  });
});
