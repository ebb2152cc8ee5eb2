/**
 * Session encryption (ISO/IEC 18013-5 §9.1.1.5), the reader's half: AES-256-GCM with a 128-bit tag
 * and empty additional data, the IV a 12-byte nonce
 *
 *   IV = identifier (8 bytes: reader 00 00 00 00 00 00 00 00, holder 00 00 00 00 00 00 00 01)
 *        ‖ message counter (4 bytes, big-endian, starting at 1 for each side's first message)
 *
 * Each direction counts its own messages, so a counter is never used twice with one key (GCM's
 * one rule: NIST SP 800-38D §8). A message the holder sends twice, or out of order, is decrypted
 * with the counter expected next and fails. After a failure the session is over (§9.1.1.5: the
 * reader ends it with status 10) and nothing more is decrypted.
 */
import { copyBytes } from '../../lib/bytes';
import { ProximityError } from './proximity-error';
import type { SessionKeys } from './session-keys';

/** §9.1.1.5: the 8-byte identifiers of each side's IVs (the last byte; the others are zero). */
const READER_IDENTIFIER = 0;
const DEVICE_IDENTIFIER = 1;
const IV_BYTES = 12;
/** §9.1.1.5: the counter is 4 bytes; it never wraps. */
const MAX_COUNTER = 0xffff_ffff;
const TAG_BITS = 128;
/** §9.1.1.4 Table 20. */
const STATUS_SESSION_ENCRYPTION_ERROR = 10;

function iv(identifier: number, counter: number): ArrayBuffer {
  const bytes = new Uint8Array(IV_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, identifier);
  view.setUint32(8, counter);
  return bytes.buffer;
}

/**
 * The view's bytes in an ArrayBuffer of their own. Not `bytes.slice().buffer`: a Node Buffer's slice
 * is a view of its whole pool, and WebCrypto would read every byte of it.
 */
const exactBuffer = (bytes: Uint8Array): ArrayBuffer => copyBytes(bytes).buffer as ArrayBuffer;

const failed = (message: string) => new ProximityError('session-failed', message, STATUS_SESSION_ENCRYPTION_ERROR);

export class SessionEncryption {
  /** The counter of the next message each side sends (§9.1.1.5: the first is 1). */
  #readerCounter = 1;
  #deviceCounter = 1;
  #broken = false;

  constructor(private readonly keys: SessionKeys) {}

  /** Encrypts the reader's next message with SKReader. */
  async encrypt(plaintext: Uint8Array): Promise<Uint8Array> {
    if (this.#broken) throw failed('The session has failed; nothing more is sent in it.');
    if (this.#readerCounter > MAX_COUNTER) throw failed('The session has sent as many messages as its counter allows.');
    // Take the counter before awaiting, so two calls can never share an IV.
    const counter = this.#readerCounter++;
    return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv(READER_IDENTIFIER, counter), tagLength: TAG_BITS }, this.keys.skReader, exactBuffer(plaintext)));
  }

  /**
   * Decrypts the holder's next message with SKDevice and the counter expected next. Throws
   * ProximityError 'session-failed' (status 10) when it fails authentication: damaged, from
   * another session, replayed or out of order.
   */
  async decrypt(ciphertext: Uint8Array): Promise<Uint8Array> {
    if (this.#broken) throw failed('The session has failed; nothing more is read in it.');
    if (this.#deviceCounter > MAX_COUNTER) throw failed('The holder has sent more messages than the session counter allows.');
    const counter = this.#deviceCounter++;
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv(DEVICE_IDENTIFIER, counter), tagLength: TAG_BITS }, this.keys.skDevice, exactBuffer(ciphertext)));
    } catch {
      this.#broken = true;
      throw failed(`The holder's message ${counter} could not be decrypted: it was changed, replayed, out of order or from another session.`);
    }
  }
}
