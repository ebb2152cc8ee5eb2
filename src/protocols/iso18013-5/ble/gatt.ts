/**
 * The GATT service an mdoc serves in "mdoc peripheral server mode" (ISO/IEC 18013-5 §8.3.3.1.1.4,
 * Table 11): the holder's phone is the GATT server and advertises the service UUID its device
 * engagement gives (BLE option 10, §8.2.2.3); the reader (this page, through Web Bluetooth, which
 * can only be a central) is the GATT client. Checked against Multipaz
 * (BleTransportPeripheralMdocReader: State 1, Client2Server 2, Server2Client 3, no Ident).
 */

/** Notify + write without response: the reader writes START/END, the holder may notify END. */
export const STATE_UUID = '00000001-a123-48ce-896b-4c76973373e6';
/** Write without response: the reader's message chunks. */
export const CLIENT2SERVER_UUID = '00000002-a123-48ce-896b-4c76973373e6';
/** Notify: the holder's message chunks. */
export const SERVER2CLIENT_UUID = '00000003-a123-48ce-896b-4c76973373e6';
/**
 * Read: HKDF of EDeviceKeyBytes (ident.ts). The standard defines Ident for the *reader's* service
 * in mdoc central client mode (Table 12); Table 11 has none, and real wallets (Multipaz) serve none
 * in peripheral server mode. The reader checks it only when the holder's service happens to offer it.
 */
export const IDENT_UUID = '00000008-a123-48ce-896b-4c76973373e6';

/** §8.3.3.1.1.5: the values written to (or notified on) State. */
export const STATE_START = 0x01;
export const STATE_END = 0x02;
