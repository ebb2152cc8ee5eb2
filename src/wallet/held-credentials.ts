/**
 * Stored credentials as sharing needs them: the fully disclosed claims of each SD-JWT VC (parsed
 * locally; the credential was verified when received and is re-verified in every view), for DCQL
 * matching (OpenID4VP 1.0 §6.4) and the "what will not be shared" list. JWT VCs cannot disclose
 * selectively and are not offered for sharing.
 */
import { parseSdJwt } from '../credentials/sd-jwt';
import { processSdJwtPayload } from '../credentials/sd-jwt-process';
import type { HeldCredential } from '../protocols/openid4vp/dcql';
import type { StoredCredential } from './vault-api';

/** Claims about the credential itself, never offered as something to share. */
export const TECHNICAL_CLAIMS: ReadonlySet<string> = new Set(['iss', 'vct', 'iat', 'nbf', 'exp', 'cnf', 'status', 'sub', 'jti', 'vct#integrity', '_sd', '_sd_alg']);

export function heldCredential(stored: StoredCredential): HeldCredential | undefined {
  if (stored.format !== 'dc+sd-jwt') return undefined;
  try {
    const sd = parseSdJwt(stored.raw);
    const { claims } = processSdJwtPayload(sd.jws.payload, sd.disclosures);
    const vct = typeof claims.vct === 'string' ? claims.vct : stored.type;
    return { id: stored.id, format: 'dc+sd-jwt', type: vct, claims };
  } catch {
    return undefined;
  }
}

/** Top-level claims a person can choose to share. */
export function shareableNames(held: HeldCredential): string[] {
  return Object.keys(held.claims).filter((n) => !TECHNICAL_CLAIMS.has(n));
}
