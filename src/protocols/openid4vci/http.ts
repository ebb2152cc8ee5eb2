/**
 * HTTP for the OpenID4VCI client over src/lib/bounded-fetch.ts: an injected fetch, one time limit
 * covering the whole exchange (headers and body), no cookies or redirects, a body read in chunks
 * and refused once past the cap, content-type checks, and errors that say which of "no
 * connection", "timeout", "server error" or "garbage" happened. Every URL must pass the wallet's
 * remote-URL policy before it is contacted (src/lib/remote-url.ts). OAuth error bodies (RFC 6749
 * §5.2: `error`, `error_description`) become kind 'oauth'.
 */
import { fetchBounded, FetchError, type Fetch } from '../../lib/bounded-fetch';
import { parseJsonObject, type JsonObject } from '../../lib/json-safe';
import { PRODUCTION_POLICY, remoteUrlProblem, type RemoteUrlPolicy } from '../../lib/remote-url';
import { Oid4vciError } from './errors';

export type { Fetch };

export interface HttpOptions {
  fetch: Fetch;
  /** Time limit per request, in milliseconds (headers and body). */
  timeoutMs?: number;
  /** Which URLs may be contacted; absent = production (https, no loopback hosts). */
  remoteUrls?: RemoteUrlPolicy;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Largest response body the client reads, in bytes (credentials with a portrait fit easily). */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
/** @deprecated the cap is in bytes: MAX_RESPONSE_BYTES. */
export const MAX_RESPONSE_CHARS = MAX_RESPONSE_BYTES;

export interface HttpResult {
  status: number;
  contentType: string;
  text: string;
  /** The response headers (DPoP-Nonce and WWW-Authenticate, RFC 9449 §8–9). */
  headers?: Headers;
}

/** Why `text` may not be contacted under `policy`, or undefined when it may (not a URL is a problem too). */
export function urlProblem(text: string, policy: RemoteUrlPolicy = PRODUCTION_POLICY): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${JSON.stringify(text.slice(0, 100))} is not an address`;
  }
  return remoteUrlProblem(url, policy);
}

/** Performs one request; rejects with Oid4vciError('network' | 'timeout' | 'bad-response'). */
export async function send(url: string, init: RequestInit, options: HttpOptions): Promise<HttpResult> {
  // The last guard: no request leaves for an address the policy refuses, whatever named it.
  const problem = urlProblem(url, options.remoteUrls);
  if (problem) throw new Oid4vciError('bad-response', `Satchel will not contact ${url}: ${problem}`, { url });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const response = await fetchBounded(url, init, { fetch: options.fetch, timeoutMs, maxBytes: MAX_RESPONSE_BYTES });
    return { status: response.status, contentType: response.contentType, text: response.text, headers: response.headers };
  } catch (e) {
    throw fromFetchError(e, url);
  }
}

/** FetchError kinds as the client's: a body over the cap is the issuer's fault ('bad-response'). */
function fromFetchError(e: unknown, url: string): Oid4vciError {
  if (e instanceof FetchError && e.kind === 'timeout') return new Oid4vciError('timeout', e.message, { url });
  if (e instanceof FetchError && e.kind === 'too-large') return new Oid4vciError('bad-response', e.message, { url });
  return new Oid4vciError('network', `Could not reach ${url}`, { url });
}

function isJsonType(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Reads an OAuth error body if there is one (RFC 6749 §5.2). */
function oauthError(result: HttpResult, url: string): Oid4vciError | undefined {
  if (!isJsonType(result.contentType)) return undefined;
  let body: JsonObject;
  try {
    body = parseJsonObject(result.text, 'The error response');
  } catch {
    return undefined;
  }
  if (typeof body.error !== 'string') return undefined;
  const description = typeof body.error_description === 'string' ? body.error_description : undefined;
  const tries = body.tx_code_tries_left;
  const details: Oid4vciError['details'] = { status: result.status, oauthError: body.error, url };
  if (description !== undefined) details.description = description;
  if (typeof tries === 'number' && Number.isInteger(tries) && tries >= 0) details.triesLeft = tries;
  return new Oid4vciError('oauth', `${url} answered ${body.error}${description ? `: ${description}` : ''}`, details);
}

/**
 * Expects a JSON object with one of `okStatuses`; turns OAuth errors, other statuses, wrong
 * content types and unparsable bodies into Oid4vciErrors.
 */
export function expectJson(result: HttpResult, url: string, okStatuses: readonly number[] = [200]): JsonObject {
  if (!okStatuses.includes(result.status)) {
    const oauth = result.status >= 400 && result.status < 500 ? oauthError(result, url) : undefined;
    if (oauth) throw oauth;
    throw new Oid4vciError('http', `${url} answered with HTTP status ${result.status}`, { status: result.status, url });
  }
  if (!isJsonType(result.contentType)) throw new Oid4vciError('bad-response', `${url} did not answer with JSON (content type ${JSON.stringify(result.contentType)})`, { status: result.status, url });
  try {
    return parseJsonObject(result.text, `The answer from ${url}`);
  } catch {
    throw new Oid4vciError('bad-response', `The answer from ${url} is not a JSON object`, { status: result.status, url });
  }
}

export function getJson(url: string, options: HttpOptions): Promise<JsonObject> {
  return send(url, { method: 'GET', headers: { Accept: 'application/json' } }, options).then((r) => expectJson(r, url));
}

/** A required string field of a response; a missing or wrongly typed one is a 'bad-response'. */
export function requireString(body: JsonObject, field: string, url: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new Oid4vciError('bad-response', `The answer from ${url} has no ${field}`, { url });
  return value;
}

export function optionalString(body: JsonObject, field: string, url: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new Oid4vciError('bad-response', `The answer from ${url} has a ${field} that is not text`, { url });
  return value;
}
