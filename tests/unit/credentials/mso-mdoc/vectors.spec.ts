/**
 * Published mdoc vectors through the mso_mdoc format module, run in Node (vectors.test.ts) and in
 * Chromium (tests/browser/credentials/mso-mdoc-vectors.test.ts): the ISO/IEC 18013-5 Annex D
 * DeviceResponse, the four auth0-lab/mdl DeviceResponses and five real-world mdocs from the @owf/mdoc
 * suite parse; the issuer signature (with the Document Signer key from the x5chain), every value
 * digest, the docType and the validity period check out through Satchel's own fallback verifier
 * (src/crypto/noble-verifier.ts); tampered copies fail with messages that say what is wrong; and an
 * IssuerSigned issued by the independent @owf/mdoc parses, reads and verifies.
 */
import { p256 } from '@noble/curves/nist.js';
import { CoseKey, DateOnly, DeviceKey, IssuerSignedBuilder, SignatureAlgorithm } from '@owf/mdoc';
import { describe, expect, it } from 'vitest';
import { owfContext } from '../../../shared/credentials/owf-mdoc';
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import auth0 from '../../../vectors/mdoc/auth0-lab-mdl_examples.json';
import owfExamples from '../../../vectors/mdoc/owf-mdoc-ts_examples.json';
import { CheckError } from '../../../../src/credentials/check-error';
import { decodeCbor, embedCbor, EmbeddedCbor, encodeCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { coseSign1VerifyItem, parseCoseSign1 } from '../../../../src/credentials/formats/mso-mdoc/cose';
import { msoMdocFormat } from '../../../../src/credentials/formats/mso-mdoc/index';
import { mdocParts } from '../../../../src/credentials/formats/mso-mdoc/parse';
import { detectFormat, formatNamed } from '../../../../src/credentials/formats/index';
import { MAX_MDOC_CHARS } from '../../../../src/credentials/limits';
import type { PublicKey } from '../../../../src/credentials/jwk';
import { checkValidityWindow } from '../../../../src/credentials/validity';
import { base64urlDecode, base64urlEncode } from '../../../../src/lib/base64url';
import { DataError } from '../../../../src/lib/errors';
import { createNobleVerifier } from '../../../../src/crypto/noble-verifier';
import { certificatePublicKey, derFromPem, selfSignedP256Certificate } from '../../../shared/credentials/test-certificate';

const MDL = 'org.iso.18013.5.1.mDL';
const NS = 'org.iso.18013.5.1';
const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const seconds = (iso: string) => Date.parse(iso) / 1000;
/** Annex D's MSO and DS certificate expired 2021-10-01; its SOURCES.md says to check at 2021-01-01. */
const ANNEX_D_NOW_S = seconds('2021-01-01T00:00:00Z');

const annexDRaw = base64urlEncode(fromHex(annexD.hex.DEVICE_RESPONSE));
/** Satchel's own fallback verifier (the same checks as the WASM core, src/crypto/checked-verifier.ts). */
const verifier = createNobleVerifier();

/** The Document Signer's key from its DER certificate. */
function signerKey(der: Uint8Array): PublicKey {
  return { alg: 'ES256', publicKey: certificatePublicKey(der) };
}

async function issuerSignatureVerifies(raw: string): Promise<boolean> {
  const parsed = msoMdocFormat.parse(raw);
  const key = signerKey(parsed.issuerSignature.x5chain![0]!);
  const [ok] = await verifier.verifyBatch([parsed.issuerSignature.item(key)]);
  return ok!;
}

/** `raw` with the first occurrence of `find` (hex) replaced by `replace`; fails the test if absent. */
function patched(raw: string, find: string, replace: string): string {
  const hex = toHex(base64urlDecode(raw)!);
  const at = hex.indexOf(find);
  expect(at % 2).toBe(0);
  return base64urlEncode(fromHex(hex.slice(0, at) + replace + hex.slice(at + find.length)));
}

/** Decodes `raw`, lets `edit` change the structure, and encodes it again (issuerAuth and every item keep their bytes). */
function edited(raw: string, edit: (document: Map<unknown, unknown>) => void): string {
  const response = decodeCbor(base64urlDecode(raw)!, 'test') as Map<string, unknown>;
  edit((response.get('documents') as Map<unknown, unknown>[])[0]!);
  return base64urlEncode(encodeCbor(response));
}

function nameSpacesOf(document: Map<unknown, unknown>): Map<string, EmbeddedCbor[]> {
  return (document.get('issuerSigned') as Map<string, unknown>).get('nameSpaces') as Map<string, EmbeddedCbor[]>;
}

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as Error;
  }
  throw new Error('expected a DataError');
}

