/**
 * What a holder's device engagement says (ISO/IEC 18013-5 §8.2.1.1), as the reader uses it: the
 * engagement's own bytes (the SessionTranscript holds them byte for byte, §9.1.5.1), the holder's
 * ephemeral key EDeviceKey (§9.1.1.4) and how the holder can be reached (§8.2.2). Parsed from the
 * QR code's `mdoc:` URI by device-engagement.ts.
 */

/** An uncompressed P-256 public key: the only EDeviceKey curve cipher suite 1 uses with Satchel's reader. */
export interface P256PublicKey {
  crv: 'P-256';
  /** 32 bytes each (SEC 1 §2.3.3, without the 0x04 prefix). */
  x: Uint8Array;
  y: Uint8Array;
}

/** §8.2.2.3 BLE options (DeviceRetrievalMethod type 2). UUIDs as lower-case 8-4-4-4-12 strings. */
export interface BleRetrieval {
  /** Option 10: the GATT service the holder serves in mdoc peripheral server mode (the mode Web Bluetooth can use). */
  peripheralServerUuid?: string;
  /** Option 11: the service for mdoc central client mode (the reader would serve it: not possible from a web page). */
  centralClientUuid?: string;
  /** Option 20: the holder's Bluetooth device address, when given. */
  deviceAddress?: Uint8Array;
}

export interface DeviceEngagement {
  /** §8.2.1.1 version ("1.0", or "1.1" with its optional extras, which Satchel ignores). */
  version: string;
  /** DeviceEngagementBytes' content: the CBOR exactly as scanned (decoded from the `mdoc:` URI). */
  bytes: Uint8Array;
  /** EDeviceKeyBytes = #6.24(bstr .cbor EDeviceKey) as encoded in the engagement (its full tag-24 encoding; BLE Ident and the session keys use it). */
  eDeviceKeyBytes: Uint8Array;
  eDeviceKey: P256PublicKey;
  /** Absent when the engagement offers no BLE retrieval. */
  ble?: BleRetrieval;
}
