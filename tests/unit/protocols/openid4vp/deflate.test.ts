/**
 * DEFLATE (src/lib/deflate.ts): the platform streams and the fflate fallback agree, and both stop
 * at the size limit — having fed the inflater only a little more input than the limit needs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deflateRaw, INFLATE_CHUNK_BYTES, inflateCapped, inflateRaw } from '../../../../src/lib/deflate';
import { deflateBomb, meterDecompressionStream } from '../../../shared/deflate-bomb';

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

describe('a deflate bomb (1 MiB that inflates to 1 GiB) is refused with bounded work (failed before the fix)', () => {
  const CAP = 1 << 20;
  // DEFLATE expands at most ~1032:1, so reaching the cap needs ~CAP/1032 bytes of input. Node's
  // DecompressionStream takes up to 16 KiB (its zlib stream's writable highWaterMark) before it
  // pushes back, and inflates it only as its output is read; before the fix all 1 MiB went in at once.
  const MAX_INPUT_CONSUMED = Math.ceil(CAP / 1000) + 16 * 1024 + 4 * INFLATE_CHUNK_BYTES;
  const bombs = (['deflate', 'deflate-raw'] as const).map((format) => [format, deflateBomb(format, 1024)] as const);

  it.each(bombs)('%s through DecompressionStream: input is fed in small chunks and stops soon after the cap', async (format, bomb) => {
    expect(bomb.length).toBeGreaterThan(1_000_000);
    const meter = meterDecompressionStream();
    await expect(inflateCapped(bomb, format, CAP)).rejects.toBeInstanceOf(RangeError);
    meter.restore();
    expect(meter.consumed).toBeLessThanOrEqual(MAX_INPUT_CONSUMED);
    expect(meter.produced).toBeLessThanOrEqual(CAP + INFLATE_CHUNK_BYTES * 1032 * 4);
  });

  it.each(bombs)('%s through fflate: pushed in small chunks, stops at the cap plus one chunk of output', async (format, bomb) => {
    delete g.DecompressionStream;
    const fflate = await import('fflate');
    const Original = format === 'deflate' ? fflate.Unzlib : fflate.Inflate;
    const pushSpy = vi.spyOn(Original.prototype, 'push');
    try {
      await expect(inflateCapped(bomb, format, CAP)).rejects.toBeInstanceOf(RangeError);
      const pushed = pushSpy.mock.calls.reduce((n, [chunk]) => n + chunk.byteLength, 0);
      expect(pushSpy.mock.calls.length).toBeGreaterThan(0);
      // One push yields at most INFLATE_CHUNK_BYTES × 1032 of output, so the cap is passed within one push of it.
      expect(pushed).toBeLessThanOrEqual(Math.ceil(CAP / 1000) + INFLATE_CHUNK_BYTES);
    } finally {
      pushSpy.mockRestore();
    }
  });
});
