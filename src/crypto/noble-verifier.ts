/**
 * The fallback verifier: the same Verifier interface and the same rules as the WASM core, on
 * @noble/curves (audited, pure JavaScript). Used where WebAssembly is unavailable or refused
 * (e.g. a CSP without 'wasm-unsafe-eval'), and as the reference in the property tests.
 *
 * - ES256: SEC1 4.1.4 with SHA-256 prehash, lowS: false (JOSE accepts high-S), r‖s or the shared
 *   strict DER parser (input.ts) — not noble's own DER reader, so all engines reject alike.
 * - EdDSA: RFC 8032 §5.1.7, noble's strict mode (zip215: false): canonical A and R (y < p),
 *   S < L, small-order public keys rejected, cofactored equation [8][S]B = [8]R + [8][k]A.
 *   See docs/crypto-core.md for the policy shared with the WASM core.
 */
import { p256 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import type { VerifyItem } from '../lib/signature-verifier';
import type { Verifier } from './wasm-verifier';
import {
  assertBytes, assertItems, derToP1363, ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES,
  P256_PUBLIC_KEY_COMPRESSED_BYTES, P256_PUBLIC_KEY_UNCOMPRESSED_BYTES, P256_SIGNATURE_BYTES,
} from './input';

const ES256_OPTS = { lowS: false, prehash: true, format: 'compact' } as const;

export function verifyP256Noble(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== P256_PUBLIC_KEY_UNCOMPRESSED_BYTES && publicKey.length !== P256_PUBLIC_KEY_COMPRESSED_BYTES) return false;
  if (signature.length !== P256_SIGNATURE_BYTES) return false;
  try {
    return p256.verify(signature, message, publicKey, ES256_OPTS);
  } catch {
    return false;
  }
}

export function verifyEd25519Noble(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function verifyItem(item: VerifyItem): boolean {
  if (item.alg === 'ES256') return verifyP256Noble(item.publicKey, item.message, item.signature);
  if (item.alg === 'EdDSA') return verifyEd25519Noble(item.publicKey, item.message, item.signature);
  return false;
}

export function createNobleVerifier(): Verifier & { readonly engine: 'noble' } {
  return {
    engine: 'noble',
    verifyP256(publicKey, message, signature) {
      assertBytes(publicKey, 'publicKey', 'verifyP256');
      assertBytes(message, 'message', 'verifyP256');
      assertBytes(signature, 'signature', 'verifyP256');
      return verifyP256Noble(publicKey, message, signature);
    },
    verifyP256Der(publicKey, message, derSignature) {
      assertBytes(publicKey, 'publicKey', 'verifyP256Der');
      assertBytes(message, 'message', 'verifyP256Der');
      assertBytes(derSignature, 'derSignature', 'verifyP256Der');
      const sig = derToP1363(derSignature);
      return sig !== null && verifyP256Noble(publicKey, message, sig);
    },
    verifyEd25519(publicKey, message, signature) {
      assertBytes(publicKey, 'publicKey', 'verifyEd25519');
      assertBytes(message, 'message', 'verifyEd25519');
      assertBytes(signature, 'signature', 'verifyEd25519');
      return verifyEd25519Noble(publicKey, message, signature);
    },
    verifyBatch(items) {
      assertItems(items, 'verifyBatch');
      return items.map(verifyItem);
    },
    sha256(data) {
      assertBytes(data, 'data', 'sha256');
      return nobleSha256(data);
    },
  };
}
