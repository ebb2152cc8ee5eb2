/**
 * Paper cards from the reference departments (issue 17, docs/issuers.md "Paper cards"), over real
 * HTTP: each configuration X that has a card is published again as X_card (format satchel_card,
 * no binding, no proof types); a wallet that received X asks for X_card with the same access
 * token (Bearer, or DPoP-bound after sign-in) and gets a COSE_Sign1 card that Satchel's
 * verifyCredential accepts against the operator-signed trust list, with the SAME status list entry
 * as X (revoking X revokes the card); no token, a token for another configuration or a card asked
 * before its credential are refused with a clear error. The admin page's "Print a card" makes a
 * card of its own (status entry, revocable), whose printable page carries the claims as escaped
 * text and a QR that jsQR (not our code) reads back to a code that verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { decode as cborDecode } from 'cborg';
import { verifyCredential, type TrustList } from '../../../src/credentials/index';
import { obtainCredential, parseIssuerMetadata, pollDeferred, redeemOffer, resolveOffer, type Holder } from '../../../src/protocols/openid4vci/index';
import { decodeCardCode } from '../../../src/protocols/paper/card-code';
import { offerLinks } from '../../../src/server/reference/admin-app';
import { DEMO_PASSWORD } from '../../../src/server/reference/demo-people';
import type { ReferenceServers } from '../../../src/server/reference/reference-servers';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { dpopFetch, dpopKey, keyProof, pkce, pushRequest, submitLogin, tokenRequest } from '../../shared/oauth-client';
import { pinnedTrustList, startReferenceServersInTempDir, stopReferenceServers } from '../../shared/reference-servers';

const WALLET = 'http://localhost:5173';
const http = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 60_000, remoteUrls: { allowLoopback: true } };

async function holder(): Promise<Holder> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { publicJwk: { kty, crv, x, y }, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)) };
}

/** RFC 9052 §4.2: COSE_Sign1 = #6.18([protected, unprotected, payload, signature]); the payload is the CWT claims set (RFC 8392 §7). */
function cwtClaims(card: string): Map<unknown, unknown> {
  const sign1 = cborDecode(Buffer.from(card, 'base64url'), { useMaps: true, tags: Object.assign([], { 18: (decodeContent: () => unknown) => decodeContent() }) }) as unknown[];
  return cborDecode(sign1[2] as Uint8Array, { useMaps: true }) as Map<unknown, unknown>;
}

/** The QR's modules as the page's SVG draws them (one `M{x} {y}h1v1h-1z` per dark module), rasterised at 4 px a module, read by jsQR. */
function readQrSvg(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const scale = 4;
  const px = size * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const m of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) data.fill(0, ((y * scale + dy) * px + x * scale + dx) * 4, ((y * scale + dy) * px + x * scale + dx) * 4 + 3);
  }
  return jsQR(data, px, px)?.data;
}

