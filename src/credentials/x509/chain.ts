/**
 * Who issued an mdoc: its Document Signer (DS) certificate, the first of the issuerAuth's x5chain
 * (RFC 9360 §2; ISO/IEC 18013-5 §9.1.2.4), must chain to an IACA root the trust list names
 * (ISO/IEC 18013-5 §9.3.3 and Annex B), and that IACA must be listed for the mdoc's docType. The
 * result is the trusted issuer, the DS key that must have signed the MSO, and the certificate
 * signatures to check in the same batch. Loaded only when an mdoc is verified (verify.ts).
 *
 * Annex B makes the path two certificates long: the IACA (pathLenConstraint 0) issues the DS
 * directly. The x5chain may repeat the IACA after the DS (RFC 9360 §2 allows the chain to reach
 * the trust anchor), but nothing else: MAX_X5CHAIN_CERTIFICATES.
 */
import { bytesEqual } from '../../lib/bytes';
import { DataError } from '../../lib/errors';
import type { VerifyItem } from '../../lib/signature-verifier';
import { CheckError } from '../check-error';
import type { PublicKey } from '../jwk';
import { CLOCK_SKEW_S } from '../limits';
import type { IacaRoot, TrustedIssuer } from '../trust-list';
import { formatTime } from '../validity';
import { readCertificateBounded, validityProblem, type X509Certificate } from './certificate';
import { checkDocumentSignerProfile, checkIacaProfile } from './iaca-profile';
import { certificateSignatureItem } from './signature-item';

/** Most certificates an x5chain may carry: the DS, and optionally its IACA (Annex B has nothing between). */
export const MAX_X5CHAIN_CERTIFICATES = 2;
export { MAX_CERTIFICATE_BYTES } from './certificate';

export interface MdocIssuer {
  issuer: TrustedIssuer;
  /** The DS certificate's key, which must have signed the MSO (ISO/IEC 18013-5 §9.1.2.4). */
  signerKey: PublicKey;
  /** The certificate signatures to queue with the MSO's, each with what it is for messages. */
  items: readonly { what: string; item: VerifyItem }[];
}

function refuse(message: string, code: 'unknown-issuer' | 'type-not-allowed' | 'expired' | 'not-yet-valid' | 'bad-certificate' = 'bad-certificate'): never {
  throw new CheckError('issuer-trusted', message, code);
}

function read(der: Uint8Array, what: string): X509Certificate {
  try {
    return readCertificateBounded(der, what);
  } catch (e) {
    if (e instanceof DataError) refuse(e.message);
    throw e;
  }
}

/** RFC 5280 §6.1.3 (a)(2): the certificate must be valid now (with the clock skew every other date check allows). */
function checkDates(certificate: X509Certificate, what: string, nowS: number): void {
  const problem = validityProblem(certificate, nowS);
  if (problem === 'expired') refuse(`${what} (${certificate.subject}) expired on ${formatTime(certificate.notAfter)}, so Satchel cannot tell whether the issuer still vouches for this document`, 'expired');
  if (problem === 'not-yet-valid') refuse(`${what} (${certificate.subject}) is not valid until ${formatTime(certificate.notBefore)}. If that date has passed, check this device's date and time`, 'not-yet-valid');
}

interface Candidate {
  issuer: TrustedIssuer;
  root: IacaRoot;
  certificate: X509Certificate;
}

/** Trust-list roots already read: a list's certificates are the same bytes for every mdoc checked with it. */
const readRoots = new WeakMap<Uint8Array, X509Certificate | CheckError>();

function readRoot(der: Uint8Array, what: string): X509Certificate | CheckError {
  let result = readRoots.get(der);
  if (!result) {
    try {
      result = read(der, what);
    } catch (e) {
      if (!(e instanceof CheckError)) throw e;
      result = e;
    }
    readRoots.set(der, result);
  }
  return result;
}

/**
 * The listed IACAs whose subject is the DS's issuer name and whose key identifier its authority
 * key identifier names, and the first listed certificate that could not be read (so that one
 * issuer's damaged entry does not stop every other issuer's mdocs, but is named when nothing matched).
 */
function candidates(ds: X509Certificate, issuers: readonly TrustedIssuer[]): { found: Candidate[]; unreadable?: CheckError } {
  const found: Candidate[] = [];
  let unreadable: CheckError | undefined;
  for (const issuer of issuers) {
    for (const [i, root] of (issuer.iaca ?? []).entries()) {
      const certificate = readRoot(root.certificate, `The IACA certificate ${i + 1} of ${issuer.name.en} on the trust list`);
      if (certificate instanceof CheckError) {
        unreadable ??= certificate;
        continue;
      }
      if (!bytesEqual(certificate.subjectDer, ds.issuerDer)) continue;
      if (ds.authorityKeyId && certificate.subjectKeyId && !bytesEqual(ds.authorityKeyId, certificate.subjectKeyId)) continue;
      // The same certificate listed again by the same issuer (say, once per docType) is one IACA with both lists of docTypes.
      const same = found.find((c) => c.issuer === issuer && bytesEqual(c.certificate.der, certificate.der));
      if (same) same.root = { certificate: same.root.certificate, doctypes: [...same.root.doctypes, ...root.doctypes] };
      else found.push({ issuer, root, certificate });
    }
  }
  return unreadable ? { found, unreadable } : { found };
}

