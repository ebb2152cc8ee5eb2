/**
 * A server that answers every request with a redirect (RFC 9110 §15.4) to `target`, fetched the
 * way a browser fetches: with `redirect: 'error'` the fetch rejects (a TypeError, as in Chromium),
 * otherwise it is followed and the target answers `body`. `seen` records each request's init, so a
 * test can also assert cookies were not sent; `followed` records each redirect taken.
 */
export function redirectingFetch(target: string, body: () => Response | Promise<Response> = () => new Response('')): { fetch: typeof fetch; seen: RequestInit[]; followed: string[] } {
  const seen: RequestInit[] = [];
  const followed: string[] = [];
  return {
    seen,
    followed,
    fetch: async (_input, init = {}) => {
      seen.push(init);
      if (init.redirect === 'error') throw new TypeError('Failed to fetch: the server redirected');
      if (init.redirect === 'manual') return new Response(null, { status: 302, headers: { Location: target } });
      followed.push(target);
      return body();
    },
  };
}
