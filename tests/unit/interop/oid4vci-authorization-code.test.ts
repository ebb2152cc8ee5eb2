/**
 * Interop evidence for signing in to an issuer (OpenID4VCI 1.0 §3.4, §5; HAIP 1.0): Satchel's
 * OpenID4VCI client (src/protocols/openid4vci: startSignIn → the browser → signInCode →
 * finishSignIn → obtainCredential) against an issuer and authorization server it did not write —
 * the OpenWallet Foundation's oid4vc-ts 0.4.6 (tests/shared/owf-issuer.ts), which requires PAR
 * (RFC 9126), PKCE S256 (RFC 7636) and DPoP (RFC 9449) with its own DPoP nonce at the token
 * endpoint (§8) and at the credential endpoint (§9).
 *
 * The browser's part is played by the test: `signIn(url)` is the person signing in at the
 * authorization endpoint, answering the redirect back to the wallet. oid4vc-ts 0.4.6 has no
 * maker for that redirect (only for its authorization challenge), so the AS's authorization
 * endpoint is the harness's own code over the library's request_uri helper; everything on the
 * wire that Satchel sends — the pushed request, the token request with its DPoP proof and PKCE
 * verifier, the DPoP-bound resource requests — is parsed and checked by the library. What else
 * 0.4.6 leaves to a server (demanding PKCE S256 and a DPoP nonce, matching redirect_uri and
 * client_id, single use, credential_identifiers) is listed in tests/shared/owf-issuer.ts's header.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, decodeJwt, HashAlgorithm } from '@openid4vc/oauth2';
import { createHash } from 'node:crypto';
import { trustListFromIssuers, verifyCredential } from '../../../src/credentials/index';
import {
  fetchIssuerMetadata,
  finishSignIn,
  obtainCredential,
  Oid4vciError,
  pkceChallenge,
  resolveOffer,
  signInCode,
  startSignIn,
  tokenAuth,
  type Holder,
  type HttpOptions,
  type SignInStart,
} from '../../../src/protocols/openid4vci/index';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { createOwfIssuer, OWF_AS, OWF_CONFIGURATION_ID, OWF_ISSUER, OWF_ISSUER_NAME, OWF_SUBJECT, OWF_VCT, type OwfIssuer } from '../../shared/owf-issuer';

const WALLET = { clientId: 'https://wallet.example', redirectUri: 'https://wallet.example/authorised' };
const SCOPE = 'basic_disclosure';

/** A holder key as the vault makes one: WebCrypto P-256, private part not extractable. */
async function holderKey(): Promise<Holder> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    publicJwk: { kty, crv, x, y },
    sign: async (input) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, input as Uint8Array<ArrayBuffer>)),
  };
}

const sha256 = (data: Uint8Array, alg: string) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest());
const thumbprint = (jwk: JsonWebKey) => calculateJwkThumbprint({ jwk: jwk as never, hashAlgorithm: HashAlgorithm.Sha256, hashCallback: sha256 });
const payloadOf = (jwt: string) => decodeJwt({ jwt }).payload as Record<string, unknown>;

async function rejection(promise: Promise<unknown>): Promise<Oid4vciError> {
  const e = await promise.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(Oid4vciError);
  return e as Oid4vciError;
}

