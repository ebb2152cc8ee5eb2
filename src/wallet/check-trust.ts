/**
 * What an offline check needs besides the presentation: the trust list and Status List Tokens.
 * `receiveCacheTrust` reads them from the receive use case's encrypted cache (receive-store.ts,
 * refreshed by Receiver.refreshStatus when online) without ever writing to it; a status list the
 * phone has not cached is fetched when online (list-fetch.ts: allowed addresses, size cap) and,
 * once it verifies against the trust list and is not older than the copy held (list-freshness.ts),
 * kept in the vault under its own kind (CHECK_STATUS_KIND), so the next check of that issuer's
 * credentials works offline.
 */
import { MAX_STATUS_LIST_TOKEN_CHARS, type SignatureVerifier, type TrustList } from '../credentials/index';
import type { WalletConfig } from './config';
import { fetchSignedList } from './list-fetch';
import { chooseCopy, verifyCachedStatusList, verifyStatusListCopy, verifyTrustListCopy } from './list-freshness';
import { RECEIVE_KIND, RECEIVE_STATE_ID, type ReceiveState } from './receive-store';
import type { SatchelVault } from './satchel-vault';

export interface CheckTrust {
  /** The last good trust list, or undefined when the phone has none. */
  trustList(): Promise<TrustList | undefined>;
  /** A Status List Token for `uri` (cached; rejects when there is none). */
  statusList(uri: string): Promise<string>;
}

export const STATUS_FETCH_TIMEOUT_MS = 10_000;
/** Status lists the checker fetched itself, kept encrypted in the vault for later offline checks. */
export const CHECK_STATUS_KIND = 'check-status-list';
/** A list the checker fetched is fetched again when online after this long (else its ttl). */
export const CHECK_STATUS_REFRESH_S = 300;

interface OwnStatusList {
  jwt: string;
  fetchedAt: number; // ms
  refreshAfter: number; // ms
}

export function receiveCacheTrust(options: {
  vault: Pick<SatchelVault, 'getRecord'> & Partial<Pick<SatchelVault, 'putRecord'>>;
  config: WalletConfig;
  verifier: SignatureVerifier;
  fetch?: typeof fetch;
  online?: () => boolean;
  now?: () => number;
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
    const record: OwnStatusList = { jwt: text, fetchedAt, refreshAfter: fetchedAt + (choice.value.ttl ?? CHECK_STATUS_REFRESH_S) * 1000 };
    await options.vault.putRecord?.(CHECK_STATUS_KIND, uri, record).catch(() => undefined);
    return text;
  }

  return {
    trustList,
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