describe('paper cards from the reference issuers', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let trustList: TrustList;
  let admin: string;
  let clock = Date.now();
  const verifyOptions = () => ({ trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });

  beforeAll(async () => {
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-cards-', { walletUrl: WALLET, now: () => clock, deferredDelayS: 1 }));
    ({ trustList } = await pinnedTrustList(servers, new Date(clock)));
    admin = new URL(servers.adminUrl).origin;
  });

  afterAll(() => stopReferenceServers(servers, dataDir));

  /** The pre-authorised flow with Satchel's own client, up to the credential: the token stays good for the card. */
  async function receive(department: 'dvla' | 'veterans' | 'home-office', configurationId: string) {
    const issuer = servers.issuers[department];
    const offer = issuer.createOffer({ personId: 'ada', configurationId });
    const resolved = await resolveOffer(offerLinks(issuer, offer.id, WALLET).schemeByReference, http);
    const token = await redeemOffer(resolved, offer.txCode, http);
    const response = await obtainCredential(resolved.metadata, token.accessToken, configurationId, await holder(), http);
    if (response.kind !== 'issued') throw new Error('not issued');
    return { issuer, token: token.accessToken, credential: response.credentials[0]! };
  }

  const askForCard = (issuerUrl: string, accessToken: string | undefined, body: Record<string, unknown>) =>
    fetch(`${issuerUrl}/credential`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) }, body: JSON.stringify(body) });

  it('publishes X_card beside each SD-JWT and JWT configuration: satchel_card, the same type, no binding or proof, named in English and Welsh', async () => {
    const metadata = await (await fetch(`${servers.issuers.dvla.url}/.well-known/openid-credential-issuer`)).json();
    const card = metadata.credential_configurations_supported.driving_licence_card;
    expect(card).toEqual({
      format: 'satchel_card',
      vct: 'https://satchel.example/credentials/driving-licence',
      credential_signing_alg_values_supported: ['ES256'],
      satchel_card_of: 'driving_licence',
      credential_metadata: {
        display: [{ name: 'Driving licence (paper card)', locale: 'en-GB' }, { name: 'Trwydded yrru (cerdyn papur)', locale: 'cy-GB' }],
        claims: ['given_name', 'family_name', 'birth_date', 'driving_privileges'].map((name) => expect.objectContaining({ path: [name] })),
      },
    });
    // The mdoc licence's card would say what the SD-JWT licence's says: none of its own.
    expect(metadata.credential_configurations_supported.mobile_driving_licence_card).toBeUndefined();
    // Satchel's metadata parser reads it: no proof algorithms, the type as vct.
    const parsed = parseIssuerMetadata(metadata, servers.issuers.dvla.url, `${servers.issuers.dvla.url}/.well-known/openid-credential-issuer`, { allowLoopback: true });
    expect(parsed.configurations.driving_licence_card).toMatchObject({ format: 'satchel_card', vct: card.vct });
    expect(parsed.configurations.driving_licence_card!.proofAlgorithms).toBeUndefined();
    for (const [department, id] of [['veterans', 'veteran_card'], ['home-office', 'right_to_work'], ['dbs', 'basic_dbs']] as const) {
      const m = await (await fetch(`${servers.issuers[department].url}/.well-known/openid-credential-issuer`)).json();
      const c = m.credential_configurations_supported[`${id}_card`];
      expect(c).toMatchObject({ format: 'satchel_card', satchel_card_of: id });
      expect(c.cryptographic_binding_methods_supported).toBeUndefined();
      expect(c.proof_types_supported).toBeUndefined();
      // Never an address, a document or service number, or a share code.
      const paths = c.credential_metadata.claims.map((x: { path: string[] }) => x.path[0]);
      expect(paths).not.toEqual(expect.arrayContaining(['service_number']));
      expect(paths.some((p: string) => ['address', 'document_number', 'service_number', 'share_code', 'certificate_number'].includes(p))).toBe(false);
    }
  });

  it('a card asked for with the credential\'s token verifies against the trust list, says what the licence says a checker needs, and shares its status entry', async () => {
    const { issuer, token, credential } = await receive('dvla', 'driving_licence');
    const response = await askForCard(issuer.url, token, { credential_configuration_id: 'driving_licence_card' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.notification_id).toBeUndefined();
    const card = String(body.credentials[0].credential);
    expect(card).toMatch(/^[A-Za-z0-9_-]+$/);
    const report = await verifyCredential(card, verifyOptions());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.issuer.id).toBe(issuer.url);
    expect(report.claims).toMatchObject({ given_name: 'Ada', family_name: 'Jones', birth_date: '1984-03-09', driving_privileges: 'AM, B, BE' });
    for (const hidden of ['address', 'document_number', 'portrait', 'cnf']) expect(report.claims[hidden]).toBeUndefined();
    // The same status list entry as the licence (claim 65535, draft-ietf-oauth-status-list), read by cborg.
    const licence = await verifyCredential(credential, verifyOptions());
    const cwt = cwtClaims(card);
    const status = (cwt.get(65535) as Map<string, Map<string, unknown>>).get('status_list')!;
    expect({ idx: status.get('idx'), uri: status.get('uri') }).toEqual((licence.claims.status as { status_list: unknown }).status_list);
    expect(cwt.get(1)).toBe(issuer.url);
    expect(cwt.get(4)).toBe(licence.claims.exp);
    // The admin page says the licence has a card; revoking the licence there revokes its card.
    expect(await (await fetch(`${admin}/`)).text()).toContain('Driving licence and its paper card (revoked with it)');
    issuer.setStatus(Number(status.get('idx')), 'revoked');
    expect((await verifyCredential(card, verifyOptions())).status?.state).toBe('revoked');
  });

  it('a key proof sent with a card request is ignored, and the JWT VC veteran card has a card too', async () => {
    const { issuer, token } = await receive('veterans', 'veteran_card');
    const response = await askForCard(issuer.url, token, { credential_configuration_id: 'veteran_card_card', proofs: { jwt: ['not.a.proof'] } });
    expect(response.status).toBe(200);
    const report = await verifyCredential(String((await response.json()).credentials[0].credential), verifyOptions());
    expect(report.valid).toBe(true);
    expect(report.claims).toMatchObject({ given_name: 'Ada', service: 'Royal Navy', service_left: '2012-08-31' });
    expect(report.claims.service_number).toBeUndefined();
  });

  it('refuses a card with no token, with a token for another configuration, and before its credential', async () => {
    const dvla = servers.issuers.dvla;
    const none = await askForCard(dvla.url, undefined, { credential_configuration_id: 'driving_licence_card' });
    expect(none.status).toBe(401);
    expect((await none.json()).error).toBe('invalid_token');

    const mdoc = await receive('dvla', 'mobile_driving_licence');
    const other = await askForCard(dvla.url, mdoc.token, { credential_configuration_id: 'driving_licence_card' });
    expect(other.status).toBe(400);
    expect(await other.json()).toEqual({ error: 'unknown_credential_configuration', error_description: 'This access token is for mobile_driving_licence' });
    const mdocCard = await askForCard(dvla.url, mdoc.token, { credential_configuration_id: 'mobile_driving_licence_card' });
    expect((await mdocCard.json()).error).toBe('unknown_credential_configuration');

    const offer = dvla.createOffer({ personId: 'sam', configurationId: 'driving_licence' });
    const resolved = await resolveOffer(offerLinks(dvla, offer.id, WALLET).schemeText, http);
    const token = await redeemOffer(resolved, offer.txCode, http);
    const early = await askForCard(dvla.url, token.accessToken, { credential_configuration_id: 'driving_licence_card' });
    expect(early.status).toBe(400);
    expect(await early.json()).toEqual({
      error: 'invalid_request',
      error_description: 'A paper card is issued only after its credential: ask for driving_licence with this access token first, then for driving_licence_card',
    });
  });

  it('a deferred credential\'s card is refused until the credential is delivered, then shares its status entry', async () => {
    const issuer = servers.issuers['home-office'];
    const offer = issuer.createOffer({ personId: 'ada', configurationId: 'right_to_work', deferred: true });
    const resolved = await resolveOffer(offerLinks(issuer, offer.id, WALLET).schemeText, http);
    const token = await redeemOffer(resolved, offer.txCode, http);
    const pending = await obtainCredential(resolved.metadata, token.accessToken, 'right_to_work', await holder(), http);
    if (pending.kind !== 'deferred') throw new Error('not deferred');
    const early = await askForCard(issuer.url, token.accessToken, { credential_configuration_id: 'right_to_work_card' });
    expect((await early.json()).error).toBe('invalid_request');
    clock += 2000;
    const done = await pollDeferred(resolved.metadata, token.accessToken, pending.transactionId, http);
    if (done.kind !== 'issued') throw new Error('not delivered');
    const card = String((await (await askForCard(issuer.url, token.accessToken, { credential_configuration_id: 'right_to_work_card' })).json()).credentials[0].credential);
    const status = (cwtClaims(card).get(65535) as Map<string, Map<string, unknown>>).get('status_list')!;
    expect(status.get('idx')).toBe(issuer.issued().find((r) => r.offerId === offer.id)!.idx);
    expect((await verifyCredential(card, verifyOptions())).valid).toBe(true);
  });

  it('the DBS gives the card for its DPoP-bound sign-in token, with a DPoP proof', async () => {
    const dbs = servers.issuers.dbs.url;
    const as = servers.authorizationServer.url;
    const metadata = await (await fetch(`${as}/.well-known/oauth-authorization-server`)).json();
    const p = pkce();
    const pushed = await pushRequest(metadata.pushed_authorization_request_endpoint, { response_type: 'code', client_id: WALLET, redirect_uri: `${WALLET}/authorised`, state: 's', code_challenge: p.challenge, code_challenge_method: 'S256', scope: 'basic_dbs', resource: dbs });
    const login = await submitLogin(as, String(pushed.body.request_uri), 'sam.okafor@example.com', DEMO_PASSWORD);
    const code = new URL(login.headers.get('Location')!).searchParams.get('code')!;
    const key = await dpopKey();
    const token = String((await tokenRequest(metadata.token_endpoint, key, { code, code_verifier: p.verifier, redirect_uri: `${WALLET}/authorised`, client_id: WALLET })).body.access_token);
    const before = await dpopFetch(`${dbs}/credential`, key, token, { credential_configuration_id: 'basic_dbs_card' });
    expect(before.json).toMatchObject({ error: 'invalid_request' });
    const nonce = await dpopFetch(`${dbs}/nonce`, key, token, undefined);
    const proof = await keyProof(await dpopKey(), dbs, String(nonce.json!.c_nonce));
    expect((await dpopFetch(`${dbs}/credential`, key, token, { credential_configuration_id: 'basic_dbs', proofs: { jwt: [proof] } })).response.status).toBe(200);
    const card = await dpopFetch(`${dbs}/credential`, key, token, { credential_configuration_id: 'basic_dbs_card' });
    expect(card.response.status).toBe(200);
    const report = await verifyCredential(String((card.json!.credentials as { credential: string }[])[0]!.credential), verifyOptions());
    expect(report.valid).toBe(true);
    expect(report.claims).toMatchObject({ given_name: 'Sam', family_name: 'Okafor', result: 'No convictions or cautions recorded' });
    expect(report.claims.certificate_number).toBeUndefined();
  });

  it("the admin page's Print a card makes a card of its own: a printable page with the claims as text and a QR that reads back to a card that verifies; Revoke marks it", async () => {
    const issuer = servers.issuers['home-office'];
    const crossSite = await fetch(`${admin}/cards`, { method: 'POST', body: new URLSearchParams({ person: 'sam', credential: 'home-office:right_to_work' }), headers: { Origin: 'https://evil.example' }, redirect: 'manual' });
    expect(crossSite.status).toBe(403);
    const created = await fetch(`${admin}/cards`, { method: 'POST', body: new URLSearchParams({ person: 'sam', credential: 'home-office:right_to_work' }), headers: { Origin: admin }, redirect: 'manual' });
    expect(created.status).toBe(303);
    const location = created.headers.get('Location')!;
    const idx = Number(location.split('/').pop());
    expect(issuer.issued()[idx]).toMatchObject({ configurationId: 'right_to_work_card', personId: 'sam' });
    const response = await fetch(`${admin}${location}`);
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const page = await response.text();
    // The claims as text (escaped), both languages, the instruction, the dates.
    expect(page).toContain('Time-limited until 30 June 2028');
    expect(page).toContain('Up to 20 hours a week in term time');
    expect(page).toContain('Right to work / <span lang="cy">Hawl i weithio</span>');
    expect(page).toContain('This card is not linked to a phone: check the name and photo against the person.');
    expect(page).toContain('Nid yw&#39;r cerdyn hwn wedi&#39;i gysylltu â ffôn');
    expect(page).toContain('20/11/2006');
    expect(page).toMatch(/<img class="card-photo" src="data:image\/jpeg;base64,\/9j\//);
    expect(page).not.toContain('<script');
    // The QR: jsQR reads the SVG's modules back to the code the page names, at least 35 mm wide on the card.
    const figure = /<figure class="card-qr" data-card-code="([^"]+)" data-qr-symbol-mm="(\d+)"><svg[^]*?<\/svg>/.exec(page)!;
    expect(Number(figure[2])).toBeGreaterThanOrEqual(35);
    const code = figure[1]!;
    expect(code).toMatch(/^SC1:[0-9A-Z $%*+\-./:]+$/);
    expect(readQrSvg(figure[0])).toBe(code);
    const card = Buffer.from(await decodeCardCode(code)).toString('base64url');
    const report = await verifyCredential(card, verifyOptions());
    expect(report.valid).toBe(true);
    expect(report.claims).toMatchObject({ given_name: 'Sam', right_to_work: 'Time-limited until 30 June 2028' });
    expect(report.claims.share_code).toBeUndefined();
    // Listed on the admin page, revocable like any credential.
    const home = await (await fetch(`${admin}/`)).text();
    expect(home).toContain('Right to work (paper card)');
    const revoke = await fetch(`${admin}/status`, { method: 'POST', body: new URLSearchParams({ department: 'home-office', idx: String(idx), status: 'revoked' }), headers: { Origin: admin }, redirect: 'manual' });
    expect(revoke.status).toBe(303);
    expect((await verifyCredential(card, verifyOptions())).status?.state).toBe('revoked');
    // The page can be shown again, with the same card.
    expect(await (await fetch(`${admin}${location}`)).text()).toContain(`data-card-code="${code}"`);
  });

  it('the admin page refuses a card for the mdoc licence (the SD-JWT licence\'s card says the same) and for an unknown person', async () => {
    const mdoc = await fetch(`${admin}/cards`, { method: 'POST', body: new URLSearchParams({ person: 'ada', credential: 'dvla:mobile_driving_licence' }), headers: { Origin: admin }, redirect: 'manual' });
    expect(mdoc.status).toBe(400);
    expect(await mdoc.text()).toBe('Mobile driving licence has no card of its own: print the Driving licence card, which says the same');
    const nobody = await fetch(`${admin}/cards`, { method: 'POST', body: new URLSearchParams({ person: 'zed', credential: 'dvla:driving_licence' }), headers: { Origin: admin }, redirect: 'manual' });
    expect(nobody.status).toBe(400);
    expect((await fetch(`${admin}/cards/dvla/9999`)).status).toBe(404);
  });
});
