import { describe, expect, it } from 'vitest';
import { afterFailure, delayAfter, noThrottle, THROTTLE_BASE_DELAY_MS, THROTTLE_FREE_ATTEMPTS, THROTTLE_MAX_DELAY_MS } from '../../../src/storage/throttle';

describe('wrong-PIN delay schedule', () => {
  it('is free for the first attempts, then doubles from the base delay up to the cap', () => {
    const delays = Array.from({ length: 12 }, (_, i) => delayAfter(i + 1));
    expect(delays.slice(0, THROTTLE_FREE_ATTEMPTS)).toEqual(Array(THROTTLE_FREE_ATTEMPTS).fill(0));
    expect(delays[THROTTLE_FREE_ATTEMPTS]).toBe(THROTTLE_BASE_DELAY_MS);
    expect(delays[THROTTLE_FREE_ATTEMPTS + 1]).toBe(2 * THROTTLE_BASE_DELAY_MS);
    expect(delays[THROTTLE_FREE_ATTEMPTS + 2]).toBe(4 * THROTTLE_BASE_DELAY_MS);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delayAfter(1000)).toBe(THROTTLE_MAX_DELAY_MS);
  });

  it('counts from the previous record and sets retryAt from now', () => {
    let r = noThrottle();
    for (let i = 0; i < THROTTLE_FREE_ATTEMPTS + 1; i++) r = afterFailure(r, 5_000);
    expect(r).toEqual({ rowKey: 'throttle', failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: 5_000 + THROTTLE_BASE_DELAY_MS });
  });
});
