/**
 * The OWF issuer + authorization server (tests/shared/owf-issuer.ts) checked on its own, before
 * Satchel is driven against it: oid4vc-ts 0.4.6's own client (`Openid4vciClient`) completes the
 * authorization code flow through it — PAR, PKCE S256, sign-in, a DPoP-bound token after a
 * `use_dpop_nonce` retry at the token and at the credential endpoint — and it refuses what HAIP
 * 1.0 says it must: no PAR, no PKCE or `plain` PKCE, a wrong `code_verifier`, no DPoP proof, a
 * DPoP token used as a Bearer token. If this file fails, the interop tests prove nothing.
 */
import { calculateJwkThumbprint, clientAuthenticationNone, HashAlgorithm, Oauth2Client, Oauth2ClientErrorResponseError, resourceRequest, type CallbackContext, type Jwk, type JwtSignerJwk } from '@openid4vc/oauth2';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { digest, ES256 } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { createHash, randomBytes } from 'node:crypto';
import { CompactSign, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOwfIssuer, OWF_AS, OWF_CONFIGURATION_ID, OWF_ISSUER, OWF_SUBJECT, OWF_VCT, type OwfIssuer } from '../../shared/owf-issuer';

const WALLET = 'https://wallet.example';
const REDIRECT = `${WALLET}/authorised`;
const SCOPE = 'basic_disclosure';

interface ClientKey {
  signer: JwtSignerJwk;
  privateKey: CryptoKey;
}

async function clientKey(): Promise<ClientKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { signer: { method: 'jwk', alg: 'ES256', publicJwk: (await exportJWK(publicKey)) as Jwk }, privateKey };
}

/** The library's client callbacks: signing with whichever test key the signer names. */
function clientCallbacks(server: OwfIssuer, keys: ClientKey[]): Omit<CallbackContext, 'verifyJwt' | 'decryptJwe' | 'encryptJwe'> {
  return {
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    clientAuthentication: clientAuthenticationNone({ clientId: WALLET }),
    fetch: (input, init) => server.fetch(input as string, init as RequestInit),
    signJwt: async (signer, jwt) => {
      const key = keys.find((k) => signer.method === 'jwk' && k.signer.publicJwk.x === signer.publicJwk.x);
      if (!key) throw new Error('unknown signer');
      const compact = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload))).setProtectedHeader({ ...jwt.header, alg: 'ES256' }).sign(key.privateKey);
      return { jwt: compact, signerJwk: key.signer.publicJwk };
    },
  };
}

