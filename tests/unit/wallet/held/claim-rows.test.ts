/**
 * claim-rows.ts: which label each claim gets. The issuer's metadata first (OpenID4VCI 1.0 §12.2.4,
 * paths per Appendix C), a described claim inside another labelling a member rather than making a
 * row; then Satchel's own labels (Welsh borrowed where the issuer gave none); then the name. Rows
 * carry names (DisplayName); the assertions are on the words the screens give them (src/ui/i18n/names.ts).
 */
import { describe, expect, it } from 'vitest';
import type { DisplayName } from '../../../../src/wallet/shared/types';
import { words } from '../../../shared/words';
import { claimRows } from '../../../../src/wallet/held/claim-rows';

const partWords = (parts: Record<string, DisplayName> | undefined) => Object.fromEntries(Object.entries(parts ?? {}).map(([key, name]) => [key, words(name)]));

const SUBJECT = {
  given_name: 'Ada',
  address: { street_address: '12 Heol y Frenhines', postal_code: 'CF10 2AA', po_box: '7' },
  driving_privileges: [{ vehicle_category_code: 'AM', codes: [{ code: '01' }] }],
  favourite_colour: 'blue',
  iss: 'https://dvla.example',
};

describe('claimRows', () => {
  it('uses the issuer’s labels, borrows Satchel’s Welsh where the issuer has none, and falls back to the claim name', () => {
    const rows = claimRows(SUBJECT, [
      { path: ['given_name'], label: { en: 'Given name' } },
      { path: ['address'], label: { en: 'Home address', cy: 'Cyfeiriad cartref' } },
      // A member of a described claim: a label for that part, not a row of its own.
      { path: ['address', 'postal_code'], label: { en: 'Post code', cy: 'Cod post (issuer)' } },
      { path: ['driving_privileges'], label: { en: 'Licence categories' } },
    ], (name) => name === 'iss');
    expect(rows.map((r) => r.path)).toEqual([['given_name'], ['address'], ['driving_privileges'], ['favourite_colour']]);
    expect(words(rows[0]!.label)).toEqual({ en: 'Given name', cy: 'Enw cyntaf' });
    expect(words(rows[1]!.label)).toEqual({ en: 'Home address', cy: 'Cyfeiriad cartref' });
    expect(partWords(rows[1]!.parts)).toEqual({
      street_address: { en: 'Street address', cy: 'Cyfeiriad stryd' },
      postal_code: { en: 'Post code', cy: 'Cod post (issuer)' },
      po_box: { en: 'Po box' },
    });
    expect(words(rows[2]!.label)).toEqual({ en: 'Licence categories', cy: 'Categorïau trwydded' });
    expect(partWords(rows[2]!.parts)).toMatchObject({ vehicle_category_code: { en: 'Category', cy: 'Categori' }, codes: { en: 'Codes' }, 'codes.code': { en: 'Code', cy: 'Cod' } });
    expect(words(rows[3]!.label)).toEqual({ en: 'Favourite colour' });
  });

  it('labels claims the issuer did not describe from Satchel’s list, in both languages', () => {
    const rows = claimRows({ birth_date: '1984-03-09', age_over_18: true }, [], () => false);
    expect(rows.map((r) => ({ ...r, label: words(r.label) }))).toEqual([
      { path: ['birth_date'], label: { en: 'Date of birth', cy: 'Dyddiad geni' }, value: '1984-03-09' },
      { path: ['age_over_18'], label: { en: 'Aged 18 or over', cy: '18 oed neu hŷn' }, value: true },
    ]);
  });
});

describe('claimRows for an ISO mdoc driving licence (ISO/IEC 18013-5 §7.2.1)', () => {
  const PORTRAIT = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3);
  const ELEMENTS = {
    family_name: 'Jones',
    given_name: 'Ava',
    birth_date: '1990-03-25',
    issue_date: '2024-09-02',
    expiry_date: '2034-09-01',
    issuing_country: 'GB',
    issuing_authority: 'DVLA',
    document_number: 'JONES903250A99ZZ',
    portrait: PORTRAIT,
    driving_privileges: [{ vehicle_category_code: 'AM', issue_date: '2006-03-25', expiry_date: '2034-09-01', codes: [{ code: '01', sign: '=', value: '06' }] }],
    age_over_18: true,
    age_over_21: true,
  };

  it('labels every element the DVLA issues, and every member of a driving privilege, in English and Welsh', () => {
    const rows = claimRows(ELEMENTS, [], () => false);
    expect(rows.map((r) => words(r.label))).toEqual([
      { en: 'Family name', cy: 'Cyfenw' },
      { en: 'Given name', cy: 'Enw cyntaf' },
      { en: 'Date of birth', cy: 'Dyddiad geni' },
      { en: 'Date of issue', cy: 'Dyddiad cyhoeddi' },
      { en: 'Expiry date', cy: 'Dyddiad dod i ben' },
      { en: 'Issuing country', cy: 'Gwlad gyhoeddi' },
      { en: 'Issuing authority', cy: 'Awdurdod cyhoeddi' },
      { en: 'Licence number', cy: 'Rhif trwydded' },
      { en: 'Photo', cy: 'Llun' },
      { en: 'Licence categories', cy: 'Categorïau trwydded' },
      { en: 'Aged 18 or over', cy: '18 oed neu hŷn' },
      { en: 'Aged 21 or over', cy: '21 oed neu hŷn' },
    ]);
    expect(partWords(rows[9]!.parts)).toEqual({
      vehicle_category_code: { en: 'Category', cy: 'Categori' },
      issue_date: { en: 'From', cy: 'O' },
      expiry_date: { en: 'To', cy: 'Tan' },
      codes: { en: 'Codes', cy: 'Codau' },
      'codes.code': { en: 'Code', cy: 'Cod' },
      'codes.sign': { en: 'Sign', cy: 'Arwydd' },
      'codes.value': { en: 'Value', cy: 'Gwerth' },
    });
  });

  it('labels the other §7.2.1 elements too, in both languages', () => {
    const others = ['un_distinguishing_sign', 'administrative_number', 'sex', 'height', 'weight', 'eye_colour', 'hair_colour', 'birth_place', 'resident_address', 'portrait_capture_date', 'age_in_years', 'age_birth_year', 'issuing_jurisdiction', 'nationality', 'resident_city', 'resident_state', 'resident_postal_code', 'resident_country', 'family_name_national_character', 'given_name_national_character', 'signature_usual_mark'];
    const rows = claimRows(Object.fromEntries(others.map((name) => [name, 'x'])), [], () => false);
    for (const row of rows) {
      // A label made from the name has no Welsh: a Welsh one is Satchel's own.
      expect(words(row.label).cy, `${String(row.path[0])} has a Welsh label`).toBeDefined();
    }
    expect(rows).toHaveLength(others.length);
  });

  it('keeps a byte string (the portrait) whole as the value, with no member labels made from its bytes', () => {
    const [row] = claimRows({ portrait: PORTRAIT }, [], () => false);
    expect(row!.value).toBe(PORTRAIT);
    expect(row!.parts).toBeUndefined();
  });
});
