/**
 * The reference authorisation server on its own (a stub department as its resource), driven over
 * HTTP with plain fetch and jose: metadata, PAR → sign-in page → login → redirect with code, state
 * and iss → token with PKCE and DPoP (nonce required) → a DPoP-bound JWT access token; and every
 * refusal: no pushed request, bad PAR parameters, wrong PKCE verifier, wrong redirect_uri, a code
 * used twice (what it bought is revoked), expired codes and requests, missing or bad DPoP proofs,
 * replayed proofs, a wrong password, the wrong person for an offer, Cancel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReferenceAuthorizationServer, type SignInResource } from '../../../src/server/reference/authorization-server';
import { authorizationServerApp } from '../../../src/server/reference/authorization-server-app';
import { DEMO_PASSWORD } from '../../../src/server/reference/demo-people';
import { loadOrCreateKeys } from '../../../src/server/reference/keys';
import { dpopKey, dpopProof, form, pkce, pushRequest, submitLogin, tokenRequest, type DpopKey } from '../../shared/oauth-client';

const WALLET = 'http://localhost:5173';
const REDIRECT = `${WALLET}/authorised`;
const DEPARTMENT = 'http://localhost:5177';

/** A department that issues `basic_dbs` after sign-in, with one open offer for Ada. */
function stubDepartment() {
  const grants: { personId: string; configurationId: string; issuerState?: string }[] = [];
  const offers = new Map([['offer-for-ada', { personId: 'ada', configurationId: 'basic_dbs' }]]);
  const resource: SignInResource = {
    url: DEPARTMENT,
    name: { en: 'Disclosure and Barring Service', cy: 'Y Gwasanaeth Datgelu a Gwahardd' },
    signInConfigurations: () => [{ id: 'basic_dbs', scope: 'basic_dbs', name: { en: 'Basic DBS check', cy: 'Gwiriad DBS sylfaenol' } }],
    openIssuerState: (state) => offers.get(state),
    grantSignedIn: (input) => {
      grants.push(input);
      return `grant-${grants.length}`;
    },
  };
  return { resource, grants };
}

