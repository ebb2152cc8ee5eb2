/**
 * An EC2 P-256 public key as a COSE_Key (RFC 9052 §7.1, RFC 9053 §7.1.1): {1: 2 (EC2), -1: 1
 * (P-256), -2: x, -3: y}. The reader's EReaderKey (ISO/IEC 18013-5 §9.1.1.4), the holder's
 * EDeviceKey read from an engagement, and the recipient key of an ISO/IEC 18013-7 Annex C request
 * are all this shape; one definition serves the three.
 */

/** RFC 9052 §7.1 / RFC 9053 §7.1.1 labels and values. */
export const COSE_KEY = {
  kty: 1,
  ktyEc2: 2,
  crv: -1,
  crvP256: 1,
  x: -2,
  y: -3,
  /** The private key: a public key must not carry it. */
  d: -4,
} as const;

/** The COSE_Key map of an uncompressed P-256 point (SEC 1 §2.3.3: 0x04 ‖ X ‖ Y, 65 bytes). */
export function p256CoseKey(uncompressed: Uint8Array): Map<number, unknown> {
  if (uncompressed.length !== 65 || uncompressed[0] !== 0x04) throw new TypeError('A P-256 public key must be an uncompressed point (65 bytes)');
  return new Map<number, unknown>([
    [COSE_KEY.kty, COSE_KEY.ktyEc2],
    [COSE_KEY.crv, COSE_KEY.crvP256],
    [COSE_KEY.x, uncompressed.slice(1, 33)],
    [COSE_KEY.y, uncompressed.slice(33)],
  ]);
}
