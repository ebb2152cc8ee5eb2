/**
 * An mdoc through the verify pipeline: its issuer is found by the Document Signer certificate in
 * the issuerAuth's x5chain chaining to an IACA root on the trust list (ISO/IEC 18013-5 §9.3.3,
 * Annex B), and the certificate's signature is checked in the same batch as the MSO's. Mdocs
 * issued by the independent @owf/mdoc under a P-384 IACA made here, and the Annex D DeviceResponse.
 */
import { p256 } from '@noble/curves/nist.js';
import { CoseKey, DateOnly, DeviceKey, IssuerSignedBuilder, SignatureAlgorithm } from '@owf/mdoc';
import { describe, expect, it } from 'vitest';
import { owfContext } from '../../shared/credentials/owf-mdoc';
import annexD from '../../vectors/mdoc/iso18013-5_annex_d.json';
import { trustListFromIssuers, verifyCredential, verifyCredentials, verifyPresentation, type TrustList, type VerificationReport } from '../../../src/credentials/index';
import { decodeCbor, embedCbor, encodeCbor } from '../../../src/credentials/formats/mso-mdoc/cbor';
import { deviceAuthenticationBytes } from '../../../src/credentials/formats/mso-mdoc/device-auth';
import { sessionTranscriptBytes } from '../../../src/credentials/formats/mso-mdoc/session-transcript';
import type { PresentationHandover } from '../../../src/credentials/formats/format';
import { base64urlDecode, base64urlEncode } from '../../../src/lib/base64url';
import type { SignatureVerifier, VerifyItem } from '../../../src/lib/signature-verifier';
import { annexBPki, keyId, keyPair, NOW, pkiVerifier, type Pki } from './x509/test-pki';