describe('reference authorisation server', () => {
  let dataDir: string;
  let server: ServerType;
  let as: ReferenceAuthorizationServer;
  let url: string;
  let clock = Date.now();
  let department: ReturnType<typeof stubDepartment>;
  let key: DpopKey;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'satchel-as-'));
    const keys = await loadOrCreateKeys(dataDir, ['authorization-server']);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: (r) => authorizationServerApp(as, [WALLET]).fetch(r), port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    url = `http://localhost:${(server.address() as AddressInfo).port}`;
    as = new ReferenceAuthorizationServer({ url, key: keys['authorization-server']!, now: () => clock });
    department = stubDepartment();
    as.addResource(department.resource);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    clock = Date.now();
    key = await dpopKey();
  });

  /** The pushed request's parameters; an empty string in `extra` leaves that one out. */
  const parFields = (challenge: string, extra: Record<string, string> = {}): Record<string, string> => {
    const fields: Record<string, string> = { response_type: 'code', client_id: WALLET, redirect_uri: REDIRECT, state: 'state-123', code_challenge: challenge, code_challenge_method: 'S256', scope: 'basic_dbs', ...extra };
    for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
    return fields;
  };

  /** PAR → login as `email` → the redirect's code. */
  async function signIn(extra: Record<string, string> = {}, email = 'ada.jones@example.com') {
    const p = pkce();
    const pushed = await pushRequest(`${url}/par`, parFields(p.challenge, extra));
    expect(pushed.status).toBe(201);
    const login = await submitLogin(url, String(pushed.body.request_uri), email, DEMO_PASSWORD);
    expect(login.status).toBe(303);
    const redirect = new URL(login.headers.get('Location')!);
    return { pkce: p, redirect, code: redirect.searchParams.get('code')! };
  }

  it('publishes RFC 8414 metadata requiring PAR, PKCE S256 and ES256 DPoP', async () => {
    const metadata = await (await fetch(`${url}/.well-known/oauth-authorization-server`)).json();
    expect(metadata).toMatchObject({
      issuer: url,
      authorization_endpoint: `${url}/authorize`,
      token_endpoint: `${url}/token`,
      pushed_authorization_request_endpoint: `${url}/par`,
      require_pushed_authorization_requests: true,
      code_challenge_methods_supported: ['S256'],
      dpop_signing_alg_values_supported: ['ES256'],
      response_types_supported: ['code'],
      authorization_response_iss_parameter_supported: true,
      grant_types_supported: ['authorization_code'],
      scopes_supported: ['basic_dbs'],
    });
  });

  it('signs a person in through PAR and the login page, and gives a DPoP-bound token for the code', async () => {
    const p = pkce();
    const pushed = await pushRequest(`${url}/par`, parFields(p.challenge));
    expect(pushed.status).toBe(201);
    const requestUri = String(pushed.body.request_uri);
    expect(requestUri).toMatch(/^urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{20,}$/);
    expect(pushed.body.expires_in).toBeGreaterThanOrEqual(60);
    expect(pushed.body.expires_in).toBeLessThanOrEqual(600);

    const page = await fetch(`${url}/authorize?${new URLSearchParams({ client_id: WALLET, request_uri: requestUri })}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Reference sign-in (a stand-in for GOV.UK One Login)');
    expect(text).toContain('Sign in to add your Basic DBS check to Satchel.');
    expect(text).toContain('Issued by: <strong>Disclosure and Barring Service</strong>');
    expect(text).toContain('<label for="email">Email address</label>');
    expect(text).toContain(DEMO_PASSWORD);
    // The form may post to itself and follow the redirect to the wallet, nowhere else.
    expect(page.headers.get('Content-Security-Policy')).toContain(`form-action 'self' ${WALLET};`);
    const welsh = await (await fetch(`${url}/authorize?${new URLSearchParams({ client_id: WALLET, request_uri: requestUri, lang: 'cy' })}`)).text();
    expect(welsh).toContain('<html lang="cy">');
    expect(welsh).toContain('Mewngofnodwch i ychwanegu eich Gwiriad DBS sylfaenol at Satchel.');
    expect(welsh).toContain('Wedi’i gyhoeddi gan: <strong>Y Gwasanaeth Datgelu a Gwahardd</strong>');

    const login = await submitLogin(url, requestUri, ' Ada.Jones@example.com ', DEMO_PASSWORD);
    expect(login.status).toBe(303);
    const redirect = new URL(login.headers.get('Location')!);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get('state')).toBe('state-123');
    expect(redirect.searchParams.get('iss')).toBe(url);
    const code = redirect.searchParams.get('code')!;
    expect(code.length).toBeGreaterThan(20);

    // The first proof has no nonce: the server asks for one (RFC 9449 §8), then answers.
    const first = await fetch(`${url}/token`, { ...form({ grant_type: 'authorization_code', code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', DPoP: await dpopProof(key, `${url}/token`) } });
    expect(first.status).toBe(400);
    expect(await first.json()).toMatchObject({ error: 'use_dpop_nonce' });
    const nonce = first.headers.get('DPoP-Nonce')!;
    expect(nonce).toBeTruthy();
    const token = await tokenRequest(`${url}/token`, key, { code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET }, { nonce });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'DPoP', expires_in: 600, scope: 'basic_dbs' });
    expect(token.nonce).toBeTruthy();
    const accessToken = String(token.body.access_token);
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    expect(decodeJwt(accessToken)).toMatchObject({ iss: url, aud: DEPARTMENT, sub: 'ada', client_id: WALLET, cnf: { jkt: key.jkt }, offer_id: `grant-${department.grants.length}` });
    expect(department.grants.at(-1)).toEqual({ personId: 'ada', configurationId: 'basic_dbs' });
    expect(await as.checkAccessToken(accessToken, DEPARTMENT)).toMatchObject({ sub: 'ada' });
    expect(await as.checkAccessToken(accessToken, 'http://localhost:1')).toBeUndefined();
  });

  it('answers authorization_details with credential_identifiers, and passes an offer\'s issuer_state to the department', async () => {
    const details = JSON.stringify([{ type: 'openid_credential', credential_configuration_id: 'basic_dbs', locations: [DEPARTMENT] }]);
    const { pkce: p, code } = await signIn({ scope: '', authorization_details: details, issuer_state: 'offer-for-ada' });
    const token = await tokenRequest(`${url}/token`, key, { code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET });
    expect(token.status).toBe(200);
    expect(token.body.authorization_details).toEqual([{ type: 'openid_credential', credential_configuration_id: 'basic_dbs', locations: [DEPARTMENT], credential_identifiers: ['basic_dbs'] }]);
    expect(department.grants.at(-1)).toEqual({ personId: 'ada', configurationId: 'basic_dbs', issuerState: 'offer-for-ada' });
  });

  it('shows the page in Welsh when the wallet asks for it (ui_locales), until the person switches', async () => {
    const pushed = await pushRequest(`${url}/par`, parFields(pkce().challenge, { ui_locales: 'cy-GB en' }));
    const query = new URLSearchParams({ client_id: WALLET, request_uri: String(pushed.body.request_uri) });
    expect(await (await fetch(`${url}/authorize?${query}`)).text()).toContain('<html lang="cy">');
    query.set('lang', 'en');
    expect(await (await fetch(`${url}/authorize?${query}`)).text()).toContain('<html lang="en-GB">');
  });

  it('refuses the sign-in page without a pushed request, with an unknown or expired one, or for another client', async () => {
    const p = pkce();
    const direct = await fetch(`${url}/authorize?${new URLSearchParams({ ...parFields(p.challenge) })}`);
    expect(direct.status).toBe(400);
    expect(await direct.text()).toContain('Sign-in must start in the app that asked for it.');
    const unknown = await fetch(`${url}/authorize?client_id=${encodeURIComponent(WALLET)}&request_uri=urn:ietf:params:oauth:request_uri:nope`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('This sign-in link has expired or has already been used.');
    const pushed = await pushRequest(`${url}/par`, parFields(p.challenge));
    const other = await fetch(`${url}/authorize?${new URLSearchParams({ client_id: 'https://other.example', request_uri: String(pushed.body.request_uri) })}`);
    expect(other.status).toBe(400);
    clock += 301_000;
    const late = await fetch(`${url}/authorize?${new URLSearchParams({ client_id: WALLET, request_uri: String(pushed.body.request_uri) })}`);
    expect(late.status).toBe(400);
  });

  it.each<[string, Record<string, string>, string]>([
    ['no PKCE', { code_challenge_method: '' }, 'invalid_request'],
    ['PKCE plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['a redirect_uri on another origin', { redirect_uri: 'https://evil.example/authorised' }, 'invalid_request'],
    ['an http redirect_uri off this machine', { client_id: 'http://wallet.example', redirect_uri: 'http://wallet.example/authorised' }, 'invalid_request'],
    ['no state', { state: '' }, 'invalid_request'],
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
    ['an unknown scope', { scope: 'marriage' }, 'invalid_scope'],
    ['an unknown issuer_state', { issuer_state: 'made-up' }, 'invalid_request'],
    ['another department as resource', { resource: 'http://localhost:1' }, 'invalid_target'],
    ['authorization_details of another type', { scope: '', authorization_details: '[{"type":"payment"}]' }, 'invalid_authorization_details'],
    ['a request_uri', { request_uri: 'urn:ietf:params:oauth:request_uri:x' }, 'invalid_request'],
  ])('refuses a pushed request with %s', async (_why, change, error) => {
    const pushed = await pushRequest(`${url}/par`, parFields(pkce().challenge, change));
    expect(pushed.status).toBe(400);
    expect(pushed.body.error).toBe(error);
  });

  it('refuses a parameter sent twice', async () => {
    const body = `${new URLSearchParams(parFields(pkce().challenge))}&state=again`;
    const response = await fetch(`${url}/par`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('invalid_request');
  });

  it('shows the error summary for a wrong password, and refuses someone else signing in for an offer', async () => {
    const pushed = await pushRequest(`${url}/par`, parFields(pkce().challenge, { issuer_state: 'offer-for-ada' }));
    const requestUri = String(pushed.body.request_uri);
    const wrong = await submitLogin(url, requestUri, 'ada.jones@example.com', 'guess');
    expect(wrong.status).toBe(400);
    const page = await wrong.text();
    expect(page).toContain('There is a problem');
    expect(page).toContain('Enter an email address and password that match');
    expect(page).toContain('value="ada.jones@example.com"');
    const sam = await submitLogin(url, requestUri, 'sam.okafor@example.com', DEMO_PASSWORD);
    expect(sam.status).toBe(400);
    expect(await sam.text()).toContain('This offer was made out to someone else.');
    // The request is still usable by the right person.
    expect((await submitLogin(url, requestUri, 'ada.jones@example.com', DEMO_PASSWORD)).status).toBe(303);
  });

  it('refuses a cross-site login post', async () => {
    const pushed = await pushRequest(`${url}/par`, parFields(pkce().challenge));
    const request = form({ request_uri: String(pushed.body.request_uri), email: 'ada.jones@example.com', password: DEMO_PASSWORD });
    const response = await fetch(`${url}/authorize`, { ...request, headers: { ...request.headers, Origin: 'https://evil.example' }, redirect: 'manual' });
    expect(response.status).toBe(403);
  });

  it('Cancel goes back to the wallet with access_denied, state and iss, and ends the request', async () => {
    const pushed = await pushRequest(`${url}/par`, parFields(pkce().challenge));
    const requestUri = String(pushed.body.request_uri);
    const cancel = await submitLogin(url, requestUri, '', '', '/authorize/cancel');
    expect(cancel.status).toBe(303);
    const redirect = new URL(cancel.headers.get('Location')!);
    expect(Object.fromEntries(redirect.searchParams)).toMatchObject({ error: 'access_denied', state: 'state-123', iss: url });
    expect((await submitLogin(url, requestUri, 'ada.jones@example.com', DEMO_PASSWORD)).status).toBe(400);
  });

  it('refuses a wrong PKCE verifier, and the code is then spent', async () => {
    const { pkce: p, code } = await signIn();
    const wrong = await tokenRequest(`${url}/token`, key, { code, code_verifier: pkce().verifier, redirect_uri: REDIRECT, client_id: WALLET });
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge (PKCE)' });
    const right = await tokenRequest(`${url}/token`, key, { code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET });
    expect(right.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong redirect_uri or client_id', async () => {
    const a = await signIn();
    const wrongRedirect = await tokenRequest(`${url}/token`, key, { code: a.code, code_verifier: a.pkce.verifier, redirect_uri: `${WALLET}/elsewhere`, client_id: WALLET });
    expect(wrongRedirect.body).toMatchObject({ error: 'invalid_grant', error_description: 'redirect_uri is not the one of the authorisation request' });
    const b = await signIn();
    const wrongClient = await tokenRequest(`${url}/token`, key, { code: b.code, code_verifier: b.pkce.verifier, redirect_uri: REDIRECT, client_id: 'http://localhost:9999' });
    expect(wrongClient.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code used twice and revokes the token the first use bought', async () => {
    const { pkce: p, code } = await signIn();
    const fields = { code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET };
    const first = await tokenRequest(`${url}/token`, key, fields);
    expect(first.status).toBe(200);
    expect(await as.checkAccessToken(String(first.body.access_token), DEPARTMENT)).toBeDefined();
    const again = await tokenRequest(`${url}/token`, key, fields);
    expect(again.body).toMatchObject({ error: 'invalid_grant', error_description: 'The authorisation code has already been used' });
    expect(await as.checkAccessToken(String(first.body.access_token), DEPARTMENT)).toBeUndefined();
  });

  it('refuses an expired code', async () => {
    const { pkce: p, code } = await signIn();
    clock += 301_000;
    const late = await tokenRequest(`${url}/token`, key, { code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET }, { iat: Math.floor(clock / 1000) });
    expect(late.body).toMatchObject({ error: 'invalid_grant', error_description: 'The authorisation code has expired; sign in again' });
  });

  it('refuses a token request without a DPoP proof, without using up the code', async () => {
    const { pkce: p, code } = await signIn();
    const fields = { grant_type: 'authorization_code', code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET };
    const none = await fetch(`${url}/token`, form(fields));
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: 'invalid_dpop_proof' });
    expect((await tokenRequest(`${url}/token`, key, { code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET })).status).toBe(200);
  });

  it.each<[string, (key: DpopKey, nonce: string, other: DpopKey) => Promise<string>]>([
    ['signed by another key than its jwk', (k, nonce, other) => dpopProof(k, `${url}/token`, { nonce, signWith: other.privateKey })],
    ['for another URL', (k, nonce) => dpopProof(k, `${url}/par`, { nonce })],
    ['for GET', (k, nonce) => dpopProof(k, `${url}/token`, { nonce, method: 'GET' })],
    ['with the wrong typ', (k, nonce) => dpopProof(k, `${url}/token`, { nonce, header: { typ: 'JWT' } })],
    ['from ten minutes ago', (k, nonce) => dpopProof(k, `${url}/token`, { nonce, iat: Math.floor(clock / 1000) - 600 })],
    ['with a nonce the server never gave', (k) => dpopProof(k, `${url}/token`, { nonce: 'made-up' })],
    ['with a private key in its jwk', async (k, nonce) => dpopProof(k, `${url}/token`, { nonce, header: { jwk: { ...k.publicJwk, d: 'AAAA' } } })],
  ])('refuses a DPoP proof %s', async (_why, make) => {
    const { pkce: p, code } = await signIn();
    const nonce = as.dpop.nonce();
    const dpop = await make(key, nonce, await dpopKey());
    const request = form({ grant_type: 'authorization_code', code, code_verifier: p.verifier, redirect_uri: REDIRECT, client_id: WALLET });
    const response = await fetch(`${url}/token`, { ...request, headers: { ...request.headers, DPoP: dpop } });
    expect(response.status).toBe(400);
    expect(['invalid_dpop_proof', 'use_dpop_nonce']).toContain((await response.json()).error);
  });

  it('refuses a replayed DPoP proof', async () => {
    const a = await signIn();
    const nonce = as.dpop.nonce();
    const proof = await dpopProof(key, `${url}/token`, { nonce });
    const send = (code: string, verifier: string) => {
      const request = form({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT, client_id: WALLET });
      return fetch(`${url}/token`, { ...request, headers: { ...request.headers, DPoP: proof } });
    };
    expect((await send(a.code, a.pkce.verifier)).status).toBe(200);
    const b = await signIn();
    const replay = await send(b.code, b.pkce.verifier);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_dpop_proof', error_description: 'This DPoP proof has been used before (jti)' });
  });

  it('lets the wallet call PAR and the token endpoint cross-origin with a DPoP header, and read DPoP-Nonce', async () => {
    const preflight = await fetch(`${url}/token`, { method: 'OPTIONS', headers: { Origin: WALLET, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'dpop,content-type' } });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(WALLET);
    expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('dpop');
    const response = await fetch(`${url}/token`, { ...form({ grant_type: 'authorization_code' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: WALLET } });
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('DPoP-Nonce');
  });
});
