/**
 * A certificate's signature as a batch item for the SignatureVerifier, checked with its issuer's
 * key, for mdoc issuer chains and verifier request certificates alike. Only the pairs ISO/IEC
 * 18013-5 Annex B (Table B.1/B.3 "signature algorithm"), HAIP 1.0 and the engines agree on are accepted: ecdsa-with-SHA256 by a P-256 key, ecdsa-with-SHA384 by a P-384 key
 * (RFC 5758 §3.2; the signature a DER ECDSA-Sig-Value, RFC 5480 §2.2), Ed25519 by an Ed25519 key
 * (RFC 8410 §6). Any other pair is refused rather than guessed at.
 */
import { DataError } from '../../lib/errors';
import type { VerifyItem } from '../../lib/signature-verifier';
import type { PublicKey } from '../jwk';
import { ID_ED25519, type X509Certificate } from './certificate';
import { ecdsaSignatureToRaw } from './der';

/** RFC 5758 §3.2 signature algorithm OIDs. */
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const ECDSA_WITH_SHA384 = '1.2.840.10045.4.3.3';

const ALGORITHM_NAMES: Record<string, string> = { [ECDSA_WITH_SHA256]: 'ecdsa-with-SHA256', [ECDSA_WITH_SHA384]: 'ecdsa-with-SHA384', [ID_ED25519]: 'Ed25519' };
const KEY_NAMES = { ES256: 'P-256', ES384: 'P-384', EdDSA: 'Ed25519' } as const;

/** The batch item checking `certificate`'s signature with `issuerKey`; throws DataError for a pair the profile does not allow. */
export function certificateSignatureItem(certificate: X509Certificate, issuerKey: PublicKey, what: string): VerifyItem {
  const algorithm = certificate.signatureAlgorithm;
  const refused = (): never => {
    throw new DataError(`${what} is signed with ${ALGORITHM_NAMES[algorithm] ?? algorithm} by a ${KEY_NAMES[issuerKey.alg]} key, a combination Satchel does not accept (it accepts ECDSA with SHA-256 by P-256, with SHA-384 by P-384, and Ed25519)`);
  };
  const message = certificate.tbs;
  if (algorithm === ECDSA_WITH_SHA256) {
    if (issuerKey.alg !== 'ES256') return refused();
    return { alg: 'ES256', publicKey: issuerKey.publicKey, message, signature: ecdsaSignatureToRaw(certificate.signature, 32, `${what}'s signature`) };
  }
  if (algorithm === ECDSA_WITH_SHA384) {
    if (issuerKey.alg !== 'ES384') return refused();
    return { alg: 'ES384', publicKey: issuerKey.publicKey, message, signature: ecdsaSignatureToRaw(certificate.signature, 48, `${what}'s signature`) };
  }
  if (algorithm === ID_ED25519) {
    if (issuerKey.alg !== 'EdDSA') return refused();
    // RFC 8032 §5.1.6: R‖S, 64 bytes.
    if (certificate.signature.length !== 64) throw new DataError(`${what}'s Ed25519 signature is not 64 bytes`);
    return { alg: 'EdDSA', publicKey: issuerKey.publicKey, message, signature: certificate.signature };
  }
  return refused();
}
