/**
 * Demo people the admin page can issue credentials to, and the claims each department would
 * hold about them. Fictional data; the SD-JWT licence's portrait is a tiny SVG data URL (an <img>
 * never runs script from an SVG, and the wallet renders claim values as text anyway); the mdoc
 * licence carries a real JPEG (mdl-elements.ts).
 */
import type { AuthorityPower } from '../../credentials/on-behalf';
import type { DepartmentId } from './departments';

export interface DemoPerson {
  id: string;
  /** What they sign in with at the reference sign-in service (authorization-server.ts). */
  email: string;
  givenName: string;
  familyName: string;
  birthDate: string; // ISO 8601 date
  address: { street_address: string; locality: string; postal_code: string; country: string };
  /**
   * The licence's categories (ISO/IEC 18013-5 §7.2.4 driving privileges: vehicle category, its
   * issue and expiry dates, UK restriction codes, e.g. 01 eyesight correction, 78 automatic only).
   */
  licence: { category: string; issued: string; expires: string; codes?: string[] }[];
  /** Absent for someone who never served: the Office for Veterans' Affairs has nothing to issue them. */
  veteran?: { service: string; serviceNumber: string; left: string };
  rightToWork: { status: string; restrictions: string };
  portraitColour: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: 'ada',
    email: 'ada.jones@example.com',
    givenName: 'Ada',
    familyName: 'Jones',
    birthDate: '1984-03-09',
    address: { street_address: '12 Heol y Frenhines', locality: 'Cardiff', postal_code: 'CF10 2AA', country: 'GB' },
    licence: [
      { category: 'AM', issued: '2001-03-09', expires: '2054-03-08' },
      { category: 'B', issued: '2002-06-12', expires: '2054-03-08', codes: ['01'] },
      { category: 'BE', issued: '2010-04-01', expires: '2054-03-08', codes: ['01'] },
    ],
    veteran: { service: 'Royal Navy', serviceNumber: 'D123456A', left: '2012-08-31' },
    rightToWork: { status: 'Unlimited', restrictions: 'None' },
    portraitColour: '#1d70b8',
  },
  {
    id: 'sam',
    email: 'sam.okafor@example.com',
    givenName: 'Sam',
    familyName: 'Okafor',
    birthDate: '2006-11-20',
    address: { street_address: '4 Mill Lane', locality: 'Leeds', postal_code: 'LS1 4AP', country: 'GB' },
    licence: [
      { category: 'AM', issued: '2023-01-10', expires: '2076-11-19' },
      { category: 'B', issued: '2024-12-02', expires: '2076-11-19', codes: ['78'] },
    ],
    veteran: { service: 'British Army', serviceNumber: '30123456', left: '2025-01-15' },
    rightToWork: { status: 'Time-limited until 30 June 2028', restrictions: 'Up to 20 hours a week in term time' },
    portraitColour: '#00703c',
  },
  {
    // Ada's mother, for the carers demo (docs/carers.md): a licence, no veteran card; Ada is her attorney.
    id: 'margaret',
    email: 'margaret.jones@example.com',
    givenName: 'Margaret',
    familyName: 'Jones',
    birthDate: '1951-05-14',
    address: { street_address: '3 Ffordd y Parc', locality: 'Penarth', postal_code: 'CF64 1AB', country: 'GB' },
    // Over 70, the car entitlement is renewed every three years.
    licence: [
      { category: 'AM', issued: '1969-05-14', expires: '2027-05-13' },
      { category: 'B', issued: '1970-09-02', expires: '2027-05-13', codes: ['01'] },
    ],
    rightToWork: { status: 'Unlimited', restrictions: 'None' },
    portraitColour: '#912b88',
  },
];

/**
 * A registered lasting power of attorney (Mental Capacity Act 2005) as the Office of the Public
 * Guardian's register holds it: who may act (the attorney, a demo person), for whom (the donor,
 * a demo person), for what, and its register reference. The OPG issues it to the attorney.
 */
export interface DemoAuthority {
  id: string;
  attorneyId: string;
  donorId: string;
  power: AuthorityPower;
  reference: string;
  registeredOn: string; // ISO 8601 date
}

/** Ada acts for her mother Margaret under two LPAs, one of each kind (a real LPA covers one kind). */
export const DEMO_AUTHORITIES: readonly DemoAuthority[] = [
  { id: 'ada-for-margaret-finance', attorneyId: 'ada', donorId: 'margaret', power: 'property-and-financial-affairs', reference: 'M-7321-4480-1123', registeredOn: '2024-02-19' },
  { id: 'ada-for-margaret-health', attorneyId: 'ada', donorId: 'margaret', power: 'health-and-welfare', reference: 'M-7321-4480-2245', registeredOn: '2024-02-19' },
];

