/** A SignatureVerifier for Node (the reference verifier): ES256 (RFC 7518 §3.4, r‖s) and EdDSA (RFC 8032) on @noble/curves. */
import { p256 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { SignatureVerifier, VerifyItem } from '../../lib/signature-verifier';

function verifyOne(item: VerifyItem): boolean {
  try {
    if (item.alg === 'ES256') return p256.verify(item.signature, item.message, item.publicKey, { lowS: false, prehash: true, format: 'compact' });
    if (item.alg === 'EdDSA') return ed25519.verify(item.signature, item.message, item.publicKey);
    return false;
  } catch {
    return false;
  }
}

export const nodeSignatureVerifier: SignatureVerifier = { verifyBatch: async (items) => items.map(verifyOne) };
