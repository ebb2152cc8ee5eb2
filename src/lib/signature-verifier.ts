/**
 * The one shape every signature check in Satchel goes through. `credentials/` depends on this
 * interface, never on the worker; the WASM core, the @noble/curves fallback and the worker client
 * all implement it (docs/architecture.md: layers).
 */

export type SignatureAlgorithm = 'ES256' | 'EdDSA';

export interface VerifyItem {
  alg: SignatureAlgorithm;
  /** ES256: SEC1 public key, 65-byte uncompressed or 33-byte compressed. EdDSA: 32-byte Ed25519 key. */
  publicKey: Uint8Array;
  /** The exact bytes that were signed (for JWS: ASCII of `header.payload`). */
  message: Uint8Array;
  /** ES256: 64-byte r‖s (IEEE P1363, as JOSE uses). EdDSA: 64-byte R‖S. */
  signature: Uint8Array;
}

export interface SignatureVerifier {
  /** One result per item, in order. Malformed items are `false`; never throws for bad input. */
  verifyBatch(items: readonly VerifyItem[]): boolean[] | Promise<boolean[]>;
}