/**
 * Validates an mdoc's x5chain against the trust list's IACA roots for `docType` at `nowS` (seconds);
 * `signedS` is the MSO's validityInfo.signed, which must fall within the DS certificate's validity.
 * Throws CheckError('issuer-trusted') with a message a person can act on.
 */
export function validateMdocIssuer(x5chain: readonly Uint8Array[], issuers: readonly TrustedIssuer[], docType: string, nowS: number, signedS?: number): MdocIssuer {
  if (x5chain.length === 0) refuse('The issuer signature carries no document signer certificate, so Satchel cannot tell who issued this document');
  // Annex B: the IACA issues the DS directly; a longer chain is not one Satchel follows.
  if (x5chain.length > MAX_X5CHAIN_CERTIFICATES) refuse(`The issuer's certificate chain has ${x5chain.length} certificates; ISO/IEC 18013-5 allows at most ${MAX_X5CHAIN_CERTIFICATES} (the document signer and its IACA)`);
  const ds = read(x5chain[0]!, 'The document signer certificate');
  const extra = x5chain[1] ? read(x5chain[1], 'The second certificate of the issuer\'s chain') : undefined;
  // A chain that leads back to where it started: the DS repeated, or a DS that names itself as its issuer.
  if (extra && bytesEqual(extra.der, ds.der)) refuse('The issuer\'s certificate chain loops: it names the document signer certificate twice');
  if (bytesEqual(ds.issuerDer, ds.subjectDer)) refuse(`The document signer certificate (${ds.subject}) names itself as its issuer, so it does not lead to an IACA on the trust list`);

  const { found, unreadable } = candidates(ds, issuers);
  if (found.length === 0 && unreadable) refuse(`${unreadable.message.replace(/\.$/, '')}, so Satchel cannot tell whether it issued this document (its document signer certificate was issued by ${ds.issuer})`);
  if (found.length === 0) refuse(`The document signer certificate was issued by ${ds.issuer}, which is not an IACA on Satchel's trust list, so this document cannot be trusted`, 'unknown-issuer');
  if (found.length > 1) refuse(`The trust list names the IACA ${ds.issuer} more than once, so Satchel cannot tell which issuer this document is from`, 'unknown-issuer');
  const { issuer, root, certificate: iaca } = found[0]!;
  // RFC 9360 §2: a certificate after the DS must be the next in the path, here the IACA itself.
  if (extra && !bytesEqual(extra.der, iaca.der)) refuse(`The issuer's certificate chain carries a certificate (${extra.subject}) that is not the IACA on the trust list that issued the document signer`);

  checkIacaProfile(iaca, `The IACA certificate of ${issuer.name.en}`);
  checkDocumentSignerProfile(ds, iaca);
  checkDates(iaca, `The IACA certificate of ${issuer.name.en}`, nowS);
  checkDates(ds, 'The document signer certificate', nowS);
  // ISO/IEC 18013-5 §9.1.2.4: `signed` is when the DS signed the MSO, so it must be while the DS
  // certificate was valid (as @owf/mdoc and auth0 mdl also check), with the usual clock skew.
  if (signedS !== undefined && (signedS < ds.notBefore - CLOCK_SKEW_S || signedS > ds.notAfter + CLOCK_SKEW_S)) {
    refuse(`The document says it was signed on ${formatTime(signedS)}, outside the dates of its document signer certificate (${formatTime(ds.notBefore)} to ${formatTime(ds.notAfter)}), so that certificate did not vouch for it`);
  }
  // §9.3.3 / the trust list: the IACA vouches only for the docTypes it is listed for.
  if (!root.doctypes.includes(docType)) refuse(`${issuer.name.en}'s IACA ${iaca.subject} is on the trust list only for ${root.doctypes.join(', ')}, not for ${JSON.stringify(docType)}`, 'type-not-allowed');

  let item: VerifyItem;
  try {
    item = certificateSignatureItem(ds, iaca.publicKey, 'The document signer certificate');
  } catch (e) {
    if (e instanceof DataError) refuse(e.message);
    throw e;
  }
  return { issuer, signerKey: ds.publicKey, items: [{ what: `the document signer certificate (${ds.subject}), signed by the IACA ${iaca.subject}`, item }] };
}
