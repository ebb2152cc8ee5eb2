/**
 * Stored credentials as sharing needs them, for DCQL matching (OpenID4VP 1.0 §6.4) and the "what
 * will (not) be shared" lists; parsed locally (the credential was verified when received and is
 * re-verified in every view).
 *   dc+sd-jwt  the fully disclosed claims; each top-level claim can be shared or not (RFC 9901).
 *   vc+jwt     (W3C VC 2.0 secured as a JWT: the veteran card) matched as DCQL format
 *              `jwt_vc_json` (Appendix B.1) on the whole credential, so claim paths start at
 *              `credentialSubject` (B.1.2). A JWT cannot disclose selectively: it is shared whole,
 *              and the consent screen says so.
 */
import { parseJwtVc } from '../../credentials/jwt-vc';
import { parseCompactJws } from '../../credentials/jws';
import { parseSdJwt } from '../../credentials/sd-jwt';
import { processSdJwtPayload } from '../../credentials/sd-jwt-process';
import type { HeldCredential } from '../../protocols/openid4vp/dcql';
import type { ClaimPath } from '../shared';
import type { StoredCredential } from '../vault';

/** Claims about the credential itself, never offered as something to share. */
export const TECHNICAL_CLAIMS: ReadonlySet<string> = new Set(['iss', 'vct', 'iat', 'nbf', 'exp', 'cnf', 'status', 'sub', 'jti', 'vct#integrity', '_sd', '_sd_alg']);

/** The DCQL format identifier of a W3C VC secured as a JWT (OpenID4VP 1.0 B.1.1). */
export const JWT_VC_DCQL_FORMAT = 'jwt_vc_json';
/** Where a W3C VC keeps what it says about the person (VCDM 2.0 §4.8). */
const SUBJECT = 'credentialSubject';

export function heldCredential(stored: StoredCredential): HeldCredential | undefined {
  try {
    if (stored.format === 'vc+jwt') {
      const vc = parseJwtVc(parseCompactJws(stored.raw, 'The credential'));
      return { id: stored.id, format: JWT_VC_DCQL_FORMAT, type: vc.type, types: ['VerifiableCredential', ...vc.types], claims: vc.claims };
    }
    if (stored.format !== 'dc+sd-jwt') return undefined;
    const sd = parseSdJwt(stored.raw);
    const { claims } = processSdJwtPayload(sd.jws.payload, sd.disclosures);
    const vct = typeof claims.vct === 'string' ? claims.vct : stored.type;
    return { id: stored.id, format: 'dc+sd-jwt', type: vct, claims };
  } catch {
    return undefined;
  }
}

/** True when the credential can only be shared whole (no selective disclosure). */
export function sharedWhole(held: Pick<HeldCredential, 'format'>): boolean {
  return held.format === JWT_VC_DCQL_FORMAT;
}

/** What a credential says about the person, by claim name: an SD-JWT VC's claims, a W3C VC's credentialSubject. */
export function subjectClaims(format: string, claims: Record<string, unknown>): Record<string, unknown> {
  if (format !== JWT_VC_DCQL_FORMAT && format !== 'vc+jwt') return claims;
  const subject = claims[SUBJECT];
  // VCDM 2.0 §4.8 allows several subjects; Satchel's issuers name one.
  const one = Array.isArray(subject) ? subject[0] : subject;
  return typeof one === 'object' && one !== null ? (one as Record<string, unknown>) : {};
}

/** The claim path of a subject claim, as DCQL addresses it in this format (B.1.2 for W3C VCs, B.3 for SD-JWT VCs). */
export function subjectPath(format: string, name: string): ClaimPath {
  return format === JWT_VC_DCQL_FORMAT || format === 'vc+jwt' ? [SUBJECT, name] : [name];
}

/** A claim path without the W3C VC's credentialSubject step: the name a label is looked up by. */
export function labelPath(path: readonly (string | number | null)[]): ClaimPath {
  return path[0] === SUBJECT ? path.slice(1) : [...path];
}

/** Claims a person can share (top-level claims about them), as DCQL paths. */
export function shareablePaths(held: HeldCredential): ClaimPath[] {
  // A W3C VC subject's `id` (VCDM 2.0 §4.4) names the subject for machines, not something to show.
  const names = Object.keys(subjectClaims(held.format, held.claims)).filter((n) => !TECHNICAL_CLAIMS.has(n) && !(sharedWhole(held) && n === 'id'));
  return names.map((name) => subjectPath(held.format, name));
}

/** A claim about the person as a checker reads it from a verified credential (format as the verify report names it). */
export interface PresentedClaim {
  path: ClaimPath;
  value: unknown;
}

/** The claims about the person in a verified credential: an SD-JWT VC's top-level claims, a W3C VC's credentialSubject ones. */
export function presentedClaims(format: string, claims: Record<string, unknown>): PresentedClaim[] {
  const subject = subjectClaims(format, claims);
  const w3c = format === 'vc+jwt' || format === JWT_VC_DCQL_FORMAT;
  return Object.keys(subject)
    .filter((name) => !TECHNICAL_CLAIMS.has(name) && !(w3c && name === 'id'))
    .map((name) => ({ path: subjectPath(format, name), value: subject[name] }));
}

/** The presented claims nobody asked for (compared by the claim itself, not what is inside it). */
export function notAskedFor(presented: readonly PresentedClaim[], asked: readonly ClaimPath[]): ClaimPath[] {
  const head = (p: readonly unknown[]) => JSON.stringify(labelPath(p as ClaimPath).slice(0, 1));
  return presented.filter((c) => !asked.some((p) => head(p) === head(c.path))).map((c) => c.path);
}
