// samePerson: the one comparison of a person (docs/carers.md, "How the checker matches the person"),
// used by the checker's on-behalf rule and by the wallet to link an authority to a person it holds
// credentials for.
import { describe, expect, it } from 'vitest';
import { comparableName, samePerson } from '../../../src/credentials/on-behalf-check';

const margaret = { givenName: 'Margaret', familyName: 'Jones', birthDate: '1951-05-14' };

describe('samePerson', () => {
  it('matches the same name and date of birth', () => {
    expect(samePerson(margaret, { ...margaret })).toBe(true);
  });

  it('ignores case, surrounding and repeated inner whitespace in names', () => {
    expect(samePerson(margaret, { givenName: '  MARGARET ', familyName: 'jones', birthDate: '1951-05-14' })).toBe(true);
    expect(samePerson({ ...margaret, givenName: 'Mary  Ann' }, { ...margaret, givenName: ' mary\tann' })).toBe(true);
  });

  it('compares names in Unicode NFC: a composed and a decomposed letter are the same', () => {
    const composed = 'Si\u00e2n'; // Siân, â as one code point
    const decomposed = 'Sia\u0302n'; // a + combining circumflex
    expect(composed).not.toBe(decomposed);
    expect(samePerson({ ...margaret, givenName: composed }, { ...margaret, givenName: decomposed })).toBe(true);
    expect(samePerson({ ...margaret, givenName: 'S\u00cdAN'.normalize('NFD') }, { ...margaret, givenName: 's\u00edan' })).toBe(true);
  });

  it('does not match another given name, family name or date of birth', () => {
    expect(samePerson(margaret, { ...margaret, givenName: 'Ada' })).toBe(false);
    expect(samePerson(margaret, { ...margaret, familyName: 'Smith' })).toBe(false);
    expect(samePerson(margaret, { ...margaret, birthDate: '1951-05-15' })).toBe(false);
    // Letters are not folded beyond case: Sian and Siân are different names.
    expect(samePerson({ ...margaret, givenName: 'Sian' }, { ...margaret, givenName: 'Siân' })).toBe(false);
  });

  it('compares dates exactly as YYYY-MM-DD: no other form, no time, is matched', () => {
    expect(samePerson(margaret, { ...margaret, birthDate: '1951-05-14T00:00:00Z' })).toBe(false);
    expect(samePerson({ ...margaret, birthDate: '14/05/1951' }, { ...margaret, birthDate: '14/05/1951' })).toBe(false);
    expect(samePerson({ ...margaret, birthDate: ' 1951-05-14' }, margaret)).toBe(false);
  });

  it('never matches empty names or values that are not text', () => {
    expect(samePerson({ ...margaret, givenName: ' ' }, { ...margaret, givenName: '' })).toBe(false);
    expect(samePerson({ ...margaret, familyName: undefined as unknown as string }, { ...margaret, familyName: undefined as unknown as string })).toBe(false);
  });

  it('comparableName is NFC, trimmed, collapsed and lower case', () => {
    expect(comparableName('  Ma\u0301rta   De  La Cruz ')).toBe('m\u00e1rta de la cruz');
  });
});
