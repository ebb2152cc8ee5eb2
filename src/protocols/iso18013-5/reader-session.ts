/**
 * One ISO/IEC 18013-5 session as Satchel's reader runs it (§9.1.1), over any transport
 * (transport.ts moves the bytes):
 *
 *   start(engagement)   makes EReaderKey (§9.1.1.4), SessionTranscriptBytes (§9.1.5.1) and
 *                       SKReader/SKDevice (§9.1.1.5)
 *   establishment(req)  → SessionEstablishment {eReaderKey, data: AES-GCM(SKReader, DeviceRequest)}
 *   open(sessionData)   ← SessionData {data?: AES-GCM(SKDevice, DeviceResponse), status?}
 *   termination()       → SessionData {status: 20} (or 10/11 after a failure, ProximityError.sessionStatus)
 *
 * The reader does not authenticate itself (no readerAuth, §9.1.4): a checker's phone holds no
 * certificate from a reader register, so the holder's wallet shows the request without a verified
 * name. The DeviceResponse is returned as bytes, not decoded here: the verify pipeline reads and
 * checks it with `sessionTranscriptBytes` and `readerPrivateKey` (for a device MAC, §9.1.3.5).
 */
import type { DeviceEngagement } from './engagement';
import { ProximityError } from './proximity-error';
import { SessionEncryption } from './session-encryption';
import { deriveSessionKeys, generateReaderKeyPair, readerCoseKey } from './session-keys';
import { decodeSessionData, encodeSessionData, encodeSessionEstablishment, SessionStatus } from './session-messages';
import { QR_HANDOVER, sessionTranscriptBytes } from './session-transcript';

export interface ReaderSessionOptions {
  /** Tests only: a fixed EReaderKey pair (ECDH P-256), e.g. Annex D's. Otherwise a fresh non-extractable one. */
  readerKeyPair?: CryptoKeyPair;
  /** Tests only: the Handover of an engagement that was not a QR code (Annex D's NFC handover). Default null (QR, §9.1.5.1). */
  handover?: unknown;
}

export interface OpenedSessionData {
  /** The holder's DeviceResponse CBOR (§8.3.2.1.2.2), decrypted. */
  deviceResponse?: Uint8Array;
  /** §9.1.1.4 Table 20: the holder ended the session (20), or reports an error (10, 11). */
  status?: number;
}

export class ReaderSession {
  #established = false;
  /** The holder sent a status (§9.1.1.4 Table 20: every status ends the session). */
  #ended = false;

  private constructor(
    /** SessionTranscriptBytes (#6.24, §9.1.5.1): what the holder's device authentication must cover. */
    readonly sessionTranscriptBytes: Uint8Array,
    /** EReaderKey's private key (ECDH P-256, deriveBits): a device MAC's EMacKey needs it (§9.1.3.5). */
    readonly readerPrivateKey: CryptoKey,
    /** EReaderKey.Pub as COSE_Key CBOR, as the transcript holds it. */
    private readonly eReaderKey: Uint8Array,
    private readonly encryption: SessionEncryption,
  ) {}

  /**
   * Starts a session with the holder whose engagement was read. Throws ProximityError
   * 'not-an-engagement' when the holder's key is not a P-256 point.
   */
  static async start(engagement: DeviceEngagement, options: ReaderSessionOptions = {}): Promise<ReaderSession> {
    const keyPair = options.readerKeyPair ?? (await generateReaderKeyPair());
    const eReaderKey = await readerCoseKey(keyPair.publicKey);
    const transcript = sessionTranscriptBytes(engagement.bytes, eReaderKey, options.handover === undefined ? QR_HANDOVER : options.handover);
    const keys = await deriveSessionKeys(keyPair.privateKey, engagement.eDeviceKey, transcript);
    return new ReaderSession(transcript, keyPair.privateKey, eReaderKey, new SessionEncryption(keys));
  }

  /** The SessionEstablishment carrying the DeviceRequest CBOR (§9.1.1.4); once per session. */
  async establishment(deviceRequest: Uint8Array): Promise<Uint8Array> {
    if (this.#established) throw new ProximityError('session-failed', 'The session is already established; a further request goes in a SessionData.');
    this.#established = true;
    return encodeSessionEstablishment(this.eReaderKey, await this.encryption.encrypt(deviceRequest));
  }

  /**
   * Reads the holder's SessionData: its DeviceResponse decrypted, its status, or both. Throws
   * ProximityError 'session-failed' with sessionStatus 11 (not a SessionData) or 10 (fails
   * decryption: changed, replayed, out of order, another session's), or for a message after the
   * holder sent a status (which ends the session).
   */
  async open(sessionData: Uint8Array): Promise<OpenedSessionData> {
    if (!this.#established) throw new ProximityError('session-failed', 'The holder answered before the session was established.');
    if (this.#ended) throw new ProximityError('session-failed', 'The holder already ended the session; nothing more is read in it.');
    const message = decodeSessionData(sessionData);
    const opened: OpenedSessionData = {};
    if (message.data !== undefined) opened.deviceResponse = await this.encryption.decrypt(message.data);
    if (message.status !== undefined) {
      opened.status = message.status;
      this.#ended = true;
    }
    return opened;
  }

  /** The SessionData that ends the session (§9.1.1.4 Table 20): status 20, or 10/11 after a failure. */
  termination(status: number = SessionStatus.sessionTermination): Uint8Array {
    return encodeSessionData({ status });
  }
}
