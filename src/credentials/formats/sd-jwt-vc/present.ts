/**
 * Presenting an SD-JWT VC, RFC 9901 §4 / §4.3: keep the issuer-signed JWT, only the disclosures
 * for the claims the person chose and those they sit inside, then append a Key Binding JWT.
 */
import { DataError } from '../../../lib/errors';
import { selectClaim } from '../../claim-path';
import type { ClaimPath, PresentationRequest } from '../format';
import type { Disclosure } from './disclosure';
import { appendKeyBinding } from './key-binding';
import { parseSdJwt } from './sd-jwt';
import { processSdJwtPayload, type ConcretePath } from './sd-jwt-process';

function stepMatches(want: string | number | null, have: string | number): boolean {
  return want === null ? typeof have === 'number' : want === have;
}

/** True when one path is a prefix of the other (the claim itself, something inside it, or a parent). */
function related(want: ClaimPath, have: ConcretePath): boolean {
  const n = Math.min(want.length, have.length);
  for (let i = 0; i < n; i++) if (!stepMatches(want[i]!, have[i]!)) return false;
  return true;
}

/** Builds `<issuer-jwt>~<chosen disclosures>~<kb-jwt>`. */
export async function presentSdJwtVc(raw: string, options: PresentationRequest): Promise<string> {
  const sd = parseSdJwt(raw);
  const { claims, paths } = processSdJwtPayload(sd.jws.payload, sd.disclosures);
  for (const want of options.disclose) {
    if (selectClaim(claims, want).length === 0) throw new DataError(`The credential has no claim at ${JSON.stringify(want)}`);
  }
  // A disclosure is kept when it is a chosen claim, inside one, or a parent one depends on.
  const keep = (d: Disclosure): boolean => {
    const at = paths.get(d.digest);
    return at !== undefined && options.disclose.some((want) => related(want, at));
  };
  const chosen = sd.disclosures.filter(keep);
  const issuerJwt = raw.slice(0, raw.indexOf('~'));
  return appendKeyBinding(`${issuerJwt}~${chosen.map((d) => `${d.encoded}~`).join('')}`, options);
}
