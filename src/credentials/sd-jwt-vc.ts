/**
 * SD-JWT VC, draft-ietf-oauth-sd-jwt-vc: `typ` dc+sd-jwt (§3.2.1; the older vc+sd-jwt is still
 * accepted), `vct` required (§3.2.2.1), `iss`, `iat`, `nbf`, `exp`, `cnf`, `status` never
 * selectively disclosed (§3.2.2.2). Builds on the SD-JWT parsing of RFC 9901 (sd-jwt.ts).
 */
import { hasOwn } from '../lib/json-safe';
import { CheckError } from './check-error';
import type { ParsedCredential } from './credential';
import { parseSdJwt } from './sd-jwt';
import { processSdJwtPayload } from './sd-jwt-process';
import { jwtValidityWindow } from './validity';

export const SD_JWT_VC_TYPES: readonly string[] = ['dc+sd-jwt', 'vc+sd-jwt'];
/** §3.2.2.2: claims that must be in the signed payload itself, never in a disclosure. */
const NEVER_DISCLOSED = ['iss', 'nbf', 'exp', 'cnf', 'vct', 'status'];

export function parseSdJwtVc(raw: string): ParsedCredential {
  const sd = parseSdJwt(raw);
  const { header, payload } = sd.jws;
  // §3.2.1: typ dc+sd-jwt (vc+sd-jwt from earlier drafts).
  if (typeof header.typ !== 'string' || !SD_JWT_VC_TYPES.includes(header.typ)) {
    throw new CheckError('format', `This SD-JWT has type ${JSON.stringify(header.typ)}; Satchel expects an SD-JWT VC (dc+sd-jwt)`);
  }
  const { claims } = processSdJwtPayload(payload, sd.disclosures);
  for (const name of NEVER_DISCLOSED) {
    if (hasOwn(claims, name) && !hasOwn(payload, name)) {
      throw new CheckError('disclosures', `The claim "${name}" was selectively disclosed, which SD-JWT VC does not allow`);
    }
  }
  // §3.2.2.1: vct is a required string.
  if (typeof payload.vct !== 'string' || payload.vct === '') throw new CheckError('format', 'The credential does not say what kind of credential it is (no vct)');
  // §3.2.2.2: iss is optional in the draft; Satchel needs it to find the issuer on the trust list.
  if (typeof payload.iss !== 'string' || payload.iss === '') throw new CheckError('format', 'The credential does not name its issuer (no iss)');
  const window = jwtValidityWindow(payload);
  return { format: 'dc+sd-jwt', jws: sd.jws, claims, issuerId: payload.iss, type: payload.vct, types: [payload.vct], window, sd };
}
