/**
 * The Authorization Code flow of the OpenID4VCI client (OpenID4VCI 1.0 §3.4, §5; HAIP 1.0): offers
 * with the authorization_code grant, AS metadata checks, PKCE (RFC 7636 Appendix B), PAR (RFC 9126),
 * the redirect (state, error, RFC 9207 iss), DPoP proofs (RFC 9449 §4.2, §7.1 ath; verified with
 * jose) and the DPoP nonce retries (§8 AS, §9 RS), against a small fake AS and issuer.
 */
import { describe, expect, it } from 'vitest';
import { decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import {
  accessTokenHash,
  createDpopKey,
  createDpopProof,
  createPkce,
  DpopSession,
  fetchAuthorizationServerMetadata,
  finishSignIn,
  obtainCredential,
  Oid4vciError,
  parseIssuerMetadata,
  parseOfferObject,
  pkceChallenge,
  signInCode,
  startSignIn,
  tokenAuth,
  AUTHORIZATION_CODE_GRANT,
  type Holder,
  type IssuerMetadata,
} from '../../../../src/protocols/openid4vci/index';
import { fakeFetch, json, type Answer } from './fake-fetch';

const ISSUER = 'https://dbs.example.gov.uk';
const AS = 'https://login.example.gov.uk';
const WALLET = { clientId: 'https://wallet.example', redirectUri: 'https://wallet.example/authorised' };

const asMetadata = (overrides: Record<string, unknown> = {}) => ({
  issuer: AS,
  authorization_endpoint: `${AS}/authorize`,
  token_endpoint: `${AS}/token`,
  pushed_authorization_request_endpoint: `${AS}/par`,
  require_pushed_authorization_requests: true,
  code_challenge_methods_supported: ['S256'],
  dpop_signing_alg_values_supported: ['ES256'],
  grant_types_supported: ['authorization_code'],
  authorization_response_iss_parameter_supported: true,
  ...overrides,
});

const issuerMetadata = (scope?: string): IssuerMetadata =>
  parseIssuerMetadata(
    {
      credential_issuer: ISSUER,
      credential_endpoint: `${ISSUER}/credential`,
      nonce_endpoint: `${ISSUER}/nonce`,
      authorization_servers: [AS],
      credential_configurations_supported: { basic_dbs: { format: 'dc+sd-jwt', vct: 'https://dbs.example/basic', ...(scope ? { scope } : {}) } },
    },
    ISSUER,
    `${ISSUER}/.well-known/openid-credential-issuer`,
  );

function server(overrides: Record<string, Answer | Answer[]> = {}, as: Record<string, unknown> = asMetadata()) {
  return fakeFetch({
    [`GET ${AS}/.well-known/oauth-authorization-server`]: json(as),
    [`POST ${AS}/par`]: json({ request_uri: 'urn:ietf:params:oauth:request_uri:abc', expires_in: 60 }, 201),
    [`POST ${AS}/token`]: json({ access_token: 'tok-123', token_type: 'DPoP', expires_in: 300 }),
    [`POST ${ISSUER}/nonce`]: json({ c_nonce: 'cn-1' }),
    [`POST ${ISSUER}/credential`]: json({ credentials: [{ credential: 'eyJ.cred.sig' }] }),
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown> | (() => unknown), kind: string): Promise<Oid4vciError> {
  const e = await (typeof promise === 'function' ? Promise.resolve().then(promise) : promise).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Oid4vciError);
  expect((e as Oid4vciError).kind).toBe(kind);
  return e as Oid4vciError;
}

async function holder(): Promise<Holder> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { publicJwk: { kty, crv, x, y }, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)) };
}

/** Verifies a DPoP proof's signature with its embedded key (jose) and returns header and claims. */
async function verifyProof(jwt: string) {
  const { payload, protectedHeader } = await jwtVerify(jwt, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] });
  return { header: protectedHeader, claims: payload };
}

