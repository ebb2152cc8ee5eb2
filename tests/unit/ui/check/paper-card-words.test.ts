/** The words of "Check a paper card" (src/ui/check/paper-card-words.ts, paper-reason-words.ts): typed like the catalogues, checked like them. */
import { describe, expect, it } from 'vitest';
import { PAPER_CARD_WORDS } from '../../../../src/ui/check/paper-card-words';
import { PAPER_REASON_WORDS } from '../../../../src/ui/check/paper-reason-words';
import { LANGUAGES } from '../../../../src/ui/i18n/translate';

describe('the paper card check’s words', () => {
  for (const [name, table] of [['screen', PAPER_CARD_WORDS], ['reason', PAPER_REASON_WORDS]] as const) {
    it(`${name}: every language has every key, none empty, none left in English, no placeholders`, () => {
      const en: Record<string, string> = table.en;
      for (const language of LANGUAGES) {
        const words: Record<string, string> = table[language];
        expect(Object.keys(words).sort(), language).toEqual(Object.keys(en).sort());
        for (const key of Object.keys(en)) {
          expect(words[key]!.trim(), `${language} ${key}`).not.toBe('');
          expect(words[key], `${language} ${key}`).not.toMatch(/\{\w+\}/);
          if (language !== 'en') expect(words[key], `${language} ${key}`).not.toBe(en[key]);
        }
      }
    });
  }
});
