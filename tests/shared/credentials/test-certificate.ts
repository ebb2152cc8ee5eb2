/**
 * Test-only X.509 (RFC 5280) for the mdoc tests in Node and Chromium, on @peculiar/asn1-x509 (which
 * needs no reflect polyfill, unlike @peculiar/x509): a self-signed P-256 certificate built and
 * signed with @noble/curves (also the Document Signer owf-mdoc.ts issues under), and the raw SEC1
 * public key read out of a DER certificate.
 */
import { p256 } from '@noble/curves/nist.js';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, Certificate, Name, RelativeDistinguishedName, SubjectPublicKeyInfo, TBSCertificate, Validity, Version } from '@peculiar/asn1-x509';

const ID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ID_ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
/** DER of OID 1.2.840.10045.3.1.7 (secp256r1), the EC key's parameters (RFC 5480 §2.1.1). */
const SECP256R1_DER = Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07);
/** RFC 5280 Appendix A.1 attribute types. */
const ID_AT_COMMON_NAME = '2.5.4.3';
const ID_AT_COUNTRY_NAME = '2.5.4.6';

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

export interface CertificateOptions {
  /** A countryName RDN before the common name (ISO/IEC 18013-5 Annex B.1.4 wants one in a DS subject). */
  country?: string;
  serialNumber?: Uint8Array;
}

/** A self-signed certificate for the P-256 key `secret`, valid over [notBefore, notAfter]. */
export function selfSignedP256Certificate(secret: Uint8Array, commonName: string, notBefore: Date, notAfter: Date, options: CertificateOptions = {}): Uint8Array {
  const { country, serialNumber = Uint8Array.of(0x01, 0x23, 0x45) } = options;
  const countryRdn = country === undefined ? [] : [new RelativeDistinguishedName([new AttributeTypeAndValue({ type: ID_AT_COUNTRY_NAME, value: new AttributeValue({ printableString: country }) })])];
  const name = new Name([...countryRdn, new RelativeDistinguishedName([new AttributeTypeAndValue({ type: ID_AT_COMMON_NAME, value: new AttributeValue({ utf8String: commonName }) })])]);
  const signatureAlgorithm = new AlgorithmIdentifier({ algorithm: ID_ECDSA_WITH_SHA256 });
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: buffer(serialNumber),
    signature: signatureAlgorithm,
    issuer: name,
    subject: name,
    validity: new Validity({ notBefore, notAfter }),
    subjectPublicKeyInfo: new SubjectPublicKeyInfo({
      algorithm: new AlgorithmIdentifier({ algorithm: ID_EC_PUBLIC_KEY, parameters: buffer(SECP256R1_DER) }),
      subjectPublicKey: buffer(p256.getPublicKey(secret, false)),
    }),
  });
  const tbs = new Uint8Array(AsnConvert.serialize(tbsCertificate));
  // RFC 5758 §3.2: ecdsa-with-SHA256 signatures are DER ECDSA-Sig-Value.
  const signature = p256.sign(tbs, secret, { prehash: true, format: 'der' });
  return new Uint8Array(AsnConvert.serialize(new Certificate({ tbsCertificate, signatureAlgorithm, signatureValue: buffer(signature) })));
}

/** The certificate's subject public key as SEC1 bytes (an EC key's BIT STRING content, RFC 5480 §2.2). */
export function certificatePublicKey(der: Uint8Array): Uint8Array {
  const certificate = AsnConvert.parse(der, Certificate);
  return new Uint8Array(certificate.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey);
}

/** A PEM certificate's DER bytes. */
export function derFromPem(pem: string): Uint8Array {
  const base64 = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
