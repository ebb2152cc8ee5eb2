import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64urlDecode, base64urlEncode, isBase64url } from '../../../src/lib/base64url';

describe('base64url (RFC 4648 §5, unpadded, strict)', () => {
  it('matches Node\'s encoder and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = base64urlEncode(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64urlDecode(text)).toEqual(bytes);
      }),
    );
  });
  it('RFC 4648 §10 test vectors (converted to the URL-safe alphabet, no padding)', () => {
    const cases: [string, string][] = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of cases) {
      expect(base64urlEncode(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(base64urlDecode(encoded))).toBe(plain);
    }
    expect(base64urlEncode(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });
  it('refuses padding, the standard alphabet, whitespace, impossible lengths and non-zero trailing bits', () => {
    for (const bad of ['Zg==', 'Zm8=', '+/8', 'Zm 9v', 'Zm9v\n', 'Z', 'Zm9vY', 'Zh', 'Zm9', 'é']) {
      // 'Zh' and 'Zm9' carry non-zero unused bits (non-canonical forms of 'Zg' and 'Zm8').
      expect(base64urlDecode(bad), bad).toBeUndefined();
      expect(isBase64url(bad)).toBe(false);
    }
  });
  it('accepts exactly the canonical encodings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_='), maxLength: 12 }), (text) => {
        const decoded = base64urlDecode(text);
        if (decoded !== undefined) expect(base64urlEncode(decoded)).toBe(text);
      }),
    );
  });
});
