/**
 * The reference verifier (src/server/verifier) as the wallet's fetch, in process (its Hono app
 * answers each Request), for the online OpenID4VP tests: `start(purpose)` does what a person does on
 * its start page (POST /start, follow to the transaction page) and returns the wallet link
 * (request_uri, OpenID4VP 1.0 §5.10) the page offers; `lastResponseBody` is the last direct_post.jwt
 * form (§8.3) the wallet posted, for replay tests.
 */
import type { TrustList } from '../../src/credentials/index';
import { verifierApp, type VerifierAppOptions } from '../../src/server/verifier/verifier-app';

export const VERIFIER_URL = 'http://localhost:5180';
const WALLET_URL = 'http://wallet.example';

/** The reference verifier at VERIFIER_URL for the wallet at http://wallet.example, trusting `world`'s trust list and reading its status lists. */
export function verifierOver(world: { trustList: TrustList; statusLists: Record<string, string> }, options: Omit<VerifierAppOptions, 'url' | 'walletUrl' | 'walletOrigins' | 'trustList' | 'fetchStatusList'>): ReturnType<typeof verifierApp> {
  return verifierApp({
    url: VERIFIER_URL,
    walletUrl: WALLET_URL,
    walletOrigins: [WALLET_URL],
    trustList: async () => world.trustList,
    fetchStatusList: async (uri) => world.statusLists[uri]!,
    ...options,
  });
}

export interface StartedTransaction {
  link: string;
  txUrl: string;
  txId: string;
  /** The status of the POST /start answer (303 when it redirects to the transaction). */
  status: number;
  /** The transaction page's HTML. */
  page: string;
}

export interface InProcessVerifier {
  fetch: typeof fetch;
  start(purpose: string): Promise<StartedTransaction>;
  readonly lastResponseBody: string | undefined;
}

/** `current()` is read at each request, so a test's beforeEach may make a new verifier. */
export function inProcessVerifier(current: () => ReturnType<typeof verifierApp>): InProcessVerifier {
  let lastResponseBody: string | undefined;
  const fetchApp: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' || input instanceof URL ? input.toString() : input.url;
    if (url.endsWith('/response') && typeof init?.body === 'string') lastResponseBody = init.body;
    return current().app.fetch(new Request(url, init));
  };
  return {
    fetch: fetchApp,
    async start(purpose) {
      const res = await fetchApp(`${VERIFIER_URL}/start`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: VERIFIER_URL }, body: `purpose=${purpose}` });
      const txUrl = `${VERIFIER_URL}${res.headers.get('location')}`;
      const page = await (await fetchApp(txUrl)).text();
      const link = /href="(http:\/\/wallet\.example\/share\?[^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
      return { link, txUrl, txId: txUrl.split('/').pop()!, status: res.status, page };
    },
    get lastResponseBody() {
      return lastResponseBody;
    },
  };
}
