/**
 * Sharing held credentials (holder side), as the UI sees it: the contract between
 * src/wallet (use cases over src/protocols and src/credentials) and src/ui (screens).
 * Implemented in share.ts.
 */
import type { ClaimPath, DisplayName, Localised, PersonId, Purpose, QrFrames, StatusState } from '../shared';
import type { VerifierProblem } from '../../protocols/openid4vp/request-object';
import type { AuthorityPower, HeldAuthority, Person } from '../people';

export type { VerifierProblem } from '../../protocols/openid4vp/request-object';

export type { QrFrames } from '../shared';

export type ShareErrorCode =
  | 'not-a-request' // a QR from another app, or garbage
  | 'request-expired'
  | 'request-malformed'
  | 'nothing-matches' // the request asks for nothing the wallet holds
  | 'credential-unusable' // details.unusable: what would answer is cancelled, suspended or expired
  | 'verifier-untrusted' // details.verifierProblem: a signed request whose signer Satchel could not confirm (issue 14); nothing is sent
  | 'quick-show-unavailable' // details.typeName: an ISO mdoc, whose device signature needs a request to bind to (docs/sharing.md)
  | 'no-authority' // details.people: a request to answer on someone's behalf, and no one the holder may answer for (docs/sharing.md, "On someone's behalf")
  | 'locked';

export interface ShareErrorDetails {
  /** nothing-matches: the kinds of credential asked for that the wallet does not hold. */
  missing?: DisplayName[];
  /** nothing-matches (online): whether the waiting verifier was told `access_denied` (OpenID4VP 1.0 §8.5). */
  verifierTold?: boolean;
  /** Where the verifier asked the person to continue after being told (§8.2 redirect_uri). */
  redirectUri?: string;
  /** verifier-untrusted: what was wrong with the request's signature or certificate. */
  verifierProblem?: VerifierProblem;
  /** verifier-untrusted: the DNS name an `x509_san_dns:` request says it is from (its client id, OpenID4VP 1.0 §5.9.3), not confirmed. */
  claimedHost?: string;
  /** quick-show-unavailable: the credential that cannot be shown by quick show. */
  typeName?: DisplayName;
  /** credential-unusable: the credentials that would answer, and why Satchel will not share them. */
  unusable?: { typeName: DisplayName; issuerName?: Localised; reason: UnusableReason }[];
  /** no-authority: the asked power, and each person the holder helps with why Satchel cannot answer for them. */
  power?: AuthorityPower;
  people?: { personId: PersonId; name: string; reason: NoAuthorityReason }[];
}

/**
 * Why Satchel cannot answer on a person's behalf: their space holds nothing the verifier asks for
 * (`no-credential`), the holder holds no authority for them (`no-authority`) or none for the power
 * asked (`other-power`), or the one they hold is revoked, suspended or expired as last seen.
 */
export type NoAuthorityReason = 'no-credential' | 'no-authority' | 'other-power' | UnusableReason;

/** Why a held credential is not offered for sharing: a checker would turn it away. */
export type UnusableReason = 'revoked' | 'suspended' | 'expired';

export class ShareError extends Error {
  constructor(readonly code: ShareErrorCode, message: string, readonly details: ShareErrorDetails = {}) {
    super(message);
    this.name = 'ShareError';
  }
}

// ---------------------------------------------------------------- holder side

export interface ShareRequest {
  requestId: string;
  /** 'in-person': answer with a response QR (respond); 'online': OpenID4VP, answer with respondOnline. */
  mode: 'in-person' | 'online';
  verifierName?: string; // as the verifier states it; unverified, shown as such
  /**
   * Who is asking, as Satchel could establish it: a verifier on the trust list's register (its
   * request signed with a certificate that chains to the register's CA, OpenID4VP 1.0 §5.9.3),
   * or an unregistered one (an unsigned request; in person, a checker's phone), which the person
   * may still answer after a plain warning.
   */
  verifier?: VerifierIdentity;
  /**
   * Online only: the origin the answer is sent to (the response_uri's). With the redirect_uri:
   * prefix (OpenID4VP 1.0 §5.9.3) this is the only thing about the verifier the protocol
   * authenticates, so the consent screen names it beside the unverified verifierName.
   */
  responseOrigin?: string;
  purpose?: Purpose;
  expiresAt: string;
  /**
   * The verifier's credential queries (DCQL ids) this answer must cover, in order: one credential
   * for each, all sent together or none (OpenID4VP 1.0 §6.4.2). Usually one.
   */
  queryIds: string[];
  /**
   * Credentials the wallet holds that can answer, per query, with the claims asked for and the
   * rest; each says whose it is (ShareCandidate.personId). Without `onBehalf`, from every person's
   * space ("assisted use": the holder helps someone show their own credential; no authority is
   * added). With it, see OnBehalfRequest.
   */
  candidates: ShareCandidate[];
  /** Everyone the holder keeps credentials for (People.list(): SELF_PERSON first), to name and mark each candidate's person. */
  people?: Person[];
  /** Set when the verifier asks for an authority to act for someone (a credential query for AUTHORITY_TYPE). */
  onBehalf?: OnBehalfRequest;
}

