/**
 * Wrong-PIN throttling. The first THROTTLE_FREE_ATTEMPTS wrong PINs cost nothing beyond Argon2id;
 * after that each one doubles the wait, from THROTTLE_BASE_DELAY_MS up to THROTTLE_MAX_DELAY_MS.
 * The counter lives in IndexedDB so a reload does not reset it. It slows a person guessing at the
 * screen; someone who copies the database bypasses it and faces Argon2id alone (docs/vault.md).
 *
 * Every tab of the app shares the one counter, so an attempt is counted BEFORE the PIN is derived,
 * in the same readwrite transaction that checks the wait (IndexedDB runs readwrite transactions
 * over the same store one after another: W3C Indexed Database API 3.0 §2.7.2 "Transaction
 * scheduling"). A second tab starting a guess while the first is still deriving therefore sees
 * the first one's attempt and its wait. The right PIN clears the count; a wrong one re-stamps the
 * wait from the moment it was known. An attempt that never finishes (tab closed mid-derivation)
 * stays counted as wrong. This works wherever IndexedDB does, Web Locks or not.
 */
import { STORE, type ThrottleRecord, type WriteTx } from './schema';

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

/** Whether an attempt may go ahead now: refused while a wait runs; otherwise counted as a wrong PIN in advance. */
export type AttemptDecision = { allowed: true; counted: ThrottleRecord } | { allowed: false; waiting: ThrottleRecord };

export function decideAttempt(current: ThrottleRecord, now: number): AttemptDecision {
  if (now < current.retryAt) return { allowed: false, waiting: current };
  return { allowed: true, counted: afterFailure(current, now) };
}

/**
 * The record once attempt number `attempt` turned out wrong: the wait runs from now (the derivation
 * took time), never shortening one that another attempt set. Undefined when a right PIN has cleared
 * the count meanwhile (nothing is left to guard: the PIN is known to whoever entered it).
 */
export function afterConfirmedFailure(current: ThrottleRecord, attempt: number, now: number): ThrottleRecord | undefined {
  if (current.failedAttempts < attempt) return undefined;
  return { ...current, retryAt: Math.max(current.retryAt, now + delayAfter(attempt)) };
}

async function readThrottle(tx: WriteTx): Promise<ThrottleRecord> {
  const row: unknown = await tx.objectStore(STORE.meta).get(THROTTLE_ROW);
  return isThrottleRecord(row) ? row : noThrottle();
}

/** Inside one readwrite transaction on `meta`: refuse while waiting, else count the attempt as wrong. */
export async function beginPinAttempt(tx: WriteTx, now: number): Promise<AttemptDecision> {
  const decision = decideAttempt(await readThrottle(tx), now);
  if (decision.allowed) await tx.objectStore(STORE.meta).put(decision.counted);
  return decision;
}

/** Inside one readwrite transaction on `meta`: attempt number `attempt` was wrong. Returns the wait now in force. */
export async function confirmPinFailure(tx: WriteTx, attempt: number, now: number): Promise<ThrottleRecord> {
  const current = await readThrottle(tx);
  const next = afterConfirmedFailure(current, attempt, now);
  if (next) await tx.objectStore(STORE.meta).put(next);
  return next ?? current;
}

/** Inside one readwrite transaction on `meta`: the right PIN was entered, so the count starts again. */
export async function clearPinAttempts(tx: WriteTx): Promise<void> {
  await tx.objectStore(STORE.meta).put(noThrottle());
}
