/**
 * The reference verifiers sign their requests (OpenID4VP 1.0 §5.9.3, RFC 9101, HAIP 1.0) with the
 * certificates of the reference register (src/server/reference/verifier-register.ts), and the trust
 * list publishes that register: the job application site under `x509_san_dns:localhost`, asking only
 * for what it is registered for; the corner shop under `x509_hash:`, registered only for age but
 * asking for name and date of birth as well. Answers bound to the new client id still verify.
 */
import '../../../src/server/reference/reflect-metadata-shim';
import * as x509 from '@peculiar/x509';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPresentation, type PermittedRequest } from '../../../src/credentials/index';
import { base64urlEncode } from '../../../src/lib/base64url';
import { encryptJwe, type P256PublicJwk } from '../../../src/lib/jwe';
import { REGISTERED_VERIFIERS } from '../../../src/server/reference/registered-verifiers';
import { loadOrCreateVerifierRegister, type ReferenceVerifierRegister } from '../../../src/server/reference/verifier-register';
import { BANK_SITE, CORNER_SHOP, JOB_SITE, type VerifierSite } from '../../../src/server/verifier/sites';
import { verifierApp } from '../../../src/server/verifier/verifier-app';
import { makeWorld, NOW, type World } from '../../browser/support/share-fixtures';
import { pinnedTrustList, startReferenceServersAndVerifiersInTempDir, stopReferenceServers } from '../../shared/reference-servers';
import type { ReferenceServers } from '../../../src/server/reference/reference-servers';
import type { ReferenceVerifiers } from '../../../src/server/verifier/start-verifier';

const MDL_NAMESPACE = 'org.iso.18013.5.1';
const WALLET = 'http://wallet.example';
const ORGANIZATION_IDENTIFIER = '2.5.4.97';

let dataDir: string;
let register: ReferenceVerifierRegister;
let world: World;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'satchel-signed-verifiers-'));
  register = await loadOrCreateVerifierRegister(dataDir);
  world = await makeWorld();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function siteApp(site: VerifierSite, url: string) {
  return verifierApp({
    url,
    walletUrl: WALLET,
    walletOrigins: [WALLET],
    trustList: async () => world.trustList,
    fetchStatusList: async (uri) => world.statusLists[uri]!,
    now: () => NOW.getTime(),
    site,
    signer: register.signers[site.registerId]!,
  });
}

/** What a person does on the site: pick a purpose, open the transaction page, follow the wallet link to the request object. */
async function request(app: ReturnType<typeof verifierApp>, url: string, purpose: string) {
  const started = await app.app.fetch(new Request(`${url}/start`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: `purpose=${purpose}` }));
  const txUrl = `${url}${started.headers.get('location')}`;
  const page = await (await app.app.fetch(new Request(txUrl))).text();
  const link = new URL(/href="(http:\/\/wallet\.example\/share\?[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&'));
  const requestUri = link.searchParams.get('request_uri')!;
  const response = await app.app.fetch(new Request(requestUri));
  expect(response.headers.get('content-type')).toBe('application/oauth-authz-req+jwt');
  const jws = await response.text();
  return { link, jws, txId: txUrl.split('/').pop()! };
}