for (const asking of ['scope', 'authorization_details'] as const) {
  describe(`signing in to oid4vc-ts's issuer and authorization server (asking by ${asking})`, () => {
    let server: OwfIssuer;
    let http: HttpOptions & { now: () => number };

    beforeEach(async () => {
      server = await createOwfIssuer(asking === 'scope' ? { scope: SCOPE } : {});
      // https origins answered in-process: the production remote-URL policy, unchanged.
      http = { fetch: (url, init) => server.fetch(url, init), now: () => server.now, timeoutMs: 60_000 };
    });

    const calls = (method: string, url: string) => server.exchanges.filter((x) => x.method === method && x.url === url);

    /** Offer → metadata → PAR → the authorization URL (§5), as the wallet starts it. */
    async function start(): Promise<{ started: SignInStart; issuerState: string; metadata: Awaited<ReturnType<typeof resolveOffer>>['metadata'] }> {
      const { text, issuerState } = await server.createOffer();
      const resolved = await resolveOffer(text, http);
      expect(resolved.offer.authorizationCode).toEqual({ issuerState });
      const started = await startSignIn(resolved.metadata, OWF_CONFIGURATION_ID, resolved.offer.authorizationCode, WALLET, http);
      return { started, issuerState, metadata: resolved.metadata };
    }

    it('offer → PAR → sign-in → redirect → DPoP token → nonce → credential: the library accepts every step and the credential verifies', async () => {
      const { started, issuerState, metadata } = await start();

      // RFC 9126 §4: the browser carries only client_id and the pushed request_uri.
      const authorization = new URL(started.url);
      expect(`${authorization.origin}${authorization.pathname}`).toBe(`${OWF_AS}/authorize`);
      expect([...authorization.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
      expect(authorization.searchParams.get('client_id')).toBe(WALLET.clientId);
      // What the library parsed from the pushed request (§5.1, RFC 7636 §4.3).
      const [pushed] = server.pushed;
      expect(pushed).toMatchObject({ clientId: WALLET.clientId, redirectUri: WALLET.redirectUri, issuerState, state: started.state });
      expect(pushed!.codeChallenge).toBe(await pkceChallenge(started.codeVerifier));
      expect(pushed!.parameters.code_challenge_method).toBe('S256');
      if (asking === 'scope') {
        expect(pushed!.scope).toBe(SCOPE);
        expect(pushed!.authorizationDetails).toBeUndefined();
      } else {
        expect(pushed!.scope).toBeUndefined();
        expect(pushed!.authorizationDetails).toEqual([expect.objectContaining({ type: 'openid_credential', credential_configuration_id: OWF_CONFIGURATION_ID })]);
      }
      // The DPoP key is made after the redirect: nothing binds it at PAR (RFC 9449 §10 is optional).
      expect(pushed!.dpopJkt).toBeUndefined();
      expect(calls('POST', `${OWF_AS}/par`)[0]!.requestHeaders.dpop).toBeUndefined();

      // The person signs in; the AS redirects back with code, state and iss (RFC 9207).
      const redirect = await server.signIn(started.url);
      expect(new URL(redirect).searchParams.get('iss')).toBe(OWF_AS);
      const code = signInCode(redirect, started);
      const token = await finishSignIn(code, started, WALLET, http);

      // RFC 9449 §8: the AS asked for its nonce once; the retry carried it and got a DPoP-bound token.
      const tokenCalls = calls('POST', `${OWF_AS}/token`);
      expect(tokenCalls.map((x) => x.status)).toEqual([400, 200]);
      expect(JSON.parse(tokenCalls[0]!.responseBody)).toMatchObject({ error: 'use_dpop_nonce' });
      expect(payloadOf(tokenCalls[1]!.requestHeaders.dpop!)).toMatchObject({ htm: 'POST', htu: `${OWF_AS}/token`, nonce: server.dpopNonce.as });
      expect(Object.fromEntries(new URLSearchParams(tokenCalls[1]!.requestBody))).toMatchObject({ grant_type: 'authorization_code', code, code_verifier: started.codeVerifier, redirect_uri: WALLET.redirectUri, client_id: WALLET.clientId });
      expect(token.tokenType).toBe('DPoP');
      expect(token.dpop).toBeDefined();
      // The DPoP key cannot leave WebCrypto, and the token is bound to it (cnf.jkt).
      expect(token.dpop!.key.privateKey.extractable).toBe(false);
      expect(payloadOf(token.accessToken).cnf).toEqual({ jkt: await thumbprint(token.dpop!.key.publicJwk) });

      const holder = await holderKey();
      const response = await obtainCredential(metadata, tokenAuth(token), OWF_CONFIGURATION_ID, holder, http);
      expect(response).toEqual({ kind: 'issued', credentials: [server.issued[0]] });

      // RFC 9449 §9: the credential endpoint asked for its own nonce with a 401 DPoP challenge; the
      // retry carried it, the token under the DPoP scheme and a proof with ath (§7.1).
      const credentialCalls = calls('POST', `${OWF_ISSUER}/credential`);
      expect(credentialCalls.map((x) => x.status)).toEqual([401, 200]);
      expect(credentialCalls[0]!.responseHeaders['www-authenticate']).toMatch(/^DPoP .*error="use_dpop_nonce"/);
      const accepted = credentialCalls[1]!;
      expect(accepted.requestHeaders.authorization).toBe(`DPoP ${token.accessToken}`);
      expect(payloadOf(accepted.requestHeaders.dpop!)).toMatchObject({
        htm: 'POST',
        htu: `${OWF_ISSUER}/credential`,
        nonce: server.dpopNonce.rs,
        ath: createHash('sha256').update(token.accessToken).digest('base64url'),
      });
      // The key proof carries the c_nonce from the nonce endpoint (§7), after the token.
      expect(server.noncesIssued).toHaveLength(1);
      const order = server.exchanges.map((x) => x.url);
      expect(order.indexOf(`${OWF_ISSUER}/nonce`)).toBeGreaterThan(order.lastIndexOf(`${OWF_AS}/token`));

      // The credential verifies under the trust list's key for this issuer, bound to the holder key.
      const report = await verifyCredential(server.issued[0]!, {
        trustList: trustListFromIssuers([{ id: OWF_ISSUER, name: OWF_ISSUER_NAME, keys: [server.issuerPublicJwk], types: [OWF_VCT] }]),
        verifier: nobleVerifier,
        now: new Date(server.now),
      });
      expect(report.valid, JSON.stringify(report.checks)).toBe(true);
      expect(report).toMatchObject({ format: 'dc+sd-jwt', type: OWF_VCT, issuer: { id: OWF_ISSUER } });
      expect(report.claims).toMatchObject(OWF_SUBJECT);
      expect(payloadOf(server.issued[0]!.split('~')[0]!)).toMatchObject({ cnf: { jwk: { x: holder.publicJwk.x, y: holder.publicJwk.y } } });
    });

    if (asking === 'authorization_details') {
      it('uses the credential_identifier the token response gave (OpenID4VCI 1.0 §6.2, §8.2), not the configuration id', async () => {
        const { started, metadata } = await start();
        const token = await finishSignIn(signInCode(await server.signIn(started.url), started), started, WALLET, http);
        const tokenBody = JSON.parse(calls('POST', `${OWF_AS}/token`).at(-1)!.responseBody) as { authorization_details: { credential_identifiers: string[] }[] };
        const [identifier] = tokenBody.authorization_details[0]!.credential_identifiers;
        await obtainCredential(metadata, tokenAuth(token), OWF_CONFIGURATION_ID, await holderKey(), http);
        const request = JSON.parse(calls('POST', `${OWF_ISSUER}/credential`).at(-1)!.requestBody) as Record<string, unknown>;
        expect(request.credential_identifier).toBe(identifier);
        expect(request).not.toHaveProperty('credential_configuration_id');
        expect(server.issued).toHaveLength(1);
      });
    }
  });
}

describe('signing in to oid4vc-ts: without an offer, with a named server, with rotated DPoP nonces', () => {
  let server: OwfIssuer;
  let http: HttpOptions & { now: () => number };

  beforeEach(async () => {
    server = await createOwfIssuer({ scope: SCOPE });
    http = { fetch: (url, init) => server.fetch(url, init), now: () => server.now, timeoutMs: 60_000 };
  });

  const calls = (method: string, url: string) => server.exchanges.filter((x) => x.method === method && x.url === url);

  it('wallet-initiated (no offer, §3.4): no issuer_state is sent, and the credential comes', async () => {
    const metadata = await fetchIssuerMetadata(OWF_ISSUER, http);
    const started = await startSignIn(metadata, OWF_CONFIGURATION_ID, undefined, WALLET, http);
    expect(server.pushed[0]!.parameters).not.toHaveProperty('issuer_state');
    const token = await finishSignIn(signInCode(await server.signIn(started.url), started), started, WALLET, http);
    const response = await obtainCredential(metadata, tokenAuth(token), OWF_CONFIGURATION_ID, await holderKey(), http);
    expect(response).toEqual({ kind: 'issued', credentials: server.issued });
    expect(server.issued).toHaveLength(1);
  });

  it("an offer naming its authorization_server (§4.1.1): that server's metadata is used", async () => {
    const { text, issuerState } = await server.createOffer({ authorizationServer: true });
    const resolved = await resolveOffer(text, http);
    expect(resolved.offer.authorizationCode).toEqual({ issuerState, authorizationServer: OWF_AS });
    const started = await startSignIn(resolved.metadata, OWF_CONFIGURATION_ID, resolved.offer.authorizationCode, WALLET, http);
    expect(started.authorizationServer).toBe(OWF_AS);
    expect(server.pushed[0]!.issuerState).toBe(issuerState);
  });

  it('a server that rotates its DPoP nonce (RFC 9449 §8–9): the stale proof is refused once and the retry carries the new nonce', async () => {
    const metadata = await fetchIssuerMetadata(OWF_ISSUER, http);
    const started = await startSignIn(metadata, OWF_CONFIGURATION_ID, undefined, WALLET, http);
    const token = await finishSignIn(signInCode(await server.signIn(started.url), started), started, WALLET, http);
    await obtainCredential(metadata, tokenAuth(token), OWF_CONFIGURATION_ID, await holderKey(), http);
    const stale = server.dpopNonce.rs;
    server.rotateDpopNonces();
    // A second credential with the same token and DPoP session (e.g. a second device key).
    await obtainCredential(metadata, tokenAuth(token), OWF_CONFIGURATION_ID, await holderKey(), http);
    const credentialCalls = calls('POST', `${OWF_ISSUER}/credential`);
    expect(credentialCalls.map((x) => x.status)).toEqual([401, 200, 401, 200]);
    expect(payloadOf(credentialCalls[2]!.requestHeaders.dpop!).nonce).toBe(stale);
    expect(payloadOf(credentialCalls[3]!.requestHeaders.dpop!).nonce).toBe(server.dpopNonce.rs);
    expect(server.issued).toHaveLength(2);
  });
});

describe('oid4vc-ts refuses, and Satchel says why', () => {
  let server: OwfIssuer;
  let http: HttpOptions & { now: () => number };
  let started: SignInStart;
  let redirect: string;

  beforeEach(async () => {
    server = await createOwfIssuer({ scope: SCOPE });
    http = { fetch: (url, init) => server.fetch(url, init), now: () => server.now, timeoutMs: 60_000 };
    const { text } = await server.createOffer();
    const resolved = await resolveOffer(text, http);
    started = await startSignIn(resolved.metadata, OWF_CONFIGURATION_ID, resolved.offer.authorizationCode, WALLET, http);
    redirect = await server.signIn(started.url);
  });

  afterEach(() => expect(server.issued).toEqual([]));

  const tokenAnswers = () => server.exchanges.filter((x) => x.url === `${OWF_AS}/token`).map((x) => JSON.parse(x.responseBody) as Record<string, unknown>);

  it('a wrong PKCE code_verifier (what was kept was lost or tampered with): invalid_grant, the library saying PKCE failed', async () => {
    // The last character changed (always to a different one, so the test cannot pass by chance).
    const wrong = `${started.codeVerifier.slice(0, -1)}${started.codeVerifier.endsWith('A') ? 'B' : 'A'}`;
    const e = await rejection(finishSignIn(signInCode(redirect, started), { ...started, codeVerifier: wrong }, WALLET, http));
    expect(e.kind).toBe('oauth');
    expect(e.details).toMatchObject({ oauthError: 'invalid_grant', status: 400, url: `${OWF_AS}/token` });
    expect(e.message).toMatch(/invalid_grant/);
    expect(e.details.description).toMatch(/code verifier|code_verifier|pkce/i);
    expect(tokenAnswers().at(-1)).toMatchObject({ error: 'invalid_grant' });
  });

  it('a token request whose DPoP proof went missing on the way: invalid_dpop_proof, and no retry', async () => {
    // A proxy that drops the DPoP header: Satchel sends it, the AS never sees it.
    const stripped: HttpOptions & { now: () => number } = {
      ...http,
      fetch: (url, init) => {
        const headers = new Headers(init?.headers);
        if (url === `${OWF_AS}/token`) headers.delete('DPoP');
        return server.fetch(url, { ...init, headers });
      },
    };
    const e = await rejection(finishSignIn(signInCode(redirect, started), started, WALLET, stripped));
    expect(e.kind).toBe('oauth');
    expect(e.details).toMatchObject({ oauthError: 'invalid_dpop_proof', description: 'Missing required DPoP proof', status: 400 });
    expect(e.message).toMatch(/invalid_dpop_proof: Missing required DPoP proof/);
    expect(tokenAnswers()).toHaveLength(1);
  });

  it('a code used twice: the second token request is invalid_grant (RFC 6749 §4.1.2)', async () => {
    const code = signInCode(redirect, started);
    await finishSignIn(code, started, WALLET, http);
    const e = await rejection(finishSignIn(code, started, WALLET, http));
    expect(e.details).toMatchObject({ oauthError: 'invalid_grant' });
    server.issued.length = 0;
  });

  it('an expired code: invalid_grant after the library checks its lifetime', async () => {
    server.now += 120_000;
    const e = await rejection(finishSignIn(signInCode(redirect, started), started, WALLET, http));
    expect(e.details).toMatchObject({ oauthError: 'invalid_grant', description: "Expired 'code' provided" });
  });

  it('the person refuses to sign in: access_denied from the redirect, marked as the sign-in\'s answer', async () => {
    const { text } = await server.createOffer();
    const resolved = await resolveOffer(text, http);
    const again = await startSignIn(resolved.metadata, OWF_CONFIGURATION_ID, resolved.offer.authorizationCode, WALLET, http);
    const denied = await server.signIn(again.url, { deny: true });
    let e: unknown;
    try {
      signInCode(denied, again);
    } catch (error) {
      e = error;
    }
    expect(e).toBeInstanceOf(Oid4vciError);
    expect((e as Oid4vciError).details).toMatchObject({ oauthError: 'access_denied', authorizationResponse: true });
  });

  it('a redirect for another request (state) or from another server (iss) is refused before any token request', () => {
    const otherState = new URL(redirect);
    otherState.searchParams.set('state', 'someone-elses');
    expect(() => signInCode(otherState.toString(), started)).toThrow(/state does not match/);
    const otherIss = new URL(redirect);
    otherIss.searchParams.set('iss', 'https://evil.example');
    expect(() => signInCode(otherIss.toString(), started)).toThrow(/iss/);
    expect(server.exchanges.filter((x) => x.url === `${OWF_AS}/token`)).toEqual([]);
  });
});
