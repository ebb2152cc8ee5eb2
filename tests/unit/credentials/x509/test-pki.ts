/**
 * Test-only certificates (RFC 5280) for the x509 tests: an ISO/IEC 18013-5 Annex B IACA root and
 * Document Signer, built with @peculiar/asn1-x509 and signed with @noble/curves, with every field
 * a refusal test needs to get wrong (a missing key identifier, a wrong usage, a signature algorithm
 * that does not fit the key), which @peculiar/x509's builders make hard; it also runs unchanged in
 * Chromium with no Reflect metadata shim.
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, AuthorityKeyIdentifier, BasicConstraints, Certificate, ExtendedKeyUsage, Extension, Extensions,
  KeyIdentifier, KeyUsage, Name, RelativeDistinguishedName, SubjectKeyIdentifier, SubjectPublicKeyInfo, TBSCertificate, Validity, Version,
  id_ce_authorityKeyIdentifier, id_ce_basicConstraints, id_ce_extKeyUsage, id_ce_keyUsage, id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import type { SignatureVerifier } from '../../../../src/lib/signature-verifier';
import { nobleVerifier } from '../../../shared/credentials/helpers';

export type Curve = 'P-256' | 'P-384' | 'Ed25519';
export interface TestKeyPair {
  curve: Curve;
  secret: Uint8Array;
  publicKey: Uint8Array;
}

export function keyPair(curve: Curve): TestKeyPair {
  if (curve === 'P-256') {
    const secret = p256.utils.randomSecretKey();
    return { curve, secret, publicKey: p256.getPublicKey(secret, false) };
  }
  if (curve === 'P-384') {
    const secret = p384.utils.randomSecretKey();
    return { curve, secret, publicKey: p384.getPublicKey(secret, false) };
  }
  const secret = ed25519.utils.randomSecretKey();
  return { curve, secret, publicKey: ed25519.getPublicKey(secret) };
}

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;
const ID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVE_OID_DER: Record<'P-256' | 'P-384', Uint8Array> = {
  'P-256': Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07),
  'P-384': Uint8Array.of(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22),
};
export const SIGNATURE_OIDS = { 'ecdsa-with-SHA256': '1.2.840.10045.4.3.2', 'ecdsa-with-SHA384': '1.2.840.10045.4.3.3', Ed25519: '1.3.101.112' } as const;
export const MDL_DS_EKU = '1.0.18013.5.1.2';

function name(commonName: string, country = 'GB'): Name {
  const atv = (type: string, value: AttributeValue) => new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value })]);
  return new Name([atv('2.5.4.3', new AttributeValue({ utf8String: commonName })), atv('2.5.4.6', new AttributeValue({ printableString: country }))]);
}

function spki(key: TestKeyPair): SubjectPublicKeyInfo {
  if (key.curve === 'Ed25519') return new SubjectPublicKeyInfo({ algorithm: new AlgorithmIdentifier({ algorithm: SIGNATURE_OIDS.Ed25519 }), subjectPublicKey: buffer(key.publicKey) });
  return new SubjectPublicKeyInfo({ algorithm: new AlgorithmIdentifier({ algorithm: ID_EC_PUBLIC_KEY, parameters: buffer(CURVE_OID_DER[key.curve]) }), subjectPublicKey: buffer(key.publicKey) });
}

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

/** A 20-byte key identifier derived from the key (RFC 5280 §4.2.1.2 method 1 in spirit; any stable value will do here). */
export function keyId(key: TestKeyPair): Uint8Array {
  return key.publicKey.slice(1, 21);
}

export interface CertificateSpec {
  subject: string;
  /** Defaults to the subject (self-issued). */
  issuer?: string;
  subjectKey: TestKeyPair;
  signerKey: TestKeyPair;
  notBefore: Date;
  notAfter: Date;
  /** Default: the natural algorithm of the signer key. */
  signatureAlgorithm?: string;
  basicConstraints?: { ca: boolean; pathLength?: number };
  keyUsage?: number;
  extKeyUsage?: string[];
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
  /** An extra extension marked critical that no reader understands. */
  unknownCritical?: boolean;
}

function naturalAlgorithm(key: TestKeyPair): string {
  return key.curve === 'P-256' ? SIGNATURE_OIDS['ecdsa-with-SHA256'] : key.curve === 'P-384' ? SIGNATURE_OIDS['ecdsa-with-SHA384'] : SIGNATURE_OIDS.Ed25519;
}

