/**
 * Checking someone else's credential (verifier mode), as the UI sees it: the contract between
 * src/wallet/check and src/ui. Implemented in check.ts.
 */
import type { CheckName } from '../../credentials/index';
import type { AuthorityPower, OnBehalfFailure, OnBehalfOutcome } from '../../credentials/on-behalf';
import type { ClaimPath, DisplayName, Localised, Purpose, QrFrames, StatusState } from '../shared';
import type { OfflineReadiness } from '../trust';

export type { CheckName };
/** The on-behalf outcome's types, for the UI (which does not reach into src/credentials). */
export type { AuthorityPower, OnBehalfFailure, OnBehalfOutcome };

export type CheckErrorCode =
  | 'not-a-response' // garbage or another app's QR
  | 'frame-missing' // details.missing: which frames are still needed
  | 'frame-mismatch' // a frame from another response
  | 'wrong-key' // encrypted to another verifier's key
  | 'request-expired'
  | 'replayed' // nonce already used, or not this verifier's
  // Checking any wallet's mdoc in person (ISO/IEC 18013-5 reader, issue 15):
  | 'not-an-engagement' // the QR is not a device engagement (`mdoc:` URI, §8.2.2.3)
  | 'engagement-unsupported' // an engagement version, cipher suite or way to connect Satchel cannot use (message says which)
  | 'bluetooth-unavailable' // no Web Bluetooth in this browser, or Bluetooth off or blocked
  | 'bluetooth-cancelled' // the person closed the browser's device chooser
  | 'connection-lost' // the connection dropped, or the holder's phone went quiet, before the answer was complete
  | 'session-failed' // a message that fails decryption or decoding, chunks out of order or too large, the wrong device
  | 'holder-declined' // the holder's wallet ended the session without sending the licence (or, asked through the Digital Credentials API, the person cancelled or the wallet declined)
  | 'digital-credentials-unavailable' // this browser or page cannot ask a wallet on this device (Digital Credentials API)
  // Checking a printed card (issue 17):
  | 'not-a-card' // the QR is not a card's code (`SC1:`): another app's, or a code shown on a phone (the message says which)
  | 'card-damaged'; // a card's code whose Base45, zlib or CBOR cannot be read, or which holds no card

export class CheckError extends Error {
  constructor(readonly code: CheckErrorCode, message: string, readonly details: { missing?: number[] } = {}) {
    super(message);
    this.name = 'CheckError';
  }
}

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
 * a pass nor the same as revoked.
 */
export type CheckVerdict = 'pass' | 'fail' | 'status-unknown';

/** Whether this phone can check offline, and for which issuers: worked out by the trust cache (src/wallet/trust). */
export type { OfflineReadiness };

/**
 * One check made, as a code the UI words in the person's language (src/ui/i18n/reasons.ts): a
 * passed check's name (`signature`), a failed one's `name:code` (`status:revoked`, the credentials
 * library's CheckCode), or the request's own (`request`, `request:missing-claims`,
 * `request:wrong-type`, `request:credentials`, `request:missing-credentials`, `request:not-asked`,
 * `trust-list:missing`), or a paper card's `paper:not-bound` (passed, always: compare the name and
 * photo with the person).
 */
export interface CheckReason {
  code: string;
  ok: boolean;
  /** What was asked for and not shared (`request:missing-claims`, `request:missing-credentials`). */
  missing?: DisplayName[];
}

/** One credential of an answer, verified: what CheckResult says about a single credential. */
export interface CredentialCheck {
  /** The DCQL credential query it was given for (the vp_token key, OpenID4VP 1.0 §8.1); 'quick-show' for quick show. */
  queryId: string;
  ok: boolean;
  /** Absent (results kept before verdicts existed): 'pass' when ok, else 'fail'. */
  verdict?: CheckVerdict;
  /** One reason per check, pass or fail (signature, issuer, validity, status, key binding…). */
  reasons: CheckReason[];
  issuerName?: Localised;
  typeName?: DisplayName;
  claims: { path: ClaimPath; label: DisplayName; value: unknown }[];
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
  /**
   * Present when the answer was given on someone's behalf (it holds an authority credential, or the
   * request required one: docs/carers.md): who presented it, for whom, under what, and whether the
   * authority holds. `ok` is false whenever this is not ok.
   */
  onBehalf?: OnBehalfOutcome;
}

/** Ways a proximity check can reach the holder's phone (src/protocols/iso18013-5/transport.ts). */
export type ProximityTransportName = 'ble';

/** A holder's device engagement, read (ISO/IEC 18013-5 §8.2): nothing is connected yet. */
export interface ProximityCheck {
  /** For checkInPerson, keepRecord and discard, like a request's. */
  requestId: string;
  /** How this holder can be reached that this browser can use; empty means it cannot be reached from here (the error says why). */
  transports: ProximityTransportName[];
}

/** Where a proximity check has got to, for the screen to say. */
export type ProximityStep = 'connecting' | 'waiting-for-holder' | 'verifying';

/** The requestId of quick-show checks: after acceptQuickShow(), pass it to addFrame / verify / keepRecord / discard. */
export const QUICK_SHOW_REQUEST_ID = 'quick-show';

/** A check made by asking a wallet on this device: its result, and the id keepRecord and discard take. */
export interface DigitalCredentialsCheck {
  requestId: string;
  result: CheckResult;
}

