/**
 * Reading an OpenID4VP 1.0 Authorization Request from a link or a scanned QR (§5, §5.10), in
 * any of the three ways §5 allows: `openid4vp://?client_id=…&request_uri=…` (or any URL with
 * those query parameters, as a same-device link), fetching the request object from `request_uri`
 * (§5.10, with `request_uri_method` get or post, §5.10.1); a request object by value (`request`);
 * or the request as plain URL parameters (RFC 6749 §4.1.1 — "MAY" use a request object, §5 — with
 * JSON-valued parameters such as `dcql_query` and `client_metadata` as JSON text, as in §5.9.3's
 * own `redirect_uri:` example). A request object is a JWT with `typ` `oauth-authz-req+jwt`
 * (§5, RFC 9101 §10.8). Unsigned (`alg` none) requests are accepted only with the `redirect_uri:`
 * Client Identifier Prefix (§5.9.3), which validateRequestObject enforces for all three. Signed
 * request objects (RFC 9101 §6.2; ES256 only, HAIP 1.0) are accepted only with the
 * `x509_san_dns:` and `x509_hash:` prefixes, by value or by `request_uri`, once signed-request.ts
 * has validated the `x5c` chain to a register CA (ResolveOptions.anchors) and verified the
 * signatures (ResolveOptions.verifier); the validated request then carries its `signer`.
 */
import { base64urlDecode } from '../../lib/base64url';
import { FetchError, fetchBounded } from '../../lib/bounded-fetch';
import { PRODUCTION_POLICY, remoteUrlProblem, type RemoteUrlPolicy } from '../../lib/remote-url';
import { utf8Decode } from '../../lib/bytes';
import { parseJsonObject, type JsonObject } from '../../lib/json-safe';
import type { SignatureVerifier } from '../../lib/signature-verifier';
import { RequestError, validateRequestObject, type RequestSigner, type ValidatedRequest } from './request-object';

export const REQUEST_OBJECT_TYP = 'oauth-authz-req+jwt';
/**
 * A request object is a few KiB (a DCQL query, the verifier's key and metadata, an x5c chain at
 * most); 64 KiB leaves room for large queries while a hostile or broken request_uri cannot make a
 * phone read more: the body is streamed and stopped there (src/lib/bounded-fetch.ts).
 */
export const REQUEST_OBJECT_MAX_BYTES = 64 * 1024;
export const REQUEST_OBJECT_MAX_CHARS = REQUEST_OBJECT_MAX_BYTES;
/** One time limit for fetching the request object (headers and body), as for an issuer's answers. */
export const REQUEST_FETCH_TIMEOUT_MS = 20_000;

export interface ResolveOptions {
  fetch: typeof fetch;
  now: Date;
  /** Where the wallet may fetch from and send answers to (src/lib/remote-url.ts); absent = production rules. */
  remoteUrls?: RemoteUrlPolicy;
  timeoutMs?: number;
  /** Checks a signed request's signature and its certificates' (one batch); without it a signed request is refused. */
  verifier?: SignatureVerifier;
  /**
   * The register CAs (DER) of the trust list's verifier register (`verifier_register.anchors`). A
   * signed request's x5c must chain to one; absent or empty: every signed request is refused
   * ('certificate-unlisted'), unsigned ones are read as before.
   */
  anchors?: readonly Uint8Array[];
}

export interface AuthorizationRequestLink {
  clientId: string;
  requestUri?: string;
  requestUriMethod: 'get' | 'post';
  /** A request object passed by value (`request`, §5). */
  request?: string;
  /** The request itself as URL parameters (§5), JSON-valued ones already parsed. */
  parameters?: Record<string, unknown>;
}

/** Authorization Request parameters whose value is a JSON object or array, sent as JSON text (§5.1). */
const JSON_PARAMETERS: ReadonlySet<string> = new Set(['dcql_query', 'client_metadata', 'presentation_definition', 'transaction_data', 'verifier_info']);

function requestParameters(q: URLSearchParams): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of q) {
    if (name in parameters) throw new RequestError('malformed', `The request repeats the parameter ${name}`);
    if (!JSON_PARAMETERS.has(name)) {
      parameters[name] = value;
      continue;
    }
    try {
      parameters[name] = JSON.parse(value) as unknown;
    } catch {
      throw new RequestError('malformed', `The request parameter ${name} is not valid JSON`);
    }
  }
  return parameters;
}

/** Whether the text looks like an OpenID4VP request link at all (else: "not a request"). */
export function parseAuthorizationRequestLink(input: string): AuthorizationRequestLink | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  const q = url.searchParams;
  const clientId = q.get('client_id');
  const requestUri = q.get('request_uri');
  const request = q.get('request');
  if (clientId === null) return undefined;
  // §5: no request object — the parameters are the request (response_type is REQUIRED, RFC 6749
  // §4.1.1). An OAuth link of another kind (response_type=code…) is not an OpenID4VP request at all.
  if (requestUri === null && request === null) return q.get('response_type')?.split(' ').includes('vp_token') ? { clientId, requestUriMethod: 'get', parameters: requestParameters(q) } : undefined;
  const method = q.get('request_uri_method') ?? 'get';
  if (method !== 'get' && method !== 'post') throw new RequestError('malformed', 'request_uri_method must be get or post');
  const link: AuthorizationRequestLink = { clientId, requestUriMethod: method };
  if (requestUri !== null) link.requestUri = requestUri;
  if (request !== null) link.request = request;
  return link;
}

