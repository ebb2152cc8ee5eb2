/**
 * Sharing (holder) and checking (verifier), as the UI sees them: the contract between
 * src/wallet (use cases over src/protocols and src/credentials) and src/ui (screens).
 * Implemented in src/wallet/share.ts, src/wallet/check.ts and src/wallet/activity.ts.
 */
import type { Localised, StatusState } from './receive-api';

/** A DCQL-style claim path: keys and array indexes (`["address", "postal_code"]`). */
export type ClaimPath = (string | number | null)[];

/** Ready-made purposes that ask for the minimum claims. */
export type Purpose = 'over-18' | 'right-to-work' | 'identity' | 'veteran';

export type ShareErrorCode =
  | 'not-a-request' // a QR from another app, or garbage
  | 'request-expired'
  | 'request-malformed'
  | 'nothing-matches' // the request asks for nothing the wallet holds
  | 'credential-unusable' // details.unusable: what would answer is cancelled, suspended or expired
  | 'locked';

export type CheckErrorCode =
  | 'not-a-response' // garbage or another app's QR
  | 'frame-missing' // details.missing: which frames are still needed
  | 'frame-mismatch' // a frame from another response
  | 'wrong-key' // encrypted to another verifier's key
  | 'request-expired'
  | 'replayed'; // nonce already used, or not this verifier's

export interface ShareErrorDetails {
  /** nothing-matches: the kinds of credential asked for that the wallet does not hold. */
  missing?: Localised[];
  /** nothing-matches (online): whether the waiting verifier was told `access_denied` (OpenID4VP 1.0 §8.5). */
  verifierTold?: boolean;
  /** Where the verifier asked the person to continue after being told (§8.2 redirect_uri). */
  redirectUri?: string;
  /** credential-unusable: the credentials that would answer, and why Satchel will not share them. */
  unusable?: { typeName: Localised; issuerName?: Localised; reason: UnusableReason }[];
}

/** Why a held credential is not offered for sharing: a checker would turn it away. */
export type UnusableReason = 'revoked' | 'suspended' | 'expired';

export class ShareError extends Error {
  constructor(readonly code: ShareErrorCode, message: string, readonly details: ShareErrorDetails = {}) {
    super(message);
    this.name = 'ShareError';
  }
}

export class CheckError extends Error {
  constructor(readonly code: CheckErrorCode, message: string, readonly details: { missing?: number[] } = {}) {
    super(message);
    this.name = 'CheckError';
  }
}

/** One QR code's worth of text; a long response is several frames shown in a loop. */
export interface QrFrames {
  frames: string[];
  /** How long each frame stays on screen when animated. */
  frameMs: number;
}

// ---------------------------------------------------------------- holder side

export interface ShareRequest {
  requestId: string;
  /** 'in-person': answer with a response QR (respond); 'online': OpenID4VP, answer with respondOnline. */
  mode: 'in-person' | 'online';
  verifierName?: string; // as the verifier states it; unverified, shown as such
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
  /** Credentials the wallet holds that can answer, per query, with the claims asked for and the rest. */
  candidates: ShareCandidate[];
}

/** A held credential that can answer one of the request's credential queries. */
export interface ShareCandidate {
  /** The credential query it answers (one of ShareRequest.queryIds). */
  queryId: string;
  credentialId: string;
  typeName: Localised;
  /** Which credential this is, so the person knows what will be used: who issued it and until when it is valid. */
  issuerName?: Localised;
  validUntil?: string;
  /** The revocation state the wallet last saw (revoked, suspended and expired ones are never candidates). */
  status?: StatusState;
  /** True for a credential that cannot disclose selectively (a JWT VC): everything in `requested` is shared. */
  whole?: boolean;
  requested: { path: ClaimPath; label: Localised }[];
  notShared: { path: ClaimPath; label: Localised }[];
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
  shareableClaims(credentialId: string): Promise<{ path: ClaimPath; label: Localised }[]>;
  /**
   * After consent: the response QR frames (request/response mode), logged in the activity log.
   * `answers` has one entry per query id of the request; the (credentialId, claims) form is for a
   * request with a single query.
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
  /** Quick show (weaker): a response bound to a short-lived time-based nonce, no request needed. */
  quickShow(credentialId: string, claims: ClaimPath[]): Promise<QrFrames>;
}

// ---------------------------------------------------------------- verifier side

export interface CheckRequest {
  requestId: string;
  /** The request QR to show to the holder. */
  qr: QrFrames;
  expiresAt: string;
}

export interface FrameProgress {
  received: number;
  total: number;
  complete: boolean;
}

/**
 * The verdict: 'pass'; 'fail' (do not accept); or 'status-unknown' — every check passed except
 * that cancellation could not be checked (no usable status list on this phone), which is neither
 * a pass nor the same as revoked (issue 11).
 */
export type CheckVerdict = 'pass' | 'fail' | 'status-unknown';

/** Whether this phone can check offline, and for which issuers (the check screen says so before checking). */
export interface OfflineReadiness {
  /** False when the phone holds no trust list yet: nothing can be checked. */
  trustList: boolean;
  /** Every issuer on the trust list: ready when a status list is held for every list it is known to use. */
  issuers: { id: string; name: Localised; ready: boolean; /** ISO 8601: when its oldest list held was fetched. */ listsFetchedAt?: string }[];
}

