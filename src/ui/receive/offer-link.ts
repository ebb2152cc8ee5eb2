/**
 * Offer links open the app at …/offer?credential_offer=… or ?credential_offer_uri=… (OpenID4VCI
 * 1.0 §4.1). By value, the link carries the pre-authorised code (§4.1.1), which anyone holding it
 * can redeem until it is used or expires (the transaction code aside): so the link is taken out of
 * the address bar and the session history (history.replaceState) as soon as the app starts, and
 * kept only in memory until the add screen reads it. Navigation history the browser recorded
 * before any script ran is out of the page's reach.
 */
const OFFER_PARAMS = ['credential_offer', 'credential_offer_uri'] as const;

let taken: string | undefined;

/** If the address is an offer link, keeps it in memory and replaces the address without it. */
export function takeOfferLinkFromAddress(): void {
  const params = new URLSearchParams(location.search);
  if (!OFFER_PARAMS.some((name) => params.has(name))) return;
  taken = location.href;
  for (const name of OFFER_PARAMS) params.delete(name);
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
}

/** The offer link the app was opened with, once (later calls return undefined). */
export function consumeOfferLink(): string | undefined {
  takeOfferLinkFromAddress();
  const link = taken;
  taken = undefined;
  return link;
}
