/**
 * What an offline check needs besides the presentation: the trust list and Status List Tokens,
 * from the one trust cache (trust-cache.ts). The checker reads the trust list and the held
 * credentials' status lists the receive use case keeps fresh (Receiver.refreshStatus), never
 * writing them; a status list the phone has not cached is fetched when online (list-fetch.ts:
 * allowed addresses, size cap) and, once it verifies against the trust list and is not older than
 * the copy held (list-freshness.ts), kept on the checker's own shelf (CHECK_STATUS_KIND), so the
 * next check of that issuer's credentials works offline.
 *
 * So that a checker set up online and then taken offline does not turn away a genuine person,
 * `prepareOffline` fetches, while online, every status list that is missing or due — those the
 * trust list names for its issuers (`status_lists`, docs/credentials.md) and those met so far —
 * before any check needs them; `readiness` says for which issuers this phone can check offline.
 */
import type { SignatureVerifier, TrustList } from '../../credentials/index';
import type { WalletConfig } from '../shared';
import type { OfflineReadiness } from './offline-readiness';
import { TrustCache, type TrustFetch } from './trust-cache';
import type { TrustVault } from './trust-records';

export interface CheckTrust {
  /** The last good trust list, or undefined when the phone has none. */
  trustList(): Promise<TrustList | undefined>;
  /** A Status List Token for `uri` (cached; rejects when there is none). */
  statusList(uri: string): Promise<string>;
  /** When online: fetches every status list that is missing or due, then says what is ready. */
  prepareOffline?(): Promise<OfflineReadiness>;
  /** Which issuers this phone can check offline, without going online. */
  readiness?(): Promise<OfflineReadiness>;
}

export function cachedTrust(options: {
  vault: TrustVault;
  config: WalletConfig;
  verifier: SignatureVerifier;
  fetch?: TrustFetch;
  online?: () => boolean;
  now?: () => number;
  /** Refreshes the cached trust list when due (Receiver.refreshStatus), before preparing offline. */
  refreshTrustList?: () => Promise<unknown>;
}): CheckTrust {
  const cache = new TrustCache({ vault: options.vault, config: options.config, verifier: options.verifier, ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.now ? { now: options.now } : {}) });
  const online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const now = options.now ?? (() => Date.now());

  /** A copy of `uri` this phone holds: the held credentials' (refreshed by the receiver), else the checker's own. */
  async function heldCopy(uri: string): Promise<{ fetchedAt: number; refreshAfter: number; own: boolean } | undefined> {
    const received = (await cache.heldStatusLists())[uri];
    if (received) return { fetchedAt: received.fetchedAt, refreshAfter: received.refreshAfter, own: false };
    const own = await cache.checkedCopy(uri);
    return own ? { fetchedAt: own.fetchedAt, refreshAfter: own.refreshAfter, own: true } : undefined;
  }

  /** Each issuer's status lists: those the trust list names, and those met so far under its address. */
  async function listsByIssuer(list: TrustList): Promise<{ byIssuer: Map<string, Set<string>>; all: Set<string> }> {
    const met = new Set<string>(Object.keys(await cache.heldStatusLists()));
    for (const uri of await cache.checkedStatusListUris()) met.add(uri);
    const byIssuer = new Map<string, Set<string>>();
    const all = new Set(met);
    for (const issuer of list.issuers) {
      const uris = new Set(issuer.statusLists ?? []);
      for (const uri of uris) all.add(uri);
      // A list met while checking names no issuer: it counts for the issuer whose address it is under.
      const base = issuer.id.endsWith('/') ? issuer.id : `${issuer.id}/`;
      for (const uri of met) if (uri.startsWith(base)) uris.add(uri);
      byIssuer.set(issuer.id, uris);
    }
    return { byIssuer, all };
  }

  async function readiness(): Promise<OfflineReadiness> {
    const list = await cache.cachedTrustList();
    if (!list) return { trustList: false, issuers: [] };
    const { byIssuer } = await listsByIssuer(list);
    const issuers: OfflineReadiness['issuers'] = [];
    for (const issuer of list.issuers) {
      const copies = await Promise.all([...(byIssuer.get(issuer.id) ?? [])].map(heldCopy));
      // No list known for the issuer: whether its credentials can be checked offline is not known.
      const ready = copies.length > 0 && copies.every((c) => c !== undefined);
      const entry: OfflineReadiness['issuers'][number] = { id: issuer.id, name: { ...issuer.name }, ready };
      const times = copies.flatMap((c) => (c ? [c.fetchedAt] : []));
      if (times.length > 0) entry.listsFetchedAt = new Date(Math.min(...times)).toISOString();
      issuers.push(entry);
    }
    return { trustList: true, issuers };
  }

  async function prepareOffline(): Promise<OfflineReadiness> {
    if (online() && cache.canFetch) {
      await options.refreshTrustList?.().catch(() => undefined);
      const list = await cache.cachedTrustList();
      if (list) {
        const { all } = await listsByIssuer(list);
        // The held credentials' lists are refreshed by the receiver; the rest when missing or due.
        await Promise.all([...all].map(async (uri) => {
          const held = await heldCopy(uri);
          if (held && (!held.own || now() < held.refreshAfter)) return;
          await cache.fetchCheckedStatusList(uri).catch(() => undefined);
        }));
      }
    }
    return readiness();
  }

  return {
    trustList: () => cache.cachedTrustList(),
    prepareOffline,
    readiness,
    async statusList(uri) {
      // 1. The held credentials' lists (refreshed by the receiver), any age.
      const received = (await cache.heldStatusLists())[uri]?.jwt;
      if (received) return received;
      // 2. Lists this checker fetched before; 3. the issuer, when online (then kept for offline).
      return cache.checkedStatusList(uri, online());
    },
  };
}

/** A fixed trust list and status lists (tests, the benchmark, and a kiosk configured by hand). */
export function staticTrust(trustList: TrustList, statusLists: Record<string, string> = {}): CheckTrust {
  return {
    trustList: async () => trustList,
    statusList: async (uri) => {
      const token = Object.prototype.hasOwnProperty.call(statusLists, uri) ? statusLists[uri] : undefined;
      if (token === undefined) throw new Error('No revocation list cached for this credential');
      return token;
    },
  };
}
