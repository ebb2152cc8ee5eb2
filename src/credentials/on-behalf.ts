/**
 * Acting for someone else (docs/carers.md): the authority credential a department (the Office of
 * the Public Guardian, for a registered lasting power of attorney) issues to the person who may
 * act — the attorney — naming the person they act for — the donor — and for what. It is an
 * SD-JWT VC (RFC 9901, SD-JWT VC) bound to the attorney's own key (`cnf`) with a status list entry
 * the department revokes. A presentation "on behalf of" someone is one OpenID4VP answer holding
 * the donor's credential and this authority (OpenID4VP 1.0 §6.4.2, credential_sets).
 *
 * This file holds the type, its claim names and the outcome of the check; the rule itself
 * (checkOnBehalf) is used alike by Satchel's checker and the reference verifier.
 */

/** The authority credential's `vct` (Satchel's demo namespace; a real department would publish its own). */
export const AUTHORITY_TYPE = 'https://satchel.example/credentials/lasting-power-of-attorney';

/**
 * What an authority covers (Mental Capacity Act 2005: the two kinds of lasting power of attorney).
 * A DWP appointee's `benefits` would be one more member and one more issuer.
 */
export type AuthorityPower = 'property-and-financial-affairs' | 'health-and-welfare';
export const AUTHORITY_POWERS: readonly AuthorityPower[] = ['property-and-financial-affairs', 'health-and-welfare'];

/**
 * The authority's claims, each selectively disclosable and flat (so a DCQL claim path is one name):
 * who acts (attorney_*), for whom (donor_*), for what (power, one of AUTHORITY_POWERS), and the
 * register's reference and date. Until when is the credential's own `exp` (SD-JWT VC §3.2.2.2).
 */
export const AUTHORITY_CLAIMS = {
  attorneyGivenName: 'attorney_given_name',
  attorneyFamilyName: 'attorney_family_name',
  donorGivenName: 'donor_given_name',
  donorFamilyName: 'donor_family_name',
  donorBirthDate: 'donor_birth_date',
  power: 'power',
  reference: 'reference',
  registeredOn: 'registered_on',
} as const;

/**
 * The claims of the represented person's own credential that must agree with the authority's
 * donor_* claims (given name, family name and date of birth: a name alone is not unique).
 */
export const DONOR_MATCH_CLAIMS = { givenName: 'given_name', familyName: 'family_name', birthDate: 'birth_date' } as const;

/**
 * Why an "on behalf" answer fails, as a code the UI words (reasons `on-behalf:<code>`):
 * - `authority-missing`: the answer holds the person's credential but no authority, where one was required;
 * - `authority-invalid`: the authority failed its own checks (signature, issuer, type);
 * - `authority-revoked`, `authority-expired`: its status or validity;
 * - `authority-not-bound`: its key binding failed (not presented by the key it was issued to);
 * - `person-claims-missing`: the person's credential did not show name and date of birth to compare;
 * - `person-mismatch`: the authority names someone else;
 * - `power-not-covered`: the authority does not cover what was asked.
 */
export type OnBehalfFailure =
  | 'authority-missing'
  | 'authority-invalid'
  | 'authority-revoked'
  | 'authority-expired'
  | 'authority-not-bound'
  | 'person-claims-missing'
  | 'person-mismatch'
  | 'power-not-covered';

/** A name as the authority gives it. */
export interface PersonName {
  givenName: string;
  familyName: string;
}

/**
 * The outcome of checking an answer given on someone's behalf: "Presented by <attorney> on behalf
 * of <donor>, under a lasting power of attorney (<power>), valid until <validUntil>" when `ok`;
 * otherwise every failure found, with whatever could be read for the checker to see.
 */
export interface OnBehalfOutcome {
  ok: boolean;
  failures: OnBehalfFailure[];
  attorney?: PersonName;
  donor?: PersonName & { birthDate?: string };
  power?: AuthorityPower;
  /** ISO 8601: the authority's `exp`. */
  validUntil?: string;
  reference?: string;
}
