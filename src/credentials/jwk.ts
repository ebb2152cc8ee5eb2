/**
 * Public keys from JWKs: RFC 7517 (JWK), RFC 7518 §6.2.1 (EC P-256 `x`/`y`), RFC 8037 §2
 * (OKP Ed25519 `x`). Turns a JWK into the bytes a SignatureVerifier takes, and refuses a key
 * that does not fit the algorithm (RFC 7515 §10.7 "algorithm/key confusion").
 */
import type { SignatureAlgorithm } from '../lib/signature-verifier';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlDecode } from '../lib/base64url';
import { concatBytes } from '../lib/bytes';
import { DataError } from '../lib/errors';
import { isJsonObject } from '../lib/json-safe';

/** RFC 7638 §3.2: an EC key's required members in lexicographic order, no whitespace; §3.1 hashed with SHA-256. */
export function jwkThumbprintSha256(jwk: Pick<JsonWebKey, 'crv' | 'kty' | 'x' | 'y'>): Uint8Array {
  return sha256(new TextEncoder().encode(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })));
}

export const P256_COORDINATE_BYTES = 32;
export const ED25519_PUBLIC_KEY_BYTES = 32;

export interface PublicKey {
  alg: SignatureAlgorithm;
  /**
   * SEC1 uncompressed point (ES256) or the 32-byte Ed25519 key (EdDSA). ES384 (a P-384 SEC1 point)
   * comes only from X.509 certificates (x509/certificate.ts); JWKs stay P-256 and Ed25519.
   */
  publicKey: Uint8Array;
  kid?: string;
}

/** Converts a public JWK; throws DataError naming `what` when it is not a usable P-256/Ed25519 key. */
export function publicKeyFromJwk(jwk: unknown, what: string): PublicKey {
  if (!isJsonObject(jwk)) throw new DataError(`${what} is not a JSON Web Key object`);
  // RFC 7517 §4: a public key set must not carry private parts.
  if ('d' in jwk) throw new DataError(`${what} contains a private key; only public keys are accepted`);
  const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
  // RFC 7517 §4.2/§4.3: a key meant for encryption, or not for verifying, must not verify signatures.
  if (jwk.use !== undefined && jwk.use !== 'sig') throw new DataError(`${what} is for ${JSON.stringify(jwk.use)}, not for signatures`);
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) {
    throw new DataError(`${what} may not be used to verify signatures (key_ops)`);
  }
  if (jwk.kty === 'EC') {
    // RFC 7518 §6.2.1.1: crv; only P-256 is on the allow-list (ES256, RFC 7518 §3.4).
    if (jwk.crv !== 'P-256') throw new DataError(`${what} uses curve ${String(jwk.crv)}; only P-256 is accepted`);
    if (jwk.alg !== undefined && jwk.alg !== 'ES256') throw new DataError(`${what} is marked for ${String(jwk.alg)}, not ES256`);
    // RFC 7518 §6.2.1.2/3: x and y are the full-length 32-byte big-endian coordinates.
    const x = typeof jwk.x === 'string' ? base64urlDecode(jwk.x) : undefined;
    const y = typeof jwk.y === 'string' ? base64urlDecode(jwk.y) : undefined;
    if (!x || x.length !== P256_COORDINATE_BYTES || !y || y.length !== P256_COORDINATE_BYTES) {
      throw new DataError(`${what} has malformed P-256 coordinates (x and y must be 32 bytes each)`);
    }
    // SEC1 2.3.3: uncompressed point 0x04 ‖ X ‖ Y.
    return withKid({ alg: 'ES256', publicKey: concatBytes(Uint8Array.of(4), x, y) }, kid);
  }
  if (jwk.kty === 'OKP') {
    // RFC 8037 §2: crv Ed25519, x is the 32-byte public key.
    if (jwk.crv !== 'Ed25519') throw new DataError(`${what} uses curve ${String(jwk.crv)}; only Ed25519 is accepted`);
    if (jwk.alg !== undefined && jwk.alg !== 'EdDSA') throw new DataError(`${what} is marked for ${String(jwk.alg)}, not EdDSA`);
    const x = typeof jwk.x === 'string' ? base64urlDecode(jwk.x) : undefined;
    if (!x || x.length !== ED25519_PUBLIC_KEY_BYTES) throw new DataError(`${what} has a malformed Ed25519 key (x must be 32 bytes)`);
    return withKid({ alg: 'EdDSA', publicKey: x }, kid);
  }
  throw new DataError(`${what} has key type ${String(jwk.kty)}; only EC P-256 and OKP Ed25519 keys are accepted`);
}

function withKid(key: PublicKey, kid: string | undefined): PublicKey {
  if (kid !== undefined) key.kid = kid;
  return key;
}
