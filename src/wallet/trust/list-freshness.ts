/**
 * The one rule for replacing a cached signed list with a freshly fetched copy, used by the receive
 * cache (trust-cache.ts) and by the checker's own status lists (check-trust.ts):
 *
 *  - a copy is kept only once it has verified — the trust list against the pinned operator keys
 *    (docs/credentials.md), a Status List Token against the trust list and inflated within its
 *    limit (draft-ietf-oauth-status-list §8.3). What has not verified is never cached, so an HTTP
 *    200 carrying garbage changes nothing and the good copy stays in use;
 *  - and only when it is not older than the verified copy already held, by `iat` (RFC 7519
 *    §4.1.6; required in both lists: draft-ietf-oauth-status-list §5.1, docs/credentials.md). An
 *    older list, validly signed and not yet expired, is exactly what a replay or a stale mirror
 *    serves: taking it would trust a removed issuer key again, or turn a revocation back into valid.
 */
import { parseTrustList, type PublicJwk, type SignatureVerifier, type TrustList } from '../../credentials/index';
import { verifyStatusListSignature, verifyStatusListToken, type KeepStatusListOptions } from '../../credentials/status-check';
import type { StatusListToken, StatusListTokenHead } from '../../credentials/status-token';
import { DataError } from '../../lib/errors';

/** A copy that verified (with its `iat`, seconds), or why it did not. */
export type Verified<T> = { ok: true; value: T; issuedAt: number } | { ok: false; problem: string };

export type Choice<T, C = T> =
  | { keep: 'fetched'; value: T }
  /** The fetched copy is refused (`problem`); the verified cached copy stays. */
  | { keep: 'cached'; value: C; problem: string }
  | { keep: 'none'; problem: string };

/**
 * Which copy to keep: the fetched one only when it verified and is not older than the cached one
 * (`cached` is asked only when there is one: undefined means none). A cached copy that no longer
 * verifies counts as none, so a bad copy from before this rule cannot block a good new one.
 */
export async function chooseCopy<T, C = T>(fetched: Verified<T>, cached: () => Promise<Verified<C> | undefined>): Promise<Choice<T, C>> {
  const held = await cached();
  if (fetched.ok && (!held?.ok || fetched.issuedAt >= held.issuedAt)) return { keep: 'fetched', value: fetched.value };
  const problem = fetched.ok ? 'it is older than the copy Satchel already has' : fetched.problem;
  if (held?.ok) return { keep: 'cached', value: held.value, problem };
  return { keep: 'none', problem };
}

/** A trust list checked against the pinned operator keys as of `asOf` (ms): when it was fetched. */
export async function verifyTrustListCopy(jwt: string, pinnedKeys: PublicJwk[], verifier: SignatureVerifier, asOf: number): Promise<Verified<TrustList>> {
  if (pinnedKeys.length === 0) return { ok: false, problem: 'This build of Satchel pins no trust-list operator key' };
  const result = await parseTrustList(jwt, { pinnedKeys, verifier, now: new Date(asOf) });
  if (!result.ok) return { ok: false, problem: result.message };
  // parseTrustList requires iat, so issuedAt is always set on a list that verified.
  return { ok: true, value: result.trustList, issuedAt: Date.parse(result.trustList.issuedAt ?? '') / 1000 };
}

async function verifiedStatus<T extends StatusListTokenHead>(check: () => Promise<T>): Promise<Verified<T>> {
  try {
    const token = await check();
    return { ok: true, value: token, issuedAt: token.issuedAt };
  } catch (e) {
    if (e instanceof DataError) return { ok: false, problem: e.message };
    throw e;
  }
}

/** A fetched Status List Token, verified and inflated (fit to keep). */
export function verifyStatusListCopy(jwt: string, uri: string, options: KeepStatusListOptions): Promise<Verified<StatusListToken>> {
  return verifiedStatus(() => verifyStatusListToken(jwt, uri, options));
}

/** A cached Status List Token's signature and `iat` only: comparing ages needs no inflating. */
export function verifyCachedStatusList(jwt: string, uri: string, options: KeepStatusListOptions): Promise<Verified<StatusListTokenHead>> {
  return verifiedStatus(() => verifyStatusListSignature(jwt, uri, options));
}