describe('offers with the authorization_code grant (§4.1.1)', () => {
  const base = { credential_issuer: ISSUER, credential_configuration_ids: ['basic_dbs'] };

  it('accepts an offer with only the authorization_code grant, with issuer_state and authorization_server', () => {
    const offer = parseOfferObject({ ...base, grants: { authorization_code: { issuer_state: 'st-1', authorization_server: AS } } });
    expect(offer).toEqual({ credentialIssuer: ISSUER, configurationIds: ['basic_dbs'], authorizationCode: { issuerState: 'st-1', authorizationServer: AS } });
    expect(offer.preAuthorizedCode).toBeUndefined();
  });

  it('keeps both grants when an offer has both (the pre-authorised code is used)', () => {
    const offer = parseOfferObject({ ...base, grants: { authorization_code: {}, 'urn:ietf:params:oauth:grant-type:pre-authorized_code': { 'pre-authorized_code': 'pac' } } });
    expect(offer.preAuthorizedCode).toBe('pac');
    expect(offer.authorizationCode).toEqual({});
  });

  it('treats an offer without grants as a sign-in (§4.1.1: the wallet decides from metadata)', () => {
    expect(parseOfferObject(base).authorizationCode).toEqual({});
  });

  it('refuses a malformed authorization_code grant or issuer_state', async () => {
    await rejection(() => parseOfferObject({ ...base, grants: { authorization_code: 'yes' } }), 'invalid-offer');
    await rejection(() => parseOfferObject({ ...base, grants: { authorization_code: { issuer_state: 7 } } }), 'invalid-offer');
    await rejection(() => parseOfferObject({ ...base, grants: { something_else: {} } }), 'invalid-offer');
  });

  it('reads a configuration scope from issuer metadata (§12.2.4)', () => {
    expect(issuerMetadata('dbs_basic').configurations.basic_dbs!.scope).toBe('dbs_basic');
  });
});

describe('authorisation server metadata for signing in (RFC 8414, RFC 9126, RFC 9449 §5.1)', () => {
  const fetchWith = (as: Record<string, unknown>) => fetchAuthorizationServerMetadata(AS, { fetch: server({}, as).fetch }, AUTHORIZATION_CODE_GRANT);

  it('reads the endpoints and what the AS supports', async () => {
    expect(await fetchWith(asMetadata())).toEqual({
      issuer: AS,
      tokenEndpoint: `${AS}/token`,
      authorizationEndpoint: `${AS}/authorize`,
      pushedAuthorizationRequestEndpoint: `${AS}/par`,
      requirePushedAuthorizationRequests: true,
      dpopSigningAlgorithms: ['ES256'],
      issParameterSupported: true,
      grantTypes: ['authorization_code'],
    });
  });

  it('refuses an AS without an authorization_endpoint, without S256, with DPoP but not ES256, or without the grant', async () => {
    expect((await rejection(fetchWith(asMetadata({ authorization_endpoint: undefined })), 'bad-response')).message).toMatch(/authorization_endpoint/);
    expect((await rejection(fetchWith(asMetadata({ code_challenge_methods_supported: ['plain'] })), 'bad-response')).message).toMatch(/S256/);
    expect((await rejection(fetchWith(asMetadata({ dpop_signing_alg_values_supported: ['RS256'] })), 'bad-response')).message).toMatch(/ES256/);
    expect((await rejection(fetchWith(asMetadata({ grant_types_supported: ['urn:ietf:params:oauth:grant-type:pre-authorized_code'] })), 'bad-response')).message).toMatch(/signing in/);
  });

  it('still checks the pre-authorised grant by default', async () => {
    await rejection(fetchAuthorizationServerMetadata(AS, { fetch: server().fetch }), 'bad-response');
  });
});

describe('PKCE (RFC 7636)', () => {
  it('computes the S256 challenge of Appendix B', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a 43-character verifier from 32 random bytes, new each time (§4.1)', async () => {
    const a = await createPkce();
    const b = await createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(await pkceChallenge(a.verifier));
    expect(b.verifier).not.toBe(a.verifier);
  });
});