/**
 * A request answered on someone's behalf (docs/sharing.md, "On someone's behalf"): the person's
 * credential from their own space and the holder's authority (in the holder's own space, bound to
 * the holder's key) in one vp_token (OpenID4VP 1.0 §6.4.2, §8.1). The consent screen asks "Who is
 * this for?" among `people`; the answer's credentials for every other query must be that
 * person's, and its authority one of theirs.
 */
export interface OnBehalfRequest {
  /** The credential query the authority answers (one of the request's query ids). */
  authorityQueryId: string;
  /** The power the verifier asks for (the query's DCQL `values` on `power`, §6.3). */
  power: AuthorityPower;
  /**
   * The people Satchel may answer for, in People.list() order: each has a credential answering
   * the person query and a usable authority of `power` (never SELF_PERSON). `queryIds`: the
   * queries to answer for them (§6.4.2: their own credentials pick the option of each set);
   * `authorities`: their usable authorities of `power`, the candidates for authorityQueryId.
   */
  /** `donorName`: the person as their authority names them ("Margaret Jones", its donor claims; text, never HTML), beside the holder's own label for them. */
  people: { personId: PersonId; queryIds: string[]; authorities: HeldAuthority[]; donorName?: string }[];
}

export type VerifierIdentity =
  | { kind: 'registered'; registerId: string; name: Localised; registration: Localised }
  | { kind: 'unregistered' };

/** A held credential that can answer one of the request's credential queries. */
export interface ShareCandidate {
  /** The credential query it answers (one of ShareRequest.queryIds). */
  queryId: string;
  credentialId: string;
  /** Whose credential it is (SELF_PERSON or a person the holder helps): the consent screen says so in words and with their marker. */
  personId: PersonId;
  /** The type and the issuer's name for it (the UI words it: src/ui/i18n/names.ts). */
  typeName: DisplayName;
  /** Which credential this is, so the person knows what will be used: who issued it and until when it is valid. */
  issuerName?: Localised;
  validUntil?: string;
  /** The revocation state the wallet last saw (revoked, suspended and expired ones are never candidates). */
  status?: StatusState;
  /** True for a credential that cannot disclose selectively (a JWT VC): everything in `requested` is shared. */
  whole?: boolean;
  /** What is asked; `retained`: the verifier says it will keep it after the check (OpenID4VP 1.0 B.2.4 intent_to_retain, an mdoc query). */
  /** `beyondRegistration`: a registered verifier asks for this though its registration does not cover it. */
  requested: { path: ClaimPath; label: DisplayName; retained?: true; beyondRegistration?: true }[];
  notShared: { path: ClaimPath; label: DisplayName }[];
}

/** The person's choice for one credential query: which credential, and which of its claims. */
export interface ShareAnswer {
  queryId: string;
  credentialId: string;
  claims: ClaimPath[];
}

/** What respond/respondOnline take after the request id: every query's answer, or (one query only) a credential and its claims. */
export type ShareAnswerArgs = [answers: ShareAnswer[]] | [credentialId: string, claims: ClaimPath[]];

export interface Sharer {
  /** Reads a verifier's request QR (in person) or an OpenID4VP request URL (online). */
  readRequest(input: string): Promise<ShareRequest>;
  /** The claims a purpose needs from a credential (for the checkbox screen). */
  claimsForPurpose(credentialId: string, purpose: Purpose): Promise<ClaimPath[]>;
  /** Every claim of a credential the person may choose to share. */
  shareableClaims(credentialId: string): Promise<{ path: ClaimPath; label: DisplayName }[]>;
  /**
   * After consent: the response QR frames (request/response mode), logged in the activity log.
   * `answers` has one entry per query id of the request; the (credentialId, claims) form is for a
   * request with a single query. Every credential of an answer is one person's (else a TypeError);
   * on someone's behalf, theirs and one of their authorities (OnBehalfRequest). The activity log
   * records each credential shared under that person.
   */
  respond(requestId: string, ...answer: ShareAnswerArgs): Promise<QrFrames>;
  /** After consent, online: posts to the verifier's response_uri (direct_post / direct_post.jwt). */
  respondOnline(requestId: string, ...answer: ShareAnswerArgs): Promise<{ redirectUri?: string }>;
  /**
   * The person says no. Online, the waiting verifier is told `access_denied` (OpenID4VP 1.0 §8.5)
   * so its page stops waiting; `verifierTold` is false if it could not be reached (or in person,
   * where there is no channel back). The request is closed either way. `redirectUri`: where the
   * verifier asks the person to continue (§8.2: the wallet must take them there).
   */
  decline(requestId: string): Promise<{ verifierTold: boolean; redirectUri?: string }>;
  /** Quick show (weaker): a response bound to a short-lived time-based nonce, no request needed; a person's credential is shown as assisted use. */
  quickShow(credentialId: string, claims: ClaimPath[]): Promise<QrFrames>;
}
