/**
 * Fetching a signed list — the trust list or a Status List Token — for the wallet's caches
 * (trust-cache.ts for receiving, check-trust.ts for checking): only from an address the remote-URL
 * policy allows (src/lib/remote-url.ts), through fetchBounded (one time limit, no cookies or
 * redirects, the body stopped at `maxBytes` while it streams in).
 */
import { FetchError, fetchBounded, type Fetch } from '../../lib/bounded-fetch';
import { PRODUCTION_POLICY, remoteUrlProblem, type RemoteUrlPolicy } from '../../lib/remote-url';

/** No list could be had: `offline` when the network failed (try again later), not when the answer was bad. */
export class TrustUnavailableError extends Error {
  constructor(
    message: string,
    readonly offline: boolean,
  ) {
    super(message);
    this.name = 'TrustUnavailableError';
  }
}

export interface ListFetchOptions {
  fetch: Fetch;
  timeoutMs: number;
  maxBytes: number;
  remoteUrls?: RemoteUrlPolicy;
}

/** RFC 9111 §5.2.2.1 max-age, in seconds, when the publisher sent one. */
function maxAgeSeconds(cacheControl: string | null): number | undefined {
  const match = /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The list's text (trimmed) and the publisher's max-age; rejects with TrustUnavailableError. */
export async function fetchSignedList(url: string, options: ListFetchOptions): Promise<{ text: string; maxAge?: number }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TrustUnavailableError(`${JSON.stringify(url)} is not a web address`, false);
  }
  const problem = remoteUrlProblem(parsed, options.remoteUrls ?? PRODUCTION_POLICY);
  if (problem) throw new TrustUnavailableError(`Satchel will not fetch ${url}: ${problem}`, false);
  try {
    const response = await fetchBounded(url, { cache: 'no-store' }, { fetch: options.fetch, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
    if (!response.ok) throw new TrustUnavailableError(`${url} answered with HTTP status ${response.status}`, false);
    return { text: response.text.trim(), maxAge: maxAgeSeconds(response.headers.get('Cache-Control')) };
  } catch (e) {
    if (e instanceof FetchError) throw new TrustUnavailableError(e.message, e.kind !== 'too-large');
    throw e;
  }
}
