/**
 * Token requests (RFC 6749 §4.1.3, §5; OpenID4VCI 1.0 §6):
 *
 *   with the pre-authorised code (§6.1): `grant_type`, `pre-authorized_code` and `tx_code`; the
 *     answer (§6.2) carries a Bearer access token. Errors (§6.3): `invalid_grant` for a wrong
 *     tx_code or an expired / used code, `invalid_request` for a missing tx_code.
 *   with the authorisation code of a sign-in (RFC 6749 §4.1.3): `code`, `redirect_uri`,
 *     `client_id` (a public client) and the PKCE `code_verifier` (RFC 7636 §4.5), with a DPoP
 *     proof (RFC 9449 §5); the answer's token_type is DPoP (§5.1). A Bearer answer is accepted
 *     only from an AS that does not say it supports DPoP (no dpop_signing_alg_values_supported).
 *     `invalid_grant` means the code expired or was used: the person signs in again.
 *
 * Refresh tokens are not used: a new credential needs a new sign-in (docs/issuers.md).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../lib/json-safe';
import { sendWithAuth, type DpopSession } from './dpop';
import { Oid4vciError } from './errors';
import { expectJson, requireString, send, type HttpOptions, type HttpResult } from './http';
import { PRE_AUTHORIZED_GRANT } from './offer';

export interface AccessToken {
  accessToken: string;
  /** ms since the epoch, when the issuer says (§6.2 expires_in). */
  expiresAt?: number;
  /** RFC 6749 §7.1 token_type DPoP: the token goes with a proof on every request (RFC 9449 §7); absent = Bearer. */
  tokenType?: 'DPoP';
  /**
   * §6.2: the token response's authorization_details (after a request with authorization_details,
   * §5.1.1) name credential_identifiers per configuration; the credential request then uses one
   * of them instead of the configuration id (§8.2).
   */
  credentialIdentifiers?: Record<string, string[]>;
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };

function parseToken(result: HttpResult, tokenEndpoint: string, accepted: readonly ('bearer' | 'dpop')[], now: number, onError?: (e: Oid4vciError) => void): AccessToken {
  let body;
  try {
    body = expectJson(result, tokenEndpoint);
  } catch (e) {
    if (e instanceof Oid4vciError && e.kind === 'oauth') onError?.(e);
    throw e;
  }
  const accessToken = requireString(body, 'access_token', tokenEndpoint);
  const type = requireString(body, 'token_type', tokenEndpoint).toLowerCase();
  if (!(accepted as readonly string[]).includes(type)) {
    throw new Oid4vciError('bad-response', `The issuer gave a ${type} token; Satchel expected ${accepted.map((a) => (a === 'dpop' ? 'DPoP' : 'Bearer')).join(' or ')}`, { url: tokenEndpoint });
  }
  const token: AccessToken = { accessToken };
  if (type === 'dpop') token.tokenType = 'DPoP';
  if (typeof body.expires_in === 'number' && body.expires_in > 0) token.expiresAt = now + body.expires_in * 1000;
  const identifiers = credentialIdentifiers(body.authorization_details);
  if (identifiers) token.credentialIdentifiers = identifiers;
  return token;
}

/** §6.2 authorization_details: openid_credential entries with credential_identifiers, by configuration id. */
function credentialIdentifiers(details: unknown): Record<string, string[]> | undefined {
  if (!Array.isArray(details)) return undefined;
  const out: Record<string, string[]> = {};
  for (const d of details as unknown[]) {
    if (!isJsonObject(d as JsonValue) || (d as JsonObject).type !== 'openid_credential') continue;
    const { credential_configuration_id: id, credential_identifiers: ids } = d as JsonObject;
    if (typeof id !== 'string' || !Array.isArray(ids)) continue;
    const list = ids.filter((i): i is string => typeof i === 'string' && i !== '');
    if (list.length > 0) out[id] = [...(out[id] ?? []), ...list];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export async function requestToken(tokenEndpoint: string, preAuthorizedCode: string, txCode: string | undefined, options: HttpOptions & { now?: () => number }): Promise<AccessToken> {
  const form = new URLSearchParams({ grant_type: PRE_AUTHORIZED_GRANT, 'pre-authorized_code': preAuthorizedCode });
  // §6.1: tx_code only when the offer asked for one.
  if (txCode !== undefined) form.set('tx_code', txCode);
  const result = await send(tokenEndpoint, { method: 'POST', headers: FORM, body: form.toString() }, options);
  // §6.3: invalid_grant means "wrong tx_code" or "expired / used code" alike; say a code was sent.
  return parseToken(result, tokenEndpoint, ['bearer'], options.now?.() ?? Date.now(), (e) => {
    if (txCode !== undefined) e.details.txCodeSent = true;
  });
}

export interface CodeTokenRequest {
  code: string;
  codeVerifier: string;
  redirectUri: string;
  clientId: string;
  /** The session whose key the token is bound to; absent only for an AS without DPoP. */
  dpop?: DpopSession;
}

/** RFC 6749 §4.1.3 + RFC 7636 §4.5 + RFC 9449 §5: the code of a sign-in for a (DPoP-bound) token. */
export async function requestTokenWithCode(tokenEndpoint: string, request: CodeTokenRequest, options: HttpOptions & { now?: () => number }): Promise<AccessToken> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: request.code, code_verifier: request.codeVerifier, redirect_uri: request.redirectUri, client_id: request.clientId });
  const result = await sendWithAuth(tokenEndpoint, { method: 'POST', headers: { ...FORM }, body: form.toString() }, request.dpop ? { dpop: request.dpop } : {}, options);
  // HAIP 1.0: tokens are DPoP-bound; with a proof sent, a Bearer answer would be a downgrade.
  return parseToken(result, tokenEndpoint, request.dpop ? ['dpop'] : ['bearer'], options.now?.() ?? Date.now());
}
