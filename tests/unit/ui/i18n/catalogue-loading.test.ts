import { describe, expect, it, vi } from 'vitest';

// A fresh copy of translate.ts, as the app starts: the setup file (tests/shared/setup-catalogues.ts)
// has loaded every catalogue into the copy the other tests share.
async function freshTranslate() {
  vi.resetModules();
  return import('../../../../src/ui/i18n/translate');
}

describe('message catalogues load on demand', () => {
  it('has English at once and Welsh only once it is fetched', async () => {
    const { isCatalogueLoaded, loadCatalogue, translator } = await freshTranslate();
    expect(isCatalogueLoaded('en')).toBe(true);
    expect(translator('en')('language.self')).toBe('English');
    expect(isCatalogueLoaded('cy')).toBe(false);
    expect(() => translator('cy')).toThrow(/cy catalogue is not loaded yet/);

    await loadCatalogue('cy');
    expect(isCatalogueLoaded('cy')).toBe(true);
    expect(translator('cy')('footer.version', { version: 3 })).toBe('Fersiwn 3');
  });

  it('fetches each catalogue once however many ask, and every one with loadCatalogues', async () => {
    const { isCatalogueLoaded, loadCatalogue, loadCatalogues, LANGUAGES } = await freshTranslate();
    const first = loadCatalogue('cy');
    expect(loadCatalogue('cy')).toBe(first);
    await loadCatalogues();
    expect(LANGUAGES.every(isCatalogueLoaded)).toBe(true);
  });
});
