/**
 * The independent mdoc implementation, @owf/mdoc 0.6.0 (openwallet-foundation-labs/mdoc-ts), set
 * up for interop tests in Node and Chromium: an MdocContext on @noble/curves and WebCrypto with the
 * X.509 parts on @peculiar/asn1-x509 (as that library's own tests/context.ts does with
 * @peculiar/x509), a self-signed Document Signer certificate carrying the country its verifier
 * requires (ISO/IEC 18013-5 Annex B.1.4: countryName in the DS subject), and an IssuerSigned
 * issued by it. Test-only: nothing in src/ imports this or @owf/mdoc.
 */
import { p256 } from '@noble/curves/nist.js';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, Name } from '@peculiar/asn1-x509';
import { CoseKey, DateOnly, DeviceKey, IssuerSignedBuilder, SignatureAlgorithm, type MdocContext } from '@owf/mdoc';
import { base64urlEncode } from '../../../src/lib/base64url';
import { selfSignedP256Certificate } from './test-certificate';

export const MDL = 'org.iso.18013.5.1.mDL';
export const MDL_NAMESPACE = 'org.iso.18013.5.1';

/** RFC 5280 Appendix A.1 attribute types by the short names @owf/mdoc asks for. */
const NAME_OIDS: Record<string, string> = { C: '2.5.4.6', ST: '2.5.4.8', CN: '2.5.4.3' };

/** A self-signed P-256 certificate with subject C=<country>, CN=<commonName>, valid 2025–2035. */
export function documentSignerCertificate(secret: Uint8Array, country = 'GB', commonName = 'Test Document Signer'): Uint8Array {
  return selfSignedP256Certificate(secret, commonName, new Date('2025-01-01T00:00:00Z'), new Date('2035-01-01T00:00:00Z'), { country, serialNumber: Uint8Array.of(0x01, 0x02, 0x03) });
}

function parsed(der: Uint8Array): Certificate {
  return AsnConvert.parse(der, Certificate);
}

function nameField(name: Name, field: string): string[] {
  const oid = NAME_OIDS[field];
  return name.flatMap((rdn) => rdn.filter((atv) => atv.type === oid).map((atv) => atv.value.toString()));
}

const bytesEqual = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * An MdocContext for issuing and verifying ES256 mdocs. The chain check accepts an x5chain whose
 * first certificate is one of the trusted ones (the tests trust the self-signed DS certificate);
 * device MAC is not used.
 */
export const owfContext = {
  crypto: {
    random: (length: number) => crypto.getRandomValues(new Uint8Array(length)),
    digest: async ({ digestAlgorithm, bytes }: { digestAlgorithm: string; bytes: Uint8Array }) => new Uint8Array(await crypto.subtle.digest(digestAlgorithm, bytes as BufferSource)),
    calculateEphemeralMacKey: () => {
      throw new Error('device MAC is not used in these tests');
    },
  },
  cose: {
    sign1: {
      sign: ({ toBeSigned, key }: { toBeSigned: Uint8Array; key: CoseKey }) => p256.sign(toBeSigned, key.privateKey, { format: 'compact' }),
      verify: ({ sign1, key }: { sign1: { signature: Uint8Array; toBeSigned: Uint8Array }; key: CoseKey }) => p256.verify(sign1.signature, sign1.toBeSigned, key.publicKey, { lowS: false, format: 'compact' }),
    },
    mac0: {
      sign: () => {
        throw new Error('device MAC is not used in these tests');
      },
      verify: () => {
        throw new Error('device MAC is not used in these tests');
      },
    },
  },
  x509: {
    getIssuerNameField: ({ certificate, field }: { certificate: Uint8Array; field: string }) => nameField(parsed(certificate).tbsCertificate.issuer, field),
    getPublicKey: ({ certificate }: { certificate: Uint8Array }) => {
      const point = new Uint8Array(parsed(certificate).tbsCertificate.subjectPublicKeyInfo.subjectPublicKey);
      return CoseKey.fromJwk({ kty: 'EC', crv: 'P-256', x: base64urlEncode(point.subarray(1, 33)), y: base64urlEncode(point.subarray(33)) });
    },
    verifyCertificateChain: ({ trustedCertificates, x5chain }: { trustedCertificates: Uint8Array[]; x5chain: Uint8Array[] }) => {
      if (!trustedCertificates.some((trusted) => bytesEqual(trusted, x5chain[0]!))) throw new Error('the Document Signer certificate is not a trusted one');
    },
    getCertificateData: ({ certificate }: { certificate: Uint8Array }) => {
      const { tbsCertificate } = parsed(certificate);
      return {
        issuerName: nameField(tbsCertificate.issuer, 'CN').join(', '),
        subjectName: nameField(tbsCertificate.subject, 'CN').join(', '),
        serialNumber: '010203',
        thumbprint: '',
        notBefore: tbsCertificate.validity.notBefore.getTime(),
        notAfter: tbsCertificate.validity.notAfter.getTime(),
        pem: '',
      };
    },
  },
} as unknown as MdocContext;

export interface OwfIssued {
  /** base64url of the IssuerSigned (OpenID4VCI 1.0 Appendix A.2), as Satchel stores it. */
  raw: string;
  certificate: Uint8Array;
}

/** An mDL issued by @owf/mdoc to the device key `deviceJwk` (public, P-256), with `extra` elements in its namespace. */
export async function issueWithOwf(deviceJwk: JsonWebKey, extra: Record<string, unknown> = {}): Promise<OwfIssued> {
  const issuerSecret = p256.utils.randomSecretKey();
  const point = p256.getPublicKey(issuerSecret, false);
  const issuerJwk = { kty: 'EC', crv: 'P-256', x: base64urlEncode(point.subarray(1, 33)), y: base64urlEncode(point.subarray(33)), d: base64urlEncode(issuerSecret) };
  const certificate = documentSignerCertificate(issuerSecret);
  const { kty, crv, x, y } = deviceJwk;
  const issuerSigned = await new IssuerSignedBuilder(MDL, owfContext)
    .addIssuerNamespace(MDL_NAMESPACE, {
      family_name: 'Jones',
      given_name: 'Ava',
      birth_date: new DateOnly('2007-03-25'),
      issuing_country: 'GB',
      issuing_authority: 'DVLA',
      document_number: 'JONES703257A99',
      portrait: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0),
      driving_privileges: [{ vehicle_category_code: 'B', issue_date: new DateOnly('2022-09-02'), expiry_date: new DateOnly('2032-09-01') }],
      age_over_18: true,
      age_over_21: false,
      ...extra,
    })
    .sign({
      signingKey: CoseKey.fromJwk(issuerJwk),
      algorithm: SignatureAlgorithm.ES256,
      digestAlgorithm: 'SHA-256',
      validityInfo: { signed: new Date('2026-01-01T00:00:00Z'), validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2031-01-01T00:00:00Z') },
      deviceKeyInfo: { deviceKey: DeviceKey.fromJwk({ kty, crv, x, y }) },
      certificates: [certificate],
    });
  return { raw: issuerSigned.encodedForOid4Vci, certificate };
}

export interface OwfHeld extends OwfIssued {
  /** The holder's device key, private and non-extractable, as Satchel keeps it (WebCrypto P-256). */
  holderKey: CryptoKey;
}

/** A new holder (a non-extractable WebCrypto P-256 key) and an mDL @owf/mdoc issued to it. */
export async function issueToNewHolder(extra: Record<string, unknown> = {}): Promise<OwfHeld> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { ...(await issueWithOwf(await crypto.subtle.exportKey('jwk', pair.publicKey), extra)), holderKey: pair.privateKey };
}