function sign(tbs: Uint8Array, key: TestKeyPair): Uint8Array {
  // RFC 5758 §3.2: DER ECDSA-Sig-Value; RFC 8410 §6: the 64-byte Ed25519 signature.
  if (key.curve === 'P-256') return p256.sign(tbs, key.secret, { prehash: true, format: 'der', lowS: false });
  if (key.curve === 'P-384') return p384.sign(tbs, key.secret, { prehash: true, format: 'der', lowS: false });
  return ed25519.sign(tbs, key.secret);
}

export function makeCertificate(spec: CertificateSpec): Uint8Array {
  const extensions: Extension[] = [];
  if (spec.basicConstraints) extensions.push(extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: spec.basicConstraints.ca, ...(spec.basicConstraints.pathLength !== undefined ? { pathLenConstraint: spec.basicConstraints.pathLength } : {}) })));
  if (spec.keyUsage !== undefined) extensions.push(extension(id_ce_keyUsage, true, new KeyUsage(spec.keyUsage)));
  if (spec.extKeyUsage) extensions.push(extension(id_ce_extKeyUsage, true, new ExtendedKeyUsage(spec.extKeyUsage)));
  if (spec.subjectKeyId) extensions.push(extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(buffer(spec.subjectKeyId))));
  if (spec.authorityKeyId) extensions.push(extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(buffer(spec.authorityKeyId)) })));
  if (spec.unknownCritical) extensions.push(new Extension({ extnID: '1.3.6.1.4.1.99999.1', critical: true, extnValue: new OctetString(Uint8Array.of(0x05, 0x00)) }));
  const signature = new AlgorithmIdentifier({ algorithm: spec.signatureAlgorithm ?? naturalAlgorithm(spec.signerKey) });
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: buffer(Uint8Array.of(0x01, ...crypto.getRandomValues(new Uint8Array(8)).map((b) => b & 0x7f))),
    signature,
    issuer: name(spec.issuer ?? spec.subject),
    subject: name(spec.subject),
    validity: new Validity({ notBefore: spec.notBefore, notAfter: spec.notAfter }),
    subjectPublicKeyInfo: spki(spec.subjectKey),
    extensions: new Extensions(extensions),
  });
  const tbs = new Uint8Array(AsnConvert.serialize(tbsCertificate));
  return new Uint8Array(AsnConvert.serialize(new Certificate({ tbsCertificate, signatureAlgorithm: signature, signatureValue: buffer(sign(tbs, spec.signerKey)) })));
}

/** RFC 5280 §4.2.1.3 bits as KeyUsage numbers them. */
export const KU = { digitalSignature: 1, keyCertSign: 32, cRLSign: 64 } as const;

export interface Pki {
  iacaKey: TestKeyPair;
  dsKey: TestKeyPair;
  iaca: Uint8Array;
  ds: Uint8Array;
}

export const NOW = new Date('2026-06-01T12:00:00Z');
export const NOW_S = NOW.getTime() / 1000;
const YEAR_MS = 365 * 86_400_000;

/** An Annex B pair: a P-384 IACA root (ES384 signatures) and a P-256 Document Signer it issued, valid at NOW; `ds` and `iaca` override fields. */
export function annexBPki(overrides: { iaca?: Partial<CertificateSpec>; ds?: Partial<CertificateSpec>; iacaKey?: TestKeyPair; dsKey?: TestKeyPair } = {}): Pki {
  const iacaKey = overrides.iacaKey ?? keyPair('P-384');
  const dsKey = overrides.dsKey ?? keyPair('P-256');
  const iacaSpec: CertificateSpec = {
    subject: 'Test DVLA IACA', subjectKey: iacaKey, signerKey: iacaKey,
    notBefore: new Date(NOW.getTime() - YEAR_MS), notAfter: new Date(NOW.getTime() + 9 * YEAR_MS),
    basicConstraints: { ca: true, pathLength: 0 }, keyUsage: KU.keyCertSign | KU.cRLSign, subjectKeyId: keyId(iacaKey),
    ...overrides.iaca,
  };
  const iaca = makeCertificate(iacaSpec);
  const ds = makeCertificate({
    subject: 'Test DVLA Document Signer', issuer: iacaSpec.subject, subjectKey: dsKey, signerKey: iacaKey,
    notBefore: new Date(NOW.getTime() - 200 * 86_400_000), notAfter: new Date(NOW.getTime() + 200 * 86_400_000),
    keyUsage: KU.digitalSignature, extKeyUsage: [MDL_DS_EKU], subjectKeyId: keyId(dsKey), authorityKeyId: iacaSpec.subjectKeyId ?? keyId(iacaKey),
    ...overrides.ds,
  });
  return { iacaKey, dsKey, iaca, ds };
}

/** ES256, ES384 and EdDSA on @noble/curves (the shared test verifier), for tests only. */
export const pkiVerifier: SignatureVerifier = nobleVerifier;
