/**
 * Nonce endpoint, OpenID4VCI 1.0 §7: POST with no body (§7.1), answered with `c_nonce` (§7.2).
 * §7.1 does not protect it; with a DPoP-bound token (sign-in) the token and a proof go along
 * anyway (RFC 9449 §7.1), as the credential request's do, so one server can ask for its DPoP nonce.
 */
import { sendWithAuth, type RequestAuth } from './dpop';
import { expectJson, requireString, type HttpOptions } from './http';

export async function requestNonce(nonceEndpoint: string, options: HttpOptions, auth: RequestAuth = {}): Promise<string> {
  const result = await sendWithAuth(nonceEndpoint, { method: 'POST', headers: { Accept: 'application/json' } }, auth, options);
  return requireString(expectJson(result, nonceEndpoint), 'c_nonce', nonceEndpoint);
}