/**
 * Checking online by asking a wallet app on this device through the W3C Digital Credentials API
 * (OpenID4VP 1.0 Appendix A; docs/reader.md), where the browser offers it
 * (digitalCredentialsAvailable). Implemented in digital-credentials.ts, verified as every answer.
 */
export interface DigitalCredentialsChecker {
  /**
   * Sends an unsigned OpenID4VP request for the purpose (`openid4vp-v1-unsigned`, a one-time
   * nonce, the answer encrypted to a key made for it: dc_api.jwt) through
   * navigator.credentials.get — call it while handling a click: the browser shows its own chooser —
   * then opens the answer and verifies every presentation bound to this page's origin (KB-JWT
   * audience `origin:<origin>`, an mdoc's OpenID4VPDCAPIHandover). Throws CheckError
   * ('holder-declined': cancelled, declined or no wallet had it; 'digital-credentials-unavailable';
   * 'not-a-response'; 'replayed'); a presentation failing a check is a failed result, not a throw.
   */
  askWalletOnThisDevice(options: { purpose: Purpose; verifierName: string; signal?: AbortSignal }): Promise<DigitalCredentialsCheck>;
}

/** A printed card checked: its result, and the id keepRecord and discard take. */
export interface PaperCardCheck {
  requestId: string;
  result: CheckResult;
}

export interface Checker extends DigitalCredentialsChecker {
  /**
   * Starts a check: a one-time nonce, an ephemeral key, and the request QR. Asks for a purpose, a
   * list of claims, or (for several credentials at once) a whole DCQL query (OpenID4VP 1.0 §6).
   */
  createRequest(options: { purpose?: Purpose; claims?: ClaimPath[]; dcqlQuery?: Record<string, unknown>; verifierName: string }): Promise<CheckRequest>;
  /**
   * Checks any wallet's mdoc as an ISO/IEC 18013-5 reader, step one: reads the holder's
   * device-engagement QR (`mdoc:` + base64url DeviceEngagement, §8.2.2.3) for a purpose (what the
   * DeviceRequest will ask) and makes this check's ephemeral reader key (§9.1.1.4). Throws
   * CheckError 'not-an-engagement' or 'engagement-unsupported'; a TypeError for a purpose no mDL
   * element answers (right-to-work, veteran: see purposeAnswerFor(purpose, 'mso_mdoc', MDL_DOCTYPE)).
   */
  readEngagement(options: { qr: string; purpose: Purpose; verifierName: string }): Promise<ProximityCheck>;
  /**
   * Step two: connects (Web Bluetooth opens the browser's device chooser, so call it while
   * handling a click), establishes the encrypted session (§9.1.1), sends the DeviceRequest,
   * receives the DeviceResponse, ends the session and verifies offline: issuer auth to a listed
   * IACA, digests, validity, status from cached lists, device auth over this session's transcript
   * (signature or MAC), elements not asked for flagged. Throws CheckError ('bluetooth-unavailable',
   * 'bluetooth-cancelled', 'connection-lost', 'session-failed', 'holder-declined',
   * 'request-expired'); a response that fails a check is a failed CheckResult, not a throw. After
   * 'bluetooth-cancelled', 'bluetooth-unavailable' or 'connection-lost' it may be called again for
   * the same requestId (a new session, fresh reader key); after an answer or any other error, the
   * holder's code must be scanned again.
   */
  checkInPerson(requestId: string, options?: { onProgress?: (step: ProximityStep) => void }): Promise<CheckResult>;
  /**
   * Checks a printed card (issue 17), offline: its QR text (`SC1:` + Base45(zlib(COSE_Sign1)),
   * RFC 9285, RFC 1950, RFC 9052) is decoded and verified as a credential (verifyCredential):
   * issuer on the trust list, signature, type allowed, validity, status from cached lists. The
   * reasons always end with `paper:not-bound` (passed, a warning): a card is not linked to a phone,
   * so the checker compares the name and photo with the person. Throws CheckError 'not-a-card' or
   * 'card-damaged'; a card failing a check (unknown issuer, expired, revoked) is a failed result.
   */
  checkPaperCard(codeText: string, options?: { verifierName?: string }): Promise<PaperCardCheck>;
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

/**
 * A kept check: evidence someone can file — the result and which checks passed, what
 * was asked, what was seen, the issuer, and who checked. Values are kept as plain text.
 */
export interface CheckRecord {
  verdict: CheckVerdict;
  /** The checker's own name or organisation, as shown to the person. */
  checkedBy?: string;
  /**
   * What was asked for: the kinds of credential (names of types) and the details (names of claims);
   * empty for quick show, which asks nothing. Records kept before names were codes hold words.
   */
  asked: DisplayName[];
  /**
   * Every check made, passed or not. Kept as reasons (codes, worded when read); records kept
   * before reasons were codes hold the words as they were then, in `message`.
   */
  checks: (CheckReason | { ok: boolean; message: Localised })[];
  /** What was seen: each detail shared (text, number or yes/no; a photo is noted, not kept). */
  seen: { label: DisplayName; value: string | number | boolean; photo?: true }[];
  issuerName?: Localised;
  /** ISO 8601: when the cancellation list used was issued, if one was. */
  statusListFrom?: string;
  /** On someone's behalf: who presented it, for whom, under what, and what failed (names as plain text). */
  onBehalf?: OnBehalfOutcome;
}
