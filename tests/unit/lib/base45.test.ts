/**
 * Base45 (RFC 9285) against the RFC's own examples (§4.3 and §4.4), and the refusals §4.3 and §6
 * ask of a decoder.
 */
import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode } from '../../../src/lib/base45';
import { DataError } from '../../../src/lib/errors';

const text = (s: string) => new TextEncoder().encode(s);

describe('Base45 (RFC 9285)', () => {
  // RFC 9285 §4.3 ("AB", "Hello!!", "base-45") and §4.4 ("ietf!").
  const examples: [string, string][] = [
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ];
  for (const [plain, encoded] of examples) {
    it(`encodes ${JSON.stringify(plain)} as ${JSON.stringify(encoded)} and back`, () => {
      expect(base45Encode(text(plain))).toBe(encoded);
      expect(new TextDecoder().decode(base45Decode(encoded))).toBe(plain);
    });
  }

  it('round-trips every byte value, empty input, and the largest pair (0xFFFF = "FGW")', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base45Decode(base45Encode(all))).toEqual(all);
    expect(base45Encode(new Uint8Array(0))).toBe('');
    expect(base45Decode('')).toEqual(new Uint8Array(0));
    expect(base45Encode(Uint8Array.of(0xff, 0xff))).toBe('FGW');
    expect(base45Decode('FGW')).toEqual(Uint8Array.of(0xff, 0xff));
  });

  it('refuses a character outside the 45 (lower case, "#"), naming it and where it is', () => {
    expect(() => base45Decode('bb8')).toThrow(DataError);
    expect(() => base45Decode('bb8')).toThrow(/"b" at position 1/);
    expect(() => base45Decode('BB#')).toThrow(/"#" at position 3/);
  });

  it('refuses a triple over 65535 (RFC 9285 §4.3: "GGW" = 65536) and a final pair over 255 ("::" = 2024)', () => {
    expect(() => base45Decode('GGW')).toThrow(/65536, more than two bytes can hold/);
    expect(() => base45Decode('::')).toThrow(/more than one byte can hold/);
  });

  it('refuses a dangling single character (a length of 3n + 1)', () => {
    expect(() => base45Decode('BB8A')).toThrow(/a character is missing or extra/);
    expect(() => base45Decode('A')).toThrow(DataError);
  });
});
