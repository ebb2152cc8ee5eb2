/**
 * The printed code of a paper card: the text a card's QR code holds, `SC1:` + Base45(ZLIB(COSE_Sign1
 * bytes)), as the EU Digital COVID Certificate's `HC1:` (eHealth Network, "Electronic Health
 * Certificate Specification" v1.0.5 §2.6: CWT → COSE_Sign1 → ZLIB → Base45 → prefix), so that the
 * whole code is in a QR code's alphanumeric mode (RFC 9285 §1). The card itself, as stored and as
 * OpenID4VCI delivers it, is base64url of the COSE_Sign1 bytes (the `paper-card` format,
 * src/credentials/formats/paper-card/); this is only how it is printed.
 *
 * API:
 *   CARD_CODE_PREFIX = 'SC1:'
 *   encodeCardCode(coseBytes: Uint8Array): Promise<string>
 *   decodeCardCode(text: string): Promise<Uint8Array>   — the COSE_Sign1 bytes; throws CardCodeError
 *   class CardCodeError extends DataError { code: 'not-a-card' | 'damaged' }
 */
import { base45Decode, base45Encode } from '../../lib/base45';
import { concatBytes } from '../../lib/bytes';
import { deflateRaw, inflateCapped } from '../../lib/deflate';
import { DataError } from '../../lib/errors';

export const CARD_CODE_PREFIX = 'SC1:';
/** A card's COSE_Sign1 is a few hundred bytes; more than this inflated is not a card (a "zlib bomb" stops here). */
export const MAX_CARD_BYTES = 4096;
/** ISO/IEC 18004 Table 7: a version 40 QR code holds at most 4296 alphanumeric characters. */
export const MAX_CARD_CODE_CHARS = 4296;

export type CardCodeErrorCode = 'not-a-card' | 'damaged';

/** Why a scanned text is not a card's code: not one at all, or one that cannot be read back. */
export class CardCodeError extends DataError {
  constructor(
    readonly code: CardCodeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CardCodeError';
  }
}

/** RFC 1950 §8.2: Adler-32, two 16-bit sums modulo 65521. */
function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i += 3800) {
    // 3800 bytes keep b below 2^31 before the modulo.
    const end = Math.min(i + 3800, data.length);
    for (let j = i; j < end; j++) {
      a += data[j]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return (b * 65536 + a) >>> 0;
}

/** RFC 1950 §2.2: CMF 0x78 (deflate, 32 KiB window), FLG 0xDA (level 3 = maximum compression; 0x78DA is a multiple of 31), the DEFLATE data, Adler-32 big-endian. */
async function zlib(data: Uint8Array): Promise<Uint8Array> {
  const check = adler32(data);
  return concatBytes(Uint8Array.of(0x78, 0xda), await deflateRaw(data), Uint8Array.of(check >>> 24, (check >>> 16) & 0xff, (check >>> 8) & 0xff, check & 0xff));
}

/** The text of a card's QR code for the COSE_Sign1 `coseBytes` (printed in alphanumeric mode, error correction Q). */
export async function encodeCardCode(coseBytes: Uint8Array): Promise<string> {
  return CARD_CODE_PREFIX + base45Encode(await zlib(coseBytes));
}

/** Whether a scanned text is meant to be a card's code (its prefix), before reading it. */
export function isCardCode(text: string): boolean {
  return text.trim().toUpperCase().startsWith(CARD_CODE_PREFIX);
}

/**
 * The COSE_Sign1 bytes a card's code carries. Throws CardCodeError 'not-a-card' when the text does
 * not start with `SC1:`, 'damaged' when its Base45 or ZLIB cannot be read (cut short, a character
 * misread, the checksum wrong) or it inflates past MAX_CARD_BYTES. Nothing is checked about what
 * the bytes say: that is the paper-card format's parse and the verify pipeline.
 */
export async function decodeCardCode(text: string): Promise<Uint8Array> {
  if (typeof text !== 'string' || !isCardCode(text)) throw new CardCodeError('not-a-card', `This is not a paper card's code: a card's code starts with "${CARD_CODE_PREFIX}".`);
  const body = text.trim().slice(CARD_CODE_PREFIX.length);
  if (body.length > MAX_CARD_CODE_CHARS) throw new CardCodeError('damaged', `This card's code is ${body.length} characters long, more than a QR code holds (${MAX_CARD_CODE_CHARS}).`);
  let compressed: Uint8Array;
  try {
    compressed = base45Decode(body);
  } catch (e) {
    throw new CardCodeError('damaged', `Could not read this card's code: ${e instanceof Error ? e.message : String(e)}.`);
  }
  // RFC 1950 §2.2: CM 8 (deflate) and a header that is a multiple of 31; anything else is not ZLIB.
  if (compressed.length < 6 || (compressed[0]! & 0x0f) !== 8 || (compressed[0]! * 256 + compressed[1]!) % 31 !== 0) {
    throw new CardCodeError('damaged', 'Could not read this card\'s code: it is not compressed the way a card\'s code is (ZLIB, RFC 1950).');
  }
  try {
    return await inflateCapped(compressed, 'deflate', MAX_CARD_BYTES);
  } catch (e) {
    if (e instanceof RangeError) throw new CardCodeError('damaged', `Could not read this card's code: it unpacks to more than ${MAX_CARD_BYTES} bytes, far more than a card holds.`);
    throw new CardCodeError('damaged', 'Could not read this card\'s code: it is damaged or cut short (its compressed data or checksum does not add up).');
  }
}
