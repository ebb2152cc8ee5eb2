/**
 * The SessionTranscript against OpenID4VP 1.0 Appendix B's own example (tests/vectors/oid4vp/
 * mdoc_session_transcript_examples.json, the redirect flow) and the Satchel QR handover.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import example from '../../../vectors/oid4vp/mdoc_session_transcript_examples.json';
import { decodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { sessionTranscriptBytes } from '../../../../src/credentials/formats/mso-mdoc/session-transcript';
import { DataError } from '../../../../src/lib/errors';

const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const redirect = example.cases.find((c) => c.name.startsWith('redirect'))!;
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
