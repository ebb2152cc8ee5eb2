/**
 * presentMdoc (ISO/IEC 18013-5 §8.3.2.1.2.2): a DeviceResponse with one document disclosing only
 * the requested elements, their IssuerSignedItemBytes exactly as issued, the issuer's issuerAuth,
 * and a detached ES256 device signature over this session's DeviceAuthenticationBytes (§9.1.3.4)
 * that verifies with the MSO's device key, and fails for any other session (a replay).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/lib/errors';
import { base64urlDecode } from '../../../../src/lib/base64url';
import { decodeCbor, EmbeddedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { publicKeyFromCoseKey } from '../../../../src/credentials/formats/mso-mdoc/cose';
import { deviceSignatureItem } from '../../../../src/credentials/formats/mso-mdoc/device-auth';
import { mdocParts } from '../../../../src/credentials/formats/mso-mdoc/parse';
import { presentMdoc } from '../../../../src/credentials/formats/mso-mdoc/present';
import type { PresentationHandover, PresentationRequest } from '../../../../src/credentials/formats/format';
import { nobleVerify } from '../../../shared/credentials/helpers';
import { issueToNewHolder, issueWithOwf, MDL, MDL_NAMESPACE as NS } from '../../../shared/credentials/owf-mdoc';

const NOW_S = Date.parse('2026-06-01T00:00:00Z') / 1000;
const handover: PresentationHandover = { kind: 'openid4vp', responseUri: 'https://verifier.example/response', encryptionKeyThumbprint: null };

let raw: string;
let holderKey: CryptoKey;

beforeAll(async () => {
  ({ raw, holderKey } = await issueToNewHolder());
});

function request(disclose: PresentationRequest['disclose'], extra: Partial<PresentationRequest> = {}): PresentationRequest {
  return { disclose, audience: 'x509_san_dns:verifier.example', nonce: 'nonce-123', holderKey, handover, ...extra };
}

/** The IssuerSignedItemBytes of `encoded` (IssuerSigned or DeviceResponse), as sent, by element name. */
function itemBytesOf(encoded: string): Map<string, Uint8Array> {
  const { issuerSigned } = mdocParts(encoded);
  return new Map([...issuerSigned.nameSpaces.values()].flat().map((item) => [item.elementIdentifier, item.itemBytes.encoded]));
}

