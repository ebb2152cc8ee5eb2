/**
 * The mso_mdoc format module on mdocs built for each rule (./build-mdoc.ts): the MSO (ISO/IEC
 * 18013-5 §9.1.2.4: digest algorithms, validity, device key, status), the IssuerSigned items
 * (§8.3.2.1.2.2, §9.1.2.5), claim values, the subject view, DCQL naming (OpenID4VP 1.0 B.2) and
 * detection beside the JWT formats.
 */
import { describe, expect, it } from 'vitest';
import { CborDateTime, CborFullDate, decodeCbor, embedCbor, encodeCbor, Tagged } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { msoMdocFormat } from '../../../../src/credentials/formats/mso-mdoc/index';
import { msoMdocDcql } from '../../../../src/credentials/formats/mso-mdoc/dcql';
import { dcqlMetaFor, dcqlNamingOf, detectFormat, knownFormatIds } from '../../../../src/credentials/formats/index';
import { CheckError } from '../../../../src/credentials/check-error';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { DataError } from '../../../../src/lib/errors';
import { createNobleVerifier } from '../../../../src/crypto/noble-verifier';
import { es256Key, issueSdJwtVc, nobleVerifier } from '../../../shared/credentials/helpers';
import { buildIssuerSigned, MDL, MDL_NS } from './build-mdoc';

