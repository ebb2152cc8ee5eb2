/**
 * mdoc device authentication by MAC (ISO/IEC 18013-5 §9.1.3.5), as a reader checks it: the
 * device MACs DeviceAuthenticationBytes (§9.1.3.4) with EMacKey, a key only the device (with its
 * static SDeviceKey) and this reader (with its ephemeral EReaderKey) can derive, so the MAC proves
 * the device holds the MSO's device key without a signature a third party could check.
 *
 *   EMacKey = HKDF-SHA-256(IKM = ECDH(EReaderKey.priv, SDeviceKey.pub), salt = SHA-256(SessionTranscriptBytes),
 *                          info = "EMacKey", L = 32)                       (§9.1.3.5, RFC 5869)
 *   tag     = HMAC-SHA-256(EMacKey, MAC_structure ["MAC0", protected, h'', DeviceAuthenticationBytes])
 *                                                                           (RFC 9052 §6.3, RFC 9053 §3.1 alg 5)
 *
 * WebCrypto does every step (ECDH, HKDF, HMAC verify, which compares in constant time). Satchel's
 * online and Satchel-to-Satchel presentations use signatures (device-auth.ts); this is for the ISO
 * reader (Annex D's exchange is its test).
 */
import { copyBytes } from '../../../lib/bytes';
import { CheckError } from '../../check-error';
import type { EmbeddedCbor } from './cbor';
import { COSE_ALG_HMAC_256_256, macStructure, publicKeyFromCoseKey, type CoseMac0 } from './cose';
import { deviceAuthenticationBytes } from './device-auth';
import { transcriptContent } from './session-transcript';

/** §9.1.3.5: the HKDF info for the device MAC key. */
const EMAC_KEY_INFO = 'EMacKey';
/** §9.1.3.5: EMacKey is 32 bytes (HMAC 256/256). */
const EMAC_KEY_BITS = 256;
/** P-256's shared secret Z (the x-coordinate, SEC 1 §3.3.1) is 32 bytes. */
const P256_SHARED_SECRET_BITS = 256;

/** What a document presents for device authentication by MAC (a DeviceResponse's, §8.3.2.1.2.2). */
export interface DeviceMacDocument {
  docType: string;
  /** DeviceNameSpacesBytes: the tag-24 item as sent, or its content. */
  deviceNameSpacesBytes: Uint8Array | EmbeddedCbor;
  deviceMac: CoseMac0;
}

/**
 * The view's bytes in an ArrayBuffer of their own. Not `bytes.slice().buffer`: a Node Buffer's slice
 * (cborg encodes into Buffers in Node) is a view of its whole pool, and WebCrypto would hash all of it.
 */
const buffer = (bytes: Uint8Array): ArrayBuffer => copyBytes(bytes).buffer as ArrayBuffer;

/**
 * EMacKey's 32 bytes (§9.1.3.5) from the reader's ephemeral ECDH P-256 private key and the MSO's
 * device key (a COSE_Key), salted with SHA-256 of SessionTranscriptBytes (the tag-24 item).
 */
export async function eMacKeyBytes(readerPrivateKey: CryptoKey, deviceKey: unknown, sessionTranscriptBytes: Uint8Array): Promise<Uint8Array> {
  const device = publicKeyFromCoseKey(deviceKey, 'device key');
  // §9.1.3.5 requires the device key's curve for the key agreement; Satchel's readers use P-256.
  if (device.alg !== 'ES256') throw new CheckError('key-binding', `The device MAC needs a P-256 device key for key agreement; this mdoc's device key is for ${device.alg}.`, 'key-mismatch');
  const devicePublic = await crypto.subtle.importKey('raw', buffer(device.publicKey), { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const sharedSecret = await crypto.subtle.deriveBits({ name: 'ECDH', public: devicePublic }, readerPrivateKey, P256_SHARED_SECRET_BITS);
  const ikm = await crypto.subtle.importKey('raw', sharedSecret, 'HKDF', false, ['deriveBits']);
  const salt = await crypto.subtle.digest('SHA-256', buffer(sessionTranscriptBytes));
  const info = new TextEncoder().encode(EMAC_KEY_INFO);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, ikm, EMAC_KEY_BITS));
}

/**
 * Whether `doc`'s device MAC is right for this session: the reader's ephemeral private key
 * (`readerPrivateKey`, ECDH P-256, usage deriveBits), the MSO's device key (a COSE_Key) and
 * SessionTranscriptBytes as exchanged (#6.24, §9.1.5.1). False for a wrong tag. Throws
 * CheckError('key-binding') for a MAC algorithm other than HMAC 256/256 (§9.1.3.5 requires it),
 * an embedded payload (§9.1.3.5: detached), or a device key that cannot agree a key; DataError for
 * a transcript that is not SessionTranscriptBytes.
 */
export async function deviceMacMatches(doc: DeviceMacDocument, deviceKey: unknown, readerPrivateKey: CryptoKey, sessionTranscriptBytes: Uint8Array): Promise<boolean> {
  const { deviceMac } = doc;
  if (deviceMac.alg !== COSE_ALG_HMAC_256_256) throw new CheckError('key-binding', `The device MAC uses COSE algorithm ${deviceMac.alg}; ISO/IEC 18013-5 requires HMAC 256/256 (5).`);
  if (deviceMac.payload !== null) throw new CheckError('key-binding', 'The device MAC carries its payload; it must be detached (nil), computed over this session.');
  const signed = deviceAuthenticationBytes(transcriptContent(sessionTranscriptBytes), doc.docType, doc.deviceNameSpacesBytes);
  try {
    const keyBytes = await eMacKeyBytes(readerPrivateKey, deviceKey, sessionTranscriptBytes);
    const key = await crypto.subtle.importKey('raw', buffer(keyBytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    return await crypto.subtle.verify('HMAC', key, buffer(deviceMac.tag), buffer(macStructure(deviceMac, signed)));
  } catch (error) {
    // WebCrypto refuses a device key that is not a point on P-256 (SEC 1 §3.2.2) with a DOMException: a failed check, not a crash.
    if (error instanceof DOMException) throw new CheckError('key-binding', `The device MAC could not be checked: the device key and the reader's key cannot agree a key (${error.message}).`, 'key-mismatch');
    throw error;
  }
}
