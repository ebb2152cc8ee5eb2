/**
 * The DBS issues only after sign-in: the reference servers in process, driven with plain fetch and
 * jose as a wallet would (OpenID4VCI 1.0 §3.4): the admin page's offer (authorization_code grant
 * with issuer_state, no pre-authorised code) → DBS metadata naming the reference AS → PAR → login →
 * code → DPoP-bound token → nonce and credential requests with DPoP (ath, the server's nonce) →
 * an SD-JWT VC for the person who signed in, verified against the trust list. Wallet-initiated
 * issuance (no offer) works for whoever signs in. The DBS refuses Bearer tokens, tokens without a
 * proof, proofs from another key, and nonce-less proofs (asking for its nonce).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential, type TrustList } from '../../../src/credentials/index';
import { finishSignIn, obtainCredential, resolveOffer, signInCode, startSignIn, tokenAuth } from '../../../src/protocols/openid4vci/index';
import { offerLinks } from '../../../src/server/reference/admin-app';
import { DEMO_PASSWORD } from '../../../src/server/reference/demo-people';
import type { ReferenceServers } from '../../../src/server/reference/reference-servers';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { dpopFetch, dpopKey, dpopProof, keyProof, pkce, pushRequest, submitLogin, tokenRequest, type DpopKey } from '../../shared/oauth-client';
import { pinnedTrustList, startReferenceServersInTempDir, stopReferenceServers } from '../../shared/reference-servers';

const WALLET = 'http://localhost:5173';
const REDIRECT = `${WALLET}/authorised`;

describe('the DBS issues after sign-in at the reference authorisation server', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let trustList: TrustList;
  let dbs: string;
  let as: string;

  beforeAll(async () => {
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-sign-in-', { walletUrl: WALLET }));
    ({ trustList } = await pinnedTrustList(servers, new Date()));
    dbs = servers.issuers.dbs.url;
    as = servers.authorizationServer.url;
  });

  afterAll(() => stopReferenceServers(servers, dataDir));

  /** The wallet's sign-in: PAR (with issuer_state when there was an offer) → login → code → token. */
  async function signIn(email: string, issuerState?: string): Promise<{ key: DpopKey; accessToken: string }> {
    const metadata = await (await fetch(`${as}/.well-known/oauth-authorization-server`)).json();
    const p = pkce();
    const pushed = await pushRequest(metadata.pushed_authorization_request_endpoint, {
      response_type: 'code',
      client_id: WALLET,
      redirect_uri: REDIRECT,
      state: 's1',
      code_challenge: p.challenge,
      code_challenge_method: 'S256',
      scope: 'basic_dbs',
      resource: dbs,
      ...(issuerState ? { issuer_state: issuerState } : {}),
    });
    expect(pushed.status).toBe(201);
    const login = await submitLogin(as, String(pushed.body.request_uri), email, DEMO_PASSWORD);
    expect(login.status).toBe(303);
    const code = new URL(login.headers.get('Location')!).searchParams.get('code')!;
    const key = await dpopKey();
    const token = await tokenRequest(metadata.token_endpoint, key, { code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET });
    expect(token.body.token_type).toBe('DPoP');
    return { key, accessToken: String(token.body.access_token) };
  }

  /** §7 nonce, then §8 credential request with a key proof, both with the DPoP token. */
  async function credential(key: DpopKey, accessToken: string) {
    const nonce = await dpopFetch(`${dbs}/nonce`, key, accessToken, undefined);
    expect(nonce.response.status).toBe(200);
    const holder = await dpopKey();
    const proof = await keyProof(holder, dbs, String(nonce.json!.c_nonce));
    const answer = await dpopFetch(`${dbs}/credential`, key, accessToken, { credential_configuration_id: 'basic_dbs', proofs: { jwt: [proof] } });
    return { answer, holder };
  }

  it('publishes the AS in authorization_servers and a scope for basic_dbs, and has no token endpoint of its own', async () => {
    const metadata = await (await fetch(`${dbs}/.well-known/openid-credential-issuer`)).json();
    expect(metadata.authorization_servers).toEqual([as]);
    expect(metadata.credential_configurations_supported.basic_dbs.scope).toBe('basic_dbs');
    expect((await fetch(`${dbs}/.well-known/oauth-authorization-server`)).status).toBe(404);
    expect((await fetch(`${dbs}/token`, { method: 'POST' })).status).toBe(404);
    expect(servers.origins).toContain(as);
  });

  it('the admin page\'s DBS offer carries only an authorization_code grant with issuer_state, and says who signs in', async () => {
    const admin = new URL(servers.adminUrl).origin;
    const created = await fetch(`${admin}/offers`, { method: 'POST', body: new URLSearchParams({ person: 'sam', credential: 'dbs:basic_dbs' }), headers: { Origin: admin }, redirect: 'manual' });
    expect(created.status).toBe(303);
    const page = await (await fetch(`${admin}${created.headers.get('Location')}`)).text();
    const offer = servers.issuers.dbs.offer(created.headers.get('Location')!.split('/').pop()!)!;
    expect(servers.issuers.dbs.offerJson(offer)).toEqual({
      credential_issuer: dbs,
      credential_configuration_ids: ['basic_dbs'],
      grants: { authorization_code: { issuer_state: offer.issuerState, authorization_server: as } },
    });
    expect(offer.issuerState!.length).toBeGreaterThan(20);
    expect(page).not.toContain('tx-code');
    expect(page).toContain('signs in at the reference sign-in service as <code>sam.okafor@example.com</code>');
  });

  it('issues the certificate of the person the offer was made for, after they sign in; the offer is then used', async () => {
    const offer = servers.issuers.dbs.createOffer({ personId: 'ada', configurationId: 'basic_dbs' });
    const { key, accessToken } = await signIn('ada.jones@example.com', offer.issuerState);
    const { answer, holder } = await credential(key, accessToken);
    expect(answer.response.status).toBe(200);
    const raw = String((answer.json!.credentials as { credential: string }[])[0]!.credential);
    const report = await verifyCredential(raw, { trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.claims).toMatchObject({ given_name: 'Ada', family_name: 'Jones', result: 'No convictions or cautions recorded' });
    expect((report.claims.cnf as { jwk: JsonWebKey }).jwk).toMatchObject({ x: holder.publicJwk.x, y: holder.publicJwk.y });
    expect(servers.issuers.dbs.issued().at(-1)).toMatchObject({ offerId: offer.id, personId: 'ada' });
    expect((await fetch(servers.issuers.dbs.offerUri(offer))).status).toBe(410);
    // The notification endpoint takes the same DPoP token.
    const notified = await dpopFetch(`${dbs}/notification`, key, accessToken, { notification_id: answer.json!.notification_id, event: 'credential_accepted' });
    expect(notified.response.status).toBe(204);
  });

  it('wallet-initiated (no offer): whoever signs in gets their own certificate', async () => {
    const { key, accessToken } = await signIn('sam.okafor@example.com');
    const { answer } = await credential(key, accessToken);
    expect(answer.response.status).toBe(200);
    const raw = String((answer.json!.credentials as { credential: string }[])[0]!.credential);
    const report = await verifyCredential(raw, { trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });
    expect(report.valid).toBe(true);
    expect(report.claims).toMatchObject({ given_name: 'Sam', family_name: 'Okafor' });
  });

  it('refuses a sign-in for an offer that was already used', async () => {
    const offer = servers.issuers.dbs.createOffer({ personId: 'ada', configurationId: 'basic_dbs' });
    await signIn('ada.jones@example.com', offer.issuerState);
    const again = await pushRequest(`${as}/par`, { response_type: 'code', client_id: WALLET, redirect_uri: REDIRECT, state: 's', code_challenge: pkce().challenge, code_challenge_method: 'S256', scope: 'basic_dbs', issuer_state: offer.issuerState! });
    expect(again.body).toMatchObject({ error: 'invalid_request' });
  });

  it('asks for its DPoP nonce (401 use_dpop_nonce with DPoP-Nonce), and answers with the next one', async () => {
    const { key, accessToken } = await signIn('ada.jones@example.com');
    const response = await fetch(`${dbs}/nonce`, { method: 'POST', headers: { Authorization: `DPoP ${accessToken}`, DPoP: await dpopProof(key, `${dbs}/nonce`, { accessToken }) } });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^DPoP error="use_dpop_nonce"/);
    const nonce = response.headers.get('DPoP-Nonce')!;
    const retried = await fetch(`${dbs}/nonce`, { method: 'POST', headers: { Authorization: `DPoP ${accessToken}`, DPoP: await dpopProof(key, `${dbs}/nonce`, { accessToken, nonce }) } });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('DPoP-Nonce')).toBeTruthy();
  });

  it.each<[string, (key: DpopKey, accessToken: string) => Promise<RequestInit['headers']>, string]>([
    ['no access token', async () => ({}), 'invalid_token'],
    ['the token as a Bearer token', async (_k, token) => ({ Authorization: `Bearer ${token}` }), 'invalid_token'],
    ['the token without a DPoP proof', async (_k, token) => ({ Authorization: `DPoP ${token}` }), 'invalid_dpop_proof'],
    ['a proof from another key (the token was bound to the first)', async (_k, token) => ({ Authorization: `DPoP ${token}`, DPoP: await dpopProof(await dpopKey(), `${dbs}/credential`, { accessToken: token, nonce: servers.issuers.dbs.dpop.nonce() }) }), 'invalid_dpop_proof'],
    ['a proof without ath', async (k, token) => ({ Authorization: `DPoP ${token}`, DPoP: await dpopProof(k, `${dbs}/credential`, { nonce: servers.issuers.dbs.dpop.nonce() }) }), 'invalid_dpop_proof'],
    ['a proof for another token', async (k, token) => ({ Authorization: `DPoP ${token}`, DPoP: await dpopProof(k, `${dbs}/credential`, { accessToken: `${token}x`, nonce: servers.issuers.dbs.dpop.nonce() }) }), 'invalid_dpop_proof'],
    ['a token not from the AS', async (k) => ({ Authorization: 'DPoP eyJhbGciOiJub25lIn0.e30.', DPoP: await dpopProof(k, `${dbs}/credential`, { accessToken: 'eyJhbGciOiJub25lIn0.e30.', nonce: servers.issuers.dbs.dpop.nonce() }) }), 'invalid_token'],
  ])('refuses a credential request with %s (401, WWW-Authenticate: DPoP)', async (_why, headers, error) => {
    const { key, accessToken } = await signIn('ada.jones@example.com');
    const response = await fetch(`${dbs}/credential`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(await headers(key, accessToken)) }, body: JSON.stringify({ credential_configuration_id: 'basic_dbs', proofs: { jwt: ['x'] } }) });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toContain(`DPoP error="${error}"`);
    expect((await response.json()).error).toBe(error);
  });

  it("Satchel's own OpenID4VCI client signs in from the offer and receives the certificate (PAR, PKCE, DPoP with both servers' nonces)", async () => {
    const http = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 60_000, remoteUrls: { allowLoopback: true } };
    const client = { clientId: WALLET, redirectUri: REDIRECT };
    const offer = servers.issuers.dbs.createOffer({ personId: 'sam', configurationId: 'basic_dbs' });
    const resolved = await resolveOffer(offerLinks(servers.issuers.dbs, offer.id, WALLET).schemeText, http);
    const started = await startSignIn(resolved.metadata, 'basic_dbs', resolved.offer.authorizationCode, client, http);
    // The browser: the sign-in page, then the person's form post.
    const page = new URL(started.url);
    expect(`${page.origin}${page.pathname}`).toBe(`${as}/authorize`);
    expect((await fetch(started.url)).status).toBe(200);
    const login = await submitLogin(as, page.searchParams.get('request_uri')!, 'sam.okafor@example.com', DEMO_PASSWORD);
    const code = signInCode(login.headers.get('Location')!, started);
    const token = await finishSignIn(code, started, client, http);
    expect(token.tokenType).toBe('DPoP');
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const holder = { publicJwk: { kty, crv, x, y }, sign: async (data: Uint8Array) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)) };
    const response = await obtainCredential(resolved.metadata, tokenAuth(token), 'basic_dbs', holder, http);
    expect(response.kind).toBe('issued');
    if (response.kind !== 'issued') return;
    const report = await verifyCredential(response.credentials[0]!, { trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });
    expect(report.valid).toBe(true);
    expect(report.claims).toMatchObject({ given_name: 'Sam' });
  });

  it('the other departments stay pre-authorised', async () => {
    const offer = servers.issuers.dvla.createOffer({ personId: 'ada', configurationId: 'driving_licence' });
    expect(Object.keys(servers.issuers.dvla.offerJson(offer).grants as object)).toEqual(['urn:ietf:params:oauth:grant-type:pre-authorized_code']);
    expect((await (await fetch(`${servers.issuers.dvla.url}/.well-known/openid-credential-issuer`)).json()).authorization_servers).toBeUndefined();
  });
});
