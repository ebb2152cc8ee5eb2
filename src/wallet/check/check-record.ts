/**
 * What a kept check records (docs/sharing.md): the verdict and every check made, what was asked, what was
 * seen (each detail as plain text; a photo is noted, never kept), the issuer and who checked —
 * enough for an employer to file as evidence of a right-to-work check.
 */
import type { DcqlQuery } from '../../protocols/openid4vp/dcql';
import { readOnBehalfOutcome } from './check-on-behalf-record';
import { joinLocalised, MDL_NAMESPACE, nameOfClaim, nameOfType, readDisplayName, readLocalised } from '../shared';
import type { DisplayName } from '../shared';
import type { CheckReason, CheckRecord, CheckResult, CheckVerdict } from './check-api';

/** A text value longer than this is cut (a record is evidence of a check, not a copy of the credential). */
const MAX_VALUE_CHARS = 500;

/** A claim value as kept: text, number or yes/no as is; structures as JSON; cut at MAX_VALUE_CHARS; a photo not at all. */
export function keptValue(value: unknown): { value: string | number | boolean; photo?: true } {
  if (typeof value === 'string' && /^data:image\//i.test(value)) return { value: '', photo: true };
  // An mdoc's byte strings are pictures (ISO/IEC 18013-5 §7.2.1 portrait, signature_usual_mark): noted, not kept.
  if (value instanceof Uint8Array) return { value: '', photo: true };
  if (typeof value === 'boolean' || typeof value === 'number') return { value };
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `(${v.length} bytes)` : v));
  return { value: text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text };
}

/**
 * A copy of `value` to keep in the vault with every byte string left out on purpose (in an array,
 * null): records are sealed as JSON (src/storage/record-crypto.ts), where a Uint8Array would come
 * back as an object of numbered keys, and a kept check notes a photo, never keeps it.
 */
export function withoutBytes<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? undefined : v))) as T;
}

/** What the request asked for: each credential query's kinds, then its details (OpenID4VP 1.0 §6.1). */
export function askedFor(query: DcqlQuery | undefined): DisplayName[] {
  if (!query) return [];
  return query.credentials.flatMap((q) => [
    // The kinds of credential (said as such when worded, so not mistaken for a detail of the same name).
    ...(q.vctValues ?? []).map((vct) => nameOfType(vct)),
    ...(q.claims ?? []).map((c) => nameOfClaim(c.path)),
  ]);
}

/** The record kept for a result: nothing is rendered here, only stored as data. */
export function checkRecordOf(result: CheckResult, options: { query?: DcqlQuery; checkedBy?: string }): CheckRecord {
  const credentials = result.credentials && result.credentials.length > 1 ? result.credentials : [result];
  // Reasons as codes (worded when the record is read, in the reader's language).
  const checks = [...(credentials === result.credentials ? result.reasons : []), ...credentials.flatMap((c) => c.reasons)].map((r) => ({ ...r }));
  const seen = result.claims.map((claim) => ({ label: claim.label, ...keptValue(claim.value) }));
  const issuers = credentials.flatMap((c) => (c.issuerName ? [c.issuerName] : []));
  const record: CheckRecord = {
    verdict: result.verdict ?? (result.ok ? 'pass' : 'fail'),
    asked: askedFor(options.query),
    checks,
    seen,
  };
  if (options.checkedBy) record.checkedBy = options.checkedBy;
  if (issuers.length > 0) record.issuerName = joinLocalised(issuers, ', ');
  const listDates = credentials.flatMap((c) => (c.status?.checkedAt ? [c.status.checkedAt] : [])).sort();
  if (listDates.length > 0) record.statusListFrom = listDates[0]!;
  if (result.onBehalf) record.onBehalf = readOnBehalfOutcome(result.onBehalf)!;
  return record;
}

/** The person's name, when they shared it (given and family name): who the check was with. */
export function personNameOf(result: CheckResult): string | undefined {
  // An SD-JWT VC's top-level claim, or the mDL's element of that name (ISO/IEC 18013-5 §7.2.1).
  const part = (name: string) => result.claims.find((c) => (c.path.length === 1 && c.path[0] === name) || (c.path.length === 2 && c.path[0] === MDL_NAMESPACE && c.path[1] === name))?.value;
  const name = [part('given_name'), part('family_name')].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
  return name === '' ? undefined : name.slice(0, 200);
}

const VERDICTS: readonly CheckVerdict[] = ['pass', 'fail', 'status-unknown'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const names = (v: unknown): DisplayName[] => list(v).map(readDisplayName).filter((n): n is DisplayName => n !== undefined);

/** One kept check: a reason (code) as kept now, or the words kept before reasons were codes. */
function readCheck(raw: unknown): CheckRecord['checks'][number] | undefined {
  if (!isObject(raw) || typeof raw.ok !== 'boolean') return undefined;
  if (typeof raw.code === 'string') {
    const reason: CheckReason = { code: raw.code, ok: raw.ok };
    if (Array.isArray(raw.missing)) reason.missing = names(raw.missing);
    return reason;
  }
  const message = readLocalised(raw.message);
  return message ? { ok: raw.ok, message } : undefined;
}

/** A stored record as a CheckRecord; anything of another shape is left out, never shown half-read. */
export function readCheckRecord(raw: unknown): CheckRecord | undefined {
  if (!isObject(raw) || !VERDICTS.includes(raw.verdict as CheckVerdict)) return undefined;
  const record: CheckRecord = {
    verdict: raw.verdict as CheckVerdict,
    asked: names(raw.asked),
    checks: list(raw.checks).map(readCheck).filter((c): c is CheckRecord['checks'][number] => c !== undefined),
    seen: list(raw.seen).flatMap((s) => {
      const label = isObject(s) ? readDisplayName(s.label) : undefined;
      const value = isObject(s) ? s.value : undefined;
      if (!label || !(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return [];
      return [{ label, value, ...(isObject(s) && s.photo === true ? { photo: true as const } : {}) }];
    }),
  };
  if (typeof raw.checkedBy === 'string') record.checkedBy = raw.checkedBy;
  const issuer = readLocalised(raw.issuerName);
  if (issuer) record.issuerName = issuer;
  if (typeof raw.statusListFrom === 'string') record.statusListFrom = raw.statusListFrom;
  const onBehalf = readOnBehalfOutcome(raw.onBehalf);
  if (onBehalf) record.onBehalf = onBehalf;
  return record;
}
