/**
 * What goes wrong in an ISO/IEC 18013-5 reader session before any credential is checked: a QR
 * code that is not a device engagement, an engagement Satchel cannot use, or a session message
 * that fails. The wallet (src/wallet/check) maps `code` to its CheckError codes; `sessionStatus`
 * is the SessionData status the reader should send the holder before ending the session
 * (§9.1.1.4 Table 20: 10 session encryption error, 11 CBOR decoding error).
 */

export type ProximityErrorCode =
  /** The QR text is not an `mdoc:` device engagement (§8.2.2.3), or its content is damaged. */
  | 'not-an-engagement'
  /** A well-formed engagement Satchel cannot use: its version, cipher suite, key curve or ways to connect (the message says which). */
  | 'engagement-unsupported'
  /** A session message that fails decryption or decoding, or a session used out of turn. */
  | 'session-failed';

export class ProximityError extends Error {
  constructor(
    readonly code: ProximityErrorCode,
    message: string,
    /** The status to tell the holder before disconnecting (§9.1.1.4 Table 20), when the failure is one the standard names. */
    readonly sessionStatus?: number,
  ) {
    super(message);
    this.name = 'ProximityError';
  }
}
