/**
 * Receiving and showing credentials, as the UI sees it: the contract between src/wallet (the
 * OpenID4VCI use case, verification, caches) and src/ui (screens). Implemented in
 * src/wallet/receive/receive.ts and src/wallet/held/credential-views.ts.
 */
import type { CredentialView, PaperCardView } from '../held';
import type { Localised, PersonId } from '../shared';

export type ReceiveErrorCode =
  | 'unreadable-offer' // not an OpenID4VCI credential offer, or truncated / garbled
  | 'untrusted-issuer' // the issuer is not on the trust list ("not a recognised issuer")
  | 'unrecognised-certificate' // an mdoc from a trusted offer, not signed under an IACA the trust list names for it (or a certificate breaking ISO/IEC 18013-5 Annex B)
  | 'wrong-tx-code' // details.triesLeft when the issuer says; the offer is kept for another try
  | 'tx-code-refused' // invalid_grant after a tx_code (OpenID4VCI §6.3): the code is wrong, or the offer expired or was used — kept until the person removes it
  | 'no-tries-left' // the issuer said tx_code_tries_left: 0; the offer is gone
  | 'expired-offer' // pre-authorised code expired or already used: ask for a new offer
  | 'offline' // no connection: the offer was kept and will complete later
  | 'server-error' // 5xx, garbage, or a protocol violation from the issuer
  | 'verification-failed' // the credential did not verify: details.reasons
  | 'type-not-allowed' // the issuer may not issue this type
  | 'sign-in-refused' // the person cancelled the sign-in, or the issuer's sign-in refused (access_denied); accept(offerId) signs in again
  | 'sign-in-expired' // the sign-in is no longer usable (code expired or used, unknown or used state, app closed between token and credential): accept(offerId) signs in again
  | 'locked'; // the vault locked meanwhile

export class ReceiveError extends Error {
  constructor(
    readonly code: ReceiveErrorCode,
    message: string,
    readonly details: { triesLeft?: number; reasons?: string[] } = {},
  ) {
    super(message);
    this.name = 'ReceiveError';
  }
}

export interface OfferSummary {
  /** Local handle for this offer while the person decides (kept encrypted in the vault). */
  offerId: string;
  issuer: { id: string; name: Localised };
  credentials: {
    configurationId: string;
    name: Localised;
    /** What it contains, from the issuer metadata's claim display names. */
    claims: Localised[];
    /**
     * An authority to act for someone (AUTHORITY_TYPE, docs/carers.md): bound to the holder's own
     * key, it is always kept in the holder's own space whatever `personId` accept is given, so the
     * review does not ask whose it is.
     */
    holdersOwn?: true;
  }[];
  /** Present when the offer needs a transaction code (sent separately, e.g. by letter). */
  txCode?: { length?: number; inputMode: 'numeric' | 'text'; description?: Localised };
  /**
   * True when the issuer answered for this offer as it was read (a `credential_offer_uri`, which
   * answers 404/410 once used or expired). By value, nothing can tell until it is redeemed: the
   * review says the offer is checked when the credential is added (docs/issuers.md).
   */
  issuerConfirmedOffer?: true;
  /**
   * The issuer needs the person to sign in (OpenID4VCI 1.0 Authorization Code flow: the offer has
   * the authorization_code grant and no pre-authorised code, or the person asked for it through
   * requestCredential). accept(offerId) then answers { status: 'sign-in', url }.
   */
  signIn?: true;
}

/** How the person accepted an offer: its transaction code, and whose space the credentials go into. */
export interface AcceptOptions {
  txCode?: string;
  /**
   * Whose the credentials are (docs/carers.md "Whose is this?"): kept on each credential record and
   * its activity entry. Default SELF_PERSON. An authority credential (AUTHORITY_TYPE) always goes into
   * the holder's own space: it is theirs, bound to their key.
   */
  personId?: PersonId;
}

