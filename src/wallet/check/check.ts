/**
 * Checking (verifier side; docs/sharing.md): the Checker of share-api.ts. Entirely offline.
 *
 *   createRequest  one-time nonce, ephemeral ECDH P-256 key (non-extractable, WebCrypto), DCQL
 *                  query for the purpose or claims → request QR (src/protocols/in-person/request-qr.ts)
 *   addFrame       frames in any order, duplicates ignored (src/protocols/in-person/frames.ts)
 *   verify         reassemble → decrypt the JWE (OpenID4VP 1.0 §8.3; RFC 7516/7518) → vp_token
 *                  (§8.1: presentations keyed by credential query id) → every KB-JWT's nonce and
 *                  audience are this request's and unused (else 'replayed') → verifyPresentations,
 *                  every presentation in one signature batch through the injected verifier (the
 *                  WASM worker in the app): signature, disclosures, issuer trusted for the type,
 *                  validity, status from cached lists, key binding (RFC 9901 §7.3) → each
 *                  credential is of the type its query asked for and holds every claim it asked for
 *                  (§6.4.1), and every required query was answered (§6.4.2) → a result per
 *                  credential and overall, unrequested claims flagged, time taken
 *   readEngagement / checkInPerson  any wallet's mDL in person as an ISO/IEC 18013-5 reader (the
 *                  holder's `mdoc:` QR, then BLE): proximity-check.ts, loaded by dynamic import
 *   checkPaperCard a printed card's QR (`SC1:`, issue 17), verified as a credential: paper-check.ts,
 *                  loaded by dynamic import
 * Nothing about the person outlives discard() / discardAll() unless keepRecord() stores the result
 * encrypted; the app calls discardAll() when the check screen is left and when the vault locks.
 */
import { detectFormat, verifyPresentations, type SignatureVerifier, type TrustList } from '../../credentials/index';
import { base64urlEncode } from '../../lib/base64url';
import { utf8Decode } from '../../lib/bytes';
import { decryptJwe, generateRecipientKey, JweError } from '../../lib/jwe';
import { FRAME_MS, FrameCollector, FrameError, parseFrame } from '../../protocols/in-person/frames';
import { QUICK_SHOW_ACCEPT_S, QUICK_SHOW_AUDIENCE, QUICK_SHOW_STEP_S, quickShowNonceFresh } from '../../protocols/in-person/quick-show';
import { unpackPresentation } from '../../protocols/in-person/quick-show-payload';
import { encodeRequestQr } from '../../protocols/in-person/request-qr';
import { DcqlError, parseDcqlQuery, typesAsked, type DcqlQuery } from '../../protocols/openid4vp/dcql';
import { satchelQrHandover } from '../../protocols/openid4vp/handover';
import { REQUEST_CLOCK_SKEW_S } from '../../protocols/openid4vp/request-object';
import { readResponseParameters } from '../../protocols/openid4vp/response';
import { unansweredQueries } from './check-answer';
import { credentialCheck, singleCredentialResult } from './check-credential';
import { onBehalfOf, onBehalfReasons } from './check-on-behalf';
import { answersQuery, NO_TRUST_LIST } from './check-reasons';
import { checkRecordOf, personNameOf, withoutBytes } from './check-record';
import { askBrowser, browserDigitalCredentials, openDigitalCredentialsAnswer, prepareDigitalCredentialsRequest, type DigitalCredentialsHost } from './digital-credentials';
import type { PresentationHandover } from '../../credentials/formats/format';
import type { CheckTrust } from '../trust';
import { dcqlFor, nameAsWords, nameOfType } from '../shared';
import type { DisplayName, Localised } from '../shared';
import type { SatchelVault } from '../vault';
import { CheckError, QUICK_SHOW_REQUEST_ID, type OfflineReadiness, type CheckRequest, type CheckResult, type Checker, type DigitalCredentialsCheck, type FrameProgress, type PaperCardCheck, type ProximityCheck, type ProximityStep } from './check-api';
import type { ClaimPath, Purpose } from '../shared';
import type { ProximityState, ProximityTransportFactory } from './proximity-check';
import type { DeviceEngagement } from '../../protocols/iso18013-5/engagement';
import type { ReaderSession } from '../../protocols/iso18013-5/reader-session';

