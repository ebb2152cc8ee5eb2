/**
 * The checker's reasons, one per check of a presentation (docs/credentials.md), as codes: the UI
 * says them in the person's language from its catalogue (src/ui/i18n/reasons.ts).
 */
import type { Check } from '../../credentials/index';
import type { DisplayName } from '../shared';
import type { CheckReason, CheckVerdict } from './check-api';

/** A passed check by its name; a failed one as `name:code`, so the UI can say what exactly failed (revoked, expired…). */
export function reasonFor(check: Check): CheckReason {
  return { code: check.ok ? check.name : `${check.name}:${check.code}`, ok: check.ok };
}

/** The reason code of a status that could not be known (no usable status list): a warning, not a failure. */
export const STATUS_UNKNOWN_CODE = 'status:unknown';

/**
 * The verdict from the reasons: 'status-unknown' when the only reasons not passed are that
 * cancellation could not be checked (signature, issuer, validity and key binding all passed),
 * so the checker sees "could not check cancellation", never the same as revoked (docs/sharing.md).
 */
export function verdictOf(ok: boolean, reasons: readonly { code: string; ok: boolean }[]): CheckVerdict {
  if (ok) return 'pass';
  const failed = reasons.filter((r) => !r.ok);
  return failed.length > 0 && failed.every((r) => r.code === STATUS_UNKNOWN_CODE) ? 'status-unknown' : 'fail';
}

/** Nothing can be checked: the phone holds no trust list yet. */
export const NO_TRUST_LIST: CheckReason = { code: 'trust-list:missing', ok: false };

/** Whether the presentation answers what was asked: the type, and every claim (missing ones named). */
export function answersRequest(typeOk: boolean, missing: DisplayName[]): CheckReason {
  if (!typeOk) return { code: 'request:wrong-type', ok: false };
  if (missing.length > 0) return { code: 'request:missing-claims', ok: false, missing };
  return { code: 'request', ok: true };
}

/** OpenID4VP 1.0 §6.4.2: whether every credential the request needs was shared (missing kinds named). */
export function answersQuery(missingTypes: DisplayName[]): CheckReason {
  if (missingTypes.length > 0) return { code: 'request:missing-credentials', ok: false, missing: missingTypes };
  return { code: 'request:credentials', ok: true };
}

/** A credential given for a query the request did not make (OpenID4VP 1.0 §8.1: keys are the request's query ids). */
export const NOT_ASKED: CheckReason = { code: 'request:not-asked', ok: false };