export type AcceptResult =
  | { status: 'stored'; credentialIds: string[] }
  | { status: 'queued' } // offline: completes when the connection returns
  | { status: 'deferred' } // the issuer will deliver later (transaction_id polling)
  /**
   * Send the browser to `url` (location.assign) for the person to sign in at the issuer; it comes
   * back to `<wallet origin>/authorised?…`, where the UI calls completeSignIn(location.href).
   */
  | { status: 'sign-in'; url: string };

/** An issuer on the trust list that lets the person sign in and ask for a credential (wallet-initiated issuance). */
export interface KnownIssuer {
  issuerId: string;
  name: Localised;
  credentials: { configurationId: string; name: Localised }[];
}

export interface PendingOffer {
  offerId: string;
  issuerName: Localised;
  /** 'awaiting-sign-in': the person was sent to sign in at the issuer and has not come back yet. */
  state: 'waiting-for-connection' | 'in-progress' | 'deferred' | 'failed' | 'awaiting-sign-in';
  /** When failed: why, as a ReceiveErrorCode. */
  error?: ReceiveErrorCode;
  updatedAt: string;
  /**
   * An offer link opened offline (by reference) that has since been fetched: show it for review,
   * then accept(offerId, txCode) or decline(offerId) as for readOffer's summary.
   */
  summary?: OfferSummary;
  /** accept(offerId, txCode) needs the transaction code (not given yet, or the last one was wrong). */
  needsTxCode?: boolean;
}


export interface Receiver {
  /** Reads an offer from pasted text, a scanned QR payload, or an app link; fetches it by reference. */
  readOffer(input: string): Promise<OfferSummary>;
  /**
   * Runs the pre-authorised code flow, verifies and stores; or queues it when offline. For an offer
   * with signIn: starts the sign-in (PKCE, PAR) and answers { status: 'sign-in', url } — also to
   * sign in again after 'sign-in-refused' or 'sign-in-expired'. Offline, a sign-in cannot start:
   * ReceiveError 'offline' (the offer is kept).
   */
  accept(offerId: string, txCode?: string | AcceptOptions): Promise<AcceptResult>;
  /**
   * The app was opened at `/authorised?code=…&state=…` (the UI unlocks the vault first): finds the
   * offer by state and finishes (token with DPoP → credentials → verify → store), answering as
   * accept does ('queued' when offline: the code is kept encrypted and the flow resumes with
   * resumePending). Unknown or used state: 'sign-in-expired'; cancelled or refused: 'sign-in-refused'.
   */
  completeSignIn(redirectUrl: string): Promise<AcceptResult>;
  /** Trust-list issuers that offer credentials through sign-in (cached for offline; none cached offline: 'offline'). */
  knownIssuers(): Promise<KnownIssuer[]>;
  /** Wallet-initiated issuance: an offer (signIn: true) for one of knownIssuers' credentials; then accept(offerId). */
  requestCredential(issuerId: string, configurationId: string): Promise<OfferSummary>;
  /** Forgets an offer the person declined. */
  decline(offerId: string): Promise<void>;
  pendingOffers(): Promise<PendingOffer[]>;
  /** Completes queued and deferred offers; the app calls this when the connection returns. */
  resumePending(): Promise<void>;
  /** Called when pending offers change, and when a status refresh brought new lists (credentials' status may have changed). */
  onPendingChange(listener: () => void): () => void;

  listCredentials(): Promise<CredentialView[]>;
  credential(id: string): Promise<CredentialView | undefined>;
  /** Its printable paper card from the vault (offline too), or why none is kept; undefined when no such credential. */
  paperCard(id: string): Promise<PaperCardView | undefined>;
  deleteCredential(id: string): Promise<void>;
  /**
   * Refreshes the trust list and status lists when online, honouring their ttl; `force` fetches
   * them now regardless (the person asked to check now).
   */
  refreshStatus(options?: { force?: boolean }): Promise<void>;
  /** How fresh the revocation information is (the UI always says so). */
  statusFreshness(): Promise<{ trustListFetchedAt?: string; oldestStatusCheckAt?: string }>;
}