/** How long a request QR stays answerable. */
export const CHECK_REQUEST_LIFETIME_S = 5 * 60;
export const CHECK_RECORD_KIND = 'check-record';
const NONCE_BYTES = 16;
/** Presentations one answer may hold: far more than any real request needs, few enough to verify quickly. */
const MAX_PRESENTATIONS = 10;

export interface CheckerOptions {
  /** The crypto worker's verifier in the app (WASM core, noble fallback). */
  verifier: SignatureVerifier;
  trust: CheckTrust;
  /** For keepRecord (encrypted in the vault) and the activity log. */
  vault?: Pick<SatchelVault, 'putRecord' | 'recordActivity'>;
  now?: () => number;
  /** Monotonic clock for elapsedMs. */
  clock?: () => number;
  /** Claim labels (e.g. the issuers' display metadata); default: from the claim name. */
  claimLabel?: (type: string, path: ClaimPath) => Localised | undefined;
  /** How checkInPerson reaches the holder's device; default: Web Bluetooth (mdoc peripheral server mode, ISO/IEC 18013-5 §8.3.3.1.1). */
  proximityTransport?: ProximityTransportFactory;
  /** Tests only: starts the reader session (e.g. with Annex D's reader key and transcript); default ReaderSession.start with a fresh key. */
  startReaderSession?: (engagement: DeviceEngagement) => Promise<ReaderSession>;
  /** navigator.credentials.get and this page's origin, for askWalletOnThisDevice; default: the browser's. */
  digitalCredentials?: DigitalCredentialsHost;
}

interface OpenCheck {
  kind: 'request' | 'quick-show' | 'proximity' | 'paper-card';
  verifierName?: string;
  nonce?: string;
  clientId?: string;
  privateKey?: CryptoKey;
  expiresAt: number; // ms
  /** What the request asked for (OpenID4VP 1.0 §6); absent for quick show, which asks nothing. */
  query?: DcqlQuery;
  /** The request QR as made: an mdoc answer's device signature must cover its handover (docs/sharing.md). */
  requestQr?: string;
  /** Asked through the Digital Credentials API: the OpenID4VPDCAPIHandover an mdoc answer's device signature covers (B.2.6.2). */
  handover?: PresentationHandover;
  frames: FrameCollector;
  lastFrameAt?: number;
  result?: CheckResult;
  /** An ISO/IEC 18013-5 reader session (kind 'proximity'): its keys until the exchange ends. */
  proximity?: ProximityState;
}

const randomId = (bytes: number): string => base64urlEncode(crypto.getRandomValues(new Uint8Array(bytes)));

/**
 * The holder proof's nonce and aud (a KB-JWT's: RFC 9901 §4.3), read before verifying by the
 * credential's format, to tell a replay from a forgery, and what the holder signed (a KB-JWT's JWS
 * signing input, RFC 7515 §5.1: ASCII(header '.' payload)).
 * Replays are remembered by the signing input, never by the signature: ECDSA signatures are
 * malleable ((r, s) and (r, n − s) both verify), so a copy can carry different signature bytes
 * over the same signed content.
 */
function peekKeyBinding(presentation: string): { nonce?: unknown; aud?: unknown; signingInput: string } | undefined {
  return detectFormat(presentation).peekHolderProof(presentation);
}

/** A credential in an answer, under the credential query id it was given for (OpenID4VP 1.0 §8.1). */
interface Presented {
  queryId: string;
  presentation: string;
}

/** Several credentials' types, said as one line. */
function joinNames(names: DisplayName[]): DisplayName {
  return { of: 'list', names };
}

class CheckerImpl implements Checker {
  private readonly checks = new Map<string, OpenCheck>();
  private readonly usedNonces = new Set<string>();
  /** Quick show shares one nonce per 30 s: each KB-JWT (by SHA-256 of its signing input) is accepted once. */
  private readonly usedQuickShows = new Map<string, number>();
  private readonly now: () => number;
  private readonly clock: () => number;

  constructor(private readonly options: CheckerOptions) {
    this.now = options.now ?? (() => Date.now());
    this.clock = options.clock ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  }

