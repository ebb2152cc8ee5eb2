/**
 * The certificate profile of ISO/IEC 18013-5 Annex B for the two certificates an mdoc's issuer is
 * found by: the IACA root (Table B.1) the trust list names, and the Document Signer (Table B.3) it
 * issues, whose key signs the MSO. Each rule broken is a CheckError('issuer-trusted') saying which
 * certificate breaks which rule; RFC 5280 (§4.2, §6.1.3) where Annex B relies on it.
 */
import { CheckError } from '../check-error';
import { bytesEqual } from '../../lib/bytes';
import { KEY_USAGE, type X509Certificate } from './certificate';

/** ISO/IEC 18013-5 Annex B Table B.3: the Document Signer's extKeyUsage, id-mdl-kp-mdlDS. */
export const ID_MDL_KP_MDL_DS = '1.0.18013.5.1.2';

function refuse(message: string): never {
  throw new CheckError('issuer-trusted', message, 'bad-certificate');
}

function noUnknownCritical(certificate: X509Certificate, what: string): void {
  // RFC 5280 §4.2: a critical extension the reader does not recognise means the certificate must be rejected.
  if (certificate.unknownCritical.length) refuse(`${what} has a critical extension Satchel does not understand (${certificate.unknownCritical.join(', ')}), so it cannot be relied on`);
}

/** Annex B Table B.1: self-issued, basicConstraints cA, keyUsage keyCertSign and cRLSign, a subject key identifier. */
export function checkIacaProfile(iaca: X509Certificate, what: string): void {
  if (!bytesEqual(iaca.issuerDer, iaca.subjectDer)) refuse(`${what} (${iaca.subject}) is not a root certificate: it was issued by ${iaca.issuer}`);
  if (iaca.basicConstraints?.ca !== true) refuse(`${what} (${iaca.subject}) is not marked as a certificate authority (basicConstraints)`);
  const usage = iaca.keyUsage ?? 0;
  if (!(usage & KEY_USAGE.keyCertSign) || !(usage & KEY_USAGE.cRLSign)) refuse(`${what} (${iaca.subject}) may not sign certificates (its key usage lacks keyCertSign or cRLSign)`);
  if (!iaca.subjectKeyId) refuse(`${what} (${iaca.subject}) has no subject key identifier`);
  noUnknownCritical(iaca, what);
}

/**
 * Annex B Table B.3, and the link to its IACA (RFC 5280 §6.1.3 (a)(4) issuer name; §4.2.1.1 the
 * authority key identifier naming the IACA's key): keyUsage digitalSignature, not a CA,
 * extKeyUsage id-mdl-kp-mdlDS, valid only within the IACA's validity.
 */
export function checkDocumentSignerProfile(ds: X509Certificate, iaca: X509Certificate): void {
  const what = `The document signer certificate (${ds.subject})`;
  if (!bytesEqual(ds.issuerDer, iaca.subjectDer)) refuse(`${what} was issued by ${ds.issuer}, not by the IACA ${iaca.subject}`);
  if (!ds.authorityKeyId || !iaca.subjectKeyId || !bytesEqual(ds.authorityKeyId, iaca.subjectKeyId)) refuse(`${what} does not name the key of the IACA ${iaca.subject} as its issuer's (authority key identifier)`);
  if (ds.basicConstraints?.ca === true) refuse(`${what} is marked as a certificate authority; a document signer may only sign documents`);
  const usage = ds.keyUsage ?? 0;
  if (!(usage & KEY_USAGE.digitalSignature) || usage & KEY_USAGE.keyCertSign) refuse(`${what} has the wrong key usage: it must be for digital signatures only`);
  if (!ds.extKeyUsage?.includes(ID_MDL_KP_MDL_DS)) refuse(`${what} is not for signing mobile driving licences (extended key usage ${ID_MDL_KP_MDL_DS} missing)`);
  if (ds.notBefore < iaca.notBefore || ds.notAfter > iaca.notAfter) refuse(`${what} is valid outside the dates of the IACA ${iaca.subject} that issued it`);
  noUnknownCritical(ds, what);
}
