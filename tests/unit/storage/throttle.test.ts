import { describe, expect, it } from 'vitest';
import { afterConfirmedFailure, afterFailure, decideAttempt, delayAfter, noThrottle, THROTTLE_BASE_DELAY_MS, THROTTLE_FREE_ATTEMPTS, THROTTLE_MAX_DELAY_MS } from '../../../src/storage/throttle';

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

describe('an attempt is counted before the PIN is derived', () => {
  it('counts an allowed attempt as wrong in advance, with the wait it would earn', () => {
    let r = noThrottle();
    for (let i = 0; i < THROTTLE_FREE_ATTEMPTS; i++) r = afterFailure(r, 1_000);
    const decision = decideAttempt(r, 1_000);
    expect(decision).toEqual({ allowed: true, counted: { rowKey: 'throttle', failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: 1_000 + THROTTLE_BASE_DELAY_MS } });
  });

  it('refuses while the wait runs, without counting, and allows again when it ends', () => {
    const waiting = { rowKey: 'throttle' as const, failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: 40_000 };
    expect(decideAttempt(waiting, 39_999)).toEqual({ allowed: false, waiting });
    expect(decideAttempt(waiting, 40_000).allowed).toBe(true);
  });

  it('a confirmed wrong PIN restarts its wait from when it was known, never shortening a longer one', () => {
    const counted = { rowKey: 'throttle' as const, failedAttempts: THROTTLE_FREE_ATTEMPTS + 1, retryAt: 1_000 + THROTTLE_BASE_DELAY_MS };
    expect(afterConfirmedFailure(counted, THROTTLE_FREE_ATTEMPTS + 1, 2_500)).toEqual({ ...counted, retryAt: 2_500 + THROTTLE_BASE_DELAY_MS });
    // A later attempt from another tab already set a longer wait: it stays.
    const later = { rowKey: 'throttle' as const, failedAttempts: THROTTLE_FREE_ATTEMPTS + 2, retryAt: 1_000 + 2 * THROTTLE_BASE_DELAY_MS };
    expect(afterConfirmedFailure(later, THROTTLE_FREE_ATTEMPTS + 1, 2_500)).toEqual(later);
  });

  it('leaves the count alone when the right PIN cleared it meanwhile', () => {
    expect(afterConfirmedFailure(noThrottle(), 2, 5_000)).toBeUndefined();
  });
});
