/**
 * The on-behalf rule (docs/carers.md, "How the checker matches the person"), one pure function
 * used alike by Satchel's checker (src/wallet/check) and the reference verifier
 * (src/server/verifier/verify-response.ts), and the one comparison of a person the wallet uses
 * too (which authority is for which person it holds credentials for).
 *
 * An answer given on someone's behalf holds the person's own credential and the attorney's
 * authority credential (on-behalf.ts), each already verified on its own (signature, issuer,
 * validity, status, key binding). The rule then asks: does the authority hold (its own checks), is
 * it for this person (its donor_* claims are the person's name and date of birth), and does it
 * cover what was asked (its power)?
 */
import { AUTHORITY_CLAIMS, AUTHORITY_POWERS, AUTHORITY_TYPE, DONOR_MATCH_CLAIMS, type AuthorityPower, type OnBehalfFailure, type OnBehalfOutcome } from './on-behalf';

/** Who a credential is about, as far as matching goes. */
export interface PersonIdentity {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD (RFC 3339 full-date, as SD-JWT VC's birth_date and the mDL's birth_date). */
  birthDate: string;
}

/**
 * A name as compared: Unicode NFC (so "é" typed or decomposed is one letter), trimmed, inner
 * whitespace collapsed to one space, lower case (after NFC, so the case mapping sees composed letters).
 */
export function comparableName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether two identities are the same person: both names equal as comparableName makes them, and
 * the dates of birth exactly equal YYYY-MM-DD strings (no time, no other form: a date written
 * otherwise is not matched, rather than guessed). An empty name never matches.
 */
export function samePerson(a: PersonIdentity, b: PersonIdentity): boolean {
  const names = [a.givenName, a.familyName, b.givenName, b.familyName];
  if (names.some((n) => typeof n !== 'string' || comparableName(n) === '')) return false;
  if (typeof a.birthDate !== 'string' || !FULL_DATE.test(a.birthDate) || a.birthDate !== b.birthDate) return false;
  return comparableName(a.givenName) === comparableName(b.givenName) && comparableName(a.familyName) === comparableName(b.familyName);
}

/** The identity a credential's claims (by flat claim name: an SD-JWT VC's, an mDL's elements) show; undefined when any part is missing. */
export function identityOf(claims: Readonly<Record<string, unknown>>): PersonIdentity | undefined {
  const givenName = claims[DONOR_MATCH_CLAIMS.givenName];
  const familyName = claims[DONOR_MATCH_CLAIMS.familyName];
  const birthDate = claims[DONOR_MATCH_CLAIMS.birthDate];
  if (typeof givenName !== 'string' || typeof familyName !== 'string' || typeof birthDate !== 'string') return undefined;
  return { givenName, familyName, birthDate };
}

/** The donor an authority's claims name; undefined when any part is missing. */
export function donorOf(claims: Readonly<Record<string, unknown>>): PersonIdentity | undefined {
  const givenName = claims[AUTHORITY_CLAIMS.donorGivenName];
  const familyName = claims[AUTHORITY_CLAIMS.donorFamilyName];
  const birthDate = claims[AUTHORITY_CLAIMS.donorBirthDate];
  if (typeof givenName !== 'string' || typeof familyName !== 'string' || typeof birthDate !== 'string') return undefined;
  return { givenName, familyName, birthDate };
}

export function isAuthorityPower(value: unknown): value is AuthorityPower {
  return typeof value === 'string' && (AUTHORITY_POWERS as readonly string[]).includes(value);
}

/** One check a credential passed or failed, as the credentials library names it (report.ts Check: name and code). */
export interface OnBehalfCheck {
  name: string;
  ok: boolean;
  /** The CheckCode ('ok' when passed; 'revoked', 'suspended', 'unknown' for status…). */
  code: string;
}

/** One verified credential of the answer, as the rule needs it. */
export interface OnBehalfCredential {
  /** The DCQL credential query it was given for (the vp_token key, OpenID4VP 1.0 §8.1). */
  queryId: string;
  /** Its type (SD-JWT VC `vct`, an mdoc's docType). */
  type: string;
  /** The claims about the subject by flat name, as its format reads them (an mdoc's elements by name); empty when not trustworthy. */
  claims: Readonly<Record<string, unknown>>;
  /** Its own checks (signature, issuer-trusted, validity, status, key-binding…). */
  checks: readonly OnBehalfCheck[];
  /** ISO 8601: its `exp`, if it has one. */
  validUntil?: string;
}

export interface OnBehalfInput {
  /** Every credential of the answer, verified. */
  credentials: readonly OnBehalfCredential[];
  /** The credential query id the request gave the authority (`authority`); absent when the request asked for none. */
  authorityQueryId?: string;
  /** The power the request asked for (PURPOSES[p].authority.power); absent when it asked for none. */
  powerAsked?: AuthorityPower;
}