  async createRequest(options: { purpose?: Purpose; claims?: ClaimPath[]; dcqlQuery?: Record<string, unknown>; verifierName: string }): Promise<CheckRequest> {
    if (typeof options?.verifierName !== 'string') throw new TypeError('options.verifierName must be a string');
    const query = options.dcqlQuery ?? dcqlFor(options).query;
    let parsed: DcqlQuery;
    try {
      parsed = parseDcqlQuery(query);
    } catch (error) {
      if (error instanceof DcqlError) throw new TypeError(`options.dcqlQuery: ${error.message}`);
      throw error;
    }
    const requestId = randomId(12);
    const nonce = randomId(NONCE_BYTES);
    const { privateKey, publicJwk } = await generateRecipientKey();
    const issuedAt = new Date(this.now());
    const expiresAt = new Date(issuedAt.getTime() + CHECK_REQUEST_LIFETIME_S * 1000);
    const clientId = `satchel-in-person:${requestId}`;
    const text = await encodeRequestQr({
      clientId,
      verifierName: options.verifierName.trim().slice(0, 80) || 'Satchel',
      nonce,
      dcqlQuery: query,
      encryptionKey: { ...publicJwk, kid: requestId.slice(0, 8) },
      issuedAt,
      expiresAt,
      ...(options.purpose ? { purpose: options.purpose } : {}),
    });
    this.checks.set(requestId, { kind: 'request', verifierName: options.verifierName, nonce, clientId, privateKey, expiresAt: expiresAt.getTime(), query: parsed, requestQr: text, frames: new FrameCollector() });
    return { requestId, qr: { frames: [text], frameMs: FRAME_MS }, expiresAt: expiresAt.toISOString() };
  }

  async readEngagement(options: { qr: string; purpose: Purpose; verifierName: string }): Promise<ProximityCheck> {
    if (typeof options?.qr !== 'string') throw new TypeError('options.qr must be a string');
    if (typeof options.verifierName !== 'string') throw new TypeError('options.verifierName must be a string');
    const { readProximityEngagement, transportsFor } = await import('./proximity-check');
    const state = await readProximityEngagement(options.qr, options.purpose, this.options.startReaderSession ? { startSession: this.options.startReaderSession } : {});
    const requestId = randomId(12);
    const expiresAt = this.now() + CHECK_REQUEST_LIFETIME_S * 1000;
    this.checks.set(requestId, { kind: 'proximity', verifierName: options.verifierName, expiresAt, query: state.query, frames: new FrameCollector(), proximity: state });
    return { requestId, transports: transportsFor(state.engagement) };
  }

  async checkInPerson(requestId: string, options: { onProgress?: (step: ProximityStep) => void } = {}): Promise<CheckResult> {
    const check = this.checks.get(requestId);
    const state = check?.proximity;
    if (!check || !state || state.used) throw new CheckError('request-expired', 'This check is closed: scan their code again');
    if (this.now() > check.expiresAt) throw new CheckError('request-expired', 'Their code was scanned too long ago: scan it again');
    state.used = true;
    const { exchangeWithHolder, readyToRetry, verifyDeviceResponse, webBluetoothTransport } = await import('./proximity-check');
    const { sessionTranscriptBytes, readerPrivateKey } = state.session!;
    const transport = (this.options.proximityTransport ?? webBluetoothTransport)(state.engagement);
    const closedMeanwhile = () => new CheckError('request-expired', 'This check was closed while their wallet was answering: start a new check');
    const { deviceResponse, receivedAt: started } = await exchangeWithHolder(state, transport, { clock: this.clock, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }).catch(async (error: unknown) => {
      // discard() closed the link: the check is gone, not the connection.
      if (this.checks.get(requestId) !== check) throw closedMeanwhile();
      // The chooser closed, Bluetooth off, the link dropped before an answer: the checker may connect again.
      await readyToRetry(state, error);
      throw error;
    });
    if (this.checks.get(requestId) !== check) throw closedMeanwhile();
    options.onProgress?.('verifying');
    const trustList = await this.options.trust.trustList();
    const result = trustList
      ? await verifyDeviceResponse(state, deviceResponse, {
        trustList,
        verifier: this.options.verifier,
        now: new Date(this.now()),
        fetchStatusList: (uri) => this.options.trust.statusList(uri),
        sessionTranscriptBytes,
        readerPrivateKey,
        ...(this.options.claimLabel ? { claimLabel: this.options.claimLabel } : {}),
      })
      : this.noTrustList();
    result.elapsedMs = Math.max(0, this.clock() - started);
    // Discarded meanwhile (the screen was left, the vault locked): the result is not handed out.
    if (this.checks.get(requestId) !== check) throw new CheckError('request-expired', 'This check was closed while it was being verified: start a new check');
    check.result = result;
    return result;
  }

