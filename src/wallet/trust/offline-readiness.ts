import type { Localised } from '../shared';

/** Whether this phone can check offline, and for which issuers (the check screen says so before checking). */
export interface OfflineReadiness {
  /** False when the phone holds no trust list yet: nothing can be checked. */
  trustList: boolean;
  /** Every issuer on the trust list: ready when a status list is held for every list it is known to use. */
  issuers: { id: string; name: Localised; ready: boolean; /** ISO 8601: when its oldest list held was fetched. */ listsFetchedAt?: string }[];
}
