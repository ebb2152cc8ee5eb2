/**
 * The reference DVLA's mobile driving licence (ISO/IEC 18013-5 mDL over OpenID4VCI 1.0 Appendix
 * A.2), driven by Satchel's OpenID4VCI client over real HTTP: the configuration's metadata, the
 * trust list naming the DVLA's IACA root for the doctype, the IssuerSigned it issues (every
 * element of the common design, the device key from the key proof, the MSO's status at the DVLA's
 * status list, the Document Signer certificate issued by the IACA under the Annex B profile), the
 * certificates kept across a restart, and the whole credential through verifyCredential (with the
 * app's noble engine, which checks the IACA's ES384 certificate signature), revocation included.
 */
import '../../../src/server/reference/reflect-metadata-shim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { decode, Tagged } from 'cborg';
import { msoMdocFormat, verifyCredential, type TrustList } from '../../../src/credentials/index';
import { obtainCredential, redeemOffer, resolveOffer, type Holder } from '../../../src/protocols/openid4vci/index';
import { startReferenceServers, type ReferenceServers } from '../../../src/server/reference/reference-servers';
import { offerLinks } from '../../../src/server/reference/admin-app';
import { MDL_DOCTYPE, MDL_NAMESPACE } from '../../../src/server/reference/departments';
import { MDL_DS_EKU } from '../../../src/server/reference/iaca';
import { mdlElements } from '../../../src/server/reference/mdl-elements';
import { findPerson } from '../../../src/server/reference/demo-people';
import { pinnedTrustList, startReferenceServersInTempDir, stopReferenceServers } from '../../shared/reference-servers';
import { createNobleVerifier } from '../../../src/crypto/noble-verifier';

const WALLET = 'http://localhost:5173';
const http = { fetch: (url: string, init?: RequestInit) => fetch(url, init), timeoutMs: 60_000, remoteUrls: { allowLoopback: true } };
const CONFIGURATION = 'mobile_driving_licence';

async function holder(): Promise<Holder> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { publicJwk: { kty, crv, x, y }, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)) };
}

/** Tags 0 (tdate), 24 (embedded CBOR) and 1004 (full-date) kept as cborg Tagged values. */
const CBOR_OPTIONS = { tags: Tagged.preserve(0, 24, 1004), useMaps: true };

/** cborg's own decoding of the IssuerSigned, tags kept as tag objects (no Satchel code involved). */
function decodeIssuerSigned(raw: string): { nameSpaces: Map<string, Tagged[]>; issuerAuth: [Uint8Array, Map<number, unknown>, Uint8Array, Uint8Array] } {
  const top = decode(Buffer.from(raw, 'base64url'), CBOR_OPTIONS) as Map<string, unknown>;
  return { nameSpaces: top.get('nameSpaces') as Map<string, Tagged[]>, issuerAuth: top.get('issuerAuth') as never };
}

function decodeEmbedded(tagged: Tagged): Map<string, unknown> {
  return decode(tagged.value as Uint8Array, CBOR_OPTIONS) as Map<string, unknown>;
}

