/**
 * ES384 (ECDSA P-384 + SHA-384, RFC 7518 §3.4 / RFC 9053 §2.1) on WebCrypto (W3C Web Cryptography
 * API §23). The crypto worker uses it beside the WASM core, which stays P-256 + Ed25519: ES384
 * signs certificates (ISO/IEC 18013-5 Annex B IACA roots are often P-384), a handful per batch,
 * so native code answering each one asynchronously costs nothing that matters, and P-384 in the
 * core would be a second field, scalar ring and table set for them (docs/crypto-core.md: ES384).
 *
 * The rules are the other engines' (checked-verifier.ts, input.ts): the caller has checked the
 * lengths (a 97- or 49-byte SEC1 key, a 96-byte r‖s); high-S is accepted; a key off the curve or
 * with a coordinate ≥ p, and r or s outside [1, n−1], are false, never a throw. Compressed keys
 * are decompressed here (SEC1 §2.3.4) rather than handed to importKey, whose support for them is
 * optional in the spec, so every browser answers alike.
 */
import { p384 } from '@noble/curves/nist.js';
import { toHex } from './input';

/** One ES384 check; lengths already checked (lengthsFit). */
export type P384Check = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

const ECDSA_P384 = { name: 'ECDSA', namedCurve: 'P-384' } as const;
const ECDSA_SHA384 = { name: 'ECDSA', hash: 'SHA-384' } as const;
/** Imported keys kept (IACA roots: a few per trust list); past this the cache starts afresh. */
const KEY_CACHE_LIMIT = 64;
const COMPRESSED_KEY_BYTES = 49;

/**
 * SEC1 §2.3.4: a compressed key (0x02/0x03 ‖ x) as the 97-byte 0x04‖x‖y form, decompressed by
 * @noble/curves (already in the worker for the fallback engine), or null when it names no point.
 * A 97-byte key is returned as it is (importKey checks it).
 */
export function uncompressedP384(publicKey: Uint8Array): Uint8Array | null {
  if (publicKey.length !== COMPRESSED_KEY_BYTES) return publicKey;
  if (publicKey[0] !== 0x02 && publicKey[0] !== 0x03) return null;
  try {
    return p384.Point.fromBytes(publicKey).toBytes(false);
  } catch {
    return null; // x ≥ p, or x³ − 3x + b has no square root
  }
}

/** A view SubtleCrypto accepts (a Uint8Array over a plain ArrayBuffer). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export function createWebCryptoP384(subtle: SubtleCrypto = globalThis.crypto.subtle): (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean> {
  const keys = new Map<string, Promise<CryptoKey | null>>();

  function importKey(raw: Uint8Array): Promise<CryptoKey | null> {
    const id = toHex(raw);
    let key = keys.get(id);
    if (!key) {
      if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
      const point = uncompressedP384(raw);
      // importKey refuses an invalid point (off the curve, a coordinate ≥ p, prefix not 04): false
      key = point === null ? Promise.resolve(null)
        : subtle.importKey('raw', own(point), ECDSA_P384, false, ['verify']).catch(() => null);
      keys.set(id, key);
    }
    return key;
  }

  return async (publicKey, message, signature) => {
    const key = await importKey(publicKey);
    if (!key) return false;
    try {
      return await subtle.verify(ECDSA_SHA384, key, own(signature), own(message));
    } catch {
      return false;
    }
  };
}
