/**
 * Checking any wallet's mobile driving licence in person as an ISO/IEC 18013-5 reader (issue 15):
 * the parts of Checker.readEngagement / checkInPerson (check.ts) that speak the protocol. Loaded by
 * dynamic import when a proximity check starts, so the check screen's first load does not carry the
 * session code or the Bluetooth transport.
 *
 *   readProximityEngagement  the holder's `mdoc:` QR → DeviceEngagement (§8.2.2.3) → ReaderSession
 *                            (EReaderKey, SessionTranscript, SKReader/SKDevice: §9.1.1.4, §9.1.5.1,
 *                            §9.1.1.5) and the DeviceRequest for the purpose (§8.3.2.1.2.1)
 *   exchangeWithHolder       connect → SessionEstablishment → SessionData ← → SessionData
 *                            {status: 20} (§9.1.1.4) → close the transport, always
 *   verifyDeviceResponse     the DeviceResponse through the same pipeline as every presentation,
 *                            with the iso-18013-5 handover (device auth over this session's transcript)
 *
 * The reader does not authenticate itself (no readerAuth, §9.1.4): docs/reader.md says why.
 */
import { verifyPresentations, type SignatureVerifier, type TrustList } from '../../credentials/index';
import { decodeCbor } from '../../credentials/formats/mso-mdoc/cbor';
import { base64urlDecode, base64urlEncode } from '../../lib/base64url';
import { withDeviceRequest } from '../../protocols/in-person/device-request';
import { webBluetoothTransport as bleTransport } from '../../protocols/iso18013-5/ble/web-bluetooth-transport';
import { parseDeviceEngagement } from '../../protocols/iso18013-5/device-engagement';
import type { DeviceEngagement } from '../../protocols/iso18013-5/engagement';
import { ProximityError } from '../../protocols/iso18013-5/proximity-error';
import { ReaderSession } from '../../protocols/iso18013-5/reader-session';
import { SessionStatus } from '../../protocols/iso18013-5/session-messages';
import { TransportError, type MdocTransport } from '../../protocols/iso18013-5/transport';
import { parseDcqlQuery, type DcqlQuery } from '../../protocols/openid4vp/dcql';
import { dcqlFor, MDL_DOCTYPE, type ClaimPath, type Localised, type Purpose } from '../shared';
import { CheckError, type CheckErrorCode, type CheckResult, type ProximityStep, type ProximityTransportName } from './check-api';
import { credentialCheck, singleCredentialResult } from './check-credential';

/** Makes the transport to a holder's device from its engagement (Web Bluetooth in the app; a fake in tests). */
export type ProximityTransportFactory = (engagement: DeviceEngagement) => MdocTransport;

/** A proximity check between readEngagement and its result: what checkInPerson needs. */
export interface ProximityState {
  engagement: DeviceEngagement;
  /** The session keys and the reader's private key; dropped as soon as the exchange ends. */
  session?: ReaderSession;
  /** The DeviceRequest CBOR sent in the SessionEstablishment. */
  deviceRequest: Uint8Array;
  /** The DeviceRequest as the equivalent DCQL query (OpenID4VP 1.0 B.2), one credential query: what was asked, for the verdict and the record. */
  query: DcqlQuery;
  /** Whether checkInPerson is under way or has ended: one exchange per engagement, unless it stopped before any answer (RETRYABLE, readyToRetry). */
  used: boolean;
  /** Starts a session with this engagement (a fresh EReaderKey each time, §9.1.1.4). */
  startSession: (engagement: DeviceEngagement) => Promise<ReaderSession>;
  /** While connected: what discard() closes. */
  transport?: MdocTransport;
}

/**
 * Reads the holder's engagement QR and starts the session for a purpose the mDL answers. Throws
 * CheckError 'not-an-engagement' / 'engagement-unsupported', or a TypeError for a purpose no mDL
 * element answers (right to work, veteran).
 */
