/**
 * OpenID4VP 1.0 over the Digital Credentials API (Appendix A), the checker's request and the
 * reading of the answer. Interop: the wallet side is @openid4vc/openid4vp 0.4.6's Openid4vpClient
 * (code we did not write), which resolves Satchel's unsigned request for the origin, names the
 * effective client id `origin:<origin>` (§A.4), and encrypts its answer (dc_api.jwt, §8.3) to the
 * key in client_metadata with jose; Satchel opens it with its own JWE code (src/lib/jwe.ts).
 */
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { CompactEncrypt, importJWK } from 'jose';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptJwe, generateRecipientKey } from '../../../../src/lib/jwe';
import { utf8Decode } from '../../../../src/lib/bytes';
import {
  DC_API_PROTOCOL_UNSIGNED,
  DcApiAnswerError,
  dcApiRequest,
  originClientId,
  readDcApiAnswer,
  readDecryptedAnswer,
} from '../../../../src/protocols/openid4vp/dc-api';

const ORIGIN = 'https://checker.example';
const NONCE = 'bm9uY2UtMTI4LWJpdHMtYXQtbGVhc3Q';
const DCQL = { credentials: [{ id: 'over_18', format: 'dc+sd-jwt', meta: { vct_values: ['https://satchel.example/credentials/DrivingLicence'] }, claims: [{ path: ['age_over_18'] }] }] };

async function newRequest() {
  const { privateKey, publicJwk } = await generateRecipientKey();
  return { privateKey, publicJwk, request: dcApiRequest({ nonce: NONCE, dcqlQuery: DCQL, encryptionKey: { ...publicJwk, kid: 'k1' } }) };
}

/** The wallet side: @openid4vc/openid4vp, its JWE made by jose. */
const theirWallet = new Openid4vpClient({
  callbacks: {
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    verifyJwt: async () => ({ verified: false }),
    signJwt: async () => {
      throw new Error('an unsigned request needs no signature');
    },
    decryptJwe: async () => ({ decrypted: false as const }),
    encryptJwe: async (encryptor, data) => {
      const jwk = encryptor.publicJwk as Record<string, string>;
      const jwe = await new CompactEncrypt(new TextEncoder().encode(data))
        .setProtectedHeader({ alg: encryptor.alg, enc: encryptor.enc, ...(jwk.kid ? { kid: jwk.kid } : {}) })
        .encrypt(await importJWK({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x!, y: jwk.y! }, 'ECDH-ES'));
      return { jwe, encryptionJwk: encryptor.publicJwk };
    },
  },
});

describe('the unsigned request (OpenID4VP 1.0 §A.2)', () => {
  it('asks for vp_token by DCQL with this nonce, encrypted (dc_api.jwt) to a key fit for ECDH-ES only, and names no client', async () => {
    const { publicJwk, request } = await newRequest();
    expect(request.protocol).toBe(DC_API_PROTOCOL_UNSIGNED);
    expect(request.data).toEqual({
      response_type: 'vp_token',
      response_mode: 'dc_api.jwt',
      nonce: NONCE,
      dcql_query: DCQL,
      client_metadata: {
        jwks: { keys: [{ ...publicJwk, kid: 'k1', use: 'enc', alg: 'ECDH-ES' }] },
        encrypted_response_enc_values_supported: ['A128GCM', 'A256GCM'],
        vp_formats_supported: expect.objectContaining({ 'dc+sd-jwt': expect.any(Object), mso_mdoc: expect.any(Object) }),
      },
    });
    // §A.2: client_id and expected_origins belong to signed requests only.
    expect(request.data).not.toHaveProperty('client_id');
    expect(request.data).not.toHaveProperty('expected_origins');
    expect(JSON.stringify(request.data)).not.toContain('"d"');
  });

  it('refuses a nonce shorter than 128 bits', () => {
    expect(() => dcApiRequest({ nonce: 'short', dcqlQuery: DCQL, encryptionKey: { kty: 'EC', crv: 'P-256', x: '', y: '', kid: 'k' } })).toThrow(/nonce/);
  });

  it('is accepted by @openid4vc/openid4vp for the origin, whose effective client id is origin:<origin> (§A.4)', async () => {
    const { request } = await newRequest();
    const resolved = await theirWallet.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: request.data as never, origin: ORIGIN });
    expect(resolved.client.effective).toBe(originClientId(ORIGIN));
    expect(resolved.dcql?.query).toEqual(DCQL);
    expect(resolved.authorizationRequestPayload.nonce).toBe(NONCE);
  });
});

