/** What an mdoc answer's SessionTranscript is bound to (OpenID4VP 1.0 B.2.6.1; docs/sharing.md for in person). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jwkThumbprintSha256, openid4vpHandover, satchelQrHandover } from '../../../../src/protocols/openid4vp/handover';

const vector = JSON.parse(readFileSync('tests/vectors/oid4vp/mdoc_session_transcript_examples.json', 'utf8')) as {
  verifier_encryption_jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string };
  jwk_thumbprint_sha256_hex: string;
  cases: { inputs: { response_uri: string } }[];
};
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('OpenID4VPHandover inputs (B.2.6.1)', () => {
  it('the JWK thumbprint (RFC 7638, SHA-256) of the spec example\'s verifier key, its other members ignored', async () => {
    expect(hex(await jwkThumbprintSha256(vector.verifier_encryption_jwk))).toBe(vector.jwk_thumbprint_sha256_hex);
  });
  it('direct_post.jwt: the response URI and the thumbprint of the key the answer is encrypted to', async () => {
    const handover = await openid4vpHandover({ responseUri: vector.cases[0]!.inputs.response_uri, encryptionKey: vector.verifier_encryption_jwk });
    expect(handover.kind).toBe('openid4vp');
    if (handover.kind !== 'openid4vp') return;
    expect(handover.responseUri).toBe('https://example.com/response');
    expect(hex(handover.encryptionKeyThumbprint!)).toBe(vector.jwk_thumbprint_sha256_hex);
  });
  it('direct_post (not encrypted): the thumbprint is null', async () => {
    expect(await openid4vpHandover({ responseUri: 'https://v.example/r' })).toEqual({ kind: 'openid4vp', responseUri: 'https://v.example/r', encryptionKeyThumbprint: null });
  });
  it('no response URI (an in-person request) is misuse', async () => {
    await expect(openid4vpHandover({})).rejects.toThrow(TypeError);
  });
  it('in person: the request QR text as scanned', () => {
    expect(satchelQrHandover('SVQ1.abc')).toEqual({ kind: 'satchel-qr', requestQr: 'SVQ1.abc' });
  });
});
