/**
 * The one shape every signature check in Satchel goes through. `credentials/` depends on this
 * interface, never on the worker; the WASM core, the @noble/curves fallback and the worker client
 * all implement it (docs/architecture.md: layers).
 */

/**
 * ES256 (P-256, SHA-256) and EdDSA (Ed25519) are the hot path, in the WASM core. ES384 (P-384,
 * SHA-384) is for certificates (ISO/IEC 18013-5 Annex B IACA roots are often P-384): few per batch,
 * checked by WebCrypto in the worker, @noble/curves where WebCrypto is missing.
 */
export type SignatureAlgorithm = 'ES256' | 'ES384' | 'EdDSA';

export interface VerifyItem {
  alg: SignatureAlgorithm;
  /** ES256: SEC1 public key, 65-byte uncompressed or 33-byte compressed. ES384: SEC1, 97 or 49 bytes. EdDSA: 32-byte Ed25519 key. */
  publicKey: Uint8Array;
  /** The exact bytes that were signed (for JWS: ASCII of `header.payload`). */
  message: Uint8Array;
  /** ES256: 64-byte r‖s (IEEE P1363, as JOSE and COSE use). ES384: 96-byte r‖s. EdDSA: 64-byte R‖S. */
  signature: Uint8Array;
}

export interface SignatureVerifier {
  /** One result per item, in order. Malformed items are `false`; never throws for bad input. */
  verifyBatch(items: readonly VerifyItem[]): boolean[] | Promise<boolean[]>;
}