async function owfIssued(): Promise<{ raw: string; deviceJwk: JsonWebKey }> {
  const issuerSecret = p256.utils.randomSecretKey();
  const issuerPoint = p256.getPublicKey(issuerSecret, false);
  const b64u = base64urlEncode;
  const issuerJwk = { kty: 'EC', crv: 'P-256', x: b64u(issuerPoint.subarray(1, 33)), y: b64u(issuerPoint.subarray(33)), d: b64u(issuerSecret) };
  const certificate = selfSignedP256Certificate(issuerSecret, 'Test Document Signer', new Date('2025-01-01T00:00:00Z'), new Date('2035-01-01T00:00:00Z'));
  const deviceSecret = p256.utils.randomSecretKey();
  const devicePoint = p256.getPublicKey(deviceSecret, false);
  const deviceJwk = { kty: 'EC', crv: 'P-256', x: b64u(devicePoint.subarray(1, 33)), y: b64u(devicePoint.subarray(33)) };
  const issuerSigned = await new IssuerSignedBuilder(MDL, owfContext)
    .addIssuerNamespace(NS, {
      family_name: 'Jones',
      given_name: 'Ava',
      birth_date: new DateOnly('2007-03-25'),
      issuing_authority: 'DVLA',
      portrait: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0),
      driving_privileges: [{ vehicle_category_code: 'B', issue_date: new DateOnly('2022-09-02'), expiry_date: new DateOnly('2032-09-01') }],
      age_over_18: true,
    })
    .sign({
      signingKey: CoseKey.fromJwk(issuerJwk),
      algorithm: SignatureAlgorithm.ES256,
      digestAlgorithm: 'SHA-256',
      validityInfo: { signed: new Date('2026-01-01T00:00:00Z'), validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2031-01-01T00:00:00Z') },
      deviceKeyInfo: { deviceKey: DeviceKey.fromJwk(deviceJwk) },
      certificates: [certificate],
    });
  return { raw: issuerSigned.encodedForOid4Vci, deviceJwk };
}

