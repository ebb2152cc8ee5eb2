/**
 * The holder's half of ISO/IEC 18013-5 session encryption (§9.1.1), written from the standard on
 * WebCrypto alone, for tests: it must not share code with Satchel's reader
 * (src/protocols/iso18013-5), so that a test where the reader and this holder agree says the reader
 * follows the standard, and the Annex D vectors (../../../../shared/vectors/mdoc) pin this side.
 *
 *   SKReader / SKDevice = HKDF-SHA-256(IKM = ECDH shared secret Zab, salt = SHA-256(SessionTranscriptBytes),
 *                         info = "SKReader" / "SKDevice", L = 32)                                    §9.1.1.5, RFC 5869
 *   AES-256-GCM, IV = identifier (8 bytes: reader 0, device 1) ‖ message counter (4 bytes big-endian,
 *                     from 1 for each side's first message), AAD empty, 16-byte tag                  §9.1.1.5
 *   BLE Ident = HKDF-SHA-256(IKM = EDeviceKeyBytes, salt empty, info "BLEIdent", L = 16)             §8.3.3.1.1.4
 */

const text = (s: string) => new TextEncoder().encode(s);

/** §9.1.1.5: the 8-byte identifiers that start each side's IV. */
export type Sender = 'reader' | 'device';

/** A P-256 public key as its 32-byte coordinates. */
export interface P256Point {
  x: Uint8Array;
  y: Uint8Array;
}

/** RFC 5869 HKDF with SHA-256, through WebCrypto (an empty salt is HashLen zeros, §2.2, as WebCrypto does). */
export async function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', ikm as BufferSource, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: info as BufferSource }, key, length * 8));
}

/** An ECDH public key from its coordinates (SEC 1 §2.3.3 uncompressed point). */
export async function importP256Public(point: P256Point): Promise<CryptoKey> {
  const raw = new Uint8Array(65);
  raw[0] = 0x04;
  raw.set(point.x, 1);
  raw.set(point.y, 33);
  return crypto.subtle.importKey('raw', raw as BufferSource, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
}

/** The coordinates of a P-256 public key. */
export async function p256Point(publicKey: CryptoKey): Promise<P256Point> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
  return { x: raw.slice(1, 33), y: raw.slice(33, 65) };
}

/** The two session keys of §9.1.1.5, raw (32 bytes each). */
export interface SessionKeys {
  skReader: Uint8Array;
  skDevice: Uint8Array;
}

/**
 * §9.1.1.5: the session keys from one side's ECDH private key, the other side's public key and the
 * SessionTranscriptBytes (the #6.24-tagged item, as it is hashed for the salt).
 */
export async function deriveSessionKeys(privateKey: CryptoKey, peer: P256Point, sessionTranscriptBytes: Uint8Array): Promise<SessionKeys> {
  const zab = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: await importP256Public(peer) }, privateKey, 256));
  const salt = new Uint8Array(await crypto.subtle.digest('SHA-256', sessionTranscriptBytes as BufferSource));
  const [skReader, skDevice] = await Promise.all([hkdfSha256(zab, salt, text('SKReader'), 32), hkdfSha256(zab, salt, text('SKDevice'), 32)]);
  return { skReader, skDevice };
}

/** §9.1.1.5: identifier ‖ counter (big-endian). */
export function sessionIv(sender: Sender, counter: number): Uint8Array {
  const iv = new Uint8Array(12);
  const view = new DataView(iv.buffer);
  view.setUint32(4, sender === 'device' ? 1 : 0);
  view.setUint32(8, counter);
  return iv;
}

async function aesKey(raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, [usage]);
}

/** AES-256-GCM encryption of one session message (§9.1.1.5: empty AAD, 128-bit tag). */
export async function encryptSessionMessage(key: Uint8Array, sender: Sender, counter: number, plaintext: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: sessionIv(sender, counter) as BufferSource }, await aesKey(key, 'encrypt'), plaintext as BufferSource));
}

/** The inverse of encryptSessionMessage; throws (OperationError) when the tag does not verify. */
export async function decryptSessionMessage(key: Uint8Array, sender: Sender, counter: number, ciphertext: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sessionIv(sender, counter) as BufferSource }, await aesKey(key, 'decrypt'), ciphertext as BufferSource));
}

/** §8.3.3.1.1.4: the 16-byte value a BLE Ident characteristic holds for this engagement's EDeviceKeyBytes (#6.24-tagged). */
export function bleIdent(eDeviceKeyBytes: Uint8Array): Promise<Uint8Array> {
  return hkdfSha256(eDeviceKeyBytes, new Uint8Array(0), text('BLEIdent'), 16);
}