describe('presentMdoc', () => {
  it('discloses the requested elements, byte for byte as issued, and nothing else', async () => {
    const presented = await presentMdoc(raw, request([[NS, 'age_over_18'], [NS, 'portrait']]));
    const parts = mdocParts(presented);
    expect(parts.document?.docType).toBe(MDL);
    expect([...parts.issuerSigned.nameSpaces.keys()]).toEqual([NS]);
    const shown = itemBytesOf(presented);
    expect([...shown.keys()].sort()).toEqual(['age_over_18', 'portrait']);
    const issued = itemBytesOf(raw);
    for (const [name, bytes] of shown) expect(bytes).toEqual(issued.get(name));
    const text = new TextDecoder('latin1').decode(base64urlDecode(presented)!);
    for (const secret of ['Jones', 'Ava', 'JONES703257A99', 'birth_date']) expect(text).not.toContain(secret);
  });

  it('keeps the issuer signature and MSO as issued', async () => {
    const presented = await presentMdoc(raw, request([[NS, 'family_name']]));
    const issued = mdocParts(raw).issuerSigned.issuerAuth;
    const shown = mdocParts(presented).issuerSigned.issuerAuth;
    expect(shown.protectedBytes).toEqual(issued.protectedBytes);
    expect(shown.payload).toEqual(issued.payload);
    expect(shown.signature).toEqual(issued.signature);
    expect(shown.x5chain).toEqual(issued.x5chain);
  });

  it('is a DeviceResponse version 1.0, status 0, no device-signed elements, a detached ES256 device signature', async () => {
    const presented = await presentMdoc(raw, request([[NS, 'age_over_18']]));
    const response = decodeCbor(base64urlDecode(presented)!, 'test') as Map<string, unknown>;
    expect(response.get('version')).toBe('1.0');
    expect(response.get('status')).toBe(0);
    const deviceSigned = (response.get('documents') as Map<string, unknown>[])[0]!.get('deviceSigned') as Map<string, unknown>;
    expect((deviceSigned.get('nameSpaces') as EmbeddedCbor).bytes).toEqual(Uint8Array.of(0xa0));
    const signature = mdocParts(presented).document!.deviceSigned.deviceSignature!;
    expect(signature.alg).toBe('ES256');
    expect(signature.payload).toBeNull();
  });

  it("the device signature verifies with the MSO's device key for this session, and fails for another (replay)", async () => {
    const presented = await presentMdoc(raw, request([[NS, 'age_over_18']]));
    const { document, issuerSigned } = mdocParts(presented);
    const doc = { docType: document!.docType, deviceNameSpacesBytes: document!.deviceSigned.nameSpacesItem, deviceSignature: document!.deviceSigned.deviceSignature! };
    const deviceKey = publicKeyFromCoseKey(issuerSigned.mso.deviceKey, 'device key');
    const session = { nowS: NOW_S, audience: 'x509_san_dns:verifier.example', nonce: 'nonce-123', handover };
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, session))).toBe(true);
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, { ...session, nonce: 'nonce-456' }))).toBe(false);
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, { ...session, audience: 'x509_san_dns:attacker.example' }))).toBe(false);
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, { ...session, handover: { kind: 'satchel-qr', requestQr: 'SVQ1.x' } }))).toBe(false);
  });

  it('signs for a Satchel request QR the same way', async () => {
    const qr: PresentationHandover = { kind: 'satchel-qr', requestQr: 'SVQ1.request' };
    const presented = await presentMdoc(raw, request([[NS, 'age_over_18']], { handover: qr, audience: 'satchel-in-person:r1' }));
    const { document, issuerSigned } = mdocParts(presented);
    const doc = { docType: MDL, deviceNameSpacesBytes: document!.deviceSigned.nameSpacesItem, deviceSignature: document!.deviceSigned.deviceSignature! };
    const deviceKey = publicKeyFromCoseKey(issuerSigned.mso.deviceKey, 'device key');
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, { nowS: NOW_S, audience: 'satchel-in-person:r1', nonce: 'nonce-123', handover: qr }))).toBe(true);
  });

  it('refuses an element it does not hold, a path that is not [namespace, element], no handover, and a presentation as input', async () => {
    await expect(presentMdoc(raw, request([[NS, 'height']]))).rejects.toThrow(/no data element height in namespace org\.iso\.18013\.5\.1/);
    await expect(presentMdoc(raw, request([['org.example.other', 'family_name']]))).rejects.toThrow(DataError);
    await expect(presentMdoc(raw, request([[NS, 'driving_privileges', 0]]))).rejects.toThrow(/\[namespace, element\]/);
    await expect(presentMdoc(raw, request([[NS, 'age_over_18']], { handover: undefined }))).rejects.toThrow(/handover/);
    const presented = await presentMdoc(raw, request([[NS, 'age_over_18']]));
    await expect(presentMdoc(presented, request([[NS, 'age_over_18']]))).rejects.toThrow(/not issuer-signed data/);
  });

  it('presents more than 23 elements (a longer CBOR array head) that parse back and verify', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const extra = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extra_${String(i).padStart(2, '0')}`, i]));
    const { raw: large } = await issueWithOwf(await crypto.subtle.exportKey('jwk', pair.publicKey), extra);
    const all = [...itemBytesOf(large).keys()].map((name) => [NS, name]);
    expect(all.length).toBe(40);
    const presented = await presentMdoc(large, request(all, { holderKey: pair.privateKey }));
    const { document, issuerSigned } = mdocParts(presented);
    expect(issuerSigned.nameSpaces.get(NS)).toHaveLength(40);
    const doc = { docType: MDL, deviceNameSpacesBytes: document!.deviceSigned.nameSpacesItem, deviceSignature: document!.deviceSigned.deviceSignature! };
    const deviceKey = publicKeyFromCoseKey(issuerSigned.mso.deviceKey, 'device key');
    expect(nobleVerify(deviceSignatureItem(doc, deviceKey, { nowS: NOW_S, audience: 'x509_san_dns:verifier.example', nonce: 'nonce-123', handover }))).toBe(true);
  });

  it('refuses a holder key that is not ECDSA P-256', async () => {
    const ed = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    await expect(presentMdoc(raw, request([[NS, 'age_over_18']], { holderKey: ed.privateKey }))).rejects.toThrow(/not an ECDSA P-256 key/);
  });
});
