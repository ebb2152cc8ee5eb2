/**
 * Reads a holder's device engagement (ISO/IEC 18013-5 §8.2.1.1) from the QR code its wallet shows
 * (§8.2.2.3: the URI `mdoc:` followed by the DeviceEngagement CBOR, base64url without padding):
 *
 *   DeviceEngagement = { 0: tstr version, 1: Security, ? 2: DeviceRetrievalMethods, ? … }
 *   Security         = [ cipherSuiteIdentifier (int), EDeviceKeyBytes ]   EDeviceKeyBytes = #6.24(bstr .cbor COSE_Key)
 *   DeviceRetrievalMethod = [ type (1 NFC, 2 BLE, 3 Wi-Fi Aware), version, RetrievalOptions ]
 *   BleOptions       = { 0: bool peripheral server mode, 1: bool central client mode,
 *                        ? 10: bstr UUID (peripheral server), ? 11: bstr UUID (central client), ? 20: bstr address }  (§8.2.1.1)
 *
 * What Satchel refuses, each with a message naming it: a version other than 1.x, a cipher
 * suite other than 1 (§9.1.1.5: ECDH, HKDF-SHA-256, AES-256-GCM; the only one defined), an
 * EDeviceKey that is not an uncompressed P-256 EC2 key (Satchel's reader agrees keys with
 * WebCrypto, which has P-256 but not the brainpool curves), and, from a QR code, an engagement with
 * no BLE mdoc peripheral server mode (Web Bluetooth can only be the central). NFC and Wi-Fi Aware
 * methods are ignored: a web page can use neither. Extra members of version 1.1 (origin infos,
 * capabilities) are ignored.
 */
import { decodeCbor, EmbeddedCbor } from '../../credentials/formats/mso-mdoc/cbor';
import { base64urlDecode } from '../../lib/base64url';
import { copyBytes } from '../../lib/bytes';
import { DataError } from '../../lib/errors';
import { COSE_KEY } from './cose-key';
import type { BleRetrieval, DeviceEngagement, P256PublicKey } from './engagement';
import { ProximityError } from './proximity-error';

/** §8.2.2.3: the URI scheme of a device engagement QR code (RFC 3986 §3.1: schemes are case-insensitive). */
export const MDOC_URI_SCHEME = 'mdoc:';
/** A QR code holds at most 4,296 characters (ISO/IEC 18004 version 40, alphanumeric); an engagement is about 150. */
export const MAX_ENGAGEMENT_QR_CHARS = 4296;
/** §9.1.1.5: the one cipher suite ISO/IEC 18013-5 defines. */
export const CIPHER_SUITE_1 = 1;
/** §8.2.1.1: DeviceRetrievalMethod type for Bluetooth Low Energy. */
export const RETRIEVAL_BLE = 2;
/** §8.2.2.1: the BLE retrieval method's version. */
const BLE_METHOD_VERSION = 1;

const ENGAGEMENT_VERSION = 0;
const ENGAGEMENT_SECURITY = 1;
const ENGAGEMENT_RETRIEVAL_METHODS = 2;
/** §8.2.1.1: BleOptions keys. */
const BLE_PERIPHERAL_SERVER_MODE = 0;
const BLE_CENTRAL_CLIENT_MODE = 1;
const BLE_PERIPHERAL_SERVER_UUID = 10;
const BLE_CENTRAL_CLIENT_UUID = 11;
const BLE_DEVICE_ADDRESS = 20;
const P256_COORDINATE_BYTES = 32;
const UUID_BYTES = 16;
const BLE_ADDRESS_BYTES = 6;

const notAnEngagement = (what: string) => new ProximityError('not-an-engagement', `The QR code is not a device engagement Satchel can read: ${what}`);
const unsupported = (what: string) => new ProximityError('engagement-unsupported', what);

