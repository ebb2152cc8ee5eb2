/**
 * RFC 5280 §6.1 certification path validation for an `x5c` (RFC 7515 §4.1.6: DER certificates,
 * leaf first) to one of a list of trust anchors (DER CA certificates: the register CAs the trust
 * list's verifier register names). Used for the certificate that signs a verifier's request object
 * (OpenID4VP 1.0 §5.9.3, HAIP 1.0); mdoc issuer chains have their own Annex B profile (chain.ts).
 *
 * Checked: at most MAX_PATH_CERTIFICATES certificates; no certificate twice and no self-issued leaf
 * (a loop); each certificate's issuer name equals the next one's subject byte for byte (§6.1.3 (a)(4))
 * and, when both are present, its authority key identifier the next one's subject key identifier;
 * every issuer, the anchor included, a CA (basicConstraints cA, §4.2.1.9) with keyCertSign
 * (§4.2.1.3) and a pathLenConstraint the path keeps to; no unknown critical extension (§4.2);
 * every certificate, the anchor included, within its validity (§6.1.3 (a)(2)); the path ends at a
 * listed anchor, which may be the last x5c element or the issuer of the last.
 *
 * Signatures are not checked here: they come back as batch items for the caller's one
 * SignatureVerifier batch (signature-item.ts). The anchor's own self-signature is not checked: it is
 * trusted because the signed trust list lists it (RFC 5280 §6.1.1 (d): the anchor's key is an input).
 */
import { bytesEqual } from '../../lib/bytes';
import { DataError } from '../../lib/errors';
import type { VerifyItem } from '../../lib/signature-verifier';
import { KEY_USAGE, readCertificateBounded, validityProblem, type X509Certificate } from './certificate';
import { certificateSignatureItem } from './signature-item';

/** Most certificates an x5c may carry: a leaf, two intermediates and the anchor. */
export const MAX_PATH_CERTIFICATES = 4;

export type CertificatePathProblem = 'certificate-invalid' | 'certificate-expired' | 'certificate-unlisted';

/** Why a path was refused: a DataError with a message a person can act on, and which kind of problem. */
export class CertificatePathError extends DataError {
  constructor(
    message: string,
    readonly problem: CertificatePathProblem,
  ) {
    super(message);
    this.name = 'CertificatePathError';
  }
}

export interface CertificatePath {
  /** The leaf (x5c[0]): its public key signed whatever the caller verifies, its names say who it is. */
  leaf: X509Certificate;
  /** The anchor the path ends at: one of the `anchors` given, the same Uint8Array. */
  anchor: Uint8Array;
  /** Each certificate's signature by its issuer, leaf first, for the caller's batch (not yet checked); `what` and `issuer` name both for messages. */
  items: readonly { what: string; issuer: string; item: VerifyItem }[];
}

