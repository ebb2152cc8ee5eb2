/**
 * SEC1 §2.3.4 point decompression for P-384 keys, by @noble/curves: for ES384 on WebCrypto
 * (webcrypto-p384-verify.ts), in the noble script the worker loads only when needed (issue 18).
 */
import { p384 } from '@noble/curves/nist.js';

const COMPRESSED_KEY_BYTES = 49;

/**
 * A compressed key (0x02/0x03 ‖ x) as the 97-byte 0x04‖x‖y form, or null when it names no point.
 * A 97-byte key is returned as it is (importKey checks it).
 */
export function uncompressedP384(publicKey: Uint8Array): Uint8Array | null {
  if (publicKey.length !== COMPRESSED_KEY_BYTES) return publicKey;
  if (publicKey[0] !== 0x02 && publicKey[0] !== 0x03) return null;
  try {
    return p384.Point.fromBytes(publicKey).toBytes(false);
  } catch {
    return null; // x ≥ p, or x³ − 3x + b has no square root
  }
}
