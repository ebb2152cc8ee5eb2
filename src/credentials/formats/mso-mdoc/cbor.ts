/**
 * CBOR (RFC 8949) for ISO mdoc, on cborg: one strict decoder every mdoc structure goes through, and
 * a deterministic encoder for what Satchel builds and hashes itself (Sig_structure, the
 * SessionTranscript, DeviceAuthentication).
 *
 * What decoding refuses, each as a DataError saying so:
 * - bytes left over after the item (RFC 8949 §5.1: a well-formed item ends where it ends; leftover
 *   bytes are a place to hide data outside what a digest or signature covers);
 * - a map key appearing twice (§5.6: two readers could pick different values);
 * - indefinite lengths (§3.2.2; ISO/IEC 18013-5 §8.1.2 requires definite lengths in what is signed);
 * - nesting deeper than MAX_CBOR_DEPTH (a few hundred bytes of nested arrays would exhaust the stack);
 * - tags other than 0 (tdate), 1004 (full-date, RFC 8943), 24 (embedded CBOR), 17 (COSE_Mac0) and
 *   18 (COSE_Sign1) (§9.2: a tag this code does not know gives its content a meaning it does not check);
 * - integers outside ±(2^53 − 1), undefined, NaN and ±Infinity (nothing in an mdoc needs them and
 *   they do not survive as claim values);
 * - text strings that are not UTF-8 (§3.1 major type 3; a lossy decode would show something the
 *   issuer did not sign).
 *
 * What it accepts although it is not RFC 8949 §4.2.1 deterministic: integers and lengths in more
 * bytes than needed (e.g. a map of 3 entries headed 0xb9 0x00 0x03), map keys in any order, floats
 * wider than needed. ISO/IEC 18013-5 does not require deterministic encoding of what the issuer
 * signs, real issuers (the auth0 examples in tests/vectors/mdoc) send non-minimal map headers, and
 * nothing is lost by accepting them: digests and signatures cover the bytes as sent (tag 24
 * keeps them: EmbeddedCbor), never a re-encoding.
 */
import { decodeFirst, encode, rfc8949EncodeOptions, Tagged, Tokenizer, type Token } from 'cborg';
import { DataError } from '../../../lib/errors';
import { MAX_CBOR_DEPTH } from '../../limits';

/** Tag numbers this decoder knows (RFC 8949 §3.4; RFC 8943; RFC 9052 §2). */
export const TAG_TDATE = 0;
export const TAG_ENCODED_CBOR = 24;
export const TAG_FULL_DATE = 1004;
export const TAG_COSE_MAC0 = 17;
export const TAG_COSE_SIGN1 = 18;

export { Tagged };

/** Tag 24 (RFC 8949 §3.4.5.1): CBOR carried as a byte string, kept as the bytes sent, since digests and signatures cover them. */
export class EmbeddedCbor extends Tagged {
  readonly #sent: Uint8Array | undefined;
  /** `sent`: the whole tag-24 item as it was received (tag, length and content), when decoded. */
  constructor(bytes: Uint8Array, sent?: Uint8Array) {
    super(TAG_ENCODED_CBOR, bytes);
    this.#sent = sent;
  }
  /** The embedded CBOR (the byte string's content). */
  get bytes(): Uint8Array {
    return this.value as Uint8Array;
  }
  /**
   * The whole item, #6.24(bstr), exactly as received (a sender may head the byte string with a
   * longer length than needed), else as encodeCbor writes it: what ISO/IEC 18013-5 §9.1.2.5 hashes
   * for a value digest and §9.1.5.1 puts in a transcript.
   */
  get encoded(): Uint8Array {
    return this.#sent ?? encodeCbor(this);
  }
}

/** Tag 1004 (RFC 8943 §2.1, ISO/IEC 18013-5 §7.2.1 full-date): a calendar date, 'YYYY-MM-DD'. */
export class CborFullDate extends Tagged {
  constructor(date: string) {
    super(TAG_FULL_DATE, date);
  }
  get text(): string {
    return this.value as string;
  }
}

/** Tag 0 (RFC 8949 §3.4.1, ISO/IEC 18013-5 tdate): a date and time as RFC 3339 text. */
export class CborDateTime extends Tagged {
  constructor(dateTime: string) {
    super(TAG_TDATE, dateTime);
  }
  get text(): string {
    return this.value as string;
  }
}

const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// RFC 3339 §5.6 date-time (ISO/IEC 18013-5 §9.1.2.4 further requires no fraction and "Z" in the MSO; mso.ts checks that).
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Thrown inside cborg's callbacks; turned into the DataError naming what was decoded. */
class CborProblem extends Error {}

/** Whether 'YYYY-MM-DD…' names a day that exists (Date.parse rolls 2023-02-29 over to 1 March). */
function isRealDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function textContent(tag: number, content: unknown, pattern: RegExp, shape: string): string {
  if (typeof content !== 'string' || !pattern.test(content) || !isRealDay(content)) {
    throw new CborProblem(`tag ${tag} must hold a ${shape} as text`);
  }
  return content;
}

/** The tag decoders for one decode; tag 24 reads the item's bytes as sent from the tokenizer's positions. */
const tagDecoders = (tokenizer: GuardedTokenizer) => ({
  [TAG_TDATE]: (decode: () => unknown) => new CborDateTime(textContent(TAG_TDATE, decode(), DATE_TIME, 'date and time (RFC 3339)')),
  [TAG_FULL_DATE]: (decode: () => unknown) => new CborFullDate(textContent(TAG_FULL_DATE, decode(), FULL_DATE, 'date (YYYY-MM-DD)')),
  [TAG_ENCODED_CBOR]: (decode: () => unknown) => {
    // The tag's own header was the last tag token read: its content is a byte string, not a tag.
    const start = tokenizer.lastTagStart;
    const content = decode();
    if (!(content instanceof Uint8Array)) throw new CborProblem('tag 24 (embedded CBOR) must hold a byte string');
    return new EmbeddedCbor(content, tokenizer.data.subarray(start, tokenizer.pos()));
  },
  [TAG_COSE_MAC0]: (decode: () => unknown) => new Tagged(TAG_COSE_MAC0, decode()),
  [TAG_COSE_SIGN1]: (decode: () => unknown) => new Tagged(TAG_COSE_SIGN1, decode()),
});

