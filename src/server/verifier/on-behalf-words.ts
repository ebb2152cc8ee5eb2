/**
 * The reference verifier's words for an answer given on someone's behalf (docs/carers.md): who
 * presented it, for whom, under what, until when — or, when the check failed, why, in plain words.
 * Plain text: pages.ts escapes it like every value it renders (the names come from credentials).
 */
import type { AuthorityPower, OnBehalfFailure, OnBehalfOutcome, PersonName } from '../../credentials/on-behalf';

const POWERS: Record<AuthorityPower, string> = {
  'property-and-financial-affairs': 'property and financial affairs',
  'health-and-welfare': 'health and welfare',
};

const FAILURES: Record<OnBehalfFailure, string> = {
  'authority-missing': 'No authority to act for this person was shared.',
  'authority-invalid': 'The authority to act did not verify: its signature, issuer or type is not one we trust.',
  'authority-revoked': 'The authority to act has been revoked or suspended by the organisation that issued it.',
  'authority-expired': 'The authority to act has expired.',
  'authority-not-bound': 'The authority was not shared by the person it was issued to.',
  'person-claims-missing': 'The person’s credential did not show their name and date of birth, so we cannot tell whether the authority is for them.',
  'person-mismatch': 'The authority is for someone else, not the person whose credential was shared.',
  'power-not-covered': 'The authority does not cover what we asked for.',
};

const name = (p: PersonName | undefined): string | undefined => (p ? `${p.givenName} ${p.familyName}`.trim() : undefined);

/** "1 December 2027": the day an ISO 8601 time falls on in the UK. */
export function ukDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date(iso));
}

/** "Presented by Ada Jones on behalf of Margaret Jones, under a lasting power of attorney (property and financial affairs), valid until 1 December 2027". */
export function presentedOnBehalf(outcome: OnBehalfOutcome): string {
  const attorney = name(outcome.attorney) ?? 'someone';
  const donor = name(outcome.donor) ?? 'someone';
  const power = outcome.power ? ` (${POWERS[outcome.power]})` : '';
  const until = outcome.validUntil ? `, valid until ${ukDate(outcome.validUntil)}` : '';
  return `Presented by ${attorney} on behalf of ${donor}, under a lasting power of attorney${power}${until}`;
}

/** Each failure in plain words, in the order found; the power the authority does cover, where that was the trouble. */
export function onBehalfFailures(outcome: OnBehalfOutcome): string[] {
  return outcome.failures.map((f) => (f === 'power-not-covered' && outcome.power ? `${FAILURES[f]} It covers ${POWERS[outcome.power]} only.` : FAILURES[f]));
}

/** The headline when the check failed: for whom it was not accepted, if the authority said. */
export function notOnBehalf(outcome: OnBehalfOutcome): string {
  const donor = name(outcome.donor);
  return donor ? `Not accepted as acting on behalf of ${donor}` : 'Not accepted as acting on someone’s behalf';
}
