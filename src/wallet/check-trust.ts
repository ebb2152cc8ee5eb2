/**
 * What an offline check needs besides the presentation: the trust list and Status List Tokens.
 * `receiveCacheTrust` reads them from the receive use case's encrypted cache (receive-store.ts,
 * refreshed by Receiver.refreshStatus when online) without ever writing to it; a status list the
 * phone has not cached is fetched when online and kept in the vault under its own kind
 * (CHECK_STATUS_KIND), so the next check of that issuer's credentials works offline.
 */
import { parseTrustList, type SignatureVerifier, type TrustList } from '../credentials/index';
import { base64urlDecode } from '../lib/base64url';
import { utf8Decode } from '../lib/bytes';
import type { WalletConfig } from './config';
import { RECEIVE_KIND, RECEIVE_STATE_ID, type ReceiveState } from './receive-store';
import type { SatchelVault } from './satchel-vault';

export interface CheckTrust {
  /** The last good trust list, or undefined when the phone has none. */
  trustList(): Promise<TrustList | undefined>;
  /** A Status List Token for `uri` (cached; rejects when there is none). */
  statusList(uri: string): Promise<string>;
}

export const STATUS_FETCH_TIMEOUT_MS = 5_000;
/** Status lists the checker fetched itself, kept encrypted in the vault for later offline checks. */
export const CHECK_STATUS_KIND = 'check-status-list';
/** A list the checker fetched is fetched again when online after this long (else its ttl). */
export const CHECK_STATUS_REFRESH_S = 300;

interface OwnStatusList {
  jwt: string;
  fetchedAt: number; // ms
  refreshAfter: number; // ms
}

function ttlSeconds(jwt: string): number | undefined {
  const bytes = base64urlDecode(jwt.split('.')[1] ?? '');
  const text = bytes && utf8Decode(bytes);
  try {
    const ttl = text ? (JSON.parse(text) as Record<string, unknown>).ttl : undefined;
    return typeof ttl === 'number' && ttl > 0 ? ttl : undefined;
  } catch {
    return undefined;
  }
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

  async function fetchList(uri: string): Promise<string> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), STATUS_FETCH_TIMEOUT_MS);
    try {
      const response = await options.fetch!(uri, { signal: controller.signal, credentials: 'omit', cache: 'no-store' });
      if (!response.ok) throw new Error(`The revocation list answered ${response.status}`);
      return (await response.text()).trim();
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async trustList() {
      const cached = (await state())?.trustList;
      if (!cached || options.config.trustListKeys.length === 0) return undefined;
      if (parsed?.jwt === cached.jwt) return parsed.list;
      // As of when it was fetched: a list good then stays usable offline (docs/credentials.md).
      const result = await parseTrustList(cached.jwt, { pinnedKeys: options.config.trustListKeys, verifier: options.verifier, now: new Date(cached.fetchedAt) });
      if (!result.ok) return undefined;
      parsed = { jwt: cached.jwt, list: result.trustList };
      return result.trustList;
    },
    async statusList(uri) {
      // 1. The receive use case's cache (lists of the holder's own credentials, refreshed by it).
      const received = (await state())?.statusLists[uri]?.jwt;
      if (received) return received;
      // 2. Lists this checker fetched before; 3. the issuer, when online (then kept for offline).
      const own = await options.vault.getRecord<OwnStatusList>(CHECK_STATUS_KIND, uri).catch(() => undefined);
      const canFetch = online() && options.fetch !== undefined;
      if (own && (!canFetch || now() < own.refreshAfter)) return own.jwt;
      if (!canFetch) throw new Error('No revocation list for this issuer is cached on this phone');
      let jwt: string;
      try {
        jwt = await fetchList(uri);
      } catch (error) {
        if (own) return own.jwt;
        throw error;
      }
      // Stored as fetched; verifyPresentation checks its signature against the trust list before use.
      const fetchedAt = now();
      const record: OwnStatusList = { jwt, fetchedAt, refreshAfter: fetchedAt + (ttlSeconds(jwt) ?? CHECK_STATUS_REFRESH_S) * 1000 };
      await options.vault.putRecord?.(CHECK_STATUS_KIND, uri, record).catch(() => undefined);
      return jwt;
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
