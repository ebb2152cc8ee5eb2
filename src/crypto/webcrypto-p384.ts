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
import { uncompressedP384 } from './p384-decompress';
import { webCryptoP384, type P384Check } from './webcrypto-p384-verify';

export type { P384Check };
export { uncompressedP384 };

/** ES384 on WebCrypto with noble's decompression at hand (the yardstick, tests); the worker uses webCryptoP384. */
export function createWebCryptoP384(subtle: SubtleCrypto = globalThis.crypto.subtle): (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean> {
  return webCryptoP384(uncompressedP384, subtle);
}
