/**
 * On someone's behalf over HTTP, as `npm start` runs it: the reference DVLA issues Margaret's
 * licence (to "Mum's" key), the reference OPG issues Ada the lasting power of attorney (to Ada's
 * key), and the community bank (BANK_SITE) receives both in one encrypted answer (OpenID4VP 1.0
 * §8.1 vp_token by query id, §8.3 direct_post.jwt): its page says "Presented by Ada Jones on behalf
 * of Margaret Jones, under a lasting power of attorney (property and financial affairs), valid
 * until …". Then the clerk revokes the authority on the admin page: the status list bit is set and
 * the next answer fails as authority-revoked, the page saying so in plain words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPresentation } from '../../../src/credentials/index';
import { AUTHORITY_CLAIMS } from '../../../src/credentials/on-behalf';
import { encryptJwe, type P256PublicJwk } from '../../../src/lib/jwe';
import { obtainCredential, redeemOffer, resolveOffer, type Holder } from '../../../src/protocols/openid4vci/index';
import { offerLinks } from '../../../src/server/reference/admin-app';
import { DEMO_AUTHORITIES } from '../../../src/server/reference/demo-people';
import type { ReferenceServers } from '../../../src/server/reference/reference-servers';
import type { ReferenceVerifiers } from '../../../src/server/verifier/start-verifier';
import { startReferenceServersAndVerifiersInTempDir, stopReferenceServers } from '../../shared/reference-servers';

const WALLET = 'http://wallet.example';
const http = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 60_000, remoteUrls: { allowLoopback: true } };
const FINANCE = DEMO_AUTHORITIES.find((a) => a.power === 'property-and-financial-affairs')!;
const IDENTITY = [['given_name'], ['family_name'], ['birth_date'], ['portrait']];
const AUTHORITY = [AUTHORITY_CLAIMS.attorneyGivenName, AUTHORITY_CLAIMS.attorneyFamilyName, AUTHORITY_CLAIMS.donorGivenName, AUTHORITY_CLAIMS.donorFamilyName, AUTHORITY_CLAIMS.donorBirthDate, AUTHORITY_CLAIMS.power, AUTHORITY_CLAIMS.reference].map((c) => [c]);

interface HeldCredential {
  raw: string;
  key: CryptoKey;
}

/** A device key (P-256), as a wallet's holder for OpenID4VCI and its private key for the presentation. */
async function deviceKey(): Promise<{ holder: Holder; privateKey: CryptoKey }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    holder: { publicJwk: { kty, crv, x, y }, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)) },
    privateKey: pair.privateKey,
  };
}

describe('the community bank, on Margaret\'s behalf, over HTTP', () => {
  let servers: ReferenceServers | undefined;
  let verifiers: ReferenceVerifiers | undefined;
  let dataDir: string | undefined;
  let licence: HeldCredential;
  let authority: HeldCredential;

  async function receive(department: 'dvla' | 'opg', offer: { personId: string; configurationId: string; authorityId?: string }): Promise<HeldCredential> {
    const issuer = servers!.issuers[department];
    const made = issuer.createOffer(offer);
    const resolved = await resolveOffer(offerLinks(issuer, made.id, WALLET).schemeByReference, http);
    const token = await redeemOffer(resolved, made.txCode, http);
    const key = await deviceKey();
    const response = await obtainCredential(resolved.metadata, token.accessToken, offer.configurationId, key.holder, http);
    if (response.kind !== 'issued') throw new Error('not issued');
    return { raw: response.credentials[0]!, key: key.privateKey };
  }

  beforeAll(async () => {
    ({ dataDir, servers, verifiers } = await startReferenceServersAndVerifiersInTempDir('satchel-bank-http-', { walletUrl: WALLET }));
    licence = await receive('dvla', { personId: 'margaret', configurationId: 'driving_licence' });
    authority = await receive('opg', { personId: 'ada', configurationId: 'lasting_power_of_attorney', authorityId: FINANCE.id });
  });
  afterAll(() => stopReferenceServers(servers, dataDir, verifiers));

  /** A person presses the bank's button; the wallet answers with Mum's licence and the carer's authority; the page that follows. */
  async function answer(): Promise<string> {
    const bank = verifiers!.bank;
    const started = await fetch(`${bank.url}/start`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: bank.url }, body: 'purpose=identity-for-finance' });
    const txUrl = `${bank.url}${started.headers.get('location')}`;
    const waiting = await (await fetch(txUrl)).text();
    const link = new URL(/href="(http:\/\/wallet\.example\/share\?[^"]+)"/.exec(waiting)![1]!.replace(/&amp;/g, '&'));
    const jws = await (await fetch(link.searchParams.get('request_uri')!)).text();
    const request = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString()) as { client_id: string; nonce: string; response_uri: string; client_metadata: { jwks: { keys: (P256PublicJwk & { kid: string })[] } } };
    const present = (held: HeldCredential, disclose: string[][]) => createPresentation(held.raw, { disclose, audience: request.client_id, nonce: request.nonce, holderKey: held.key, now: new Date() });
    // §8.1: the vp_token keyed by the request's credential query ids.
    const vpToken = { identity: [await present(licence, IDENTITY)], authority: [await present(authority, AUTHORITY)] };
    const jwk = request.client_metadata.jwks.keys[0]!;
    const jwe = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: vpToken })), jwk, { kid: jwk.kid });
    const posted = await fetch(request.response_uri, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `response=${encodeURIComponent(jwe)}` });
    expect(posted.status).toBe(200);
    return (await (await fetch(txUrl)).text()).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
  }

  it('says who presented it on whose behalf, under what, until when; after Revoke on the admin page the next answer fails as revoked', async () => {
    const validUntil = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date(Date.now() + 365 * 24 * 3600 * 1000));
    const passed = await answer();
    expect(passed).toContain(`Verified Both credentials verified: the person’s own and the authority to act for them. Presented by Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (property and financial affairs), valid until ${validUntil}`);

    const issued = servers!.issuers.opg.issued().at(-1)!;
    const admin = new URL(servers!.adminUrl);
    const revoked = await fetch(new URL('/status', admin), { method: 'POST', redirect: 'manual', headers: { origin: admin.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ department: 'opg', idx: String(issued.idx), status: 'revoked' }).toString() });
    expect(revoked.status).toBe(303);
    const failed = await answer();
    expect(failed).toContain('Not verified');
    expect(failed).toContain('Not accepted as acting on behalf of Margaret Jones: The authority to act has been revoked or suspended by the organisation that issued it.');
    expect(failed).not.toContain('Presented by Ada Jones');
  });
});
