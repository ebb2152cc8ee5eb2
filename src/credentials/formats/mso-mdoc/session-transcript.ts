/**
 * The SessionTranscript (ISO/IEC 18013-5 §9.1.5.1) an mdoc's device authentication covers:
 * [DeviceEngagementBytes, EReaderKeyBytes, Handover], with both engagement parts null when there was
 * no ISO device engagement (OpenID4VP 1.0 Appendix B.2.6.1; Satchel's in-person QR likewise).
 *
 * - Online (OpenID4VP 1.0 Appendix B.2.6.1): Handover = ["OpenID4VPHandover",
 *   SHA-256(cbor(OpenID4VPHandoverInfo))], OpenID4VPHandoverInfo = [clientId, nonce,
 *   jwkThumbprint (bstr, the RFC 7638 SHA-256 thumbprint of the key the response is encrypted to)
 *   or null, responseUri].
 * - In person between two Satchels (docs/sharing.md): Handover = ["SatchelQRHandover",
 *   SHA-256(UTF-8 of the request QR text)]. The QR text carries the request's client id, nonce,
 *   ephemeral key and expiry, so hashing it binds the signature to all of them; `audience` and
 *   `nonce` are still required (they are what the holder proof is checked against elsewhere).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { DataError } from '../../../lib/errors';
import type { PresentationHandover } from '../format';
import { encodeCbor } from './cbor';

/** OpenID4VP 1.0 Appendix B.2.6.1: the Handover's identifier for the redirect (non DC API) flow. */
export const OPENID4VP_HANDOVER = 'OpenID4VPHandover';
/** docs/sharing.md: the Handover's identifier for a request QR scanned from another Satchel. */
export const SATCHEL_QR_HANDOVER = 'SatchelQRHandover';
/** RFC 7638 §3 with SHA-256: a JWK thumbprint is 32 bytes. */
const THUMBPRINT_BYTES = 32;

/** The Handover (the third SessionTranscript element) for `handover`. Throws DataError for a malformed one. */
export function handoverOf(handover: PresentationHandover, audience: string, nonce: string): [string, Uint8Array] {
  if (handover.kind === 'openid4vp') {
    const { responseUri, encryptionKeyThumbprint } = handover;
    if (typeof responseUri !== 'string' || responseUri === '') throw new DataError('The OpenID4VP handover has no response URI.');
    if (encryptionKeyThumbprint !== null && !(encryptionKeyThumbprint instanceof Uint8Array && encryptionKeyThumbprint.length === THUMBPRINT_BYTES)) {
      throw new DataError(`The OpenID4VP handover's encryption key thumbprint must be ${THUMBPRINT_BYTES} bytes (SHA-256, RFC 7638) or absent.`);
    }
    // OpenID4VP 1.0 B.2.6.1: OpenID4VPHandoverInfo = [clientId, nonce, jwkThumbprint / null, responseUri].
    const info = encodeCbor([audience, nonce, encryptionKeyThumbprint, responseUri]);
    return [OPENID4VP_HANDOVER, sha256(info)];
  }
  if (handover.kind === 'satchel-qr') {
    if (typeof handover.requestQr !== 'string' || handover.requestQr === '') throw new DataError('The in-person handover has no request QR text.');
    return [SATCHEL_QR_HANDOVER, sha256(new TextEncoder().encode(handover.requestQr))];
  }
  throw new DataError(`Satchel does not know the handover kind ${JSON.stringify((handover as { kind?: unknown }).kind)}.`);
}

/** The SessionTranscript array [null, null, Handover] (ISO/IEC 18013-5 §9.1.5.1). */
export function sessionTranscript(handover: PresentationHandover, audience: string, nonce: string): unknown[] {
  if (typeof audience !== 'string' || audience === '') throw new DataError('A session transcript needs the verifier (client id).');
  if (typeof nonce !== 'string' || nonce === '') throw new DataError('A session transcript needs the nonce.');
  return [null, null, handoverOf(handover, audience, nonce)];
}

/** SessionTranscriptBytes' content: cbor([null, null, Handover]) (ISO/IEC 18013-5 §9.1.5.1), deterministically encoded. */
export function sessionTranscriptBytes(handover: PresentationHandover, audience: string, nonce: string): Uint8Array {
  return encodeCbor(sessionTranscript(handover, audience, nonce));
}
