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
import { checkedVerifier, type Verifier } from './checked-verifier';
import { lengthsFit } from './input';

const ES256_OPTS = { lowS: false, prehash: true, format: 'compact' } as const;

/** Key and signature lengths already checked (checked-verifier.ts). */
function verifyP256Noble(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return p256.verify(signature, message, publicKey, ES256_OPTS);
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
