/**
 * Before the trust folder had a record of its own, the trust list and the held credentials' status
 * lists were kept inside the receive use case's document (kind 'receive', id 'state', fields
 * `trustList` and `statusLists`). A vault written then is read here once, when the trust document
 * does not exist yet, so a person who upgrades while offline keeps the copies they had
 * (docs/credentials.md: caching). This is the only place the trust folder names that record; it
 * only reads it, and the receive use case no longer reads those fields.
 */
import { cachedCopyOf, type CachedCopy, type TrustVault } from './trust-records';

const LEGACY_RECEIVE_KIND = 'receive';
const LEGACY_RECEIVE_ID = 'state';

/** The copies an older version kept in the receive document (none when there is no such document). */
export async function legacyReceiveCopies(vault: TrustVault): Promise<{ trustList?: CachedCopy; statusLists: Record<string, CachedCopy> }> {
  const legacy = await vault.getRecord<{ trustList?: unknown; statusLists?: unknown }>(LEGACY_RECEIVE_KIND, LEGACY_RECEIVE_ID);
  const statusLists: Record<string, CachedCopy> = {};
  const lists = legacy?.statusLists;
  if (typeof lists === 'object' && lists !== null) {
    for (const [uri, value] of Object.entries(lists)) {
      const copy = cachedCopyOf(value);
      if (copy) statusLists[uri] = copy;
    }
  }
  const trustList = cachedCopyOf(legacy?.trustList);
  return trustList ? { trustList, statusLists } : { statusLists };
}
