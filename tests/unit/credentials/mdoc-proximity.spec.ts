/**
 * An ISO/IEC 18013-5 proximity presentation through verifyPresentation (issue 15): the handover
 * `iso-18013-5` gives the SessionTranscriptBytes both sides built (§9.1.5.1) and the reader's
 * ephemeral key, so no audience or nonce is needed.
 * - Device MAC (§9.1.3.5): the published Annex D exchange verifies fully (IACA root, MSO and DS
 *   signatures, digests, validity at 2021-01-01, the deviceMac with EReaderKey.d); another transcript
 *   or reader key fails key binding (not-holder); a changed element fails its digest.
 * - Device signature (§9.1.3.4, ES256 and EdDSA): a DeviceResponse the independent @owf/mdoc signs
 *   over an ISO QR-handover transcript it builds itself (Annex D's engagement, a fresh EReaderKey)
 *   passes, and fails for another reader's transcript (a replay).
 * - The DC API handover (OpenID4VP 1.0 Appendix B.2.6.2): an @owf/mdoc DeviceResponse over its own
 *   OpenID4VPDCAPIHandover transcript passes, and fails for another origin.
 * Run in Node (mdoc-proximity.test.ts) and in Chromium (tests/browser/credentials/mdoc-proximity.test.ts):
 * the MAC's ECDH, HKDF and HMAC are WebCrypto's.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { p256 } from '@noble/curves/nist.js';
import { CoseKey, DateOnly, DeviceEngagement, DeviceKey, DeviceRequest, DeviceResponse, DocRequest, EReaderKey, IssuerSigned, IssuerSignedBuilder, ItemsRequest, SessionTranscript, SignatureAlgorithm, type MdocContext } from '@owf/mdoc';
import { describe, expect, it } from 'vitest';
import annexD from '../../vectors/mdoc/iso18013-5_annex_d.json';
import { owfContext } from '../../shared/credentials/owf-mdoc';
import { createPresentation, trustListFromIssuers, verifyPresentation, type TrustList, type VerificationReport } from '../../../src/credentials/index';
import { es256Key, holderKeyPair, ISSUER_ID, issueSdJwtVc, LICENCE_VCT, NOW as SD_JWT_NOW } from '../../shared/credentials/helpers';
import { decodeCbor, EmbeddedCbor, encodeCbor } from '../../../src/credentials/formats/mso-mdoc/cbor';
import type { PresentationHandover } from '../../../src/credentials/formats/format';
import { base64urlDecode, base64urlEncode } from '../../../src/lib/base64url';
import type { SignatureVerifier } from '../../../src/lib/signature-verifier';
import { annexBPki, keyPair, NOW, pkiVerifier, type Pki, type TestKeyPair } from './x509/test-pki';

const MDL = 'org.iso.18013.5.1.mDL';
const NS = 'org.iso.18013.5.1';
const DVLA = 'https://dvla.example.gov.uk';
const hex = annexD.hex;
const b64u = base64urlEncode;
const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const der = (pem: string) => Uint8Array.from(atob(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));
/** Annex D's MSO and DS certificate expired 2021-10-01; its SOURCES.md says to check at 2021-01-01. */
const ANNEX_D_NOW = new Date('2021-01-01T00:00:00Z');

type IsoHandover = Extract<PresentationHandover, { kind: 'iso-18013-5' }>;