/** RFC 7515 §4.1.6 x5c: leaf first, each the next one's subject; checked with @peculiar/x509, independently of Satchel's own chain code. */
async function verifiedChain(jws: string): Promise<{ leaf: x509.X509Certificate; payload: Record<string, unknown>; header: Record<string, unknown> }> {
  const header = decodeProtectedHeader(jws) as Record<string, unknown>;
  const x5c = (header.x5c as string[]).map((b64) => new x509.X509Certificate(Buffer.from(b64, 'base64')));
  const ca = new x509.X509Certificate(register.caCertificate);
  expect(x5c.map((c) => c.rawData)).toHaveLength(2);
  expect(new Uint8Array(x5c[1]!.rawData)).toEqual(register.caCertificate);
  expect(await x5c[0]!.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
  const { payload } = await compactVerify(jws, await x5c[0]!.publicKey.export());
  return { leaf: x5c[0]!, header, payload: JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown> };
}

type Query = { id: string; meta: { vct_values?: string[]; doctype_value?: string }; claims: { path: (string | number | null)[] }[] };
const queryTypes = (q: Query): string[] => q.meta.vct_values ?? [q.meta.doctype_value!];
const permits = (permitted: readonly PermittedRequest[], types: string[], path: readonly unknown[]): boolean =>
  permitted.some((p) => types.every((t) => p.types.includes(t)) && p.claims.some((c) => JSON.stringify(c) === JSON.stringify(path)));

describe('npm start\'s servers: the trust list publishes the register; both verifiers sign with it', () => {
  let servers: ReferenceServers | undefined;
  let verifiers: ReferenceVerifiers | undefined;
  let serversDir: string | undefined;
  beforeAll(async () => {
    ({ dataDir: serversDir, servers, verifiers } = await startReferenceServersAndVerifiersInTempDir('satchel-register-list-', { walletUrl: WALLET }));
  });
  afterAll(() => stopReferenceServers(servers, serversDir, verifiers));

  it('anchors: the register CA; entries: both reference verifiers with names and registrations in English and Welsh, and what each may ask for', async () => {
    if (!servers) throw new Error('the servers did not start');
    const { trustList } = await pinnedTrustList(servers, new Date());
    const published = trustList.verifierRegister!;
    expect(published.anchors).toEqual([servers.verifierRegister.caCertificate]);
    expect(published.verifiers.map((v) => v.id)).toEqual([JOB_SITE.registerId, CORNER_SHOP.registerId, BANK_SITE.registerId]);
    expect(published.verifiers).toEqual(REGISTERED_VERIFIERS);
    for (const v of published.verifiers) {
      expect(v.name.cy).toBeTruthy();
      expect(v.registration.cy).toBeTruthy();
    }
    // The signers the servers hand to the verifiers are the register's.
    expect(new x509.X509Certificate(servers.verifierRegister.signers[JOB_SITE.registerId]!.x5c[0]!).issuer).toBe(new x509.X509Certificate(new Uint8Array(published.anchors[0]!)).subject);
  });

  it('over HTTP, the job site signs under x509_san_dns:localhost and the shop under x509_hash:, each with its own certificate from the published register', async () => {
    if (!servers || !verifiers) throw new Error('the servers did not start');
    const anchor = new x509.X509Certificate(servers.verifierRegister.caCertificate);
    for (const [verifier, site] of [[verifiers.jobs, JOB_SITE], [verifiers.shop, CORNER_SHOP], [verifiers.bank, BANK_SITE]] as const) {
      const started = await fetch(`${verifier.url}/start`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: verifier.url }, body: `purpose=${site.defaultPurpose}` });
      const page = await (await fetch(`${verifier.url}${started.headers.get('location')}`)).text();
      const link = new URL(/href="(http:\/\/wallet\.example\/share\?[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&'));
      const jws = await (await fetch(link.searchParams.get('request_uri')!)).text();
      const leaf = new x509.X509Certificate(Buffer.from((decodeProtectedHeader(jws).x5c as string[])[0]!, 'base64'));
      expect(await leaf.verify({ publicKey: anchor.publicKey, signatureOnly: true })).toBe(true);
      await compactVerify(jws, await leaf.publicKey.export());
      expect(leaf.subjectName.getField(ORGANIZATION_IDENTIFIER)).toEqual([site.registerId]);
      expect(link.searchParams.get('client_id')).toMatch(site.clientIdPrefix === 'x509_san_dns' ? /^x509_san_dns:localhost$/ : /^x509_hash:[A-Za-z0-9_-]{43}$/);
    }
  });
});

