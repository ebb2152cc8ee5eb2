/** OpenID4VP 1.0 request validation (§5.1–5.2, §5.9.3, §5.10, §8.2–8.3) and request links. */
import { describe, expect, it } from 'vitest';
import { decodeRequestObject, parseAuthorizationRequestLink, resolveAuthorizationRequest } from '../../../../src/protocols/openid4vp/authorization-request';
import { validateRequestObject } from '../../../../src/protocols/openid4vp/request-object';
import { generateRecipientKey } from '../../../../src/lib/jwe';
import { base64urlEncode } from '../../../../src/lib/base64url';

const NOW = new Date('2026-06-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const RESPONSE_URI = 'https://jobs.example.co.uk/response';
const dcql = { credentials: [{ id: 'q', format: 'dc+sd-jwt', meta: { vct_values: ['v'] }, claims: [{ path: ['age_over_18'] }] }] };
const seg = (v: unknown) => base64urlEncode(new TextEncoder().encode(JSON.stringify(v)));

async function base(): Promise<Record<string, unknown>> {
  const { publicJwk } = await generateRecipientKey();
  return {
    response_type: 'vp_token',
    response_mode: 'direct_post.jwt',
    client_id: `redirect_uri:${RESPONSE_URI}`,
    response_uri: RESPONSE_URI,
    nonce: 'n-1',
    state: 's-1',
    dcql_query: dcql,
    exp: NOW_S + 300,
    client_metadata: { client_name: 'Jobs', jwks: { keys: [{ ...publicJwk, kid: 'e1', use: 'enc', alg: 'ECDH-ES' }] }, encrypted_response_enc_values_supported: ['A256GCM'] },
  };
}

describe('validateRequestObject', () => {
  it('accepts a direct_post.jwt request and reads what the wallet needs', async () => {
    const r = validateRequestObject(await base(), NOW, { channel: 'online' });
    expect(r).toMatchObject({ clientId: `redirect_uri:${RESPONSE_URI}`, nonce: 'n-1', state: 's-1', responseMode: 'direct_post.jwt', responseUri: RESPONSE_URI, verifierName: 'Jobs' });
    expect(r.encryptionKey).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'e1' });
    expect(r.encryptionKey).not.toHaveProperty('use');
  });

  it.each<[string, (r: Record<string, unknown>) => void, RegExp]>([
    ['another response_type', (r) => void (r.response_type = 'code'), /vp_token/],
    ['no nonce', (r) => void delete r.nonce, /nonce/],
    ['Presentation Exchange', (r) => void (r.presentation_definition = {}), /Presentation Exchange/],
    ['no DCQL query', (r) => void delete r.dcql_query, /dcql_query/],
    ['an invalid DCQL query', (r) => void (r.dcql_query = { credentials: [] }), /DCQL/],
    ['the fragment response mode', (r) => void delete r.response_mode, /not supported/],
    ['no response_uri', (r) => void delete r.response_uri, /response_uri/],
    ['a redirect_uri with direct_post', (r) => void (r.redirect_uri = RESPONSE_URI), /redirect_uri/],
    ['plain http', (r) => Object.assign(r, { response_uri: 'http://jobs.example.co.uk/r', client_id: 'redirect_uri:http://jobs.example.co.uk/r' }), /https/],
    ['a client_id that is not the response_uri', (r) => void (r.client_id = 'redirect_uri:https://evil.example/r'), /match/],
    ['a decentralized_identifier client id', (r) => void (r.client_id = 'decentralized_identifier:did:example:123'), /prefix/],
    ['an unknown client id prefix', (r) => void (r.client_id = 'jobs.example.co.uk'), /prefix/],
    ['no encryption key', (r) => void ((r.client_metadata as Record<string, unknown>).jwks = { keys: [] }), /P-256/],
    ['only A128CBC accepted', (r) => void ((r.client_metadata as Record<string, unknown>).encrypted_response_enc_values_supported = ['A128CBC-HS256']), /A256GCM/],
    ['issued in the future', (r) => void (r.iat = NOW_S + 3600), /future/],
  ])('refuses %s as malformed', async (_name, change, message) => {
    const r = await base();
    change(r);
    try {
      validateRequestObject(r, NOW, { channel: 'online' });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'malformed' });
      expect((e as Error).message).toMatch(message);
    }
  });

  // §5.9.3: x509_san_dns: and x509_hash: requests are signed; read unsigned, nothing vouches for the
  // name (refused as malformed "not supported" before signed requests; tests/unit/protocols/openid4vp/signed-request.test.ts has the signed ones).
  it('refuses an x509 client id without a verified signer as untrusted', async () => {
    for (const clientId of ['x509_san_dns:jobs.example.co.uk', 'x509_hash:AAAA']) {
      const r = { ...(await base()), client_id: clientId };
      expect(() => validateRequestObject(r, NOW, { channel: 'online' })).toThrow(expect.objectContaining({ code: 'untrusted', problem: 'bad-signature', message: expect.stringMatching(/not signed/) }));
    }
  });

  // §5.1: encrypted_response_enc_values_supported absent = the verifier expects A128GCM; otherwise
  // one of those it lists that Satchel supports, in the verifier's order (A256GCM only before the fix).
  it.each<[string, string[] | undefined, string]>([
    ['absent: the default A128GCM', undefined, 'A128GCM'],
    ['A256GCM only', ['A256GCM'], 'A256GCM'],
    ['A128GCM only', ['A128GCM'], 'A128GCM'],
    ['the verifier’s first that Satchel supports', ['A128CBC-HS256', 'A256GCM', 'A128GCM'], 'A256GCM'],
  ])('picks the response enc: %s', async (_name, encs, expected) => {
    const r = await base();
    const metadata = r.client_metadata as Record<string, unknown>;
    if (encs === undefined) delete metadata.encrypted_response_enc_values_supported;
    else metadata.encrypted_response_enc_values_supported = encs;
    expect(validateRequestObject(r, NOW, { channel: 'online' }).encryptionEnc).toBe(expected);
  });

  // Issue 10: no zip to online verifiers unless they ask (RFC 7516 §4.1.3 — a recipient must
  // implement it; OpenID4VP 1.0 defines no metadata for it); before the fix every answer was compressed.
  it('compresses an online answer only when the verifier lists zip DEF', async () => {
    const r = await base();
    expect(validateRequestObject(r, NOW, { channel: 'online' }).compressResponse).toBe(false);
    (r.client_metadata as Record<string, unknown>).zip_values_supported = ['DEF'];
    expect(validateRequestObject(r, NOW, { channel: 'online' }).compressResponse).toBe(true);
  });

  it('says plainly when the verifier accepts no content encryption Satchel has', async () => {
    const r = await base();
    (r.client_metadata as Record<string, unknown>).encrypted_response_enc_values_supported = ['A128CBC-HS256', 'A256CBC-HS512'];
    expect(() => validateRequestObject(r, NOW, { channel: 'online' })).toThrow(/A128CBC-HS256, A256CBC-HS512.*A128GCM or A256GCM/);
  });

  it('says expired past exp plus the skew, not before', async () => {
    const r = await base();
    r.exp = NOW_S - 200;
    expect(() => validateRequestObject(r, NOW, { channel: 'online' })).not.toThrow();
    r.exp = NOW_S - 400;
    expect(() => validateRequestObject(r, NOW, { channel: 'online' })).toThrow(expect.objectContaining({ code: 'expired' }));
  });
});

