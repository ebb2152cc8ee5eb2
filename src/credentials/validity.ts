/**
 * Validity period of a JWT: `iat`, `nbf`, `exp` as NumericDate (RFC 7519 §4.1.4–4.1.6, §2),
 * with a clock-skew tolerance of CLOCK_SKEW_S either way (RFC 7519 §4.1.4 "some small leeway").
 * Also W3C VCDM 2.0 §4.9 `validFrom` / `validUntil` for JWT VCs.
 */
import type { JsonObject } from '../lib/json-safe';
import { CheckError, type CheckCode } from './check-error';
import { CLOCK_SKEW_S } from './limits';

export interface ValidityWindow {
  issuedAt?: number;
  notBefore?: number;
  expires?: number;
}

function fail(message: string, code: CheckCode = 'damaged'): never {
  throw new CheckError('validity', message, code);
}

export function formatTime(seconds: number): string {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : String(seconds);
}

/** RFC 7519 §2 NumericDate: a finite JSON number of seconds. */
function numericDate(payload: JsonObject, claim: string, required: boolean): number | undefined {
  const v = payload[claim];
  if (v === undefined) {
    if (required) fail(`The credential has no "${claim}" date`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`The credential's "${claim}" is not a date in seconds`);
  return v;
}

export function jwtValidityWindow(payload: JsonObject, requireIat = false): ValidityWindow {
  const w: ValidityWindow = {};
  const iat = numericDate(payload, 'iat', requireIat);
  const nbf = numericDate(payload, 'nbf', false);
  const exp = numericDate(payload, 'exp', false);
  if (iat !== undefined) w.issuedAt = iat;
  if (nbf !== undefined) w.notBefore = nbf;
  if (exp !== undefined) w.expires = exp;
  return w;
}

/** Checks the window against `nowS`; returns a summary for the report or throws CheckError('validity'). */
export function checkValidityWindow(w: ValidityWindow, nowS: number, subject = 'This credential'): string {
  // RFC 7519 §4.1.4: reject if now is at or after exp (plus leeway).
  if (w.expires !== undefined && nowS >= w.expires + CLOCK_SKEW_S) {
    fail(`${subject} expired on ${formatTime(w.expires)}. Ask the issuer for a new one.`, 'expired');
  }
  // RFC 7519 §4.1.5: reject if now is before nbf (minus leeway).
  if (w.notBefore !== undefined && nowS < w.notBefore - CLOCK_SKEW_S) {
    fail(`${subject} is not valid until ${formatTime(w.notBefore)}. If that date has passed, check this device's date and time.`, 'not-yet-valid');
  }
  // RFC 7519 §4.1.6: an iat in the future means a wrong clock or a forged token.
  if (w.issuedAt !== undefined && nowS < w.issuedAt - CLOCK_SKEW_S) {
    fail(`${subject} says it was issued in the future (${formatTime(w.issuedAt)}). Check this device's date and time.`, 'issued-in-future');
  }
  return w.expires !== undefined ? `Valid until ${formatTime(w.expires)}` : 'Valid (no expiry date)';
}

/** W3C VCDM 2.0 §4.9: `validFrom` / `validUntil` are XML Schema dateTimeStamp strings. */
export function vcdmValidityWindow(payload: JsonObject): ValidityWindow {
  const w = jwtValidityWindow(payload);
  const from = dateTimeStamp(payload, 'validFrom');
  const until = dateTimeStamp(payload, 'validUntil');
  if (from !== undefined) w.notBefore = w.notBefore === undefined ? from : Math.max(w.notBefore, from);
  if (until !== undefined) w.expires = w.expires === undefined ? until : Math.min(w.expires, until);
  return w;
}

const DATE_TIME_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function dateTimeStamp(payload: JsonObject, claim: string): number | undefined {
  const v = payload[claim];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !DATE_TIME_STAMP.test(v)) fail(`The credential's "${claim}" is not a date-time with a time zone`);
  const ms = Date.parse(v);
  if (!Number.isFinite(ms)) fail(`The credential's "${claim}" is not a real date`);
  return Math.floor(ms / 1000);
}
