/**
 * Wrong-PIN throttling. The first THROTTLE_FREE_ATTEMPTS wrong PINs cost nothing beyond Argon2id;
 * after that each one doubles the wait, from THROTTLE_BASE_DELAY_MS up to THROTTLE_MAX_DELAY_MS.
 * The counter lives in IndexedDB so a reload does not reset it. It slows a person guessing at the
 * screen; someone who copies the database bypasses it and faces Argon2id alone (docs/vault.md).
 */
import type { ThrottleRecord } from './schema';

export const THROTTLE_FREE_ATTEMPTS = 3;
export const THROTTLE_BASE_DELAY_MS = 30_000;
export const THROTTLE_MAX_DELAY_MS = 60 * 60_000;
export const THROTTLE_ROW = 'throttle';

export function noThrottle(): ThrottleRecord {
  return { rowKey: THROTTLE_ROW, failedAttempts: 0, retryAt: 0 };
}

/** The wait imposed after the `failedAttempts`-th wrong PIN in a row. */
export function delayAfter(failedAttempts: number): number {
  if (failedAttempts <= THROTTLE_FREE_ATTEMPTS) return 0;
  const doublings = Math.min(failedAttempts - THROTTLE_FREE_ATTEMPTS - 1, 30);
  return Math.min(THROTTLE_MAX_DELAY_MS, THROTTLE_BASE_DELAY_MS * 2 ** doublings);
}

export function afterFailure(previous: ThrottleRecord, now: number): ThrottleRecord {
  const failedAttempts = previous.failedAttempts + 1;
  return { rowKey: THROTTLE_ROW, failedAttempts, retryAt: now + delayAfter(failedAttempts) };
}

export function isThrottleRecord(value: unknown): value is ThrottleRecord {
  const r = value as Partial<ThrottleRecord> | null;
  return typeof r === 'object' && r !== null && r.rowKey === THROTTLE_ROW && Number.isFinite(r.failedAttempts) && Number.isFinite(r.retryAt);
}
