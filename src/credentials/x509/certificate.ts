/**
 * An X.509 certificate (RFC 5280 §4.1) read into what the mdoc issuer check and a verifier's
 * request-signing certificate need: names, validity, the subject's public key as a
 * SignatureVerifier takes it, the extensions ISO/IEC 18013-5 Annex B profiles and the path
 * validation reads (certificate-path.ts), the subject's organizationIdentifier and subjectAltName
 * DNS names (OpenID4VP 1.0 §5.9.3), and the signature with the exact bytes it covers. Parsing only, on
 * @peculiar/asn1-x509; the signature is checked elsewhere, as a batch item (signature-item.ts).
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  Name,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { bytesEqual } from '../../lib/bytes';
import { DataError } from '../../lib/errors';
import type { PublicKey } from '../jwk';
import { CLOCK_SKEW_S } from '../limits';
import { tbsCertificateBytes } from './der';

/** RFC 5480 §2.1.1 id-ecPublicKey, with its namedCurve (§2.1.1.1); RFC 8410 §3 id-Ed25519. */
const ID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const SECP256R1 = '1.2.840.10045.3.1.7';
const SECP384R1 = '1.3.132.0.34';
/** The two curves' OIDs as DER (X.690 §8.19), as they appear as the key algorithm's parameters. */
const CURVE_DER: Record<string, Uint8Array> = {
  [SECP256R1]: Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07),
  [SECP384R1]: Uint8Array.of(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22),
};
export const ID_ED25519 = '1.3.101.112';

/** RFC 5280 §4.2.1.3 keyUsage bits, as KeyUsage.toNumber() gives them. */
export const KEY_USAGE = { digitalSignature: 1, keyCertSign: 32, cRLSign: 64 } as const;

/** X.520 organizationIdentifier (ETSI EN 319 412-1 §5.1.4): the register id a verifier's certificate carries. */
export const ID_AT_ORGANIZATION_IDENTIFIER = '2.5.4.97';
/** Short names for the attributes certificates name people and bodies by (RFC 4519 §2). */
const ATTRIBUTE_NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.5': 'serialNumber', [ID_AT_ORGANIZATION_IDENTIFIER]: 'organizationIdentifier' };

export interface X509Certificate {
  /** The certificate as sent. */
  der: Uint8Array;
  /** The exact DER of tbsCertificate: what the issuer's signature covers (RFC 5280 §4.1.1.3). */
  tbs: Uint8Array;
  /** The names as DER (compared byte for byte) and as text for messages ("CN=…, C=…"). */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  subject: string;
  issuer: string;
  /** RFC 5280 §4.1.2.5 validity, in seconds since the epoch. */
  notBefore: number;
  notAfter: number;
  publicKey: PublicKey;
  /** RFC 5280 §4.1.1.2 signatureAlgorithm OID (checked equal to tbsCertificate.signature). */
  signatureAlgorithm: string;
  /** The signatureValue BIT STRING's content (a DER ECDSA-Sig-Value, or a 64-byte Ed25519 signature). */
  signature: Uint8Array;
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** keyUsage bits (KEY_USAGE), undefined when the extension is absent. */
  keyUsage?: number;
  extKeyUsage?: readonly string[];
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
  /** subjectAltName dNSName entries (RFC 5280 §4.2.1.6), lower-cased (DNS names compare without case, §7.2); empty when none. */
  dnsNames: readonly string[];
  /** The subject's organizationIdentifier (2.5.4.97), when it has exactly one. */
  organizationIdentifier?: string;
  /** Critical extensions this code does not understand (OIDs). */
  unknownCritical: readonly string[];
}

const bytesOf = (buffer: ArrayBuffer | ArrayBufferView): Uint8Array =>
  buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** A name as text for messages ("CN=utopia iaca, C=US"), its parts in the order the certificate stores them. */
function nameText(name: Name): string {
  const parts: string[] = [];
  for (const rdn of name) {
    for (const atv of rdn) parts.push(`${ATTRIBUTE_NAMES[atv.type] ?? atv.type}=${atv.value.toString()}`);
  }
  return parts.length ? parts.join(', ') : '(an empty name)';
}