function trustList(iaca: Uint8Array): TrustList {
  return trustListFromIssuers([{ id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency' }, keys: [], types: [MDL], iaca: [{ certificate: iaca, doctypes: [MDL] }] }]);
}

function check(report: VerificationReport, name: string) {
  const found = report.checks.find((c) => c.name === name);
  expect(found, `check ${name}`).toBeDefined();
  return found!;
}

/** A P-256 ECDH private key as the reader holds it (non-extractable, deriveBits), from Annex D's coordinates. */
async function annexDKey(x: string, y: string, d: string): Promise<CryptoKey> {
  const jwk = { kty: 'EC', crv: 'P-256', x: b64u(fromHex(x)), y: b64u(fromHex(y)), d: b64u(fromHex(d)) };
  return crypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
}

const annexDReaderKey = () => annexDKey(hex.EPHEMERAL_READER_KEY_X, hex.EPHEMERAL_READER_KEY_Y, hex.EPHEMERAL_READER_KEY_D);
const annexDRaw = b64u(fromHex(hex.DEVICE_RESPONSE));

/** `raw` (base64url) with the first occurrence of `find` (hex) replaced by `replace`. */
function patched(raw: string, find: string, replace: string): string {
  const h = toHex(base64urlDecode(raw)!);
  const at = h.indexOf(find);
  expect(at >= 0 && at % 2 === 0, `${find} found`).toBe(true);
  return b64u(fromHex(h.slice(0, at) + replace + h.slice(at + find.length)));
}

/** A reader's ephemeral key pair as the checker makes it (ISO/IEC 18013-5 §9.1.1.4), and its public COSE_Key for EReaderKey. */
async function newReaderKey(): Promise<{ privateKey: CryptoKey; jwk: Record<string, string> }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const { kty = '', crv = '', x = '', y = '' } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateKey = await crypto.subtle.importKey('jwk', await crypto.subtle.exportKey('jwk', pair.privateKey), { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  return { privateKey, jwk: { kty, crv, x, y } };
}

/** SessionTranscriptBytes (#6.24, §9.1.5.1) around a transcript's CBOR. */
const tag24 = (content: Uint8Array) => encodeCbor(new EmbeddedCbor(content));

/**
 * An @owf/mdoc context whose COSE_Sign1 signs with `device`'s own secret and curve: ES256 with
 * @noble/curves' P-256, EdDSA with its Ed25519 (owfContext signs P-256 only, and @owf/mdoc's
 * CoseKey does not hand out an OKP private key). Used only for the device signature.
 */
function deviceSigningContext(device: TestKeyPair): MdocContext {
  const sign = ({ toBeSigned }: { toBeSigned: Uint8Array }) => (device.curve === 'Ed25519' ? ed25519.sign(toBeSigned, device.secret) : p256.sign(toBeSigned, device.secret, { format: 'compact' }));
  return { ...owfContext, cose: { ...owfContext.cose, sign1: { ...owfContext.cose.sign1, sign } } } as unknown as MdocContext;
}

/**
 * An @owf/mdoc context that makes a device MAC (ISO/IEC 18013-5 §9.1.3.5) with @noble/curves and
 * @noble/hashes, not WebCrypto: @owf/mdoc builds DeviceAuthentication and the MAC_structure, and
 * asks the context only for EMacKey (ECDH, then HKDF-SHA-256 salted with SHA-256 of
 * SessionTranscriptBytes, info "EMacKey") and the HMAC-SHA-256 tag. @owf/mdoc 0.6.0 leaves
 * external_aad out of MAC_structure when none is given (["MAC0", protected, payload]), where RFC 9052
 * §6.3 requires it (an empty byte string here); `asRfc9052` puts it back before the tag is computed.
 */
function deviceMacContext(asRfc9052: boolean): MdocContext {
  const calculateEphemeralMacKey = ({ privateKey, publicKey, sessionTranscriptBytes, info }: { privateKey: Uint8Array; publicKey: Uint8Array; sessionTranscriptBytes: Uint8Array; info: string }) => {
    // @owf/mdoc hands over both keys as encoded COSE_Keys.
    const shared = p256.getSharedSecret(CoseKey.decode(privateKey).privateKey, CoseKey.decode(publicKey).publicKey).subarray(1);
    return { k: hkdf(sha256, shared, sha256(sessionTranscriptBytes), new TextEncoder().encode(info), 32) };
  };
  const sign = ({ key, toBeAuthenticated }: { key: { k: Uint8Array }; toBeAuthenticated: Uint8Array }) => {
    const structure = decodeCbor(toBeAuthenticated, 'MAC_structure') as unknown[];
    const authenticated = asRfc9052 && structure.length === 3 ? encodeCbor([structure[0], structure[1], new Uint8Array(0), structure[2]]) : toBeAuthenticated;
    return hmac(sha256, key.k, authenticated);
  };
  return { ...owfContext, crypto: { ...owfContext.crypto, calculateEphemeralMacKey }, cose: { ...owfContext.cose, mac0: { ...owfContext.cose.mac0, sign } } } as unknown as MdocContext;
}

function deviceJwk(device: TestKeyPair, withPrivate = false): Record<string, string> {
  if (device.curve === 'Ed25519') return { kty: 'OKP', crv: 'Ed25519', x: b64u(device.publicKey), ...(withPrivate ? { d: b64u(device.secret) } : {}) };
  return { kty: 'EC', crv: 'P-256', x: b64u(device.publicKey.subarray(1, 33)), y: b64u(device.publicKey.subarray(33)), ...(withPrivate ? { d: b64u(device.secret) } : {}) };
}

/** An mDL @owf/mdoc issues under `pki`'s Document Signer to `device`. */
async function owfIssued(pki: Pki, device: TestKeyPair): Promise<IssuerSigned> {
  const ds = pki.dsKey.publicKey;
  const dsJwk = { kty: 'EC', crv: 'P-256', x: b64u(ds.subarray(1, 33)), y: b64u(ds.subarray(33)), d: b64u(pki.dsKey.secret) };
  return new IssuerSignedBuilder(MDL, owfContext)
    .addIssuerNamespace(NS, {
      family_name: 'Jones',
      given_name: 'Ava',
      portrait: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0),
      driving_privileges: [{ vehicle_category_code: 'B', issue_date: new DateOnly('2022-09-02'), expiry_date: new DateOnly('2032-09-01') }],
      expiry_date: new DateOnly('2031-01-01'),
      age_over_18: true,
    })
    .sign({
      signingKey: CoseKey.fromJwk(dsJwk),
      algorithm: SignatureAlgorithm.ES256,
      digestAlgorithm: 'SHA-256',
      validityInfo: { signed: new Date('2026-01-01T00:00:00Z'), validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2031-01-01T00:00:00Z') },
      deviceKeyInfo: { deviceKey: DeviceKey.fromJwk(deviceJwk(device)) },
      certificates: [pki.ds],
    });
}

/** The 'driving' request (docs/sharing.md): given and family name, portrait, driving privileges, expiry date. */
function drivingRequest(extra: Record<string, boolean> = {}): DeviceRequest {
  const elements = { given_name: false, family_name: false, portrait: false, driving_privileges: false, expiry_date: false, ...extra };
  return DeviceRequest.create({ docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: MDL, namespaces: { [NS]: elements } }) })] });
}

