/**
 * Receiving the driving licence as an ISO mdoc (OpenID4VCI 1.0 Appendix A.2) with the wallet's
 * receive use case in Node, against the real reference servers on ephemeral ports: the offer names
 * the doctype as its type, the credential is verified (x5chain to the IACA the trust list names for
 * the doctype, MSO signature, digests, validity, status), checked to be bound to the device key made
 * for it and stored as format mso_mdoc. Interop the other way: an mdoc built by @owf/mdoc
 * (IssuerSignedBuilder) under the DVLA's Document Signer is received too. Bad input, each with its
 * ReceiveError code and nothing stored: an mdoc under an IACA the trust list does not name, an
 * mdoc of a doctype the DVLA may not issue (signed by its own Document Signer), an mdoc bound to
 * another key, a configuration whose doctype the trust list does not allow. Revocation on the
 * admin side reaches the stored mdoc.
 */
import '../../../../src/server/reference/reflect-metadata-shim';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { CoseKey, DateOnly, DeviceKey, IssuerSignedBuilder, SignatureAlgorithm, type MdocContext } from '@owf/mdoc';
import type { ReferenceServers } from '../../../../src/server/reference/reference-servers';
import { offerLinks } from '../../../../src/server/reference/admin-app';
import { MDL_DOCTYPE, MDL_NAMESPACE } from '../../../../src/server/reference/departments';
import { issueMdoc } from '../../../../src/server/reference/mdoc-issuer';
import { loadOrCreateMdocSigner, type MdocSigner } from '../../../../src/server/reference/iaca';
import { msoMdocFormat } from '../../../../src/credentials/index';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import { ReceiveError, type ReceiveErrorCode } from '../../../../src/wallet/receive/receive-api';
import { createNobleVerifier } from '../../../../src/crypto/noble-verifier';
import { receiverFor, startReferenceServersInTempDir, stopReferenceServers } from '../../../shared/reference-servers';
import { MemoryVault } from '../memory-vault';

const WALLET = 'http://localhost:5173';
const CONFIGURATION = 'mobile_driving_licence';

