/**
 * The fallback verifier: the same Verifier interface and the same rules as the WASM core, on
 * @noble/curves (audited, pure JavaScript). Used where WebAssembly is unavailable or refused
 * (e.g. a CSP without 'wasm-unsafe-eval'), and as the reference in the property tests.
 *
 * - ES256: SEC1 4.1.4 with SHA-256 prehash, lowS: false (JOSE accepts high-S), r‖s or the shared
 *   strict DER parser (input.ts) — not noble's own DER reader, so all engines reject alike.
 * - ES384: the same rules on P-384 with SHA-384 (RFC 7518 §3.4, RFC 9053 §2.1), 96-byte r‖s; batch
 *   items only (certificate signatures). Exported for the worker, where SubtleCrypto is missing.
 * - EdDSA: RFC 8032 §5.1.7, noble's strict mode (zip215: false): canonical A and R (y < p),
 *   S < L, small-order public keys rejected, cofactored equation [8][S]B = [8]R + [8][k]A.
 *   See docs/crypto-core.md for the policy shared with the WASM core.
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import type { VerifyItem } from '../lib/signature-verifier';
import { checkedVerifier, type Verifier } from './checked-verifier';
import { lengthsFit } from './input';

/** ES256 and ES384 alike: high-S accepted, the curve's own hash (SHA-256 / SHA-384) over the message, r‖s. */
const ECDSA_OPTS = { lowS: false, prehash: true, format: 'compact' } as const;

/** Key and signature lengths already checked (checked-verifier.ts). */
function verifyP256Noble(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return p256.verify(signature, message, publicKey, ECDSA_OPTS);
  } catch {
    return false;
  }
}

/** ES384: 97- or 49-byte key, 96-byte r‖s, lengths already checked (lengthsFit). Off-curve keys, r or s ∉ [1, n−1]: false. */
export function verifyP384Noble(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return p384.verify(signature, message, publicKey, ECDSA_OPTS);
  } catch {
    return false;
  }
}

/** Key and signature lengths already checked (checked-verifier.ts). */
function verifyEd25519Noble(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function verifyItem(item: VerifyItem): boolean {
  if (!lengthsFit(item.alg, item.publicKey, item.signature)) return false;
  if (item.alg === 'ES384') return verifyP384Noble(item.publicKey, item.message, item.signature);
  return item.alg === 'ES256'
    ? verifyP256Noble(item.publicKey, item.message, item.signature)
    : verifyEd25519Noble(item.publicKey, item.message, item.signature);
}

export function createNobleVerifier(): Verifier & { readonly engine: 'noble' } {
  return {
    engine: 'noble',
    ...checkedVerifier({
      p256: verifyP256Noble,
      ed25519: verifyEd25519Noble,
      batch: (items) => items.map(verifyItem),
      sha256: (data) => nobleSha256(data),
    }),
  };
}
