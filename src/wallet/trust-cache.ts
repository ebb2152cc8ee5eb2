/**
 * The trust list and status lists the wallet has seen, cached encrypted (receive-store.ts) so
 * offline checks use the freshest copies. Refreshed when online and due:
 *  - trust list: after the `max-age` its publisher sends (Cache-Control), else TRUST_LIST_REFRESH_S,
 *    and never later than its `exp`; a list that fails to verify never replaces the last good one;
 *  - status lists: after their `ttl` (draft-ietf-oauth-status-list §5.1), else STATUS_LIST_REFRESH_S.
 * A cached trust list is re-parsed as of when it was fetched, so a list that was good then stays
 * usable offline after its `exp` (docs/credentials.md).
 */
import { parseTrustList, type SignatureVerifier, type TrustList } from '../credentials/index';
import { base64urlDecode } from '../lib/base64url';
import { utf8Decode } from '../lib/bytes';
import type { WalletConfig } from './config';
import type { CachedToken, ReceiveStore } from './receive-store';

export const TRUST_LIST_REFRESH_S = 3600;
export const STATUS_LIST_REFRESH_S = 300;
export const FETCH_TIMEOUT_MS = 15_000;

export type TrustFetch = (input: string, init?: RequestInit) => Promise<Response>;

export class TrustUnavailableError extends Error {
  constructor(
    message: string,
    readonly offline: boolean,
  ) {
    super(message);
    this.name = 'TrustUnavailableError';
  }
}

function maxAgeSeconds(cacheControl: string | null): number | undefined {
  const match = /(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl ?? '');
  return match ? Number(match[1]) : undefined;
}

/** A JWT's payload field, without verifying (only for cache timing; verification happens elsewhere). */
function payloadNumber(jwt: string, field: string): number | undefined {
  const bytes = base64urlDecode(jwt.split('.')[1] ?? '');
  const text = bytes && utf8Decode(bytes);
  try {
    const value = text ? (JSON.parse(text) as Record<string, unknown>)[field] : undefined;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

export class TrustCache {
  private parsed: { jwt: string; fetchedAt: number; trustList: TrustList } | undefined;

  constructor(
    private readonly store: ReceiveStore,
    private readonly config: WalletConfig,
    private readonly verifier: SignatureVerifier,
    private readonly fetchFn: TrustFetch,
    private readonly now: () => number,
  ) {}

  private async get(url: string): Promise<{ text: string; maxAge?: number }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
    let response: Response;
    try {
      response = await this.fetchFn(url, { signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new TrustUnavailableError(`Could not reach ${url}`, true);
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw new TrustUnavailableError(`${url} answered with HTTP status ${response.status}`, false);
    return { text: (await response.text()).trim(), maxAge: maxAgeSeconds(response.headers.get('Cache-Control')) };
  }

  private async parse(cached: CachedToken): Promise<TrustList | undefined> {
    if (this.parsed && this.parsed.jwt === cached.jwt) return this.parsed.trustList;
    if (this.config.trustListKeys.length === 0) return undefined;
    const result = await parseTrustList(cached.jwt, { pinnedKeys: this.config.trustListKeys, verifier: this.verifier, now: new Date(cached.fetchedAt) });
    if (!result.ok) return undefined;
    this.parsed = { jwt: cached.jwt, fetchedAt: cached.fetchedAt, trustList: result.trustList };
    return result.trustList;
  }

  /** The last good trust list, without going online. */
  async cachedTrustList(): Promise<TrustList | undefined> {
    const cached = (await this.store.read()).trustList;
    return cached ? this.parse(cached) : undefined;
  }

  /**
   * The trust list, refreshed first when due (or when `force`). Falls back to the cached one when
   * the network fails; throws TrustUnavailableError when there is none at all.
   */
  async trustList(options: { force?: boolean } = {}): Promise<TrustList> {
    const state = await this.store.read();
    const cached = state.trustList;
    if (cached && !options.force && this.now() < cached.refreshAfter) {
      const list = await this.parse(cached);
      if (list) return list;
    }
    if (!this.config.trustListUrl || this.config.trustListKeys.length === 0) throw new TrustUnavailableError('This build of Satchel has no trust list configured', false);
    let fresh: CachedToken | undefined;
    let failure: TrustUnavailableError | undefined;
    try {
      const { text, maxAge } = await this.get(this.config.trustListUrl);
      const fetchedAt = this.now();
      const exp = payloadNumber(text, 'exp');
      let refreshAfter = fetchedAt + (maxAge ?? TRUST_LIST_REFRESH_S) * 1000;
      if (exp !== undefined) refreshAfter = Math.min(refreshAfter, exp * 1000);
      fresh = { jwt: text, fetchedAt, refreshAfter };
      if (!(await this.parse(fresh))) {
        fresh = undefined;
        failure = new TrustUnavailableError('The trust list did not verify with the pinned operator key', false);
      }
    } catch (e) {
      failure = e instanceof TrustUnavailableError ? e : new TrustUnavailableError('The trust list could not be read', false);
    }
    if (fresh) {
      const token = fresh;
      await this.store.update((s) => void (s.trustList = token));
      return (await this.parse(fresh))!;
    }
    const fallback = cached && (await this.parse(cached));
    if (fallback) return fallback;
    throw failure!;
  }

  /** Status List Token from the cache; fetched (and cached) only when `online` and missing or due. */
  async statusList(uri: string, online: boolean): Promise<string> {
    const cached = (await this.store.read()).statusLists[uri];
    if (cached && (!online || this.now() < cached.refreshAfter)) return cached.jwt;
    if (!online) throw new TrustUnavailableError('No revocation list cached for this credential', true);
    try {
      return await this.fetchStatusList(uri);
    } catch (e) {
      if (cached) return cached.jwt;
      throw e;
    }
  }

  async fetchStatusList(uri: string): Promise<string> {
    const { text } = await this.get(uri);
    const fetchedAt = this.now();
    const ttl = payloadNumber(text, 'ttl');
    const token: CachedToken = { jwt: text, fetchedAt, refreshAfter: fetchedAt + (ttl ?? STATUS_LIST_REFRESH_S) * 1000 };
    // Cached as fetched; verifyCredential checks its signature against the trust list before any use.
    await this.store.update((s) => void (s.statusLists[uri] = token));
    return text;
  }

  async dropStatusLists(keep: ReadonlySet<string>): Promise<void> {
    await this.store.update((s) => {
      for (const uri of Object.keys(s.statusLists)) if (!keep.has(uri)) delete s.statusLists[uri];
    });
  }
}
