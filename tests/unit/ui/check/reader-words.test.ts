/** The words of "Check a driving licence" (src/ui/check/reader-words.ts): typed like the catalogues, checked like them. */
import { describe, expect, it } from 'vitest';
import { READER_WORDS, readerWords } from '../../../../src/ui/check/reader-words';
import { LANGUAGES } from '../../../../src/ui/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the driving licence check’s words', () => {
  it('every language has every key, none empty, with the same placeholders as the English', () => {
    const { en } = READER_WORDS;
    for (const language of LANGUAGES) {
      const words = READER_WORDS[language];
      expect(Object.keys(words).sort(), language).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(words[key].trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(words[key]), `${language} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it('the Welsh is Welsh: no key is left in English', () => {
    for (const key of Object.keys(READER_WORDS.en) as (keyof typeof READER_WORDS.en)[]) expect(READER_WORDS.cy[key], key).not.toBe(READER_WORDS.en[key]);
  });

  it('fills placeholders as plain text', () => {
    expect(readerWords('en')('error.engagement-detail', { detail: '<b>NFC only</b>' })).toBe('Details: <b>NFC only</b>');
    expect(readerWords('cy')('error.engagement-detail')).toContain('{detail}');
  });
});
