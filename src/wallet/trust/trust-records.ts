/**
 * What the trust folder keeps in the vault, encrypted with the vault key like every record
 * (SatchelVault.putRecord), under kinds of its own:
 *  - one document (TRUST_KIND / TRUST_DOCUMENT_ID): the last good trust list, and the status lists
 *    of the credentials this phone holds (dropped when no held credential uses them);
 *  - one record per status list the checker fetched for checking others' credentials
 *    (CHECK_STATUS_KIND, by URI), kept for offline checks; their presence marks a checking phone.
 * Every copy was verified before it was kept (list-freshness.ts).
 */
import { CHECK_STATUS_KIND } from '../shared';
import type { SatchelVault } from '../vault';

export const TRUST_KIND = 'trust';
export const TRUST_DOCUMENT_ID = 'lists';
export const TRUST_DOCUMENT_VERSION = 1;
/** Status lists the checker fetched itself, kept encrypted in the vault for later offline checks (named in shared/record-kinds.ts). */
export { CHECK_STATUS_KIND };

/** A signed list as fetched, with when (ms) and when it is due to be fetched again (ms). */
export interface CachedCopy {
  jwt: string;
  fetchedAt: number;
  refreshAfter: number;
}

/** A status list the checker fetched (records kept before offline readiness lack `uri`: they are refreshed when met again). */
export interface CheckedStatusList extends CachedCopy {
  uri?: string;
}

export interface TrustDocument {
  v: number;
  trustList?: CachedCopy;
  /** By status list URI: the lists of the credentials this phone holds. */
  statusLists: Record<string, CachedCopy>;
}

/** What the trust cache needs from the vault (a checker given no way to write only reads). */
export type TrustVault = Pick<SatchelVault, 'getRecord'> & Partial<Pick<SatchelVault, 'putRecord' | 'listRecords' | 'onStateChange'>>;

export const emptyTrustDocument = (): TrustDocument => ({ v: TRUST_DOCUMENT_VERSION, statusLists: {} });

/** A stored copy of the right shape, else undefined: a damaged entry is skipped, never trusted. */
export function cachedCopyOf(value: unknown): CachedCopy | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { jwt, fetchedAt, refreshAfter } = value as Partial<CachedCopy>;
  if (typeof jwt !== 'string' || typeof fetchedAt !== 'number' || typeof refreshAfter !== 'number') return undefined;
  return { jwt, fetchedAt, refreshAfter };
}