describe('the reference DVLA issues the driving licence as an ISO mdoc', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let trustList: TrustList;
  let trustPayload: { issuers: { id: string; types: string[]; iaca?: { certificate: string; doctypes: string[] }[] }[] };
  const clock = Date.now();

  beforeAll(async () => {
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-mdoc-issuer-', { walletUrl: WALLET, now: () => clock }));
    const pinned = await pinnedTrustList(servers, new Date(clock));
    trustPayload = JSON.parse(Buffer.from(pinned.jwt.split('.')[1]!, 'base64url').toString('utf8'));
    trustList = pinned.trustList;
  });

  afterAll(() => stopReferenceServers(servers, dataDir));

  async function receive(personId = 'ada') {
    const issuer = servers.issuers.dvla;
    const offer = issuer.createOffer({ personId, configurationId: CONFIGURATION });
    const resolved = await resolveOffer(offerLinks(issuer, offer.id, WALLET).schemeByReference, http);
    const token = await redeemOffer(resolved, offer.txCode, http);
    const h = await holder();
    const response = await obtainCredential(resolved.metadata, token.accessToken, CONFIGURATION, h, http);
    if (response.kind !== 'issued') throw new Error('not issued');
    return { raw: response.credentials[0]!, holder: h, resolved, idx: issuer.issued().length - 1 };
  }

  it('describes the configuration per OpenID4VCI 1.0 Appendix A.2.2, with [namespace, element] claims named in English and Welsh', async () => {
    const metadata = await (await fetch(`${servers.issuers.dvla.url}/.well-known/openid-credential-issuer`)).json();
    const config = metadata.credential_configurations_supported[CONFIGURATION];
    expect(config).toMatchObject({
      format: 'mso_mdoc',
      doctype: MDL_DOCTYPE,
      cryptographic_binding_methods_supported: ['cose_key'],
      credential_signing_alg_values_supported: [-7],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
    });
    expect(config.credential_metadata.display).toEqual([{ name: 'Mobile driving licence', locale: 'en-GB' }, { name: 'Trwydded yrru symudol', locale: 'cy-GB' }]);
    const paths = config.credential_metadata.claims.map((c: { path: string[] }) => c.path);
    for (const element of ['family_name', 'given_name', 'birth_date', 'issue_date', 'expiry_date', 'issuing_country', 'issuing_authority', 'document_number', 'portrait', 'driving_privileges', 'age_over_18', 'age_over_21']) {
      expect(paths).toContainEqual([MDL_NAMESPACE, element]);
    }
    expect(config.credential_metadata.claims.find((c: { path: string[] }) => c.path[1] === 'age_over_18').display).toEqual([{ name: 'Aged 18 or over', locale: 'en-GB' }, { name: '18 oed neu hŷn', locale: 'cy-GB' }]);
    // The SD-JWT licence stays, first (what the admin page and older tests pick by default); its paper card
    // comes last, and the mdoc has none of its own (reference-cards.test.ts).
    expect(Object.keys(metadata.credential_configurations_supported)).toEqual(['driving_licence', CONFIGURATION, 'driving_licence_card']);
  });

  it('the trust list names the DVLA\'s IACA root (P-384, Annex B.1.2 profile) for the mDL doctype, and the doctype among its types', async () => {
    const dvla = trustPayload.issuers.find((i) => i.id === servers.issuers.dvla.url)!;
    expect(dvla.types).toEqual(['https://satchel.example/credentials/driving-licence', MDL_DOCTYPE]);
    expect(dvla.iaca).toHaveLength(1);
    expect(dvla.iaca![0]!.doctypes).toEqual([MDL_DOCTYPE]);
    // The other departments issue no mdocs: no IACA.
    expect(trustPayload.issuers.filter((i) => i.iaca)).toHaveLength(1);
    const iaca = new x509.X509Certificate(Buffer.from(dvla.iaca![0]!.certificate, 'base64'));
    expect(iaca.subject).toBe(iaca.issuer);
    expect(await iaca.isSelfSigned()).toBe(true);
    expect(iaca.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-384' });
    expect(iaca.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-384' } });
    expect(iaca.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: true, pathLength: 0, critical: true });
    expect(iaca.getExtension(x509.KeyUsagesExtension)!.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    expect(iaca.subject).toContain('C=GB');
    // Satchel's own parser reads the same entry.
    const listed = trustList.issuers.find((i) => i.id === servers.issuers.dvla.url)!;
    expect(listed.iaca?.map((r) => r.doctypes)).toEqual([[MDL_DOCTYPE]]);
  });

  it('issues an IssuerSigned with every mDL element, bound to the key proof\'s key, its status at the DVLA\'s list, signed under the listed IACA', async () => {
    const { raw, holder: h, idx } = await receive();
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    const { nameSpaces, issuerAuth } = decodeIssuerSigned(raw);
    const items = new Map(nameSpaces.get(MDL_NAMESPACE)!.map((t) => decodeEmbedded(t)).map((item) => [item.get('elementIdentifier'), item]));
    expect([...items.keys()].sort()).toEqual(['age_over_18', 'age_over_21', 'birth_date', 'document_number', 'driving_privileges', 'expiry_date', 'family_name', 'given_name', 'issue_date', 'issuing_authority', 'issuing_country', 'portrait'].sort());
    const value = (name: string) => items.get(name)!.get('elementValue');
    expect(value('family_name')).toBe('Jones');
    expect(value('birth_date')).toEqual(new Tagged(1004, '1984-03-09'));
    expect(value('age_over_18')).toBe(true);
    // §7.2.1 portrait: the JPEG's bytes (SOI marker FF D8 FF).
    expect([...(value('portrait') as Uint8Array).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // §7.2.4: categories with their dates and codes.
    const privileges = value('driving_privileges') as Map<string, unknown>[];
    expect(privileges.map((p) => p.get('vehicle_category_code'))).toEqual(['AM', 'B', 'BE']);
    expect(privileges[1]!.get('issue_date')).toEqual(new Tagged(1004, '2002-06-12'));
    expect((privileges[1]!.get('codes') as Map<string, string>[])[0]!.get('code')).toBe('01');
    // §9.1.2.5: random of at least 16 bytes per element.
    for (const item of items.values()) expect((item.get('random') as Uint8Array).length).toBeGreaterThanOrEqual(16);

    const [protectedHeader, unprotectedHeader, payload] = issuerAuth;
    expect(decode(protectedHeader, { useMaps: true })).toEqual(new Map([[1, -7]]));
    const mso = decodeEmbedded(decode(payload, CBOR_OPTIONS) as Tagged);
    expect(mso.get('docType')).toBe(MDL_DOCTYPE);
    expect(mso.get('digestAlgorithm')).toBe('SHA-256');
    expect(mso.get('status')).toEqual(new Map([['status_list', new Map<string, unknown>([['idx', idx], ['uri', servers.issuers.dvla.statusListUri]])]]));
    // The device key is the key proof's, as a COSE_Key (RFC 9053 §7.1.1).
    expect(msoMdocFormat.holderJwk(raw)).toEqual(h.publicJwk);

    // x5chain (RFC 9360): the Document Signer, issued by the IACA the trust list names (Annex B.1.4).
    const ds = new x509.X509Certificate(unprotectedHeader.get(33) as Uint8Array<ArrayBuffer>);
    const iaca = new x509.X509Certificate(Buffer.from(trustPayload.issuers.find((i) => i.id === servers.issuers.dvla.url)!.iaca![0]!.certificate, 'base64'));
    expect(ds.issuer).toBe(iaca.subject);
    expect(await ds.verify({ publicKey: iaca.publicKey, signatureOnly: true })).toBe(true);
    expect(ds.publicKey.algorithm).toMatchObject({ namedCurve: 'P-256' });
    expect(ds.getExtension(x509.KeyUsagesExtension)).toMatchObject({ usages: x509.KeyUsageFlags.digitalSignature, critical: true });
    expect(ds.getExtension(x509.ExtendedKeyUsageExtension)).toMatchObject({ usages: [MDL_DS_EKU], critical: true });
    expect(ds.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId).toBe(iaca.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId);
    expect(ds.notAfter.getTime()).toBeLessThanOrEqual(iaca.notAfter.getTime());
    expect((ds.notAfter.getTime() - ds.notBefore.getTime()) / 86_400_000).toBeLessThanOrEqual(457.01);

    // Satchel reads it as the mdoc format: claims by namespace, the docType as its type.
    const read = msoMdocFormat.read(raw);
    expect(read.type).toBe(MDL_DOCTYPE);
    expect((read.claims[MDL_NAMESPACE] as Record<string, unknown>).given_name).toBe('Ada');
    expect(msoMdocFormat.peekStatusUri(raw)).toBe(servers.issuers.dvla.statusListUri);
  });

  it('verifies in full (x5chain to the listed IACA, MSO signature, digests, validity, status); revoking on the admin side reaches it', async () => {
    const { raw, idx } = await receive('sam');
    const options = { trustList, verifier: createNobleVerifier(), now: new Date(clock), fetchStatusList: async (uri: string) => (await fetch(uri)).text() };
    const report = await verifyCredential(raw, options);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report).toMatchObject({ valid: true, format: 'mso_mdoc', type: MDL_DOCTYPE, issuer: { id: servers.issuers.dvla.url }, status: { state: 'valid' } });
    servers.issuers.dvla.setStatus(idx, 'revoked');
    expect((await verifyCredential(raw, options)).status?.state).toBe('revoked');
  });

  it('a licence issued on 29 February expires on 28 February ten years on (a full-date must name a real day)', () => {
    const elements = mdlElements(findPerson('sam')!, 'OKAFO100001', new Date('2028-02-29T10:00:00Z'))[MDL_NAMESPACE]!;
    expect(elements.issue_date).toEqual(new Tagged(1004, '2028-02-29'));
    expect(elements.expiry_date).toEqual(new Tagged(1004, '2038-02-28'));
    expect(mdlElements(findPerson('sam')!, 'OKAFO100001', new Date('2026-11-30T10:00:00Z'))[MDL_NAMESPACE]!.expiry_date).toEqual(new Tagged(1004, '2036-11-30'));
  });

  it('the admin page offers it and makes its offer', async () => {
    const admin = new URL(servers.adminUrl).origin;
    expect(await (await fetch(servers.adminUrl)).text()).toContain(`<option value="dvla:${CONFIGURATION}">Mobile driving licence — Driver and Vehicle Licensing Agency</option>`);
    const created = await fetch(`${admin}/offers`, { method: 'POST', body: new URLSearchParams({ person: 'sam', credential: `dvla:${CONFIGURATION}` }), headers: { Origin: admin }, redirect: 'manual' });
    expect(created.status).toBe(303);
    expect(await (await fetch(`${admin}${created.headers.get('Location')}`)).text()).toContain('Offer: Mobile driving licence for Sam Okafor');
  });

  it('the IACA and Document Signer are kept in keys.json and survive a restart', async () => {
    const before = servers.issuers.dvla.mdocSigner!;
    await servers.close();
    servers = await startReferenceServers({ dataDir, ports: 'ephemeral', walletUrl: WALLET, now: () => clock });
    const after = servers.issuers.dvla.mdocSigner!;
    expect(Buffer.from(after.iacaCertificate).equals(Buffer.from(before.iacaCertificate))).toBe(true);
    expect(Buffer.from(after.documentSignerCertificate).equals(Buffer.from(before.documentSignerCertificate))).toBe(true);
    expect(servers.issuers.veterans.mdocSigner).toBeUndefined();
  });
});
