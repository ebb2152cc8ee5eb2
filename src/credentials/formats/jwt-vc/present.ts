/**
 * Presenting a JWT VC (`vc+jwt`, VC-JOSE-COSE §3.1.1: the veteran card). It cannot disclose
 * selectively, so it is presented whole, with proof of possession: `<vc-jwt>~<kb-jwt>` — the
 * SD-JWT+KB serialisation with no disclosures (RFC 9901 §4), the KB-JWT's sd_hash over `<vc-jwt>~`
 * and signed with the key the credential names in `cnf.jwk` (RFC 7800 §3.2). This is Satchel's own
 * binding for a JWT VC, not an OpenID4VP B.1 Verifiable Presentation (docs/sharing.md).
 */
import { DataError } from '../../../lib/errors';
import { selectClaim } from '../../claim-path';
import { parseCompactJws } from '../../jws';
import type { PresentationRequest } from '../format';
import { appendKeyBinding } from '../sd-jwt-vc/index';
import { parseJwtVc } from './parse';

/** Builds `<vc-jwt>~<kb-jwt>`: the whole credential; `disclose` only has to name claims it has. */
export async function presentJwtVc(raw: string, options: PresentationRequest): Promise<string> {
  const vc = parseJwtVc(parseCompactJws(raw, 'The credential'));
  for (const want of options.disclose) {
    if (selectClaim(vc.claims, want).length === 0) throw new DataError(`The credential has no claim at ${JSON.stringify(want)}`);
  }
  return appendKeyBinding(`${raw}~`, options);
}
