/**
 * What an offline check needs besides the presentation: the trust list and Status List Tokens.
 * `receiveCacheTrust` reads them from the receive use case's encrypted cache (receive-store.ts,
 * refreshed by Receiver.refreshStatus when online) without ever writing to it; a status list the
 * phone has not cached is fetched when online (list-fetch.ts: allowed addresses, size cap) and,
 * once it verifies against the trust list and is not older than the copy held (list-freshness.ts),
 * kept in the vault under its own kind (CHECK_STATUS_KIND), so the next check of that issuer's
 * credentials works offline.
 *
 * So that a checker set up online and then taken offline does not turn away a genuine person
 * (issue 11), `prepareOffline` fetches, while online, every status list that is missing or due —
 * those the trust list names for its issuers (`status_lists`, docs/credentials.md) and those met
 * so far — before any check needs them; `readiness` says for which issuers this phone can check
 * offline.
 */
import { MAX_STATUS_LIST_TOKEN_CHARS, type SignatureVerifier, type TrustList } from '../../credentials/index';
import { CHECK_STATUS_KIND } from '../check';
import type { WalletConfig } from '../shared';
import type { OfflineReadiness } from '../check';
import { fetchSignedList } from './list-fetch';
import { chooseCopy, verifyCachedStatusList, verifyStatusListCopy, verifyTrustListCopy } from './list-freshness';
import { RECEIVE_KIND, RECEIVE_STATE_ID, type ReceiveState } from '../receive';
import type { SatchelVault } from '../vault';

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

export const STATUS_FETCH_TIMEOUT_MS = 10_000;
/** Status lists the checker fetched itself, kept encrypted in the vault for later offline checks. */
export { CHECK_STATUS_KIND };
/** A list the checker fetched is fetched again when online after this long (else its ttl). */
export const CHECK_STATUS_REFRESH_S = 300;

interface OwnStatusList {
  /** The list's URI (records kept before issue 11 lack it: they are refreshed when met again). */
  uri?: string;
  jwt: string;
  fetchedAt: number; // ms
  refreshAfter: number; // ms
}

export function receiveCacheTrust(options: {
  vault: Pick<SatchelVault, 'getRecord'> & Partial<Pick<SatchelVault, 'putRecord' | 'listRecords'>>;
  config: WalletConfig;
  verifier: SignatureVerifier;
  fetch?: typeof fetch;
  online?: () => boolean;
  now?: () => number;
  /** Refreshes the receive cache's trust list when due (Receiver.refreshStatus), before preparing offline. */
  refreshTrustList?: () => Promise<unknown>;
}): CheckTrust {
  let parsed: { jwt: string; list: TrustList } | undefined;
  const state = () => options.vault.getRecord<ReceiveState>(RECEIVE_KIND, RECEIVE_STATE_ID);
  const online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const now = options.now ?? (() => Date.now());

  async function trustList(): Promise<TrustList | undefined> {
    const cached = (await state())?.trustList;
    if (!cached) return undefined;
    if (parsed?.jwt === cached.jwt) return parsed.list;
    // As of when it was fetched: a list good then stays usable offline (docs/credentials.md).
    const verified = await verifyTrustListCopy(cached.jwt, options.config.trustListKeys, options.verifier, cached.fetchedAt);
    if (!verified.ok) return undefined;
    parsed = { jwt: cached.jwt, list: verified.value };
    return verified.value;
  }

  /** Fetches `uri`; keeps it only when it verifies and is not older than `own`. Returns the copy to use. */
  async function refreshOwn(uri: string, own: OwnStatusList | undefined): Promise<string> {
    const { text } = await fetchSignedList(uri, { fetch: options.fetch!, timeoutMs: STATUS_FETCH_TIMEOUT_MS, maxBytes: MAX_STATUS_LIST_TOKEN_CHARS, remoteUrls: options.config.remoteUrls });
    const list = await trustList();
    if (!list) throw new Error('This phone has no trust list to check the revocation list against');
    const keep = { trustList: list, verifier: options.verifier };
    const choice = await chooseCopy(await verifyStatusListCopy(text, uri, keep), async () => (own ? verifyCachedStatusList(own.jwt, uri, keep) : undefined));
    if (choice.keep === 'cached') return own!.jwt;
    if (choice.keep === 'none') throw new Error(`The revocation list fetched was not used: ${choice.problem}`);
    const fetchedAt = now();
    const record: OwnStatusList = { uri, jwt: text, fetchedAt, refreshAfter: fetchedAt + (choice.value.ttl ?? CHECK_STATUS_REFRESH_S) * 1000 };
    await options.vault.putRecord?.(CHECK_STATUS_KIND, uri, record).catch(() => undefined);
    return text;
  }

  /** A held copy of `uri`: the receive cache's, else the checker's own. */
  async function heldCopy(uri: string): Promise<{ fetchedAt: number; refreshAfter: number; own: boolean } | undefined> {
    const received = (await state())?.statusLists[uri];
    if (received) return { fetchedAt: received.fetchedAt, refreshAfter: received.refreshAfter, own: false };
    const own = await options.vault.getRecord<OwnStatusList>(CHECK_STATUS_KIND, uri).catch(() => undefined);
    return own ? { fetchedAt: own.fetchedAt, refreshAfter: own.refreshAfter, own: true } : undefined;
  }

  /** Each issuer's status lists: those the trust list names, and those met so far under its address. */
  async function listsByIssuer(list: TrustList): Promise<{ byIssuer: Map<string, Set<string>>; all: Set<string> }> {
    const met = new Set<string>(Object.keys((await state())?.statusLists ?? {}));
    const own = (await options.vault.listRecords?.<OwnStatusList>(CHECK_STATUS_KIND).catch(() => [])) ?? [];
    for (const { value } of own) if (typeof value?.uri === 'string') met.add(value.uri);
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
    const list = await trustList();
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
    if (online() && options.fetch !== undefined) {
      await options.refreshTrustList?.().catch(() => undefined);
      const list = await trustList();
      if (list) {
        const { all } = await listsByIssuer(list);
        // The receive cache's own lists are refreshed by the receiver; the rest when missing or due.
        await Promise.all([...all].map(async (uri) => {
          const held = await heldCopy(uri);
          if (held && (!held.own || now() < held.refreshAfter)) return;
          const own = held ? await options.vault.getRecord<OwnStatusList>(CHECK_STATUS_KIND, uri).catch(() => undefined) : undefined;
          await refreshOwn(uri, own).catch(() => undefined);
        }));
      }
    }
    return readiness();
  }

  return {
    trustList,
    prepareOffline,
    readiness,
    async statusList(uri) {
      // 1. The receive use case's cache (lists of the holder's own credentials, refreshed by it).
      const received = (await state())?.statusLists[uri]?.jwt;
      if (received) return received;
      // 2. Lists this checker fetched before; 3. the issuer, when online (then kept for offline).
      const own = await options.vault.getRecord<OwnStatusList>(CHECK_STATUS_KIND, uri).catch(() => undefined);
      const canFetch = online() && options.fetch !== undefined;
      if (own && (!canFetch || now() < own.refreshAfter)) return own.jwt;
      if (!canFetch) throw new Error('No revocation list for this issuer is cached on this phone');
      try {
        return await refreshOwn(uri, own);
      } catch (error) {
        if (own) return own.jwt;
        throw error;
      }
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