function failure(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('a stored IssuerSigned', () => {
  it('parses, and its issuer signature verifies with the certificate key', async () => {
    const built = buildIssuerSigned();
    const parsed = msoMdocFormat.parse(built.raw);
    expect(parsed).toMatchObject({ format: 'mso_mdoc', type: MDL, types: [MDL], issuerId: 'DVLA', disclosures: 4 });
    expect(parsed.window).toEqual({ issuedAt: seconds('2026-01-01T00:00:00Z'), notBefore: seconds('2026-01-01T00:00:00Z'), expires: seconds('2031-01-01T00:00:00Z') });
    expect(parsed.issuerSignature.x5chain).toEqual([built.certificate]);
    expect(parsed.holderProof).toBeUndefined();
    expect(await nobleVerifier.verifyBatch([parsed.issuerSignature.item({ alg: 'ES256', publicKey: built.issuerKey })])).toEqual([true]);
  });

  it('with a P-384 Document Signer (ES384, COSE -35) verifies through Satchel\'s verifier', async () => {
    const built = buildIssuerSigned({ alg: 'ES384' });
    const parsed = msoMdocFormat.parse(built.raw);
    expect(parsed.issuerSignature.header).toEqual({ alg: 'ES384' });
    const item = parsed.issuerSignature.item({ alg: 'ES384', publicKey: built.issuerKey });
    expect(item.signature.length).toBe(96);
    expect(createNobleVerifier().verifyBatch([item, { ...item, message: Uint8Array.of(1) }])).toEqual([true, false]);
    expect(() => parsed.issuerSignature.item({ alg: 'ES256', publicKey: new Uint8Array(65) })).toThrow(/signed with ES384, but the key that should have signed it is a ES256 key/);
  });

  it('says "an mdoc issuer" when the docType namespace names no issuing authority', () => {
    const built = buildIssuerSigned({ elements: { [MDL_NS]: { family_name: 'Smith' } } });
    expect(msoMdocFormat.parse(built.raw).issuerId).toBe('an mdoc issuer');
  });

  it('accepts SHA-384 and SHA-512 digests, and refuses others', () => {
    expect(msoMdocFormat.parse(buildIssuerSigned({ digestAlgorithm: 'SHA-384' }).raw).disclosures).toBe(4);
    expect(msoMdocFormat.parse(buildIssuerSigned({ digestAlgorithm: 'SHA-512' }).raw).disclosures).toBe(4);
    expect(failure(() => msoMdocFormat.parse(buildIssuerSigned({ digestAlgorithm: 'MD5' }).raw)).message).toBe('The MSO uses the digest algorithm "MD5"; Satchel accepts SHA-256, SHA-384 and SHA-512.');
  });

  it('refuses a validity period that ends before it starts, or starts before it was signed', () => {
    const backwards = failure(() => msoMdocFormat.parse(buildIssuerSigned({ validity: { signed: '2026-01-01T00:00:00Z', validFrom: '2026-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' } }).raw));
    expect((backwards as CheckError).check).toBe('validity');
    expect(failure(() => msoMdocFormat.parse(buildIssuerSigned({ validity: { signed: '2026-02-01T00:00:00Z', validFrom: '2026-01-01T00:00:00Z', validUntil: '2031-01-01T00:00:00Z' } }).raw)).message).toMatch(/valid from before it was signed/);
    const untagged = buildIssuerSigned({ editMso: (mso) => (mso.get('validityInfo') as Map<string, unknown>).set('validUntil', '2031-01-01T00:00:00Z') });
    expect(failure(() => msoMdocFormat.parse(untagged.raw)).message).toBe('The MSO\'s "validUntil" is not a date and time (tag 0).');
  });

  it('refuses an MSO without a docType, device key or a version it reads', () => {
    expect(failure(() => msoMdocFormat.parse(buildIssuerSigned({ editMso: (mso) => mso.delete('docType') }).raw)).message).toBe('The mobile security object (MSO) has no "docType".');
    expect(failure(() => msoMdocFormat.parse(buildIssuerSigned({ editMso: (mso) => mso.delete('deviceKeyInfo') }).raw)).message).toMatch(/no "deviceKeyInfo"/);
    expect(failure(() => msoMdocFormat.parse(buildIssuerSigned({ editMso: (mso) => mso.set('version', '2.0') }).raw)).message).toMatch(/version "2\.0"/);
  });

  it('reads the status list reference (draft-ietf-oauth-status-list §6.3) and refuses a damaged one', () => {
    const status = new Map([['status_list', new Map<string, unknown>([['idx', 412], ['uri', 'https://dvla.example.gov.uk/status/1']])]]);
    const built = buildIssuerSigned({ status });
    expect(msoMdocFormat.parse(built.raw).statusReference()).toEqual({ idx: 412, uri: 'https://dvla.example.gov.uk/status/1' });
    expect(msoMdocFormat.peekStatusUri(built.raw)).toBe('https://dvla.example.gov.uk/status/1');
    expect(msoMdocFormat.peekStatusUri(buildIssuerSigned().raw)).toBeUndefined();
    expect(msoMdocFormat.peekStatusUri('not an mdoc')).toBeUndefined();
    const negative = buildIssuerSigned({ status: new Map([['status_list', new Map<string, unknown>([['idx', -1], ['uri', 'https://x']])]]) });
    expect(() => msoMdocFormat.parse(negative.raw).statusReference()).toThrow(/not a non-negative whole number/);
    const other = buildIssuerSigned({ status: new Map([['identifier_list', new Map()]]) });
    expect(() => msoMdocFormat.parse(other.raw).statusReference()).toThrow(/only status_list/);
  });

  it('refuses an item whose random is too short, a duplicated element, or two items with one digest', () => {
    expect(failure(() => msoMdocFormat.parse(buildIssuerSigned({ randomBytes: 8 }).raw)).message).toMatch(/random of 8 bytes; at least 16/);
    const twice = buildIssuerSigned({ editItems: (items) => items.get(MDL_NS)!.push(items.get(MDL_NS)![0]!) });
    expect(failure(() => msoMdocFormat.parse(twice.raw)).message).toBe('The element org.iso.18013.5.1/family_name appears twice.');
    const sameDigest = buildIssuerSigned({
      editItems: (items) => {
        const list = items.get(MDL_NS)!;
        const second = decodeCbor(list[1]!.bytes, 'item') as Map<string, unknown>;
        second.set('digestID', 0);
        list[1] = embedCbor(second);
      },
    });
    expect(failure(() => msoMdocFormat.parse(sameDigest.raw)).message).toBe('Two elements of namespace org.iso.18013.5.1 claim digest 0.');
  });

  it('refuses an element from a namespace the MSO has no digests for', () => {
    const extra = buildIssuerSigned({ editItems: (items) => items.set('org.example.extra', [items.get(MDL_NS)![0]!]) });
    const error = failure(() => msoMdocFormat.parse(extra.raw));
    expect(error).toBeInstanceOf(CheckError);
    expect(error.message).toMatch(/org\.example\.extra\/family_name is not covered by the issuer's signature/);
  });

  it('refuses an issuer signature without a certificate chain', () => {
    const built = buildIssuerSigned();
    const issuerAuth = built.issuerSigned.get('issuerAuth') as unknown[];
    const withoutChain = new Map(built.issuerSigned).set('issuerAuth', [issuerAuth[0], new Map(), issuerAuth[2], issuerAuth[3]]);
    expect(failure(() => msoMdocFormat.parse(base64urlEncode(encodeCbor(withoutChain)))).message).toMatch(/no certificate \(x5chain\)/);
  });

  it('refuses what is neither an IssuerSigned nor a DeviceResponse, and what is not base64url', () => {
    expect(failure(() => msoMdocFormat.parse(base64urlEncode(encodeCbor(new Map([['a', 1]]))))).message).toMatch(/neither issuer-signed data/);
    expect(failure(() => msoMdocFormat.parse('oWFhAQ==')).message).toMatch(/not valid base64url/);
  });
});

describe('claim values', () => {
  const elements = {
    [MDL_NS]: {
      family_name: 'Smith',
      birth_date: new CborFullDate('1990-05-01'),
      issue_date: new CborDateTime('2026-01-01T09:30:00Z'),
      portrait: Uint8Array.of(0xff, 0xd8, 0xff),
      age_over_18: true,
      height: 176,
      weight: 70.5,
      sex: null,
      driving_privileges: [new Map<string, unknown>([['vehicle_category_code', 'B'], ['codes', [new Map([['code', '01']])]]])],
    },
    'org.iso.18013.5.1.aamva': { family_name: 'Other', DHS_compliance: 'F' },
  };

  it('are text, numbers, booleans, null, bytes, dates as text, arrays and objects, by namespace', () => {
    const { claims, type, types } = msoMdocFormat.read(buildIssuerSigned({ elements }).raw);
    expect(type).toBe(MDL);
    expect(types).toEqual([MDL]);
    expect(claims[MDL_NS]).toEqual({
      family_name: 'Smith',
      birth_date: '1990-05-01',
      issue_date: '2026-01-01T09:30:00Z',
      portrait: Uint8Array.of(0xff, 0xd8, 0xff),
      age_over_18: true,
      height: 176,
      weight: 70.5,
      sex: null,
      driving_privileges: [{ vehicle_category_code: 'B', codes: [{ code: '01' }] }],
    });
  });

  it('flatten to the subject with the base namespace first; paths lead back to the namespace', () => {
    const { claims } = msoMdocFormat.read(buildIssuerSigned({ elements: { 'org.iso.18013.5.1.aamva': elements['org.iso.18013.5.1.aamva'], [MDL_NS]: elements[MDL_NS] } }).raw);
    const subject = msoMdocFormat.subjectClaims(claims);
    expect(subject.family_name).toBe('Smith');
    expect(subject.DHS_compliance).toBe('F');
    expect(msoMdocFormat.subjectPath('family_name', claims)).toEqual([MDL_NS, 'family_name']);
    expect(msoMdocFormat.subjectPath('DHS_compliance', claims)).toEqual(['org.iso.18013.5.1.aamva', 'DHS_compliance']);
    expect(() => msoMdocFormat.subjectPath('eye_colour', claims)).toThrow(DataError);
    expect(msoMdocFormat.labelPath([MDL_NS, 'driving_privileges', null, 'codes'])).toEqual(['driving_privileges', null, 'codes']);
    expect(msoMdocFormat.technicalClaims.size).toBe(0);
  });

  it('refuse maps with keys that are not text, embedded CBOR and other tags', () => {
    const read = (value: unknown) => () => msoMdocFormat.read(buildIssuerSigned({ elements: { [MDL_NS]: { odd: value } } }).raw);
    expect(failure(read(new Map([[1, 'a']]))).message).toBe('The value of org.iso.18013.5.1/odd has a map key that is not text (number).');
    expect(failure(read(embedCbor('x'))).message).toMatch(/embedded CBOR/);
    expect(failure(read(new Tagged(18, []))).message).toMatch(/CBOR tag 18/);
  });

  it('keep a "__proto__" element an ordinary claim', () => {
    const { claims } = msoMdocFormat.read(buildIssuerSigned({ elements: { [MDL_NS]: { ['__proto__']: 'x', family_name: 'Smith' } } }).raw);
    const ns = claims[MDL_NS] as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(ns, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(ns)).toBe(Object.prototype);
  });
});

describe('detection and DCQL naming', () => {
  it('an mdoc is detected as mso_mdoc; SD-JWT VCs are not', () => {
    const built = buildIssuerSigned();
    expect(msoMdocFormat.detect(built.raw)).toBe(true);
    expect(detectFormat(built.raw).id).toBe('mso_mdoc');
    const { raw } = issueSdJwtVc({ key: es256Key('k'), sd: { given_name: 'Jo' } });
    expect(msoMdocFormat.detect(raw)).toBe(false);
    expect(msoMdocFormat.detect('')).toBe(false);
    expect(msoMdocFormat.detect(base64urlEncode(encodeCbor([1, 2])))).toBe(false);
    // Words whose first characters decode to a map head (0xa0–0xbf: "o"…"v") are not mdocs.
    for (const word of ['totally-not-a-credential', 'onlyone-word', 'substitute']) expect(msoMdocFormat.detect(word)).toBe(false);
    // A map of 1–4 members with a text key, minimal head or not (the auth0 examples' 0xb9 0x0003).
    expect(msoMdocFormat.detect(base64urlEncode(Uint8Array.of(0xb9, 0x00, 0x03, 0x67, ...new TextEncoder().encode('version'), 0x63)))).toBe(true);
    expect(msoMdocFormat.detect(base64urlEncode(encodeCbor(new Map([[1, 'a'], [2, 'b']]))))).toBe(false);
    expect(msoMdocFormat.detect(base64urlEncode(encodeCbor(new Map(['a', 'b', 'c', 'd', 'e'].map((k) => [k, 1] as const)))))).toBe(false);
  });

  it('asks with doctype_value and requires it (OpenID4VP 1.0 B.2.3)', () => {
    expect(knownFormatIds()).toContain('mso_mdoc');
    expect(dcqlNamingOf('mso_mdoc')).toBe(msoMdocDcql);
    expect(dcqlMetaFor('mso_mdoc', [MDL])).toEqual({ doctype_value: MDL });
    expect(() => dcqlMetaFor('mso_mdoc', [MDL, 'org.iso.23220.photoid.1'])).toThrow(TypeError);
    expect(msoMdocDcql.readMeta({ doctype_value: MDL }, 'credentials[0]')).toEqual({ doctypeValue: MDL });
    expect(() => msoMdocDcql.readMeta({ vct_values: [MDL] }, 'credentials[0]')).toThrow('credentials[0].meta.doctype_value must be a non-empty string');
  });
});
