/**
 * One way to fetch anything from another origin (issuers, trust list, status lists, verifiers):
 * an injected fetch, one time limit covering the whole exchange (headers and body), no cookies,
 * no redirects, and a body read in chunks that stops as soon as it passes `maxBytes` — a hostile
 * or broken server cannot make a cheap phone buffer more than the cap.
 */
import { concatBytes } from './bytes';

/** Lenient: a body that is not UTF-8 then fails where it is parsed, with that parser's message. */
const textDecoder = new TextDecoder();

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type FetchFailure = 'network' | 'timeout' | 'too-large';

export class FetchError extends Error {
  constructor(
    readonly kind: FetchFailure,
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface BoundedFetchOptions {
  fetch: Fetch;
  /** Time limit for the whole exchange, in milliseconds. */
  timeoutMs: number;
  /** Largest body read, in bytes; a longer one is refused as 'too-large' without reading on. */
  maxBytes: number;
}

export interface BoundedResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  /** Lower-cased Content-Type ('' when absent). */
  contentType: string;
  body: Uint8Array;
  /** The body decoded as UTF-8 (invalid sequences become U+FFFD and fail to parse later). */
  text: string;
}

/**
 * Reads a response body chunk by chunk; cancels the stream and throws FetchError('too-large')
 * once more than `maxBytes` have arrived (a declared Content-Length over the cap is refused first).
 */
export async function readBodyCapped(response: Response, maxBytes: number, url = response.url, signal?: AbortSignal): Promise<Uint8Array> {
  const tooLarge = () => new FetchError('too-large', url, `The answer from ${url} is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Not awaited: a cloned response's body stays open while its twin is unread, and would hang us.
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // Not every fetch errors a body it is reading when its signal aborts: stop reading ourselves.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      stop();
      throw tooLarge();
    }
    chunks.push(value);
  }
  signal?.removeEventListener('abort', stop);
  return concatBytes(...chunks);
}

/** Performs one request under the time and size limits; rejects with FetchError. */
export async function fetchBounded(url: string, init: RequestInit, options: BoundedFetchOptions): Promise<BoundedResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const response = await options.fetch(url, { ...init, signal: controller.signal, credentials: 'omit', redirect: 'error' });
    const body = await readBodyCapped(response, options.maxBytes, url, controller.signal);
    return {
      status: response.status,
      ok: response.ok,
      headers: response.headers,
      contentType: (response.headers.get('Content-Type') ?? '').toLowerCase(),
      body,
      text: textDecoder.decode(body),
    };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (timedOut) throw new FetchError('timeout', url, `${url} did not answer within ${Math.round(options.timeoutMs / 1000)} seconds`);
    throw new FetchError('network', url, `Could not reach ${url}`);
  } finally {
    clearTimeout(timer);
  }
}