/** One credential of an answer, verified: what CheckResult says about a single credential. */
export interface CredentialCheck {
  /** The DCQL credential query it was given for (the vp_token key, OpenID4VP 1.0 §8.1); 'quick-show' for quick show. */
  queryId: string;
  ok: boolean;
  /** Absent (results from before issue 11): 'pass' when ok, else 'fail'. */
  verdict?: CheckVerdict;
  /** Plain reasons, one per check, pass or fail (signature, issuer, validity, status, key binding…). */
  reasons: { code: string; ok: boolean; message: Localised }[];
  issuerName?: Localised;
  typeName?: Localised;
  claims: { path: ClaimPath; label: Localised; value: unknown }[];
  /** Claims disclosed that were not asked for (flagged to the checker). */
  unrequested: ClaimPath[];
  status?: { state: StatusState; checkedAt?: string };
}

/**
 * The verdict on an answer. With one credential (the usual case) the top-level fields are that
 * credential's, as they always were. With several (a DCQL query needing more than one, OpenID4VP
 * 1.0 §6.4.2), `ok` passes only if every credential passes and every required query was answered;
 * `reasons` is about the answer as a whole; `claims` and `unrequested` gather every credential's;
 * `issuerName`, `typeName` and `status` are absent — see `credentials`.
 */
export interface CheckResult extends Omit<CredentialCheck, 'queryId'> {
  /** Every credential verified, in the order of the answer (absent only when nothing could be verified, e.g. no trust list). */
  credentials?: CredentialCheck[];
  /** Milliseconds from the last frame scanned to the result. */
  elapsedMs: number;
}

/** The requestId of quick-show checks: after acceptQuickShow(), pass it to addFrame / verify / keepRecord / discard. */
export const QUICK_SHOW_REQUEST_ID = 'quick-show';

export interface Checker {
  /**
   * Starts a check: a one-time nonce, an ephemeral key, and the request QR. Asks for a purpose, a
   * list of claims, or (for several credentials at once) a whole DCQL query (OpenID4VP 1.0 §6).
   */
  createRequest(options: { purpose?: Purpose; claims?: ClaimPath[]; dcqlQuery?: Record<string, unknown>; verifierName: string }): Promise<CheckRequest>;
  /** Starts accepting quick-show responses (time-based nonce), for when no request can be shown. */
  acceptQuickShow(): Promise<void>;
  /** Feeds one scanned frame; frames may come in any order, duplicates are ignored. */
  addFrame(requestId: string, frame: string): Promise<FrameProgress>;
  /** Decrypts and verifies offline once all frames are in. */
  verify(requestId: string): Promise<CheckResult>;
  /**
   * Whether this phone is ready to check offline, and for which issuers. With `refresh`, when
   * online, first fetches every status list that is missing or due (those the trust list names and
   * those met so far), so later checks work without a signal.
   */
  offlineReadiness(options?: { refresh?: boolean }): Promise<OfflineReadiness>;
  /** "Keep a record of this check": stores the result encrypted in the vault. */
  keepRecord(requestId: string): Promise<void>;
  /** Forgets everything about a check (the default when the checker moves on). */
  discard(requestId: string): void;
  /**
   * Forgets every check, completed or partial — claims, portraits, keys, frames (the check screen
   * is left; the vault locks). Only what stops replays stays: spent nonces, seen quick-show codes.
   */
  discardAll(): void;
}

// ---------------------------------------------------------------- activity log

/**
 * A kept check (issue 11): evidence someone can file — the result and which checks passed, what
 * was asked, what was seen, the issuer, and who checked. Values are kept as plain text.
 */
export interface CheckRecord {
  verdict: CheckVerdict;
  /** The checker's own name or organisation, as shown to the person. */
  checkedBy?: string;
  /** What was asked for: the kinds of credential and the details (empty for quick show, which asks nothing). */
  asked: Localised[];
  /** Every check made, passed or not. */
  checks: { ok: boolean; message: Localised }[];
  /** What was seen: each detail shared (text, number or yes/no; a photo is noted, not kept). */
  seen: { label: Localised; value: string | number | boolean; photo?: true }[];
  issuerName?: Localised;
  /** ISO 8601: when the cancellation list used was issued, if one was. */
  statusListFrom?: string;
}

export interface ActivityLogEntry {
  id: string;
  at: string;
  kind: 'shared' | 'checked' | 'received';
  credentialTypeName?: Localised;
  counterparty?: string; // who it was shared with, as they named themselves; for a check, the person's name if it was shared
  /** For a credential received: the department's name in English and Welsh (the trust list's), shown in the person's language. */
  counterpartyName?: Localised;
  claims: Localised[];
  /** For a kept check: the record. */
  check?: CheckRecord;
}

export interface ActivityLog {
  list(filter?: { kind?: ActivityLogEntry['kind']; text?: string }): Promise<ActivityLogEntry[]>;
  remove(id: string): Promise<void>;
  /** A JSON file of the log (decrypted, for the person's own records). */
  export(): Promise<Blob>;
  /** A plain, printable HTML document of the kept check records (all, or those `ids`), for an employer to file. */
  exportCheckRecords(options: { language: 'en' | 'cy'; ids?: string[] }): Promise<Blob>;
}
