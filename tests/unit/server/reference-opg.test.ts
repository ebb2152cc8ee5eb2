/**
 * The reference Office of the Public Guardian (docs/carers.md): the admin page offers "Issue a
 * lasting power of attorney: attorney Ada Jones, for Margaret Jones, property and financial
 * affairs"; a wallet we did not write (oid4vc-ts 0.4.6's Openid4vciClient, pre-authorised code with
 * its transaction code, a key proof on the nonce endpoint's c_nonce) receives it; an SD-JWT VC
 * verifier we did not write (@sd-jwt/sd-jwt-vc 0.19) checks it under the OPG's key: vct
 * AUTHORITY_TYPE, every AUTHORITY_CLAIMS claim selectively disclosable, `exp` a year on, `cnf` the
 * attorney's key, a status list entry that the admin page's Revoke sets. Also: Margaret, the
 * demo's "Mum", gets her licence in both forms and no veteran card; the trust list allows the OPG
 * only the authority's type.
 */
import { clientAuthenticationNone, type CallbackContext, type Jwk, type JwtSignerJwk } from '@openid4vc/oauth2';
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci';
import { digest, ES256 } from '@sd-jwt/crypto-nodejs';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { createHash, randomBytes } from 'node:crypto';
import { CompactSign, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential, type TrustList } from '../../../src/credentials/index';
import { AUTHORITY_CLAIMS, AUTHORITY_TYPE } from '../../../src/credentials/on-behalf';
import { obtainCredential, redeemOffer, resolveOffer, type Holder } from '../../../src/protocols/openid4vci/index';
import { offerLinks } from '../../../src/server/reference/admin-app';
import { DEMO_AUTHORITIES, findPerson } from '../../../src/server/reference/demo-people';
import type { ReferenceServers } from '../../../src/server/reference/reference-servers';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { pinnedTrustList, startReferenceServersInTempDir, stopReferenceServers } from '../../shared/reference-servers';

const WALLET = 'http://localhost:5173';
const YEAR_S = 365 * 24 * 3600;
const FINANCE = DEMO_AUTHORITIES.find((a) => a.power === 'property-and-financial-affairs')!;
const http = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 60_000, remoteUrls: { allowLoopback: true } };

interface ClientKey {
  signer: JwtSignerJwk;
  privateKey: CryptoKey;
}

/** The attorney's device key, as the library's signer. */
async function attorneyKey(): Promise<ClientKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { signer: { method: 'jwk', alg: 'ES256', publicJwk: (await exportJWK(publicKey)) as Jwk }, privateKey };
}

function clientCallbacks(key: ClientKey): Omit<CallbackContext, 'verifyJwt' | 'decryptJwe' | 'encryptJwe'> {
  return {
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    clientAuthentication: clientAuthenticationNone({ clientId: WALLET }),
    fetch: (input, init) => fetch(input as string, init as RequestInit),
    signJwt: async (_signer, jwt) => {
      const compact = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload))).setProtectedHeader({ ...jwt.header, alg: 'ES256' }).sign(key.privateKey);
      return { jwt: compact, signerJwk: key.signer.publicJwk };
    },
  };
}