describe('reading the answer (§A.3)', () => {
  it('opens the JWE @openid4vc/openid4vp encrypted to the request key, for each enc the request allows', async () => {
    for (const enc of ['A128GCM', 'A256GCM']) {
      const { privateKey, request } = await newRequest();
      const vpToken = { over_18: ['eyJ.presentation~'] };
      const made = await theirWallet.createOpenid4vpAuthorizationResponse({
        authorizationRequestPayload: request.data as never,
        origin: ORIGIN,
        authorizationResponsePayload: { vp_token: vpToken },
        jarm: { encryption: { nonce: NONCE }, serverMetadata: { authorization_encryption_alg_values_supported: ['ECDH-ES'], authorization_encryption_enc_values_supported: [enc], authorization_signing_alg_values_supported: [] } },
      });
      const jwe = made.jarm!.responseJwt;
      // What the browser resolves navigator.credentials.get with: a DigitalCredential { protocol, data }.
      const answer = readDcApiAnswer({ protocol: DC_API_PROTOCOL_UNSIGNED, data: { response: jwe } });
      expect(answer).toEqual({ kind: 'encrypted', jwe });
      if (answer.kind !== 'encrypted') return;
      expect(readDecryptedAnswer(utf8Decode(await decryptJwe(answer.jwe, privateKey)))).toEqual({ vp_token: vpToken });
    }
  });

  it('reads data given as JSON text (early browser builds) as well as an object', () => {
    expect(readDcApiAnswer({ protocol: DC_API_PROTOCOL_UNSIGNED, data: JSON.stringify({ response: 'a.b.c.d.e' }) })).toEqual({ kind: 'encrypted', jwe: 'a.b.c.d.e' });
  });

  it('reads a DigitalCredential whose protocol and data are getters on its prototype', () => {
    class FakeDigitalCredential {
      get protocol() { return DC_API_PROTOCOL_UNSIGNED; }
      get data() { return { response: 'a.b.c.d.e' }; }
    }
    expect(readDcApiAnswer(new FakeDigitalCredential())).toEqual({ kind: 'encrypted', jwe: 'a.b.c.d.e' });
  });

  it.each([
    ['nothing', null, 'malformed', /nothing readable/],
    ['a string', 'garbage', 'malformed', /nothing readable/],
    ['another protocol', { protocol: 'org-iso-mdoc', data: { response: 'x' } }, 'malformed', /org-iso-mdoc/],
    ['no data', { protocol: DC_API_PROTOCOL_UNSIGNED }, 'malformed', /no response parameters/],
    ['data that is not JSON', { protocol: DC_API_PROTOCOL_UNSIGNED, data: '{not json' }, 'malformed', /no response parameters/],
    ['a plain vp_token where an encrypted answer was asked for', { protocol: DC_API_PROTOCOL_UNSIGNED, data: { vp_token: { over_18: ['x'] } } }, 'malformed', /not encrypted/],
    ['an OpenID4VP error response (§8.5)', { protocol: DC_API_PROTOCOL_UNSIGNED, data: { error: 'access_denied' } }, 'declined', /access_denied/],
  ])('refuses %s, saying what was wrong', (_name, credential, code, message) => {
    let caught: unknown;
    try {
      readDcApiAnswer(credential);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DcApiAnswerError);
    expect((caught as DcApiAnswerError).code).toBe(code);
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses a decrypted answer with no vp_token keyed by credential query', () => {
    expect(() => readDecryptedAnswer('{"vp_token":"eyJ"}')).toThrow(DcApiAnswerError);
    expect(() => readDecryptedAnswer(undefined)).toThrow(/no vp_token/);
  });

  it('reads a plain (dc_api) answer when one is expected', () => {
    expect(readDcApiAnswer({ protocol: DC_API_PROTOCOL_UNSIGNED, data: { vp_token: { over_18: ['x'] } } }, false)).toEqual({ kind: 'plain', params: { vp_token: { over_18: ['x'] } } });
  });
});
