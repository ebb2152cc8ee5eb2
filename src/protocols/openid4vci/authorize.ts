/**
 * The authorisation request of the Authorization Code flow (OpenID4VCI 1.0 §5, HAIP 1.0): the
 * person signs in at the issuer's authorisation server in the browser, which comes back to the
 * wallet's redirect_uri with a code.
 *
 *   PKCE (RFC 7636 §4.1–4.2): 32 random bytes → base64url code_verifier; code_challenge =
 *     base64url(SHA-256(verifier)), method S256.
 *   Parameters (§5.1, RFC 6749 §4.1.1): response_type=code, client_id, redirect_uri, state,
 *     code_challenge(+_method), issuer_state from the offer (§4.1.1), and what is asked for —
 *     `scope` when the configuration names one (§5.1.2), else `authorization_details` of type
 *     openid_credential with its credential_configuration_id (§5.1.1).
 *   PAR (RFC 9126 §2.1): the parameters are POSTed to the pushed authorisation request endpoint,
 *     which answers request_uri + expires_in (§2.2); the browser then goes to
 *     authorization_endpoint?client_id=…&request_uri=… (§4). HAIP requires PAR; with an AS that
 *     has no PAR endpoint the same parameters go on the authorisation URL instead.
 *   The redirect (RFC 6749 §4.1.2, §4.1.2.1): `code` and `state` (which must be the one sent), or
 *     `error`; `iss` (RFC 9207 §2) must be the AS's issuer when it says it sends one.
 *
 * Satchel is a public client (RFC 6749 §2.1): client_id is the wallet's origin URL, and there is
 * no client authentication (no wallet attestation: docs/issuers.md).
 */
import { base64urlEncode } from '../../lib/base64url';
import { asciiBytes } from '../../lib/bytes';
import { Oid4vciError } from './errors';
import { expectJson, requireString, send, type HttpOptions } from './http';
import type { AuthorizationServerMetadata } from './metadata';

const VERIFIER_BYTES = 32;
const STATE_BYTES = 16;

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** RFC 7636 §4.2: S256 code_challenge of a code_verifier. */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', asciiBytes(verifier) as Uint8Array<ArrayBuffer>)));
}

/** RFC 7636 §4.1: a 43-character verifier from 32 random bytes, and its S256 challenge. */
export async function createPkce(): Promise<Pkce> {
  const verifier = base64urlEncode(crypto.getRandomValues(new Uint8Array(VERIFIER_BYTES)));
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/** RFC 6749 §10.12: an unguessable state binding the redirect to this request. */
export const randomState = (): string => base64urlEncode(crypto.getRandomValues(new Uint8Array(STATE_BYTES)));

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  /** §4.1.1: from the offer's authorization_code grant, passed back unchanged. */
  issuerState?: string;
  credentialIssuer: string;
  /** What is asked for: per configuration, §5.1.2 scope when it names one, else §5.1.1 authorization_details. */
  credentials: { configurationId: string; scope?: string }[];
  /** The issuer names its authorisation server(s) separately (§12.2.4 authorization_servers). */
  separateAuthorizationServer?: boolean;
  /** OpenID Connect Core 1.0 §3.1.2.1 ui_locales: the language the person uses Satchel in, for the sign-in page. */
  uiLocales?: string;
}

/** The authorisation request parameters (§5.1, RFC 7636 §4.3). */
export function authorizationParameters(request: AuthorizationRequest): URLSearchParams {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
  if (request.issuerState !== undefined) params.set('issuer_state', request.issuerState);
  if (request.uiLocales !== undefined && request.uiLocales !== '') params.set('ui_locales', request.uiLocales);
  const scopes = [...new Set(request.credentials.flatMap((c) => (c.scope !== undefined ? [c.scope] : [])))];
  if (scopes.length > 0) {
    params.set('scope', scopes.join(' '));
    // §5.1.2: with a separate AS, the resource parameter (RFC 8707) names the issuer.
    if (request.separateAuthorizationServer) params.set('resource', request.credentialIssuer);
  }
  const details = request.credentials.flatMap((c) => {
    if (c.scope !== undefined) return [];
    const detail: Record<string, unknown> = { type: 'openid_credential', credential_configuration_id: c.configurationId };
    // §5.1.1: locations names the issuer when the AS is a separate server.
    if (request.separateAuthorizationServer) detail.locations = [request.credentialIssuer];
    return [detail];
  });
  if (details.length > 0) params.set('authorization_details', JSON.stringify(details));
  return params;
}

