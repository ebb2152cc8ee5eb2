/** A fetch double for protocol tests: routes by method + URL to recorded or malformed answers, and logs requests. */
import type { Fetch } from '../../../../src/protocols/openid4vci/index';

export type Answer = Response | (() => Response | Promise<Response>) | 'network-error' | 'hang';

export interface FakeFetch {
  fetch: Fetch;
  requests: { method: string; url: string; headers: Headers; body: string }[];
}

export function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function text(body: string, status = 200, contentType = 'text/html'): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

/** routes: "GET https://…" → answer; an array answers in turn (the last one repeats). */
export function fakeFetch(routes: Record<string, Answer | Answer[]>): FakeFetch {
  const requests: FakeFetch['requests'] = [];
  const calls = new Map<string, number>();
  const fetch: Fetch = async (url, init = {}) => {
    const method = init.method ?? 'GET';
    requests.push({ method, url, headers: new Headers(init.headers), body: typeof init.body === 'string' ? init.body : '' });
    const key = `${method} ${url}`;
    const route = routes[key];
    if (route === undefined) return text('not found', 404, 'text/plain');
    const n = calls.get(key) ?? 0;
    calls.set(key, n + 1);
    const answer = Array.isArray(route) ? route[Math.min(n, route.length - 1)]! : route;
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (typeof answer === 'function') return answer();
    // A fresh response, not a clone: cancelling one branch of a teed body (clone()) waits for the
    // other branch, which nobody reads, so a reader stopping at the size cap would wait forever.
    const copy = answer.clone();
    const body = [204, 205, 304].includes(copy.status) ? null : await copy.arrayBuffer();
    return new Response(body, { status: copy.status, headers: copy.headers });
  };
  return { fetch, requests };
}
