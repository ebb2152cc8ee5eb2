/**
 * The trust list and status lists the wallet has seen, cached encrypted (receive-store.ts) so
 * offline checks use the freshest copies. Refreshed when online and due:
 *  - trust list: after the `max-age` its publisher sends (Cache-Control), else TRUST_LIST_REFRESH_S,
 *    and never later than its `exp`;
 *  - status lists: after their `ttl` (draft-ietf-oauth-status-list §5.1), else STATUS_LIST_REFRESH_S.
 * A fetched copy replaces the cached one only when it verifies and is not older (list-freshness.ts):
 * nothing unverified is cached, and an older list cannot roll the cache back. Fetches go through
 * list-fetch.ts (allowed addresses only, size caps from credentials/limits.ts). A cached trust list
 * is re-parsed as of when it was fetched, so a list that was good then stays usable offline after
 * its `exp` (docs/credentials.md).
 */
import { MAX_STATUS_LIST_TOKEN_CHARS, MAX_TRUST_LIST_CHARS, type SignatureVerifier, type TrustList } from '../../credentials/index';
import type { WalletConfig } from '../shared';
import { fetchSignedList, TrustUnavailableError } from './list-fetch';
import { chooseCopy, verifyCachedStatusList, verifyStatusListCopy, verifyTrustListCopy, type Verified } from './list-freshness';
import type { CachedToken, ReceiveStore, ReceiveState } from '../receive';

export { TrustUnavailableError } from './list-fetch';

export const TRUST_LIST_REFRESH_S = 3600;
export const STATUS_LIST_REFRESH_S = 300;
export const FETCH_TIMEOUT_MS = 15_000;

export type TrustFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Issuers whose stored credentials point at status list `uri` (undefined: none known yet). */
function issuersUsing(state: ReceiveState, uri: string): string[] | undefined {
  const ids = [...new Set(Object.values(state.credentials).flatMap((m) => (m.statusUri === uri ? [m.issuerId] : [])))];
  return ids.length > 0 ? ids : undefined;
}

export class TrustCache {
  private parsed: { jwt: string; fetchedAt: number; verified: Verified<TrustList> } | undefined;

  constructor(
    private readonly store: ReceiveStore,
    private readonly config: WalletConfig,
    private readonly verifier: SignatureVerifier,
    private readonly fetchFn: TrustFetch,
    private readonly now: () => number,
  ) {}

  private get(url: string, maxBytes: number): Promise<{ text: string; maxAge?: number }> {
    return fetchSignedList(url, { fetch: this.fetchFn, timeoutMs: FETCH_TIMEOUT_MS, maxBytes, remoteUrls: this.config.remoteUrls });
  }

  /** A trust list copy verified as of when it was fetched (remembered for the last copy asked about). */
  private async verify(copy: CachedToken): Promise<Verified<TrustList>> {
    if (this.parsed?.jwt === copy.jwt && this.parsed.fetchedAt === copy.fetchedAt) return this.parsed.verified;
    const verified = await verifyTrustListCopy(copy.jwt, this.config.trustListKeys, this.verifier, copy.fetchedAt);
    this.parsed = { jwt: copy.jwt, fetchedAt: copy.fetchedAt, verified };
    return verified;
  }

  private async parse(cached: CachedToken): Promise<TrustList | undefined> {
    const verified = await this.verify(cached);
    return verified.ok ? verified.value : undefined;
  }

  /** The last good trust list, without going online. */
  async cachedTrustList(): Promise<TrustList | undefined> {
    const cached = (await this.store.read()).trustList;
    return cached ? this.parse(cached) : undefined;
  }

  /**
   * The trust list, refreshed first when due (or when `force`). Falls back to the cached one when
   * the network fails or the fetched list is refused; throws TrustUnavailableError when there is none at all.
   */
  async trustList(options: { force?: boolean } = {}): Promise<TrustList> {
    const cached = (await this.store.read()).trustList;
    if (cached && !options.force && this.now() < cached.refreshAfter) {
      const list = await this.parse(cached);
      if (list) return list;
    }
    if (!this.config.trustListUrl || this.config.trustListKeys.length === 0) throw new TrustUnavailableError('This build of Satchel has no trust list configured', false);
    let fetched: { text: string; maxAge?: number };
    try {
      fetched = await this.get(this.config.trustListUrl, MAX_TRUST_LIST_CHARS);
    } catch (e) {
      const fallback = cached && (await this.parse(cached));
      if (fallback) return fallback;
      throw e instanceof TrustUnavailableError ? e : new TrustUnavailableError('The trust list could not be read', false);
    }
    const fetchedAt = this.now();
    const copy: CachedToken = { jwt: fetched.text, fetchedAt, refreshAfter: fetchedAt + (fetched.maxAge ?? TRUST_LIST_REFRESH_S) * 1000 };
    const fresh = await verifyTrustListCopy(copy.jwt, this.config.trustListKeys, this.verifier, fetchedAt);
    const choice = await chooseCopy(fresh, async () => (cached ? this.verify(cached) : undefined));
    if (choice.keep === 'fetched') {
      // Due again after max-age, and never later than the list's exp.
      if (choice.value.expiresAt !== undefined) copy.refreshAfter = Math.min(copy.refreshAfter, Date.parse(choice.value.expiresAt));
      await this.store.update((s) => void (s.trustList = copy));
      this.parsed = { jwt: copy.jwt, fetchedAt, verified: fresh };
      return choice.value;
    }
    if (choice.keep === 'cached') return choice.value;
    throw new TrustUnavailableError('The trust list did not verify with the pinned operator key', false);
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

  /**
   * Fetches status list `uri` and caches it when it verifies against the trust list and is not
   * older than the cached copy; otherwise rejects (TrustUnavailableError) and the cached copy stays.
   */
  async fetchStatusList(uri: string): Promise<string> {
    const { text } = await this.get(uri, MAX_STATUS_LIST_TOKEN_CHARS);
    const fetchedAt = this.now();
    // The list is checked against the trust list (refreshed first when due) before it is kept.
    const trustList = await this.trustList();
    const state = await this.store.read();
    const keep = { trustList, verifier: this.verifier, issuerIds: issuersUsing(state, uri) };
    const cached = state.statusLists[uri];
    const choice = await chooseCopy(await verifyStatusListCopy(text, uri, keep), async () => (cached ? verifyCachedStatusList(cached.jwt, uri, keep) : undefined));
    if (choice.keep !== 'fetched') throw new TrustUnavailableError(`The revocation list Satchel fetched was not used: ${choice.problem}`, false);
    const token: CachedToken = { jwt: text, fetchedAt, refreshAfter: fetchedAt + (choice.value.ttl ?? STATUS_LIST_REFRESH_S) * 1000 };
    await this.store.update((s) => void (s.statusLists[uri] = token));
    return text;
  }

  async dropStatusLists(keep: ReadonlySet<string>): Promise<void> {
    await this.store.update((s) => {
      for (const uri of Object.keys(s.statusLists)) if (!keep.has(uri)) delete s.statusLists[uri];
    });
  }
}
