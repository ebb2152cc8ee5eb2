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