/** RFC 9126 §2: push the parameters; the answer's request_uri stands for them (§2.2). */
export async function pushAuthorizationRequest(parEndpoint: string, params: URLSearchParams, options: HttpOptions): Promise<{ requestUri: string; expiresIn?: number }> {
  const result = await send(parEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: params.toString() }, options);
  // §2.2: success is 201 Created (200 is accepted from lenient servers).
  const body = expectJson(result, parEndpoint, [201, 200]);
  const out: { requestUri: string; expiresIn?: number } = { requestUri: requireString(body, 'request_uri', parEndpoint) };
  if (typeof body.expires_in === 'number' && body.expires_in > 0) out.expiresIn = body.expires_in;
  return out;
}

/**
 * Where to send the browser: with PAR, authorization_endpoint?client_id&request_uri (RFC 9126 §4);
 * without, the parameters themselves (RFC 6749 §4.1.1).
 */
export async function authorizationUrl(as: AuthorizationServerMetadata, request: AuthorizationRequest, options: HttpOptions): Promise<string> {
  if (!as.authorizationEndpoint) throw new Oid4vciError('bad-response', `The issuer's sign-in service ${as.issuer} has no authorisation endpoint`, { url: as.issuer });
  const params = authorizationParameters(request);
  const url = new URL(as.authorizationEndpoint);
  if (as.pushedAuthorizationRequestEndpoint) {
    const pushed = await pushAuthorizationRequest(as.pushedAuthorizationRequestEndpoint, params, options);
    url.searchParams.set('client_id', request.clientId);
    url.searchParams.set('request_uri', pushed.requestUri);
  } else {
    if (as.requirePushedAuthorizationRequests) throw new Oid4vciError('bad-response', `${as.issuer} requires pushed authorisation requests but has no endpoint for them`, { url: as.issuer });
    for (const [k, v] of params) url.searchParams.set(k, v);
  }
  return url.toString();
}

export interface AuthorizationResponse {
  state?: string;
  code?: string;
  error?: string;
  errorDescription?: string;
  iss?: string;
}

/** Reads the redirect back to the wallet (RFC 6749 §4.1.2): query parameters of `redirectUrl`. */
export function readAuthorizationResponse(redirectUrl: string): AuthorizationResponse {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw new Oid4vciError('bad-response', 'The sign-in did not come back with an address Satchel can read');
  }
  const out: AuthorizationResponse = {};
  for (const [field, key] of [['state', 'state'], ['code', 'code'], ['error', 'error'], ['errorDescription', 'error_description'], ['iss', 'iss']] as const) {
    const value = url.searchParams.get(key);
    if (value !== null && value !== '') out[field] = value;
  }
  return out;
}

/**
 * The code of a redirect that answers the request with `state` sent to `as`, or an Oid4vciError:
 * kind 'oauth' with `authorizationResponse: true` for an error answer (RFC 6749 §4.1.2.1, e.g.
 * access_denied when the person cancelled), 'bad-response' for a wrong state or iss.
 */
export function authorizationCode(response: AuthorizationResponse, expected: { state: string; as: Pick<AuthorizationServerMetadata, 'issuer' | 'issParameterSupported'> }): string {
  // RFC 6749 §10.12: a redirect for another request (or a forged one) is refused before anything else.
  if (response.state !== expected.state) throw new Oid4vciError('bad-response', 'The sign-in came back for a different request (state does not match)');
  // RFC 9207 §2.4: when the AS says it sends iss, it must be there and be the AS's issuer identifier.
  if (expected.as.issParameterSupported || response.iss !== undefined) {
    if (response.iss?.replace(/\/$/, '') !== expected.as.issuer.replace(/\/$/, '')) throw new Oid4vciError('bad-response', `The sign-in came back from ${response.iss ?? 'an unnamed server'}, not ${expected.as.issuer} (iss)`);
  }
  if (response.error !== undefined) {
    const details: Oid4vciError['details'] = { oauthError: response.error, authorizationResponse: true };
    if (response.errorDescription !== undefined) details.description = response.errorDescription.slice(0, 300);
    throw new Oid4vciError('oauth', `The sign-in ended with ${response.error}${details.description ? `: ${details.description}` : ''}`, details);
  }
  if (response.code === undefined) throw new Oid4vciError('bad-response', 'The sign-in came back without an authorisation code');
  return response.code;
}
