/**
 * The reference departments, started in-process on ephemeral ports with a temporary data folder,
 * driven by Satchel's OpenID4VCI client over real HTTP: offer → token → nonce → key proof →
 * credential; every credential verifies with src/credentials against the operator-signed trust
 * list and the department's status list; revoke and suspend flip the status; wrong and expired
 * codes; deferred issuance; state and keys survive a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential, type TrustList } from '../../../src/credentials/index';
import { obtainCredential, pollDeferred, redeemOffer, resolveOffer, sendNotification, Oid4vciError, type Holder } from '../../../src/protocols/openid4vci/index';
import { startReferenceServers, type ReferenceServers } from '../../../src/server/reference/reference-servers';
import { offerLinks } from '../../../src/server/reference/admin-app';
import type { DepartmentId } from '../../../src/server/reference/departments';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { pinnedTrustList, startReferenceServersInTempDir, stopReferenceServers } from '../../shared/reference-servers';

const WALLET = 'http://localhost:5173';
// The reference servers run on localhost: opt in to loopback issuers, as the demo and test builds do (src/lib/remote-url.ts).
// They run in this process: the time limit only catches a hang, never a slow machine.
const http = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 60_000, remoteUrls: { allowLoopback: true } };

async function holder(): Promise<Holder> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { publicJwk: { kty, crv, x, y }, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)) };
}

describe('reference issuers over HTTP', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let clock = Date.now();
  let trustList: TrustList;
  const verifyOptions = () => ({ trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });

  beforeAll(async () => {
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-issuers-', { walletUrl: WALLET, now: () => clock, deferredDelayS: 1 }));
    ({ trustList } = await pinnedTrustList(servers, new Date(clock)));
  });

  afterAll(() => stopReferenceServers(servers, dataDir));

  /** The wallet's side of the pre-authorised flow, from the offer text a person would scan (every department but the DBS). */
  async function receive(department: Exclude<DepartmentId, 'dbs'>, options: { deferred?: boolean } = {}) {
    const issuer = servers.issuers[department];
    const configurationId = issuer.department.credentials[0]!.id;
    const offer = issuer.createOffer({ personId: 'ada', configurationId, deferred: options.deferred });
    const resolved = await resolveOffer(offerLinks(issuer, offer.id, WALLET).schemeByReference, http);
    const token = await redeemOffer(resolved, offer.txCode, http);
    const h = await holder();
    const response = await obtainCredential(resolved.metadata, token.accessToken, configurationId, h, http);
    return { issuer, offer, resolved, token, holder: h, response };
  }

  it('publishes a trust list signed by the pinned operator key, naming each department and the types it issues', () => {
    expect(trustList.signed).toBe(true);
    // The DVLA issues the licence as an SD-JWT VC and as an mdoc (reference-mdoc.test.ts); the others one type each.
    expect(trustList.issuers.map((i) => [i.id, i.types])).toEqual(
      Object.values(servers.issuers).map((i) => [i.url, i.department.credentials.map((c) => c.type)]),
    );
    expect(trustList.issuers.find((i) => i.id === servers.issuers.dvla.url)?.types).toEqual(['https://satchel.example/credentials/driving-licence', 'org.iso.18013.5.1.mDL']);
    expect(trustList.issuers.find((i) => i.id === servers.issuers.dvla.url)?.name).toEqual({ en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' });
  });

  it.each<[Exclude<DepartmentId, 'dbs'>, string]>([
    ['dvla', 'dc+sd-jwt'],
    ['veterans', 'vc+jwt'],
    ['home-office', 'dc+sd-jwt'],
    // The DBS issues only after sign-in: sign-in-issuance.test.ts.
  ])('%s issues a %s credential that verifies against the trust list, bound to the holder key', async (department, format) => {
    const { response, holder: h, issuer } = await receive(department);
    expect(response.kind).toBe('issued');
    if (response.kind !== 'issued') return;
    const report = await verifyCredential(response.credentials[0]!, verifyOptions());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.format).toBe(format);
    expect(report.issuer.id).toBe(issuer.url);
    expect(report.status?.state).toBe('valid');
    const cnf = (report.claims.cnf as { jwk: JsonWebKey }).jwk;
    expect(cnf).toEqual(h.publicJwk);
  });

  it('the driving licence carries every claim of the issue, selectively disclosable', async () => {
    const { response } = await receive('dvla');
    if (response.kind !== 'issued') throw new Error('not issued');
    const raw = response.credentials[0]!;
    expect(raw.split('~').length - 2).toBe(9); // nine disclosures
    const report = await verifyCredential(raw, verifyOptions());
    expect(Object.keys(report.claims)).toEqual(expect.arrayContaining(['given_name', 'family_name', 'birth_date', 'address', 'driving_privileges', 'age_over_18', 'age_over_21', 'document_number', 'portrait']));
    expect(report.claims.age_over_18).toBe(true);
    expect(String(report.claims.portrait)).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('revoke and suspend flip the credential status in the status list, and reinstating clears it', async () => {
    const { response, issuer } = await receive('veterans');
    if (response.kind !== 'issued') throw new Error('not issued');
    const raw = response.credentials[0]!;
    const idx = issuer.issued().length - 1;
    const bits = async () => getListFromStatusListJWT(await (await fetch(issuer.statusListUri)).text());
    expect((await bits()).getStatus(idx)).toBe(0);
    issuer.setStatus(idx, 'revoked');
    // Read back by the independent @sd-jwt/jwt-status-list: the 2-bit entry is 1 (INVALID), then 2 (SUSPENDED).
    expect((await bits()).getStatus(idx)).toBe(1);
    expect((await verifyCredential(raw, verifyOptions())).status?.state).toBe('revoked');
    issuer.setStatus(idx, 'suspended');
    expect((await bits()).getStatus(idx)).toBe(2);
    expect((await verifyCredential(raw, verifyOptions())).status?.state).toBe('suspended');
    issuer.setStatus(idx, 'valid');
    expect((await verifyCredential(raw, verifyOptions())).status?.state).toBe('valid');
    // The other credentials of the same list are untouched.
    expect(issuer.status(0)).toBe(0);
  });

  it('the admin page revokes through a same-origin form post, and refuses a cross-site one', async () => {
    const { response, issuer } = await receive('home-office');
    if (response.kind !== 'issued') throw new Error('not issued');
    const idx = issuer.issued().length - 1;
    const form = new URLSearchParams({ department: 'home-office', idx: String(idx), status: 'revoked' });
    const admin = new URL(servers.adminUrl).origin;
    const crossSite = await fetch(`${admin}/status`, { method: 'POST', body: form, headers: { Origin: 'https://evil.example' }, redirect: 'manual' });
    expect(crossSite.status).toBe(403);
    expect(issuer.status(idx)).toBe(0);
    const sameOrigin = await fetch(`${admin}/status`, { method: 'POST', body: form, headers: { Origin: admin }, redirect: 'manual' });
    expect(sameOrigin.status).toBe(303);
    expect((await verifyCredential(response.credentials[0]!, verifyOptions())).status?.state).toBe('revoked');
  });

  it('the admin page makes an offer with a QR code, a wallet link and the transaction code', async () => {
    const admin = new URL(servers.adminUrl).origin;
    const created = await fetch(`${admin}/offers`, { method: 'POST', body: new URLSearchParams({ person: 'sam', credential: 'dvla:driving_licence' }), headers: { Origin: admin }, redirect: 'manual' });
    expect(created.status).toBe(303);
    const page = await (await fetch(`${admin}${created.headers.get('Location')}`)).text();
    const offerId = created.headers.get('Location')!.split('/').pop()!;
    const offer = servers.issuers.dvla.offer(offerId)!;
    expect(page).toContain('<svg');
    expect(page).toContain(`<span class="code" id="tx-code">${offer.txCode}</span>`);
    expect(page).toContain(`href="${WALLET}/offer?credential_offer_uri=${encodeURIComponent(servers.issuers.dvla.offerUri(offer))}"`);
    expect(page).toContain('Offer: Driving licence for Sam Okafor');
  });

  it('a wrong transaction code says how many tries are left; the third burns the offer', async () => {
    const issuer = servers.issuers.dvla;
    const offer = issuer.createOffer({ personId: 'ada', configurationId: 'driving_licence' });
    const resolved = await resolveOffer(offerLinks(issuer, offer.id, WALLET).schemeText, http);
    const wrong = offer.txCode === '00000' ? '11111' : '00000';
    const tries: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const e = await redeemOffer(resolved, wrong, http).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(Oid4vciError);
      tries.push((e as Oid4vciError).details.triesLeft);
    }
    expect(tries).toEqual([2, 1, 0]);
    const after = await redeemOffer(resolved, offer.txCode, http).catch((err: unknown) => err);
    expect((after as Oid4vciError).details).toMatchObject({ oauthError: 'invalid_grant' });
    expect((after as Oid4vciError).details.triesLeft).toBeUndefined();
  });

  it('an expired pre-authorised code is refused with invalid_grant, and a used one too', async () => {
    const issuer = servers.issuers['home-office'];
    const offer = issuer.createOffer({ personId: 'ada', configurationId: 'right_to_work' });
    const resolved = await resolveOffer(offerLinks(issuer, offer.id, WALLET).schemeText, http);
    clock += 31 * 60 * 1000;
    try {
      const e = await redeemOffer(resolved, offer.txCode, http).catch((err: unknown) => err);
      expect((e as Oid4vciError).details).toMatchObject({ oauthError: 'invalid_grant', description: 'The pre-authorized code has expired' });
    } finally {
      clock -= 31 * 60 * 1000;
    }
    const fresh = issuer.createOffer({ personId: 'ada', configurationId: 'right_to_work' });
    const r2 = await resolveOffer(offerLinks(issuer, fresh.id, WALLET).schemeText, http);
    await redeemOffer(r2, fresh.txCode, http);
    const again = await redeemOffer(r2, fresh.txCode, http).catch((err: unknown) => err);
    expect((again as Oid4vciError).details.description).toBe('The pre-authorized code has already been used');
  });

  it('deferred issuance answers with a transaction_id, then delivers after the delay; the notification is recorded', async () => {
    const { response, resolved, token, issuer } = await receive('home-office', { deferred: true });
    expect(response.kind).toBe('deferred');
    if (response.kind !== 'deferred') return;
    expect((await pollDeferred(resolved.metadata, token.accessToken, response.transactionId, http)).kind).toBe('deferred');
    clock += 2000;
    const done = await pollDeferred(resolved.metadata, token.accessToken, response.transactionId, http);
    expect(done.kind).toBe('issued');
    if (done.kind !== 'issued') return;
    expect((await verifyCredential(done.credentials[0]!, verifyOptions())).valid).toBe(true);
    await sendNotification(resolved.metadata.notificationEndpoint!, token.accessToken, done.notificationId!, 'credential_accepted', http);
    expect(issuer.issued().find((r) => r.notificationId === done.notificationId)?.notification).toBe('credential_accepted');
  });

  it('a replayed key proof nonce is refused (invalid_nonce) and the client recovers with a fresh one', async () => {
    const issuer = servers.issuers.dvla;
    const offer = issuer.createOffer({ personId: 'ada', configurationId: 'driving_licence' });
    const resolved = await resolveOffer(offerLinks(issuer, offer.id, WALLET).schemeText, http);
    const token = await redeemOffer(resolved, offer.txCode, http);
    // Without a nonce endpoint the client sends no nonce: the issuer answers invalid_nonce twice.
    const noNonce = { ...resolved.metadata, nonceEndpoint: undefined };
    const e = await obtainCredential(noNonce, token.accessToken, 'driving_licence', await holder(), http).catch((err: unknown) => err);
    expect((e as Oid4vciError).details.oauthError).toBe('invalid_nonce');
    expect((await obtainCredential(resolved.metadata, token.accessToken, 'driving_licence', await holder(), http)).kind).toBe('issued');
  });

  it('answers the wallet origin with CORS headers', async () => {
    const r = await fetch(`${servers.issuers.dvla.url}/nonce`, { method: 'OPTIONS', headers: { Origin: WALLET, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } });
    expect(r.headers.get('Access-Control-Allow-Origin')).toBe(WALLET);
    const evil = await fetch(`${servers.trustListUrl}`, { headers: { Origin: 'https://evil.example' } });
    expect(evil.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('keys, issued credentials and their status survive a restart', async () => {
    const before = servers.issuers.veterans;
    before.setStatus(0, 'suspended');
    const issuedBefore = before.issued().length;
    const kid = before.key.kid;
    const operatorKeys = servers.trustListKeys;
    await servers.close();
    servers = await startReferenceServers({ dataDir, ports: 'ephemeral', walletUrl: WALLET, now: () => clock, deferredDelayS: 1 });
    const after = servers.issuers.veterans;
    expect(after.key.kid).toBe(kid);
    expect(after.issued()).toHaveLength(issuedBefore);
    expect(issuedBefore).toBeGreaterThan(0);
    expect(after.status(0)).toBe(2);
    expect(servers.trustListKeys).toEqual(operatorKeys);
  });
});