/** A date as a person reads it in a message ("3 May 2026"), in UTC as certificates state it. */
const day = (seconds: number): string => new Date(seconds * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function refuse(message: string, problem: CertificatePathProblem = 'certificate-invalid'): never {
  throw new CertificatePathError(message, problem);
}

function read(der: Uint8Array, what: string): X509Certificate {
  try {
    return readCertificateBounded(der, what);
  } catch (e) {
    if (e instanceof DataError) refuse(e.message);
    throw e;
  }
}

/** Anchors already read: a trust list's certificates are the same bytes for every request checked with it. */
const readAnchors = new WeakMap<Uint8Array, X509Certificate | null>();

function readAnchor(der: Uint8Array): X509Certificate | null {
  let anchor = readAnchors.get(der);
  if (anchor === undefined) {
    try {
      anchor = readCertificateBounded(der, 'A register CA certificate');
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      // One damaged anchor must not stop the others; it simply matches nothing.
      anchor = null;
    }
    readAnchors.set(der, anchor);
  }
  return anchor;
}

/** Whether `issuer` can be the issuer of `subject` by name and key identifier (RFC 5280 §4.2.1.1, §6.1.3 (a)(4)). */
function issues(issuer: X509Certificate, subject: X509Certificate): boolean {
  if (!bytesEqual(issuer.subjectDer, subject.issuerDer)) return false;
  return !(subject.authorityKeyId && issuer.subjectKeyId && !bytesEqual(subject.authorityKeyId, issuer.subjectKeyId));
}

/** The listed anchor the path ends at: the last x5c element itself when listed, else the listed issuer of the last. */
function findAnchor(last: X509Certificate, anchors: readonly Uint8Array[]): { der: Uint8Array; certificate: X509Certificate; inX5c: boolean } | undefined {
  const same = anchors.find((der) => bytesEqual(der, last.der));
  if (same) return { der: same, certificate: last, inX5c: true };
  for (const der of anchors) {
    const certificate = readAnchor(der);
    if (certificate && issues(certificate, last)) return { der, certificate, inX5c: false };
  }
  return undefined;
}

/**
 * Validates `x5c` (DER, leaf first) to one of `anchors` at `nowS` (seconds). Throws
 * CertificatePathError: 'certificate-invalid' (unreadable, too long, loops, not a chain, not a CA,
 * unknown critical extension), 'certificate-unlisted' (ends at no listed anchor) or
 * 'certificate-expired' (a certificate outside its validity).
 */
export function validateCertificatePath(x5c: readonly Uint8Array[], anchors: readonly Uint8Array[], nowS: number): CertificatePath {
  if (x5c.length === 0) refuse('The request carries no certificate, so Satchel cannot tell who signed it');
  if (x5c.length > MAX_PATH_CERTIFICATES) refuse(`The certificate chain has ${x5c.length} certificates; Satchel follows at most ${MAX_PATH_CERTIFICATES}`);
  const names = x5c.map((_, i) => (i === 0 ? 'The signing certificate' : `Certificate ${i + 1} of the chain`));
  const chain = x5c.map((der, i) => read(der, names[i]!));
  // A loop: the same certificate twice, or a leaf that names itself as its issuer (it leads nowhere but back to itself).
  for (let i = 0; i < chain.length; i++) {
    for (let j = i + 1; j < chain.length; j++) if (bytesEqual(chain[i]!.der, chain[j]!.der)) refuse(`The certificate chain loops: it carries the certificate ${chain[i]!.subject} twice`);
  }
  const leaf = chain[0]!;
  if (bytesEqual(leaf.issuerDer, leaf.subjectDer)) refuse(`The signing certificate (${leaf.subject}) names itself as its issuer, so it does not lead to a register of verifiers`);

  const last = chain[chain.length - 1]!;
  const anchor = findAnchor(last, anchors);
  if (!anchor) {
    const from = bytesEqual(last.issuerDer, last.subjectDer) ? last.subject : last.issuer;
    refuse(`The certificate chain leads to ${from}, which is not a register of verifiers this phone trusts`, 'certificate-unlisted');
  }
  const path = anchor.inX5c ? chain : [...chain, anchor.certificate];
  const what = (i: number): string => (i === path.length - 1 ? `The register CA certificate (${path[i]!.subject})` : `${names[i]} (${path[i]!.subject})`);

  for (let i = 0; i < path.length; i++) {
    const certificate = path[i]!;
    // RFC 5280 §4.2: a critical extension this code does not understand makes the certificate unusable.
    if (certificate.unknownCritical.length) refuse(`${what(i)} has a critical extension Satchel does not understand (${certificate.unknownCritical.join(', ')})`);
    if (i === 0) {
      // The leaf signs requests: an end-entity (§4.2.1.9) whose key usage, when stated, allows signing (§4.2.1.3).
      if (certificate.basicConstraints?.ca) refuse(`${what(i)} is a CA certificate, not a verifier's own signing certificate`);
      if (certificate.keyUsage !== undefined && !(certificate.keyUsage & KEY_USAGE.digitalSignature)) refuse(`${what(i)} is not for signing (its key usage has no digitalSignature)`);
      continue;
    }
    // RFC 5280 §6.1.3 (a)(4) and §4.2.1.1: each certificate issued by the next.
    const subject = path[i - 1]!;
    if (!bytesEqual(certificate.subjectDer, subject.issuerDer)) refuse(`${what(i - 1)} was not issued by the next certificate of the chain, ${certificate.subject}`);
    if (subject.authorityKeyId && certificate.subjectKeyId && !bytesEqual(subject.authorityKeyId, certificate.subjectKeyId)) refuse(`${what(i - 1)} names another issuer key identifier than ${certificate.subject} has`);
    // §6.1.4 (k), (n): every issuer, the anchor included, is a CA allowed to sign certificates.
    if (!certificate.basicConstraints?.ca) refuse(`${what(i)} is not a certificate authority (no basicConstraints cA), so it cannot issue certificates`);
    if (certificate.keyUsage === undefined || !(certificate.keyUsage & KEY_USAGE.keyCertSign)) refuse(`${what(i)} is not allowed to sign certificates (its key usage has no keyCertSign)`);
    // §4.2.1.9, §6.1.4 (l), (m): pathLenConstraint counts the CA certificates below this one (none is self-issued here: loops are refused).
    const below = i - 1;
    const limit = certificate.basicConstraints.pathLength;
    if (limit !== undefined && below > limit) refuse(`${what(i)} allows a path length of ${limit} certificate authorities below it, but this chain has ${below}`);
  }

  // §6.1.3 (a)(2): every certificate, the anchor included, valid now.
  for (let i = path.length - 1; i >= 0; i--) {
    const problem = validityProblem(path[i]!, nowS);
    if (problem === 'expired') refuse(`${what(i)} expired on ${day(path[i]!.notAfter)}`, 'certificate-expired');
    if (problem === 'not-yet-valid') refuse(`${what(i)} is not valid until ${day(path[i]!.notBefore)}. If that date has passed, check this device's date and time`, 'certificate-expired');
  }

  const items = path.slice(0, -1).map((certificate, i) => {
    const issuer = path[i + 1]!;
    try {
      return { what: what(i), issuer: issuer.subject, item: certificateSignatureItem(certificate, issuer.publicKey, what(i)) };
    } catch (e) {
      if (e instanceof DataError) refuse(e.message);
      throw e;
    }
  });
  return { leaf, anchor: anchor.der, items };
}
