/**
 * The keys of an ISO/IEC 18013-5 reader session, all WebCrypto and none extractable:
 *
 * - EReaderKey (§9.1.1.4): the reader's ephemeral ECDH P-256 key pair, one per check, sent to the
 *   holder as a COSE_Key (RFC 9052 §7: {1: 2 (EC2), -1: 1 (P-256), -2: x, -3: y}).
 * - SKReader and SKDevice (§9.1.1.5): HKDF-SHA-256 (RFC 5869) with IKM = the ECDH shared secret of
 *   EReaderKey and EDeviceKey, salt = SHA-256(SessionTranscriptBytes), info = "SKReader" /
 *   "SKDevice", 32 bytes each: AES-256-GCM keys, SKReader to encrypt what the reader sends and
 *   SKDevice to decrypt what the holder sends.
 */
import { encodeCbor } from '../../credentials/formats/mso-mdoc/cbor';
import { copyBytes } from '../../lib/bytes';
import { p256CoseKey } from './cose-key';
import type { P256PublicKey } from './engagement';
import { ProximityError } from './proximity-error';

/** P-256's shared secret Z (SEC 1 §3.3.1: the x-coordinate) is 32 bytes. */
const SHARED_SECRET_BITS = 256;
/** §9.1.1.5: the HKDF info of each session key. */
const SK_READER_INFO = 'SKReader';
const SK_DEVICE_INFO = 'SKDevice';
/** §9.1.1.5: AES-256-GCM. */
const SESSION_KEY_BITS = 256;

const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
/**
 * The view's bytes in an ArrayBuffer of their own. Not `bytes.slice().buffer`: a Node Buffer's slice
 * (cborg encodes into Buffers in Node) is a view of its whole pool, and WebCrypto would hash all of it.
 */
const buffer = (bytes: Uint8Array): ArrayBuffer => copyBytes(bytes).buffer as ArrayBuffer;

export interface SessionKeys {
  /** AES-256-GCM, encrypt only: what the reader sends. */
  skReader: CryptoKey;
  /** AES-256-GCM, decrypt only: what the holder sends. */
  skDevice: CryptoKey;
}

/** A fresh EReaderKey pair (§9.1.1.4): ECDH P-256, the private key not extractable (usage deriveBits). */
export async function generateReaderKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits']);
}

/** EReaderKey.Pub as the COSE_Key CBOR the SessionEstablishment and SessionTranscript carry (RFC 9052 §7). */
export async function readerCoseKey(publicKey: CryptoKey): Promise<Uint8Array> {
  // SEC 1 §2.3.3: 0x04 ‖ X ‖ Y.
  return encodeCbor(p256CoseKey(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey))));
}

async function importDeviceKey(eDeviceKey: P256PublicKey): Promise<CryptoKey> {
  const raw = new Uint8Array(1 + eDeviceKey.x.length + eDeviceKey.y.length);
  raw[0] = 0x04;
  raw.set(eDeviceKey.x, 1);
  raw.set(eDeviceKey.y, 1 + eDeviceKey.x.length);
  try {
    return await crypto.subtle.importKey('raw', raw.buffer, ECDH_P256, false, []);
  } catch {
    // WebCrypto refuses a point that is not on the curve (SEC 1 §3.2.2.1).
    throw new ProximityError('not-an-engagement', "The QR code is not a device engagement Satchel can read: the holder's key is not a point on P-256.");
  }
}

/**
 * SKReader and SKDevice (§9.1.1.5) from the reader's private key, the holder's EDeviceKey and
 * SessionTranscriptBytes (the tag-24 item). Throws ProximityError 'not-an-engagement' for a holder
 * key that is not a P-256 point.
 */
export async function deriveSessionKeys(readerPrivateKey: CryptoKey, eDeviceKey: P256PublicKey, transcriptBytes: Uint8Array): Promise<SessionKeys> {
  const devicePublic = await importDeviceKey(eDeviceKey);
  const sharedSecret = await crypto.subtle.deriveBits({ name: 'ECDH', public: devicePublic }, readerPrivateKey, SHARED_SECRET_BITS);
  const ikm = await crypto.subtle.importKey('raw', sharedSecret, 'HKDF', false, ['deriveKey']);
  const salt = await crypto.subtle.digest('SHA-256', buffer(transcriptBytes));
  const sessionKey = (info: string, usage: KeyUsage) =>
    crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode(info) }, ikm, { name: 'AES-GCM', length: SESSION_KEY_BITS }, false, [usage]);
  const [skReader, skDevice] = await Promise.all([sessionKey(SK_READER_INFO, 'encrypt'), sessionKey(SK_DEVICE_INFO, 'decrypt')]);
  return { skReader, skDevice };
}
