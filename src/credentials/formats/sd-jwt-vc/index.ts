/**
 * The SD-JWT VC format (draft-ietf-oauth-sd-jwt-vc over RFC 9901): `<issuer-jwt>~<disclosure>~…~[<kb-jwt>]`,
 * each claim disclosed or withheld on its own, presented with a Key Binding JWT. DCQL format
 * `dc+sd-jwt` (OpenID4VP 1.0 Appendix B.3): `meta.vct_values`, claim paths from the top level.
 */
import { peekStatusUri } from '../../status-token';
import type { CredentialFormatModule } from '../format';
import { sdJwtVcDcql } from './dcql';
import { holderJwkOf, peekKeyBinding } from './key-binding';
import { parseSdJwtVc, SD_JWT_VC_TYPES } from './parse';
import { presentSdJwtVc } from './present';
import { parseSdJwt } from './sd-jwt';
import { processSdJwtPayload } from './sd-jwt-process';
import { peekJwsPart } from '../../jws';

export { appendKeyBinding, checkKeyBinding, holderJwkOf, holderKey, KB_JWT_TYP, peekKeyBinding, type KeyBindingExpectations } from './key-binding';
export { parseSdJwt, splitSdJwt, type ParsedSdJwt, type SplitSdJwt } from './sd-jwt';
export { processSdJwtPayload, type ConcretePath, type ProcessedSdJwt } from './sd-jwt-process';
export { disclosureDigest, sdHash, SD_ALG_DEFAULT } from './digest';
export { parseSdJwtVc, SD_JWT_VC_TYPES, type ParsedSdJwtVc } from './parse';

/**
 * Names that describe the credential rather than the person: the JWT ones (RFC 7519 §4.1), SD-JWT's
 * (RFC 9901 §4.1), SD-JWT VC's (§3.2.2), and the W3C VC member names a converted credential may carry.
 */
const TECHNICAL_CLAIMS: ReadonlySet<string> = new Set([
  'iss', 'vct', 'iat', 'nbf', 'exp', 'cnf', 'status', 'sub', 'jti', 'vct#integrity', '_sd', '_sd_alg',
  '@context', 'type', 'issuer', 'validFrom', 'validUntil', 'credentialSubject', 'credentialStatus', 'id',
]);

export const sdJwtVcFormat: CredentialFormatModule = {
  ...sdJwtVcDcql,
  describe: 'An SD-JWT VC (selective disclosure credential).',
  selective: true,
  requestOnly: false,
  technicalClaims: TECHNICAL_CLAIMS,
  // §3.2.1: by the issuer-signed JWT's typ (a credential with "~" and no known typ is read as one too: formats/index.ts).
  detect: (raw) => SD_JWT_VC_TYPES.includes(peekJwsPart(raw, 0)?.typ as string),
  parse: parseSdJwtVc,
  read(raw) {
    const sd = parseSdJwt(raw);
    const { claims } = processSdJwtPayload(sd.jws.payload, sd.disclosures);
    return typeof claims.vct === 'string' ? { type: claims.vct, claims } : { claims };
  },
  subjectClaims: (claims) => claims,
  subjectPath: (name) => [name],
  labelPath: (path) => [...path],
  holderJwk(raw) {
    return holderJwkOf(this.read(raw).claims);
  },
  peekStatusUri,
  peekHolderProof: peekKeyBinding,
  present: presentSdJwtVc,
};
