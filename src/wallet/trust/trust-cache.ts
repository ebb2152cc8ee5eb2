/**
 * The one trust cache: the trust list and status lists this phone has seen, kept encrypted in the
 * trust folder's own vault records (trust-records.ts) so that offline checks use the freshest
 * copies. Used by the receive use case (the holder's own credentials) and by the checker
 * (check-trust.ts), which keeps the lists it fetched for others' credentials on a shelf of its own.
 * Refreshed when online and due:
 *  - trust list: after the `max-age` its publisher sends (Cache-Control), else TRUST_LIST_REFRESH_S,
 *    and never later than its `exp`;
 *  - status lists: after their `ttl` (draft-ietf-oauth-status-list §5.1), else STATUS_LIST_REFRESH_S
 *    (CHECK_STATUS_REFRESH_S for the checker's).
 * A fetched copy replaces the cached one only when it verifies and is not older (list-freshness.ts):
 * nothing unverified is cached, and an older list cannot roll the cache back. Fetches go through
 * list-fetch.ts (allowed addresses only, size caps from credentials/limits.ts). A cached trust list
 * is re-parsed as of when it was fetched, so a list that was good then stays usable offline after
 * its `exp` (docs/credentials.md).
 */
import { MAX_STATUS_LIST_TOKEN_CHARS, MAX_TRUST_LIST_CHARS, type SignatureVerifier, type TrustList } from '../../credentials/index';
import type { Fetch } from '../../lib/bounded-fetch';
import type { WalletConfig } from '../shared';
import { fetchSignedList, TrustUnavailableError } from './list-fetch';
import { chooseCopy, verifyCachedStatusList, verifyStatusListCopy, verifyTrustListCopy, type Verified } from './list-freshness';
import { CHECK_STATUS_KIND, type CachedCopy, type CheckedStatusList, type TrustVault } from './trust-records';
import { trustStoreOf, type TrustStore } from './trust-store';

export { TrustUnavailableError } from './list-fetch';

export const TRUST_LIST_REFRESH_S = 3600;
export const STATUS_LIST_REFRESH_S = 300;
export const FETCH_TIMEOUT_MS = 15_000;
/** The checker's status lists: fetched with this time limit, and again when online after CHECK_STATUS_REFRESH_S (else their ttl). */
export const STATUS_FETCH_TIMEOUT_MS = 10_000;
export const CHECK_STATUS_REFRESH_S = 300;

export type TrustFetch = Fetch;

export interface TrustCacheOptions {
  vault: TrustVault;
  config: WalletConfig;
  verifier: SignatureVerifier;
  /** Absent: nothing is fetched, every fetch fails as offline (a checker set up without a network). */
  fetch?: TrustFetch;
  now?: () => number;
  /** Issuers whose held credentials point at status list `uri` (undefined: none known): only their keys may sign it. */
  issuersOf?: (uri: string) => Promise<string[] | undefined>;
}

/** Where a status list is kept, and the rules for fetching it again. */
interface Shelf {
  read(uri: string): Promise<CachedCopy | undefined>;
  keep(uri: string, copy: CachedCopy): Promise<void>;
  refreshS: number;
  timeoutMs: number;
  /** The trust list a fetched copy is checked against. */
  trustList(): Promise<TrustList>;
  issuerIds(uri: string): Promise<string[] | undefined>;
}

export class TrustCache {
  private parsed: { jwt: string; fetchedAt: number; verified: Verified<TrustList> } | undefined;
  private readonly store: TrustStore;
  private readonly now: () => number;
  /** The holder's shelf: lists of the credentials this phone holds, in the trust document. */
  private readonly held: Shelf;
  /** The checker's shelf: lists fetched for checking others' credentials, one record each. */
  private readonly checked: Shelf;