/** A DeviceResponse @owf/mdoc builds and device-signs over `transcript`, as base64url. */
async function owfPresented(issuerSigned: IssuerSigned, device: TestKeyPair, transcript: SessionTranscript, request = drivingRequest()): Promise<string> {
  const signingKey = CoseKey.fromJwk({ ...deviceJwk(device, true), alg: device.curve === 'Ed25519' ? 'EdDSA' : 'ES256' });
  const response = await DeviceResponse.createWithDeviceRequest({ deviceRequest: request, sessionTranscript: transcript, issuerSigned: [issuerSigned], signature: { signingKey } }, deviceSigningContext(device));
  return response.encodedForOid4Vp;
}

/** @owf/mdoc's ISO/IEC 18013-5 §9.1.5.1 QR-handover transcript: Annex D's DeviceEngagement, this reader's EReaderKey, Handover null. */
function owfIsoTranscript(readerJwk: Record<string, string>): SessionTranscript {
  return SessionTranscript.forQrHandover({ deviceEngagement: DeviceEngagement.decode(fromHex(hex.DEVICE_ENGAGEMENT)), eReaderKey: EReaderKey.fromJwk(readerJwk) });
}

/** The suite, with the signatures checked by `verifier` (@noble/curves by default; the app's crypto worker in Chromium). */
export function mdocProximitySpecs(verifierName = '@noble/curves', verifier: SignatureVerifier = pkiVerifier): void {
  describe(`an ISO/IEC 18013-5 proximity presentation (signatures checked by ${verifierName})`, () => {
    describe('device MAC: the Annex D exchange', () => {
      const options = async (handover: Partial<IsoHandover> = {}) => ({
        trustList: trustList(der(annexD.pem.IACA_ROOT_CERT)),
        verifier,
        now: ANNEX_D_NOW,
        handover: { kind: 'iso-18013-5' as const, sessionTranscriptBytes: fromHex(hex.SESSION_TRANSCRIPT_BYTES), readerPrivateKey: await annexDReaderKey(), ...handover },
      });

      it('verifies fully: IACA root, DS and MSO signatures, every digest, validity and the device MAC, with no audience or nonce', async () => {
        const report = await verifyPresentation(annexDRaw, await options());
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
        expect(report.valid).toBe(true);
        expect(report.issuer.id).toBe(DVLA);
        expect(check(report, 'key-binding').message).toMatch(/Presented by the person it was issued to/);
        expect((report.claims[NS] as Record<string, unknown>).family_name).toBe('Doe');
      });

      it('one transcript byte changed: key binding fails (not-holder), the rest still passes', async () => {
        const transcript = fromHex(hex.SESSION_TRANSCRIPT_BYTES);
        // A byte of EDeviceKey's x coordinate inside DeviceEngagementBytes: the CBOR still reads, the session is another.
        const at = toHex(transcript).indexOf('5a88d182') / 2;
        transcript[at]! ^= 1;
        const report = await verifyPresentation(annexDRaw, await options({ sessionTranscriptBytes: transcript }));
        expect(check(report, 'key-binding')).toMatchObject({ ok: false, code: 'not-holder' });
        expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['key-binding']);
        expect(report.valid).toBe(false);
      });

      it('another reader key (a response made for another reader): key binding fails (not-holder)', async () => {
        const other = await annexDKey(hex.EPHEMERAL_DEVICE_KEY_X, hex.EPHEMERAL_DEVICE_KEY_Y, hex.EPHEMERAL_DEVICE_KEY_D);
        const report = await verifyPresentation(annexDRaw, await options({ readerPrivateKey: other }));
        expect(check(report, 'key-binding')).toMatchObject({ ok: false, code: 'not-holder' });
        expect(report.valid).toBe(false);
      });

      it('an element byte changed: its digest fails', async () => {
        const cDoe = toHex(new TextEncoder().encode('cDoe'));
        const report = await verifyPresentation(patched(annexDRaw, cDoe, cDoe.replace(/44/, '45')), await options());
        expect(check(report, 'disclosures')).toMatchObject({ ok: false, code: 'altered' });
        expect(check(report, 'disclosures').message).toMatch(/family_name does not match the issuer's digest/);
        expect(report.valid).toBe(false);
        expect(report.claims).toEqual({});
      });

      it('a transcript that is not SessionTranscriptBytes (no tag 24): key binding fails, naming it', async () => {
        const bare = fromHex(hex.SESSION_TRANSCRIPT_BYTES).subarray(5);
        const report = await verifyPresentation(annexDRaw, await options({ sessionTranscriptBytes: bare }));
        expect(check(report, 'key-binding').ok).toBe(false);
        expect(check(report, 'key-binding').message).toMatch(/SessionTranscriptBytes/);
      });

      it('a device MAC with an online handover stays refused, saying only a proximity session can check it', async () => {
        const { trustList: list } = await options();
        const report = await verifyPresentation(annexDRaw, { trustList: list, verifier, now: ANNEX_D_NOW, audience: 'x509_san_dns:v.example', nonce: 'n-1', handover: { kind: 'openid4vp', responseUri: 'https://v.example/r', encryptionKeyThumbprint: null } });
        expect(check(report, 'key-binding')).toMatchObject({ ok: false, code: 'not-checked' });
        expect(check(report, 'key-binding').message).toMatch(/device MAC, which only a proximity \(ISO\/IEC 18013-5 reader\) session can check/);
      });

      it('misuse throws a TypeError: transcript bytes that are not bytes, a reader key that is not a private ECDH key', async () => {
        const good = await options();
        await expect(verifyPresentation(annexDRaw, { ...good, handover: { ...good.handover, sessionTranscriptBytes: 'd818' as never } })).rejects.toThrow(/sessionTranscriptBytes/);
        const signing = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
        await expect(verifyPresentation(annexDRaw, { ...good, handover: { ...good.handover, readerPrivateKey: signing.privateKey } })).rejects.toThrow(/readerPrivateKey/);
        await expect(verifyPresentation(annexDRaw, { ...good, handover: { ...good.handover, readerPrivateKey: {} as CryptoKey } })).rejects.toThrow(TypeError);
      });
    });

    describe('device signature over an ISO transcript, DeviceResponse by @owf/mdoc', () => {
      for (const curve of ['P-256', 'Ed25519'] as const) {
        it(`${curve === 'P-256' ? 'ES256' : 'EdDSA'} device key: passes for this reader's transcript, fails for another reader's (a replay)`, async () => {
          const pki = annexBPki();
          const device = keyPair(curve);
          const reader = await newReaderKey();
          const transcript = owfIsoTranscript(reader.jwk);
          const presentation = await owfPresented(await owfIssued(pki, device), device, transcript);
          const handover: IsoHandover = { kind: 'iso-18013-5', sessionTranscriptBytes: tag24(transcript.encode()), readerPrivateKey: reader.privateKey };
          const options = { trustList: trustList(pki.iaca), verifier, now: NOW, handover };
          const report = await verifyPresentation(presentation, options);
          expect(report.checks.filter((c) => !c.ok)).toEqual([]);
          expect(report.valid).toBe(true);
          expect(Object.keys(report.claims[NS] as object).sort()).toEqual(['driving_privileges', 'expiry_date', 'family_name', 'given_name', 'portrait']);

          const otherReader = await newReaderKey();
          const elsewhere: IsoHandover = { kind: 'iso-18013-5', sessionTranscriptBytes: tag24(owfIsoTranscript(otherReader.jwk).encode()), readerPrivateKey: otherReader.privateKey };
          const replayed = await verifyPresentation(presentation, { ...options, handover: elsewhere });
          expect(check(replayed, 'key-binding')).toMatchObject({ ok: false, code: 'not-holder' });
          expect(check(replayed, 'signature').ok).toBe(true);
          expect(replayed.valid).toBe(false);
        });
      }
    });

    describe('device MAC, DeviceResponse by @owf/mdoc', () => {
      const macPresented = async (pki: Pki, device: TestKeyPair, reader: { jwk: Record<string, string> }, asRfc9052: boolean) => {
        const response = await DeviceResponse.createWithDeviceRequest(
          {
            deviceRequest: drivingRequest(),
            sessionTranscript: owfIsoTranscript(reader.jwk),
            issuerSigned: [await owfIssued(pki, device)],
            // §9.1.3.5: the device's static key and the reader's ephemeral public key (EReaderKey); alg HMAC 256/256 (5).
            mac: { signingKey: CoseKey.fromJwk({ ...deviceJwk(device, true), alg: 'HS256' }), ephemeralKey: CoseKey.fromJwk(reader.jwk) },
          },
          deviceMacContext(asRfc9052),
        );
        return response.encodedForOid4Vp;
      };
      const isoOptions = (pki: Pki, reader: { privateKey: CryptoKey; jwk: Record<string, string> }) => ({
        trustList: trustList(pki.iaca),
        verifier,
        now: NOW,
        handover: { kind: 'iso-18013-5' as const, sessionTranscriptBytes: tag24(owfIsoTranscript(reader.jwk).encode()), readerPrivateKey: reader.privateKey },
      });

      it("its DeviceAuthentication and EMacKey (MAC_structure as RFC 9052 §6.3): passes for this reader, fails for another reader's key and transcript", async () => {
        const pki = annexBPki();
        const device = keyPair('P-256');
        const reader = await newReaderKey();
        const presentation = await macPresented(pki, device, reader, true);
        const report = await verifyPresentation(presentation, isoOptions(pki, reader));
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
        expect(report.valid).toBe(true);
        const replayed = await verifyPresentation(presentation, isoOptions(pki, await newReaderKey()));
        expect(check(replayed, 'key-binding')).toMatchObject({ ok: false, code: 'not-holder' });
      });

      it('as @owf/mdoc 0.6.0 makes it, without external_aad in MAC_structure, fails key binding (Annex D, which has it, passes above)', async () => {
        const pki = annexBPki();
        const device = keyPair('P-256');
        const reader = await newReaderKey();
        const report = await verifyPresentation(await macPresented(pki, device, reader, false), isoOptions(pki, reader));
        expect(check(report, 'key-binding')).toMatchObject({ ok: false, code: 'not-holder' });
      });
    });

    describe('what the DeviceResponse holds', () => {
      const session = async (pki: Pki) => {
        const reader = await newReaderKey();
        const transcript = owfIsoTranscript(reader.jwk);
        const handover: IsoHandover = { kind: 'iso-18013-5', sessionTranscriptBytes: tag24(transcript.encode()), readerPrivateKey: reader.privateKey };
        return { transcript, options: { trustList: trustList(pki.iaca), verifier, now: NOW, handover } };
      };

      it('keeps elements the reader did not ask for in the claims (the checker flags them), each matched to its digest', async () => {
        const pki = annexBPki();
        const device = keyPair('P-256');
        const { transcript, options } = await session(pki);
        // The holder answers with age_over_18 besides the driving elements: the pipeline does not know the request, and drops nothing.
        const presentation = await owfPresented(await owfIssued(pki, device), device, transcript, drivingRequest({ age_over_18: false }));
        const report = await verifyPresentation(presentation, options);
        expect(report.valid).toBe(true);
        expect((report.claims[NS] as Record<string, unknown>).age_over_18).toBe(true);
        expect(check(report, 'disclosures').message).toMatch(/^6 disclosed claim/);
      });

      it('refuses a DeviceResponse with two documents, saying it must hold exactly one', async () => {
        const pki = annexBPki();
        const device = keyPair('P-256');
        const { transcript, options } = await session(pki);
        const one = DeviceResponse.fromEncodedForOid4Vp(await owfPresented(await owfIssued(pki, device), device, transcript));
        const two = DeviceResponse.createSimple({ documents: [...one.documents!, ...one.documents!] });
        const report = await verifyPresentation(two.encodedForOid4Vp, options);
        expect(check(report, 'format')).toMatchObject({ ok: false });
        expect(check(report, 'format').message).toMatch(/exactly one document; it holds 2/);
      });
    });

    describe('a proximity session answered with something other than an mdoc', () => {
      it("an SD-JWT VC's key-binding JWT is not accepted without the audience and nonce it must be checked against", async () => {
        const issuer = es256Key('dvla-1');
        const holder = await holderKeyPair();
        const { raw } = issueSdJwtVc({ key: issuer, holderJwk: holder.jwk, sd: { given_name: 'Ava' } });
        const presentation = await createPresentation(raw, { disclose: [['given_name']], audience: 'https://anyone.example', nonce: 'n-1', holderKey: holder.privateKey, now: SD_JWT_NOW });
        const reader = await newReaderKey();
        const report = await verifyPresentation(presentation, {
          trustList: trustListFromIssuers([{ id: ISSUER_ID, name: 'DVLA', keys: [issuer.jwk], types: [LICENCE_VCT] }]),
          verifier,
          now: SD_JWT_NOW,
          handover: { kind: 'iso-18013-5', sessionTranscriptBytes: tag24(owfIsoTranscript(reader.jwk).encode()), readerPrivateKey: reader.privateKey },
        });
        expect(check(report, 'key-binding')).toMatchObject({ ok: false, code: 'not-checked' });
        expect(check(report, 'key-binding').message).toMatch(/ISO\/IEC 18013-5/);
        expect(report.valid).toBe(false);
      });
    });

    describe('device signature over the DC API handover (OpenID4VP 1.0 Appendix B.2.6.2), DeviceResponse by @owf/mdoc', () => {
      it('passes for the origin and nonce it was made for, fails for another origin', async () => {
        const pki = annexBPki();
        const device = keyPair('P-256');
        const origin = 'https://checker.example.gov.uk';
        const nonce = 'n-dc-api-7Hq2';
        const transcript = await SessionTranscript.forOid4VpDcApi({ origin, nonce }, owfContext);
        const presentation = await owfPresented(await owfIssued(pki, device), device, transcript);
        const handover: PresentationHandover = { kind: 'openid4vp-dc-api', origin, encryptionKeyThumbprint: null };
        // OpenID4VP 1.0 §A.2: over the DC API the client id is the origin, prefixed `origin:`.
        const options = { trustList: trustList(pki.iaca), verifier, now: NOW, audience: `origin:${origin}`, nonce, handover };
        const report = await verifyPresentation(presentation, options);
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
        const elsewhere = await verifyPresentation(presentation, { ...options, handover: { ...handover, origin: 'https://phish.example' } });
        expect(check(elsewhere, 'key-binding')).toMatchObject({ ok: false, code: 'not-holder' });
      });
    });
  });
}
