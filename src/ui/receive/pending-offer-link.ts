/**
 * Where an offer the wallet kept (read offline and fetched since, or its transaction code refused)
 * is reviewed again: the add screen with the offer's local id. The id is a random local handle,
 * not the pre-authorised code, so it may sit in the address bar and history.
 */
export const PENDING_OFFER_PARAM = 'pending';

export function pendingOfferHref(offerId: string): string {
  return `/add?${PENDING_OFFER_PARAM}=${encodeURIComponent(offerId)}`;
}
