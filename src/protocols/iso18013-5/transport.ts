/**
 * How a reader's session messages reach the holder's device and back (ISO/IEC 18013-5 §8.3.3):
 * whole messages in, whole messages out. Each transport (BLE in mdoc peripheral server mode today;
 * NFC is not open to web pages; a QR-only transport between Satchels could plug in) splits and
 * joins its own chunks, so the session (reader-session.ts) never sees them.
 */

export type TransportErrorCode =
  /** The browser has no way to use this transport (no Web Bluetooth, or it is turned off or blocked). */
  | 'unavailable'
  /** The person closed the browser's device chooser without picking a device. */
  | 'cancelled'
  /** The connection dropped, or the holder went quiet, before a whole message arrived. */
  | 'connection-lost'
  /** The device connected to is not the one that showed the QR code (§8.3.3.1.1.4 Ident). */
  | 'wrong-device'
  /** Chunks that break the transport's rules: out of order, too large, or a message over the size limit. */
  | 'malformed';

export class TransportError extends Error {
  constructor(readonly code: TransportErrorCode, message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface MdocTransport {
  /**
   * Connects to the holder's device. For Web Bluetooth this opens the browser's device chooser, so
   * it must be called while handling a click. Throws TransportError.
   */
  connect(): Promise<void>;
  /** Sends one whole session message (SessionEstablishment or SessionData, §9.1.1.4). Throws TransportError. */
  send(message: Uint8Array): Promise<void>;
  /** The next whole message from the holder. Throws TransportError('connection-lost') if the link drops first. */
  receive(): Promise<Uint8Array>;
  /** Ends the session on the transport (§8.3.3.1.1.5 for BLE: State 0x02) and disconnects; never throws. */
  close(): Promise<void>;
}
