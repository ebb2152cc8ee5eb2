/**
 * A status-list or JWE deflate bomb in real Chromium, whose DecompressionStream inflates a whole
 * written chunk at once: 1 MiB of compressed zeros (1 GiB inflated) is refused after the inflater
 * has been given little more input than the cap needs, so memory stays near the cap.
 */
import { describe, expect, it } from 'vitest';
import { inflateWithStream as statusListInflate } from '../../../src/credentials/inflate';
import { INFLATE_CHUNK_BYTES, inflateCapped } from '../../../src/lib/deflate';
import { deflateBomb, meterDecompressionStream } from '../../shared/deflate-bomb';

const CAP = 1 << 20;
// DEFLATE expands at most ~1032:1: the cap is reached after ~CAP/1032 bytes; the streams may hold a couple more chunks.
const MAX_INPUT_CONSUMED = Math.ceil(CAP / 1000) + 4 * INFLATE_CHUNK_BYTES;
const MAX_OUTPUT_PRODUCED = CAP + 4 * INFLATE_CHUNK_BYTES * 1032;

describe('inflating a deflate bomb in Chromium (failed before the fix)', () => {
  for (const format of ['deflate', 'deflate-raw'] as const) {
    it(`${format}: stops soon after the cap`, async () => {
      const bomb = deflateBomb(format, 1024);
      const meter = meterDecompressionStream();
      try {
        await expect(inflateCapped(bomb, format, CAP)).rejects.toBeInstanceOf(RangeError);
      } finally {
        meter.restore();
      }
      expect(meter.consumed).toBeLessThanOrEqual(MAX_INPUT_CONSUMED);
      expect(meter.produced).toBeLessThanOrEqual(MAX_OUTPUT_PRODUCED);
    });
  }

  it('a status list bomb is refused as a status list problem, with the same bound', async () => {
    const meter = meterDecompressionStream();
    try {
      await expect(statusListInflate(deflateBomb('deflate', 1024), CAP)).rejects.toThrow(/inflates to more than/);
    } finally {
      meter.restore();
    }
    expect(meter.consumed).toBeLessThanOrEqual(MAX_INPUT_CONSUMED);
  });
});
