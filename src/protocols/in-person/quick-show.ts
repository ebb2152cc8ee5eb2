/**
 * Quick show: a presentation for a verifier that cannot show a request QR. There is no verifier
 * nonce, so the KB-JWT (RFC 9901 §4.3) is bound to a time-based nonce — the 30-second step
 * number, as TOTP counts time (RFC 6238 §4.2: T = floor((now − T0) / X), X = 30 s) — and to a
 * fixed audience. The verifier accepts steps from QUICK_SHOW_ACCEPT_S ago up to one step ahead,
 * and each presentation only once on that device. Weaker than request/response: anyone who
 * photographs the code can show it elsewhere within those two minutes, and nothing is encrypted.
 */
export const QUICK_SHOW_STEP_S = 30;
/** How long a quick-show code is accepted (with one step of clock slack either way). */
export const QUICK_SHOW_ACCEPT_S = 120;
export const QUICK_SHOW_AUDIENCE = 'satchel:quick-show';
const NONCE_PREFIX = 'qs-';

export function quickShowNonce(now: Date): string {
  return `${NONCE_PREFIX}${Math.floor(now.getTime() / 1000 / QUICK_SHOW_STEP_S)}`;
}

/** Whether a quick-show nonce is current at `now` (accepted window: ~2 minutes back, one step ahead). */
export function quickShowNonceFresh(nonce: string, now: Date): boolean {
  if (typeof nonce !== 'string' || !nonce.startsWith(NONCE_PREFIX)) return false;
  const digits = nonce.slice(NONCE_PREFIX.length);
  if (!/^[0-9]{1,12}$/.test(digits)) return false;
  const step = Number(digits);
  const current = Math.floor(now.getTime() / 1000 / QUICK_SHOW_STEP_S);
  return step <= current + 1 && step >= current - QUICK_SHOW_ACCEPT_S / QUICK_SHOW_STEP_S;
}
