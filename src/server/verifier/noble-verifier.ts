/**
 * A SignatureVerifier for Node (the reference verifier) on @noble/curves: ES256 and ES384 (RFC 7518
 * §3.4 / RFC 9053 §2.1: r‖s, the curve's SHA-2, high-S accepted) and EdDSA (RFC 8032).
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { SignatureVerifier, VerifyItem } from '../../lib/signature-verifier';

const ECDSA_OPTS = { lowS: false, prehash: true, format: 'compact' } as const;

function verifyOne(item: VerifyItem): boolean {
  try {
    if (item.alg === 'ES256') return p256.verify(item.signature, item.message, item.publicKey, ECDSA_OPTS);
    // noble reads a 96-byte signature only as r‖s and throws on other lengths: false below
    if (item.alg === 'ES384') return p384.verify(item.signature, item.message, item.publicKey, ECDSA_OPTS);
    if (item.alg === 'EdDSA') return ed25519.verify(item.signature, item.message, item.publicKey);
    return false;
  } catch {
    return false;
  }
}

export const nodeSignatureVerifier: SignatureVerifier = { verifyBatch: async (items) => items.map(verifyOne) };