/** A 16-byte UUID as lower-case 8-4-4-4-12 text (RFC 9562 §4: the bytes in network order). */
function uuidText(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** EDeviceKey (§9.1.1.4) as an uncompressed P-256 point; refuses other curves and private keys. */
function p256Key(coseKey: unknown): P256PublicKey {
  if (!(coseKey instanceof Map)) throw notAnEngagement("the holder's key (EDeviceKey) is not a COSE_Key map.");
  if (coseKey.has(COSE_KEY.d)) throw notAnEngagement("the holder's key (EDeviceKey) contains a private key.");
  if (coseKey.get(COSE_KEY.kty) !== COSE_KEY.ktyEc2 || coseKey.get(COSE_KEY.crv) !== COSE_KEY.crvP256) {
    throw unsupported(`The holder's wallet uses a key (COSE kty ${String(coseKey.get(COSE_KEY.kty))}, curve ${String(coseKey.get(COSE_KEY.crv))}) Satchel cannot agree a session with; it needs P-256 (kty 2, curve 1).`);
  }
  const x = coseKey.get(COSE_KEY.x);
  const y = coseKey.get(COSE_KEY.y);
  if (!(x instanceof Uint8Array) || x.length !== P256_COORDINATE_BYTES || !(y instanceof Uint8Array) || y.length !== P256_COORDINATE_BYTES) {
    throw notAnEngagement(`the holder's P-256 key must have x and y of ${P256_COORDINATE_BYTES} bytes each (compressed points are not accepted).`);
  }
  return { crv: 'P-256', x: copyBytes(x), y: copyBytes(y) };
}

function optionalBytes(options: Map<unknown, unknown>, key: number, length: number, what: string): Uint8Array | undefined {
  const value = options.get(key);
  if (value === undefined) return undefined;
  if (!(value instanceof Uint8Array) || value.length !== length) throw notAnEngagement(`its BLE ${what} (option ${key}) must be ${length} bytes.`);
  return copyBytes(value);
}

/** BleOptions (§8.2.1.1): a mode's UUID counts only when the mode is offered. */
function bleRetrieval(options: unknown): BleRetrieval {
  if (!(options instanceof Map)) throw notAnEngagement('its BLE options are not a map.');
  const peripheral = options.get(BLE_PERIPHERAL_SERVER_MODE);
  const central = options.get(BLE_CENTRAL_CLIENT_MODE);
  if (typeof peripheral !== 'boolean' || typeof central !== 'boolean') throw notAnEngagement('its BLE options must say whether each mode is offered (options 0 and 1, true or false).');
  const peripheralUuid = optionalBytes(options, BLE_PERIPHERAL_SERVER_UUID, UUID_BYTES, 'peripheral server UUID');
  const centralUuid = optionalBytes(options, BLE_CENTRAL_CLIENT_UUID, UUID_BYTES, 'central client UUID');
  const address = optionalBytes(options, BLE_DEVICE_ADDRESS, BLE_ADDRESS_BYTES, 'device address');
  const ble: BleRetrieval = {};
  if (peripheral && peripheralUuid) ble.peripheralServerUuid = uuidText(peripheralUuid);
  if (central && centralUuid) ble.centralClientUuid = uuidText(centralUuid);
  if (address) ble.deviceAddress = address;
  return ble;
}

/** The first BLE method of DeviceRetrievalMethods (§8.2.1.1); other types are ignored. */
function firstBle(methods: unknown): BleRetrieval | undefined {
  if (methods === undefined) return undefined;
  if (!Array.isArray(methods)) throw notAnEngagement('its retrieval methods are not a list.');
  for (const method of methods) {
    if (!Array.isArray(method) || method.length !== 3 || !Number.isInteger(method[0]) || !Number.isInteger(method[1])) {
      throw notAnEngagement('a retrieval method is not [type, version, options].');
    }
    if (method[0] === RETRIEVAL_BLE && method[1] === BLE_METHOD_VERSION) return bleRetrieval(method[2]);
  }
  return undefined;
}

/**
 * A DeviceEngagement's CBOR (§8.2.1.1), read without requiring any way to connect: an engagement
 * exchanged by NFC (as in Annex D) or a QR code's. Throws ProximityError 'not-an-engagement' or
 * 'engagement-unsupported'.
 */
export function decodeDeviceEngagement(bytes: Uint8Array): DeviceEngagement {
  let engagement: unknown;
  try {
    engagement = decodeCbor(bytes, 'device engagement');
  } catch (error) {
    if (error instanceof DataError) throw notAnEngagement(error.message);
    throw error;
  }
  if (!(engagement instanceof Map)) throw notAnEngagement('it is not a CBOR map.');
  const version = engagement.get(ENGAGEMENT_VERSION);
  if (typeof version !== 'string') throw notAnEngagement('it has no version.');
  // §8.2.1.1: 1.0, and 1.1 whose additions are optional members this reader ignores; a new major version could change what it reads.
  if (!/^1\.\d{1,3}$/.test(version)) throw unsupported(`The holder's wallet uses device engagement version ${JSON.stringify(version.slice(0, 20))}; Satchel reads version 1.`);
  const security = engagement.get(ENGAGEMENT_SECURITY);
  if (!Array.isArray(security) || security.length !== 2) throw notAnEngagement('it has no Security [cipher suite, EDeviceKeyBytes].');
  const [suite, keyItem] = security as [unknown, unknown];
  if (suite !== CIPHER_SUITE_1) throw unsupported(`The holder's wallet uses cipher suite ${String(suite)}; Satchel uses cipher suite 1, the only one ISO/IEC 18013-5 defines.`);
  if (!(keyItem instanceof EmbeddedCbor)) throw notAnEngagement("the holder's key (EDeviceKeyBytes) is not embedded CBOR (tag 24).");
  let coseKey: unknown;
  try {
    coseKey = decodeCbor(keyItem.bytes, "holder's key (EDeviceKey)");
  } catch (error) {
    if (error instanceof DataError) throw notAnEngagement(error.message);
    throw error;
  }
  const result: DeviceEngagement = { version, bytes: copyBytes(bytes), eDeviceKeyBytes: copyBytes(keyItem.encoded), eDeviceKey: p256Key(coseKey) };
  const ble = firstBle(engagement.get(ENGAGEMENT_RETRIEVAL_METHODS));
  if (ble) result.ble = ble;
  return result;
}

/**
 * The device engagement a holder's QR code shows (§8.2.2.3: `mdoc:` + base64url without padding),
 * read for a reader that connects by Web Bluetooth: it must offer BLE mdoc peripheral server mode
 * with a service UUID. Throws ProximityError 'not-an-engagement' (not an `mdoc:` URI, bad
 * base64url, damaged CBOR or structure) or 'engagement-unsupported' (the message names the version,
 * cipher suite, key curve or missing way to connect).
 */
export function parseDeviceEngagement(qrText: string): DeviceEngagement {
  if (typeof qrText !== 'string' || qrText.length > MAX_ENGAGEMENT_QR_CHARS) throw notAnEngagement(`it is not text of at most ${MAX_ENGAGEMENT_QR_CHARS} characters.`);
  if (qrText.slice(0, MDOC_URI_SCHEME.length).toLowerCase() !== MDOC_URI_SCHEME) throw notAnEngagement(`it does not start with "${MDOC_URI_SCHEME}".`);
  const bytes = base64urlDecode(qrText.slice(MDOC_URI_SCHEME.length));
  if (!bytes || bytes.length === 0) throw notAnEngagement(`what follows "${MDOC_URI_SCHEME}" is not base64url without padding.`);
  const engagement = decodeDeviceEngagement(bytes);
  if (!engagement.ble?.peripheralServerUuid) {
    const offers = engagement.ble?.centralClientUuid ? 'only Bluetooth central client mode, which a web page cannot serve' : 'no Bluetooth connection (NFC and Wi-Fi Aware are not open to web pages)';
    throw unsupported(`The holder's wallet offers ${offers}; Satchel connects by Bluetooth to a wallet in peripheral server mode.`);
  }
  return engagement;
}