  constructor(private readonly options: TrustCacheOptions) {
    this.store = trustStoreOf(options.vault);
    this.now = options.now ?? (() => Date.now());
    this.held = {
      read: async (uri) => (await this.store.read()).statusLists[uri],
      keep: (uri, copy) => this.store.update((d) => void (d.statusLists[uri] = copy)),
      refreshS: STATUS_LIST_REFRESH_S,
      timeoutMs: FETCH_TIMEOUT_MS,
      // Checked against the trust list, refreshed first when due.
      trustList: () => this.trustList(),
      issuerIds: async (uri) => options.issuersOf?.(uri),
    };
    this.checked = {
      read: (uri) => options.vault.getRecord<CheckedStatusList>(CHECK_STATUS_KIND, uri).catch(() => undefined),
      keep: async (uri, copy) => void (await options.vault.putRecord?.(CHECK_STATUS_KIND, uri, { uri, ...copy } satisfies CheckedStatusList).catch(() => undefined)),
      refreshS: CHECK_STATUS_REFRESH_S,
      timeoutMs: STATUS_FETCH_TIMEOUT_MS,
      // The checker never fetches the trust list itself: the receiver keeps it fresh.
      trustList: async () => {
        const list = await this.cachedTrustList();
        if (!list) throw new TrustUnavailableError('This phone has no trust list to check the revocation list against', false);
        return list;
      },
      issuerIds: async () => undefined,
    };
  }

  /** Whether this cache may go online at all. */
  get canFetch(): boolean {
    return this.options.fetch !== undefined;
  }

  private async get(url: string, maxBytes: number, timeoutMs: number): Promise<{ text: string; maxAge?: number }> {
    if (!this.options.fetch) throw new TrustUnavailableError('This phone is set up not to fetch trust lists or status lists', true);
    return fetchSignedList(url, { fetch: this.options.fetch, timeoutMs, maxBytes, remoteUrls: this.options.config.remoteUrls });
  }

  /** A trust list copy verified as of when it was fetched (remembered for the last copy asked about). */
  private async verify(copy: CachedCopy): Promise<Verified<TrustList>> {
    if (this.parsed?.jwt === copy.jwt && this.parsed.fetchedAt === copy.fetchedAt) return this.parsed.verified;
    const verified = await verifyTrustListCopy(copy.jwt, this.options.config.trustListKeys, this.options.verifier, copy.fetchedAt);
    this.parsed = { jwt: copy.jwt, fetchedAt: copy.fetchedAt, verified };
    return verified;
  }

  private async parse(cached: CachedCopy): Promise<TrustList | undefined> {
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
    const { config } = this.options;
    const cached = (await this.store.read()).trustList;
    if (cached && !options.force && this.now() < cached.refreshAfter) {
      const list = await this.parse(cached);
      if (list) return list;
    }
    if (!config.trustListUrl || config.trustListKeys.length === 0) throw new TrustUnavailableError('This build of Satchel has no trust list configured', false);
    let fetched: { text: string; maxAge?: number };
    try {
      fetched = await this.get(config.trustListUrl, MAX_TRUST_LIST_CHARS, FETCH_TIMEOUT_MS);
    } catch (e) {
      const fallback = cached && (await this.parse(cached));
      if (fallback) return fallback;
      throw e instanceof TrustUnavailableError ? e : new TrustUnavailableError('The trust list could not be read', false);
    }
    const fetchedAt = this.now();
    const copy: CachedCopy = { jwt: fetched.text, fetchedAt, refreshAfter: fetchedAt + (fetched.maxAge ?? TRUST_LIST_REFRESH_S) * 1000 };
    const fresh = await verifyTrustListCopy(copy.jwt, config.trustListKeys, this.options.verifier, fetchedAt);
    const choice = await chooseCopy(fresh, async () => (cached ? this.verify(cached) : undefined));
    if (choice.keep === 'fetched') {
      // Due again after max-age, and never later than the list's exp.
      if (choice.value.expiresAt !== undefined) copy.refreshAfter = Math.min(copy.refreshAfter, Date.parse(choice.value.expiresAt));
      await this.store.update((d) => void (d.trustList = copy));
      this.parsed = { jwt: copy.jwt, fetchedAt, verified: fresh };
      return choice.value;
    }
    if (choice.keep === 'cached') return choice.value;
    throw new TrustUnavailableError('The trust list did not verify with the pinned operator key', false);
  }

