/**
 * The quick-show payload inside SQ1 frames: base64url(deflate-raw(presentation)) — the SD-JWT
 * presentation compressed (RFC 1951), not encrypted (there is no verifier key to encrypt to).
 */
import { base64urlDecode, base64urlEncode } from '../../lib/base64url';
import { asciiBytes, utf8Decode } from '../../lib/bytes';
import { deflateRaw, inflateRaw } from '../../lib/deflate';

const MAX_PRESENTATION_BYTES = 256 * 1024;

export async function packPresentation(presentation: string): Promise<string> {
  return base64urlEncode(await deflateRaw(asciiBytes(presentation)));
}

/** Undefined when the payload is damaged or too large. */
export async function unpackPresentation(payload: string): Promise<string | undefined> {
  const packed = base64urlDecode(payload);
  if (!packed) return undefined;
  try {
    return utf8Decode(await inflateRaw(packed, MAX_PRESENTATION_BYTES));
  } catch {
    return undefined;
  }
}