export function mdocVectorSpecs(): void {
  describe('ISO/IEC 18013-5 Annex D DeviceResponse', () => {
    it('is detected as an mdoc and parses: docType, six elements, claims by namespace, validity', () => {
      expect(detectFormat(annexDRaw).id).toBe('mso_mdoc');
      expect(formatNamed('mso_mdoc')).toBe(msoMdocFormat);
      const parsed = msoMdocFormat.parse(annexDRaw);
      expect(parsed.format).toBe('mso_mdoc');
      expect(parsed.type).toBe(MDL);
      expect(parsed.types).toEqual([MDL]);
      expect(parsed.disclosures).toBe(6);
      expect(parsed.issuerId).toBe('an mdoc issuer');
      const elements = (parsed.claims as Record<string, Record<string, unknown>>)[NS]!;
      expect(Object.keys(elements).sort()).toEqual(['document_number', 'driving_privileges', 'expiry_date', 'family_name', 'issue_date', 'portrait']);
      expect(elements.family_name).toBe('Doe');
      expect(elements.issue_date).toBe('2019-10-20');
      expect(elements.document_number).toBe('123456789');
      expect(toHex(elements.portrait as Uint8Array)).toBe(annexD.hex.DEVICE_RESPONSE_PORTRAIT_DATA);
      expect(elements.driving_privileges).toEqual([
        { vehicle_category_code: 'A', issue_date: '2018-08-09', expiry_date: '2024-10-20' },
        { vehicle_category_code: 'B', issue_date: '2017-02-23', expiry_date: '2024-10-20' },
      ]);
      const info = annexD.expected.validityInfo;
      expect(parsed.window).toEqual({ issuedAt: seconds(info.signed), notBefore: seconds(info.validFrom), expires: seconds(info.validUntil) });
      expect(() => checkValidityWindow(parsed.window, ANNEX_D_NOW_S)).not.toThrow();
      expect(() => checkValidityWindow(parsed.window, seconds('2022-01-01T00:00:00Z'))).toThrow(/expired/);
      expect(parsed.statusReference()).toBeUndefined();
    });

    it('names the signer by its certificate chain (x5chain = DS_CERT) and the algorithm', () => {
      const parsed = msoMdocFormat.parse(annexDRaw);
      expect(parsed.issuerSignature.header).toEqual({ alg: 'ES256' });
      expect(parsed.issuerSignature.x5chain!.map(toHex)).toEqual([annexD.hex.DS_CERT]);
    });

    it("verifies the issuer signature with the Document Signer's key", async () => {
      expect(await issuerSignatureVerifies(annexDRaw)).toBe(true);
    });

    it('reads the subject claims and the holder key (deviceKeyInfo.deviceKey)', () => {
      const { claims } = msoMdocFormat.read(annexDRaw);
      const subject = msoMdocFormat.subjectClaims(claims);
      expect(subject.family_name).toBe('Doe');
      expect(msoMdocFormat.subjectPath('family_name', claims)).toEqual([NS, 'family_name']);
      expect(msoMdocFormat.labelPath([NS, 'driving_privileges'])).toEqual(['driving_privileges']);
      const deviceKey = annexD.expected.deviceKey_cose;
      expect(msoMdocFormat.holderJwk(annexDRaw)).toEqual({ kty: 'EC', crv: 'P-256', x: base64urlEncode(fromHex(deviceKey['-2'])), y: base64urlEncode(fromHex(deviceKey['-3'])) });
    });

    it('carries a device MAC, not a device signature: no holder signature to peek', () => {
      const parts = mdocParts(annexDRaw);
      expect(parts.document?.deviceSigned.deviceMac?.alg).toBe(5);
      expect(toHex(parts.document!.deviceSigned.deviceMac!.tag)).toBe(annexD.expected.deviceMac_tag);
      expect(msoMdocFormat.peekHolderProof(annexDRaw)).toBeUndefined();
    });
  });

  describe('tampered copies of the Annex D DeviceResponse', () => {
    it('one flipped byte in an element value fails that element digest', () => {
      const tampered = patched(annexDRaw, toHex(new TextEncoder().encode('cDoe')), toHex(new TextEncoder().encode('cDoe')).replace(/44/, '45'));
      const error = failure(() => msoMdocFormat.parse(tampered));
      expect(error).toBeInstanceOf(CheckError);
      expect((error as CheckError).check).toBe('disclosures');
      expect((error as CheckError).code).toBe('altered');
      expect(error.message).toMatch(/org\.iso\.18013\.5\.1\/family_name does not match the issuer's digest/);
    });

    it('one flipped byte in the MSO (an undisclosed digest) parses but the signature fails', async () => {
      const { issuerSigned } = mdocParts(annexDRaw);
      const undisclosed = issuerSigned.mso.valueDigests.get(NS)!.get(1)!;
      const flipped = Uint8Array.from(undisclosed, (b, i) => (i === 0 ? b ^ 1 : b));
      const tampered = patched(annexDRaw, toHex(undisclosed), toHex(flipped));
      expect(await issuerSignatureVerifies(tampered)).toBe(false);
    });

    it('one flipped byte in the signature fails it', async () => {
      const { signature } = mdocParts(annexDRaw).issuerSigned.issuerAuth;
      const flipped = Uint8Array.from(signature, (b, i) => (i === 40 ? b ^ 0x80 : b));
      expect(await issuerSignatureVerifies(patched(annexDRaw, toHex(signature), toHex(flipped)))).toBe(false);
    });

    it('truncated', () => {
      const bytes = base64urlDecode(annexDRaw)!;
      expect(failure(() => msoMdocFormat.parse(base64urlEncode(bytes.subarray(0, bytes.length - 10)))).message).toBe('The mdoc is not valid CBOR: it is truncated.');
    });

    it('an element under the wrong tag', () => {
      const item = mdocParts(annexDRaw).issuerSigned.nameSpaces.get(NS)![0]!.itemBytes.encoded;
      const tampered = patched(annexDRaw, toHex(item), `d819${toHex(item).slice(4)}`);
      expect(failure(() => msoMdocFormat.parse(tampered)).message).toMatch(/it uses tag 25, which an mdoc does not use/);
    });

    it('an element the MSO does not cover', () => {
      const tampered = edited(annexDRaw, (document) => {
        const items = nameSpacesOf(document).get(NS)!;
        const item = decodeCbor(items[0]!.bytes, 'item') as Map<string, unknown>;
        item.set('digestID', 99);
        items[0] = embedCbor(item);
      });
      const error = failure(() => msoMdocFormat.parse(tampered));
      expect(error).toBeInstanceOf(CheckError);
      expect(error.message).toMatch(/The element org\.iso\.18013\.5\.1\/family_name is not covered by the issuer's signature \(no digest 99 in the MSO\)/);
    });

    it('a docType other than the MSO says', () => {
      const tampered = edited(annexDRaw, (document) => document.set('docType', 'org.iso.18013.5.1.mID'));
      const error = failure(() => msoMdocFormat.parse(tampered));
      expect(error).toBeInstanceOf(CheckError);
      expect(error.message).toBe(`The document says it is a org.iso.18013.5.1.mID, but the issuer signed a ${MDL}.`);
    });

    it('re-encoded untouched, it still parses and verifies (the bytes as sent are what is checked)', async () => {
      const same = edited(annexDRaw, () => undefined);
      expect(same).not.toBe(annexDRaw);
      expect(await issuerSignatureVerifies(same)).toBe(true);
    });

    it('two documents, a status other than OK, or another version are refused', () => {
      const response = decodeCbor(base64urlDecode(annexDRaw)!, 'test') as Map<string, unknown>;
      const variant = (change: (r: Map<string, unknown>) => void) => {
        const copy = new Map(response);
        change(copy);
        return base64urlEncode(encodeCbor(copy));
      };
      const documents = response.get('documents') as unknown[];
      expect(failure(() => msoMdocFormat.parse(variant((r) => r.set('documents', [...documents, ...documents])))).message).toMatch(/exactly one document; it holds 2/);
      expect(failure(() => msoMdocFormat.parse(variant((r) => r.set('status', 10)))).message).toMatch(/status 10 instead of 0/);
      expect(failure(() => msoMdocFormat.parse(variant((r) => r.set('version', '2.0')))).message).toMatch(/version "2\.0"/);
    });

    it('an mdoc longer than the limit is refused before it is decoded', () => {
      const error = failure(() => msoMdocFormat.parse('o'.repeat(MAX_MDOC_CHARS + 4)));
      expect((error as CheckError).code).toBe('too-large');
      expect(error.message).toMatch(new RegExp(`Satchel accepts at most ${MAX_MDOC_CHARS}`));
    });
  });

  describe('auth0-lab/mdl DeviceResponses (non-minimal 0xb9 map headers, device signatures)', () => {
    const examples = auth0.examples.map((example) => ({ ...example, raw: base64urlEncode(fromHex(example.device_response_hex)) }));
    const issuerCertificate = derFromPem(auth0.issuer_certificate_pem);

    for (const example of examples.filter((e) => e.valid)) {
      it(`${example.name} parses, and its issuer signature, digests and validity check out`, async () => {
        const parsed = msoMdocFormat.parse(example.raw);
        expect(parsed.type).toBe(MDL);
        expect(parsed.disclosures).toBe(example.issuer_signed_items);
        expect(parsed.issuerId).toBe('NY DMV');
        expect(parsed.window).toEqual({ issuedAt: seconds(example.mso_validity.signed), notBefore: seconds(example.mso_validity.validFrom), expires: seconds(example.mso_validity.validUntil) });
        expect(() => checkValidityWindow(parsed.window, seconds('2030-01-01T00:00:00Z'))).not.toThrow();
        expect(toHex(parsed.issuerSignature.x5chain![0]!)).toBe(toHex(issuerCertificate));
        expect(await issuerSignatureVerifies(example.raw)).toBe(true);
        const parts = mdocParts(example.raw);
        expect(parts.document?.deviceSigned.deviceSignature?.alg).toBe('ES256');
        expect(msoMdocFormat.peekHolderProof(example.raw)?.signingInput).toMatch(/^[A-Za-z0-9_-]+$/);
      });
    }

    it('example4 carries device-signed elements, which are never shown as claims (the issuer did not sign them)', () => {
      const example = examples.find((e) => e.name === 'example4')!;
      const { document } = mdocParts(example.raw);
      expect(document!.deviceSigned.nameSpaces).toEqual(new Map([['org.iso.wallet.mDL', new Map<string, unknown>([['version', 1], ['deviceName', 'mDL Super Wallet']])]]));
      expect(Object.keys(msoMdocFormat.read(example.raw).claims)).toEqual([NS]);
    });

    it('example3 (family_name altered) fails the digest check only: its issuer signature still verifies', async () => {
      const example = examples.find((e) => e.name === 'example3')!;
      const error = failure(() => msoMdocFormat.parse(example.raw));
      expect(error).toBeInstanceOf(CheckError);
      expect((error as CheckError).check).toBe('disclosures');
      expect(error.message).toMatch(/org\.iso\.18013\.5\.1\/family_name does not match the issuer's digest/);
      // The issuerAuth on its own (COSE_Sign1 over the MSO) is intact.
      const document = (decodeCbor(base64urlDecode(example.raw)!, 'test') as Map<string, Map<string, Map<string, unknown>>[]>).get('documents')![0]!;
      const issuerAuth = parseCoseSign1(document.get('issuerSigned')!.get('issuerAuth'), 'issuerAuth');
      const key = signerKey(issuerAuth.x5chain![0]!);
      expect(await verifier.verifyBatch([coseSign1VerifyItem(issuerAuth, key, 'issuerAuth')])).toEqual([true]);
    });
  });

  describe('real-world mdocs carried by the @owf/mdoc test suite', () => {
    for (const example of owfExamples.examples) {
      it(`${example.name} (${example.kind}) parses; its issuer signature, digests and validity check out`, async () => {
        const raw = base64urlEncode(fromHex(example.hex));
        expect(detectFormat(raw).id).toBe('mso_mdoc');
        const parsed = msoMdocFormat.parse(raw);
        const parts = mdocParts(raw);
        expect(parts.document === undefined).toBe(example.kind === 'IssuerSigned');
        expect(parsed.disclosures).toBeGreaterThan(0);
        expect(() => checkValidityWindow(parsed.window, seconds(`${example.now_in_upstream_test[0]}T12:00:00Z`))).not.toThrow();
        expect(await issuerSignatureVerifies(raw)).toBe(true);
      });
    }

    it('the BDR IssuerSigned reads as a German mDL with two namespaces', () => {
      const bdr = owfExamples.examples.find((e) => e.name === 'bdr')!;
      const raw = base64urlEncode(fromHex(bdr.hex));
      const { claims, type } = msoMdocFormat.read(raw);
      expect(type).toBe(MDL);
      expect(Object.keys(claims)).toEqual([NS, 'org.iso.18013.5.1.DE']);
      expect(msoMdocFormat.subjectClaims(claims).family_name).toBe('Mustermann');
      expect(msoMdocFormat.parse(raw).issuerId).toBe('FE-Beh. Stadt Köln-Ehrenfeld');
    });
  });

  describe('an IssuerSigned issued by @owf/mdoc (an independent implementation)', () => {
    it('is detected, parses, reads and its issuer signature verifies', async () => {
      const { raw, deviceJwk } = await owfIssued();
      expect(detectFormat(raw).id).toBe('mso_mdoc');
      const parsed = msoMdocFormat.parse(raw);
      expect(parsed.type).toBe(MDL);
      expect(parsed.issuerId).toBe('DVLA');
      expect(parsed.disclosures).toBe(7);
      expect(parsed.window).toEqual({ issuedAt: seconds('2026-01-01T00:00:00Z'), notBefore: seconds('2026-01-01T00:00:00Z'), expires: seconds('2031-01-01T00:00:00Z') });
      expect(await issuerSignatureVerifies(raw)).toBe(true);
      const subject = msoMdocFormat.subjectClaims(msoMdocFormat.read(raw).claims);
      expect(subject).toMatchObject({ family_name: 'Jones', given_name: 'Ava', birth_date: '2007-03-25', age_over_18: true });
      expect(subject.portrait).toEqual(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0));
      expect(subject.driving_privileges).toEqual([{ vehicle_category_code: 'B', issue_date: '2022-09-02', expiry_date: '2032-09-01' }]);
      expect(msoMdocFormat.holderJwk(raw)).toEqual(deviceJwk);
      expect(msoMdocFormat.peekHolderProof(raw)).toBeUndefined();
    });
  });
}