const MAJOR_ARRAY = 4;
const MAJOR_MAP = 5;
const MAJOR_TAG = 6;
const MAJOR_TEXT = 3;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** cborg's tokenizer, counting how deep the items nest (cborg has no depth limit) and checking text is UTF-8. */
class GuardedTokenizer extends Tokenizer {
  /** Items still to come in each open array, map (two per entry) or tag (one). */
  private readonly open: number[] = [];
  /** Where the last tag's header began. */
  lastTagStart = 0;

  override next(): Token {
    const start = this.pos();
    const token = super.next();
    if (token.type.major === MAJOR_TAG) this.lastTagStart = start;
    if (this.open.length > 0) this.open[this.open.length - 1]! -= 1;
    const major = token.type.major;
    if (major === MAJOR_TEXT && token.byteValue) {
      try {
        utf8.decode(token.byteValue);
      } catch {
        throw new CborProblem('a text string is not UTF-8');
      }
    }
    const items = major === MAJOR_ARRAY ? Number(token.value) : major === MAJOR_MAP ? 2 * Number(token.value) : major === MAJOR_TAG ? 1 : 0;
    if (items > 0) {
      this.open.push(items);
      if (this.open.length > MAX_CBOR_DEPTH) throw new CborProblem(`it nests deeper than ${MAX_CBOR_DEPTH} levels`);
    }
    while (this.open.length > 0 && this.open[this.open.length - 1] === 0) this.open.pop();
    return token;
  }
}

/** cborg's messages, in words a person reading "what was wrong" can act on. */
function explain(error: unknown): string {
  if (error instanceof CborProblem) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/not enough data|not enough entries|tag content missing|did not find any content/.test(message)) return 'it is truncated';
  if (/repeat map key/.test(message)) return 'a map key appears twice';
  if (/indefinite length|unexpected break/.test(message)) return 'it uses an indefinite length, which is not allowed';
  if (/tag not supported \((\d+)\)/.test(message)) return `it uses tag ${/tag not supported \((\d+)\)/.exec(message)![1]}, which an mdoc does not use`;
  if (/safe integer range|BigInt/.test(message)) return 'it holds an integer too large to read exactly';
  if (/undefined values/.test(message)) return 'it holds "undefined", which is not allowed';
  if (/NaN|Infinity/.test(message)) return 'it holds NaN or Infinity, which are not allowed';
  if (/64-bit integer .* lengths/.test(message)) return 'it declares a length too large to read';
  return `it is not well-formed (${message.replace(/^CBOR decode error:\s*/, '')})`;
}

/**
 * Decodes one CBOR item, strictly (see the top of this file). Maps come back as `Map` (COSE uses
 * integer keys), tag 24 as EmbeddedCbor, tags 1004 and 0 as CborFullDate and CborDateTime, tags
 * 17 and 18 as Tagged. Throws DataError "The <what> is not valid CBOR: <what was wrong>".
 */
export function decodeCbor(bytes: Uint8Array, what: string): unknown {
  const options = {
    strict: false,
    useMaps: true,
    rejectDuplicateMapKeys: true,
    allowIndefinite: false,
    allowUndefined: false,
    allowNaN: false,
    allowInfinity: false,
    allowBigInt: false,
    retainStringBytes: true,
  };
  let value: unknown;
  let remainder: Uint8Array;
  try {
    if (bytes.length === 0) throw new CborProblem('it is empty');
    const tokenizer = new GuardedTokenizer(bytes, options);
    const tags = tagDecoders(tokenizer) as unknown as { [tag: number]: (decode: unknown) => unknown };
    [value, remainder] = decodeFirst(bytes, { ...options, tags, tokenizer } as Parameters<typeof decodeFirst>[1]);
  } catch (error) {
    throw new DataError(`The ${what} is not valid CBOR: ${explain(error)}.`);
  }
  if (remainder.length > 0) throw new DataError(`The ${what} is not valid CBOR: ${remainder.length} bytes follow its end.`);
  return value;
}

/**
 * Encodes deterministically (RFC 8949 §4.2.1: shortest lengths and integers, map keys sorted by
 * their encoded bytes, definite lengths). Maps and plain objects become maps; Uint8Array a byte
 * string; Tagged (EmbeddedCbor, CborFullDate, CborDateTime) its tag.
 */
export function encodeCbor(value: unknown): Uint8Array {
  return encode(value, rfc8949EncodeOptions);
}

/** `value` encoded and wrapped as tag 24 (RFC 8949 §3.4.5.1), as ISO/IEC 18013-5 carries embedded structures (§8.3.1: "...Bytes = #6.24(bstr .cbor ...)"). */
export function embedCbor(value: unknown): EmbeddedCbor {
  return new EmbeddedCbor(encodeCbor(value));
}

/** The content of a tag 24 item, decoded; throws DataError naming `what` when `value` is not one. */
export function decodeEmbedded(value: unknown, what: string): unknown {
  if (!(value instanceof EmbeddedCbor)) throw new DataError(`The ${what} must be embedded CBOR (tag 24 around a byte string).`);
  return decodeCbor(value.bytes, what);
}
