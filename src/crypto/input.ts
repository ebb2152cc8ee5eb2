/**
 * Boundary checks and encodings shared by the three verifiers (WASM, noble, WebCrypto), applied
 * by checked-verifier.ts, so the rules are identical everywhere (docs/architecture.md, conventions 2 and 11):
 * - wrong types throw a TypeError naming the parameter (misuse);
 * - wrong lengths, malformed encodings and out-of-range values make verify* return false.
 */
import type { VerifyItem } from '../lib/signature-verifier';

/** JOSE ES256 signature: r‖s, 32 bytes each (RFC 7518 §3.4, IEEE P1363). */
export const P256_SIGNATURE_BYTES = 64;
export const P256_SCALAR_BYTES = 32;
/** SEC1 §2.3.3 uncompressed 0x04‖x‖y and compressed 0x02/0x03‖x public keys. */
export const P256_PUBLIC_KEY_UNCOMPRESSED_BYTES = 65;
export const P256_PUBLIC_KEY_COMPRESSED_BYTES = 33;
/** RFC 8032 §5.1.5/5.1.6: 32-byte public key, 64-byte R‖S signature. */
export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;
export const SHA256_BYTES = 32;
/** ES384 (RFC 7518 §3.4, RFC 9053 §2.1): 96-byte r‖s; SEC1 §2.3.3 keys of 97 (0x04‖x‖y) or 49 (0x02/0x03‖x) bytes. */
export const P384_SIGNATURE_BYTES = 96;
export const P384_PUBLIC_KEY_UNCOMPRESSED_BYTES = 97;
export const P384_PUBLIC_KEY_COMPRESSED_BYTES = 49;

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && value.constructor.name === 'Uint8Array');
}

/** Throws `TypeError("<fn>: <name> must be a Uint8Array")` unless `value` is one. */
export function assertBytes(value: unknown, name: string, fn: string): asserts value is Uint8Array {
  if (!isBytes(value)) throw new TypeError(`${fn}: ${name} must be a Uint8Array`);
}

/**
 * Whether a key and signature have the lengths their algorithm needs — ES256: a 65- or 33-byte SEC1
 * key and a 64-byte r‖s (RFC 7518 §3.4); ES384: a 97- or 49-byte SEC1 key and a 96-byte r‖s;
 * EdDSA: RFC 8032 §5.1.5/5.1.6 sizes. Anything else, including an unknown algorithm, verifies false.
 */
export function lengthsFit(alg: string, publicKey: Uint8Array, signature: Uint8Array): boolean {
  if (alg === 'ES256') {
    return (publicKey.length === P256_PUBLIC_KEY_UNCOMPRESSED_BYTES || publicKey.length === P256_PUBLIC_KEY_COMPRESSED_BYTES)
      && signature.length === P256_SIGNATURE_BYTES;
  }
  if (alg === 'ES384') {
    return (publicKey.length === P384_PUBLIC_KEY_UNCOMPRESSED_BYTES || publicKey.length === P384_PUBLIC_KEY_COMPRESSED_BYTES)
      && signature.length === P384_SIGNATURE_BYTES;
  }
  if (alg === 'EdDSA') return publicKey.length === ED25519_PUBLIC_KEY_BYTES && signature.length === ED25519_SIGNATURE_BYTES;
  return false;
}

/** Checks the shape of a batch (types only); each item's lengths are checked with `lengthsFit`. */
export function assertItems(items: unknown, fn: string): asserts items is readonly VerifyItem[] {
  if (!Array.isArray(items)) throw new TypeError(`${fn}: items must be an array`);
  items.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) throw new TypeError(`${fn}: items[${i}] must be an object`);
    const it = item as Record<string, unknown>;
    if (typeof it.alg !== 'string') throw new TypeError(`${fn}: items[${i}].alg must be a string`);
    assertBytes(it.publicKey, `items[${i}].publicKey`, fn);
    assertBytes(it.message, `items[${i}].message`, fn);
    assertBytes(it.signature, `items[${i}].signature`, fn);
  });
}

const INTEGER_TAG = 0x02;
const SEQUENCE_TAG = 0x30;

/**
 * Strict DER (ITU-T X.690 §10, RFC 3279 §2.2.3 Ecdsa-Sig-Value) → 64-byte r‖s, or null.
 * SEQUENCE { INTEGER r, INTEGER s } with definite short-form lengths (a P-256 signature is at
 * most 72 bytes, so a long-form length can never be minimal), minimal non-negative integers
 * of at most 32 significant bytes, nothing trailing. Range checks (1 ≤ r, s < n) are the
 * verifier's (SEC1 4.1.4 step 1).
 */
export function derToP1363(der: Uint8Array): Uint8Array | null {
  if (der.length < 2 || der[0] !== SEQUENCE_TAG) return null;
  const seqLen = der[1]!;
  if (seqLen >= 0x80 || seqLen !== der.length - 2) return null;
  const out = new Uint8Array(P256_SIGNATURE_BYTES);
  let pos = 2;
  for (let k = 0; k < 2; k++) {
    if (pos + 2 > der.length || der[pos] !== INTEGER_TAG) return null;
    const len = der[pos + 1]!;
    pos += 2;
    if (len === 0 || len >= 0x80 || pos + len > der.length) return null;
    let value = der.subarray(pos, pos + len);
    if (value[0]! & 0x80) return null;                               // negative
    if (value[0] === 0 && len > 1 && !(value[1]! & 0x80)) return null; // non-minimal leading zero
    if (value[0] === 0 && len > 1) value = value.subarray(1);
    if (value.length > P256_SCALAR_BYTES) return null;
    out.set(value, (k + 1) * P256_SCALAR_BYTES - value.length);
    pos += len;
  }
  return pos === der.length ? out : null;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lower-case hex (used as the key-cache id of a public key, once per verification). */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!]!;
  return s;
}
