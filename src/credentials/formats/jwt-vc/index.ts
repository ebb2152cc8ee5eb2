/**
 * The JWT VC format: a W3C Verifiable Credential 2.0 secured as a JWT (VC-JOSE-COSE §3.1.1,
 * `typ` vc+jwt: the veteran card). Nothing is disclosed selectively: it is shared whole, bound to
 * the holder the way an SD-JWT is (present.ts). DCQL format `jwt_vc_json` (OpenID4VP 1.0
 * Appendix B.1): `meta.type_values`, claim paths from the credential, so through `credentialSubject` (B.1.2).
 */
import { parseCompactJws } from '../../jws';
import { peekStatusUri } from '../../status-token';
import type { ClaimPath, ClaimPathSteps, CredentialFormatModule } from '../format';
import { holderJwkOf, peekKeyBinding } from '../sd-jwt-vc/index';
import { jwtVcDcql } from './dcql';
import { parseJwtVc, parseJwtVcOrPresentation, startsWithJwtVc } from './parse';
import { presentJwtVc } from './present';

export { parseJwtVc, parseJwtVcPresentation, startsWithJwtVc, JWT_VC_TYP, VCDM2_CONTEXT, type ParsedJwtVc } from './parse';

/** Where a W3C VC keeps what it says about the person (VCDM 2.0 §4.8). */
const SUBJECT = 'credentialSubject';

export const jwtVcFormat: CredentialFormatModule = {
  ...jwtVcDcql,
  describe: 'A W3C Verifiable Credential (JWT).',
  selective: false,
  requestOnly: false,
  // A subject's `id` (VCDM 2.0 §4.4) names the subject for machines, not something to show.
  technicalClaims: new Set(['id']),
  detect: startsWithJwtVc,
  parse: parseJwtVcOrPresentation,
  read(raw) {
    const vc = parseJwtVc(parseCompactJws(raw, 'The credential'));
    return { type: vc.type, types: ['VerifiableCredential', ...vc.types], claims: vc.claims };
  },
  subjectClaims(claims) {
    const subject = claims[SUBJECT];
    // VCDM 2.0 §4.8 allows several subjects; Satchel's issuers name one.
    const one = Array.isArray(subject) ? subject[0] : subject;
    return typeof one === 'object' && one !== null ? (one as Record<string, unknown>) : {};
  },
  subjectPath: (name) => [SUBJECT, name],
  labelPath: (path: ClaimPath): ClaimPathSteps => (path[0] === SUBJECT ? path.slice(1) : [...path]),
  holderJwk(raw) {
    return holderJwkOf(this.read(raw).claims);
  },
  peekStatusUri,
  peekHolderProof: peekKeyBinding,
  present: presentJwtVc,
};
