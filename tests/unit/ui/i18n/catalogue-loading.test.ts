import { describe, expect, it, vi } from 'vitest';
import { enFirstScreen } from '../../../../src/ui/i18n/en-first-screen';

// A fresh copy of translate.ts, as the app starts: the setup file (tests/shared/setup-catalogues.ts)
// has loaded every catalogue into the copy the other tests share.
async function freshTranslate() {
  vi.resetModules();
  return import('../../../../src/ui/i18n/translate');
}

describe('message catalogues load on demand', () => {
  it('has the first screen’s English words at once, the rest of English and Welsh only once fetched', async () => {
    const { hasFirstScreenWords, loadCatalogues, loadFirstScreenWords, translator } = await freshTranslate();
    expect(hasFirstScreenWords('en')).toBe(true);
    const english = translator('en');
    expect(english('start.title')).toBe(enFirstScreen['start.title']);
    expect(() => english('home.title')).toThrow(/'home.title' is not among the first screen's words, and the other screens' en words are not loaded yet/);

    expect(hasFirstScreenWords('cy')).toBe(false);
    expect(() => translator('cy')).toThrow(/cy catalogue is not loaded yet/);
    await loadFirstScreenWords('cy');
    expect(hasFirstScreenWords('cy')).toBe(true);
    const welsh = translator('cy');
    expect(welsh('footer.version', { version: 3 })).toBe('Fersiwn 3');
    expect(() => welsh('home.title')).toThrow(/the other screens' cy words are not loaded yet/);

    await loadCatalogues();
    // Translators made before (the provider keeps its own) read the whole catalogues once here.
    expect(english('home.title')).toBe('Your credentials');
    expect(welsh('home.title')).toBe('Eich tystlythyrau');
  });

  it('fetches each part once however many ask, and every language’s whole catalogue with loadCatalogues', async () => {
    const { hasFirstScreenWords, loadCatalogues, loadFirstScreenWords, LANGUAGES, translator } = await freshTranslate();
    const first = loadFirstScreenWords('cy');
    expect(loadFirstScreenWords('cy')).toBe(first);
    const all = loadCatalogues();
    await all;
    expect(LANGUAGES.every(hasFirstScreenWords)).toBe(true);
    // Both parts are here: asking again fetches nothing.
    await expect(loadFirstScreenWords('cy')).resolves.toBeUndefined();
    expect(translator('cy')('notFound.title')).toBe('Heb ddod o hyd i’r dudalen');
  });
});
