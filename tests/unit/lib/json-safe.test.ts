import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonDepth, parseJson, parseJsonObject, setOwn, MAX_JSON_DEPTH } from '../../../src/lib/json-safe';
import { DataError } from '../../../src/lib/errors';
import { bytesEqual, copyBytes, utf8Decode } from '../../../src/lib/bytes';

describe('json-safe', () => {
  it('jsonDepth ignores brackets inside strings and escapes', () => {
    expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
    expect(jsonDepth('[[[]],{"a":[1]}]')).toBe(3);
  });
  it('jsonDepth agrees with the real depth of any JSON value', () => {
    const depthOf = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(jsonDepth(JSON.stringify(v))).toBe(depthOf(v));
      }),
    );
  });
  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} with a DataError naming the input`, () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(() => parseJson(deep, 'The thing')).toThrow(new DataError(`The thing is nested more than ${MAX_JSON_DEPTH} levels deep`));
    expect(() => parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), 'x')).not.toThrow();
  });
  it('invalid JSON and non-objects become DataErrors', () => {
    expect(() => parseJson('{', 'x')).toThrow(DataError);
    for (const text of ['[]', '1', '"s"', 'null', 'true']) expect(() => parseJsonObject(text, 'x')).toThrow(/must be a JSON object/);
  });
  it('setOwn keeps __proto__ as data', () => {
    const o: Record<string, unknown> = {};
    setOwn(o, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__']);
  });
});

describe('bytes', () => {
  it('strict UTF-8 refuses invalid sequences', () => {
    expect(utf8Decode(Uint8Array.of(0xc3, 0xa9))).toBe('é');
    expect(utf8Decode(Uint8Array.of(0xc3))).toBeUndefined();
    expect(utf8Decode(Uint8Array.of(0xed, 0xa0, 0x80))).toBeUndefined(); // a lone surrogate
  });
  it('copyBytes respects byteOffset/byteLength', () => {
    const buffer = Uint8Array.of(1, 2, 3, 4, 5);
    const copy = copyBytes(buffer.subarray(1, 3));
    expect(Array.from(copy)).toEqual([2, 3]);
    expect(copy.buffer.byteLength).toBe(2);
    expect(bytesEqual(copy, Uint8Array.of(2, 3))).toBe(true);
    expect(bytesEqual(copy, Uint8Array.of(2, 4))).toBe(false);
  });
});
