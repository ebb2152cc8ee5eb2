/** Raw DEFLATE (src/lib/deflate.ts): the platform streams and the fflate fallback agree, and both stop at the size limit. */
import { afterEach, describe, expect, it } from 'vitest';
import { deflateRaw, inflateRaw } from '../../../../src/lib/deflate';

const g = globalThis as Record<string, unknown>;
const saved = { c: g.CompressionStream, d: g.DecompressionStream };
afterEach(() => {
  g.CompressionStream = saved.c;
  g.DecompressionStream = saved.d;
});

const text = new TextEncoder().encode('eyJhbGciOiJFUzI1NiJ9.'.repeat(50));

describe.each([
  ['CompressionStream', false],
  ['fflate fallback', true],
])('%s', (_name, fallback) => {
  it('round-trips, reads the other implementation\'s output, and stops past maxBytes', async () => {
    const other = await deflateRaw(text); // made with the platform
    if (fallback) {
      delete g.CompressionStream;
      delete g.DecompressionStream;
    }
    const packed = await deflateRaw(text);
    expect(packed.length).toBeLessThan(text.length / 4);
    expect(await inflateRaw(packed, text.length)).toEqual(text);
    expect(await inflateRaw(other, text.length)).toEqual(text);
    await expect(inflateRaw(packed, text.length - 1)).rejects.toBeInstanceOf(RangeError);
    await expect(inflateRaw(packed.subarray(0, packed.length >> 1), 1 << 20)).rejects.toBeInstanceOf(Error);
  });
});
