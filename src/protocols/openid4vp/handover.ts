/**
 * What an mdoc presentation's device signature is bound to besides the client id and nonce: the
 * handover of its SessionTranscript (ISO/IEC 18013-5 §9.1.5.1). Online, OpenID4VP 1.0 Appendix
 * B.2.6.1's OpenID4VPHandoverInfo = [client_id, nonce, jwkThumbprint, response_uri], with
 * jwkThumbprint the RFC 7638 SHA-256 thumbprint of the verifier's key the response is encrypted
 * to (direct_post.jwt), else null. In person, the request QR text the holder scanned
 * (docs/sharing.md, "mdoc in person"). The format builds the CBOR (src/credentials/formats/mso-mdoc).
 */
import type { PresentationHandover } from '../../credentials/formats/format';
import { jwkThumbprintSha256 } from '../../credentials/jwk';
import type { ValidatedRequest } from './request-object';

export { jwkThumbprintSha256 };

/** B.2.6.1: the OpenID4VPHandover an online answer to `request` is bound to. Throws TypeError for a request with no response_uri (in person). */
export async function openid4vpHandover(request: Pick<ValidatedRequest, 'responseUri' | 'encryptionKey'>): Promise<PresentationHandover> {
  if (request.responseUri === undefined) throw new TypeError('request.responseUri is required for an OpenID4VPHandover');
  // B.2.6.1: "jwkThumbprint … MUST be null" when the response is not encrypted (direct_post).
  const encryptionKeyThumbprint = request.encryptionKey ? jwkThumbprintSha256(request.encryptionKey) : null;
  return { kind: 'openid4vp', responseUri: request.responseUri, encryptionKeyThumbprint };
}

/** In person between two Satchels: the request QR exactly as made and scanned (its SatchelQRHandover hashes these characters). */
export function satchelQrHandover(requestQr: string): PresentationHandover {
  return { kind: 'satchel-qr', requestQr };
}
