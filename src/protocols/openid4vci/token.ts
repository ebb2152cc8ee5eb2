/**
 * Token request with the pre-authorised code, OpenID4VCI 1.0 §6: form-encoded POST (§6.1) with
 * `grant_type`, `pre-authorized_code` and `tx_code`; the answer (§6.2) carries a Bearer access
 * token. Errors (§6.3): `invalid_grant` for a wrong tx_code or an expired / used code,
 * `invalid_request` for a missing tx_code.
 */
import { Oid4vciError } from './errors';
import { expectJson, requireString, send, type HttpOptions } from './http';
import { PRE_AUTHORIZED_GRANT } from './offer';

export interface AccessToken {
  accessToken: string;
  /** ms since the epoch, when the issuer says (§6.2 expires_in). */
  expiresAt?: number;
}

export async function requestToken(tokenEndpoint: string, preAuthorizedCode: string, txCode: string | undefined, options: HttpOptions & { now?: () => number }): Promise<AccessToken> {
  const form = new URLSearchParams({ grant_type: PRE_AUTHORIZED_GRANT, 'pre-authorized_code': preAuthorizedCode });
  // §6.1: tx_code only when the offer asked for one.
  if (txCode !== undefined) form.set('tx_code', txCode);
  const result = await send(tokenEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form.toString() }, options);
  let body;
  try {
    body = expectJson(result, tokenEndpoint);
  } catch (e) {
    // §6.3: invalid_grant means "wrong tx_code" or "expired / used code" alike; say a code was sent.
    if (e instanceof Oid4vciError && e.kind === 'oauth' && txCode !== undefined) e.details.txCodeSent = true;
    throw e;
  }
  const accessToken = requireString(body, 'access_token', tokenEndpoint);
  // §6.2 / RFC 6749 §5.1: token_type; we can only use Bearer (no DPoP here).
  const type = requireString(body, 'token_type', tokenEndpoint);
  if (type.toLowerCase() !== 'bearer') throw new Oid4vciError('bad-response', `The issuer gave a ${type} token; Satchel supports Bearer tokens only`, { url: tokenEndpoint });
  const token: AccessToken = { accessToken };
  if (typeof body.expires_in === 'number' && body.expires_in > 0) token.expiresAt = (options.now?.() ?? Date.now()) + body.expires_in * 1000;
  return token;
}