export interface DecodedRequestObject {
  header: JsonObject;
  payload: JsonObject;
  /** An ES256 request object: what its signature covers and the signature (not yet checked: signed-request.ts). Absent: alg none. */
  signed?: { signingInput: Uint8Array; signature: Uint8Array };
}

/** Decodes a request object JWT, unsigned (alg none) or ES256 (its signature not yet checked); returns header and payload. */
export function decodeRequestObject(jwt: string): DecodedRequestObject {
  if (jwt.length > REQUEST_OBJECT_MAX_CHARS) throw new RequestError('malformed', 'The request object is too large');
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) throw new RequestError('malformed', 'The request object is not a JWT');
  const json = (segment: string, what: string): JsonObject => {
    const bytes = base64urlDecode(segment);
    const text = bytes && utf8Decode(bytes);
    if (text === undefined) throw new RequestError('malformed', `The request object ${what} is not base64url UTF-8`);
    try {
      return parseJsonObject(text, what);
    } catch {
      throw new RequestError('malformed', `The request object ${what} is not a JSON object`);
    }
  };
  const header = json(parts[0]!, 'header');
  const payload = json(parts[1]!, 'payload');
  // §5: request objects MUST carry typ oauth-authz-req+jwt (RFC 9101 §10.8), so that no other kind of JWT passes as one.
  if (header.typ !== REQUEST_OBJECT_TYP) throw new RequestError('malformed', `The request object has typ ${JSON.stringify(header.typ ?? null)}, not ${REQUEST_OBJECT_TYP}`);
  if (header.alg === 'none') {
    if (parts[2] !== '') throw new RequestError('malformed', 'The request object says it is unsigned (alg none) but carries a signature');
    return { header, payload };
  }
  // HAIP 1.0: signed request objects use ES256.
  if (header.alg !== 'ES256') throw new RequestError('malformed', `The request object is signed with ${JSON.stringify(header.alg ?? null)}; Satchel accepts ES256 signatures only (HAIP 1.0)`);
  // RFC 7515 §4.1.11: extensions named in crit must be understood; Satchel understands none.
  if (header.crit !== undefined) throw new RequestError('malformed', 'The request object header lists critical extensions (crit) that Satchel does not understand');
  const signature = base64urlDecode(parts[2]!);
  if (!signature || signature.length === 0) throw new RequestError('malformed', 'The request object signature is not base64url');
  // RFC 7515 §5.2: the signing input is the ASCII of the two encoded segments as sent.
  return { header, payload, signed: { signingInput: new TextEncoder().encode(`${parts[0]}.${parts[1]}`), signature } };
}

/** Fetches and validates the request a link points to (§5.10). Network failures reject with the fetch error. */
export async function resolveAuthorizationRequest(link: AuthorizationRequestLink, options: ResolveOptions): Promise<ValidatedRequest> {
  const policy = options.remoteUrls ?? PRODUCTION_POLICY;
  const validation = { channel: 'online', expectedClientId: link.clientId, remoteUrls: policy } as const;
  // By value as parameters: the same validation as a request object (§5).
  if (link.parameters !== undefined) return validateRequestObject(link.parameters, options.now, validation);
  let jwt = link.request;
  if (jwt === undefined) {
    let uri: URL;
    try {
      uri = new URL(link.requestUri!);
    } catch {
      throw new RequestError('malformed', 'The request_uri is not a URL');
    }
    const problem = remoteUrlProblem(uri, policy);
    if (problem !== undefined) throw new RequestError('malformed', `Satchel will not fetch a request from this request_uri: ${problem}`);
    // §5.10.1: with "post" the wallet POSTs (form-encoded, wallet_metadata optional); otherwise GET.
    const init: RequestInit =
      link.requestUriMethod === 'post'
        ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/oauth-authz-req+jwt' }, body: '' }
        : { method: 'GET', headers: { accept: 'application/oauth-authz-req+jwt' } };
    let response;
    try {
      response = await fetchBounded(uri.toString(), init, { fetch: options.fetch, timeoutMs: options.timeoutMs ?? REQUEST_FETCH_TIMEOUT_MS, maxBytes: REQUEST_OBJECT_MAX_BYTES });
    } catch (error) {
      if (error instanceof FetchError && error.kind === 'too-large') throw new RequestError('malformed', 'The request object is too large');
      throw error;
    }
    if (response.status === 404 || response.status === 410) throw new RequestError('expired', 'The verifier no longer has this request: ask for a new one');
    if (!response.ok) throw new RequestError('malformed', `The verifier answered ${response.status} for the request`);
    jwt = response.text;
  }
  const { header, payload, signed } = decodeRequestObject(jwt);
  if (!signed) return validateRequestObject(payload, options.now, validation);
  // §5.10: the link's client_id and the request object's are the same; checked first so that a
  // mismatch is reported as such, not as a certificate that does not fit.
  if (payload.client_id !== link.clientId) throw new RequestError('malformed', 'The request object names another client_id than the link');
  // Loaded only for a signed request: certificate parsing (ASN.1) is not needed to read an unsigned one.
  const { verifyRequestSigner } = await import('./signed-request');
  const signer: RequestSigner = await verifyRequestSigner({ header, ...signed }, link.clientId, options);
  return validateRequestObject(payload, options.now, { ...validation, signer });
}
