/** The ISO/IEC 18013-5 Annex D exchange (tests/vectors/mdoc/SOURCES.md), as bytes and keys for the reader-session tests. */
import annexD from '../../../vectors/mdoc/iso18013-5_annex_d.json';
import { decodeCbor, EmbeddedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { base64urlEncode } from '../../../../src/lib/base64url';

export const hex = annexD.hex;
export const expected = annexD.expected;
export const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
export const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Annex D's EReaderKey pair (EPHEMERAL_READER_KEY_*), the private key not extractable. */
export async function annexDReaderKeyPair(): Promise<CryptoKeyPair> {
  const b64u = (h: string) => base64urlEncode(fromHex(h));
  const [x, y, d] = [b64u(hex.EPHEMERAL_READER_KEY_X), b64u(hex.EPHEMERAL_READER_KEY_Y), b64u(hex.EPHEMERAL_READER_KEY_D)];
  const algorithm = { name: 'ECDH', namedCurve: 'P-256' };
  const privateKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x, y, d }, algorithm, false, ['deriveBits']);
  const publicKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x, y }, algorithm, true, []);
  return { privateKey, publicKey };
}

/**
 * The parts of Annex D's SessionTranscript. Its engagement was by NFC (SOURCES.md: a different
 * DeviceEngagement from the QR one, with the same EDeviceKey and no retrieval methods), so its
 * Handover is NFC's [HandoverSelect, HandoverRequest] rather than null.
 */
export function annexDTranscriptParts(): { deviceEngagement: Uint8Array; eReaderKey: Uint8Array; handover: unknown } {
  const outer = decodeCbor(fromHex(hex.SESSION_TRANSCRIPT_BYTES), 'transcript') as EmbeddedCbor;
  const [engagement, readerKey, handover] = decodeCbor(outer.bytes, 'transcript') as [EmbeddedCbor, EmbeddedCbor, unknown];
  return { deviceEngagement: engagement.bytes, eReaderKey: readerKey.bytes, handover };
}
