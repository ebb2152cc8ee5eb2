/**
 * The BLE Ident value (ISO/IEC 18013-5 §8.3.3.1.1.4): HKDF-SHA-256 (RFC 5869) with
 * IKM = EDeviceKeyBytes (the full #6.24 encoding from the engagement), no salt (RFC 5869 §2.2:
 * HashLen zero bytes, which HMAC treats exactly like an empty key), info = "BLEIdent", L = 16.
 * Same as Multipaz (`Crypto.hkdf(HMAC_SHA256, ikm, salt = empty, "BLEIdent", 16)`).
 */

const INFO = new TextEncoder().encode('BLEIdent');
export const IDENT_BYTES = 16;

export async function bleIdent(eDeviceKeyBytes: Uint8Array): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey('raw', eDeviceKeyBytes as BufferSource, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO }, ikm, IDENT_BYTES * 8);
  return new Uint8Array(bits);
}
