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
 * - Through the Digital Credentials API (OpenID4VP 1.0 Appendix B.2.6.2): Handover =
 *   ["OpenID4VPDCAPIHandover", SHA-256(cbor(OpenID4VPDCAPIHandoverInfo))],
 *   OpenID4VPDCAPIHandoverInfo = [origin, nonce, jwkThumbprint or null]; the origin is the one the
 *   browser reports, so the client id is not in it.
 * - An ISO/IEC 18013-5 proximity session (§9.1.5.1): the reader built the whole transcript
 *   [DeviceEngagementBytes, EReaderKeyBytes, Handover] with the holder's device during session
 *   establishment, and it is given as SessionTranscriptBytes; no audience or nonce is involved.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { DataError } from '../../../lib/errors';
import type { PresentationHandover } from '../format';
import { decodeCbor, EmbeddedCbor, encodeCbor } from './cbor';

/** OpenID4VP 1.0 Appendix B.2.6.1: the Handover's identifier for the redirect (non DC API) flow. */
export const OPENID4VP_HANDOVER = 'OpenID4VPHandover';
/** OpenID4VP 1.0 Appendix B.2.6.2: the Handover's identifier for a request through the Digital Credentials API. */
export const OPENID4VP_DC_API_HANDOVER = 'OpenID4VPDCAPIHandover';
/** docs/sharing.md: the Handover's identifier for a request QR scanned from another Satchel. */
export const SATCHEL_QR_HANDOVER = 'SatchelQRHandover';
/** RFC 7638 §3 with SHA-256: a JWK thumbprint is 32 bytes. */
const THUMBPRINT_BYTES = 32;

function checkThumbprint(thumbprint: unknown, what: string): void {
  if (thumbprint !== null && !(thumbprint instanceof Uint8Array && thumbprint.length === THUMBPRINT_BYTES)) {
    throw new DataError(`The ${what} handover's encryption key thumbprint must be ${THUMBPRINT_BYTES} bytes (SHA-256, RFC 7638) or absent.`);
  }
}

/** The Handover (the third SessionTranscript element) for `handover`, other than an ISO session's (whose transcript is given whole). Throws DataError for a malformed one. */
export function handoverOf(handover: PresentationHandover, audience: string, nonce: string): [string, Uint8Array] {
  if (handover.kind === 'openid4vp') {
    const { responseUri, encryptionKeyThumbprint } = handover;
    if (typeof responseUri !== 'string' || responseUri === '') throw new DataError('The OpenID4VP handover has no response URI.');
    checkThumbprint(encryptionKeyThumbprint, 'OpenID4VP');
    // OpenID4VP 1.0 B.2.6.1: OpenID4VPHandoverInfo = [clientId, nonce, jwkThumbprint / null, responseUri].
    const info = encodeCbor([audience, nonce, encryptionKeyThumbprint, responseUri]);
    return [OPENID4VP_HANDOVER, sha256(info)];
  }
  if (handover.kind === 'openid4vp-dc-api') {
    const { origin, encryptionKeyThumbprint } = handover;
    if (typeof origin !== 'string' || origin === '') throw new DataError('The Digital Credentials API handover has no origin.');
    checkThumbprint(encryptionKeyThumbprint, 'Digital Credentials API');
    // OpenID4VP 1.0 B.2.6.2: OpenID4VPDCAPIHandoverInfo = [origin, nonce, jwkThumbprint / null].
    const info = encodeCbor([origin, nonce, encryptionKeyThumbprint]);
    return [OPENID4VP_DC_API_HANDOVER, sha256(info)];
  }
  if (handover.kind === 'satchel-qr') {
    if (typeof handover.requestQr !== 'string' || handover.requestQr === '') throw new DataError('The in-person handover has no request QR text.');
    return [SATCHEL_QR_HANDOVER, sha256(new TextEncoder().encode(handover.requestQr))];
  }
  throw new DataError(`Satchel does not know the handover kind ${JSON.stringify((handover as { kind?: unknown }).kind)}.`);
}

/** The SessionTranscript array [null, null, Handover] (ISO/IEC 18013-5 §9.1.5.1) for a request with no ISO device engagement. */
export function sessionTranscript(handover: PresentationHandover, audience: string | undefined, nonce: string | undefined): unknown[] {
  if (typeof audience !== 'string' || audience === '') throw new DataError('A session transcript needs the verifier (client id).');
  if (typeof nonce !== 'string' || nonce === '') throw new DataError('A session transcript needs the nonce.');
  return [null, null, handoverOf(handover, audience, nonce)];
}

/**
 * The SessionTranscript's own CBOR inside SessionTranscriptBytes (#6.24(bstr .cbor SessionTranscript),
 * ISO/IEC 18013-5 §9.1.5.1), kept byte for byte as the reader and the holder's device encoded it.
 * Throws DataError when it is not a tag-24 item holding an array of three.
 */
export function transcriptContent(sessionTranscriptBytes: Uint8Array): Uint8Array {
  const decoded = decodeCbor(sessionTranscriptBytes, 'session transcript');
  if (!(decoded instanceof EmbeddedCbor)) throw new DataError('The session transcript must be SessionTranscriptBytes (tag 24 around the transcript).');
  const transcript = decodeCbor(decoded.bytes, 'session transcript');
  // §9.1.5.1: SessionTranscript = [DeviceEngagementBytes, EReaderKeyBytes, Handover].
  if (!Array.isArray(transcript) || transcript.length !== 3) throw new DataError('The session transcript must be an array of three: device engagement, reader key and handover.');
  return decoded.bytes;
}

/**
 * SessionTranscriptBytes' content, the CBOR of the SessionTranscript (ISO/IEC 18013-5 §9.1.5.1):
 * for an ISO proximity session the one given (`audience` and `nonce` unused); otherwise
 * cbor([null, null, Handover]), deterministically encoded. Throws DataError.
 */
export function sessionTranscriptBytes(handover: PresentationHandover, audience?: string, nonce?: string): Uint8Array {
  if (handover.kind === 'iso-18013-5') {
    if (!(handover.sessionTranscriptBytes instanceof Uint8Array)) throw new DataError('The ISO/IEC 18013-5 handover has no session transcript bytes.');
    return transcriptContent(handover.sessionTranscriptBytes);
  }
  return encodeCbor(sessionTranscript(handover, audience, nonce));
}
