/**
 * Checking a credential's status against its Token Status List, draft-ietf-oauth-status-list
 * §8.3 ("Validation Rules"): fetch (injected, so the wallet can answer from its cache), check the
 * token, verify its signature in the shared batch against a key the trust list allows for the
 * credential's issuer, then read the status at `idx` and map it (§7.1 Status Types: 0 VALID, 1 INVALID,
 * 2 SUSPENDED). Honours `exp` (expired list → unknown) and `ttl` (stale list → refresh hint).
 */
import { DataError } from '../lib/errors';
import type { BatchCollector } from './batch';
import { jwsVerifyItem } from './jws';
import { CLOCK_SKEW_S } from './limits';
import type { StatusState } from './report';
import { statusAt } from './status-list';
import { parseStatusListToken, type StatusListToken, type StatusReference } from './status-token';
import { selectKey, statusListKeys, type TrustList } from './trust-list';
import { formatTime } from './validity';

export interface StatusOutcome {
  state: StatusState;
  ok: boolean;
  message: string;
  checkedAt?: string;
  refreshAfter?: string;
}

/** Per-batch cache, so a list shared by many credentials is fetched and parsed once. */
export type StatusListCache = Map<string, Promise<StatusListToken | DataError>>;

const UNKNOWN_HINT = 'Connect to the internet and check again.';

function unknown(message: string, token?: StatusListToken): StatusOutcome {
  const out: StatusOutcome = { state: 'unknown', ok: false, message };
  if (token) out.checkedAt = formatTime(token.issuedAt);
  return out;
}

function loadToken(uri: string, fetchStatusList: (uri: string) => Promise<string>, cache: StatusListCache): Promise<StatusListToken | DataError> {
  let pending = cache.get(uri);
  if (!pending) {
    pending = (async () => {
      let text: unknown;
      try {
        text = await fetchStatusList(uri);
      } catch {
        return new DataError(`Satchel could not get the revocation list for this credential. ${UNKNOWN_HINT}`);
      }
      if (typeof text !== 'string') return new DataError(`The revocation list could not be read. ${UNKNOWN_HINT}`);
      try {
        return await parseStatusListToken(text, uri);
      } catch (e) {
        if (e instanceof DataError) return e;
        return new DataError('The revocation list could not be read');
      }
    })();
    cache.set(uri, pending);
  }
  return pending;
}

/**
 * Prepares the status check: fetches and parses the list and queues its signature. Returns a
 * function that, given the batch results, gives the outcome.
 */
export async function prepareStatus(
  ref: StatusReference,
  issuerId: string,
  trustList: TrustList,
  fetchStatusList: ((uri: string) => Promise<string>) | undefined,
  cache: StatusListCache,
  collector: BatchCollector,
  nowS: number,
): Promise<(results: readonly boolean[]) => StatusOutcome> {
  if (!fetchStatusList) return () => unknown(`Revocation was not checked: no revocation list is available. ${UNKNOWN_HINT}`);
  const token = await loadToken(ref.uri, fetchStatusList, cache);
  if (token instanceof DataError) return () => unknown(token.message);
  let index: number;
  try {
    // §8.3: the token must be signed by a key trusted for this issuer's status lists.
    const key = selectKey(statusListKeys(trustList, issuerId), token.jws.header, 'the keys trusted to sign this issuer\'s revocation lists');
    index = collector.add(jwsVerifyItem(token.jws, key, 'The revocation list'), `status\u0000${ref.uri}\u0000${token.jws.signingInput}`);
  } catch (e) {
    const message = e instanceof Error ? e.message : 'untrusted key';
    return () => unknown(`The revocation list is not signed by a key Satchel trusts for this issuer: ${message}`, token);
  }
  return (results) => {
    if (results[index] !== true) return unknown('The revocation list\'s signature does not check out, so it was not used.', token);
    const checkedAt = formatTime(token.issuedAt);
    // §5.1 exp: an expired list must not be relied on.
    if (token.expires !== undefined && nowS >= token.expires + CLOCK_SKEW_S) {
      return unknown(`The revocation list expired on ${formatTime(token.expires)}. ${UNKNOWN_HINT}`, token);
    }
    const value = statusAt(token.list, ref.idx);
    if (value === undefined) {
      return unknown(`The credential's place in the revocation list (${ref.idx}) is outside the list, which has ${token.list.size} entries. The issuer may need to reissue it.`, token);
    }
    // §5.1 ttl: past it, a fresh copy should be fetched; the answer still stands but is flagged.
    let refreshAfter: string | undefined;
    let stale = '';
    if (token.ttl !== undefined) {
      refreshAfter = formatTime(token.issuedAt + token.ttl);
      if (nowS > token.issuedAt + token.ttl) stale = ` This revocation information is from ${checkedAt} and is due for a refresh; connect to the internet to update it.`;
    }
    const out = (state: StatusState, ok: boolean, message: string): StatusOutcome => {
      const o: StatusOutcome = { state, ok, message: message + stale, checkedAt };
      if (refreshAfter !== undefined) o.refreshAfter = refreshAfter;
      return o;
    };
    // §7.1 Status Types: 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED; others application-specific.
    if (value === 0) return out('valid', true, `Not revoked (revocation list of ${checkedAt}).`);
    if (value === 1) return out('revoked', false, 'The issuer has revoked this credential. Do not rely on it; contact the issuer if you think this is wrong.');
    if (value === 2) return out('suspended', false, 'The issuer has suspended this credential for now. Contact the issuer to find out why.');
    return out('unknown', false, `The revocation list gives status ${value}, which Satchel does not understand. Contact the issuer.`);
  };
}