export async function readProximityEngagement(qr: string, purpose: Purpose, options: { startSession?: (engagement: DeviceEngagement) => Promise<ReaderSession> } = {}): Promise<ProximityState> {
  const mdlQuery = (dcqlFor({ purpose }).query.credentials as Record<string, unknown>[]).find((q) => q.format === 'mso_mdoc');
  if (!mdlQuery) throw new TypeError(`purpose ${purpose} cannot be answered by a mobile driving licence (${MDL_DOCTYPE})`);
  // §8.3.2.1.2.1 DeviceRequest "1.0", one DocRequest, each element with IntentToRetain false (nothing is kept unless the checker chooses).
  const { deviceRequest } = withDeviceRequest({ credentials: [mdlQuery] });
  if (deviceRequest === undefined) throw new TypeError(`purpose ${purpose}: its mDL elements cannot be said as an ItemsRequest`);
  try {
    const engagement = parseDeviceEngagement(qr);
    // §9.1.1.4: a fresh ephemeral reader key for every session (tests may start it with a fixed one).
    const startSession = options.startSession ?? ((e: DeviceEngagement) => ReaderSession.start(e));
    const session = await startSession(engagement);
    return { engagement, session, startSession, deviceRequest: base64urlDecode(deviceRequest)!, query: parseDcqlQuery({ credentials: [mdlQuery] }), used: false };
  } catch (error) {
    throw asCheckError(error);
  }
}

/**
 * The app's transport: Web Bluetooth, the reader as GATT client of the holder's mdoc peripheral
 * server (§8.3.3.1.1). Imported with this module (at readEngagement), so the click that calls
 * checkInPerson reaches the device chooser with no module still to load.
 */
export const webBluetoothTransport: ProximityTransportFactory = (engagement) => bleTransport(engagement);

/** Ways this holder can be reached from a web page: BLE mdoc peripheral server mode only (Web Bluetooth is a central). */
export function transportsFor(engagement: DeviceEngagement): ProximityTransportName[] {
  return engagement.ble?.peripheralServerUuid ? ['ble'] : [];
}

const TRANSPORT_ERRORS: Record<TransportError['code'], CheckErrorCode> = {
  unavailable: 'bluetooth-unavailable',
  cancelled: 'bluetooth-cancelled',
  'connection-lost': 'connection-lost',
  // §8.3.3.1.1.4: the Ident read does not match the engagement's key — another phone answered.
  'wrong-device': 'session-failed',
  malformed: 'session-failed',
};

/**
 * Failures after which the checker may connect again with the same engagement (the holder still
 * shows its code): nothing was answered. A new session with a fresh EReaderKey is made for it, so
 * no key or message counter is ever used twice (§9.1.1.5).
 */
const RETRYABLE: ReadonlySet<CheckErrorCode> = new Set(['bluetooth-cancelled', 'bluetooth-unavailable', 'connection-lost']);

/** After a failed exchange: whether checkInPerson may be called again, with a new session ready for it. */
export async function readyToRetry(state: ProximityState, error: unknown): Promise<boolean> {
  if (!(error instanceof CheckError) || !RETRYABLE.has(error.code)) return false;
  state.session = await state.startSession(state.engagement);
  state.used = false;
  return true;
}

/** A protocol or transport failure as the CheckError the screen words; anything else (a bug) as it is. */
function asCheckError(error: unknown): unknown {
  if (error instanceof CheckError) return error;
  if (error instanceof ProximityError) return new CheckError(error.code, error.message);
  if (error instanceof TransportError) return new CheckError(TRANSPORT_ERRORS[error.code], error.message);
  return error;
}

/**
 * The session with the holder (§9.1.1.4): returns the decrypted DeviceResponse CBOR and when the
 * message carrying it arrived (the result's elapsedMs counts from there). Ends the
 * session and closes the transport whatever happens: status 20 after an answer, 10 or 11 after a
 * message that failed (§9.1.1.4 Table 20), nothing when the holder has ended it. Throws CheckError.
 */
