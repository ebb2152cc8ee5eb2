/** Provides the current language and its translator to every component. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { loadLanguage, saveLanguage } from './language-preference';
import { hasFirstScreenWords, loadFirstScreenWords, translator, type Language, type Translate } from './translate';

interface I18n {
  language: Language;
  t: Translate;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * A language's first-screen words, when not in the entry script (translate.ts), are fetched before
 * anything renders in it: until then nothing renders (never English words, never a key), and
 * should the fetch fail (offline before the app was saved), English does.
 */
export function I18nProvider({ children, initial }: { children: ComponentChildren; initial?: Language }) {
  const [wanted] = useState<Language>(() => initial ?? loadLanguage());
  const [language, setLanguageState] = useState<Language | undefined>(() => (hasFirstScreenWords(wanted) ? wanted : undefined));
  useEffect(() => {
    if (language) return;
    loadFirstScreenWords(wanted).then(() => setLanguageState(wanted), () => setLanguageState('en'));
  }, []);
  useEffect(() => {
    // WCAG 3.1.1: the page's language must be programmatically determined.
    if (language) document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n | undefined>(() => language && {
    language,
    t: translator(language),
    setLanguage(next) {
      saveLanguage(next);
      // The switch changes the words once they are here; until then the page stays as it is.
      if (hasFirstScreenWords(next)) setLanguageState(next);
      else loadFirstScreenWords(next).then(() => setLanguageState(next), () => undefined);
    },
  }, [language]);
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
