/**
 * The Authorization Response of OpenID4VP 1.0: `vp_token` as a JSON object keyed by DCQL
 * credential query id, each an array of presentations (§8.1), sent by `direct_post` (§8.2, form
 * fields vp_token and state) or `direct_post.jwt` (§8.3: the same parameters as a JSON object,
 * encrypted as a JWE with ECDH-ES and A128GCM or A256GCM to the verifier's key and sent as `response`,
 * not compressed unless the verifier asks).
 * The in-person QR carries the same JWE (src/protocols/in-person).
 */
import { fetchBounded, type Fetch } from '../../lib/bounded-fetch';
import { utf8Encode } from '../../lib/bytes';
import { encryptJwe, JWE_ENC, type EncryptOptions } from '../../lib/jwe';
import { isJsonObject } from '../../lib/json-safe';
import type { ValidatedRequest } from './request-object';

export interface ResponseParameters {
  vp_token: Record<string, string[]>;
  state?: string;
}

export function responseParameters(request: ValidatedRequest, queryId: string, presentation: string): ResponseParameters {
  return answerParameters(request, { [queryId]: [presentation] });
}

/** §8.1: one vp_token for the whole answer — every credential query answered, each an array of presentations. */
export function answerParameters(request: ValidatedRequest, vpToken: Record<string, string[]>): ResponseParameters {
  const params: ResponseParameters = { vp_token: vpToken };
  if (request.state !== undefined) params.state = request.state;
  return params;
}

/**
 * §8.3: the encrypted response, with the content encryption chosen from the verifier's metadata
 * (§5.1), compressed (RFC 7516 §4.1.3) only when the request allows it (in person, or a verifier that asks).
 */
export async function encryptResponse(request: ValidatedRequest, params: ResponseParameters): Promise<string> {
  if (!request.encryptionKey) throw new TypeError('request.encryptionKey is missing: this request does not take an encrypted response');
  const options: EncryptOptions = { compress: request.compressResponse === true, enc: request.encryptionEnc ?? JWE_ENC };
  if (request.encryptionKey.kid !== undefined) options.kid = request.encryptionKey.kid;
  return encryptJwe(utf8Encode(JSON.stringify(params)), request.encryptionKey, options);
}

export class ResponsePostError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ResponsePostError';
  }
}

/** How long posting the answer may take (it carries the presentations), and the most of the verifier's reply read (a redirect_uri, §8.2). */
export const RESPONSE_POST_TIMEOUT_MS = 30_000;
export const RESPONSE_ANSWER_MAX_BYTES = 16 * 1024;

/**
 * POSTs to response_uri (§8.2) through fetchBounded; returns the verifier's redirect_uri when it
 * gives one (§8.2). Rejects with ResponsePostError (refused) or FetchError (unreachable, too slow, reply too large).
 */
export async function postResponse(request: ValidatedRequest, params: ResponseParameters, fetchImpl: Fetch): Promise<{ redirectUri?: string }> {
  if (!request.responseUri) throw new TypeError('request.responseUri is missing');
  const form = new URLSearchParams();
  if (request.responseMode === 'direct_post.jwt') {
    form.set('response', await encryptResponse(request, params));
  } else {
    form.set('vp_token', JSON.stringify(params.vp_token));
    if (params.state !== undefined) form.set('state', params.state);
  }
  const response = await fetchBounded(
    request.responseUri,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
    { fetch: fetchImpl, timeoutMs: RESPONSE_POST_TIMEOUT_MS, maxBytes: RESPONSE_ANSWER_MAX_BYTES },
  );
  if (!response.ok) throw new ResponsePostError(response.status, `The verifier refused the response (${response.status})`);
  let body: unknown;
  try {
    body = JSON.parse(response.text) as unknown;
  } catch {
    body = {};
  }
  const redirect = isJsonObject(body) ? body.redirect_uri : undefined;
  if (typeof redirect === 'string') {
    try {
      const url = new URL(redirect);
      if (url.protocol === 'https:' || url.protocol === 'http:') return { redirectUri: url.toString() };
    } catch {
      // not a URL: ignored
    }
  }
  return {};
}

/** §8.5 error codes a wallet sends after reading a request (RFC 6749 §4.1.2.1 for the rest). */
export type AuthorizationErrorCode = 'access_denied';

/** How long telling a verifier "no" may take, and the most of its answer read (it is only a redirect_uri). */
export const ERROR_RESPONSE_TIMEOUT_MS = 15_000;
export const ERROR_RESPONSE_MAX_BYTES = 16 * 1024;

/** §8.2: the `redirect_uri` a Response URI may answer with, when it is a web address (anything else is ignored). */
function redirectUriIn(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const redirect = isJsonObject(body) ? body.redirect_uri : undefined;
  if (typeof redirect !== 'string') return undefined;
  try {
    const url = new URL(redirect); // not URL.canParse: Chrome 120+, newer than the targets
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells the verifier the request will not be answered (§8.5 Error Response): `error` (and `state`
 * when the request had one) POSTed as form fields to response_uri (§8.2's error example). For
 * `direct_post.jwt` too the error goes unencrypted (§8.3.1: "MAY send an error response without
 * encryption as per" §8.2): it carries nothing about the person. §8.5: access_denied covers both
 * "the Wallet did not have the requested Credentials" and "the End-User did not give consent", so
 * the verifier cannot tell which. Resolves when the verifier accepted it, with the redirect_uri it
 * gave for error responses too (§8.2: the wallet "MUST redirect the user agent" there); rejects
 * with ResponsePostError (refused) or FetchError (unreachable, too slow).
 */
export async function postErrorResponse(request: ValidatedRequest, error: AuthorizationErrorCode, fetchImpl: Fetch): Promise<{ redirectUri?: string }> {
  if (!request.responseUri) throw new TypeError('request.responseUri is missing');
  const form = new URLSearchParams({ error });
  if (request.state !== undefined) form.set('state', request.state);
  const response = await fetchBounded(
    request.responseUri,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
    { fetch: fetchImpl, timeoutMs: ERROR_RESPONSE_TIMEOUT_MS, maxBytes: ERROR_RESPONSE_MAX_BYTES },
  );
  if (!response.ok) throw new ResponsePostError(response.status, `The verifier refused the error response (${response.status})`);
  const redirectUri = redirectUriIn(response.text);
  return redirectUri === undefined ? {} : { redirectUri };
}

/** Verifier side: reads `vp_token` of a decrypted/posted response (§8.1). Undefined if malformed. */
export function readResponseParameters(value: unknown): ResponseParameters | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.vp_token)) return undefined;
  const vp: Record<string, string[]> = {};
  for (const [id, list] of Object.entries(value.vp_token)) {
    if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string')) return undefined;
    vp[id] = list as string[];
  }
  const params: ResponseParameters = { vp_token: vp };
  if (typeof value.state === 'string') params.state = value.state;
  return params;
}