/** The checks that say the authority is what it claims to be (its issuer signed it, may issue it, intact). */
const INTEGRITY_CHECKS: ReadonlySet<string> = new Set(['format', 'signature', 'disclosures', 'issuer-trusted']);

function failedCheck(credential: OnBehalfCredential, name: string): OnBehalfCheck | undefined {
  return credential.checks.find((c) => c.name === name && !c.ok);
}

/** What the authority's own checks say against it: invalid, revoked, expired, not bound (each at most once, in that order). */
function authorityFailures(authority: OnBehalfCredential): OnBehalfFailure[] {
  const failures: OnBehalfFailure[] = [];
  if (authority.type !== AUTHORITY_TYPE || authority.checks.some((c) => INTEGRITY_CHECKS.has(c.name) && !c.ok)) failures.push('authority-invalid');
  // A status that could not be known (no list on this phone) is the answer's warning, not a revocation.
  const status = failedCheck(authority, 'status');
  if (status && (status.code === 'revoked' || status.code === 'suspended')) failures.push('authority-revoked');
  if (failedCheck(authority, 'validity')) failures.push('authority-expired');
  // RFC 9901 §7.3: presented by the key it was issued to (cnf); a presentation without the check is not bound either.
  const binding = authority.checks.find((c) => c.name === 'key-binding');
  if (!binding || !binding.ok) failures.push('authority-not-bound');
  return failures;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** What the checker may read from the authority (only claims that verified are there to read). */
function describe(authority: OnBehalfCredential): Omit<OnBehalfOutcome, 'ok' | 'failures'> {
  const claims = authority.claims;
  const out: Omit<OnBehalfOutcome, 'ok' | 'failures'> = {};
  const attorneyGiven = text(claims[AUTHORITY_CLAIMS.attorneyGivenName]);
  const attorneyFamily = text(claims[AUTHORITY_CLAIMS.attorneyFamilyName]);
  if (attorneyGiven !== undefined && attorneyFamily !== undefined) out.attorney = { givenName: attorneyGiven, familyName: attorneyFamily };
  const donorGiven = text(claims[AUTHORITY_CLAIMS.donorGivenName]);
  const donorFamily = text(claims[AUTHORITY_CLAIMS.donorFamilyName]);
  const donorBirth = text(claims[AUTHORITY_CLAIMS.donorBirthDate]);
  if (donorGiven !== undefined && donorFamily !== undefined) out.donor = { givenName: donorGiven, familyName: donorFamily, ...(donorBirth !== undefined ? { birthDate: donorBirth } : {}) };
  const power = claims[AUTHORITY_CLAIMS.power];
  if (isAuthorityPower(power)) out.power = power;
  if (authority.validUntil !== undefined) out.validUntil = authority.validUntil;
  const reference = text(claims[AUTHORITY_CLAIMS.reference]);
  if (reference !== undefined) out.reference = reference;
  return out;
}

/**
 * The rule. Undefined when the answer is not on anyone's behalf (the request asked for no
 * authority and none was shared). Otherwise the outcome: ok only when an authority was shared,
 * passed its own checks (authority-invalid, -revoked, -expired, -not-bound), names as its donor
 * the person whose credential was shown (person-claims-missing when that credential did not show
 * name and date of birth; person-mismatch when they differ: samePerson), and has the power asked
 * (power-not-covered). A status that could not be checked is not a failure here: the answer's
 * verdict says "could not check cancellation" anyway.
 */
export function checkOnBehalf(input: OnBehalfInput): OnBehalfOutcome | undefined {
  const { credentials, authorityQueryId, powerAsked } = input;
  const required = authorityQueryId !== undefined || powerAsked !== undefined;
  const authority = (authorityQueryId !== undefined ? credentials.find((c) => c.queryId === authorityQueryId) : undefined)
    ?? credentials.find((c) => c.type === AUTHORITY_TYPE);
  if (!authority) return required ? { ok: false, failures: ['authority-missing'] } : undefined;
  const failures = authorityFailures(authority);
  const outcome = describe(authority);
  // The person's credential: the one given for a query other than the authority's.
  const person = credentials.find((c) => c !== authority && c.type !== AUTHORITY_TYPE);
  const identity = person ? identityOf(person.claims) : undefined;
  // An authority whose claims did not verify has nothing to compare: authority-invalid says why.
  const readable = Object.keys(authority.claims).length > 0;
  if (!identity) failures.push('person-claims-missing');
  else if (readable) {
    const donor = donorOf(authority.claims);
    if (!donor || !samePerson(donor, identity)) failures.push('person-mismatch');
  }
  if (readable && powerAsked !== undefined && authority.claims[AUTHORITY_CLAIMS.power] !== powerAsked) failures.push('power-not-covered');
  return { ok: failures.length === 0, failures, ...outcome };
}

export type { OnBehalfFailure };