type Interceptor = (url: string, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

const jsonResponse = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

/** The device key in the wallet's key proof (OpenID4VCI 1.0 Appendix F.1 `jwk` header). */
function proofKey(init: RequestInit | undefined): JsonWebKey {
  const proof = (JSON.parse(String(init!.body)) as { proofs: { jwt: string[] } }).proofs.jwt[0]!;
  return JSON.parse(Buffer.from(proof.split('.')[0]!, 'base64url').toString()).jwk as JsonWebKey;
}

describe('receiving the mdoc driving licence from the reference DVLA', () => {
  let dataDir: string;
  let servers: ReferenceServers;
  let clock: number;
  let intercept: Interceptor | undefined;
  let vault: MemoryVault;
  let receiver: SatchelReceiver;

  beforeAll(async () => {
    clock = Date.now();
    ({ dataDir, servers } = await startReferenceServersInTempDir('satchel-receive-mdoc-', { walletUrl: WALLET, now: () => clock }));
  });

  afterAll(() => stopReferenceServers(servers, dataDir));

  beforeEach(() => {
    intercept = undefined;
    vault = new MemoryVault();
    receiver = receiverFor(servers, {
      vault,
      // The app's fallback engine, which checks ES384 (the IACA's certificate signatures) as well as ES256.
      verifier: createNobleVerifier(),
      now: () => clock,
      online: () => true,
      fetch: async (url, init) => (await intercept?.(url, init)) ?? fetch(url, init),
    });
  });

  afterEach(() => receiver.close());

  function offer(person = 'ada') {
    const issuer = servers.issuers.dvla;
    const record = issuer.createOffer({ personId: person, configurationId: CONFIGURATION });
    return { record, links: offerLinks(issuer, record.id, WALLET) };
  }

  async function rejection(promise: Promise<unknown>, code: ReceiveErrorCode): Promise<ReceiveError> {
    const e = await promise.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ReceiveError);
    expect((e as ReceiveError).code, (e as Error).message).toBe(code);
    return e as ReceiveError;
  }

  function expectNothingStored(): void {
    expect(vault.userCredentials()).toEqual([]);
    expect(vault.keys.size).toBe(0);
  }

  /** The credential endpoint answers with `make(deviceJwk)` instead of the DVLA's own mdoc. */
  function answerWith(make: (deviceJwk: JsonWebKey) => Promise<string>): void {
    const endpoint = `${servers.issuers.dvla.url}/credential`;
    intercept = (url, init) => (url === endpoint ? make(proofKey(init)).then((credential) => jsonResponse({ credentials: [{ credential }] })) : undefined);
  }

  /** An mdoc like the DVLA's, built by mdoc-issuer.ts with another signer or doctype. */
  function mdoc(signer: MdocSigner, deviceJwk: JsonWebKey, docType = MDL_DOCTYPE): Promise<string> {
    const now = new Date(clock);
    return issueMdoc({
      docType,
      nameSpaces: { [MDL_NAMESPACE]: { given_name: 'Ada', family_name: 'Jones', age_over_18: true } },
      deviceJwk,
      signed: now,
      validFrom: now,
      validUntil: new Date(clock + 30 * 86400_000),
      x5chain: [signer.documentSignerCertificate],
      sign: signer.sign,
    });
  }

  it('offers the doctype as the credential\'s type, then stores the verified mdoc bound to its own device key', async () => {
    const { record, links } = offer();
    const summary = await receiver.readOffer(links.walletLink);
    expect(summary.credentials).toEqual([expect.objectContaining({ configurationId: CONFIGURATION, name: { en: 'Mobile driving licence', cy: 'Trwydded yrru symudol' } })]);
    expect(summary.credentials[0]!.claims).toContainEqual({ en: 'Aged 18 or over', cy: '18 oed neu hŷn' });
    expectNothingStored();

    const result = await receiver.accept(summary.offerId, record.txCode);
    expect(result.status).toBe('stored');
    const [stored] = vault.userCredentials();
    expect(stored).toMatchObject({ format: 'mso_mdoc', type: MDL_DOCTYPE, issuerName: 'Driver and Vehicle Licensing Agency', statusUri: servers.issuers.dvla.statusListUri });
    expect(stored!.display?.claims).toContainEqual({ path: [MDL_NAMESPACE, 'age_over_18'], label: { en: 'Aged 18 or over', cy: '18 oed neu hŷn' } });
    // The raw credential is the base64url IssuerSigned as issued, bound to the key the vault made for it.
    expect(stored!.raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(msoMdocFormat.holderJwk(stored!.raw)).toMatchObject({ x: vault.keys.get(stored!.id)?.publicJwk.x, y: vault.keys.get(stored!.id)?.publicJwk.y });
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ format: 'mso_mdoc', verified: true, status: { state: 'valid' } });
    await expect.poll(() => servers.issuers.dvla.issued().find((i) => i.offerId === record.id)?.notification, { timeout: 60_000 }).toBe('credential_accepted');
  });

  it('an mdoc issued by @owf/mdoc (IssuerSignedBuilder) under the DVLA\'s Document Signer is received and stored', async () => {
    const signer = servers.issuers.dvla.mdocSigner!;
    const dsKey = await new x509.X509Certificate(Buffer.from(signer.documentSignerCertificate)).publicKey.export({ name: 'ECDSA', namedCurve: 'P-256' }, ['verify']);
    const ds = await crypto.subtle.exportKey('jwk', dsKey);
    answerWith(async (deviceJwk) => {
      const context = {
        crypto: { random: (n: number) => crypto.getRandomValues(new Uint8Array(n)), digest: async ({ digestAlgorithm, bytes }: { digestAlgorithm: string; bytes: Uint8Array }) => new Uint8Array(await crypto.subtle.digest(digestAlgorithm, bytes as BufferSource)) },
        cose: { sign1: { sign: ({ toBeSigned }: { toBeSigned: Uint8Array }) => signer.sign(toBeSigned) } },
      } as unknown as Pick<MdocContext, 'cose' | 'crypto'>;
      const now = new Date(clock);
      const issuerSigned = await new IssuerSignedBuilder(MDL_DOCTYPE, context)
        .addIssuerNamespace(MDL_NAMESPACE, { given_name: 'Ada', family_name: 'Jones', birth_date: new DateOnly('1984-03-09'), age_over_18: true })
        .sign({
          signingKey: CoseKey.fromJwk({ kty: 'EC', crv: 'P-256', x: ds.x!, y: ds.y! }),
          algorithm: SignatureAlgorithm.ES256,
          digestAlgorithm: 'SHA-256',
          validityInfo: { signed: now, validFrom: now, validUntil: new Date(clock + 30 * 86400_000) },
          deviceKeyInfo: { deviceKey: DeviceKey.fromJwk({ kty: 'EC', crv: 'P-256', x: deviceJwk.x!, y: deviceJwk.y! }) },
          certificates: [signer.documentSignerCertificate],
        });
      return issuerSigned.encodedForOid4Vci;
    });
    const { record, links } = offer();
    const summary = await receiver.readOffer(links.schemeText);
    expect((await receiver.accept(summary.offerId, record.txCode)).status).toBe('stored');
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ format: 'mso_mdoc', verified: true });
  });

  it('an mdoc whose Document Signer chains to an IACA the trust list does not name is refused as not signed under a recognised certificate (the offer was the DVLA\'s); nothing stored', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'satchel-other-iaca-'));
    try {
      // The same names and profile, another key: a look-alike IACA.
      const impostor = await loadOrCreateMdocSigner(otherDir, 'dvla', 'Driver and Vehicle Licensing Agency', new Date(clock));
      answerWith((deviceJwk) => mdoc(impostor, deviceJwk));
      const { record, links } = offer();
      const summary = await receiver.readOffer(links.schemeText);
      const e = await rejection(receiver.accept(summary.offerId, record.txCode), 'unrecognised-certificate');
      expect(e.details.reasons?.join(' ')).toMatch(/IACA/);
      expectNothingStored();
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('an mdoc of a doctype the DVLA may not issue, signed by its own Document Signer, is refused; nothing stored', async () => {
    answerWith((deviceJwk) => mdoc(servers.issuers.dvla.mdocSigner!, deviceJwk, 'org.iso.23220.photoid.1'));
    const { record, links } = offer();
    const summary = await receiver.readOffer(links.schemeText);
    const e = await rejection(receiver.accept(summary.offerId, record.txCode), 'type-not-allowed');
    expect(e.details.reasons?.join(' ')).toContain('org.iso.23220.photoid.1');
    expectNothingStored();
  });

  it('an mdoc bound to another device key is not the one offered; nothing stored', async () => {
    const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const otherJwk = await crypto.subtle.exportKey('jwk', other.publicKey);
    answerWith(() => mdoc(servers.issuers.dvla.mdocSigner!, otherJwk));
    const { record, links } = offer();
    const summary = await receiver.readOffer(links.schemeText);
    const e = await rejection(receiver.accept(summary.offerId, record.txCode), 'verification-failed');
    expect(e.details.reasons).toContain('It is not bound to the key this phone made for it');
    expectNothingStored();
  });

  it('a configuration whose doctype the trust list does not allow the DVLA is refused before anything is requested', async () => {
    intercept = (url, init) => {
      if (!url.includes('/.well-known/openid-credential-issuer')) return undefined;
      return fetch(url, init).then(async (r) => new Response((await r.text()).replace(`"doctype":"${MDL_DOCTYPE}"`, '"doctype":"org.iso.23220.photoid.1"'), { headers: { 'Content-Type': 'application/json' } }));
    };
    const { links } = offer();
    await rejection(receiver.readOffer(links.schemeText), 'type-not-allowed');
    expectNothingStored();
  });

  it('revoking it on the admin side shows after a status refresh past the list\'s ttl', async () => {
    const { record, links } = offer('sam');
    await receiver.accept((await receiver.readOffer(links.schemeText)).offerId, record.txCode);
    const idx = servers.issuers.dvla.issued().find((i) => i.offerId === record.id)!.idx;
    servers.issuers.dvla.setStatus(idx, 'revoked');
    clock += 61_000;
    await receiver.refreshStatus();
    expect((await receiver.listCredentials())[0]).toMatchObject({ format: 'mso_mdoc', status: { state: 'revoked' } });
  });
});