  /** Digital Credentials API (digital-credentials.ts): opened as a request, verified by check() like a scanned answer. */
  async askWalletOnThisDevice(options: { purpose: Purpose; verifierName: string; signal?: AbortSignal }): Promise<DigitalCredentialsCheck> {
    const host = this.options.digitalCredentials ?? browserDigitalCredentials();
    const asked = await prepareDigitalCredentialsRequest({ purpose: options.purpose }, host.origin);
    const { requestId, nonce, clientId, privateKey, query, handover } = asked;
    const check: OpenCheck = { kind: 'request', verifierName: options.verifierName, nonce, clientId, privateKey, query, handover, expiresAt: this.now() + CHECK_REQUEST_LIFETIME_S * 1000, frames: new FrameCollector() };
    this.checks.set(requestId, check);
    try {
      const { presented: answer, handover: boundTo } = await openDigitalCredentialsAnswer(await askBrowser(host, asked, options.signal), asked);
      // The wallet chose the protocol: OpenID4VP's handover (B.2.6.2) or ISO/IEC 18013-7 Annex C's transcript.
      check.handover = boundTo;
      const started = this.clock();
      // One-time nonce (OpenID4VP 1.0 §14.1): this answer is read once.
      if (this.usedNonces.has(nonce)) throw new CheckError('replayed', 'This answer has already been checked once: it may be a copy');
      this.usedNonces.add(nonce);
      const trustList = await this.options.trust.trustList();
      const result = trustList ? await this.check(check, answer, trustList) : this.noTrustList();
      result.elapsedMs = Math.max(0, this.clock() - started);
      if (this.checks.get(requestId) !== check) throw new CheckError('request-expired', 'This check was closed while it was being verified: start a new check');
      check.result = result;
      return { requestId, result };
    } catch (error) {
      if (!check.result && this.checks.get(requestId) === check) this.checks.delete(requestId);
      throw error;
    }
  }

  /** A printed card (paper-check.ts): decoded and verified at once; the result is kept under a new id for keepRecord. */
  async checkPaperCard(codeText: string, options: { verifierName?: string } = {}): Promise<PaperCardCheck> {
    if (typeof codeText !== 'string') throw new TypeError('codeText must be a string');
    const started = this.clock();
    const { checkPaperCardCode } = await import('./paper-check');
    const trustList = await this.options.trust.trustList();
    const result = trustList
      ? await checkPaperCardCode(codeText, {
        trustList,
        verifier: this.options.verifier,
        now: new Date(this.now()),
        // Cached lists only: a card is checked where there may be no signal.
        fetchStatusList: (uri) => this.options.trust.statusList(uri),
        ...(this.options.claimLabel ? { claimLabel: this.options.claimLabel } : {}),
      })
      : this.noTrustList();
    result.elapsedMs = Math.max(0, this.clock() - started);
    const requestId = randomId(12);
    this.checks.set(requestId, { kind: 'paper-card', ...(options.verifierName ? { verifierName: options.verifierName } : {}), expiresAt: Number.POSITIVE_INFINITY, frames: new FrameCollector(), result });
    return { requestId, result };
  }

  /** Afterwards addFrame/verify/keepRecord/discard take QUICK_SHOW_REQUEST_ID. */
  async acceptQuickShow(): Promise<void> {
    if (!this.checks.has(QUICK_SHOW_REQUEST_ID)) this.newQuickShow();
  }