/** The subject's one organizationIdentifier value; two different ones are refused (which would the register mean?). */
function organizationIdentifierOf(name: Name, what: string): string | undefined {
  const values = new Set<string>();
  for (const rdn of name) {
    for (const atv of rdn) if (atv.type === ID_AT_ORGANIZATION_IDENTIFIER) values.add(atv.value.toString());
  }
  if (values.size > 1) throw new DataError(`${what} names more than one organisation identifier`);
  return values.values().next().value;
}

/** RFC 5480 §2.1.1: ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER }; the curve named, by its DER (implicitCurve and specifiedCurve are refused). */
function namedCurve(parameters: ArrayBuffer | null | undefined): string | undefined {
  if (!parameters) return undefined;
  const der = bytesOf(parameters);
  return Object.entries(CURVE_DER).find(([, encoding]) => bytesEqual(der, encoding))?.[0];
}

function publicKeyOf(certificate: Certificate, what: string): PublicKey {
  const spki = certificate.tbsCertificate.subjectPublicKeyInfo;
  const key = bytesOf(spki.subjectPublicKey);
  if (spki.algorithm.algorithm === ID_EC_PUBLIC_KEY) {
    const curve = namedCurve(spki.algorithm.parameters);
    // SEC1 §2.3.3: an uncompressed (0x04) or compressed (0x02/0x03) point of the curve's size.
    if (curve === SECP256R1) {
      if (!((key.length === 65 && key[0] === 4) || (key.length === 33 && (key[0] === 2 || key[0] === 3)))) throw new DataError(`${what} has a malformed P-256 public key`);
      return { alg: 'ES256', publicKey: key };
    }
    if (curve === SECP384R1) {
      if (!((key.length === 97 && key[0] === 4) || (key.length === 49 && (key[0] === 2 || key[0] === 3)))) throw new DataError(`${what} has a malformed P-384 public key`);
      return { alg: 'ES384', publicKey: key };
    }
    throw new DataError(`${what} has an elliptic-curve key on a curve Satchel does not accept (${curve ?? 'not a named curve'}); only P-256 and P-384 are accepted`);
  }
  if (spki.algorithm.algorithm === ID_ED25519) {
    // RFC 8410 §3: parameters absent; the key is the 32-byte Ed25519 public key.
    if (spki.algorithm.parameters != null || key.length !== 32) throw new DataError(`${what} has a malformed Ed25519 public key`);
    return { alg: 'EdDSA', publicKey: key };
  }
  throw new DataError(`${what} has a ${spki.algorithm.algorithm} key; Satchel accepts P-256, P-384 and Ed25519 keys`);
}

function sameAlgorithm(a: { algorithm: string; parameters?: ArrayBuffer | null }, b: { algorithm: string; parameters?: ArrayBuffer | null }): boolean {
  const pa = a.parameters ? bytesOf(a.parameters) : undefined;
  const pb = b.parameters ? bytesOf(b.parameters) : undefined;
  return a.algorithm === b.algorithm && (pa === undefined) === (pb === undefined) && (pa === undefined || bytesEqual(pa, pb!));
}

/** Largest certificate read, in bytes; Annex B and verifier certificates are well under 2 KB. */
export const MAX_CERTIFICATE_BYTES = 16 * 1024;

/** parseCertificate for certificates that came from outside: larger than MAX_CERTIFICATE_BYTES is refused unread. Throws DataError. */
export function readCertificateBounded(der: Uint8Array, what: string): X509Certificate {
  if (der.length > MAX_CERTIFICATE_BYTES) throw new DataError(`${what} is ${der.length} bytes long; Satchel reads certificates of at most ${MAX_CERTIFICATE_BYTES} bytes`);
  return parseCertificate(der, what);
}

/** RFC 5280 §6.1.3 (a)(2): whether the certificate is outside its validity at `nowS`, with the clock skew every other date check allows. */
export function validityProblem(certificate: X509Certificate, nowS: number): 'expired' | 'not-yet-valid' | undefined {
  if (nowS >= certificate.notAfter + CLOCK_SKEW_S) return 'expired';
  if (nowS < certificate.notBefore - CLOCK_SKEW_S) return 'not-yet-valid';
  return undefined;
}