export async function exchangeWithHolder(
  state: ProximityState,
  transport: MdocTransport,
  options: { onProgress?: (step: ProximityStep) => void; clock: () => number },
): Promise<{ deviceResponse: Uint8Array; receivedAt: number }> {
  const onProgress = options.onProgress ?? (() => {});
  const session = state.session;
  if (!session) throw new CheckError('request-expired', 'This check has already connected once: scan their code again');
  state.transport = transport;
  let endWith: number | undefined;
  try {
    onProgress('connecting');
    await transport.connect();
    await transport.send(await session.establishment(state.deviceRequest));
    onProgress('waiting-for-holder');
    const message = await transport.receive();
    const receivedAt = options.clock();
    const opened = await session.open(message).catch((error: unknown) => {
      if (error instanceof ProximityError && error.sessionStatus !== undefined) endWith = error.sessionStatus;
      throw error;
    });
    if (opened.deviceResponse === undefined) {
      // §9.1.1.4: a SessionData with only a status ends the session; 20 is the holder's wallet stopping.
      if (opened.status === SessionStatus.sessionTermination) throw new CheckError('holder-declined', 'Their wallet ended the session without sharing the licence');
      throw new CheckError('session-failed', `Their wallet reported an error (session status ${String(opened.status)}) and ended the session`);
    }
    // An answer that itself ends the session needs no termination from the reader.
    if (opened.status !== SessionStatus.sessionTermination) endWith = SessionStatus.sessionTermination;
    return { deviceResponse: opened.deviceResponse, receivedAt };
  } catch (error) {
    throw asCheckError(error);
  } finally {
    if (endWith !== undefined) await transport.send(session.termination(endWith)).catch(() => {});
    await transport.close();
    // The reader key and session keys are forgotten with the session: one exchange per engagement.
    delete state.session;
    delete state.transport;
  }
}

/** What the holder's DeviceResponse (§8.3.2.1.2.2) says before it is verified: declined (no document, or a status ≠ 0), or something to verify. */
function declinedOrDamaged(deviceResponse: Uint8Array): CheckError | undefined {
  let response: unknown;
  try {
    response = decodeCbor(deviceResponse, 'DeviceResponse');
  } catch {
    return new CheckError('session-failed', 'Their wallet sent something that is not a DeviceResponse');
  }
  if (!(response instanceof Map)) return new CheckError('session-failed', 'Their wallet sent something that is not a DeviceResponse');
  const documents = response.get('documents');
  // §8.3.2.1.2.3: status 0 is OK; 10 general error, 11 CBOR decoding error, 12 CBOR validation error.
  if (!Array.isArray(documents) || documents.length === 0) {
    const status = response.get('status');
    return new CheckError('holder-declined', status === 0 ? 'Their wallet shared no licence' : `Their wallet shared no licence (DeviceResponse status ${String(status)})`);
  }
  return undefined;
}

export interface ProximityVerifyContext {
  trustList: TrustList;
  verifier: SignatureVerifier;
  now: Date;
  fetchStatusList: NonNullable<Parameters<typeof verifyPresentations>[1]['fetchStatusList']>;
  claimLabel?: (type: string, path: ClaimPath) => Localised | undefined;
  /** The session's transcript and reader key (kept until now by the caller: the session itself is already forgotten). */
  sessionTranscriptBytes: Uint8Array;
  readerPrivateKey: CryptoKey;
}

/**
 * Verifies the DeviceResponse offline like every presentation (docs/credentials.md): issuer auth to
 * a listed IACA, digests, validity, status from cached lists, device auth (signature in the worker's
 * batch, or MAC, §9.1.3) over this session's SessionTranscript; elements not asked for flagged. A
 * response that fails a check is a failed result; an empty one throws 'holder-declined'.
 */
export async function verifyDeviceResponse(state: ProximityState, deviceResponse: Uint8Array, context: ProximityVerifyContext): Promise<CheckResult> {
  const declined = declinedOrDamaged(deviceResponse);
  if (declined) throw declined;
  const [report] = await verifyPresentations([base64urlEncode(deviceResponse)], {
    trustList: context.trustList,
    verifier: context.verifier,
    now: context.now,
    handover: { kind: 'iso-18013-5', sessionTranscriptBytes: context.sessionTranscriptBytes, readerPrivateKey: context.readerPrivateKey },
    fetchStatusList: context.fetchStatusList,
  });
  const query = state.query.credentials[0]!;
  return singleCredentialResult(credentialCheck(report!, {
    queryId: query.id,
    asked: true,
    query,
    trustList: context.trustList,
    ...(context.claimLabel ? { claimLabel: context.claimLabel } : {}),
  }));
}