  private newQuickShow(): OpenCheck {
    const check: OpenCheck = { kind: 'quick-show', expiresAt: Number.POSITIVE_INFINITY, frames: new FrameCollector() };
    this.checks.set(QUICK_SHOW_REQUEST_ID, check);
    return check;
  }

  private open(requestId: string): OpenCheck {
    const check = this.checks.get(requestId);
    if (!check) throw new CheckError('request-expired', 'This check is closed: start a new check');
    return check;
  }

  async addFrame(requestId: string, frame: string): Promise<FrameProgress> {
    let check = this.open(requestId);
    if (check.kind === 'proximity') throw new CheckError('not-a-response', 'This check reads a licence over Bluetooth, not from QR codes');
    if (check.kind === 'paper-card') throw new CheckError('not-a-response', 'This check read a printed card: check the next card with checkPaperCard');
    // After a result, the next scan starts a fresh response (the continuous mode at a door).
    if (check.result) {
      check = check.kind === 'quick-show' ? this.newQuickShow() : { ...check, frames: new FrameCollector(), result: undefined };
      if (check.kind === 'request') this.checks.set(requestId, check);
    }
    try {
      // A code of the other kind is refused before it touches the frames collected so far.
      const expected = check.kind === 'request' ? 'response' : 'quick-show';
      const kind = parseFrame(frame)?.kind;
      if (kind !== undefined && kind !== expected) {
        throw new CheckError('not-a-response', check.kind === 'request' ? 'This is a quick-show code, not the answer to this request' : 'This is an answer to another check, not a quick-show code');
      }
      const progress = check.frames.add(frame);
      check.lastFrameAt = this.clock();
      return progress;
    } catch (error) {
      if (error instanceof FrameError) {
        if (error.code === 'mismatch') throw new CheckError('frame-mismatch', error.message);
        throw new CheckError('not-a-response', 'This QR code is not a Satchel response: it may be from another app');
      }
      throw error;
    }
  }

  async verify(requestId: string): Promise<CheckResult> {
    const check = this.open(requestId);
    if (check.result) return check.result;
    if (check.kind === 'proximity') throw new CheckError('request-expired', 'This check reads a licence over Bluetooth: connect with checkInPerson');
    const started = check.lastFrameAt ?? this.clock();
    let payload: string;
    try {
      // One attempt per response: whatever the outcome, its frames are forgotten (other partial ones stay).
      payload = check.frames.take();
    } catch (error) {
      if (error instanceof FrameError) throw new CheckError('frame-missing', error.message, { missing: error.missing });
      throw error;
    }
    const answer = check.kind === 'request' ? await this.openResponse(check, payload) : [{ queryId: QUICK_SHOW_REQUEST_ID, presentation: await this.openQuickShow(check, payload) }];
    const trustList = await this.options.trust.trustList();
    const result = trustList ? await this.check(check, answer, trustList) : this.noTrustList();
    result.elapsedMs = Math.max(0, this.clock() - started);
    // Discarded meanwhile (the screen was left, the vault locked): the result is not handed out.
    if (this.checks.get(requestId) !== check) throw new CheckError('request-expired', 'This check was closed while it was being verified: start a new check');
    check.result = result;
    return result;
  }