/** Satchel's own client, for the licences (the DVLA is proven against oid4vc-ts elsewhere). */
async function holder(): Promise<Holder> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { publicJwk: { kty, crv, x, y }, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)) };
}

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the reference Office of the Public Guardian', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let trustList: TrustList;
  const clock = Date.now();

  beforeAll(async () => {
    // The reference servers are on loopback http: the library's https-only URL check is relaxed for this file.
    setGlobalConfig({ allowInsecureUrls: true });
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-opg-', { walletUrl: WALLET, now: () => clock }));
    ({ trustList } = await pinnedTrustList(servers, new Date(clock)));
  });

  afterAll(async () => {
    setGlobalConfig({ allowInsecureUrls: false });
    await stopReferenceServers(servers, dataDir);
  });

  const admin = (path: string, form?: Record<string, string>) =>
    fetch(new URL(path, servers.adminUrl), form ? { method: 'POST', redirect: 'manual', headers: { Origin: new URL(servers.adminUrl).origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() } : {});

  /** The clerk presses the authority's button; the offer page gives the offer text and the transaction code. */
  async function offerFromAdminPage(authorityId: string): Promise<{ text: string; txCode: string; page: string }> {
    const created = await admin('/authorities', { authority: authorityId });
    expect(created.status).toBe(303);
    const page = await (await admin(created.headers.get('location')!)).text();
    const text = unescapeHtml(/<textarea id="offer-text"[^>]*>([^<]+)<\/textarea>/.exec(page)![1]!);
    const txCode = /<span class="code" id="tx-code">(\d+)<\/span>/.exec(page)![1]!;
    return { text, txCode, page };
  }

  /** oid4vc-ts's wallet: offer → issuer metadata → token (pre-authorised code + tx_code) → c_nonce → key proof (1.0 §8.2 `proofs`) → credential. */
  async function receiveWithOid4vcTs(text: string, txCode: string, key: ClientKey): Promise<string> {
    const client = new Openid4vciClient({ callbacks: clientCallbacks(key) });
    const credentialOffer = await client.resolveCredentialOffer(text);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const token = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode });
    const { c_nonce } = await client.requestNonce({ issuerMetadata });
    const configurationId = credentialOffer.credential_configuration_ids[0]!;
    const proof = await client.createCredentialRequestJwtProof({ issuerMetadata, credentialConfigurationId: configurationId, signer: key.signer, nonce: c_nonce });
    const answer = await client.retrieveCredentials({ issuerMetadata, credentialConfigurationId: configurationId, accessToken: token.accessTokenResponse.access_token, proofs: { jwt: [proof.jwt] } });
    return (answer.credentialResponse.credentials as { credential: string }[])[0]!.credential;
  }

  /** @sd-jwt/sd-jwt-vc's verifier under the OPG's public key. */
  function opgVerifier(): SDJwtVcInstance {
    return new SDJwtVcInstance({ hasher: digest, verifier: async (data, signature) => (await ES256.getVerifier(servers.issuers.opg.key.publicJwk as JsonWebKey))(data, signature) });
  }

  it('the admin page offers the lasting power of attorney in plain words, and the trust list allows the OPG only its type', async () => {
    const home = await (await admin('/')).text();
    expect(home).toContain('Issue a lasting power of attorney: attorney Ada Jones, for Margaret Jones, property and financial affairs');
    expect(home).toContain('Issue a lasting power of attorney: attorney Ada Jones, for Margaret Jones, health and welfare');
    const opg = trustList.issuers.find((i) => i.id === servers.issuers.opg.url);
    expect(opg?.types).toEqual([AUTHORITY_TYPE]);
    expect(opg?.name).toEqual({ en: 'Office of the Public Guardian', cy: "Swyddfa'r Gwarcheidwad Cyhoeddus" });
    // No one else may issue an authority.
    expect(trustList.issuers.filter((i) => i.types?.includes(AUTHORITY_TYPE)).map((i) => i.id)).toEqual([servers.issuers.opg.url]);
  });

  it('issues the authority to a wallet we did not write; an SD-JWT VC verifier we did not write accepts it: flat selectively disclosable claims, a year, bound to the attorney key, a status entry', async () => {
    const { text, txCode, page } = await offerFromAdminPage(FINANCE.id);
    expect(page).toContain('Offer: Lasting power of attorney, attorney Ada Jones, for Margaret Jones, property and financial affairs');
    const key = await attorneyKey();
    const compact = await receiveWithOid4vcTs(text, txCode, key);

    const verified = await opgVerifier().verify(compact);
    expect(verified.header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'ES256' });
    const payload = verified.payload as Record<string, unknown>;
    expect(payload).toMatchObject({
      iss: servers.issuers.opg.url,
      vct: AUTHORITY_TYPE,
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: key.signer.publicJwk.x, y: key.signer.publicJwk.y } },
      status: { status_list: { idx: expect.any(Number), uri: servers.issuers.opg.statusListUri } },
      attorney_given_name: 'Ada',
      attorney_family_name: 'Jones',
      donor_given_name: 'Margaret',
      donor_family_name: 'Jones',
      donor_birth_date: '1951-05-14',
      power: 'property-and-financial-affairs',
      reference: 'M-7321-4480-1123',
      registered_on: '2024-02-19',
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(YEAR_S);
    // Every claim is a disclosure (RFC 9901 §4.2): none is in the signed payload in the clear.
    const signedPayload = JSON.parse(Buffer.from(compact.split('~')[0]!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    for (const claim of Object.values(AUTHORITY_CLAIMS)) expect(signedPayload).not.toHaveProperty(claim);
    const disclosed = (await opgVerifier().decode(compact)).disclosures!.map((d) => d.key).sort();
    expect(disclosed).toEqual(Object.values(AUTHORITY_CLAIMS).sort());

    // Satchel's own verifier agrees, against the operator-signed trust list and the OPG's status list.
    const report = await verifyCredential(compact, { trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.status?.state).toBe('valid');
  });

  it('Revoke on the admin page sets the authority\'s status list bit, and a fresh check says revoked', async () => {
    const { text, txCode } = await offerFromAdminPage(FINANCE.id);
    const compact = await receiveWithOid4vcTs(text, txCode, await attorneyKey());
    const { idx } = ((await opgVerifier().verify(compact)).payload as { status: { status_list: { idx: number } } }).status.status_list;
    const home = await (await admin('/')).text();
    // Its row names who acts for whom, like the button did.
    expect(home).toMatch(new RegExp(`<tr data-authority="${FINANCE.id}"><td>Office of the Public Guardian</td><td>Lasting power of attorney</td><td>attorney Ada Jones, for Margaret Jones, property and financial affairs</td>`));

    const revoked = await admin('/status', { department: 'opg', idx: String(idx), status: 'revoked' });
    expect(revoked.status).toBe(303);
    const list = getListFromStatusListJWT(await (await fetch(servers.issuers.opg.statusListUri)).text());
    expect(list.getStatus(idx)).toBe(1);
    const report = await verifyCredential(compact, { trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });
    expect(report.status?.state).toBe('revoked');
    expect(report.valid).toBe(false);
  });

  it('issues only registered authorities, each to its own attorney', async () => {
    const opg = servers.issuers.opg;
    expect(() => opg.createOffer({ personId: 'ada', configurationId: 'lasting_power_of_attorney' })).toThrow(/issues only a registered authority: none was named/);
    expect(() => opg.createOffer({ personId: 'sam', configurationId: 'lasting_power_of_attorney', authorityId: FINANCE.id })).toThrow(/sam is not the attorney/);
    expect(() => opg.createOffer({ personId: 'ada', configurationId: 'lasting_power_of_attorney', authorityId: 'nobody' })).toThrow(/no authority nobody/);
    expect((await admin('/authorities', { authority: 'nobody' })).status).toBe(400);
    // The generic form does not list the OPG, and refuses it if sent anyway.
    const home = await (await admin('/')).text();
    expect(home).not.toContain('value="opg:lasting_power_of_attorney"');
    const generic = await admin('/offers', { person: 'ada', credential: 'opg:lasting_power_of_attorney' });
    expect(generic.status).toBe(400);
    expect(await generic.text()).toMatch(/registered authority/);
  });

  it('Margaret ("Mum") gets her driving licence as an SD-JWT VC and as an mdoc, and no veteran card', async () => {
    const margaret = findPerson('margaret')!;
    expect(margaret).toMatchObject({ givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' });
    const dvla = servers.issuers.dvla;
    for (const configurationId of ['driving_licence', 'mobile_driving_licence']) {
      const offer = dvla.createOffer({ personId: 'margaret', configurationId });
      const resolved = await resolveOffer(offerLinks(dvla, offer.id, WALLET).schemeByReference, http);
      const token = await redeemOffer(resolved, offer.txCode, http);
      const response = await obtainCredential(resolved.metadata, token.accessToken, configurationId, await holder(), http);
      expect(response.kind).toBe('issued');
      if (response.kind !== 'issued') return;
      const report = await verifyCredential(response.credentials[0]!, { trustList, verifier: nobleVerifier, fetchStatusList: async (uri: string) => (await fetch(uri)).text() });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      const claims = configurationId === 'driving_licence' ? report.claims : (report.claims['org.iso.18013.5.1'] as Record<string, unknown>);
      expect(claims).toMatchObject({ given_name: 'Margaret', family_name: 'Jones' });
      expect(String(claims.birth_date)).toContain('1951-05-14');
    }
    expect(() => servers.issuers.veterans.createOffer({ personId: 'margaret', configurationId: 'veteran_card' })).toThrow(/holds no record of Margaret Jones/);
    const refused = await admin('/offers', { person: 'margaret', credential: 'veterans:veteran_card' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe("Office for Veterans' Affairs holds no record of Margaret Jones");
  });
});