describe('the job application site signs its requests (x509_san_dns)', () => {
  const url = 'http://localhost:5180';

  it('request objects are ES256 JWS, typ oauth-authz-req+jwt, x5c [leaf, register CA], signed by the leaf, client_id x509_san_dns:localhost', async () => {
    const app = siteApp(JOB_SITE, url);
    for (const purpose of Object.keys(JOB_SITE.queries)) {
      const { link, jws } = await request(app, url, purpose);
      const { leaf, header, payload } = await verifiedChain(jws);
      expect(header).toMatchObject({ alg: 'ES256', typ: 'oauth-authz-req+jwt' });
      expect(leaf.subjectName.getField(ORGANIZATION_IDENTIFIER)).toEqual([JOB_SITE.registerId]);
      expect(leaf.getExtension(x509.SubjectAlternativeNameExtension)!.names.items.map((n) => n.value)).toContain('localhost');
      expect(payload.client_id).toBe('x509_san_dns:localhost');
      expect(link.searchParams.get('client_id')).toBe('x509_san_dns:localhost');
      expect(app.clientId).toBe('x509_san_dns:localhost');
      // §5.9.3 / HAIP: the response_uri is on a host the certificate names.
      expect(new URL(payload.response_uri as string).hostname).toBe('localhost');
      expect(payload.dcql_query).toEqual(JOB_SITE.queries[purpose]);
      expect(payload).toMatchObject({ response_type: 'vp_token', response_mode: 'direct_post.jwt', aud: 'https://self-issued.me/v2' });
    }
  });

  it('asks only for what it is registered for', () => {
    const entry = REGISTERED_VERIFIERS.find((v) => v.id === JOB_SITE.registerId)!;
    for (const dcql of Object.values(JOB_SITE.queries)) {
      for (const q of dcql.credentials as Query[]) for (const c of q.claims) expect(permits(entry.permitted, queryTypes(q), c.path), `${q.id} ${c.path.join('.')}`).toBe(true);
    }
  });

  it('an answer whose key binding names the new client id verifies; one bound to the old redirect_uri: client id does not', async () => {
    const app = siteApp(JOB_SITE, url);
    const answer = async (audience?: string) => {
      const { jws, txId } = await request(app, url, 'right-to-work');
      const { payload } = await verifiedChain(jws);
      const raw = (await world.vault.getCredential('rtw'))!.raw;
      const presentation = await createPresentation(raw, {
        disclose: [['given_name'], ['family_name'], ['right_to_work'], ['work_restrictions']],
        audience: audience ?? (payload.client_id as string),
        nonce: payload.nonce as string,
        holderKey: await world.vault.deviceSigningKey('rtw'),
        now: NOW,
      });
      const jwk = (payload.client_metadata as { jwks: { keys: (P256PublicJwk & { kid: string })[] } }).jwks.keys[0]!;
      const jwe = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: { right_to_work: [presentation] } })), jwk, { kid: jwk.kid });
      const posted = await app.app.fetch(new Request(payload.response_uri as string, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `response=${encodeURIComponent(jwe)}` }));
      expect(posted.status).toBe(200);
      return app.transactions.get(txId)!.outcome!;
    };
    const good = await answer();
    expect(good.ok).toBe(true);
    expect(good.claims).toMatchObject({ given_name: 'Ada', right_to_work: 'Unlimited' });
    const stale = await answer(`redirect_uri:${url}/response`);
    expect(stale.ok).toBe(false);
  });
});

describe('the corner shop signs with x509_hash and over-asks', () => {
  const url = 'http://localhost:5181';

  it('client_id is x509_hash: and the base64url SHA-256 of its leaf; the request is signed by that leaf, chaining to the register CA', async () => {
    const app = siteApp(CORNER_SHOP, url);
    const { link, jws } = await request(app, url, CORNER_SHOP.defaultPurpose);
    const { leaf, payload, header } = await verifiedChain(jws);
    const hash = base64urlEncode(createHash('sha256').update(new Uint8Array(leaf.rawData)).digest());
    expect(header).toMatchObject({ alg: 'ES256', typ: 'oauth-authz-req+jwt' });
    expect(payload.client_id).toBe(`x509_hash:${hash}`);
    expect(link.searchParams.get('client_id')).toBe(`x509_hash:${hash}`);
    expect(leaf.subjectName.getField(ORGANIZATION_IDENTIFIER)).toEqual([CORNER_SHOP.registerId]);
    expect(new URL(payload.response_uri as string).hostname).toBe('localhost');
    expect((payload.client_metadata as { client_name: string }).client_name).toBe(CORNER_SHOP.name);
  });

  it('registered only for age_over_18 (SD-JWT licence and mDL), it asks for name and date of birth too', async () => {
    const entry = REGISTERED_VERIFIERS.find((v) => v.id === CORNER_SHOP.registerId)!;
    expect(entry.permitted).toEqual([
      { types: [`https://satchel.example/credentials/driving-licence`], claims: [['age_over_18']] },
      { types: ['org.iso.18013.5.1.mDL'], claims: [[MDL_NAMESPACE, 'age_over_18']] },
    ]);
    const app = siteApp(CORNER_SHOP, url);
    for (const purpose of Object.keys(CORNER_SHOP.queries)) {
      const { payload } = await verifiedChain((await request(app, url, purpose)).jws);
      const [q] = (payload.dcql_query as { credentials: Query[] }).credentials;
      const beyond = q!.claims.filter((c) => !permits(entry.permitted, queryTypes(q!), c.path)).map((c) => c.path[c.path.length - 1]);
      expect(beyond.sort()).toEqual(['birth_date', 'family_name', 'given_name']);
      expect(q!.claims.some((c) => c.path[c.path.length - 1] === 'age_over_18')).toBe(true);
    }
  });

  it('its start page offers "Prove you are over 18"', async () => {
    const page = await (await siteApp(CORNER_SHOP, url).app.fetch(new Request(`${url}/`))).text();
    expect(page).toContain(CORNER_SHOP.name);
    expect(page).toContain('Prove you are over 18');
  });
});