const MDL = 'org.iso.18013.5.1.mDL';
const NS = 'org.iso.18013.5.1';
const DVLA = 'https://dvla.example.gov.uk';
const DVLA_NAME = { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' };
const b64u = base64urlEncode;

interface Issued {
  raw: string;
  deviceSecret: Uint8Array;
}

/** An mDL issued by @owf/mdoc, signed by `pki`'s Document Signer (its certificate in x5chain, RFC 9360 §2). */
async function owfIssued(pki: Pki, docType = MDL): Promise<Issued> {
  const ds = pki.dsKey.publicKey;
  const dsJwk = { kty: 'EC', crv: 'P-256', x: b64u(ds.subarray(1, 33)), y: b64u(ds.subarray(33)), d: b64u(pki.dsKey.secret) };
  const deviceSecret = p256.utils.randomSecretKey();
  const device = p256.getPublicKey(deviceSecret, false);
  const issuerSigned = await new IssuerSignedBuilder(docType, owfContext)
    .addIssuerNamespace(NS, {
      family_name: 'Jones',
      given_name: 'Ava',
      birth_date: new DateOnly('2007-03-25'),
      issuing_authority: 'DVLA',
      driving_privileges: [{ vehicle_category_code: 'B', issue_date: new DateOnly('2022-09-02'), expiry_date: new DateOnly('2032-09-01') }],
      age_over_18: true,
    })
    .sign({
      signingKey: CoseKey.fromJwk(dsJwk),
      algorithm: SignatureAlgorithm.ES256,
      digestAlgorithm: 'SHA-256',
      validityInfo: { signed: new Date('2026-01-01T00:00:00Z'), validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2031-01-01T00:00:00Z') },
      deviceKeyInfo: { deviceKey: DeviceKey.fromJwk({ kty: 'EC', crv: 'P-256', x: b64u(device.subarray(1, 33)), y: b64u(device.subarray(33)) }) },
      certificates: [pki.ds],
    });
  return { raw: issuerSigned.encodedForOid4Vci, deviceSecret };
}

function trustList(iaca: Uint8Array, options: { doctypes?: string[]; types?: string[] } = {}): TrustList {
  return trustListFromIssuers([
    { id: DVLA, name: DVLA_NAME, keys: [], types: options.types ?? [MDL], iaca: [{ certificate: iaca, doctypes: options.doctypes ?? [MDL] }] },
  ]);
}

function recording(verifier: SignatureVerifier): SignatureVerifier & { batches: VerifyItem[][] } {
  const batches: VerifyItem[][] = [];
  return { batches, verifyBatch: (items) => (batches.push([...items]), verifier.verifyBatch(items)) };
}

function check(report: VerificationReport, name: string) {
  const found = report.checks.find((c) => c.name === name);
  expect(found, `check ${name}`).toBeDefined();
  return found!;
}

/** The suite, with the signatures checked by `verifier` (@noble/curves by default; the app's crypto worker in Chromium). */
export function verifyMdocSpecs(verifierName = '@noble/curves', verifier: SignatureVerifier = pkiVerifier): void {
  describe(`verifying an mdoc by its certificate chain (signatures checked by ${verifierName})`, () => {
    it('an @owf/mdoc-issued mDL whose DS chains to a P-384 IACA listed for the doctype passes, the ES384 certificate signature in the same batch', async () => {
      const pki = annexBPki();
      const { raw } = await owfIssued(pki);
      const recorder = recording(verifier);
      const report = await verifyCredential(raw, { trustList: trustList(pki.iaca), verifier: recorder, now: NOW });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.format).toBe('mso_mdoc');
      expect(report.issuer).toEqual({ id: DVLA, name: DVLA_NAME.en, nameCy: DVLA_NAME.cy });
      expect(check(report, 'issuer-trusted').message).toMatch(/Issued by Driver and Vehicle Licensing Agency, whose IACA root certificate on the trust list issued its document signer certificate, which may issue org\.iso\.18013\.5\.1\.mDL/);
      expect(check(report, 'signature').message).toBe('Signed by Driver and Vehicle Licensing Agency.');
      expect(recorder.batches).toHaveLength(1);
      expect(recorder.batches[0]!.map((i) => i.alg).sort()).toEqual(['ES256', 'ES384']);
    });

    it('many mdocs and their certificates go to the verifier as one batch', async () => {
      const pki = annexBPki();
      const raws = [(await owfIssued(pki)).raw, (await owfIssued(pki)).raw];
      const recorder = recording(verifier);
      const reports = await verifyCredentials(raws, { trustList: trustList(pki.iaca), verifier: recorder, now: NOW });
      expect(reports.map((r) => r.valid)).toEqual([true, true]);
      expect(recorder.batches.map((b) => b.length)).toEqual([4]);
    });

    it('an IACA not on the trust list: issuer-trusted fails (unknown-issuer) and the signature is not checked', async () => {
      const pki = annexBPki();
      const report = await verifyCredential((await owfIssued(pki)).raw, { trustList: trustList(annexBPki().iaca), verifier, now: NOW });
      expect(report.valid).toBe(false);
      expect(check(report, 'issuer-trusted')).toMatchObject({ ok: false, code: 'unknown-issuer' });
      expect(check(report, 'issuer-trusted').message).toMatch(/issued by CN=Test DVLA IACA, C=GB, which is not an IACA on Satchel's trust list/);
      expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'not-checked' });
    });

    it('an IACA listed for another doctype only, and a doctype not among the issuer\'s types: type-not-allowed', async () => {
      const pki = annexBPki();
      const { raw } = await owfIssued(pki);
      const otherDoctype = await verifyCredential(raw, { trustList: trustList(pki.iaca, { doctypes: ['org.iso.23220.photoid.1'] }), verifier, now: NOW });
      expect(check(otherDoctype, 'issuer-trusted')).toMatchObject({ ok: false, code: 'type-not-allowed' });
      expect(check(otherDoctype, 'issuer-trusted').message).toMatch(/only for org\.iso\.23220\.photoid\.1, not for "org\.iso\.18013\.5\.1\.mDL"/);
      const notIssuerType = await verifyCredential(raw, { trustList: trustList(pki.iaca, { types: ['https://credentials.example.gov.uk/driving-licence'] }), verifier, now: NOW });
      expect(check(notIssuerType, 'issuer-trusted')).toMatchObject({ ok: false, code: 'type-not-allowed' });
      expect(check(notIssuerType, 'issuer-trusted').message).toMatch(/Driver and Vehicle Licensing Agency is not allowed to issue credentials of type "org\.iso\.18013\.5\.1\.mDL"/);
    });

    it('an expired Document Signer certificate: issuer-trusted fails (expired), even though the MSO is still valid', async () => {
      const day = 86_400_000;
      const pki = annexBPki({ ds: { notBefore: new Date(NOW.getTime() - 100 * day), notAfter: new Date(NOW.getTime() - day) } });
      const report = await verifyCredential((await owfIssued(pki)).raw, { trustList: trustList(pki.iaca), verifier, now: NOW });
      expect(check(report, 'issuer-trusted')).toMatchObject({ ok: false, code: 'expired' });
      expect(check(report, 'issuer-trusted').message).toMatch(/document signer certificate \(CN=Test DVLA Document Signer, C=GB\) expired on/);
      expect(check(report, 'validity').ok).toBe(true);
    });

    it('an MSO signed before its Document Signer certificate was valid: issuer-trusted fails', async () => {
      const pki = annexBPki({ ds: { notBefore: new Date('2026-03-01T00:00:00Z') } });
      const report = await verifyCredential((await owfIssued(pki)).raw, { trustList: trustList(pki.iaca), verifier, now: NOW });
      expect(check(report, 'issuer-trusted')).toMatchObject({ ok: false, code: 'bad-certificate' });
      expect(check(report, 'issuer-trusted').message).toMatch(/signed on 2026-01-01T00:00:00Z, outside the dates of its document signer certificate \(2026-03-01T00:00:00Z to/);
    });

    it('a DS certificate not signed by the listed IACA\'s key: the signature check fails and says it is the certificate\'s', async () => {
      const listed = annexBPki();
      // Same IACA name and key identifier as the listed one, another key: a forged chain.
      const forged = annexBPki({ iacaKey: keyPair('P-384'), iaca: { subjectKeyId: keyId(listed.iacaKey) } });
      const report = await verifyCredential((await owfIssued(forged)).raw, { trustList: trustList(listed.iaca), verifier, now: NOW });
      expect(check(report, 'issuer-trusted').ok).toBe(true);
      expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
      expect(check(report, 'signature').message).toMatch(/The signature on the document signer certificate \(CN=Test DVLA Document Signer, C=GB\), signed by the IACA CN=Test DVLA IACA, C=GB does not match/);
      expect(report.valid).toBe(false);
    });

    it('an MSO signature that does not match the DS key: the signature check fails as altered', async () => {
      const pki = annexBPki();
      const { raw } = await owfIssued(pki);
      const issuerSigned = decodeCbor(base64urlDecode(raw)!, 'test') as Map<string, unknown>;
      const issuerAuth = issuerSigned.get('issuerAuth') as unknown[];
      const signature = (issuerAuth[3] as Uint8Array).slice();
      signature[10]! ^= 1;
      issuerAuth[3] = signature;
      const report = await verifyCredential(b64u(encodeCbor(issuerSigned)), { trustList: trustList(pki.iaca), verifier, now: NOW });
      expect(check(report, 'signature')).toMatchObject({ ok: false, code: 'mismatch' });
      expect(check(report, 'signature').message).toMatch(/the credential was altered, or was not issued by the issuer it names/);
    });

    it('a presented DeviceResponse (device signature over an OpenID4VP handover) verifies as a presentation, and not for another nonce', async () => {
      const pki = annexBPki();
      const { raw, deviceSecret } = await owfIssued(pki);
      const handover: PresentationHandover = { kind: 'openid4vp', responseUri: 'https://verifier.example/response', encryptionKeyThumbprint: null };
      const audience = 'x509_san_dns:verifier.example';
      const nonce = 'n-0S6_WzA2Mj';
      const nameSpaces = embedCbor(new Map());
      // RFC 9052 §4.4: a detached-payload COSE_Sign1 over DeviceAuthenticationBytes (ISO/IEC 18013-5 §9.1.3.4).
      const protectedBytes = encodeCbor(new Map([[1, -7]]));
      const signed = deviceAuthenticationBytes(sessionTranscriptBytes(handover, audience, nonce), MDL, nameSpaces);
      const deviceSignature = p256.sign(encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), signed]), deviceSecret, { prehash: true, format: 'compact' });
      const document = new Map<string, unknown>([
        ['docType', MDL],
        ['issuerSigned', decodeCbor(base64urlDecode(raw)!, 'test')],
        ['deviceSigned', new Map<string, unknown>([['nameSpaces', nameSpaces], ['deviceAuth', new Map([['deviceSignature', [protectedBytes, new Map(), null, deviceSignature]]])]])],
      ]);
      const presentation = b64u(encodeCbor(new Map<string, unknown>([['version', '1.0'], ['documents', [document]], ['status', 0]])));
      const options = { trustList: trustList(pki.iaca), verifier, now: NOW, audience, nonce, handover };
      const report = await verifyPresentation(presentation, options);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.issuer.id).toBe(DVLA);
      const replayed = await verifyPresentation(presentation, { ...options, nonce: 'another-nonce' });
      expect(check(replayed, 'key-binding').ok).toBe(false);
      expect(check(replayed, 'issuer-trusted').ok).toBe(true);
    });

    it('the ISO/IEC 18013-5 Annex D DeviceResponse at 2021-01-01, its IACA listed: issuer, certificate and MSO signatures check out', async () => {
      const iaca = Uint8Array.from(atob(annexD.pem.IACA_ROOT_CERT.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));
      const raw = b64u(Uint8Array.from(annexD.hex.DEVICE_RESPONSE.match(/../g)!.map((h) => parseInt(h, 16))));
      const recorder = recording(verifier);
      const report = await verifyCredential(raw, { trustList: trustList(iaca), verifier: recorder, now: new Date('2021-01-01T00:00:00Z') });
      for (const name of ['format', 'issuer-trusted', 'signature', 'validity']) expect(check(report, name).ok, name).toBe(true);
      expect(report.issuer.id).toBe(DVLA);
      expect(recorder.batches[0]!.filter((i) => i.alg === 'ES256').length).toBeGreaterThanOrEqual(2);
      // Its holder proof is a device MAC, which only the proximity session's transcript and reader key can check (mdoc-proximity.spec.ts).
      expect(check(report, 'key-binding').ok).toBe(false);
    });
  });
}