/** Parses one DER certificate; `what` names it in messages ("The document signer certificate"). Throws DataError. */
export function parseCertificate(der: Uint8Array, what: string): X509Certificate {
  try {
    return readCertificate(der, what);
  } catch (e) {
    if (e instanceof DataError) throw e;
    // The ASN.1 library throws plain Errors for some damaged values (a name's string, a time): the same refusal.
    throw new DataError(`${what} is not a certificate Satchel can read (RFC 5280)`);
  }
}

function readCertificate(der: Uint8Array, what: string): X509Certificate {
  const tbs = tbsCertificateBytes(der, what);
  const certificate = AsnConvert.parse(der, Certificate);
  const t = certificate.tbsCertificate;
  // RFC 5280 §4.1.2.1: extensions need version 3 (value 2).
  if (t.version !== 2) throw new DataError(`${what} is not an X.509 version 3 certificate`);
  // RFC 5280 §4.1.1.2: the outer signatureAlgorithm must equal tbsCertificate.signature.
  if (!sameAlgorithm(certificate.signatureAlgorithm, t.signature)) throw new DataError(`${what} names two different signature algorithms`);
  const out: X509Certificate = {
    der,
    tbs,
    subjectDer: new Uint8Array(AsnConvert.serialize(t.subject)),
    issuerDer: new Uint8Array(AsnConvert.serialize(t.issuer)),
    subject: nameText(t.subject),
    issuer: nameText(t.issuer),
    notBefore: t.validity.notBefore.getTime().getTime() / 1000,
    notAfter: t.validity.notAfter.getTime().getTime() / 1000,
    publicKey: publicKeyOf(certificate, what),
    signatureAlgorithm: certificate.signatureAlgorithm.algorithm,
    signature: bytesOf(certificate.signatureValue),
    dnsNames: [],
    unknownCritical: [],
  };
  const organizationIdentifier = organizationIdentifierOf(t.subject, what);
  if (organizationIdentifier !== undefined) out.organizationIdentifier = organizationIdentifier;
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const extension of t.extensions ?? []) {
    // RFC 5280 §4.2: a certificate must not include more than one instance of an extension.
    if (seen.has(extension.extnID)) throw new DataError(`${what} has the extension ${extension.extnID} twice`);
    seen.add(extension.extnID);
    const value = extension.extnValue.buffer;
    try {
      switch (extension.extnID) {
        case id_ce_basicConstraints: {
          const bc = AsnConvert.parse(value, BasicConstraints);
          out.basicConstraints = bc.pathLenConstraint === undefined ? { ca: bc.cA } : { ca: bc.cA, pathLength: bc.pathLenConstraint };
          break;
        }
        case id_ce_keyUsage:
          out.keyUsage = AsnConvert.parse(value, KeyUsage).toNumber();
          break;
        case id_ce_extKeyUsage:
          out.extKeyUsage = [...AsnConvert.parse(value, ExtendedKeyUsage)];
          break;
        case id_ce_subjectKeyIdentifier:
          out.subjectKeyId = bytesOf(AsnConvert.parse(value, SubjectKeyIdentifier).buffer);
          break;
        case id_ce_authorityKeyIdentifier: {
          const aki = AsnConvert.parse(value, AuthorityKeyIdentifier);
          if (aki.keyIdentifier) out.authorityKeyId = bytesOf(aki.keyIdentifier.buffer);
          break;
        }
        case id_ce_subjectAltName:
          // RFC 5280 §4.2.1.6: the other name forms (IP address, URI, e-mail) are not DNS names and are not read.
          out.dnsNames = AsnConvert.parse(value, SubjectAlternativeName)
            .filter((n) => n.dNSName !== undefined)
            .map((n) => n.dNSName!.toLowerCase());
          break;
        default:
          // RFC 5280 §4.2: a critical extension not understood makes the certificate unusable (the profile refuses it).
          if (extension.critical) unknown.push(extension.extnID);
      }
    } catch {
      throw new DataError(`${what} has a damaged extension (${extension.extnID})`);
    }
  }
  out.unknownCritical = unknown;
  return out;
}
