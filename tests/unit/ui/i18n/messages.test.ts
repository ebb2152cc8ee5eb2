import { describe, expect, it } from 'vitest';
import { cy, en } from '../../../shared/catalogues';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, translator } from '../../../../src/ui/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('has a Welsh string for every English one, and no extras', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty strings and the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(cy[key].trim(), key).not.toBe('');
      expect(placeholders(cy[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('knows a language by its catalogue, and each language’s name in itself', () => {
    expect(LANGUAGES).toEqual(['en', 'cy']);
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', cy: 'Cymraeg' });
    // Written out in translate.ts so that the switch needs no other catalogue: the catalogues agree.
    expect(LANGUAGE_NAMES).toEqual({ en: en['language.self'], cy: cy['language.self'] });
    expect(isLanguage('cy')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage('toString')).toBe(false);
  });

  it('fills placeholders as plain text and leaves unknown ones visible', () => {
    expect(translator('en')('footer.version', { version: '<b>1.2</b>' })).toBe('Version <b>1.2</b>');
    expect(translator('cy')('footer.version', { version: 3 })).toBe('Fersiwn 3');
    expect(translator('en')('footer.version')).toBe('Version {version}');
  });
});