describe('request links and request objects', () => {
  it('reads openid4vp:// and same-device https links, and ignores other text', () => {
    expect(parseAuthorizationRequestLink('openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Fa%2Fr&request_uri=https%3A%2F%2Fa%2Freq%2F1')).toEqual({ clientId: 'redirect_uri:https://a/r', requestUri: 'https://a/req/1', requestUriMethod: 'get' });
    expect(parseAuthorizationRequestLink('https://wallet.example/share?client_id=x&request_uri=https%3A%2F%2Fa&request_uri_method=post')).toMatchObject({ requestUriMethod: 'post' });
    for (const text of ['hello', 'https://example.com/?a=1', 'openid-credential-offer://?credential_offer_uri=x']) expect(parseAuthorizationRequestLink(text)).toBeUndefined();
    expect(() => parseAuthorizationRequestLink('openid4vp://?client_id=x&request_uri=y&request_uri_method=put')).toThrow(/get or post/);
  });

  it('decodes unsigned and ES256 request objects with the right typ (the signature checked later), and refuses other algorithms', () => {
    expect(decodeRequestObject(`${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg({ a: 1 })}.`).payload).toEqual({ a: 1 });
    // §5 / RFC 9101 §10.8: typ oauth-authz-req+jwt is required; a missing typ was accepted (failed before the fix).
    expect(() => decodeRequestObject(`${seg({ alg: 'none' })}.${seg({ a: 1 })}.`)).toThrow(/typ/);
    expect(() => decodeRequestObject(`${seg({ alg: 'none', typ: 'JWT' })}.${seg({ a: 1 })}.`)).toThrow(/typ/);
    const signed = decodeRequestObject(`${seg({ alg: 'ES256', typ: 'oauth-authz-req+jwt' })}.${seg({ a: 1 })}.c2ln`);
    expect(signed.payload).toEqual({ a: 1 });
    expect(new TextDecoder().decode(signed.signed!.signingInput)).toBe(`${seg({ alg: 'ES256', typ: 'oauth-authz-req+jwt' })}.${seg({ a: 1 })}`);
    expect(signed.signed!.signature).toEqual(new TextEncoder().encode('sig'));
    expect(() => decodeRequestObject(`${seg({ alg: 'RS256', typ: 'oauth-authz-req+jwt' })}.${seg({ a: 1 })}.c2ln`)).toThrow(/ES256/);
    expect(() => decodeRequestObject(`${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg({ a: 1 })}.c2ln`)).toThrow(/unsigned/);
    expect(() => decodeRequestObject(`${seg({ alg: 'ES256', typ: 'oauth-authz-req+jwt' })}.${seg({ a: 1 })}.`)).toThrow(/signature/);
    expect(() => decodeRequestObject(`${seg({ alg: 'none', typ: 'JWT+other' })}.${seg({ a: 1 })}.`)).toThrow(/typ/);
    expect(() => decodeRequestObject('not a jwt')).toThrow(/not a JWT/);
  });

  it('fetches by request_uri (GET or POST), checks the client_id, and maps 404 to expired', async () => {
    const payload = await base();
    const jwt = `${seg({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${seg(payload)}.`;
    const seen: string[] = [];
    const fetchOk: typeof fetch = async (input, init) => {
      seen.push(`${init?.method} ${String(input)}`);
      return new Response(jwt, { status: 200 });
    };
    const link = { clientId: payload.client_id as string, requestUri: 'https://jobs.example.co.uk/request/1', requestUriMethod: 'post' as const };
    expect((await resolveAuthorizationRequest(link, { fetch: fetchOk, now: NOW })).nonce).toBe('n-1');
    expect(seen).toEqual(['POST https://jobs.example.co.uk/request/1']);
    await expect(resolveAuthorizationRequest({ ...link, clientId: 'redirect_uri:https://other.example/r' }, { fetch: fetchOk, now: NOW })).rejects.toMatchObject({ code: 'malformed' });
    const gone: typeof fetch = async () => new Response('', { status: 404 });
    await expect(resolveAuthorizationRequest(link, { fetch: gone, now: NOW })).rejects.toMatchObject({ code: 'expired' });
  });

  // §5: the request may be plain URL parameters (RFC 6749 §4.1.1; a request object "MAY" be
  // used), JSON-valued parameters as JSON text, as in §5.9.3's own redirect_uri: example.
  // Refused as "not a request" before the fix.
  it('reads a request sent by value as URL parameters and validates it as a request object', async () => {
    const payload = await base();
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(payload)) if (k !== 'exp') params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    const text = `openid4vp://?${params}`;
    const link = parseAuthorizationRequestLink(text)!;
    expect(link).toMatchObject({ clientId: payload.client_id });
    const r = await resolveAuthorizationRequest(link, { fetch: async () => expect.unreachable(), now: NOW });
    expect(r).toMatchObject({ clientId: payload.client_id, nonce: 'n-1', state: 's-1', responseMode: 'direct_post.jwt', responseUri: RESPONSE_URI, verifierName: 'Jobs' });
    expect(r.dcql.credentials[0]!.id).toBe('q');
    // Same-device https link with the parameters.
    expect(parseAuthorizationRequestLink(`https://wallet.example/share?${params}`)).toMatchObject({ clientId: payload.client_id });
    // An OAuth link of another kind is not a request to share.
    expect(parseAuthorizationRequestLink('https://accounts.example/authorize?client_id=x&response_type=code&redirect_uri=https%3A%2F%2Fa')).toBeUndefined();
  });

  it('refuses by-value parameters that are not valid: bad JSON, a bad client_id, a missing nonce', async () => {
    const payload = await base();
    const params = () => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(payload)) if (k !== 'exp') p.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      return p;
    };
    const badJson = params();
    badJson.set('dcql_query', '{"credentials": [');
    expect(() => parseAuthorizationRequestLink(`openid4vp://?${badJson}`)).toThrow(expect.objectContaining({ code: 'malformed', message: expect.stringMatching(/dcql_query/) }));
    const noNonce = params();
    noNonce.delete('nonce');
    await expect(resolveAuthorizationRequest(parseAuthorizationRequestLink(`openid4vp://?${noNonce}`)!, { fetch: fetch, now: NOW })).rejects.toMatchObject({ code: 'malformed' });
    const otherClient = params();
    otherClient.set('client_id', 'redirect_uri:https://evil.example/r');
    await expect(resolveAuthorizationRequest(parseAuthorizationRequestLink(`openid4vp://?${otherClient}`)!, { fetch: fetch, now: NOW })).rejects.toMatchObject({ code: 'malformed' });
  });
});
