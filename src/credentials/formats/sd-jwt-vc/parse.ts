/**
 * SD-JWT VC, draft-ietf-oauth-sd-jwt-vc: `typ` dc+sd-jwt (§3.2.1; the older vc+sd-jwt is still
 * accepted), `vct` required (§3.2.2.1), `iss`, `iat`, `nbf`, `exp`, `cnf`, `status` never
 * selectively disclosed (§3.2.2.2). Builds on the SD-JWT parsing of RFC 9901 (sd-jwt.ts).
 */
import { DataError } from '../../../lib/errors';
import { hasOwn } from '../../../lib/json-safe';
import { CheckError } from '../../check-error';
import { jwsVerifyItem, parseCompactJws } from '../../jws';
import { statusReference } from '../../status-token';
import { jwtValidityWindow } from '../../validity';
import type { ParsedCredential } from '../format';
import { checkKeyBinding } from './key-binding';
import { parseSdJwt, type ParsedSdJwt } from './sd-jwt';
import { processSdJwtPayload } from './sd-jwt-process';

export const SD_JWT_VC_TYPES: readonly string[] = ['dc+sd-jwt', 'vc+sd-jwt'];
/** §3.2.2.2: claims that must be in the signed payload itself, never in a disclosure. */
const NEVER_DISCLOSED = ['iss', 'nbf', 'exp', 'cnf', 'vct', 'status'];

export interface ParsedSdJwtVc extends ParsedCredential {
  sd: ParsedSdJwt;
}

export function parseSdJwtVc(raw: string): ParsedSdJwtVc {
  if (!raw.includes('~')) {
    // A JWT whose typ says SD-JWT VC but that lacks the "~" every SD-JWT ends with (RFC 9901 §4).
    parseCompactJws(raw, 'The credential');
    throw new DataError('This SD-JWT is cut short: it lacks the "~" that ends it');
  }
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
  const kbJwt = sd.kbJwt;
  return {
    format: 'dc+sd-jwt',
    claims,
    issuerId: payload.iss,
    type: payload.vct,
    types: [payload.vct],
    window,
    sd,
    disclosures: sd.disclosures.length,
    // RFC 7515 §5.2 step 8: the issuer's signature over the issuer-signed JWT.
    issuerSignature: { header, item: (key) => jwsVerifyItem(sd.jws, key, 'The credential') },
    // RFC 9901 §7.3: the KB-JWT over everything before it, signed by the key in cnf.jwk.
    ...(kbJwt === undefined ? {} : { holderProof: (expect) => checkKeyBinding(kbJwt, sd.withoutKb, payload, expect) }),
    // draft-ietf-oauth-status-list §6.1: status is in the signed payload, never disclosed (§3.2.2.2 above).
    statusReference: () => statusReference(payload),
  };
}