  private async openResponse(check: OpenCheck, jwe: string): Promise<Presented[]> {
    if (this.now() > check.expiresAt + REQUEST_CLOCK_SKEW_S * 1000) throw new CheckError('request-expired', 'This request has expired: start a new check');
    let plaintext: Uint8Array;
    try {
      plaintext = await decryptJwe(jwe, check.privateKey!);
    } catch (error) {
      if (error instanceof JweError && error.code === 'wrong-key') throw new CheckError('wrong-key', 'This answer was made for another check or another phone: ask the person to scan this request');
      throw new CheckError('not-a-response', 'This is not a readable Satchel response');
    }
    const text = utf8Decode(plaintext);
    let params;
    try {
      params = text === undefined ? undefined : readResponseParameters(JSON.parse(text));
    } catch {
      params = undefined;
    }
    // §8.1: vp_token is keyed by credential query id, each value an array of presentations.
    const answer: Presented[] = Object.entries(params?.vp_token ?? {}).flatMap(([queryId, list]) => list.map((presentation) => ({ queryId, presentation })));
    if (answer.length === 0) throw new CheckError('not-a-response', 'The response holds no presentation');
    if (answer.length > MAX_PRESENTATIONS) throw new CheckError('not-a-response', `The response holds ${answer.length} presentations; at most ${MAX_PRESENTATIONS} are read`);
    for (const [queryId, list] of Object.entries(params!.vp_token)) {
      // §6.1 / §8.1: unless the query allows `multiple`, its array holds exactly one presentation.
      const query = check.query?.credentials.find((q) => q.id === queryId);
      if (list.length > 1 && !query?.multiple) throw new CheckError('not-a-response', 'The response holds several presentations for a credential asked for once');
    }
    // One-time nonce (OpenID4VP 1.0 §14.1 replay): every presentation bound to this request's, never seen before.
    for (const { presentation } of answer) {
      const kb = peekKeyBinding(presentation);
      // An mdoc's DeviceAuth carries no readable nonce or audience: they are inside the hashed
      // SessionTranscript (ISO/IEC 18013-5 §9.1.5.1), here the request QR with this nonce and
      // client id, which its signature check proves it covers (key-binding).
      const transcriptBound = kb !== undefined && kb.nonce === undefined && kb.aud === undefined;
      if (!kb || (!transcriptBound && (kb.nonce !== check.nonce || kb.aud !== check.clientId))) throw new CheckError('replayed', 'This answer was made for another check: it may be a copy');
    }
    if (this.usedNonces.has(check.nonce!)) throw new CheckError('replayed', 'This answer has already been checked once: it may be a copy');
    this.usedNonces.add(check.nonce!);
    return answer;
  }

