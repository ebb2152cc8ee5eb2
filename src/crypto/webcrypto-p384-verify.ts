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
 * are decompressed (SEC1 §2.3.4) by the function given (@noble/curves: p384-decompress.ts) rather
 * than handed to importKey, whose support for them is optional in the spec, so every browser
 * answers alike. Nothing here imports noble: the worker gives a decompressor that loads the noble
 * script only when a compressed key comes (load-noble.ts, issue 18); webcrypto-p384.ts gives noble's.
 */
import { toHex } from './input';

/** One ES384 check; lengths already checked (lengthsFit). */
export type P384Check = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;
/** A compressed key (49 bytes) as the 97-byte 0x04‖x‖y form, or null when it names no point. */
export type P384Decompress = (publicKey: Uint8Array) => Uint8Array | null | Promise<Uint8Array | null>;

const ECDSA_P384 = { name: 'ECDSA', namedCurve: 'P-384' } as const;
const ECDSA_SHA384 = { name: 'ECDSA', hash: 'SHA-384' } as const;
/** Imported keys kept (IACA roots: a few per trust list); past this the cache starts afresh. */
const KEY_CACHE_LIMIT = 64;
export const COMPRESSED_P384_KEY_BYTES = 49;

/** A view SubtleCrypto accepts (a Uint8Array over a plain ArrayBuffer). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** ES384 on WebCrypto; `decompress` is called for compressed keys only. */
export function webCryptoP384(decompress: P384Decompress, subtle: SubtleCrypto = globalThis.crypto.subtle): (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean> {
  const keys = new Map<string, Promise<CryptoKey | null>>();

  async function pointOf(raw: Uint8Array): Promise<Uint8Array | null> {
    return raw.length === COMPRESSED_P384_KEY_BYTES ? decompress(raw) : raw;
  }

  function importKey(raw: Uint8Array): Promise<CryptoKey | null> {
    const id = toHex(raw);
    let key = keys.get(id);
    if (!key) {
      if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
      // importKey refuses an invalid point (off the curve, a coordinate ≥ p, prefix not 04): false
      key = pointOf(raw).then((point) => (point === null ? null : subtle.importKey('raw', own(point), ECDSA_P384, false, ['verify'])))
        .catch(() => null);
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
