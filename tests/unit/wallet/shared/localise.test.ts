/** Localised text by language tag: a third language is data (a member), and the lookup falls back to English. */
import { describe, expect, it } from 'vitest';
import { localise, readLocalised, textIn } from '../../../../src/wallet/shared/localise';

describe('Localised', () => {
  it('finds the text in the language asked for, its primary language, else English, and says which', () => {
    const text = { en: 'Driving licence', cy: 'Trwydded yrru', fr: 'Permis de conduire' };
    expect(textIn(text, 'cy')).toEqual({ text: 'Trwydded yrru', language: 'cy' });
    expect(textIn(text, 'fr')).toEqual({ text: 'Permis de conduire', language: 'fr' });
    expect(textIn(text, 'cy-GB')).toEqual({ text: 'Trwydded yrru', language: 'cy' });
    expect(textIn(text, 'gd')).toEqual({ text: 'Driving licence', language: 'en' });
    expect(textIn({ en: 'Photo', cy: '' }, 'cy')).toEqual({ text: 'Photo', language: 'en' });
  });

  it('keeps every language an issuer displays, by primary subtag, the first of each winning', () => {
    expect(localise([{ name: 'Trwydded', locale: 'cy-GB' }, { name: 'Licence', locale: 'en-GB' }, { name: 'Permis', locale: 'fr' }, { name: 'Autre', locale: 'fr-CA' }], 'x'))
      .toEqual({ en: 'Licence', cy: 'Trwydded', fr: 'Permis' });
    expect(localise([{ name: 'Licence' }], 'x')).toEqual({ en: 'Licence' });
    expect(localise(undefined, 'x')).toEqual({ en: 'x' });
  });

  it('reads stored text back with every language tag, dropping what is not text or not a tag; none without English', () => {
    expect(readLocalised({ en: 'Photo', cy: 'Llun', 'fr-CA': 'Photo', extra: 3, 'not a tag': 'x' })).toEqual({ en: 'Photo', cy: 'Llun', 'fr-CA': 'Photo' });
    expect(readLocalised({ cy: 'Llun' })).toBeUndefined();
    expect(readLocalised('Photo')).toBeUndefined();
  });
});