  private async openQuickShow(check: OpenCheck, payload: string): Promise<string> {
    const presentation = await unpackPresentation(payload);
    if (!presentation) throw new CheckError('not-a-response', 'This is not a readable quick-show code');
    const kb = peekKeyBinding(presentation);
    const now = this.now();
    if (!kb || kb.aud !== QUICK_SHOW_AUDIENCE || typeof kb.nonce !== 'string') throw new CheckError('replayed', 'This code was made for another verifier');
    if (!quickShowNonceFresh(kb.nonce, new Date(now))) throw new CheckError('replayed', 'This quick-show code is too old: ask the person to show a fresh one');
    for (const [seen, until] of this.usedQuickShows) if (until < now) this.usedQuickShows.delete(seen);
    // What was signed (iat, nonce, aud, sd_hash over the disclosures), not the signature bytes.
    const signed = base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(kb.signingInput))));
    if (this.usedQuickShows.has(signed)) throw new CheckError('replayed', 'This quick-show code has already been checked: it may be a copy');
    this.usedQuickShows.set(signed, now + (QUICK_SHOW_ACCEPT_S + 2 * QUICK_SHOW_STEP_S) * 1000);
    check.nonce = kb.nonce;
    return presentation;
  }

  private noTrustList(): CheckResult {
    return { ok: false, verdict: 'fail', reasons: [{ ...NO_TRUST_LIST }], claims: [], unrequested: [], elapsedMs: 0 };
  }

  private async check(check: OpenCheck, answer: Presented[], trustList: TrustList): Promise<CheckResult> {
    const audience = check.kind === 'request' ? check.clientId! : QUICK_SHOW_AUDIENCE;
    const reports = await verifyPresentations(answer.map((a) => a.presentation), {
      trustList,
      verifier: this.options.verifier,
      now: new Date(this.now()),
      audience,
      nonce: check.nonce!,
      // The SatchelQRHandover of the request QR this checker made (an mdoc's SessionTranscript; ignored by KB-JWTs).
      ...(check.handover ? { handover: check.handover } : check.requestQr !== undefined ? { handover: satchelQrHandover(check.requestQr) } : {}),
      fetchStatusList: (uri) => this.options.trust.statusList(uri),
    });
    const credentials = answer.map((a, i) => credentialCheck(reports[i]!, {
      queryId: a.queryId,
      asked: check.kind === 'request',
      ...(check.query ? { query: check.query.credentials.find((q) => q.id === a.queryId) } : {}),
      trustList,
      ...(this.options.claimLabel ? { claimLabel: this.options.claimLabel } : {}),
    }));
    const { query } = check;
    // §6.4.2: the answer as a whole — every required credential query answered. Said only when the
    // request asked for several credentials or something is missing (one credential reads as before).
    // A purpose answered by one of several kinds of credential (credential_sets options) reads as one credential.
    const missing = query ? unansweredQueries(query, new Set(answer.map((a) => a.queryId))) : [];
    const typeAskedBy = (id: string): string => {
      const asked = query?.credentials.find((q) => q.id === id);
      return (asked && typesAsked(asked)[0]) ?? id;
    };
    const whole = query && (answer.length > 1 || missing.length > 0)
      ? [answersQuery(missing.map((id) => nameOfType(typeAskedBy(id))))]
      : [];
    // On someone's behalf (docs/carers.md): the authority holds, names this person, covers what was asked.
    const onBehalf = onBehalfOf(query, answer, reports);
    if (onBehalf) whole.push(...onBehalfReasons(onBehalf));
    const withOnBehalf = (result: CheckResult): CheckResult => (onBehalf ? { ...result, onBehalf } : result);
    if (credentials.length === 1) return withOnBehalf(singleCredentialResult(credentials[0]!, whole));
    const ok = whole.every((r) => r.ok) && credentials.every((c) => c.ok);
    // Several credentials: a fail if any failed; else 'status-unknown' if any could not be checked for cancellation.
    const verdict = ok ? 'pass' : whole.every((r) => r.ok) && credentials.every((c) => c.verdict !== 'fail') ? 'status-unknown' : 'fail';
    return withOnBehalf({
      ok,
      verdict,
      reasons: whole,
      claims: credentials.flatMap((c) => c.claims),
      unrequested: credentials.flatMap((c) => c.unrequested),
      credentials,
      elapsedMs: 0,
    });
  }

  async offlineReadiness(options: { refresh?: boolean } = {}): Promise<OfflineReadiness> {
    const { trust } = this.options;
    if (options.refresh && trust.prepareOffline) return trust.prepareOffline();
    if (trust.readiness) return trust.readiness();
    return { trustList: (await trust.trustList()) !== undefined, issuers: [] };
  }

  async keepRecord(requestId: string): Promise<void> {
    const check = this.open(requestId);
    if (!check.result) throw new TypeError(`Check ${requestId} has no result to keep yet`);
    if (!this.options.vault) throw new TypeError('This checker was created without a vault: records cannot be kept');
    const at = new Date(this.now()).toISOString();
    // Kept encrypted in the vault (records are sealed with the vault key; kind and id are HMACed).
    await this.options.vault.putRecord(CHECK_RECORD_KIND, `${requestId}:${at}`, { at, verifierName: check.verifierName, result: withoutBytes(check.result) });
    const several = check.result.credentials && check.result.credentials.length > 1 ? check.result.credentials : undefined;
    // The record is evidence someone can file (docs/sharing.md, "What the checker checks"): the result, every check, what was asked and
    // seen, the issuer and who checked. "With" is the person checked (their name, if shared), never the checker.
    const person = personNameOf(check.result);
    await this.options.vault.recordActivity({
      kind: 'checked',
      at,
      credentialTypeName: several ? joinNames(several.map((c) => c.typeName ?? nameAsWords({ en: c.queryId }))) : check.result.typeName,
      ...(person ? { counterparty: person } : {}),
      claims: check.result.claims.map((c) => c.label),
      check: checkRecordOf(check.result, { ...(check.query ? { query: check.query } : {}), ...(check.verifierName ? { checkedBy: check.verifierName } : {}) }),
    });
  }

  discard(requestId: string): void {
    this.forget(this.checks.get(requestId));
    this.checks.delete(requestId);
  }

  discardAll(): void {
    for (const check of this.checks.values()) this.forget(check);
    this.checks.clear();
  }

  /** A proximity check still connected is disconnected (its reader key goes with the check). */
  private forget(check: OpenCheck | undefined): void {
    const transport = check?.proximity?.transport;
    if (transport) void transport.close();
  }
}

export function createChecker(options: CheckerOptions): Checker {
  return new CheckerImpl(options);
}
