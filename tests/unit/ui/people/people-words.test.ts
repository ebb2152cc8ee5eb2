/**
 * Whose a credential is, in words (issue 16): "Mum's driving licence" / "Your driving licence", and
 * in Welsh "Trwydded yrru Mum" / "Eich trwydded yrru"; a type starting with an acronym keeps it;
 * every language has every key, and the holder is "You" / "Chi" whatever name is kept.
 */
import { describe, expect, it } from 'vitest';
import { PEOPLE_WORDS, personName, whoseCredentials, whoseType } from '../../../../src/ui/people/people-words';
import { SELF_PERSON } from '../../../../src/wallet/shared';

const mum = { id: 'p1', name: 'Mum' };
const you = { id: SELF_PERSON, name: '' };

describe('people words', () => {
  it('says whose a credential is in English and Welsh', () => {
    expect(whoseType(mum, 'Driving licence', 'en')).toBe("Mum's driving licence");
    expect(whoseType(you, 'Driving licence', 'en')).toBe('Your driving licence');
    expect(whoseType(mum, 'Trwydded yrru', 'cy')).toBe('Trwydded yrru Mum');
    expect(whoseType(you, 'Trwydded yrru', 'cy')).toBe('Eich trwydded yrru');
  });

  it('keeps a type that starts with an acronym as it is', () => {
    expect(whoseType(mum, 'DBS check', 'en')).toBe("Mum's DBS check");
    expect(whoseType(you, 'DBS check', 'cy')).toBe('Eich DBS check');
  });

  it('names the holder "You" / "Chi", and others by the name they were given (as text)', () => {
    expect(personName(you, 'en')).toBe('You');
    expect(personName(you, 'cy')).toBe('Chi');
    expect(personName({ id: 'p2', name: '<b>Nan</b>' }, 'en')).toBe('<b>Nan</b>');
    expect(whoseCredentials(mum, 'en')).toBe("Mum's credentials");
    expect(whoseCredentials(you, 'cy')).toBe('Eich tystlythyrau');
  });

  it('has every key in every language', () => {
    expect(Object.keys(PEOPLE_WORDS.cy).sort()).toEqual(Object.keys(PEOPLE_WORDS.en).sort());
    for (const table of Object.values(PEOPLE_WORDS)) for (const words of Object.values(table)) expect(words.trim()).not.toBe('');
  });
});
