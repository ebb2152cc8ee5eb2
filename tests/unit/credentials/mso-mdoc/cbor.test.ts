/**
 * The strict CBOR decoder every mdoc structure goes through (formats/mso-mdoc/cbor.ts): what it
 * refuses, what non-deterministic encodings it still accepts (the bytes as sent are what digests
 * cover), and the deterministic encoder (RFC 8949 §4.2.1).
 */
import { describe, expect, it } from 'vitest';
import { CborDateTime, CborFullDate, decodeCbor, decodeEmbedded, embedCbor, EmbeddedCbor, encodeCbor, Tagged } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { MAX_CBOR_DEPTH } from '../../../../src/credentials/limits';
import { DataError } from '../../../../src/lib/errors';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function refusal(bytes: Uint8Array): string {
  try {
    decodeCbor(bytes, 'test item');
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('decodeCbor', () => {
  it('reads maps as Map, so integer keys (COSE headers) survive', () => {
    const value = decodeCbor(hex('a2012603a1616101'), 'test item') as Map<unknown, unknown>;
    expect(value).toBeInstanceOf(Map);
    expect(value.get(1)).toBe(-7);
    expect((value.get(3) as Map<string, number>).get('a')).toBe(1);
  });

  it('keeps tag 24 as the embedded bytes exactly as sent', () => {
    // 24(h'a1 61 61 19 0000'): {"a": 0} with a non-minimal integer, kept byte for byte.
    const value = decodeCbor(hex('d81846a16161190000'), 'test item');
    expect(value).toBeInstanceOf(EmbeddedCbor);
    expect(toHex((value as EmbeddedCbor).bytes)).toBe('a16161190000');
    expect(toHex((value as EmbeddedCbor).encoded)).toBe('d81846a16161190000');
  });

  it('keeps the whole tag-24 item as sent, even with a longer length header than needed', () => {
    // [24(h'01') headed 0x59 0x0001, 24(h'02')]: each item's bytes as they were in the input.
    const [first, second] = decodeCbor(hex('82d81859000101d8184102'), 'test item') as EmbeddedCbor[];
    expect(toHex(first!.encoded)).toBe('d81859000101');
    expect(toHex(second!.encoded)).toBe('d8184102');
    expect(toHex(new EmbeddedCbor(Uint8Array.of(1)).encoded)).toBe('d8184101');
  });

  it('reads tags 1004 and 0 as dates, and 18 as Tagged', () => {
    expect((decodeCbor(hex('d903ec6a323032342d30322d3239'), 'd') as CborFullDate).text).toBe('2024-02-29');
    const dt = decodeCbor(hex('c074323032302d31302d30315431333a33303a30325a'), 'd');
    expect(dt).toBeInstanceOf(CborDateTime);
    expect((dt as CborDateTime).text).toBe('2020-10-01T13:30:02Z');
    const sign1 = decodeCbor(hex('d28440a0f640'), 'd') as Tagged;
    expect(sign1.tag).toBe(18);
    expect(sign1.value).toEqual([new Uint8Array(0), new Map(), null, new Uint8Array(0)]);
  });

  it('accepts non-minimal lengths and integers (the auth0 examples head maps with 0xb9)', () => {
    const value = decodeCbor(hex('b90001616119000a'), 'test item') as Map<string, number>;
    expect(value.get('a')).toBe(10);
  });

  it('refuses truncated input', () => {
    expect(refusal(hex('a2616101'))).toMatch(/^The test item is not valid CBOR: it is truncated\.$/);
    expect(refusal(hex('5a00000010ab'))).toMatch(/truncated/);
    expect(refusal(new Uint8Array(0))).toMatch(/empty/);
  });

  it('refuses bytes after the item', () => {
    expect(refusal(hex('a16161010000'))).toBe('The test item is not valid CBOR: 2 bytes follow its end.');
  });

  it('refuses a map key that appears twice', () => {
    expect(refusal(hex('a2616101616102'))).toMatch(/a map key appears twice/);
    expect(refusal(hex('a2010101f6'))).toMatch(/a map key appears twice/);
  });

  it('refuses indefinite lengths', () => {
    expect(refusal(hex('9f01ff'))).toMatch(/indefinite length/);
    expect(refusal(hex('bf616101ff'))).toMatch(/indefinite length/);
    expect(refusal(hex('5f4101ff'))).toMatch(/indefinite length/);
  });

  it('refuses tags an mdoc does not use, and tags holding the wrong kind of content', () => {
    expect(refusal(hex('c11a514b67b0'))).toMatch(/it uses tag 1, which an mdoc does not use/);
    expect(refusal(hex('d8196161'))).toMatch(/tag 25/);
    expect(refusal(hex('d8186161'))).toMatch(/tag 24 \(embedded CBOR\) must hold a byte string/);
    expect(refusal(hex('d903ec6a323032342d31332d3031'))).toMatch(/tag 1004 must hold a date/);
    expect(refusal(hex('c06a323032342d30322d3239'))).toMatch(/tag 0 must hold a date and time/);
    // 1004("2023-02-29"): no such day (2023 is not a leap year).
    expect(refusal(encodeCbor(new CborFullDate('2023-02-29')))).toMatch(/tag 1004 must hold a date/);
    expect(refusal(encodeCbor(new CborDateTime('2024-04-31T00:00:00Z')))).toMatch(/tag 0 must hold a date and time/);
  });

  it(`refuses nesting deeper than ${MAX_CBOR_DEPTH} levels, and accepts exactly that deep`, () => {
    const nested = (depth: number) => Uint8Array.from([...new Array<number>(depth).fill(0x81), 0x01]);
    expect(() => decodeCbor(nested(MAX_CBOR_DEPTH), 'test item')).not.toThrow();
    expect(refusal(nested(MAX_CBOR_DEPTH + 1))).toMatch(new RegExp(`nests deeper than ${MAX_CBOR_DEPTH} levels`));
    expect(refusal(nested(100_000))).toMatch(/nests deeper/);
  });

  it('counts depth per item, so siblings do not add up', () => {
    // [[1],[1],[1], …] 40 siblings deep 2.
    const siblings = Uint8Array.from([0x98, 40, ...new Array<number>(40).fill(0).flatMap(() => [0x81, 0x01])]);
    expect((decodeCbor(siblings, 'test item') as unknown[]).length).toBe(40);
  });

  it('refuses text that is not UTF-8, big integers, undefined, NaN and Infinity', () => {
    expect(refusal(hex('62c328'))).toMatch(/not UTF-8/);
    expect(refusal(hex('1b0020000000000000'))).toMatch(/integer too large/);
    expect(refusal(hex('f7'))).toMatch(/undefined/);
    expect(refusal(hex('f97e00'))).toMatch(/NaN or Infinity/);
    expect(refusal(hex('f97c00'))).toMatch(/NaN or Infinity/);
  });
});

describe('encodeCbor', () => {
  it('encodes deterministically: shortest forms, keys sorted bytewise (RFC 8949 §4.2.1)', () => {
    const map = new Map<unknown, unknown>([['b', 1], [10, 2], [-1, 3], ['aa', 4], [1, 5]]);
    expect(toHex(encodeCbor(map))).toBe('a501050a0220036162016261610' + '4');
  });

  it('round-trips tags, byte strings and the embedded bytes', () => {
    const value = [new CborFullDate('2024-02-29'), new CborDateTime('2020-10-01T13:30:02Z'), new Uint8Array([1, 2]), embedCbor({ a: 1 })];
    const back = decodeCbor(encodeCbor(value), 'test item') as unknown[];
    expect(back).toEqual(value);
    expect(decodeEmbedded(back[3], 'inner')).toEqual(new Map([['a', 1]]));
  });

  it('decodeEmbedded refuses what is not tag 24', () => {
    expect(() => decodeEmbedded(new Uint8Array([1]), 'MSO')).toThrow(/The MSO must be embedded CBOR \(tag 24 around a byte string\)\./);
  });
});