  /** A held credential's Status List Token from the cache; fetched (and cached) only when `online` and missing or due. */
  statusList(uri: string, online: boolean): Promise<string> {
    return this.fromShelf(this.held, uri, online);
  }

  /**
   * Fetches a held credential's status list `uri` and caches it when it verifies against the trust
   * list and is not older than the cached copy; otherwise rejects (TrustUnavailableError) and the cached copy stays.
   */
  fetchStatusList(uri: string): Promise<string> {
    return this.refresh(this.held, uri);
  }

  /** Forgets the held credentials' status lists not in `keep` (the checker's own are kept). */
  async dropStatusLists(keep: ReadonlySet<string>): Promise<void> {
    await this.store.update((d) => {
      for (const uri of Object.keys(d.statusLists)) if (!keep.has(uri)) delete d.statusLists[uri];
    });
  }

  /** When the trust list and each held credential's status list were fetched (ms), without going online. */
  async fetchedAt(): Promise<{ trustList?: number; statusLists: Record<string, number> }> {
    const document = await this.store.read();
    const statusLists = Object.fromEntries(Object.entries(document.statusLists).map(([uri, copy]) => [uri, copy.fetchedAt]));
    return document.trustList ? { trustList: document.trustList.fetchedAt, statusLists } : { statusLists };
  }

  /** The held credentials' status lists, by URI, as cached (any age). */
  async heldStatusLists(): Promise<Record<string, CachedCopy>> {
    return { ...(await this.store.read()).statusLists };
  }

  /** The checker's status list `uri`: its own copy, fetched (and kept) when `online` and missing or due. */
  checkedStatusList(uri: string, online: boolean): Promise<string> {
    return this.fromShelf(this.checked, uri, online && this.canFetch);
  }

  /** The checker's own copy of `uri`, if any. */
  checkedCopy(uri: string): Promise<CachedCopy | undefined> {
    return this.checked.read(uri);
  }

  /** Fetches status list `uri` for the checker and keeps it under the same rule; rejects when not kept. */
  fetchCheckedStatusList(uri: string): Promise<string> {
    return this.refresh(this.checked, uri);
  }

  /** The URIs of every status list the checker has kept. */
  async checkedStatusListUris(): Promise<string[]> {
    const own = (await this.options.vault.listRecords?.<CheckedStatusList>(CHECK_STATUS_KIND).catch(() => [])) ?? [];
    return own.flatMap(({ value }) => (typeof value?.uri === 'string' ? [value.uri] : []));
  }

  private async fromShelf(shelf: Shelf, uri: string, online: boolean): Promise<string> {
    const cached = await shelf.read(uri);
    if (cached && (!online || this.now() < cached.refreshAfter)) return cached.jwt;
    if (!online) throw new TrustUnavailableError('No revocation list cached for this credential', true);
    try {
      return await this.refresh(shelf, uri);
    } catch (e) {
      if (cached) return cached.jwt;
      throw e;
    }
  }

  private async refresh(shelf: Shelf, uri: string): Promise<string> {
    const { text } = await this.get(uri, MAX_STATUS_LIST_TOKEN_CHARS, shelf.timeoutMs);
    const fetchedAt = this.now();
    const trustList = await shelf.trustList();
    const issuerIds = await shelf.issuerIds(uri);
    const keep = { trustList, verifier: this.options.verifier, ...(issuerIds ? { issuerIds } : {}) };
    const cached = await shelf.read(uri);
    const choice = await chooseCopy(await verifyStatusListCopy(text, uri, keep), async () => (cached ? verifyCachedStatusList(cached.jwt, uri, keep) : undefined));
    if (choice.keep !== 'fetched') throw new TrustUnavailableError(`The revocation list Satchel fetched was not used: ${choice.problem}`, false);
    await shelf.keep(uri, { jwt: text, fetchedAt, refreshAfter: fetchedAt + (choice.value.ttl ?? shelf.refreshS) * 1000 });
    return text;
  }
}
