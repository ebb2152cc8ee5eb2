/**
 * The reference DVLA's mobile driving licence data elements for a demo person: namespace
 * org.iso.18013.5.1, elements and types as ISO/IEC 18013-5 §7.2.1 defines them (full-date as tag
 * 1004, portrait as the JPEG's bytes, driving_privileges as §7.2.4 DrivingPrivilege maps). The
 * portraits are small JPEGs drawn once (portraits/<person>.jpg), so a wallet shows a real image.
 */
import { readFileSync } from 'node:fs';
import { ageOn, type DemoPerson } from './demo-people';
import { MDL_NAMESPACE } from './departments';
import { fullDate } from './mdoc-issuer';

/** How long a UK photocard licence runs (its expiry_date), in years. */
const PHOTOCARD_YEARS = 10;

export function portraitJpeg(person: DemoPerson): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./portraits/${person.id}.jpg`, import.meta.url)));
}

/** The same day `years` on; 29 February becomes 28 February in a year that has none (a full-date must name a real day). */
function yearsLater(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** namespace → element → value, for issueMdoc; `documentNumber` is the same as the SD-JWT licence's. */
export function mdlElements(person: DemoPerson, documentNumber: string, now: Date): Record<string, Record<string, unknown>> {
  const today = now.toISOString().slice(0, 10);
  const age = ageOn(person.birthDate, now);
  return {
    [MDL_NAMESPACE]: {
      family_name: person.familyName,
      given_name: person.givenName,
      birth_date: fullDate(person.birthDate),
      issue_date: fullDate(today),
      expiry_date: fullDate(yearsLater(today, PHOTOCARD_YEARS)),
      // §7.2.1: Alpha-2 country code (ISO 3166-1) and the authority's name.
      issuing_country: 'GB',
      issuing_authority: 'DVLA',
      document_number: documentNumber,
      portrait: portraitJpeg(person),
      // §7.2.4: DrivingPrivilege = { vehicle_category_code, ? issue_date, ? expiry_date, ? codes: [+ { code, ? sign, ? value }] }.
      driving_privileges: person.licence.map((p) => {
        const privilege = new Map<string, unknown>([
          ['vehicle_category_code', p.category],
          ['issue_date', fullDate(p.issued)],
          ['expiry_date', fullDate(p.expires)],
        ]);
        if (p.codes) privilege.set('codes', p.codes.map((code) => new Map([['code', code]])));
        return privilege;
      }),
      age_over_18: age >= 18,
      age_over_21: age >= 21,
    },
  };
}
