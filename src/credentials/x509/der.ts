/**
 * The few DER (ITU-T X.690 §10) reads the certificate code needs beside @peculiar/asn1-schema: the
 * exact bytes of a certificate's tbsCertificate (what its signature covers, RFC 5280 §4.1.1.3,
 * taken as sent rather than re-encoded), and an ECDSA-Sig-Value (RFC 5480 §2.2 / RFC 3279 §2.2.3)
 * turned into the fixed-size r‖s a SignatureVerifier takes. Strict: definite, minimal lengths.
 */
import { DataError } from '../../lib/errors';

const SEQUENCE = 0x30;
const INTEGER = 0x02;

interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  start: number;
  /** Offset just past the content. */
  end: number;
}

/** Reads one TLV at `offset` (single-byte tags only, as every tag read here is). */
function readTlv(bytes: Uint8Array, offset: number, what: string): Tlv {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) throw new DataError(`${what} ends early`);
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    // X.690 §10.1: definite form with the fewest length octets; 4 octets is far beyond any certificate.
    if (count === 0 || count > 4) throw new DataError(`${what} has a length Satchel does not accept`);
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[start + i];
      if (b === undefined) throw new DataError(`${what} ends early`);
      length = length * 256 + b;
    }
    if (bytes[start] === 0 || length < 0x80) throw new DataError(`${what} has a length that is not minimally encoded (DER)`);
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new DataError(`${what} ends early`);
  return { tag, start, end };
}

/** RFC 5280 §4.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }; the first element's full encoding. */
export function tbsCertificateBytes(der: Uint8Array, what: string): Uint8Array {
  const outer = readTlv(der, 0, what);
  if (outer.tag !== SEQUENCE || outer.end !== der.length) throw new DataError(`${what} is not one DER certificate (a SEQUENCE with nothing after it)`);
  const tbs = readTlv(der, outer.start, what);
  if (tbs.tag !== SEQUENCE) throw new DataError(`${what} has no tbsCertificate`);
  return der.subarray(outer.start, tbs.end);
}

/** A DER INTEGER's magnitude as exactly `size` big-endian bytes; refuses negatives, non-minimal encodings and values too long. */
function unsignedFixed(bytes: Uint8Array, tlv: Tlv, size: number, what: string): Uint8Array {
  let content = bytes.subarray(tlv.start, tlv.end);
  if (content.length === 0) throw new DataError(`${what} has an empty integer`);
  if (content[0]! & 0x80) throw new DataError(`${what} has a negative integer`);
  if (content.length > 1 && content[0] === 0 && !(content[1]! & 0x80)) throw new DataError(`${what} has an integer that is not minimally encoded (DER)`);
  if (content[0] === 0) content = content.subarray(1);
  if (content.length > size) throw new DataError(`${what} has an integer longer than ${size} bytes`);
  const out = new Uint8Array(size);
  out.set(content, size - content.length);
  return out;
}

/** RFC 3279 §2.2.3: ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } → r‖s, each `size` bytes (IEEE P1363). */
export function ecdsaSignatureToRaw(der: Uint8Array, size: number, what: string): Uint8Array {
  const seq = readTlv(der, 0, what);
  if (seq.tag !== SEQUENCE || seq.end !== der.length) throw new DataError(`${what} is not a DER ECDSA signature`);
  const r = readTlv(der, seq.start, what);
  if (r.tag !== INTEGER) throw new DataError(`${what} is not a DER ECDSA signature`);
  const s = readTlv(der, r.end, what);
  if (s.tag !== INTEGER || s.end !== seq.end) throw new DataError(`${what} is not a DER ECDSA signature`);
  const out = new Uint8Array(size * 2);
  out.set(unsignedFixed(der, r, size, what), 0);
  out.set(unsignedFixed(der, s, size, what), size);
  return out;
}
