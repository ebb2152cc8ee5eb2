/**
 * Names of types and claims in words (src/ui/i18n/names.ts): the issuer's text in the person's
 * language, else Satchel's catalogue name, else the issuer's English, else one made from the key.
 */
import { describe, expect, it } from 'vitest';
import { nameIn, wordsOfName } from '../../../../src/ui/i18n/names';
import { nameAsWords, nameOfClaim, nameOfPart, nameOfType, readDisplayName } from '../../../../src/wallet/shared/display-name';
import { CREDENTIAL_TYPES, KNOWN_TYPES } from '../../../../src/wallet/shared/purposes';
import { AUTHORITY_CLAIMS, AUTHORITY_TYPE } from '../../../../src/credentials/on-behalf';

describe('names in words', () => {
  it('has Satchel’s own name, in English and Welsh, for every type it knows', () => {
    for (const type of KNOWN_TYPES) {
      expect(nameIn(nameOfType(type), 'cy').language, type).toBe('cy');
      expect(nameIn(nameOfType(type), 'en').text, type).not.toBe(nameIn(nameOfType(type), 'cy').text);
    }
    expect(nameIn(nameOfType(CREDENTIAL_TYPES.drivingLicence), 'cy')).toEqual({ text: 'Trwydded yrru', language: 'cy' });
  });

  it('puts the issuer’s own text first, borrows Satchel’s Welsh where the issuer has none, and marks English it falls back to', () => {
    const issuer = { en: 'Full driving licence' };
    expect(nameIn(nameOfType(CREDENTIAL_TYPES.drivingLicence, issuer), 'en')).toEqual({ text: 'Full driving licence', language: 'en' });
    expect(nameIn(nameOfType(CREDENTIAL_TYPES.drivingLicence, issuer), 'cy')).toEqual({ text: 'Trwydded yrru', language: 'cy' });
    expect(nameIn(nameOfType(CREDENTIAL_TYPES.drivingLicence, { en: 'Licence', cy: 'Trwydded' }), 'cy')).toEqual({ text: 'Trwydded', language: 'cy' });
    expect(nameIn(nameOfType('https://example.gov/fishing-permit', issuer), 'cy')).toEqual({ text: 'Full driving licence', language: 'en' });
  });

  it('makes a name from the key when nobody has one (English, marked so)', () => {
    expect(nameIn(nameOfType('https://example.gov/fishing-permit'), 'cy')).toEqual({ text: 'Fishing permit', language: 'en' });
    expect(nameIn(nameOfClaim(['favourite_colour']), 'en')).toEqual({ text: 'Favourite colour', language: 'en' });
    expect(nameIn(nameOfClaim(['address', 'postal_code']), 'en').text).toBe('Address postal code');
    expect(nameIn(nameOfPart('po_box'), 'cy')).toEqual({ text: 'Po box', language: 'en' });
  });

  it('knows a W3C VC’s claim under credentialSubject, and a claim member by its name', () => {
    expect(nameIn(nameOfClaim(['credentialSubject', 'given_name']), 'cy').text).toBe('Enw cyntaf');
    expect(nameIn(nameOfPart('postal_code'), 'cy').text).toBe('Cod post');
  });

  it('names the authority to act for someone and its claims in English and Welsh (the checker sees no issuer display)', () => {
    expect(wordsOfName(nameOfType(AUTHORITY_TYPE))).toEqual(['Lasting power of attorney', 'Atwrneiaeth arhosol']);
    expect(wordsOfName(nameOfClaim(['donor_birth_date']))).toEqual(['Date of birth of the person they act for', "Dyddiad geni y person y maen nhw'n gweithredu ar ei ran"]);
    for (const claim of Object.values(AUTHORITY_CLAIMS)) expect(nameIn(nameOfClaim([claim]), 'cy').language, claim).toBe('cy');
  });

  it('shows names kept as words as kept, and several types on one line', () => {
    expect(nameIn(nameAsWords({ en: 'Right to work in the UK', cy: 'Hawl i weithio yn y DU' }), 'cy').text).toBe('Hawl i weithio yn y DU');
    expect(nameIn({ of: 'list', names: [nameOfType(CREDENTIAL_TYPES.drivingLicence), nameOfType(CREDENTIAL_TYPES.rightToWork)] }, 'en').text).toBe('Driving licence, Right to work');
    expect(wordsOfName(nameOfType(CREDENTIAL_TYPES.rightToWork))).toEqual(['Right to work', 'Hawl i weithio']);
  });

  it('reads a stored name back: as kept now, as words kept before (an object of languages), nothing else', () => {
    expect(readDisplayName({ of: 'claim', path: ['given_name'], issuer: { en: 'First name', cy: 'Enw cyntaf', x: 3 } })).toEqual(nameOfClaim(['given_name'], { en: 'First name', cy: 'Enw cyntaf' }));
    expect(readDisplayName({ en: 'Driving licence', cy: 'Trwydded yrru' })).toEqual(nameAsWords({ en: 'Driving licence', cy: 'Trwydded yrru' }));
    expect(readDisplayName({ of: 'claim', path: 'given_name' })).toBeUndefined();
    expect(readDisplayName('Driving licence')).toBeUndefined();
  });
});