describe('starting a sign-in (§5, RFC 9126)', () => {
  it('pushes the request and sends the browser to the authorisation endpoint with client_id and request_uri only', async () => {
    const fake = server();
    const started = await startSignIn(issuerMetadata(), 'basic_dbs', { issuerState: 'st-1' }, WALLET, { fetch: fake.fetch });
    const url = new URL(started.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${AS}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: WALLET.clientId, request_uri: 'urn:ietf:params:oauth:request_uri:abc' });
    const par = fake.requests.find((r) => r.url === `${AS}/par`)!;
    expect(par.method).toBe('POST');
    expect(par.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    const form = Object.fromEntries(new URLSearchParams(par.body));
    expect(form).toMatchObject({
      response_type: 'code',
      client_id: WALLET.clientId,
      redirect_uri: WALLET.redirectUri,
      state: started.state,
      code_challenge: await pkceChallenge(started.codeVerifier),
      code_challenge_method: 'S256',
      issuer_state: 'st-1',
    });
    // §5.1.1: no scope → authorization_details naming the configuration, with the issuer as location (separate AS).
    expect(JSON.parse(form.authorization_details!)).toEqual([{ type: 'openid_credential', credential_configuration_id: 'basic_dbs', locations: [ISSUER] }]);
    expect(form.scope).toBeUndefined();
    expect(started).toMatchObject({ authorizationServer: AS, issParameterSupported: true });
    expect(started.state).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('asks the sign-in page for the person\'s language (ui_locales)', async () => {
    const fake = server();
    await startSignIn(issuerMetadata(), 'basic_dbs', undefined, { ...WALLET, uiLocales: 'cy' }, { fetch: fake.fetch });
    expect(new URLSearchParams(fake.requests.find((r) => r.url === `${AS}/par`)!.body).get('ui_locales')).toBe('cy');
  });

  it('asks with the configuration scope when there is one (§5.1.2), with the issuer as resource', async () => {
    const fake = server();
    await startSignIn(issuerMetadata('dbs_basic'), 'basic_dbs', undefined, WALLET, { fetch: fake.fetch });
    const form = Object.fromEntries(new URLSearchParams(fake.requests.find((r) => r.url === `${AS}/par`)!.body));
    expect(form).toMatchObject({ scope: 'dbs_basic', resource: ISSUER });
    expect(form.authorization_details).toBeUndefined();
    expect(form.issuer_state).toBeUndefined();
  });

  it('puts the parameters on the authorisation URL when the AS has no PAR endpoint, and refuses one that requires PAR without an endpoint', async () => {
    const plain = server({}, asMetadata({ pushed_authorization_request_endpoint: undefined, require_pushed_authorization_requests: false }));
    const started = await startSignIn(issuerMetadata(), 'basic_dbs', undefined, WALLET, { fetch: plain.fetch });
    expect(new URL(started.url).searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(started.url).searchParams.get('state')).toBe(started.state);
    const broken = server({}, asMetadata({ pushed_authorization_request_endpoint: undefined }));
    await rejection(startSignIn(issuerMetadata(), 'basic_dbs', undefined, WALLET, { fetch: broken.fetch }), 'bad-response');
  });

  it('refuses an offer naming an authorisation server the issuer does not list', async () => {
    await rejection(startSignIn(issuerMetadata(), 'basic_dbs', { authorizationServer: 'https://evil.example' }, WALLET, { fetch: server().fetch }), 'invalid-offer');
  });
});

describe('the redirect back (RFC 6749 §4.1.2, RFC 9207)', () => {
  const started = { state: 'S1', authorizationServer: AS, issParameterSupported: true };
  const back = (query: string) => `${WALLET.redirectUri}?${query}`;

  it('gives the code when state and iss match', () => {
    expect(signInCode(back(`code=C1&state=S1&iss=${encodeURIComponent(AS)}`), started)).toBe('C1');
  });

  it('refuses another state, a missing or wrong iss, and a missing code', async () => {
    await rejection(() => signInCode(back(`code=C1&state=S2&iss=${encodeURIComponent(AS)}`), started), 'bad-response');
    await rejection(() => signInCode(back('code=C1&state=S1'), started), 'bad-response');
    await rejection(() => signInCode(back('code=C1&state=S1&iss=https%3A%2F%2Fevil.example'), started), 'bad-response');
    await rejection(() => signInCode(back(`state=S1&iss=${encodeURIComponent(AS)}`), started), 'bad-response');
  });

  it('turns an error answer into an oauth error marked as the sign-in\'s (access_denied: the person cancelled)', async () => {
    const e = await rejection(() => signInCode(back(`error=access_denied&error_description=cancelled&state=S1&iss=${encodeURIComponent(AS)}`), started), 'oauth');
    expect(e.details).toMatchObject({ oauthError: 'access_denied', authorizationResponse: true, description: 'cancelled' });
  });
});

describe('DPoP (RFC 9449)', () => {
  it('makes a non-extractable P-256 key whose public JWK only is exported', async () => {
    const key = await createDpopKey();
    expect(key.privateKey.extractable).toBe(false);
    expect(Object.keys(key.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  });

  it('computes ath as in §7.1\'s example', async () => {
    expect(await accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU')).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
  });

  it('signs a proof with typ, alg, jwk, jti, htm, htu without query or fragment, iat, nonce and ath (§4.2)', async () => {
    const key = await createDpopKey();
    const jwt = await createDpopProof(key, { method: 'post', url: 'https://rs.example/credential?x=1#f', nonce: 'n-1', accessToken: 'tok', now: () => 1_700_000_000_500 });
    const { header, claims } = await verifyProof(jwt);
    expect(header).toEqual({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk });
    expect(claims).toEqual({ jti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), htm: 'POST', htu: 'https://rs.example/credential', iat: 1_700_000_000, nonce: 'n-1', ath: await accessTokenHash('tok') });
    const other = await createDpopProof(key, { method: 'POST', url: 'https://rs.example/credential' });
    expect((await verifyProof(other)).claims.jti).not.toBe(claims.jti);
    expect((await verifyProof(other)).claims).not.toHaveProperty('ath');
  });
});

describe('finishing a sign-in: token with the code, PKCE verifier and DPoP (RFC 6749 §4.1.3, RFC 9449 §5)', () => {
  const started = { codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', authorizationServer: AS };

  it('sends the code with a DPoP proof and gets a DPoP-bound token', async () => {
    const fake = server();
    const token = await finishSignIn('C1', started, WALLET, { fetch: fake.fetch });
    expect(token).toMatchObject({ accessToken: 'tok-123', tokenType: 'DPoP' });
    expect(token.dpop).toBeInstanceOf(DpopSession);
    const request = fake.requests.find((r) => r.url === `${AS}/token`)!;
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ grant_type: 'authorization_code', code: 'C1', code_verifier: started.codeVerifier, redirect_uri: WALLET.redirectUri, client_id: WALLET.clientId });
    const { header, claims } = await verifyProof(request.headers.get('DPoP')!);
    expect(header.jwk).toEqual(token.dpop!.key.publicJwk);
    expect(claims).toMatchObject({ htm: 'POST', htu: `${AS}/token` });
    expect(claims).not.toHaveProperty('ath');
    expect(request.headers.get('Authorization')).toBeNull();
  });

  it('retries once with the nonce when the AS answers use_dpop_nonce (§8)', async () => {
    const fake = server({
      [`POST ${AS}/token`]: [
        () => new Response(JSON.stringify({ error: 'use_dpop_nonce' }), { status: 400, headers: { 'Content-Type': 'application/json', 'DPoP-Nonce': 'as-nonce' } }),
        json({ access_token: 'tok-123', token_type: 'DPoP' }),
      ],
    });
    await finishSignIn('C1', started, WALLET, { fetch: fake.fetch });
    const tokenRequests = fake.requests.filter((r) => r.url === `${AS}/token`);
    expect(tokenRequests).toHaveLength(2);
    expect((await verifyProof(tokenRequests[1]!.headers.get('DPoP')!)).claims.nonce).toBe('as-nonce');
  });

  it('refuses a Bearer token after sending DPoP, accepts one from an AS without DPoP, and reports invalid_grant', async () => {
    await rejection(finishSignIn('C1', started, WALLET, { fetch: server({ [`POST ${AS}/token`]: json({ access_token: 't', token_type: 'Bearer' }) }).fetch }), 'bad-response');
    const plain = server({ [`POST ${AS}/token`]: json({ access_token: 't', token_type: 'Bearer' }) }, asMetadata({ dpop_signing_alg_values_supported: undefined }));
    const token = await finishSignIn('C1', started, WALLET, { fetch: plain.fetch });
    expect(token).toEqual({ accessToken: 't' });
    expect(token.dpop).toBeUndefined();
    expect(plain.requests.find((r) => r.url === `${AS}/token`)!.headers.get('DPoP')).toBeNull();
    const expired = await rejection(finishSignIn('C1', started, WALLET, { fetch: server({ [`POST ${AS}/token`]: json({ error: 'invalid_grant' }, 400) }).fetch }), 'oauth');
    expect(expired.details.oauthError).toBe('invalid_grant');
  });
});

describe('credential and nonce requests with a DPoP-bound token (RFC 9449 §7, §9)', () => {
  it('sends Authorization: DPoP with a proof carrying ath, and retries once on 401 use_dpop_nonce', async () => {
    const fake = server({
      [`POST ${ISSUER}/credential`]: [
        () => new Response('', { status: 401, headers: { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce", error_description="nonce"', 'DPoP-Nonce': 'rs-nonce' } }),
        json({ credentials: [{ credential: 'eyJ.cred.sig' }] }),
      ],
    });
    const token = await finishSignIn('C1', { codeVerifier: 'v'.repeat(43), authorizationServer: AS }, WALLET, { fetch: fake.fetch });
    const response = await obtainCredential(issuerMetadata(), tokenAuth(token), 'basic_dbs', await holder(), { fetch: fake.fetch });
    expect(response).toEqual({ kind: 'issued', credentials: ['eyJ.cred.sig'] });
    const nonce = fake.requests.find((r) => r.url === `${ISSUER}/nonce`)!;
    expect(nonce.headers.get('Authorization')).toBe('DPoP tok-123');
    const credentialRequests = fake.requests.filter((r) => r.url === `${ISSUER}/credential`);
    expect(credentialRequests).toHaveLength(2);
    for (const r of credentialRequests) expect(r.headers.get('Authorization')).toBe('DPoP tok-123');
    const first = await verifyProof(credentialRequests[0]!.headers.get('DPoP')!);
    const second = await verifyProof(credentialRequests[1]!.headers.get('DPoP')!);
    expect(first.claims).toMatchObject({ htm: 'POST', htu: `${ISSUER}/credential`, ath: await accessTokenHash('tok-123') });
    expect(first.claims.nonce).toBeUndefined();
    expect(second.claims.nonce).toBe('rs-nonce');
    expect(decodeProtectedHeader(credentialRequests[1]!.headers.get('DPoP')!).jwk).toEqual(token.dpop!.key.publicJwk);
  });

  it('asks by the credential_identifier the token response named (§6.2, §8.2), else by configuration id', async () => {
    const fake = server({
      [`POST ${AS}/token`]: json({ access_token: 'tok-123', token_type: 'DPoP', authorization_details: [{ type: 'openid_credential', credential_configuration_id: 'basic_dbs', credential_identifiers: ['dbs-1', 'dbs-2'] }] }),
    });
    const token = await finishSignIn('C1', { codeVerifier: 'v'.repeat(43), authorizationServer: AS }, WALLET, { fetch: fake.fetch });
    expect(token.credentialIdentifiers).toEqual({ basic_dbs: ['dbs-1', 'dbs-2'] });
    await obtainCredential(issuerMetadata(), tokenAuth(token), 'basic_dbs', await holder(), { fetch: fake.fetch });
    const body = JSON.parse(fake.requests.find((r) => r.url === `${ISSUER}/credential`)!.body) as Record<string, unknown>;
    expect(body.credential_identifier).toBe('dbs-1');
    expect(body).not.toHaveProperty('credential_configuration_id');
  });

  it('keeps Bearer for the pre-authorised flow (a plain token string)', async () => {
    const fake = server();
    await obtainCredential(issuerMetadata(), 'bearer-tok', 'basic_dbs', await holder(), { fetch: fake.fetch });
    expect(fake.requests.find((r) => r.url === `${ISSUER}/credential`)!.headers.get('Authorization')).toBe('Bearer bearer-tok');
    expect(fake.requests.find((r) => r.url === `${ISSUER}/credential`)!.headers.get('DPoP')).toBeNull();
    expect(fake.requests.find((r) => r.url === `${ISSUER}/nonce`)!.headers.get('Authorization')).toBeNull();
  });
});
