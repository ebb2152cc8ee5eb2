/**
 * What an offline check needs besides the presentation: the trust list and Status List Tokens.
 * `receiveCacheTrust` reads them from the receive use case's encrypted cache (receive-store.ts,
 * refreshed by Receiver.refreshStatus when online) without ever writing to it; a status list the
 * phone has not cached is fetched when online and kept in memory for this session only.
 */
import { parseTrustList, type SignatureVerifier, type TrustList } from '../credentials/index';
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

export function receiveCacheTrust(options: {
  vault: Pick<SatchelVault, 'getRecord'>;
  config: WalletConfig;
  verifier: SignatureVerifier;
  fetch?: typeof fetch;
  online?: () => boolean;
}): CheckTrust {
  let parsed: { jwt: string; list: TrustList } | undefined;
  const fetched = new Map<string, string>();
  const state = () => options.vault.getRecord<ReceiveState>(RECEIVE_KIND, RECEIVE_STATE_ID);
  const online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
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
      const cached = (await state())?.statusLists[uri]?.jwt ?? fetched.get(uri);
      if (cached) return cached;
      if (!online() || !options.fetch) throw new Error('No revocation list for this issuer is cached on this phone');
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), STATUS_FETCH_TIMEOUT_MS);
      try {
        const response = await options.fetch(uri, { signal: controller.signal, credentials: 'omit', cache: 'no-store' });
        if (!response.ok) throw new Error(`The revocation list answered ${response.status}`);
        const text = (await response.text()).trim();
        fetched.set(uri, text); // verified against the trust list by verifyPresentation before use
        return text;
      } finally {
        clearTimeout(timer);
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
