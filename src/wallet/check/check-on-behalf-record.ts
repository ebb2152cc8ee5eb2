/**
 * An on-behalf outcome as a kept check holds it (CheckRecord.onBehalf): only the fields the outcome
 * has, each of its type, names cut to a length a record needs; anything else is left out, and a
 * stored outcome of another shape is not read at all (never shown half-read).
 */
import { AUTHORITY_POWERS, type AuthorityPower, type OnBehalfFailure, type OnBehalfOutcome, type PersonName } from '../../credentials/on-behalf';

const FAILURES: readonly OnBehalfFailure[] = [
  'authority-missing', 'authority-invalid', 'authority-revoked', 'authority-expired', 'authority-not-bound', 'person-claims-missing', 'person-mismatch', 'power-not-covered',
];
const MAX_CHARS = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(0, MAX_CHARS) : undefined);

function name(raw: unknown): PersonName | undefined {
  if (!isObject(raw)) return undefined;
  const givenName = text(raw.givenName);
  const familyName = text(raw.familyName);
  return givenName !== undefined && familyName !== undefined ? { givenName, familyName } : undefined;
}

export function readOnBehalfOutcome(raw: unknown): OnBehalfOutcome | undefined {
  if (!isObject(raw) || typeof raw.ok !== 'boolean' || !Array.isArray(raw.failures)) return undefined;
  const outcome: OnBehalfOutcome = { ok: raw.ok, failures: raw.failures.filter((f): f is OnBehalfFailure => FAILURES.includes(f as OnBehalfFailure)) };
  const attorney = name(raw.attorney);
  if (attorney) outcome.attorney = attorney;
  const donor = name(raw.donor);
  if (donor) {
    const birthDate = isObject(raw.donor) ? text(raw.donor.birthDate) : undefined;
    outcome.donor = birthDate !== undefined ? { ...donor, birthDate } : donor;
  }
  if (AUTHORITY_POWERS.includes(raw.power as AuthorityPower)) outcome.power = raw.power as AuthorityPower;
  const validUntil = text(raw.validUntil);
  if (validUntil !== undefined) outcome.validUntil = validUntil;
  const reference = text(raw.reference);
  if (reference !== undefined) outcome.reference = reference;
  return outcome;
}