describe('the OWF issuer and authorization server (oid4vc-ts 0.4.6) with its own client', () => {
  let server: OwfIssuer;
  let dpopKey: ClientKey;
  let holderKey: ClientKey;
  let client: Openid4vciClient;
  let oauth2: Oauth2Client;
  let callbacks: ReturnType<typeof clientCallbacks>;

  beforeEach(async () => {
    server = await createOwfIssuer({ scope: SCOPE });
    [dpopKey, holderKey] = await Promise.all([clientKey(), clientKey()]);
    callbacks = clientCallbacks(server, [dpopKey, holderKey]);
    client = new Openid4vciClient({ callbacks });
    oauth2 = new Oauth2Client({ callbacks });
  });

  const calls = (method: string, url: string) => server.exchanges.filter((x) => x.method === method && x.url === url);

  /** Offer → PAR → sign-in → redirect: the code and the PKCE verifier. */
  async function authorize(options: { dpopAtPar?: boolean } = {}) {
    const offer = await server.createOffer();
    const credentialOffer = await client.resolveCredentialOffer(offer.text);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    // Openid4vciClient.createAuthorizationRequestUrlFromOffer drops `state` in 0.4.6, so the
    // underlying Oauth2Client call, with the offer's issuer_state (§5.1.3) as the library would add it.
    const started = await oauth2.createAuthorizationRequestUrl({
      authorizationServerMetadata: issuerMetadata.authorizationServers[0]!,
      clientId: WALLET,
      redirectUri: REDIRECT,
      scope: SCOPE,
      state: 'state-1',
      additionalRequestPayload: { issuer_state: credentialOffer.grants?.authorization_code?.issuer_state },
      ...(options.dpopAtPar ? { dpop: { signer: dpopKey.signer } } : {}),
    });
    const redirect = await server.signIn(started.authorizationRequestUrl);
    const response = client.parseAndVerifyAuthorizationResponseRedirectUrl({ url: redirect, authorizationServerMetadata: issuerMetadata.authorizationServers[0]! });
    return { offer, credentialOffer, issuerMetadata, started, redirect, code: response.code!, state: response.state, verifier: started.pkce!.codeVerifier };
  }

  it('completes the flow: PAR, PKCE S256, sign-in, DPoP-bound token and credential after each server asked for its DPoP nonce', async () => {
    const flow = await authorize({ dpopAtPar: true });
    // PAR first; the browser is sent with client_id and request_uri only (RFC 9126 §4).
    expect(new URL(flow.started.authorizationRequestUrl).searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect([...new URL(flow.started.authorizationRequestUrl).searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(server.pushed[0]).toMatchObject({ clientId: WALLET, redirectUri: REDIRECT, issuerState: flow.offer.issuerState, scope: SCOPE, state: 'state-1' });
    expect(server.pushed[0]!.dpopJkt).toBe(await calculateJwkThumbprint({ jwk: dpopKey.signer.publicJwk, hashAlgorithm: HashAlgorithm.Sha256, hashCallback: (d, a) => new Uint8Array(createHash(a.replace('-', '')).update(d).digest()) }));
    expect(flow.redirect).toMatch(new RegExp(`^${REDIRECT}\\?code=[^&]+&state=state-1&iss=${encodeURIComponent(OWF_AS)}$`));

    const token = await client.retrieveAuthorizationCodeAccessTokenFromOffer({
      credentialOffer: flow.credentialOffer,
      issuerMetadata: flow.issuerMetadata,
      authorizationCode: flow.code,
      pkceCodeVerifier: flow.verifier,
      redirectUri: REDIRECT,
      dpop: { signer: dpopKey.signer },
    });
    expect(token.accessTokenResponse.token_type).toBe('DPoP');
    const { c_nonce } = await client.requestNonce({ issuerMetadata: flow.issuerMetadata });
    const proof = await client.createCredentialRequestJwtProof({ issuerMetadata: flow.issuerMetadata, credentialConfigurationId: OWF_CONFIGURATION_ID, signer: holderKey.signer, nonce: c_nonce, clientId: WALLET });
    const answer = await client.retrieveCredentials({ issuerMetadata: flow.issuerMetadata, credentialConfigurationId: OWF_CONFIGURATION_ID, accessToken: token.accessTokenResponse.access_token, proof: { proof_type: 'jwt', jwt: proof.jwt }, dpop: token.dpop! });
    const compact = (answer.credentialResponse.credentials as { credential: string }[])[0]!.credential;
    expect(compact).toBe(server.issued[0]);

    // Each server first answered use_dpop_nonce (RFC 9449 §8 with a 400, §9 with a 401 DPoP challenge), then took the retry.
    expect(calls('POST', `${OWF_AS}/token`).map((x) => x.status)).toEqual([400, 200]);
    expect(JSON.parse(calls('POST', `${OWF_AS}/token`)[0]!.responseBody)).toMatchObject({ error: 'use_dpop_nonce' });
    const credentialCalls = calls('POST', `${OWF_ISSUER}/credential`);
    expect(credentialCalls.map((x) => x.status)).toEqual([401, 200]);
    expect(credentialCalls[0]!.responseHeaders['www-authenticate']).toMatch(/^DPoP .*error="use_dpop_nonce"/);
    expect(credentialCalls[0]!.responseHeaders['dpop-nonce']).toBe(server.dpopNonce.rs);
    expect(credentialCalls[1]!.requestHeaders.authorization).toMatch(/^DPoP /);

    // The credential verifies under the issuer's key and is bound to the holder key.
    const sdjwt = new SDJwtVcInstance({ hasher: digest, verifier: async (data, signature) => (await ES256.getVerifier(server.issuerPublicJwk as JsonWebKey))(data, signature) });
    const verified = await sdjwt.verify(compact);
    expect(verified.payload).toMatchObject({ iss: OWF_ISSUER, vct: OWF_VCT, ...OWF_SUBJECT, cnf: { jwk: { x: holderKey.signer.publicJwk.x } } });
  });

  it('asked by authorization_details (§5.1.1), the token response names credential_identifiers and only those fetch the credential (§6.2, §8.2)', async () => {
    server = await createOwfIssuer();
    callbacks = clientCallbacks(server, [dpopKey, holderKey]);
    oauth2 = new Oauth2Client({ callbacks });
    client = new Openid4vciClient({ callbacks });
    const offer = await server.createOffer();
    const credentialOffer = await client.resolveCredentialOffer(offer.text);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const asMetadata = issuerMetadata.authorizationServers[0]!;
    const started = await oauth2.createAuthorizationRequestUrl({
      authorizationServerMetadata: asMetadata,
      clientId: WALLET,
      redirectUri: REDIRECT,
      additionalRequestPayload: { issuer_state: offer.issuerState, authorization_details: [{ type: 'openid_credential', credential_configuration_id: OWF_CONFIGURATION_ID }] },
    });
    const code = new URL(await server.signIn(started.authorizationRequestUrl)).searchParams.get('code')!;
    const token = await oauth2.retrieveAuthorizationCodeAccessToken({ authorizationServerMetadata: asMetadata, authorizationCode: code, pkceCodeVerifier: started.pkce!.codeVerifier, redirectUri: REDIRECT, dpop: { signer: dpopKey.signer } });
    const [details] = token.accessTokenResponse.authorization_details as { credential_configuration_id: string; credential_identifiers: string[] }[];
    expect(details).toMatchObject({ type: 'openid_credential', credential_configuration_id: OWF_CONFIGURATION_ID, credential_identifiers: [expect.any(String)] });

    const ask = async (request: Record<string, unknown>) => {
      const { c_nonce } = await client.requestNonce({ issuerMetadata });
      const proof = await client.createCredentialRequestJwtProof({ issuerMetadata, credentialConfigurationId: OWF_CONFIGURATION_ID, signer: holderKey.signer, nonce: c_nonce });
      return resourceRequest({
        callbacks,
        accessToken: token.accessTokenResponse.access_token,
        url: `${OWF_ISSUER}/credential`,
        dpop: { signer: dpopKey.signer, ...(token.dpop?.nonce ? { nonce: token.dpop.nonce } : {}) },
        requestOptions: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...request, proofs: { jwt: [proof.jwt] } }) },
      });
    };
    const byConfiguration = await ask({ credential_configuration_id: OWF_CONFIGURATION_ID });
    expect(byConfiguration.response.status).toBe(400);
    expect(await byConfiguration.response.json()).toMatchObject({ error: 'invalid_credential_request' });
    const byIdentifier = await ask({ credential_identifier: details!.credential_identifiers[0] });
    expect(byIdentifier.response.status).toBe(200);
    expect(server.issued).toHaveLength(1);
  });

  async function tokenError(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
    const e = await run().then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(Oauth2ClientErrorResponseError);
    return (e as Oauth2ClientErrorResponseError).errorResponse as Record<string, unknown>;
  }

  it('refuses a wrong code_verifier (invalid_grant) and a token request without a DPoP proof (invalid_dpop_proof)', async () => {
    const first = await authorize();
    const asMetadata = first.issuerMetadata.authorizationServers[0]!;
    const wrong = await tokenError(() => oauth2.retrieveAuthorizationCodeAccessToken({ authorizationServerMetadata: asMetadata, authorizationCode: first.code, pkceCodeVerifier: `${first.verifier}x`, redirectUri: REDIRECT, dpop: { signer: dpopKey.signer } }));
    expect(wrong).toMatchObject({ error: 'invalid_grant' });

    const second = await authorize();
    const noDpop = await tokenError(() => oauth2.retrieveAuthorizationCodeAccessToken({ authorizationServerMetadata: asMetadata, authorizationCode: second.code, pkceCodeVerifier: second.verifier, redirectUri: REDIRECT }));
    expect(noDpop).toMatchObject({ error: 'invalid_dpop_proof', error_description: 'Missing required DPoP proof' });
    expect(server.issued).toEqual([]);
  });

  it('refuses an authorization request that was not pushed, and a pushed one without S256 PKCE', async () => {
    await expect(server.signIn(`${OWF_AS}/authorize?response_type=code&client_id=${encodeURIComponent(WALLET)}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=${SCOPE}`)).rejects.toThrow(/PAR is required/);
    const push = (extra: Record<string, string>) =>
      server.fetch(`${OWF_AS}/par`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ response_type: 'code', client_id: WALLET, redirect_uri: REDIRECT, scope: SCOPE, ...extra }).toString() });
    const none = await push({});
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: 'invalid_request', error_description: 'PKCE is required: code_challenge is missing' });
    const plain = await push({ code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' });
    expect(await plain.json()).toMatchObject({ error: 'invalid_request', error_description: 'PKCE code_challenge_method must be S256' });
    const s256 = await push({ code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' });
    expect(s256.status).toBe(201);
  });

  it('refuses the DPoP-bound token presented as a Bearer token', async () => {
    const flow = await authorize();
    const token = await client.retrieveAuthorizationCodeAccessTokenFromOffer({ credentialOffer: flow.credentialOffer, issuerMetadata: flow.issuerMetadata, authorizationCode: flow.code, pkceCodeVerifier: flow.verifier, redirectUri: REDIRECT, dpop: { signer: dpopKey.signer } });
    const response = await server.fetch(`${OWF_ISSUER}/credential`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.accessTokenResponse.access_token}` }, body: JSON.stringify({ credential_configuration_id: OWF_CONFIGURATION_ID }) });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^DPoP/);
    expect(server.issued).toEqual([]);
  });
});
