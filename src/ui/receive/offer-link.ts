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

/**
 * Whether an offer link is waiting to be read (the unlock screen says why it is asking for the
 * PIN), and where it says it comes from: the host of a by-value offer's `credential_issuer`
 * (OpenID4VCI 1.0 §4.1.1), or undefined for a link by reference (`credential_offer_uri`, §4.1.3:
 * the offer is only known once fetched) or one that cannot be parsed. The link is not taken: the
 * add screen still reads it after unlocking. The host is what the link claims; the review screen
 * names the issuer from its trusted metadata.
 */
export function waitingOfferLink(): { issuerHost?: string } | undefined {
  if (taken === undefined) return undefined;
  try {
    const offer: unknown = JSON.parse(new URL(taken).searchParams.get('credential_offer') ?? 'null');
    const issuer = offer && typeof offer === 'object' ? (offer as { credential_issuer?: unknown }).credential_issuer : undefined;
    if (typeof issuer === 'string') return { issuerHost: new URL(issuer).host };
  } catch {
    // Unreadable: say "the link you opened"; the add screen explains what is wrong with it.
  }
  return {};
}
