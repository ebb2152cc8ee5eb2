/**
 * Checking a credential's status against its Token Status List, draft-ietf-oauth-status-list
 * §8.3 ("Validation Rules"): fetch (injected, so the wallet can answer from its cache), check the
 * token, verify its signature against a key the trust list allows for the credential's issuer, and
 * only then inflate the list (a list is never inflated before its signature has verified — the
 * signature covers `lst`, §5.1), read the status at `idx` and map it (§7.1 Status Types: 0 VALID,
 * 1 INVALID, 2 SUSPENDED). Honours `exp` (expired list → unknown) and `ttl` (stale list → refresh hint).
 */
import { DataError } from '../lib/errors';
import type { SignatureVerifier, VerifyItem } from '../lib/signature-verifier';
import { runBatch } from './batch';
import { jwsVerifyItem } from './jws';
import type { PublicKey } from './jwk';
import { CLOCK_SKEW_S } from './limits';
import type { StatusState } from './report';
import { statusAt } from './status-list';
import { inflateStatusListToken, readStatusListToken, type StatusListToken, type StatusListTokenHead, type StatusReference } from './status-token';
import { selectKey, statusListKeys, type TrustList } from './trust-list';
import { formatTime } from './validity';

export interface StatusOutcome {
  state: StatusState;
  ok: boolean;
  message: string;
  checkedAt?: string;
  refreshAfter?: string;
}

/**
 * Per-batch cache, so a list shared by many credentials is fetched, checked and inflated once:
 * by `uri`, the fetched token's checked head and, by issuer, the token verified for that issuer.
 */
export type StatusListCache = Map<string, { head: Promise<StatusListTokenHead | DataError>; verified: Map<string, Promise<StatusListToken | DataError>> }>;

const UNKNOWN_HINT = 'Connect to the internet and check again.';

function unknown(message: string, token?: StatusListTokenHead): StatusOutcome {
  const out: StatusOutcome = { state: 'unknown', ok: false, message };
  if (token) out.checkedAt = formatTime(token.issuedAt);
  return out;
}

/** Runs `work` and turns any failure into a DataError to report. */
function settle<T>(work: () => Promise<T | DataError>): Promise<T | DataError> {
  return work().catch((e: unknown) => (e instanceof DataError ? e : new DataError('The revocation list could not be read')));
}

function loadHead(uri: string, fetchStatusList: (uri: string) => Promise<string>, cache: StatusListCache): { head: Promise<StatusListTokenHead | DataError>; verified: Map<string, Promise<StatusListToken | DataError>> } {
  let entry = cache.get(uri);
  if (entry) return entry;
  const head = settle(async () => {
    let text: unknown;
    try {
      text = await fetchStatusList(uri);
    } catch {
      return new DataError(`Satchel could not get the revocation list for this credential. ${UNKNOWN_HINT}`);
    }
    if (typeof text !== 'string') return new DataError(`The revocation list could not be read. ${UNKNOWN_HINT}`);
    return readStatusListToken(text, uri);
  });
  entry = { head, verified: new Map() };
  cache.set(uri, entry);
  return entry;
}

/** Whether the token's signature verifies with one of `keys` (each already chosen by `kid`). */
async function signedByOneOf(head: StatusListTokenHead, keys: readonly PublicKey[], verifier: SignatureVerifier): Promise<boolean> {
  const items: VerifyItem[] = keys.map((key) => jwsVerifyItem(head.jws, key, 'The revocation list'));
  return (await runBatch(verifier, items)).some((ok) => ok);
}

/**
 * §8.3 steps in order: the token's signature against a key the trust list allows for `issuerId`
 * (its own keys and delegated status-list signers), and only then the inflated list.
 */
async function verifiedForIssuer(head: StatusListTokenHead, issuerId: string, trustList: TrustList, verifier: SignatureVerifier): Promise<StatusListToken> {
  let key: PublicKey;
  try {
    key = selectKey(statusListKeys(trustList, issuerId), head.jws.header, 'the keys trusted to sign this issuer\'s revocation lists');
  } catch (e) {
    throw new DataError(`The revocation list is not signed by a key Satchel trusts for this issuer: ${e instanceof Error ? e.message : 'untrusted key'}`);
  }
  if (!(await signedByOneOf(head, [key], verifier))) throw new DataError('The revocation list\'s signature does not check out, so it was not used.');
  return inflateStatusListToken(head);
}

export interface KeepStatusListOptions {
  trustList: TrustList;
  verifier: SignatureVerifier;
  /** Issuers whose credentials point at this list; every issuer on the trust list when absent. */
  issuerIds?: readonly string[];
}

/**
 * A fetched Status List Token's claims (§5.1) and signature, by a key the trust list allows to
 * sign status lists for one of `options.issuerIds`; its list is not inflated. Throws DataError.
 */
export async function verifyStatusListSignature(token: string, uri: string, options: KeepStatusListOptions): Promise<StatusListTokenHead> {
  const head = readStatusListToken(token, uri);
  const ids = options.issuerIds ?? options.trustList.issuers.map((i) => i.id);
  const keys = new Set<PublicKey>();
  for (const id of ids) {
    try {
      keys.add(selectKey(statusListKeys(options.trustList, id), head.jws.header, 'the trusted revocation-list signers'));
    } catch {
      // Not this issuer's key; another listed issuer may own it.
    }
  }
  if (keys.size === 0) throw new DataError('The revocation list is not signed by a key on Satchel\'s trust list');
  if (!(await signedByOneOf(head, [...keys], options.verifier))) throw new DataError('The revocation list\'s signature does not check out');
  return head;
}

/**
 * A fetched Status List Token checked as fit to keep (the wallet's caches): verifyStatusListSignature,
 * then its list inflated within MAX_STATUS_LIST_BYTES (§8.3: signature first). Throws DataError.
 */
export async function verifyStatusListToken(token: string, uri: string, options: KeepStatusListOptions): Promise<StatusListToken> {
  return inflateStatusListToken(await verifyStatusListSignature(token, uri, options));
}

/**
 * Prepares the status check: fetches the list, verifies its signature for this issuer, then
 * inflates it. Returns a function that, given the batch results, gives the outcome.
 */
export async function prepareStatus(
  ref: StatusReference,
  issuerId: string,
  trustList: TrustList,
  fetchStatusList: ((uri: string) => Promise<string>) | undefined,
  cache: StatusListCache,
  verifier: SignatureVerifier,
  nowS: number,
): Promise<() => StatusOutcome> {
  if (!fetchStatusList) return () => unknown(`Revocation was not checked: no revocation list is available. ${UNKNOWN_HINT}`);
  const entry = loadHead(ref.uri, fetchStatusList, cache);
  const head = await entry.head;
  if (head instanceof DataError) return () => unknown(head.message);
  let pending = entry.verified.get(issuerId);
  if (!pending) {
    pending = settle(() => verifiedForIssuer(head, issuerId, trustList, verifier));
    entry.verified.set(issuerId, pending);
  }
  const token = await pending;
  if (token instanceof DataError) return () => unknown(token.message, head);
  return () => {
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
