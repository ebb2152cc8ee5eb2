/**
 * Base45 (RFC 9285): bytes as text drawn from the 45 characters of a QR code's alphanumeric mode
 * (ISO/IEC 18004 §7.4.4: 0-9, A-Z, space and $%*+-./:), so a QR code carries them at 5.5 bits a
 * character instead of 8 in byte mode. The EU Digital COVID Certificate's `HC1:` codes, and
 * Satchel's paper cards (`SC1:`, src/protocols/paper/card-code.ts), use it.
 *
 * API:
 *   base45Encode(bytes: Uint8Array): string
 *   base45Decode(text: string): Uint8Array   — throws DataError naming what is wrong
 */
import { DataError } from './errors';

/** RFC 9285 §4.2 Table 1: the value of each character is its index here. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** RFC 9285 §4: each pair of bytes n = a·256 + b becomes c + d·45 + e·45² (three characters, c first); a last lone byte two. */
export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += ALPHABET[c]! + ALPHABET[d]! + ALPHABET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/**
 * RFC 9285 §4.3: the reverse. Refuses (§6 "Security Considerations": a decoder must reject what no
 * encoder produces) a character outside the alphabet, a triple over 65535 (0xFFFF), a final pair
 * over 255, and a length that leaves one character dangling.
 */
export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new DataError(`The Base45 text is ${text.length} characters long; a length one more than a multiple of 3 cannot be Base45 (a character is missing or extra)`);
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  const value = (at: number): number => {
    const v = VALUES.get(text[at]!);
    if (v === undefined) throw new DataError(`The Base45 text has ${JSON.stringify(text[at])} at position ${at + 1}, which is not one of Base45's 45 characters`);
    return v;
  };
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = value(i) + value(i + 1) * 45 + value(i + 2) * 45 * 45;
      if (n > 0xffff) throw new DataError(`The Base45 text's characters ${i + 1}–${i + 3} stand for ${n}, more than two bytes can hold (65535)`);
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = value(i) + value(i + 1) * 45;
      if (n > 0xff) throw new DataError(`The Base45 text's last two characters stand for ${n}, more than one byte can hold (255)`);
      out[o++] = n;
    }
  }
  return out;
}