export function findAuthority(id: string): DemoAuthority | undefined {
  return DEMO_AUTHORITIES.find((a) => a.id === id);
}

/** How the admin page and the docs word a power (as the wallet does, src/ui/i18n/names.ts). */
export const POWER_NAMES: Record<AuthorityPower, { en: string; cy: string }> = {
  'property-and-financial-affairs': { en: 'property and financial affairs', cy: 'eiddo a materion ariannol' },
  'health-and-welfare': { en: 'health and welfare', cy: 'iechyd a lles' },
};

/**
 * The authority credential's claims (src/credentials/on-behalf.ts AUTHORITY_CLAIMS), flat and each
 * selectively disclosable: the attorney's and the donor's names as the register holds them, the
 * donor's date of birth (a name alone is not unique), the power, the reference and the date registered.
 */
export function authorityClaims(authority: DemoAuthority): Record<string, unknown> {
  const attorney = findPerson(authority.attorneyId);
  const donor = findPerson(authority.donorId);
  if (!attorney || !donor) throw new RangeError(`The authority ${authority.id} names someone who is not a demo person`);
  return {
    attorney_given_name: attorney.givenName,
    attorney_family_name: attorney.familyName,
    donor_given_name: donor.givenName,
    donor_family_name: donor.familyName,
    donor_birth_date: donor.birthDate,
    power: authority.power,
    reference: authority.reference,
    registered_on: authority.registeredOn,
  };
}

/** Everyone's password at the reference sign-in service: a demo, shown on its login page. */
export const DEMO_PASSWORD = 'satchel-demo';

export function findPerson(id: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.id === id);
}

/** The licence number both forms of the licence carry (SD-JWT VC and mdoc). */
export function licenceNumber(person: DemoPerson, serial: string): string {
  return `${person.familyName.toUpperCase().slice(0, 5).padEnd(5, '9')}${serial}`;
}

/** Whole years between a birth date and `now`. */
export function ageOn(birthDate: string, now: Date): number {
  const b = new Date(`${birthDate}T00:00:00Z`);
  let age = now.getUTCFullYear() - b.getUTCFullYear();
  const m = now.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

function portrait(person: DemoPerson): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 80"><rect width="60" height="80" fill="#f3f2f1"/><circle cx="30" cy="30" r="16" fill="${person.portraitColour}"/><rect x="10" y="50" width="40" height="30" rx="12" fill="${person.portraitColour}"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * Whether a department holds a record of the person to issue from: the veterans' office only of
 * someone who served, the OPG (which issues an authority, authorityClaims) never from this list.
 */
export function hasRecord(department: DepartmentId, person: DemoPerson): boolean {
  if (department === 'veterans') return person.veteran !== undefined;
  return department !== 'opg';
}

/** Selectively disclosable (SD-JWT VC) or credentialSubject (JWT VC) claims for one credential. */
export function subjectClaims(department: DepartmentId, person: DemoPerson, serial: string, now: Date): Record<string, unknown> {
  if (!hasRecord(department, person)) throw new RangeError(`${department} holds no record of ${person.id} to issue from`);
  const name = { given_name: person.givenName, family_name: person.familyName };
  const age = ageOn(person.birthDate, now);
  switch (department) {
    case 'dvla':
      return {
        ...name,
        birth_date: person.birthDate,
        address: person.address,
        driving_privileges: person.licence.map((p) => ({ vehicle_category_code: p.category })),
        age_over_18: age >= 18,
        age_over_21: age >= 21,
        document_number: licenceNumber(person, serial),
        portrait: portrait(person),
      };
    case 'veterans': {
      const veteran = person.veteran!;
      return { ...name, service: veteran.service, service_number: veteran.serviceNumber, service_left: veteran.left };
    }
    case 'home-office':
      return { ...name, birth_date: person.birthDate, right_to_work: person.rightToWork.status, work_restrictions: person.rightToWork.restrictions, share_code: `W${serial}` };
    case 'dbs':
      return { ...name, birth_date: person.birthDate, certificate_number: `00${serial}`, result: 'No convictions or cautions recorded', issued_on: now.toISOString().slice(0, 10) };
    case 'opg':
      throw new RangeError('The OPG issues an authority from its register (authorityClaims), not from a person');
  }
}
