/**
 * The vault record kind under which the trust cache keeps the status lists a checker fetched
 * (src/wallet/trust/trust-records.ts owns those records). Named here, at the bottom of the wallet,
 * because the background refresher (src/wallet/check/checker-background.ts) lives in the entry
 * bundle and asks only whether any exist: importing the trust folder there would bring the whole
 * trust cache into the first screen's JavaScript.
 */
export const CHECK_STATUS_KIND = 'check-status-list';

/**
 * The vault record (kind, id) of the people document (src/wallet/people/people-store.ts owns it):
 * the people a carer helps, current and removed. Named here because the vault writes the first one
 * (the v5 migration) and replaces it in the same transaction that removes a person (removePerson).
 */
export const PEOPLE_KIND = 'people';
export const PEOPLE_ID = 'people';
